"""What the visitor sees follows at once (issue 16): a drag of the slider never queues states and
never starts a glide (the view holds still and glides once the drag ends); Next still glides; the
opening is drawn where it belongs, and no label shows before the base map.

The page is asked what it did (``chronomap.snapshot().frames``: states applied,
glides started); nothing sleeps or times anything.
"""

from __future__ import annotations

import json

import pytest
from page_helpers import STEP_TIMEOUT, query_page
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chronomap.qt.timeline_slider import TimelineSlider
from helpers.page import run_js

pytestmark = pytest.mark.gui

DRAG_STEPS = 40


def _frames(qtbot, window) -> dict:
    return query_page(qtbot, window.map_view)["frames"]


def _settled(qtbot, window) -> None:
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as done:
        window.map_view.when_settled(done)


def _send_mouse(slider: TimelineSlider, kind: QMouseEvent.Type, x: float) -> None:
    """A mouse event straight into the slider: no turn of the event loop in between, as when
    the pointer moves faster than the page answers."""
    pos = QPointF(x, slider._track().center().y())  # the geometry the slider hit-tests with
    left = Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else left
    button = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseMove else left
    QApplication.sendEvent(slider, QMouseEvent(kind, pos, slider.mapToGlobal(pos), button, held,
                                               Qt.KeyboardModifier.NoModifier))


def _wait_page_at_last_state(qtbot, window) -> dict:
    last = window.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["seq"] == last, timeout=STEP_TIMEOUT)
    return query_page(qtbot, window.map_view)


def test_a_fast_drag_sends_the_first_and_the_latest_state_only(qtbot, window):
    _settled(qtbot, window)
    slider = window.slider
    before = _frames(qtbot, window)
    first_seq = window.map_view.last_state["seq"]
    x0 = slider.x_for_day(slider.day)
    x1 = slider.x_for_day(window.timeline.end)
    _send_mouse(slider, QMouseEvent.Type.MouseButtonPress, x0)
    for i in range(1, DRAG_STEPS + 1):
        _send_mouse(slider, QMouseEvent.Type.MouseMove, x0 + (x1 - x0) * i / DRAG_STEPS)
    given = window.map_view.last_state["seq"] - first_seq
    assert given >= DRAG_STEPS - 2  # (almost) every move is a new day, each a state

    snap = _wait_page_at_last_state(qtbot, window)
    applied = snap["frames"]["applied"] - before["applied"]
    # the first move went at once; the others arrived while it was in flight: only the latest followed
    assert 1 <= applied <= 2, f"{given} states given, {applied} applied"
    assert snap["frames"]["glides"] == before["glides"], "a drag change started a glide"
    assert snap["moving"] is False
    # the page shows the last day of the drag
    assert window.model.day == window.timeline.end
    expected = window.builder.page_state(window.timeline.state_at(window.model.day), window.model.day)
    assert snap["statuses"] == {pid: expected["places"].get(pid, {}).get("status", "upcoming")
                                for pid in snap["statuses"]}
    assert window.map_view.last_state["focus"] is None  # the view held still during the drag

    # the finger rests: the view frames where it stopped, with one glide at most
    _send_mouse(slider, QMouseEvent.Type.MouseButtonRelease, x1)
    assert not slider.dragging
    assert window.map_view.last_state["focus"] == expected["focus"] is not None
    assert window.map_view.last_state["animate"] is True
    snap = _wait_page_at_last_state(qtbot, window)
    assert snap["frames"]["glides"] <= before["glides"] + 1


def test_next_still_glides(qtbot, window):
    _settled(qtbot, window)
    before = _frames(qtbot, window)
    focus = window.map_view.last_state["focus"]
    assert window.model.next_event()
    assert window.map_view.last_state["animate"] is True
    assert window.map_view.last_state["focus"] != focus  # a new focus, so the page has somewhere to glide
    snap = _wait_page_at_last_state(qtbot, window)
    assert snap["frames"]["glides"] == before["glides"] + 1


def test_drag_changed_tells_a_drag_from_a_click(qtbot, timeline):
    slider = TimelineSlider(timeline)
    qtbot.addWidget(slider)
    slider.resize(900, 80)
    told: list[bool] = []
    slider.drag_changed.connect(told.append)
    y = round(slider._track().center().y())
    handle = QPoint(round(slider.x_for_day(slider.day)), y)
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle)
    assert told == [] and not slider.dragging  # a click on the track is a jump, not a drag

    seen_while: list[bool] = []
    slider.day_changed.connect(lambda _day: seen_while.append(slider.dragging))
    _send_mouse(slider, QMouseEvent.Type.MouseButtonPress, handle.x())
    _send_mouse(slider, QMouseEvent.Type.MouseMove, handle.x() + 200)
    assert told == [True] and slider.dragging
    _send_mouse(slider, QMouseEvent.Type.MouseMove, handle.x() + 300)
    _send_mouse(slider, QMouseEvent.Type.MouseButtonRelease, handle.x() + 300)
    assert told == [True, False] and not slider.dragging
    assert seen_while == [False, True, True]  # the press itself is not a drag change


def test_the_opening_is_drawn_without_a_glide(qtbot, window):
    assert window.map_view.last_state["animate"] is False  # given before the page was ready
    snap = _wait_page_at_last_state(qtbot, window)
    assert snap["frames"]["glides"] == 0 and snap["moving"] is False
    (south, west), (north, east) = window.map_view.last_state["focus"]
    lat, lon = snap["center"]
    assert south < lat < north and west < lon < east


LABELS_VISIBILITY = ("getComputedStyle(document.querySelector('.leaflet-cm-labels-pane')).visibility")


def test_no_label_shows_before_the_base_map(qtbot, window):
    container = "chronomap.shared.map.getContainer()"
    assert "cm-ready" in query_page(qtbot, window.map_view)["containerClasses"].split()
    assert run_js(qtbot, window.map_view, LABELS_VISIBILITY) == "visible"
    # the page as it is before the base map is drawn
    assert run_js(qtbot, window.map_view, f"{container}.classList.remove('cm-ready'); {LABELS_VISIBILITY}") == "hidden"
    run_js(qtbot, window.map_view, f"{container}.classList.add('cm-ready'); 0")


def _moved_focus(focus, north: float = 0.0, east: float = 0.0) -> list:
    (south, west), (top, right) = focus
    return [[south + north, west + east], [top + north, right + east]]


def test_a_state_whose_view_is_already_right_moves_nothing(qtbot, window):
    _settled(qtbot, window)
    before = _frames(qtbot, window)
    state = window.map_view.last_state
    # another focus (the page frames a new one) whose frame is the view as it is
    state["focus"] = _moved_focus(state["focus"], north=1e-7)
    state["animate"] = True
    window.map_view.show_state(state)
    snap = _wait_page_at_last_state(qtbot, window)
    frames = snap["frames"]
    assert frames["glides"] == before["glides"], "a glide started for a view that was already right"
    assert frames["still"] == before["still"] + 1
    assert frames["redraws"] == before["redraws"], "the base map was drawn again for a view that did not change"
    assert snap["moving"] is False


def test_a_state_is_applied_before_its_glide_starts(qtbot, window):
    """The state's colours and labels are in the first frame after it, and its answer does not
    wait behind the glide's first step: applyState returns before the map starts to move."""
    from chronomap.map import bridge

    _settled(qtbot, window)
    moment = window.timeline.moment_for_event(window.timeline.events[-1].id)
    state = window.builder.page_state(moment.state, moment.day, animate=True)
    state["seq"] = window.map_view.last_state["seq"]
    assert state["focus"] != window.map_view.last_state["focus"]
    script = bridge.apply_state(state)
    got = run_js(qtbot, window.map_view, f"""(function () {{
        var map = chronomap.shared.map, started = false;
        window.__glideStarted = false;
        map.once("movestart", function () {{ started = true; window.__glideStarted = true; }});
        var seq = {script};
        var statuses = chronomap.snapshot().statuses;
        return JSON.stringify({{seq: seq, startedInApply: started, moving: chronomap.isMoving(), statuses: statuses}});
    }})()""")
    got = json.loads(got)
    assert got["seq"] == state["seq"]
    assert got["startedInApply"] is False, "the glide's first step ran inside applyState"
    assert got["moving"] is True  # a glide is due: a settle wait does not end before it
    assert got["statuses"] == {pid: state["places"].get(pid, {}).get("status", "upcoming") for pid in got["statuses"]}
    qtbot.waitUntil(lambda: run_js(qtbot, window.map_view, "window.__glideStarted") is True, timeout=STEP_TIMEOUT)
    _settled(qtbot, window)


def test_a_near_focus_slides_the_view_without_a_zoom(qtbot, window):
    _settled(qtbot, window)
    before = _frames(qtbot, window)
    start = query_page(qtbot, window.map_view)
    run_js(qtbot, window.map_view, "window.__zooms = 0; chronomap.shared.map.on('zoom', function () { window.__zooms++; }); 0")
    state = window.map_view.last_state
    (_south, west), (_north, east) = state["focus"]
    state["focus"] = _moved_focus(state["focus"], east=(east - west) * 0.1)
    state["animate"] = True
    window.map_view.show_state(state)
    _wait_page_at_last_state(qtbot, window)
    _settled(qtbot, window)
    snap = query_page(qtbot, window.map_view)
    assert snap["frames"]["glides"] == before["glides"] + 1
    assert snap["zoom"] == start["zoom"] and snap["center"][1] > start["center"][1]  # it slid east
    assert run_js(qtbot, window.map_view, "window.__zooms") == 0, "a near focus was flown to (out and in)"
    # drawn once more, where the slide ended (each canvas once), none on the way
    assert snap["frames"]["redraws"] - before["redraws"] <= 2
