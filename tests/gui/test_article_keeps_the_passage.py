"""The passage being told stays in view at start, after a resize and after large text (issue 14.12)."""

from __future__ import annotations

import pytest
from page_helpers import LOAD_TIMEOUT
from PySide6.QtGui import QTextCursor

from chronomap.story.dates import day_number

pytestmark = pytest.mark.gui


def _in_view(window) -> bool:
    """The whole passage, or its beginning at the top when it is taller than the panel."""
    article = window.article
    focus = window.model.moment.focus
    assert focus is not None and focus.sentence_ids, "the moment has a passage to tell"
    span = article.sentence_range(focus.sentence_ids[0])
    cursor = QTextCursor(article.document())
    cursor.setPosition(span[0])
    top = article.cursorRect(cursor).top()
    cursor.setPosition(span[1])
    bottom = article.cursorRect(cursor).bottom()
    height = article.viewport().height()
    return top >= 0 and (bottom <= height or (bottom - top > height and top <= 2))


@pytest.fixture
def late_window(qtbot, exhibit, settings):
    """A window opened on a late moment, as a deep link or a restored date opens it: set before shown."""
    from page_helpers import delete_windows

    from chronomap.desk.main_window import MainWindow

    window = MainWindow(exhibit, settings)
    window.model.set_day(day_number(1991, 12, 16))  # independence: near the end of the article
    window.resize(1280, 800)
    with qtbot.waitSignal(window.map_view.ready, timeout=LOAD_TIMEOUT):
        window.show()
    yield window
    delete_windows(qtbot, [window], prepare=lambda w: w.stop_playing())


def test_at_start_the_passage_is_in_view(qtbot, late_window):
    qtbot.waitUntil(lambda: _in_view(late_window))  # shown with the window, not only after an event
    assert late_window.article.verticalScrollBar().value() > 0


def test_after_a_resize_the_passage_is_still_in_view(qtbot, late_window):
    late_window.resize(1000, 560)
    qtbot.waitUntil(lambda: late_window.article.viewport().height() < 500)
    assert _in_view(late_window)
    late_window.resize(1500, 900)
    qtbot.waitUntil(lambda: late_window.article.viewport().height() > 500)
    assert _in_view(late_window)


def test_after_large_text_the_passage_is_still_in_view(qtbot, late_window):
    late_window.set_appearance(large=True)
    assert late_window.model.look.large_type
    assert _in_view(late_window)
    late_window.set_appearance(large=False)
    assert _in_view(late_window)
