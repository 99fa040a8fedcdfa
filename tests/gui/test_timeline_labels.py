"""The time bar's year labels never run together, whatever the width and span (a centuries-long LPF import did)."""

from __future__ import annotations

import copy
from itertools import pairwise, takewhile

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from chronomap.qt import theme
from chronomap.qt.timeline_slider import TimelineSlider, year_steps
from chronomap.session import STANDARD_LOOK, Look
from chronomap.story.dates import day_number
from chronomap.story.timeline import Timeline

pytestmark = pytest.mark.gui

LARGE = Look(high_contrast=False, large_type=True)
#: (first, last) year of the stretched timelines; the built-in exhibit is 1986–1991
SPANS = [(623, 800), (1900, 2000), (1, 2000), (-3000, 2020), (1980, 1995)]
WIDTHS = [160, 320, 640, 900, 1320, 1920]


def _stretched(timeline: Timeline, first: int, last: int) -> Timeline:
    """The built-in timeline running from mid-*first* to mid-*last*: only its ends matter to the labels."""
    stretched = copy.copy(timeline)
    stretched.start, stretched.end = day_number(first, 6, 1), day_number(last, 6, 1)
    return stretched


def _slider(qtbot, timeline: Timeline, width: int, *, touch: bool = False, look: Look = STANDARD_LOOK) -> TimelineSlider:
    slider = TimelineSlider(timeline, touch=touch)
    qtbot.addWidget(slider)
    slider.resize(width, slider.minimumHeight())
    slider.set_look(look)
    return slider


def _assert_readable(slider: TimelineSlider, first: int, last: int) -> None:
    labels = slider.year_label_rects()
    years = [year for year, _ in labels]
    assert years == sorted(years) and len(years) == len(set(years))
    for (year_a, a), (year_b, b) in pairwise(labels):
        assert a.right() < b.left(), f"{year_a} and {year_b} overlap: {a} {b}"
    for year, rect in labels:
        assert 0 <= rect.left() and rect.right() <= slider.width(), (year, rect)
        assert first < year <= last + 1
    steps = {b - a for a, b in pairwise(years)}
    assert len(steps) <= 1 and steps <= set(takewhile(lambda s: s <= 10**6, year_steps())), steps  # a round, even step
    if len(years) >= 2:
        step = steps.pop()
        assert years[0] - first <= step and last - years[-1] <= step  # the labels reach both ends of the bar


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("first", "last"), SPANS)
@pytest.mark.parametrize(("touch", "look"), [(False, STANDARD_LOOK), (True, LARGE)], ids=["desk", "kiosk-large"])
def test_year_labels_never_overlap(qtbot, timeline, first, last, width, touch, look):
    slider = _slider(qtbot, _stretched(timeline, first, last), width, touch=touch, look=look)
    _assert_readable(slider, first, last)
    if width >= 640:
        assert len(slider.year_label_rects()) >= 4, "a wide bar still labels a handful of years"


@pytest.mark.parametrize("width", [640, 900, 1320, 1920])
@pytest.mark.parametrize("touch", [False, True], ids=["desk", "kiosk"])
def test_the_first_exhibit_keeps_every_year_label_centred_on_its_mark(qtbot, timeline, width, touch):
    slider = _slider(qtbot, timeline, width, touch=touch)
    labels = slider.year_label_rects()
    assert [year for year, _ in labels] == [1987, 1988, 1989, 1990, 1991]
    for (day, _), (_, rect) in zip(timeline.year_marks(), labels, strict=True):
        assert rect.center().x() == pytest.approx(slider.x_for_day(day))
    assert slider.year_mark_xs() == [slider.x_for_day(day) for day, _ in timeline.year_marks()]


def _ink_runs(slider: TimelineSlider) -> list[tuple[int, int]]:
    """Column ranges where the label row is painted: runs of text ink split by 4 or more blank columns."""
    image = slider.grab().toImage()
    panel = theme.colours(slider.look).panel
    top = round(slider._track().bottom() + 11)
    rows = range(top, min(image.height(), top + 12))
    inked = [any(QColor(image.pixelColor(QPoint(x, y))) != panel for y in rows) for x in range(image.width())]
    runs, start = [], None
    for x, ink in enumerate([*inked, False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            runs.append((start, x - 1))
            start = None
    merged: list[tuple[int, int]] = []
    for left, right in runs:
        if merged and left - merged[-1][1] <= 4:  # the gap between two digits of one label
            merged[-1] = (merged[-1][0], right)
        else:
            merged.append((left, right))
    return merged


def test_painted_labels_of_a_centuries_long_bar_stand_apart(qtbot, timeline):
    """The monasteries import (623–800 at the default desk width) painted one long smear of digits."""
    slider = _slider(qtbot, _stretched(timeline, 623, 800), 1320)
    runs = _ink_runs(slider)
    labels = slider.year_label_rects()
    assert len(runs) == len(labels) >= 4
    for (left, right), (_, rect) in zip(runs, labels, strict=True):
        assert rect.left() - 1 <= left and right <= rect.right() + 1
