"""The page holds no more after many states than after a few (issue 16.5, "Lighter"), and its
canvases give back the buffers a run of redraws took.

A state restyles what exists: it adds no element, layer or listener, and the frame marks the
page keeps for benchmarks are bounded. What does grow over thousands of states is garbage the
render process frees later (tests/benchmarks/bench_memory.py says how much, and when).
"""

from __future__ import annotations

import json

import pytest
from page_helpers import STEP_TIMEOUT, query_page, show_new_day

from helpers.page import run_js
from helpers.processes import usage_mb

pytestmark = pytest.mark.gui

#: What the page holds: its elements, Leaflet's layers and the listeners on them and on the map.
HOLDINGS = r"""(function () {
  var map = window.chronomap.shared.map;
  var count = function (o) {
    var n = 0;
    Object.keys((o && o._events) || {}).forEach(function (k) { n += o._events[k].length; });
    return n;
  };
  var layers = Object.keys(map._layers);
  return JSON.stringify({
    nodes: document.getElementsByTagName("*").length,
    layers: layers.length,
    listeners: layers.reduce(function (n, k) { return n + count(map._layers[k]); }, count(map))
  });
})()"""


def _holdings(qtbot, window) -> dict:
    return json.loads(run_js(qtbot, window.map_view, HOLDINGS))


def _days(window) -> list[int]:
    """Each event's first day and a day between it and the next: statuses, labels and focus all change."""
    events = window.timeline.events
    days: list[int] = []
    for a, b in zip(events, events[1:], strict=False):
        days += [a.span.start, (a.span.start + b.span.start) // 2]
    return days


def _drive(qtbot, window, states: int, start: int = 0) -> None:
    days = _days(window)
    for i in range(start, start + states):
        show_new_day(qtbot, window, days[i % len(days)])


def test_many_states_add_no_element_layer_or_listener(qtbot, window):
    _drive(qtbot, window, 30)
    few = _holdings(qtbot, window)
    _drive(qtbot, window, 150, start=30)
    many = _holdings(qtbot, window)
    assert many == few
    assert query_page(qtbot, window.map_view)["frames"]["applied"] >= 180


def test_the_frame_marks_kept_are_bounded(qtbot, window):
    """Each state applied leaves a mark (for bench_explorer); a kiosk applies millions in a season."""
    run_js(qtbot, window.map_view, "(function () { for (var i = 0; i < 5000; i++) {"
                                   " window.chronomap.frames.noteApplied(100000 + i); } return 1; })()")
    qtbot.waitUntil(lambda: len(query_page(qtbot, window.map_view)["frames"]["marks"]) >= 2048,
                    timeout=STEP_TIMEOUT)
    marks = query_page(qtbot, window.map_view)["frames"]["marks"]
    assert len(marks) == 2048
    assert marks[-1][0] == 104999  # the newest are the ones kept


#: Every canvas renderer of the map drawn again in each of 40 animation frames, as during a run of changes.
REDRAW_FRAMES = r"""(function () {
  var map = window.chronomap.shared.map, canvases = [];
  Object.keys(map._layers).forEach(function (k) {
    var r = map._layers[k]._renderer;
    if (r instanceof L.Canvas && canvases.indexOf(r) < 0) { canvases.push(r); }
  });
  var n = 0;
  (function frame() {
    canvases.forEach(function (r) { r._update(); });
    if (++n < 40) { requestAnimationFrame(frame); }
  })();
  return canvases.length;
})()"""


def test_the_canvases_free_the_buffers_a_run_of_redraws_took(qtbot, window):
    """Redrawn frame after frame, each canvas keeps up to four view-sized shared-memory buffers (also
    resident in the app's compositor); Chromium's Canvas2DReclaimUnusedResources (configure_webengine)
    frees the spare ones 5-10 s after their last use. Without it they stay for as long as the page."""
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as done:
        window.map_view.when_settled(done)
    pid = window.map_view.render_process_pid()
    rested = usage_mb(pid)["shm"]
    assert run_js(qtbot, window.map_view, REDRAW_FRAMES) == 2
    qtbot.waitUntil(lambda: usage_mb(pid)["shm"] > rested + 6, timeout=STEP_TIMEOUT)  # spare buffers taken
    qtbot.waitUntil(lambda: usage_mb(pid)["shm"] < rested + 3, timeout=40_000)  # and given back
