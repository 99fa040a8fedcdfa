"""What the map page looks like during glides and where its legend sits (issue 14.15, 14.16).

Asked of the page (``chronomap.snapshot()``, also sampled frame by frame during a glide)
and, where the picture is the truth, counted in pixels of the view.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from page_helpers import STEP_TIMEOUT, query_page
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from helpers.page import run_js

pytestmark = pytest.mark.gui

SEA = QColor("#c9d6da")  # the page's background, .chronomap.leaflet-container

# Samples chronomap.snapshot() on every animation frame while the map moves, keeping the
# worst of each renderer's painted share of the view and the widest gap between a city's dot
# and the point its label hangs from (for labels in view). Reads back as window.__glide.
GLIDE_PROBE = """
(function () {
  var probe = window.__glide = { frames: 0, seen: false, done: false, painted: {}, gap: 0, gapPlace: null };
  function sample() {
    var snap = chronomap.snapshot();
    Object.keys(snap.painted).forEach(function (name) {
      var v = snap.painted[name];
      probe.painted[name] = name in probe.painted ? Math.min(probe.painted[name], v) : v;
    });
    var view = chronomap.shared.map.getContainer().getBoundingClientRect();
    Object.keys(snap.placeRects).forEach(function (id) {
      var r = snap.placeRects[id];
      var shown = r.anchor && r.anchor[0] >= view.left && r.anchor[0] <= view.right &&
        r.anchor[1] >= view.top && r.anchor[1] <= view.bottom;
      if (r.dot && shown) {
        var gap = Math.hypot(r.dot[0] - r.anchor[0], r.dot[1] - r.anchor[1]);
        if (gap > probe.gap) { probe.gap = gap; probe.gapPlace = id; }
      }
    });
  }
  function frame() {
    if (chronomap.isMoving()) {
      probe.seen = true;
      probe.frames += 1;
      sample();
    } else if (probe.seen) {
      probe.done = true;
      return;
    }
    window.requestAnimationFrame(frame);
  }
  window.requestAnimationFrame(frame);
  return true;
})()
"""


def _evaluate(qtbot, map_view, script: str):
    return run_js(qtbot, map_view, script, timeout=STEP_TIMEOUT)


def _settled(qtbot, map_view) -> None:
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as callback:
        map_view.when_settled(callback)


def _grab(qtbot, map_view) -> QImage:
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as callback:
        map_view.grab_settled(callback)
    return callback.args[0]


def _resize(qtbot, window, width: int, height: int) -> None:
    """Resize the window and wait until the page has taken the new size in (Leaflet re-frames on
    resize, which would cut short a glide started before it)."""
    window.resize(width, height)
    view = window.map_view.web_view
    script = ("JSON.stringify([window.innerWidth, window.innerHeight,"
              " chronomap.shared.map.getSize().x, chronomap.shared.map.getSize().y])")

    def taken() -> bool:
        w, h, mx, my = json.loads(_evaluate(qtbot, window.map_view, script))
        want = (round(view.width() / view.zoomFactor()), round(view.height() / view.zoomFactor()))
        return (w, h) == want and (mx, my) == want

    qtbot.waitUntil(taken, timeout=STEP_TIMEOUT)
    _settled(qtbot, window.map_view)


def _show(qtbot, window, move) -> dict:
    """Make *move* (it may leave the moment as it is) and return the page once it shows it, settled."""
    move()
    expected = window.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["seq"] == expected, timeout=STEP_TIMEOUT)
    _settled(qtbot, window.map_view)
    return query_page(qtbot, window.map_view)


def _glide(qtbot, window, move) -> dict:
    """Start a glide with *move* and return what the probe saw on its frames."""
    assert _evaluate(qtbot, window.map_view, GLIDE_PROBE) is True
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT):
        move()
    qtbot.waitUntil(lambda: _evaluate(qtbot, window.map_view, "window.__glide.done") is True, timeout=STEP_TIMEOUT)
    return json.loads(_evaluate(qtbot, window.map_view, "JSON.stringify(window.__glide)"))


# -- 14.15: glides --------------------------------------------------------------------------


def test_home_then_end_glides_over_painted_land_with_labels_on_their_dots(qtbot, window):
    _resize(qtbot, window, 1280, 720)
    _show(qtbot, window, window.model.go_home)
    seen = _glide(qtbot, window, window.model.go_end)
    assert seen["frames"] >= 10, seen  # a real glide, sampled on many frames
    # every renderer had drawn all of the view on every frame: no unpainted land, no rectangle edge
    assert set(seen["painted"]) >= {"graticule", "countries", "borders", "water", "places"}, seen
    assert min(seen["painted"].values()) >= 0.999, seen["painted"]
    # and each city's label hung from its dot all along
    assert seen["gap"] < 3.0, seen

    # back again: zooming in, then the long way from a city to the whole Union
    seen = _glide(qtbot, window, window.model.go_home)
    assert min(seen["painted"].values()) >= 0.999, seen["painted"]
    _show(qtbot, window, lambda: window.model.set_day(window.timeline.events[1].span.start))  # Alma-Ata alone
    seen = _glide(qtbot, window, window.model.go_end)
    assert min(seen["painted"].values()) >= 0.999, seen["painted"]
    assert seen["gap"] < 3.0, seen


def _sea_where_land_is(mid: QImage, settled: QImage) -> float:
    """The share of the view that shows bare sea in *mid* where *settled* shows something else."""
    assert mid.size() == settled.size()
    step = 3
    count = total = 0
    for y in range(0, mid.height(), step):
        for x in range(0, mid.width(), step):
            total += 1
            a, b = mid.pixelColor(x, y), settled.pixelColor(x, y)
            bare = abs(a.red() - SEA.red()) + abs(a.green() - SEA.green()) + abs(a.blue() - SEA.blue()) < 30
            other = abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 45
            count += bare and other
    return count / total


def test_a_frame_mid_glide_shows_the_land_the_settled_view_shows(qtbot, window):
    """One frame of a zoom-out glide (what flyTo does on each frame: a move with a new zoom and no
    end), grabbed, against the same view drawn afresh (as a view reset draws it)."""
    _resize(qtbot, window, 1280, 720)
    _show(qtbot, window, window.model.go_home)
    # the base map alone: places, labels and controls are laid out afresh once a glide ends
    assert _evaluate(qtbot, window.map_view, "(function () { var m = chronomap.shared.map;"
                     " ['overlayPane', 'cm-labels'].forEach(function (p) { m.getPane(p).style.visibility = 'hidden'; });"
                     " m.getContainer().querySelector('.leaflet-control-container').style.visibility = 'hidden';"
                     " return true; })()") is True
    # a frame a zoom level out from Home, about its centre
    frame = ("(function () { var m = chronomap.shared.map;"
             " m._move(m.getCenter(), Math.max(m.getMinZoom(), m.getZoom() - 1), {flyTo: true}); return m.getZoom(); })()")
    assert _evaluate(qtbot, window.map_view, frame) >= 2.5
    mid = _grab(qtbot, window.map_view)
    assert _evaluate(qtbot, window.map_view, "(function () { var m = chronomap.shared.map;"
                     " m.fire('viewprereset'); m.fire('viewreset'); return true; })()") is True
    settled = _grab(qtbot, window.map_view)
    assert _sea_where_land_is(mid, settled) < 0.01


def test_zoomed_out_the_base_map_runs_on_past_the_antimeridian(qtbot, window):
    _resize(qtbot, window, 1280, 720)
    snapshot = _show(qtbot, window, window.model.go_end)
    (south, west), (north, east) = snapshot["bounds"]
    assert east > 190  # Chukotka's tip, 190.3 E as drawn: in view
    assert west < 19.6  # and Kaliningrad
    # Russia as drawn runs on to Chukotka's tip, without a cut at 180 degrees
    rect = _evaluate(qtbot, window.map_view, "JSON.stringify(chronomap.shared.countries.RUS.layers.map("
                                             "function (l) { var b = l.getBounds(); return [b.getWest(), b.getEast()]; }))")
    spans = json.loads(rect)
    assert max(e for _w, e in spans) > 190 and min(w for w, _e in spans) > -30, spans
    # the view does not reach from the tropics to the pole
    assert north - south < 66 and south > 10, snapshot["bounds"]


# -- 14.16: the legend -----------------------------------------------------------------------


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _map_rect(qtbot, window) -> list[float]:
    return json.loads(_evaluate(qtbot, window.map_view, "JSON.stringify((function () {"
                                "var r = chronomap.shared.map.getContainer().getBoundingClientRect();"
                                "return [r.left, r.top, r.right, r.bottom]; })())"))


def test_the_legend_keeps_off_the_places_being_told(qtbot, window):
    _resize(qtbot, window, 1280, 720)
    strike = next(e for e in window.timeline.events if e.id == "miners-strike-begins")
    snapshot = _show(qtbot, window, lambda: window.model.set_day(strike.span.start))
    assert snapshot["statuses"]["donbas"] == "current"
    legend = snapshot["legendBox"]
    assert legend["shown"] and not legend["collapsed"] and legend["rect"], legend
    for place_id, status in snapshot["statuses"].items():
        if status == "current":
            assert _overlap(legend["rect"], snapshot["labelRects"][place_id]) == 0, place_id
            area = snapshot["placeRects"][place_id]["area"]
            assert area and _overlap(legend["rect"], area) == 0, (place_id, area, legend["rect"])


def test_the_legend_is_small_on_a_small_map(qtbot, window):
    _resize(qtbot, window, 1024, 700)
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["legendBox"]["shown"], timeout=STEP_TIMEOUT)
    legend = query_page(qtbot, window.map_view)["legendBox"]
    view = _map_rect(qtbot, window)
    share = _overlap(legend["rect"], view) / ((view[2] - view[0]) * (view[3] - view[1]))
    assert share < 0.09, (share, legend, view)  # it covered 16% before


def test_the_legend_folds_with_its_button_and_stays_folded(qtbot, window):
    _resize(qtbot, window, 1280, 720)
    snapshot = _show(qtbot, window, window.model.go_home)
    assert snapshot["legendBox"]["collapsed"] is False
    opened = snapshot["legendBox"]["rect"]
    button = json.loads(_evaluate(qtbot, window.map_view, "JSON.stringify((function () {"
                                  "var b = document.querySelector('.cm-legend button');"
                                  "return {tag: b.tagName, name: b.textContent, expanded: b.getAttribute('aria-expanded'),"
                                  " controls: b.getAttribute('aria-controls')}; })())"))
    assert button == {"tag": "BUTTON", "name": "Legend", "expanded": "true", "controls": "cm-legend-body"}
    # the keyboard: focus the button, press Enter (a button's own action, no script click)
    assert _evaluate(qtbot, window.map_view, "document.querySelector('.cm-legend button').focus();"
                     " document.activeElement === document.querySelector('.cm-legend button')") is True
    web_view = window.map_view.web_view  # the QWebEngineView; its focus proxy takes the keys
    web_view.setFocus()
    QTest.keyClick(web_view.focusProxy() or web_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["legendBox"]["collapsed"] is True, timeout=STEP_TIMEOUT)
    folded = query_page(qtbot, window.map_view)["legendBox"]
    assert (folded["rect"][2] - folded["rect"][0]) * (folded["rect"][3] - folded["rect"][1]) < \
        0.3 * (opened[2] - opened[0]) * (opened[3] - opened[1])
    assert _evaluate(qtbot, window.map_view, "document.querySelector('.cm-legend button')"
                     ".getAttribute('aria-expanded')") == "false"
    # it stays folded across states and a new language's legend
    snapshot = _show(qtbot, window, window.model.go_end)
    assert snapshot["legendBox"]["collapsed"] is True
    assert _evaluate(qtbot, window.map_view, "chronomap.setLegend(chronomap.legend.texts()) &&"
                     " document.querySelector('.cm-legend-body').hidden") is True
    # and is remembered for the session: the page loaded again shows it folded
    state = window.map_view.last_state
    with qtbot.waitSignal(window.map_view.ready, timeout=STEP_TIMEOUT * 3):
        window.map_view.load(Path(window.map_view.page_url.toLocalFile()))
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT):
        window.map_view.show_state(state)
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["legendBox"]["shown"] and snapshot["legendBox"]["collapsed"] is True
    # the kiosk's reset opens it again for the next visitor
    window.map_view.reset_view()
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["legendBox"]["collapsed"] is False, timeout=STEP_TIMEOUT)
    assert _evaluate(qtbot, window.map_view, "sessionStorage.getItem('chronomap.legendCollapsed') === null") is True
