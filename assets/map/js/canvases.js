/*
 * Chronomap page script: the base map's canvases shown as one picture (chronomap.stack).
 *
 * The countries (with the graticule) and the borders (with the water) are drawn by two canvas
 * renderers, each into a canvas of its own that is not shown. One canvas is shown: the sea, then
 * the countries' picture, then the borders', each laid over with source-over at the same pixels,
 * which is what the compositor did with the two canvases stacked over the sea, so the pixels are
 * the same. Why: the compositor keeps a pool of view-sized shared-memory buffers for each canvas
 * it shows (about four during a run of changes, resident in the render process and again in the
 * app); one shown canvas halves that (tests/benchmarks/bench_memory.py). Drawing both layers
 * straight onto one canvas would not do: the borders' anti-aliased edges laid over the countries
 * round differently from a picture laid over a picture, by up to 28 levels along every line.
 */
(function (cm) {
  "use strict";

  var shown = null;   // the renderer whose canvas is shown (the countries')
  var layers = [];    // the renderers whose pictures make it, bottom first
  var dirty = null;   // what changed since the picture was last made, in layer points (L.Bounds)
  var whole = false;  // ... or all of it
  var queued = false;
  var laidOver = null;  // whether the shown canvas holds all the pictures (null: not made yet)
  var composedCount = 0;  // times the shown canvas was drawn on (each a new frame of it for the compositor)

  function scale() {
    return L.Browser.retina ? 2 : 1;
  }

  // The part [from, from + size) of a length that also lies in [0, limit).
  function span(from, size, limit) {
    var a = Math.max(0, from), b = Math.min(limit, from + size);
    return b > a ? [a, b - a] : null;
  }

  // The sea under the picture: the map's own background, as the stacked canvases showed it.
  function sea() {
    return window.getComputedStyle(shown._map.getContainer()).backgroundColor;
  }

  // Lay the pictures again over the part that changed, once all the renderers that drew in this
  // task or animation frame have drawn (a microtask: before the frame is painted).
  function compose() {
    queued = false;
    var canvas = shown && shown._container, ctx = shown && shown._shownCtx;
    if (!canvas || !ctx || !shown._bounds || !canvas.width || !canvas.height) {
      whole = false;
      dirty = null;
      return;
    }
    // When the canvases' pixels are not the screen's (a zoom factor set after Leaflet loaded: the
    // compositor scales each canvas), a picture laid over a picture would not be scaled as the two
    // were: then each is shown by itself, as Leaflet shows them.
    var all = window.devicePixelRatio === scale();
    if (all !== laidOver) {
      laidOver = all;
      whole = true;
      layers.forEach(function (r) {
        if (r !== shown && r._container) {
          r._container.style.display = all ? "none" : "";
        }
      });
    }
    var m = scale(), origin = shown._bounds.min, x = 0, y = 0, w = canvas.width, h = canvas.height;
    if (!whole && dirty) {
      var sx = span((dirty.min.x - origin.x) * m, (dirty.max.x - dirty.min.x) * m, w);
      var sy = span((dirty.min.y - origin.y) * m, (dirty.max.y - dirty.min.y) * m, h);
      whole = false;
      dirty = null;
      if (!sx || !sy) {
        return;
      }
      x = sx[0]; w = sx[1]; y = sy[0]; h = sy[1];
    }
    whole = false;
    dirty = null;
    composedCount += 1;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = "source-over";
    ctx.imageSmoothingEnabled = false;
    if (all) {
      ctx.fillStyle = sea();
      ctx.fillRect(x, y, w, h);
    } else {
      ctx.clearRect(x, y, w, h);  // then the shown renderer's own picture, as it is
    }
    layers.forEach(function (r) {
      if (!all && r !== shown) {
        return;
      }
      var picture = r._layerCanvas;
      if (!picture || !picture.width || !picture.height || !r._bounds) {
        return;  // not drawn yet (the borders come with the base map)
      }
      // where this picture's pixels lie on the shown canvas (the same place once the map rests)
      var ox = (r._bounds.min.x - origin.x) * m, oy = (r._bounds.min.y - origin.y) * m;
      var px = span(x - ox, w, picture.width), py = span(y - oy, h, picture.height);
      if (px && py) {
        ctx.drawImage(picture, px[0], py[0], px[1], py[1], px[0] + ox, py[0] + oy, px[1], py[1]);
      }
    });
    ctx.restore();
  }

  function changed(bounds) {
    if (!bounds) {
      whole = true;
    } else if (!whole) {
      dirty = dirty ? dirty.extend(bounds.min).extend(bounds.max) : L.bounds(bounds.min, bounds.max);
    }
    if (!queued) {
      queued = true;
      Promise.resolve().then(compose);
    }
  }

  // A canvas renderer (a subclass of Base, L.Canvas or one of its own) that draws into a canvas
  // not shown; the first one made with {shown: true} shows the picture of all.
  function extend(Base) {
    return Base.extend({
      _initContainer: function () {
        Base.prototype._initContainer.call(this);  // the canvas the map places, sizes and moves
        if (this.options.shown) {
          shown = this;
          this._shownCtx = this._ctx;
          this._layerCanvas = document.createElement("canvas");
          this._ctx = this._layerCanvas.getContext("2d");
        } else {
          this._container.style.display = "none";  // not shown, so not composited
          this._layerCanvas = this._container;
        }
        layers.push(this);
        layers.sort(function (a, b) { return (b.options.shown ? 1 : 0) - (a.options.shown ? 1 : 0); });
      },
      // Leaflet sizes the shown canvas and then sets this._ctx's transform: the picture's canvas
      // takes the same size first (which also resets its transform), for the bounds about to be drawn.
      _update: function () {
        var picture = this._layerCanvas;
        if (picture && picture !== this._container && !(this._map._animatingZoom && this._bounds)) {
          L.Renderer.prototype._update.call(this);
          var size = this._bounds.getSize(), m = scale();
          picture.width = m * size.x;
          picture.height = m * size.y;
        }
        Base.prototype._update.call(this);
      },
      // Every drawing ends here: a full redraw (no bounds) or the part Leaflet cleared and drew.
      _redraw: function () {
        var bounds = this._redrawBounds;
        Base.prototype._redraw.call(this);  // rounds the bounds outward in place, as it draws them
        changed(bounds);
      }
    });
  }

  cm.stack = {
    extend: extend,
    // The picture a renderer draws (tests compare it), and the canvas shown.
    pictureOf: function (renderer) { return renderer._layerCanvas || renderer._container; },
    shownCanvas: function () { return shown ? shown._container : null; },
    composed: function () { return composedCount; }
  };
})(window.chronomap);
