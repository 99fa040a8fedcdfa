"""The interface language at run time: Qt translators installed, everyone told.

One :class:`LanguageService` per application. Choosing a language installs the
compiled ``chronomap_<lang>.qm`` and Qt's own ``qtbase_<lang>.qm`` (standard
buttons such as "Cancel"); Qt then sends every widget a ``LanguageChange``
event, and ``changed`` tells the views that show exhibit text (dates, place
names, event titles, the map page) to re-render in the new language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from chronomap.i18n import DEFAULT_LANGUAGE, check_language, language_from_locale, qm_path

log = logging.getLogger("chronomap.ui")


def system_language() -> str:
    """The system locale's language when it is one of ours, else English."""
    return language_from_locale(QLocale.system().name())


class LanguageService(QObject):
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._current = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []
        # Loaded once per language and kept: a kiosk's visitors switch languages all day long.
        self._loaded: dict[str, list[QTranslator]] = {}

    @property
    def current(self) -> str:
        return self._current

    def set_language(self, lang: str) -> None:
        """Switch the whole interface; a no-op when *lang* is already in use."""
        check_language(lang)
        if lang == self._current and self._installed:
            return
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the interface language needs a running QCoreApplication to install translators into")
        for translator in self._installed:
            app.removeTranslator(translator)
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        self._installed = list(self._loaded[lang])
        for translator in self._installed:
            app.installTranslator(translator)
        self._current = lang
        QLocale.setDefault(QLocale(lang))
        log.info("interface language: %s", lang)
        self.changed.emit(lang)

    def _load(self, lang: str) -> list[QTranslator]:
        """Our strings (English too: its plural forms, "1 second") and Qt's own for the standard buttons."""
        found = []
        sources = [(str(qm_path(lang)), "")]
        if lang != DEFAULT_LANGUAGE:
            sources.append((f"qtbase_{lang}.qm", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        for name, directory in sources:
            translator = QTranslator(self)
            if translator.load(name, directory):
                found.append(translator)
            else:
                log.error("translation %s not found in %s; those strings stay in English", name, directory or "the package")
                translator.deleteLater()
        return found


def language_service() -> LanguageService:
    """The application's one language service (made on first use)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before asking for the language service")
    service = app.findChild(LanguageService, "chronomapLanguage")
    if service is None:
        service = LanguageService(app)
        service.setObjectName("chronomapLanguage")
    return service

