"""In the desk, the article is one stop for Tab; ↓ and ↑ go from link to link inside it, Enter follows one.

Seen on the desk: Tab inside the article walked every passage and place name (QTextBrowser's way),
dozens of presses before the time bar for a keyboard user. Now Tab goes on past it, Shift+Tab back;
the passages are reached with the arrow keys, and the article's accessible description says so.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chronomap.qt.language import language_service

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


def press(window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)
    QCoreApplication.processEvents()


def focus_article(qtbot, window) -> None:
    window.activateWindow()
    window.article.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.article)


def test_tab_goes_on_past_the_article_and_shift_tab_back(qtbot, window):
    focus_article(qtbot, window)
    press(window, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not window.article and after is not None, "Tab stayed inside the article"
    for _ in range(6):  # back (the event card after it has links of its own that Shift+Tab walks)
        press(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        if QApplication.focusWidget() is window.article:
            break
    assert QApplication.focusWidget() is window.article
    press(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not window.article, "Shift+Tab walked back through the article's links"


def test_the_time_bar_is_a_few_tabs_from_the_article(qtbot, window):
    focus_article(qtbot, window)
    presses = 0
    while QApplication.focusWidget() is not window.slider and presses < 11:
        press(window, Qt.Key.Key_Tab)
        presses += 1
    # (the event card after the article still walks its own few links: desk/card.py)
    assert QApplication.focusWidget() is window.slider and presses <= 6, presses


def test_the_arrows_go_from_link_to_link_and_enter_follows_one(qtbot, window):
    focus_article(qtbot, window)
    article = window.article
    press(window, Qt.Key.Key_Down)
    first = article.focused_link()
    assert first is not None
    press(window, Qt.Key.Key_Down)
    second = article.focused_link()
    assert second is not None and article.textCursor().selectionStart() > 0
    press(window, Qt.Key.Key_Up)
    assert article.focused_link() == first
    # on to an event's passage that is not the moment's, and Enter goes to that event
    current = window.model.moment.focus.id if window.model.moment.focus else None
    for _ in range(len(article.links())):
        href = article.focused_link() or ""
        if href.startswith("event:") and href[6:] != current:
            break
        press(window, Qt.Key.Key_Down)
    else:
        pytest.fail("no other event's passage reached with ↓")
    with qtbot.waitSignal(article.passage_clicked, timeout=2000) as clicked:
        press(window, Qt.Key.Key_Return)
    assert clicked.args == [href[6:]]
    qtbot.waitUntil(lambda: window.model.moment.focus is not None and window.model.moment.focus.id == href[6:])


def test_the_description_says_how_the_keys_work_in_every_language(window):
    try:
        for lang in ("en", "ru", "kk"):
            window.model.set_language(lang)
            QCoreApplication.processEvents()
            description = window.article.accessibleDescription()
            assert description and "Tab moves between links" not in description
            if lang == "en":
                assert "Down and Up arrow keys" in description and "Tab goes on past the article" in description
            else:
                assert "arrow" not in description  # translated, not the English
    finally:
        language_service().set_language("en")


def test_a_passage_with_a_place_name_in_it_is_one_stop_and_the_name_comes_after(window):
    article = window.article
    links = article.links()
    found = 0
    for event in window.exhibit.events:
        for sid in event.sentence_ids:
            start, end = article.sentence_range(sid)
            inside = [link for link in links if start <= link[0] and link[1] <= end]
            if not any(href.startswith("place:") for _, _, href in inside):
                continue
            found += 1
            passage = [link for link in inside if link[2].startswith("event:")]
            assert passage == [(start, end, article.anchor_for_sentence(sid))], (sid, passage)  # one stop, all of it
            assert links.index(passage[0]) < min(links.index(link) for link in inside if link is not passage[0])
    assert found > 3
