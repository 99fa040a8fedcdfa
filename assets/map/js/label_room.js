/*
 * Chronomap page script: what the labels keep clear of (chronomap.labelRoom, used by labels.js):
 * the rectangles the map asks to keep free (chronomap.labels.keepFree; the editor's handle), and
 * the map's furniture over the view (legend, zoom buttons, credit, scale, an export's caption).
 * A change to either lays the labels out again.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  function overlapArea(a, b) {
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0 && h > 0 ? w * h : 0;
  }

  // Rectangles the map asks to keep free (chronomap.labels.keepFree): name -> a function giving
  // the rectangle in map pixels now ({left, top, right, bottom}, or null), read at every layout,
  // so a rectangle that hangs from a point follows the view.
  var keepFreeRects = {};

  function keepFree(name, rectNow) {
    if (typeof rectNow === "function") {
      keepFreeRects[name] = rectNow;
    } else {
      delete keepFreeRects[name];
    }
    cm.labels.layout();
  }

  function freeRects() {
    var out = [];
    Object.keys(keepFreeRects).sort().forEach(function (name) {
      var r = keepFreeRects[name]();
      if (r && r.right > r.left && r.bottom > r.top) {
        out.push(r);
      }
    });
    return out;
  }

  // The map's furniture over the view (legend, zoom buttons, credit, scale, an export's caption):
  // no label goes under it. Their boxes are read when one of them or the map changes size (a
  // ResizeObserver's turn comes after the browser has laid the page out, so the read costs no
  // layout), never inside a state.
  var CHROME_GAP = 3;  // px between a label and the furniture
  var chromeRects = [];
  var chromeKey = "";
  var observed = [];
  var observer = window.ResizeObserver ? new window.ResizeObserver(readChrome) : null;

  function chromeElements(map) {
    var chrome = shared.chrome;
    var els = [];
    [chrome.legend, chrome.attribution, chrome.scale, map.zoomControl].forEach(function (control) {
      var el = control && control.getContainer && control.getContainer();
      if (el) {
        els.push(el);
      }
    });
    if (chrome.caption) {
      els.push(chrome.caption);
    }
    return els;
  }

  // Furniture made since is observed from here; never inside the observer's own turn, where a
  // new target shallower than those just reported would be left undelivered (Chromium reports
  // "ResizeObserver loop completed with undelivered notifications" as a page error): from there,
  // the next task observes it.
  var observing = false;

  function watchChrome(map) {
    if (!observer) {
      return;
    }
    if (observing) {
      window.setTimeout(function () { watchChrome(map); }, 0);
      return;
    }
    [map.getContainer()].concat(chromeElements(map)).forEach(function (el) {
      if (observed.indexOf(el) < 0) {
        observed.push(el);
        observer.observe(el);
      }
    });
  }

  function readChrome() {
    var map = shared.map;
    if (!map) {
      return;
    }
    var origin = map.getContainer().getBoundingClientRect();
    var rects = [];
    chromeElements(map).forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        rects.push({ left: r.left - origin.left - CHROME_GAP, top: r.top - origin.top - CHROME_GAP,
                     right: r.right - origin.left + CHROME_GAP, bottom: r.bottom - origin.top + CHROME_GAP });
      }
    });
    var key = JSON.stringify(rects);
    if (key !== chromeKey) {
      chromeKey = key;
      chromeRects = rects;
      observing = true;
      try {
        cm.labels.layout();
      } finally {
        observing = false;
      }
    }
  }

  // A keep-free rectangle over a place's own point (the editor's handle) pushes that place's label
  // out along its direction, just clear of it, instead of ruling every direction out.
  var PUSH = {
    right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1], center: [0, -1],
    "top-right": [1, -1], "bottom-right": [1, 1], "top-left": [-1, -1], "bottom-left": [-1, 1]
  };

  function shifted(r, dx, dy) {
    return { left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy };
  }

  function pushClear(rect, direction, p, free) {
    var v = PUSH[direction] || PUSH.center;
    var dx = 0, dy = 0;
    free.forEach(function (f) {
      if (p.x < f.left || p.x > f.right || p.y < f.top || p.y > f.bottom) {
        return;
      }
      var r = shifted(rect, dx, dy);
      if (!overlapArea(r, f)) {
        return;
      }
      var tx = v[0] > 0 ? f.right - r.left : v[0] < 0 ? r.right - f.left : Infinity;
      var ty = v[1] > 0 ? f.bottom - r.top : v[1] < 0 ? r.bottom - f.top : Infinity;
      var t = Math.ceil(Math.min(tx, ty));
      dx += v[0] * t;
      dy += v[1] * t;
    });
    return { dx: dx, dy: dy };
  }

  cm.labelRoom = {
    keepFree: keepFree,
    freeRects: freeRects,
    chromeRects: function () { return chromeRects; },
    watchChrome: watchChrome,
    overlapArea: overlapArea,
    shifted: shifted,
    pushClear: pushClear
  };
})(window.chronomap);
