"""The base map's outlines live in number arrays (``assets/map/js/outlines.js``, issue 16.5): the
canvas gets the same points as from Leaflet's own code, and a zoom or a redraw makes no object per
vertex (the garbage that piled up in the render process during a run of changes).

Each check asks the page: Leaflet's methods are put back on the same layers for the comparison.
"""

from __future__ import annotations

import json

import pytest
from page_helpers import STEP_TIMEOUT

from helpers.page import run_js

pytestmark = pytest.mark.gui

#: The base map's canvases and their paths, for the probes below.
CANVASES = r"""
  var map = window.chronomap.shared.map, canvases = [];
  Object.keys(map._layers).forEach(function (k) {
    var r = map._layers[k]._renderer;
    if (r instanceof L.Canvas && canvases.indexOf(r) < 0) { canvases.push(r); }
  });
  var paths = function (r) { return Object.keys(r._layers).map(function (k) { return r._layers[k]; }); };
  var vertices = function (latlngs) {
    return latlngs[0] instanceof L.LatLng ? latlngs.length
      : latlngs.reduce(function (n, l) { return n + vertices(l); }, 0);
  };
"""

#: At each view (and padding), every path's drawn parts and the canvas's pixels, from the arrays
#: and from Leaflet's stock methods, plus what a click would hit on a grid of points.
COMPARE = "(function () {" + CANVASES + r"""
  var OWN = ["_project", "_clipPoints", "_simplifyPoints", "_updatePath", "_containsPoint"];
  var stock = function (layer) { OWN.forEach(function (k) { delete layer[k]; }); };
  var flat = function (parts) {
    return JSON.stringify(parts.map(function (part) {
      return part.reduce(function (xy, p) { xy.push(p.x, p.y); return xy; }, []);
    }));
  };
  var hits = function (r) {
    var b = r._bounds, out = [];
    for (var x = b.min.x; x < b.max.x; x += 23) {
      for (var y = b.min.y; y < b.max.y; y += 29) {
        paths(r).forEach(function (l) { out.push(l._containsPoint(L.point(x, y)) ? 1 : 0); });
      }
    }
    return out.join("");
  };
  var draw = function (r, own) {
    paths(r).forEach(function (l) { l._project(); });
    r._update();
    return { parts: paths(r).map(function (l) { return own ? JSON.stringify(window.chronomap.outlines.parts(l)) : flat(l._parts); }),
             pixels: window.chronomap.stack.pictureOf(r).toDataURL(), hits: hits(r) };
  };
  var VIEWS = [[[48, 68], 3.75, null], [[45, 90], 2.5, null], [[43.2, 76.9], 6, null], [[50, 70], 4.3, 0.6],
               [[62, 178], 4.6, null], [[41.3, 69.3], 5.35, 0.6]];
  var report = { views: 0, differ: [], drawn: 0, emptied: 0, cut: 0 };
  VIEWS.forEach(function (view, v) {
    map.setView(L.latLng(view[0][0], view[0][1]), view[1], { animate: false });
    canvases.forEach(function (r, c) {
      if (view[2] !== null) { r.options.padding = view[2]; }
      var own = draw(r, true);
      paths(r).forEach(stock);
      var leaflet = draw(r, false);
      paths(r).forEach(window.chronomap.outlines.adopt);
      draw(r, true);
      own.parts.forEach(function (p, i) {
        if (p !== leaflet.parts[i]) { report.differ.push("view " + v + " canvas " + c + " path " + i); }
        var layer = paths(r)[i], drawn = JSON.parse(p);
        if (drawn.length === 0) { report.emptied++; } else { report.drawn++; }
        var b = r._bounds, onEdge = function (xy) {
          for (var j = 0; j < xy.length; j += 2) {
            if (xy[j] === b.min.x || xy[j] === b.max.x || xy[j + 1] === b.min.y || xy[j + 1] === b.max.y) { return true; }
          }
          return false;
        };
        if (!(layer instanceof L.Polygon) && drawn.some(onEdge)) { report.cut++; }  // a line cut at the edge
      });
      if (own.pixels !== leaflet.pixels) { report.differ.push("view " + v + " canvas " + c + " pixels"); }
      if (own.hits !== leaflet.hits) { report.differ.push("view " + v + " canvas " + c + " hits"); }
    });
    report.views++;
  });
  map.fire("moveend");  // back to the resting padding, drawn again
  return JSON.stringify(report);
})()"""


def test_the_outlines_draw_what_leaflet_draws_to_the_pixel(qtbot, window):
    report = json.loads(run_js(qtbot, window.map_view, COMPARE, timeout=4 * STEP_TIMEOUT))
    assert report["views"] == 6
    assert report["differ"] == []
    # the views leave outlines out, draw others, and cut lines at the canvas's edge
    assert report["emptied"] > 20 and report["drawn"] > 20 and report["cut"] >= 6


#: Points made while the base map is projected for a new zoom, against its vertices; and whether
#: a full redraw (clip, simplify, draw) kept every path's arrays.
ALLOCATIONS = "(function () {" + CANVASES + r"""
  var made = 0, proto = L.Point.prototype, all = 0, kept = true;
  canvases.forEach(function (r) { paths(r).forEach(function (l) { all += vertices(l._latlngs); }); });
  Object.defineProperty(proto, "x", { configurable: true, get: function () { return undefined; }, set: function (v) {
    made++;
    Object.defineProperty(this, "x", { value: v, writable: true, enumerable: true, configurable: true });
  } });
  try {
    canvases.forEach(function (r) { r._onZoomEnd(); });
  } finally {
    delete proto.x;
  }
  var before = [];
  canvases.forEach(function (r) { paths(r).forEach(function (l) { before.push(l._cmOut, l._cmPx); }); });
  canvases.forEach(function (r) { r._update(); });
  var i = 0;
  canvases.forEach(function (r) { paths(r).forEach(function (l) {
    kept = kept && l._cmOut !== undefined && l._cmOut === before[i] && l._cmPx === before[i + 1];
    i += 2;
  }); });
  return JSON.stringify({ made: made, vertices: all, kept: kept });
})()"""


def test_a_zoom_or_a_redraw_makes_nothing_per_vertex(qtbot, window):
    got = json.loads(run_js(qtbot, window.map_view, ALLOCATIONS))
    assert got["vertices"] > 20_000
    assert got["made"] < got["vertices"] / 10  # Leaflet's own projection makes a Point per vertex
    assert got["kept"]  # clipped and simplified into the arrays the paths already had
