"""The base map is shown as one canvas standing on the pixel grid (issue 16.5, "Lighter").

Its two pictures (the countries with the graticule, the borders with the water) are laid over the
sea in one shown canvas (chronomap.stack), so the compositor keeps one canvas's pool of buffers,
not two. That gives the pictures two stacked canvases gave only while both stand on whole pixels:
the page is asked where its canvases stand after views set without a glide (Leaflet's reset left
them a fraction of a pixel off, resampled), and whether the shown canvas, after a run of states
that restyle countries and borders, is what laying the two pictures over the sea gives now.
"""

from __future__ import annotations

import json
import re

import pytest
from page_helpers import STEP_TIMEOUT, show_new_day

from helpers.page import run_js

pytestmark = pytest.mark.gui

#: Every base-map canvas element: its transform and whether it is displayed.
CANVASES = r"""JSON.stringify(Array.from(document.querySelectorAll(".leaflet-cm-countries-pane canvas, .leaflet-cm-borders-pane canvas"))
  .map(function (c) { return { transform: c.style.transform, shown: getComputedStyle(c).display !== "none" }; }))"""

#: The shown canvas against the pictures laid over the sea afresh: how many bytes differ.
RECOMPOSED = r"""(function () {
  var cm = window.chronomap, map = cm.shared.map, shown = cm.stack.shownCanvas(), renderers = [];
  Object.keys(map._layers).forEach(function (k) {
    var r = map._layers[k]._renderer;
    if (r instanceof L.Canvas && renderers.indexOf(r) < 0) { renderers.push(r); }
  });
  renderers.sort(function (a, b) { return (b.options.shown ? 1 : 0) - (a.options.shown ? 1 : 0); });
  var fresh = document.createElement("canvas");
  fresh.width = shown.width;
  fresh.height = shown.height;
  var ctx = fresh.getContext("2d");
  ctx.fillStyle = getComputedStyle(map.getContainer()).backgroundColor;
  ctx.fillRect(0, 0, fresh.width, fresh.height);
  renderers.forEach(function (r) { ctx.drawImage(cm.stack.pictureOf(r), 0, 0); });
  var a = shown.getContext("2d").getImageData(0, 0, shown.width, shown.height).data;
  var b = ctx.getImageData(0, 0, fresh.width, fresh.height).data, differ = 0;
  for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { differ++; } }
  return JSON.stringify({ renderers: renderers.length, differ: differ, bytes: a.length });
})()"""

WHOLE = re.compile(r"translate3d\(-?\d+px, -?\d+px, 0px\)")

#: Where the places' SVG (Leaflet's own renderer, in the overlay pane) stands.
PLACES_SVG = r"""document.querySelector(".leaflet-overlay-pane svg").style.transform"""


def _settled(qtbot, window) -> None:
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as done:
        window.map_view.when_settled(done)


def _canvases(qtbot, window) -> list[dict]:
    return json.loads(run_js(qtbot, window.map_view, CANVASES))


def _states(qtbot, window, count: int) -> None:
    """*count* states in a row, each a new moment (countries and borders restyled, new focus)."""
    events = window.timeline.events
    for i in range(count):
        show_new_day(qtbot, window, events[(i * 3) % len(events)].span.start)


def test_one_base_map_canvas_is_shown_on_whole_pixels(qtbot, window):
    _settled(qtbot, window)
    canvases = _canvases(qtbot, window)
    assert [c["shown"] for c in canvases].count(True) == 1
    # the opening is framed without a glide (Leaflet's reset): the canvases stand on whole pixels
    assert all(WHOLE.fullmatch(c["transform"]) for c in canvases), canvases
    run_js(qtbot, window.map_view, "window.chronomap.resetView()")  # a view set at once, again
    _settled(qtbot, window)
    assert all(WHOLE.fullmatch(c["transform"]) for c in _canvases(qtbot, window))


def test_the_shown_canvas_is_the_two_pictures_laid_over_the_sea(qtbot, window):
    _settled(qtbot, window)
    _states(qtbot, window, 12)  # restyles (each laid over again in part) and glides (redrawn whole)
    _settled(qtbot, window)
    got = json.loads(run_js(qtbot, window.map_view, RECOMPOSED))
    assert got["renderers"] == 2 and got["bytes"] > 0
    assert got["differ"] == 0


def test_the_places_svg_stands_on_whole_pixels_after_a_view_set_at_once(qtbot, window):
    """Leaflet's reset left the places' SVG a fraction of a pixel off the grid (e.g. -128.304px,
    -80.1167px): every outline's and dot's edge was shaded otherwise than after a glide, so an export
    of a moment made second differed from the same export made first in ~12,000 pixels."""
    _settled(qtbot, window)
    for event in window.timeline.events[:4]:
        show_new_day(qtbot, window, event.span.start)
        run_js(qtbot, window.map_view, "window.chronomap.resetView()")  # a view set at once
        _settled(qtbot, window)
        transform = run_js(qtbot, window.map_view, PLACES_SVG)
        assert WHOLE.fullmatch(transform), transform


#: The map's centre in projected pixels at its zoom, and the map pane's offset.
VIEW = r"""(function () { var m = window.chronomap.shared.map, p = m.project(m.getCenter(), m.getZoom());
  return JSON.stringify({ x: p.x, y: p.y, zoom: m.getZoom() }); })()"""


def _state_at(window, day: int, focus) -> dict:
    moment = window.timeline.state_at(day)
    return dict(window.presenter.builder.page_state(moment, day, animate=False), focus=focus)


def _shown_at_once(qtbot, window, state: dict) -> dict:
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT,
                          check_params_cb=lambda seq: seq >= window.map_view.last_state["seq"]):
        window.map_view.show_state(state)
    _settled(qtbot, window)
    return json.loads(run_js(qtbot, window.map_view, VIEW))


def test_a_frame_set_at_once_ends_on_the_same_view_wherever_the_map_was(qtbot, window):
    """At the same zoom, Leaflet sets a view without a glide as a pan by the offset truncated to whole
    pixels: the same focus framed from a nearby view ended a fraction of a pixel from where it ends framed
    from another zoom (an export of a moment made first differed from the same export made after another
    in ~230 pixels)."""
    _settled(qtbot, window)
    day = window.timeline.events[3].span.start
    wide = ((25.0, 20.0), (75.0, 150.0))  # another zoom: framed by a reset
    box = ((42.0, 50.0), (54.0, 86.0))
    _shown_at_once(qtbot, window, _state_at(window, day, wide))
    direct = _shown_at_once(qtbot, window, _state_at(window, day, box))
    for dlat, dlon in ((0.37, 0.61), (-0.23, 0.11), (0.05, -0.52)):  # a nearby frame at the same zoom, then the box
        _shown_at_once(qtbot, window, _state_at(window, day, wide))
        near = _shown_at_once(qtbot, window, _state_at(window, day, ((42.0 + dlat, 50.0 + dlon), (54.0 + dlat, 86.0 + dlon))))
        assert near["zoom"] == direct["zoom"]
        again = _shown_at_once(qtbot, window, _state_at(window, day, box))
        assert again["zoom"] == direct["zoom"]
        assert abs(again["x"] - direct["x"]) < 1e-6 and abs(again["y"] - direct["y"]) < 1e-6, (direct, again)
