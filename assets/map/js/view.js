/*
 * Chronomap page script: what the view frames, and glides (chronomap.view,
 * chronomap.showPlace, .setView, .resetView, .isMoving).
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var util = cm.util;

  var FOCUS_MAX_ZOOM = 6;

  var lastFrame = null;     // the bounds last framed (initial view or a focus)
  var lastFocusKey = null;  // the focus of the last state, as given
  var moving = false;       // a pan, zoom or glide is under way

  // What a frame reads from the page's layout: the legend's box and the map's place on screen.
  // A state reads it before it writes anything (chronomap.view.prepare): read after the state's
  // restyle, it would make the browser lay the page out there and then, before the page can
  // answer, and again for the frame.
  function measure() {
    return { legend: cm.legend.box(), origin: shared.map.getContainer().getBoundingClientRect() };
  }

  // The padding a frame keeps inside the view: a margin, the caption at the bottom, and the
  // legend's box in its corner. The legend is kept clear by widening either the left or the
  // bottom margin, whichever lets the frame be the larger, so the places being told are
  // never under it.
  function framePadding(bounds, geometry) {
    var map = shared.map;
    var size = map.getSize();
    var pad = L.point(util.clamp(size.x * 0.1, 30, 140), util.clamp(size.y * 0.1, 30, 110));
    var topLeft = pad;
    var bottomRight = pad.add([0, shared.captionHeight]);
    var legend = geometry.legend;
    if (!legend.shown || !legend.rect) {
      return { topLeft: topLeft, bottomRight: bottomRight };
    }
    var origin = geometry.origin;
    var gap = 12;
    var right = legend.rect[2] - origin.left + gap;   // the legend's right edge, from the left
    var above = origin.bottom - legend.rect[1] + gap;  // its top edge, from the bottom
    var left = { topLeft: L.point(Math.max(topLeft.x, right), topLeft.y), bottomRight: bottomRight };
    var below = { topLeft: topLeft, bottomRight: L.point(bottomRight.x, Math.max(bottomRight.y, above)) };
    var fits = function (p) {
      var free = size.subtract(p.topLeft).subtract(p.bottomRight);
      return free.x > 40 && free.y > 40;
    };
    if (!fits(left)) {
      return fits(below) ? below : { topLeft: topLeft, bottomRight: bottomRight };
    }
    if (!fits(below)) {
      return left;
    }
    var zoomLeft = map.getBoundsZoom(bounds, false, left.topLeft.add(left.bottomRight));
    var zoomBelow = map.getBoundsZoom(bounds, false, below.topLeft.add(below.bottomRight));
    return zoomBelow > zoomLeft ? below : left;
  }

  var pendingGlide = null;  // the animation frame a glide waits for (chronomap.isMoving says so)
  var NEAR_PAN = 0.5;       // a pan under half the view's size, at the same zoom, is near

  function cancelPendingGlide() {
    if (pendingGlide !== null) {
      window.cancelAnimationFrame(pendingGlide);
      pendingGlide = null;
    }
  }

  // Where a frame puts the view, and whether the view is there already (then nothing moves:
  // no glide, no moveend, no redraw of the base map).
  function target(bounds, options) {
    var map = shared.map;
    var aim = map._getBoundsCenterZoom(bounds, options);  // what fitBounds would show (Leaflet 1.9)
    var shift = map.project(aim.center, aim.zoom).distanceTo(map.project(map.getCenter(), aim.zoom));
    var size = map.getSize();
    return {
      center: aim.center,
      zoom: aim.zoom,
      there: Math.abs(aim.zoom - map.getZoom()) < 1e-6 && shift < 1,
      near: Math.abs(aim.zoom - map.getZoom()) < 1e-6 && shift < NEAR_PAN * Math.min(size.x, size.y)
    };
  }

  // A glide starts in the next animation frame, so the state that asked for it returns at once
  // (its confirmation does not wait behind the glide's first step) and the first frame after the
  // state shows its colours and labels. A near target is panned to (the map pane slides, the base
  // map is not drawn again); a far one is flown to (zoom out, across, in).
  // A resize always frames anew (resized, the map is drawn again where the frame puts it).
  function frame(bounds, animate, resized, geometry) {
    var map = shared.map;
    var padding = framePadding(bounds, geometry || measure());
    var options = { paddingTopLeft: padding.topLeft, paddingBottomRight: padding.bottomRight, maxZoom: FOCUS_MAX_ZOOM };
    cancelPendingGlide();
    var aim = target(bounds, options);
    if (aim.there && !resized) {
      if (moving) {
        map.stop();  // a glide elsewhere under way ends here (Leaflet's stop ends with a moveend, so only then)
      }
      cm.stillCount = (cm.stillCount || 0) + 1;  // reported in chronomap.snapshot().frames.still
      return;
    }
    if (!animate) {
      // reset: at the same zoom, a view set without a glide is otherwise a pan by the offset truncated to
      // whole pixels (Leaflet's _tryAnimatedPan), so the centre it ends on depended on where the map was:
      // an export of a moment made first and the same made after another differed in ~230 pixels.
      // Not on a resize: reset there, a window resized to 1280x720 and then sent to the story's end framed
      // far less of the map (its east edge at 113 degrees, not past Chukotka's 190; test_map_look.py).
      map.fitBounds(bounds, util.extend(options, { animate: false, reset: !resized }));
      return;
    }
    cm.glideCount = (cm.glideCount || 0) + 1;  // reported in chronomap.snapshot().frames.glides
    pendingGlide = window.requestAnimationFrame(function () {
      pendingGlide = null;
      // A pan under way ends here (its moveend comes after this glide's movestart): the base map
      // is drawn where this glide ends, and the map is moving until then.
      var started = cm.basemap.handOver(function () {
        if (aim.near) {
          map.panTo(aim.center, { animate: true, duration: 0.6, easeLinearity: 0.3 });
        } else {
          map.flyToBounds(bounds, util.extend(options, { duration: 1.2, easeLinearity: 0.3 }));
        }
      });
      moving = moving || started;
    });
  }

  // The page's first frame: the spec's bounds, without a glide.
  function frameStart() {
    var b = shared.config && shared.config.bounds;
    lastFrame = util.isLatLngBox(b) ? L.latLngBounds(b) : null;
    if (lastFrame) {
      shared.map.fitBounds(lastFrame, { animate: false });
    }
  }

  function watchMoves() {
    var map = shared.map;
    map.on("movestart", function () { moving = true; });
    // Labels are laid out again where the glide ended: a layout made before a glide measured
    // against the old view, and labels it judged inside could end up cut at the edge.
    map.on("moveend", function () { moving = false; cm.labels.layout(); });
  }

  function onResize() {
    if (lastFrame) {
      frame(lastFrame, false, true);
    }
    cm.labels.layout();
  }

  function isNewFocus(box) {
    var focusKey = util.isLatLngBox(box) ? JSON.stringify(box) : null;
    return focusKey !== null && focusKey !== lastFocusKey ? focusKey : null;
  }

  // What measure() read, kept while nothing that could move it has changed (null: read again). A state
  // arrives while the page still holds the state before it unpainted (states come ~17 ms apart, a frame
  // follows a state ~12 ms later): read there, the legend's box made the browser lay the whole page out
  // inside the state (~0.5 ms here, a new focus in half of bench_explorer's changes), in front of the
  // page's answer. The furniture (legend, zoom, credit, scale, caption) and the container's classes are
  // watched: any change to them forgets the reading, which is taken again after the next frame, where
  // the layout is fresh (a few microseconds).
  var geometry = null;
  var geometryWatch = null;
  var readAfterFrame = false;
  var afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = function () {
    readAfterFrame = false;
    if (geometry === null && shared.map) {
      geometry = measure();
    }
  };

  function forgetGeometry() {
    geometry = null;
    if (!readAfterFrame) {
      readAfterFrame = true;
      window.requestAnimationFrame(function () { afterFrame.port2.postMessage(0); });
    }
  }

  function watchGeometry() {
    var map = shared.map;
    geometryWatch = new window.MutationObserver(forgetGeometry);
    geometryWatch.observe(map._controlContainer, { attributes: true, childList: true, subtree: true, characterData: true });
    geometryWatch.observe(map.getContainer(), { attributes: true, childList: true });  // classes, a caption
    map.on("resize", forgetGeometry);
    window.addEventListener("resize", forgetGeometry);
    if (document.fonts && document.fonts.addEventListener) {
      document.fonts.addEventListener("loadingdone", forgetGeometry);
    }
    forgetGeometry();
  }

  function currentGeometry() {
    if (geometryWatch.takeRecords().length > 0) {  // changed in this very task (a state's new legend words)
      forgetGeometry();
    }
    if (geometry === null) {
      geometry = measure();  // the state's own writes after this move no furniture
    }
    return geometry;
  }

  // Before a state writes anything: what framing its focus will read from the layout (null when
  // the focus is not new, so nothing is framed). Handed to focus().
  function prepare(box) {
    return isNewFocus(box) !== null ? currentGeometry() : null;
  }

  // A state's focus. Frame only a new focus: re-framing the same one would undo the visitor's
  // own pan and costs a full redraw.
  function focus(box, animate, geometry) {
    var focusKey = isNewFocus(box);
    if (focusKey !== null) {
      lastFocusKey = focusKey;
      lastFrame = L.latLngBounds(box);
      frame(lastFrame, animate, false, geometry);
    }
  }

  // Show exactly a given centre and zoom (the explorer's current view, for "current view" exports).
  cm.setView = function (center, zoom) {
    lastFocusKey = null;
    shared.map.setView(L.latLng(center[0], center[1]), zoom, { animate: false, reset: true });  // exactly (see frame)
    cm.labels.layout();
    return true;
  };

  cm.showPlace = function (id) {
    var place = shared.places[id];
    if (!shared.map || !place) {
      return false;
    }
    var bounds = cm.places.bounds(place);
    if (!bounds || !bounds.isValid()) {
      var d = [2.0, 3.0];
      bounds = L.latLngBounds([place.latlng.lat - d[0], place.latlng.lng - d[1]],
                              [place.latlng.lat + d[0], place.latlng.lng + d[1]]);
    }
    lastFrame = bounds;
    frame(bounds, true);
    var el = place.labelEl;
    el.classList.remove("cm-flash");
    void el.offsetWidth;  // restart the animation
    el.classList.add("cm-flash");
    return true;
  };

  // resetView: back to the page's first frame, any popup closed, glides stopped and the legend
  // as the map's size has it;
  // the next state's focus is framed again even if it is the same as before.
  cm.resetView = function () {
    var map = shared.map;
    if (!map) {
      return false;
    }
    cancelPendingGlide();
    map.stop();
    map.closePopup();
    lastFocusKey = null;
    cm.legend.forget();  // a legend the last visitor folded opens again
    shared.order.forEach(function (id) {
      shared.places[id].labelEl.classList.remove("cm-flash");
    });
    frameStart();
    moving = false;
    cm.labels.layout();
    return true;
  };

  cm.isMoving = function () { return moving || pendingGlide !== null; };

  cm.view = {
    frameStart: frameStart,
    watchMoves: watchMoves,
    watchGeometry: watchGeometry,
    onResize: onResize,
    prepare: prepare,
    focus: focus
  };
})(window.chronomap);
