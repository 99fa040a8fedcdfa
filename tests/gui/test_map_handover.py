"""A glide that takes over from a pan under way (a new focus while the last one still glides)
draws the base map once, where it ends, not also where the pan was cut short (issue 16.5: during a
run of changes that redraw came once per change, each in a fresh canvas buffer).

The page is asked what it drew (``chronomap.snapshot().frames.redraws``); nothing is timed.
"""

from __future__ import annotations

import json

import pytest
from page_helpers import STEP_TIMEOUT, query_page

from helpers.page import run_js

pytestmark = pytest.mark.gui

#: A long pan is started and, two frames later, a short one takes over from it (as chronomap.view
#: starts a glide); the page says how many full redraws came at the take-over.
TAKE_OVER = r"""(function () {
  var cm = window.chronomap, map = cm.shared.map, frames = 0;
  window.takeOverTest = null;
  map.panBy([60, 0], { animate: true, duration: 1 });
  (function wait() {
    if (++frames < 3) { requestAnimationFrame(wait); return; }
    var before = cm.basemap.redraws();
    cm.basemap.handOver(function () { map.panBy(%s, { animate: true, duration: 0.3 }); });
    window.takeOverTest = JSON.stringify({ atTakeOver: cm.basemap.redraws() - before, before: before });
  })();
  return 1;
})()"""

#: Every base-map canvas as a picture, and again after a full redraw where the view is now.
PICTURES = r"""(function () {
  var map = window.chronomap.shared.map, canvases = [];
  Object.keys(map._layers).forEach(function (k) {
    var r = map._layers[k]._renderer;
    if (r instanceof L.Canvas && canvases.indexOf(r) < 0) { canvases.push(r); }
  });
  var shown = canvases.map(function (r) { return window.chronomap.stack.pictureOf(r).toDataURL(); });
  canvases.forEach(function (r) { r._update(); });
  return JSON.stringify(canvases.map(function (r, i) { return shown[i] === window.chronomap.stack.pictureOf(r).toDataURL(); }));
})()"""


def _settled(qtbot, window) -> None:
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as done:
        window.map_view.when_settled(done)


def _take_over(qtbot, window, offset: str) -> dict:
    _settled(qtbot, window)
    assert run_js(qtbot, window.map_view, TAKE_OVER % offset) == 1
    taken = "window.takeOverTest || ''"
    qtbot.waitUntil(lambda: run_js(qtbot, window.map_view, taken) != "", timeout=STEP_TIMEOUT)
    got = json.loads(run_js(qtbot, window.map_view, taken))
    still = "!window.chronomap.shared.map._panAnim._inProgress"
    qtbot.waitUntil(lambda: run_js(qtbot, window.map_view, still) is True, timeout=STEP_TIMEOUT)
    _settled(qtbot, window)
    got["after"] = query_page(qtbot, window.map_view)["frames"]["redraws"] - got["before"]
    return got


def test_a_glide_taking_over_a_pan_draws_the_base_map_where_it_ends_only(qtbot, window):
    got = _take_over(qtbot, window, "[-40, 25]")
    assert got["atTakeOver"] == 0  # not where the first pan was cut short
    assert got["after"] == 2  # both canvases, once, where the second ended
    assert json.loads(run_js(qtbot, window.map_view, PICTURES)) == [True, True]  # what a redraw there draws


def test_a_take_over_that_moves_nothing_draws_the_base_map_at_once(qtbot, window):
    got = _take_over(qtbot, window, "[0, 0]")  # a zero pan ends with a moveend and starts nothing
    assert got["atTakeOver"] == 2
    assert json.loads(run_js(qtbot, window.map_view, PICTURES)) == [True, True]
