"""In the desk, Tab reads the side panel as the eye does: from the map to the event card, one press per
place link in it, then the article below it; Shift+Tab back lands on the card's last link.

Before: Tab went from the map to the article first and then up to the card, where the first press
stopped on the card with no link chosen (nothing shown, Enter did nothing): four presses for three links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


def press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> str:
    """The key to the focused widget; then what has focus: the card's chosen link, else the widget's class."""
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)
    QCoreApplication.processEvents()
    focused = QApplication.focusWidget()
    return f"link {focused.selectedText()}" if focused.objectName() == "card" else type(focused).__name__


def test_tab_goes_from_the_map_through_the_cards_links_to_the_article(qtbot, window):
    window.activateWindow()
    window.map_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.map_view)
    links = [f"link {p.place.label_at(window.model.moment.state.focus.span.start, 'en')}"
             for p in window.model.moment.state.focus.places]
    assert len(links) >= 2
    walked = [press(Qt.Key.Key_Tab) for _ in range(len(links) + 1)]
    assert walked == [*links, "ArticlePanel"]
    back = [press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier) for _ in range(len(links) + 1)]
    assert back == [*reversed(links), type(window.map_view).__name__]


def test_enter_on_the_first_link_tab_reaches_shows_its_place(qtbot, window):
    window.activateWindow()
    window.map_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.map_view)
    press(Qt.Key.Key_Tab)
    first = window.model.moment.state.focus.places[0].place.id
    with qtbot.waitSignal(window.card.place_link, timeout=2000) as shown:
        press(Qt.Key.Key_Return)
    assert shown.args == [first]
