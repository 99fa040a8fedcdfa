"""The time slider as painted: the past stays visible, fuzzy dates are spans (issue 14.17)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from chronomap.qt import theme
from chronomap.qt.timeline_slider import TimelineSlider
from chronomap.session import STANDARD_LOOK, Look
from chronomap.story.loader import load_exhibit
from chronomap.story.timeline import Timeline

pytestmark = pytest.mark.gui

HIGH_CONTRAST = Look(high_contrast=True, large_type=False)


def _painted(qtbot, timeline: Timeline, look: Look, day: int) -> tuple[TimelineSlider, QImage]:
    slider = TimelineSlider(timeline)
    qtbot.addWidget(slider)
    slider.resize(900, 80)
    slider.set_look(look)
    slider.show_moment(day, None, frozenset())
    return slider, slider.grab().toImage()


def _track_row(slider: TimelineSlider) -> int:
    track = slider._track()  # the geometry the slider paints with
    return round(track.center().y())


@pytest.mark.parametrize("look", [STANDARD_LOOK, HIGH_CONTRAST], ids=["standard", "high-contrast"])
def test_ticks_before_the_handle_stand_out_on_the_elapsed_track(qtbot, timeline, look):
    slider, image = _painted(qtbot, timeline, look, timeline.end)  # everything is past
    palette = theme.colours(look)
    y = _track_row(slider)
    inks = []
    handle_x = slider.x_for_day(timeline.end)
    for tick in timeline.ticks():
        x = round(slider.x_for_day(tick.span_start))
        if abs(x - handle_x) <= 13:
            continue  # under the handle and its ring
        if tick.span_end - tick.span_start > 0:
            continue  # spans are drawn translucent; the single-day ticks are the ones that vanished
        # the line is 1.6 px wide and antialiased: its darkest pixel is the one a visitor sees
        inks.append(max(theme.contrast_ratio(image.pixelColor(QPoint(x + dx, y)), palette.track_done) for dx in (-1, 0, 1)))
    assert inks, "the built-in exhibit has single-day events before its end"
    assert min(inks) >= 3.0, inks


def _fuzzy_copy(exhibit_copy, date: str):
    def change(story):
        story["events"][3]["date"] = date

    exhibit_copy.edit("story.json", change)
    return Timeline(load_exhibit(exhibit_copy.folder))


def _painted_width(slider: TimelineSlider, image: QImage, x: float, background: QColor) -> int:
    """How many pixels either side of x, on the row just above the track, differ from the background."""
    y = round(slider._track().top() + 1)
    row = [image.pixelColor(QPoint(i, y)) != background for i in range(image.width())]
    left = right = round(x)
    while left > 0 and row[left - 1]:
        left -= 1
    while right < len(row) - 1 and row[right + 1]:
        right += 1
    return right - left + 1 if row[round(x)] else 0


@pytest.mark.parametrize("mark", ["?", "~", "%"])
def test_an_uncertain_single_day_is_a_span_not_a_tick(qtbot, exhibit_copy, mark):
    sharp = _fuzzy_copy(exhibit_copy, "1988-05-10")
    fuzzy = _fuzzy_copy(exhibit_copy, f"1988-05-10{mark}")
    widths = []
    for timeline in (sharp, fuzzy):
        slider, image = _painted(qtbot, timeline, STANDARD_LOOK, timeline.start)  # all ahead of the handle
        tick = next(t for t in timeline.ticks() if t.event_id == timeline.events[3].id)
        widths.append(_painted_width(slider, image, slider.x_for_day(tick.span_start), theme.colours(STANDARD_LOOK).track))
    sharp_width, fuzzy_width = widths
    assert sharp_width <= 3
    assert fuzzy_width >= TimelineSlider.FUZZY_MIN_PX - 1


def test_fuzzy_is_carried_by_the_tick(exhibit_copy):
    timeline = _fuzzy_copy(exhibit_copy, "1988-05-10~")
    flags = {t.event_id: t.fuzzy for t in timeline.ticks()}
    assert flags[timeline.events[3].id] is True
    assert sum(flags.values()) == 1


# -- what is painted once and kept (the year marks, the strip, the track) follows what it is drawn from -------------


def _moved_copy(exhibit_copy, date: str) -> Timeline:
    def change(story):
        story["events"][3]["date"] = date

    exhibit_copy.edit("story.json", change)
    return Timeline(load_exhibit(exhibit_copy.folder))


def _fresh(qtbot, timeline: Timeline, look: Look, day: int, size=(900, 80)) -> QImage:
    slider = TimelineSlider(timeline)
    qtbot.addWidget(slider)
    slider.resize(*size)
    slider.set_look(look)
    slider.show_moment(day, None, frozenset())
    return slider.grab().toImage()


def test_a_new_timeline_is_painted_with_its_own_ticks(qtbot, exhibit_copy):
    """The editor hands the slider the timeline of the corrected exhibit (ExplorerPresenter.replace_exhibit):
    an event moved to another year is drawn where it now is, not where it was."""
    before = _moved_copy(exhibit_copy, "1987-03-01")
    after = _moved_copy(exhibit_copy, "1990-09-01")
    slider, _ = _painted(qtbot, before, STANDARD_LOOK, before.start)
    slider.timeline = after
    slider.show_moment(after.start, None, frozenset())
    assert slider.grab().toImage() == _fresh(qtbot, after, STANDARD_LOOK, after.start)


def test_a_new_look_and_a_new_size_are_painted_afresh(qtbot, timeline):
    slider, first = _painted(qtbot, timeline, STANDARD_LOOK, timeline.start)
    slider.set_look(HIGH_CONTRAST)
    assert slider.grab().toImage() == _fresh(qtbot, timeline, HIGH_CONTRAST, timeline.start)
    slider.resize(700, 96)
    assert slider.grab().toImage() == _fresh(qtbot, timeline, HIGH_CONTRAST, timeline.start, size=(700, 96))
    slider.set_look(STANDARD_LOOK)
    slider.resize(900, 80)
    assert slider.grab().toImage() == first


def test_a_moving_handle_repaints_the_past_and_the_ticks_each_time(qtbot, timeline):
    slider, _ = _painted(qtbot, timeline, STANDARD_LOOK, timeline.start)
    middle = (timeline.start + timeline.end) // 2
    current = frozenset({timeline.events[2].id})
    slider.show_moment(middle, timeline.events[2].id, current)
    fresh = TimelineSlider(timeline)
    qtbot.addWidget(fresh)
    fresh.resize(900, 80)
    fresh.show_moment(middle, timeline.events[2].id, current)
    assert slider.grab().toImage() == fresh.grab().toImage()


def test_a_finger_pressed_on_an_event_tick_and_moved_drags(qtbot, timeline):
    """On a real X server a press on a tick away from the handle jumped to that event, and the moves after
    it did nothing: a visitor who put a finger down on the track near any tick could not drag."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    slider = TimelineSlider(timeline)
    qtbot.addWidget(slider)
    slider.resize(900, 80)
    slider.show_moment(timeline.end, None, frozenset())  # the handle far from the first tick
    first = timeline.ticks()[0]
    y = slider._track().center().y()
    clicked, days, drags = [], [], []
    slider.event_clicked.connect(clicked.append)
    slider.day_changed.connect(days.append)
    slider.drag_changed.connect(drags.append)

    def send(kind, x):
        pos = QPointF(x, y)
        button = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        held = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
        QApplication.sendEvent(slider, QMouseEvent(kind, pos, slider.mapToGlobal(pos), button, held,
                                                   Qt.KeyboardModifier.NoModifier))

    x0 = slider.x_for_day(first.span_start)
    send(QMouseEvent.Type.MouseButtonPress, x0)
    assert clicked == [first.event_id] and days == []  # the press alone: the event
    send(QMouseEvent.Type.MouseMove, x0 + 200)
    send(QMouseEvent.Type.MouseButtonRelease, x0 + 200)
    assert drags == [True, False]
    assert days == [slider.day_for_x(x0 + 200)]
