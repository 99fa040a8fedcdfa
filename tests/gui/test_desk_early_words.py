"""A start from the memo shows the window's frame before the exhibit is read (chronomap.desk.start_memo):
its menus and toolbar have their words from that first frame, in the language the window opens in.

Seen on Xvfb: the toolbar's buttons were blank and the menu bar had no titles (and so was lower) until the
window was filled; filled, the menu bar grew and the map moved down."""

from __future__ import annotations

import pytest
from page_helpers import delete_windows

from chronomap.desk.main_window import MainWindow
from chronomap.desk.start_memo import EarlyPage
from chronomap.qt import theme
from chronomap.qt.language import language_service
from chronomap.qt.session import Look

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Qt's translators are application-wide: leave them as found."""
    language_service().set_language("en")
    yield
    language_service().set_language("en")


def _words(window: MainWindow) -> dict[str, str]:
    return {"file": window.file_menu.title(), "go": window.go_menu.title(),
            **{name: window.toolbar.widgetForAction(act).text()
               for name, act in (("open", window.act_open), ("export", window.act_export), ("copy", window.act_copy))}}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_early_frame_has_the_filled_windows_words_and_chrome(qtbot, tmp_path, settings, exhibit, lang):
    settings.setValue("ui/language", lang)
    page = tmp_path / "early.html"
    page.write_text("<!doctype html><title>early</title>", encoding="utf-8")
    style = theme.style_sheet(Look())  # the frame's chrome as the filled window's (as start_memo keeps it)
    window = MainWindow(None, settings, early=EarlyPage(page, "x", (900, 600), 120, style))
    try:
        window.show()
        qtbot.waitExposed(window)
        early_words = _words(window)
        assert all(early_words.values()), early_words
        assert window.toolbar.widgetForAction(window.act_open).accessibleName()
        chrome = (window.menuBar().height(), window.toolbar.height())
        window.install(exhibit)
        assert _words(window) == early_words
        assert language_service().current == lang
        window.layout().activate()
        assert (window.menuBar().height(), window.toolbar.height()) == chrome, "the chrome grew when the window was filled"
    finally:
        delete_windows(qtbot, [window])
