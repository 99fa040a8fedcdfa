"""A new card is painted at its own height: the side panel is laid out once, before the window's paint.

Left to Qt, a card's new text reached the side panel's layout two posted events later, and the window
was painted in between: the card clipped in the old height behind a scroll bar, then the panel again
with the card area grown and the article moved (a probe of bench_explorer's changes saw the side
panel painted twice per change, the second time in front of the map page's answer to the next one)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

pytestmark = pytest.mark.gui


class PaintSpy(QObject):
    """At each paint of the card: the card area's height, the height its text asks, and the scroll bar."""

    def __init__(self, window):
        super().__init__()
        self.window = window
        self.seen: list[tuple[int, int, bool]] = []

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            area = self.window.card_area
            wanted = min(area.content_height(), area.cap())
            self.seen.append((area.height(), wanted, area.verticalScrollBar().isVisible()))
        return False


@pytest.mark.fake_map
def test_each_new_card_is_painted_at_the_height_of_its_text(qtbot, window):
    spy = PaintSpy(window)
    window.card.installEventFilter(spy)
    heights = set()
    for _ in range(8):
        spy.seen.clear()
        with qtbot.waitSignal(window.presenter.shown, timeout=5000):
            assert window.model.next_event()
        qtbot.waitUntil(lambda: bool(spy.seen), timeout=5000)
        heights.add(window.card_area.height())
        for height, wanted, scroll_bar in spy.seen:
            assert height == wanted, f"the card painted {height} px high, its text asks {wanted} px: {spy.seen}"
            assert not scroll_bar or wanted == window.card_area.cap(), f"a scroll bar on a card that fits: {spy.seen}"
    assert len(heights) > 1  # (the cards differ in height, or nothing was tested)
    window.card.removeEventFilter(spy)


def _area_in_a_panel(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from chronomap.desk.fit import CappedScrollArea

    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    label = QLabel()
    label.setWordWrap(True)
    area = CappedScrollArea(label, panel, share=0.4)
    layout.addWidget(area)
    layout.addWidget(QWidget(panel), 1)  # (the article's place)
    panel.resize(300, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, area, label


def test_a_text_that_fits_the_whole_width_after_a_scrolled_one_gets_no_scroll_bar(qtbot):
    """Qt asks the height at the width beside the bar it shows: a text one line taller at that width than at the
    whole width kept the bar, and was scrolled by a line, though at the whole width it fits."""
    panel, area, label = _area_in_a_panel(qtbot)
    bar = area.verticalScrollBar()
    label.setText(" ".join(["word"] * 400))  # far beyond the cap: scrolls
    area.settle()
    assert bar.isVisible()
    whole = area.maximumViewportSize().width()
    narrow = whole - bar.sizeHint().width()
    cap = area.cap()
    # a text that fits under the cap at the whole width, but not beside the bar
    fitting = next(text for n in range(20, 2000) if (text := " ".join(["ab"] * n))
                   and _height(label, text, whole) <= cap < _height(label, text, narrow))
    label.setText(fitting)
    area.settle()
    assert not bar.isVisible() and area.height() == _height(label, fitting, whole)
    qtbot.waitUntil(lambda: area.viewport().width() == whole)  # (and it stays so once Qt's own requests have run)
    assert not bar.isVisible() and area.height() == _height(label, fitting, whole)


def _height(label, text, width):
    """The height *label* takes for *text* at *width*, asked of a fresh label with its settings."""
    from PySide6.QtWidgets import QLabel

    probe = QLabel()
    probe.setWordWrap(True)
    probe.setFont(label.font())
    probe.setText(text)
    return probe.heightForWidth(width)


@pytest.mark.fake_map
def test_a_change_paints_the_card_once(qtbot, window):
    """A card of a new height was painted again a turn later: its text, laid out in the paint at the new
    size, asked for the repaint (QLabel's text control), and that pass stood in front of the map page's
    answer to the next change."""
    marks: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                marks.append("paint")
            return False

    paints = Paints()
    window.card.installEventFilter(paints)
    window.presenter.shown.connect(lambda _moment: marks.append("shown"))
    heights = set()
    for _ in range(8):
        with qtbot.waitSignal(window.presenter.shown, timeout=5000):
            assert window.model.next_event()
        qtbot.waitUntil(lambda: marks[-1] == "paint", timeout=5000)
        heights.add(window.card.height())
    window.card.removeEventFilter(paints)
    turns = " ".join(marks).split("shown")[1:-1]  # the paints after each change, up to the next (the last may be unfinished)
    assert len(heights) > 1  # (cards of new heights were shown)
    assert [turn.split() for turn in turns] == [["paint"]] * len(turns), marks
