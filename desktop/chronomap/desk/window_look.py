"""The desk window's language and look: the session's choice shown in the chrome and remembered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronomap.desk.window_part import WindowPart
from chronomap.desk.window_settings import saved_language_and_look

if TYPE_CHECKING:
    from chronomap.qt.session import Look


class WindowLook(WindowPart):
    """Part of :class:`~chronomap.desk.main_window.MainWindow`: language and look follow the session (one
    source for every view), the window only reflects them (title, checked items, style sheet) and saves them."""

    def _language_changed(self, lang: str) -> None:
        """The window's own exhibit words in *lang* (the presenter re-renders the views; the chrome
        follows Qt's LanguageChange); remembered."""
        self.act_languages[lang].setChecked(True)
        self.setWindowTitle(f"{self.exhibit.title_in(lang)} — Chronomap")
        self._rebuild_events_menu()
        self.settings.setValue("ui/language", lang)

    def set_appearance(self, high_contrast: bool | None = None, large: bool | None = None) -> None:
        """High contrast and large type, for the widgets and the map page alike (through the session)."""
        from chronomap.qt.session import Look

        look = self.model.look
        self.model.set_look(Look(look.high_contrast if high_contrast is None else bool(high_contrast),
                                 look.large_type if large is None else bool(large)))

    def _look_changed(self, look: Look) -> None:
        from chronomap.qt import theme

        self.focus_ring.colour = theme.colours(look).focus_frame
        self.act_contrast.setChecked(look.high_contrast)
        self.act_large.setChecked(look.large_type)
        self.setStyleSheet(theme.style_sheet(look))
        self.settings.setValue("ui/high_contrast", look.high_contrast)
        self.settings.setValue("ui/large_type", look.large_type)

    def _saved_language_and_look(self) -> tuple[str, Look]:
        return saved_language_and_look(self.settings)
