/*
 * Chronomap page script: where each label goes (chronomap.labels).
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  function placeRadius(place) {
    return cm.places.radius(place);
  }

  var LABEL_DIRECTIONS = {
    city: ["right", "left", "top", "bottom", "top-right", "bottom-right", "top-left", "bottom-left"],
    region: ["center", "right", "left", "top", "bottom"],
    republic: ["center", "top", "bottom"],
    state: ["center", "top", "bottom", "right", "left"]
  };

  function setDirection(place, direction) {
    var el = place.labelEl;
    var gap = placeRadius(place) + (place.isCircle ? 5 : 0);
    var diag = Math.round(gap * 0.75);
    var s = el.style;
    s.left = s.right = s.top = s.bottom = "";
    var align = "center";
    var transform;
    switch (direction) {
      case "right":
        s.left = gap + "px"; s.top = "0px"; transform = "translateY(-50%)"; align = "left"; break;
      case "left":
        s.right = gap + "px"; s.top = "0px"; transform = "translateY(-50%)"; align = "right"; break;
      case "top":
        s.left = "0px"; s.bottom = gap + "px"; transform = "translateX(-50%)"; break;
      case "bottom":
        s.left = "0px"; s.top = gap + "px"; transform = "translateX(-50%)"; break;
      case "top-right":
        s.left = diag + "px"; s.bottom = diag + "px"; transform = "none"; align = "left"; break;
      case "bottom-right":
        s.left = diag + "px"; s.top = diag + "px"; transform = "none"; align = "left"; break;
      case "top-left":
        s.right = diag + "px"; s.bottom = diag + "px"; transform = "none"; align = "right"; break;
      case "bottom-left":
        s.right = diag + "px"; s.top = diag + "px"; transform = "none"; align = "right"; break;
      default:
        s.left = "0px"; s.top = "0px"; transform = "translate(-50%, -50%)"; direction = "center";
    }
    s.transform = transform;
    s.textAlign = align;
    place.direction = direction;
    el.setAttribute("data-direction", direction);
  }

  function overlapArea(a, b) {
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0 && h > 0 ? w * h : 0;
  }

  function outsideArea(r, view) {
    var area = (r.right - r.left) * (r.bottom - r.top);
    return area - overlapArea(r, view);
  }

  // Where a label of size (w, h) lands for a direction, anchored at point p;
  // mirrors the offsets setDirection() writes, so no layout is needed to try one.
  function candidateRect(place, direction, p, size) {
    var gap = placeRadius(place) + (place.isCircle ? 5 : 0);
    var diag = Math.round(gap * 0.75);
    var w = size.w, h = size.h, left, top;
    switch (direction) {
      case "right": left = p.x + gap; top = p.y - h / 2; break;
      case "left": left = p.x - gap - w; top = p.y - h / 2; break;
      case "top": left = p.x - w / 2; top = p.y - gap - h; break;
      case "bottom": left = p.x - w / 2; top = p.y + gap; break;
      case "top-right": left = p.x + diag; top = p.y - diag - h; break;
      case "bottom-right": left = p.x + diag; top = p.y + diag; break;
      case "top-left": left = p.x - diag - w; top = p.y - diag - h; break;
      case "bottom-left": left = p.x - diag - w; top = p.y + diag; break;
      default: left = p.x - w / 2; top = p.y - h / 2;
    }
    return { left: left, top: top, right: left + w, bottom: top + h };
  }

  // Label sizes, by all a size depends on: the text, the label's classes (its status and kind),
  // the map's classes and scale (the look, the zoom) and the pixel ratio (exports zoom the view).
  // Reading a size forces the browser to lay the page out there and then, inside the state
  // (~0.5 ms, before the page can answer); a size seen before is taken from here instead, and
  // the layout waits for the frame. Emptied when fonts load, and when it grows past a bound.
  var measured = {};
  var measuredCount = 0;
  var MEASURED_MAX = 4000;
  var measures = 0;  // labels measured in the page's layout (chronomap.labels.measures(), for tests)
  if (document.fonts && document.fonts.addEventListener) {
    document.fonts.addEventListener("loadingdone", function () { measured = {}; measuredCount = 0; });
  }

  function sizeContext(map) {
    var container = map.getContainer();
    return [container.className, container.style.getPropertyValue("--cm-scale"), window.devicePixelRatio].join("|");
  }

  // The classes that change how a label looks but not its size (cut at the edge: hidden; flashed:
  // a background) are left out of the key.
  var SIZELESS_CLASSES = /\s*\bcm-(clipped|flash)\b/g;

  function labelSize(place, context) {
    var el = place.labelEl;
    var key = context + "\n" + el.className.replace(SIZELESS_CLASSES, "") + "\n" + place.label;
    var size = measured[key];
    if (!size) {
      if (measuredCount >= MEASURED_MAX) {
        measured = {};
        measuredCount = 0;
      }
      measures += 1;
      size = { w: el.offsetWidth, h: el.offsetHeight };
      if (size.w > 0 || size.h > 0) {  // a page not laid out yet measures nothing: not kept
        measured[key] = size;
        measuredCount += 1;
      }
    }
    return size;
  }

  // Greedy placement: current labels first, then past, then upcoming; each takes
  // the first direction that overlaps no placed label, no city dot and stays in view.
  // Label sizes are found only when text, status or zoom changed (see labelSize);
  // the candidates are then tried arithmetically.
  function layoutLabels() {
    var map = shared.map;
    if (!map) {
      return;
    }
    var places = shared.places;
    var order = shared.order;
    var STATUS_RANK = cm.constants.STATUS_RANK;
    var KIND_RANK = cm.constants.KIND_RANK;
    var size = map.getSize();
    var view = { left: 0, top: 0, right: size.x, bottom: size.y };
    var anchors = {};
    var dots = [];
    order.forEach(function (id) {
      var p = places[id];
      var pt = map.latLngToContainerPoint(p.latlng);
      anchors[id] = pt;
      if (p.isCircle) {
        var r = placeRadius(p) + 2;
        dots.push({ id: id, rect: { left: pt.x - r, right: pt.x + r, top: pt.y - r, bottom: pt.y + r } });
      }
    });
    var context = null;
    order.forEach(function (id) {
      var p = places[id];
      if (!p.size) {
        context = context || sizeContext(map);
        p.size = labelSize(p, context);
      }
    });
    var sorted = order.slice().sort(function (a, b) {
      var pa = places[a], pb = places[b];
      var ra = STATUS_RANK[pa.status] * 10 + (KIND_RANK[pa.kind] || 0);
      var rb = STATUS_RANK[pb.status] * 10 + (KIND_RANK[pb.kind] || 0);
      return ra - rb || order.indexOf(a) - order.indexOf(b);
    });
    var placed = [];
    sorted.forEach(function (id) {
      var place = places[id];
      var candidates = LABEL_DIRECTIONS[place.kind] || LABEL_DIRECTIONS.city;
      var best = null;
      for (var i = 0; i < candidates.length; i++) {
        var rect = candidateRect(place, candidates[i], anchors[id], place.size);
        var cost = outsideArea(rect, view) * 4;
        placed.forEach(function (other) { cost += overlapArea(rect, other) * 10; });
        dots.forEach(function (dot) {
          if (dot.id !== id) {
            cost += overlapArea(rect, dot.rect) * 3;
          }
        });
        cost += i;  // prefer the earlier directions
        if (best === null || cost < best.cost) {
          best = { direction: candidates[i], rect: rect, cost: cost };
        }
        if (cost === i) {
          break;
        }
      }
      if (place.direction !== best.direction || place.directionGap !== placeRadius(place)) {
        setDirection(place, best.direction);
        place.directionGap = placeRadius(place);
      }
      // A label the frame would cut ("…bas" for Donbas at the edge) is left out, unless it names
      // what is happening now; it comes back when the view shows it whole.
      var clipped = place.status !== "current" && outsideArea(best.rect, view) > 0;
      if (place.clipped !== clipped) {
        place.clipped = clipped;
        place.labelEl.classList.toggle("cm-clipped", clipped);
      }
      placed.push(clipped ? { left: 0, top: 0, right: 0, bottom: 0 } : best.rect);
    });
  }

  function rectOf(r) {
    return [r.left, r.top, r.right, r.bottom];
  }

  // Where each place is drawn on screen (viewport pixels), for snapshots: "area", the box
  // of its dot or area (a country's from its base-map features); "dot", the centre of a
  // city's dot as drawn; "anchor", the point its label hangs from. During a glide the label
  // must hang from the dot, and the legend must keep clear of the places being told.
  function placeRects() {
    var map = shared.map;
    var out = {};
    if (!map) {
      return out;
    }
    var origin = map.getContainer().getBoundingClientRect();
    shared.order.forEach(function (id) {
      var place = shared.places[id];
      var entry = { area: null, dot: null, anchor: null };
      var path = place.layer && place.layer._path;  // SVG: the element as drawn
      if (place.isCircle && path && path.getBoundingClientRect) {
        var d = path.getBoundingClientRect();
        entry.area = rectOf(d);
        entry.dot = [(d.left + d.right) / 2, (d.top + d.bottom) / 2];
      } else {
        var box = cm.places.bounds(place);
        if (box && box.isValid()) {
          var nw = map.latLngToContainerPoint(box.getNorthWest());
          var se = map.latLngToContainerPoint(box.getSouthEast());
          entry.area = [origin.left + nw.x, origin.top + nw.y, origin.left + se.x, origin.top + se.y];
        }
      }
      var icon = place.labelMarker && place.labelMarker.getElement();
      if (icon) {
        var a = icon.getBoundingClientRect();
        entry.anchor = [a.left, a.top];
      }
      out[id] = entry;
    });
    return out;
  }

  cm.labels = {
    layout: layoutLabels,
    measures: function () { return measures; },
    placeRects: placeRects
  };
})(window.chronomap);
