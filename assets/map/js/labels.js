/*
 * Chronomap page script: where each label goes (chronomap.labels).
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var room = cm.labelRoom;
  var overlapArea = room.overlapArea;

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

  // The classes that change how a label looks but not its size (cut at the edge or left out:
  // hidden; flashed or peeked at: a background) are left out of the key.
  var SIZELESS_CLASSES = /\s*\bcm-(clipped|flash|dropped|peek)\b/g;

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

  // ---- the place the visitor asked to see, and peeking at a label left out -------------------

  // chronomap.showPlace flashes the label of the place it glides to: that place is the one
  // selected, kept first, until another is shown or the label loses its flash (resetView).
  var selected = null;

  function watchSelection(map) {
    var pane = map.getPane("cm-labels");
    if (!pane || pane.cmWatched) {
      return;
    }
    pane.cmWatched = true;
    pane.addEventListener("animationstart", function (ev) {
      var id = ev.target && ev.target.getAttribute && ev.target.getAttribute("data-place");
      if (ev.animationName === "cm-flash" && id && shared.places[id] && selected !== id) {
        selected = id;
        layoutLabels();
      }
    });
  }

  // Over a place's dot or area, its label shows even when the layout left it out, above the others.
  var PEEK_Z = 5000;

  function watchPeek(place) {
    if (place.peekWatched || !place.layer || !place.layer.on) {
      return;
    }
    place.peekWatched = true;
    place.layer.on("mouseover", function () {
      place.labelEl.classList.add("cm-peek");
      place.peekZ = place.labelMarker.options.zIndexOffset || 0;
      place.labelMarker.setZIndexOffset(PEEK_Z);
    });
    place.layer.on("mouseout", function () {
      place.labelEl.classList.remove("cm-peek");
      if (place.labelMarker.options.zIndexOffset === PEEK_Z) {
        place.labelMarker.setZIndexOffset(place.peekZ || 0);
      }
    });
  }

  // ---- the layout --------------------------------------------------------------------------

  function overlapsAny(rect, rects) {
    var sum = 0;
    for (var i = 0; i < rects.length; i++) {
      sum += overlapArea(rect, rects[i]);
    }
    return sum;
  }

  function rank(place) {
    if (place.id === selected) {
      return -1;
    }
    return cm.constants.STATUS_RANK[place.status] * 10 + (cm.constants.KIND_RANK[place.kind] || 0);
  }

  // What a layout depends on, as it stands once laid out (the label's classes with it: a restyle
  // resets them); the same again (a state that moved nothing, a moveend where the view already
  // was) costs no layout.
  var lastKey = null;
  var layouts = 0;  // layouts run (chronomap.labels.layouts(), for tests)

  function layoutKey(size, order, anchors, obstacles, free) {
    var parts = [size.x, size.y, selected, JSON.stringify(obstacles), JSON.stringify(free)];
    order.forEach(function (id) {
      var p = shared.places[id];
      var a = anchors[id];
      parts.push(id, p.labelEl.className, p.label, p.size.w, p.size.h, placeRadius(p), Math.round(a.x * 100), Math.round(a.y * 100));
    });
    return parts.join("|");
  }

  // An area's label (a region's, a republic's, a state's) may also slide sideways along its
  // line, by these parts of its width, when each of its own directions covers another label or
  // the furniture: it still names the area it lies on.
  var SLIDES = [0.25, -0.25, 0.5, -0.5];

  // Every direction a label may take, in its order of preference: where it lands (pushed clear
  // of a kept-free rectangle over its own point; slid, for an area), how much of it the view
  // would cut, its cost (more in view, over fewer city dots, earlier in the list is cheaper) and
  // whether it covers the furniture or a kept-free rectangle. Worked out only when asked for
  // (options.at(i)): most labels take one of their first directions.
  function optionsFor(place, ctx) {
    var candidates = LABEL_DIRECTIONS[place.kind] || LABEL_DIRECTIONS.city;
    var own = candidates.length;
    var anchor = ctx.anchors[place.id];
    var memo = [];
    function at(i) {
      if (memo[i]) {
        return memo[i];
      }
      var direction = candidates[i % own];
      var slide = i < own ? 0 : Math.round(SLIDES[Math.floor(i / own) - 1] * place.size.w);
      var rect = room.shifted(candidateRect(place, direction, anchor, place.size), slide, 0);
      var push = room.pushClear(rect, direction, anchor, ctx.free);
      rect = room.shifted(rect, push.dx, push.dy);
      var outside = outsideArea(rect, ctx.view);
      var cost = outside * 4;
      ctx.dots.forEach(function (dot) {
        if (dot.id !== place.id) {
          cost += overlapArea(rect, dot.rect) * 3;
        }
      });
      cost += i;  // prefer the earlier directions
      memo[i] = { direction: direction, rect: rect, outside: outside, cost: cost, index: i,
                  shift: { dx: push.dx + slide, dy: push.dy },  // written as the label's translate
                  blocked: overlapsAny(rect, ctx.obstacles) };
      return memo[i];
    }
    return { own: own, length: place.kind === "city" ? own : own * (1 + SLIDES.length), at: at };
  }

  // The cheapest of the first *count* options covering none of *rects* nor the furniture; the
  // first one that costs nothing but its place in the list ends the search.
  function cheapestClear(options, rects, count) {
    var best = null;
    for (var i = 0; i < count; i++) {
      var o = options.at(i);
      if (o.blocked || overlapsAny(o.rect, rects)) {
        continue;
      }
      if (best === null || o.cost < best.cost) {
        best = o;
      }
      if (o.cost === o.index) {
        break;
      }
    }
    return best;
  }

  // The cheapest option counting what it covers: where the first label goes when nothing is
  // clear, and where a label left out would show when peeked at.
  function cheapest(options, placed) {
    var rects = placed.map(function (q) { return q.rect; });
    var best = null, bestCost = 0;
    for (var i = 0; i < options.length; i++) {
      var o = options.at(i);
      var c = o.cost + (o.blocked + overlapsAny(o.rect, rects)) * 10;
      if (best === null || c < bestCost) {
        best = o;
        bestCost = c;
      }
    }
    return best;
  }

  // No clear direction for *place*: if one of its directions covers just one label shown, and
  // that label has another direction clear of everything (and of this one), in view, it moves
  // there and *place* takes the room. Returns the option taken, or null.
  function makeRoom(place, options, placed, ctx, choices) {
    for (var i = 0; i < options.length; i++) {
      var o = options.at(i);
      if (o.blocked || (o.outside > 0 && place.status !== "current")) {
        continue;
      }
      var covered = placed.filter(function (q) { return overlapArea(o.rect, q.rect) > 0; });
      if (covered.length !== 1) {
        continue;
      }
      var other = covered[0];
      var rest = placed.filter(function (q) { return q !== other; }).map(function (q) { return q.rect; });
      var others = optionsFor(shared.places[other.id], ctx);
      var moved = cheapestClear(others, rest.concat([o.rect]), others.length);
      if (moved && moved.outside === 0) {
        other.rect = moved.rect;
        choices[other.id].option = moved;
        return o;
      }
    }
    return null;
  }

  // Writes what the layout chose for *place*: its direction, its shift, and whether it is shown.
  function showChoice(place, chosen) {
    var option = chosen.option;
    if (place.direction !== option.direction || place.directionGap !== placeRadius(place)) {
      setDirection(place, option.direction);
      place.directionGap = placeRadius(place);
    }
    var shift = option.shift;
    var translate = shift.dx || shift.dy ? shift.dx + "px " + shift.dy + "px" : "";
    if (place.labelEl.style.translate !== translate) {
      place.labelEl.style.translate = translate;
    }
    if (place.clipped !== chosen.clipped) {
      place.clipped = chosen.clipped;
      place.labelEl.classList.toggle("cm-clipped", chosen.clipped);
    }
    if (place.labelEl.classList.contains("cm-dropped") !== chosen.dropped) {
      place.labelEl.classList.toggle("cm-dropped", chosen.dropped);
    }
    place.dropped = chosen.dropped;
  }

  // Greedy placement, in order of importance: the place selected, then current labels, then
  // told, past and upcoming (states, republics and regions after cities). Each label takes the
  // cheapest of its directions that overlaps no label placed before it and none of the map's
  // furniture or the rectangles kept free; cheaper is more in view, over fewer city dots, and
  // earlier in its list. A label with no such direction is left out (cm-dropped): it shows
  // when the view is zoomed in enough, or while the pointer is over its place. The first label
  // is always shown, where it is least in the way.
  // Label sizes are found only when text, status or zoom changed (see labelSize);
  // the candidates are then tried arithmetically.
  function layoutLabels() {
    var map = shared.map;
    if (!map) {
      return;
    }
    room.watchChrome(map);
    watchSelection(map);
    var places = shared.places;
    var order = shared.order;
    if (selected && !(places[selected] && places[selected].labelEl.classList.contains("cm-flash"))) {
      selected = null;
    }
    var size = map.getSize();
    var view = { left: 0, top: 0, right: size.x, bottom: size.y };
    var anchors = {};
    var dots = [];
    var context = null;
    order.forEach(function (id) {
      var p = places[id];
      // where Leaflet puts the label's marker: its layer point, rounded
      var pt = map.layerPointToContainerPoint(map.latLngToLayerPoint(p.latlng).round());
      anchors[id] = pt;
      if (p.isCircle) {
        var r = placeRadius(p) + 2;
        dots.push({ id: id, rect: { left: pt.x - r, right: pt.x + r, top: pt.y - r, bottom: pt.y + r } });
      }
      if (!p.size) {
        context = context || sizeContext(map);
        p.size = labelSize(p, context);
      }
      watchPeek(p);
    });
    var free = room.freeRects();
    var obstacles = room.chromeRects().concat(free);
    var key = layoutKey(size, order, anchors, obstacles, free);
    if (key === lastKey) {
      return;
    }
    layouts += 1;
    var sorted = order.slice().sort(function (a, b) {
      return rank(places[a]) - rank(places[b]) || order.indexOf(a) - order.indexOf(b);
    });
    var ctx = { view: view, anchors: anchors, dots: dots, obstacles: obstacles, free: free };
    var placed = [];  // {id, rect}: the labels shown so far, most important first
    var choices = {};
    sorted.forEach(function (id, index) {
      var place = places[id];
      var options = optionsFor(place, ctx);
      var rects = placed.map(function (q) { return q.rect; });
      var best = cheapestClear(options, rects, options.own) || cheapestClear(options, rects, options.length);
      if (best === null && index > 0) {
        best = makeRoom(place, options, placed, ctx, choices);
      }
      var choice = best || cheapest(options, placed);
      var dropped = best === null && index > 0;
      // A label the frame would cut ("…bas" for Donbas at the edge) is left out, unless it names
      // what is happening now; it comes back when the view shows it whole.
      var clipped = !dropped && place.status !== "current" && choice.outside > 0;
      choices[id] = { option: choice, dropped: dropped, clipped: clipped };
      if (!dropped && !clipped) {
        placed.push({ id: id, rect: choice.rect });
      }
    });
    order.forEach(function (id) { showChoice(places[id], choices[id]); });
    lastKey = layoutKey(size, order, anchors, obstacles, free);
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
    keepFree: room.keepFree,
    layouts: function () { return layouts; },
    measures: function () { return measures; },
    placeRects: placeRects
  };
})(window.chronomap);
