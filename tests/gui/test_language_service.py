"""The language service: translators loaded once per language, whatever the number of switches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from chronomap.qt.language import language_service

pytestmark = pytest.mark.gui


def test_switching_all_day_loads_each_language_once(qapp):
    service = language_service()
    try:
        for _ in range(50):
            for lang in ("kk", "ru", "en"):
                service.set_language(lang)
        assert len(service.findChildren(QTranslator)) == 2 + 2 + 1  # kk, ru: ours and Qt's; en: ours
        service.set_language("ru")
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"  # Qt's own buttons too
    finally:
        service.set_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_an_unknown_language_is_refused(qapp):
    with pytest.raises(ValueError, match="expected one of kk, ru, en"):
        language_service().set_language("de")
    assert language_service().current in ("kk", "ru", "en")


def test_rebuilding_the_article_leaves_one_document(qtbot, exhibit):
    """A language or look change rebuilds the article's document; the old ones are deleted."""
    from PySide6.QtGui import QTextDocument

    from chronomap.qt.article_panel import ArticlePanel

    panel = ArticlePanel(exhibit)
    qtbot.addWidget(panel)
    for lang in ("ru", "kk", "en") * 10:
        panel.set_language(lang)
    qtbot.waitUntil(lambda: len(panel.findChildren(QTextDocument)) == 1, timeout=5000)
