/*
 * Chronomap page script: the base map (chronomap.basemap): the graticule, the
 * countries, borders and water (GeoJSON the page holds, or fetched), and their styles
 * for the period a state describes.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var util = cm.util;

  var renderers = {};
  var borders = [];          // [{layer, kind}]
  // ISO -> {layer, shown}: the outline a current republic gets (chronomap.styles.REPUBLIC_CURRENT), for each
  // country a one-country place draws. It is a path of the places' own renderer (SVG, over the base map),
  // not a style of the country on the base map's canvas: a republic turns current and back about every
  // other change in a run through the story, and each time the canvas was drawn again over it (124 of
  // 128 canvas compositions in 240 changes; with the path, bench_explorer's change -> shown median went
  // 15.4 -> 11.4 ms here). The canvas buffers held after a run did not change (bench_memory.py).
  var outlines = {};
  var explicitClasses = {};  // ISO -> class, as the last state gave them
  var ussrBorder = true;

  // How far beyond the view a renderer draws: at rest a little (a state's repaint costs
  // pixels), during a glide more, so one repaint covers a whole zoom level of a zoom-out.
  var REST_PADDING = 0.15;
  var GLIDE_PADDING = 0.6;

  // The part of the view (0..1) a renderer's drawn area covers now: the renderer drew
  // (1 + 2 * padding) times the view round the centre it had, at the zoom it had; a glide
  // since then has only scaled and moved that picture (Leaflet's Renderer._update and
  // _updateTransform, 1.9). Measured in projected pixels, so the far north needs no care.
  function coverage(renderer) {
    var map = shared.map;
    var bounds = renderer._bounds;
    if (!map || !bounds || !renderer._center) {
      return 0;
    }
    var zoom = map.getZoom();
    var scale = map.getZoomScale(zoom, renderer._zoom);
    var half = bounds.getSize().multiplyBy(scale / 2);
    var centre = map.project(renderer._center, zoom);
    var drawn = L.bounds(centre.subtract(half), centre.add(half));
    var view = map.getPixelBounds();
    var w = Math.min(drawn.max.x, view.max.x) - Math.max(drawn.min.x, view.min.x);
    var h = Math.min(drawn.max.y, view.max.y) - Math.max(drawn.min.y, view.min.y);
    var size = view.getSize();
    return w > 0 && h > 0 ? (w * h) / (size.x * size.y) : 0;
  }

  // Draw again, round the view as it is now, once a glide has scaled or moved the drawn
  // picture off part of the view; what Leaflet does on a view reset. Runs inside the glide's
  // frame, before the browser paints it, so the unpainted land is never shown.
  function keepCovered(renderer) {
    var map = shared.map;
    if (map._animatingZoom || coverage(renderer) >= 1) {
      return;
    }
    renderer.options.padding = GLIDE_PADDING;
    renderer._postponeUpdatePaths = true;  // canvas: draw once, after the paths are projected
    renderer._reset();
    renderer._postponeUpdatePaths = false;
  }

  var redrawCount = 0;  // full redraws of a base-map canvas (snapshot().frames.redraws)
  var handover = null;  // while a glide takes over from a pan (handOver): { ended: a moveend came, started: a move began }

  // A canvas that keeps the view covered during glides and drags, and draws only a little
  // beyond the view once the map rests. It is drawn again at the end of every move, a pan too:
  // Leaflet clips and simplifies each outline to the drawn area, so a picture kept from
  // another centre differs from an export of the same view by a pixel along the lines.
  var GlideCanvas = L.Canvas.extend({
    getEvents: function () {
      var events = L.Canvas.prototype.getEvents.call(this);
      events.move = function () { keepCovered(this); };
      events.moveend = function () {
        if (handover) {
          handover.ended = true;
          return;
        }
        this.atRest();
      };
      return events;
    },
    atRest: function () {
      this.options.padding = REST_PADDING;
      this._update();
    },
    _update: function () {
      redrawCount += 1;
      L.Canvas.prototype._update.call(this);
    },
    _reset: function () {
      L.Canvas.prototype._reset.call(this);
      placeOnGrid(this);
    }
  });

  // Leaflet's reset (a view set without a glide, and keepCovered) draws at the renderer's own
  // centre and zoom and then places its canvas or SVG by _updateTransform, whose offset is the
  // view's half-size times (0.5 + padding), unrounded: the picture rests a fraction of a pixel off
  // the grid. The compositor resamples a canvas there (each line a little blurred); an SVG is drawn
  // at the fraction (each outline's and dot's edge shaded otherwise than at rest after a glide, so an
  // export of a moment differed from the same export made first). Placed where it was drawn.
  function placeOnGrid(renderer) {
    if (renderer._bounds && renderer._map && !renderer._map._animatingZoom) {
      L.DomUtil.setPosition(renderer._container, renderer._bounds.min);
    }
  }

  // A glide that takes over from a pan under way (chronomap.view) ends that pan with a moveend
  // and starts at once: the canvases are not drawn at that moveend (during a run of changes, one
  // full redraw per change, each in a new canvas buffer), but at the end of the glide that took
  // over, as after any move. A take-over that started no move draws them at once. Returns
  // whether a move started.
  function handOver(start) {
    var h = handover = { ended: false, started: false };
    try {
      start();
    } finally {
      handover = null;
    }
    if (h.ended && !h.started) {
      restCanvases();
    }
    return h.started;
  }

  function restCanvases() {
    var done = [];
    Object.keys(renderers).forEach(function (name) {
      var r = renderers[name];
      if (r instanceof GlideCanvas && done.indexOf(r) < 0) {
        done.push(r);
        r.atRest();
      }
    });
  }

  // Their pictures are shown as one canvas (chronomap.stack).
  var StackedCanvas = cm.stack.extend(GlideCanvas);

  // Canvas is fast on screen; a page built for print asks for SVG so a PDF keeps vectors.
  // The places folium drew are on the map's own renderer (SVG): it is kept covered too, or
  // a glide would show labels with no dot or area under them.
  // On screen the graticule shares the countries' canvas (drawn first, so under them) and the
  // water the borders' (drawn last, so over them): two canvases to repaint and composite
  // during a glide instead of four.
  function createRenderers(vector) {
    if (vector) {
      renderers.graticule = L.svg({ pane: "cm-graticule", padding: REST_PADDING });
      renderers.countries = L.svg({ pane: "cm-countries", padding: REST_PADDING });
      renderers.borders = L.svg({ pane: "cm-borders", padding: REST_PADDING });
      renderers.water = L.svg({ pane: "cm-water", padding: REST_PADDING });
    } else {
      renderers.countries = renderers.graticule = new StackedCanvas({ pane: "cm-countries", padding: REST_PADDING, shown: true });
      renderers.borders = renderers.water = new StackedCanvas({ pane: "cm-borders", padding: REST_PADDING });
    }
    var map = shared.map;
    map.on("movestart", function () {
      if (handover) {
        handover.started = true;
      }
    });
    var own = map._renderer;
    if (own) {  // the places' renderer, Leaflet's own: its reset listens since the places were added, before this
      map.on("viewreset", function () { placeOnGrid(own); });
    }
    if (own && !vector) {
      var ownPadding = own.options.padding;
      map.on("move", function () { keepCovered(own); });
      map.on("moveend", function () {
        if (own.options.padding !== ownPadding) {
          own.options.padding = ownPadding;
          own._update();
        }
      });
    }
  }

  // What each renderer has drawn, as the part of the view it covers (1: all of it), for
  // snapshots: a glide must never show land that was not drawn.
  function painted() {
    var out = {};
    Object.keys(renderers).forEach(function (name) {
      out[name] = Math.round(coverage(renderers[name]) * 1000) / 1000;
    });
    if (shared.map && shared.map._renderer) {
      out.places = Math.round(coverage(shared.map._renderer) * 1000) / 1000;
    }
    return out;
  }

  // The base map's data runs from -180 to 180 degrees; the map shows Eurasia, from 30 W to
  // past the Bering Strait. A polygon reaching west of this longitude lies beyond the
  // antimeridian (Chukotka's tip, Alaska, the Aleutians) and is drawn 360 degrees east, next
  // to the rest of its coast (chronomap.map.page.ANTIMERIDIAN_WRAP, also used for framing).
  function wrapWest() {
    var value = shared.config && shared.config.wrapWest;
    return typeof value === "number" ? value : -150;
  }

  function shiftPolygon(polygon, west) {
    var far = polygon.some(function (ring) {
      return ring.some(function (p) { return p[0] < west; });
    });
    if (!far) {
      return polygon;
    }
    return polygon.map(function (ring) {
      return ring.map(function (p) { return [p[0] + 360].concat(p.slice(1)); });
    });
  }

  function wrapFarSide(data) {
    var west = wrapWest();
    (data.features || []).forEach(function (feature) {
      var g = feature.geometry;
      if (g && g.type === "Polygon") {
        g.coordinates = shiftPolygon(g.coordinates, west);
      } else if (g && g.type === "MultiPolygon") {
        g.coordinates = g.coordinates.map(function (polygon) { return shiftPolygon(polygon, west); });
      }
    });
    return data;
  }

  // A layer the base map's canvas draws keeps its outlines in arrays (chronomap.outlines); SVG
  // (a page for print) draws each path once, as Leaflet does.
  function onCanvas(layer) {
    return renderers.countries instanceof L.Canvas ? cm.outlines.adopt(layer) : layer;
  }

  // Every 10 degrees, over all the map can show (past 180 degrees east, where the far side of
  // the antimeridian is drawn); only visible on the sea.
  function drawGraticule() {
    var lines = [];
    var east = 240;
    for (var lon = -180; lon <= east; lon += 10) {
      lines.push([[-80, lon], [85, lon]]);
    }
    for (var lat = -80; lat <= 80; lat += 10) {
      var row = [];
      for (var x = -180; x <= east; x += 5) {
        row.push([lat, x]);
      }
      lines.push(row);
    }
    onCanvas(L.polyline(lines, util.extend({ pane: "cm-graticule", renderer: renderers.graticule }, cm.styles.GRATICULE)))
      .addTo(shared.map);
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok && response.status !== 0) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  var OUTLINE_HIDDEN = { stroke: false, fill: false };

  // A country whose look a one-country place (a republic) marks gets its outline path, hidden.
  function makeOutlines(features) {
    var byIso = {};
    features.forEach(function (feature) {
      var iso = feature.properties && feature.properties.iso ? String(feature.properties.iso) : null;
      var ids = iso ? shared.byIso[iso] : null;
      var onePlace = ids && ids.some(function (id) { return shared.places[id].isos.length === 1; });
      if (onePlace) {
        (byIso[iso] = byIso[iso] || []).push(feature);
      }
    });
    Object.keys(byIso).forEach(function (iso) {
      var layer = L.geoJSON({ type: "FeatureCollection", features: byIso[iso] }, {
        interactive: false,
        style: function () { return OUTLINE_HIDDEN; }
      });
      layer.addTo(shared.map);
      layer.bringToBack();  // under the places' areas and dots
      outlines[iso] = { layer: layer, shown: false };
    });
  }

  var DRAW = {
    countries: function (data) {
      var countries = shared.countries;
      var wrapped = wrapFarSide(data);
      makeOutlines(wrapped.features || []);
      onCanvas(L.geoJSON(wrapped, {
        pane: "cm-countries",
        renderer: renderers.countries,
        interactive: false,
        style: function () { return cm.styles.COUNTRY.foreign; },
        onEachFeature: function (feature, layer) {
          letGoOfGeometry(feature);
          var props = feature.properties || {};
          var iso = props.iso ? String(props.iso) : null;
          if (!iso) {
            return;
          }
          var entry = countries[iso] = countries[iso] || { layers: [], soviet: false, name: props.name || iso, styleKey: null };
          entry.styleKey = null;
          entry.soviet = entry.soviet || props.soviet === true;
          entry.layers.push(layer);
          var ids = shared.byIso[iso];
          if (ids && ids.length) {
            layer.options.interactive = true;
            layer.on("click", function () { cm.host.placeClicked(ids[0]); });
          }
        }
      })).addTo(shared.map);
    },
    borders: function (data) {
      var BORDER_STYLE = cm.styles.BORDER;
      onCanvas(L.geoJSON(data, {
        pane: "cm-borders",
        renderer: renderers.borders,
        interactive: false,
        style: function (feature) {
          var kind = feature && feature.properties && feature.properties.kind;
          return BORDER_STYLE[kind] || BORDER_STYLE.other;
        },
        onEachFeature: function (feature, layer) {
          letGoOfGeometry(feature);
          var kind = feature.properties && feature.properties.kind;
          borders.push({ layer: layer, kind: BORDER_STYLE[kind] ? kind : "other", styleKey: null });
        }
      })).addTo(shared.map);
    },
    water: function (data) {
      onCanvas(L.geoJSON(data, {
        pane: "cm-water",
        renderer: renderers.water,
        interactive: false,
        style: function (feature) {
          var props = (feature && feature.properties) || {};
          var style = util.extend({}, cm.styles.WATER);
          if (props.outline === false) {
            style.stroke = false;
          }
          return style;
        },
        onEachFeature: letGoOfGeometry
      })).addTo(shared.map);
      cm.legend.noteWaterOutlines(data);
    }
  };

  // Draws every layer; the page is ready (and says so) once all are in or failed. A layer the
  // page holds (chronomap.map.page_inline: a JSON element) is drawn at once, in the task that
  // builds the map, so the first frame has it; a layer only linked is fetched.
  // When the page started, its base map came in (read or fetched, and parsed) and was drawn, as
  // wall-clock milliseconds (snapshot().frames.start; bench_start.py sets them against launch),
  // and the canvases' full redraws by then and the page's size (a state after it that draws again shows in
  // frames.redraws; so does a resize).
  cm.startMarks = { origin: performance.timeOrigin, fetched: null, drawn: null, redraws: null, size: null };

  // A layer the page holds, parsed; its element is taken out of the page, whose text would otherwise
  // keep a second copy of the base map (~0.5 MB) for the page's life.
  function embedded(name) {
    var el = document.getElementById("cm-basemap-" + name);
    if (!el) {
      return null;
    }
    var data = JSON.parse(el.textContent);
    el.parentNode.removeChild(el);
    return data;
  }

  // Once Leaflet has made a feature's layer, the layer holds its vertices (and an adopted one
  // holds them again in flat arrays): the GeoJSON's own coordinates are let go. Kept, they were a
  // fifth of the page's JavaScript heap after start (1.3 of 7.1 MB, measured after gc()).
  function letGoOfGeometry(feature) {
    if (feature && feature.geometry) {
      feature.geometry = null;
    }
  }

  function layerJob(name, url) {
    var report = cm.host.report;
    try {
      var data = embedded(name);
      if (data) {
        return { name: name, data: data };
      }
    } catch (err) {
      report("base map layer " + name + " could not be read: " + (err && err.message ? err.message : err));
      return null;
    }
    if (!url) {
      return null;
    }
    return fetchJson(url).then(function (fetched) {
      return { name: name, data: fetched };
    }, function (err) {
      report("base map layer " + name + " failed to load: " + (err && err.message ? err.message : err));
      return null;
    });
  }

  function drawAll(results) {
    var report = cm.host.report;
    cm.startMarks.fetched = performance.timeOrigin + performance.now();
    results.forEach(function (result) {
      if (!result) {
        return;
      }
      try {
        DRAW[result.name](result.data);
      } catch (err) {
        report("base map layer " + result.name + " could not be drawn: " + err.message);
      }
    });
    restyle();
    cm.labels.layout();
  }

  function finish() {
    cm.startMarks.drawn = performance.timeOrigin + performance.now();
    cm.startMarks.redraws = redrawCount;
    cm.startMarks.size = [window.innerWidth, window.innerHeight];  // a resize since draws again
    shared.map.getContainer().classList.add("cm-ready");  // labels show from now on (chronomap.css)
    cm.ready = true;
    cm.host.announce();
  }

  function load() {
    var urls = (shared.config && shared.config.basemap) || {};
    var jobs = cm.constants.LAYERS.map(function (name) { return layerJob(name, urls[name]); });
    var waiting = jobs.some(function (job) { return job && typeof job.then === "function"; });
    if (!waiting) {  // everything is in the page: drawn now, ready now
      try {
        drawAll(jobs);
      } catch (err) {
        cm.host.report("base map: " + (err && err.message ? err.message : err));
      }
      finish();
      return;
    }
    Promise.all(jobs).then(drawAll).catch(function (err) {
      cm.host.report("base map: " + (err && err.message ? err.message : err));
    }).then(finish);
  }

  // The period a state describes: the class of each country it names, and whether the
  // Union's frontier is drawn. Unknown classes are warned about and left out.
  function setPeriod(basemap) {
    var CLASSES = cm.constants.CLASSES;
    explicitClasses = {};
    var classes = basemap.classes || {};
    Object.keys(classes).forEach(function (iso) {
      if (CLASSES.indexOf(classes[iso]) >= 0) {
        explicitClasses[iso] = classes[iso];
      } else {
        console.warn("chronomap: " + iso + ": unknown base map class " + classes[iso]);
      }
    });
    ussrBorder = basemap.ussr_border !== false;
  }

  function effectiveClass(iso) {
    var cls = explicitClasses[iso];
    if (cls) {
      return cls;
    }
    var entry = shared.countries[iso];
    return entry && entry.soviet ? "union" : "foreign";
  }

  // How the places a country draws mark it, as bits: OUTLINE when a one-country place (a
  // republic) is current, TINT when a many-country place (the USSR) is.
  var OUTLINE = 1, TINT = 2;

  function markBits(iso) {
    var ids = shared.byIso[iso], bits = 0;
    for (var i = 0; ids && i < ids.length; i++) {
      var place = shared.places[ids[i]];
      if (place.status === "current") {
        bits |= place.isos.length > 1 ? TINT : OUTLINE;
      }
    }
    return bits;
  }

  function countryMarks(iso) {
    var bits = markBits(iso);
    return { outline: (bits & OUTLINE) !== 0, tint: (bits & TINT) !== 0 };
  }

  // The style key of a class with its marks ("focus+outline"), made once: a state that changes no
  // country's look makes no string.
  var styleKeys = {};
  function styleKey(cls, bits) {
    var keys = styleKeys[cls] = styleKeys[cls] || [];
    return keys[bits] || (keys[bits] = cls + (bits & OUTLINE ? "+outline" : "") + (bits & TINT ? "+tint" : ""));
  }

  // Only features whose look changes are touched: a canvas repaint of the whole
  // base map costs tens of milliseconds, a state that moves only places none.
  // Run for every state: it allocates nothing for a country whose look stays.
  function restyle() {
    var styles = cm.styles;
    var countries = shared.countries;
    var front = null;
    for (var iso in countries) {
      var entry = countries[iso];
      var cls = effectiveClass(iso);
      var bits = markBits(iso);
      var outline = outlines[iso];
      if (outline) {
        var shown = (bits & OUTLINE) !== 0;
        if (outline.shown !== shown) {
          outline.shown = shown;
          outline.layer.setStyle(shown ? util.extend({ fill: false }, styles.REPUBLIC_CURRENT) : OUTLINE_HIDDEN);
        }
        bits &= ~OUTLINE;  // drawn by its own path: the base map's look of the country stays
      }
      var key = styleKey(cls, bits);
      if (entry.styleKey === key) {
        continue;
      }
      entry.styleKey = key;
      var style = util.extend({}, styles.COUNTRY[cls]);
      if (bits & TINT) {
        var t = cls.indexOf("focus") === 0 ? styles.STATE_CURRENT_TINT_ON_FOCUS : styles.STATE_CURRENT_TINT;
        style.fillColor = util.mix(style.fillColor, styles.VERMILION, t);
      }
      if (bits & OUTLINE) {
        util.extend(style, styles.REPUBLIC_CURRENT);
      }
      for (var i = 0; i < entry.layers.length; i++) {
        entry.layers[i].setStyle(style);
        if (style.stroke) {
          (front = front || []).push(entry.layers[i]);
        }
      }
    }
    // Outlined countries are drawn last so neighbours don't cover their outline.
    for (var f = 0; front && f < front.length; f++) {
      front[f].bringToFront();
    }
    for (var b = 0; b < borders.length; b++) {
      var kind = borders[b].kind;
      if (!ussrBorder && (kind === "ussr" || kind === "republic")) {
        kind = "international";
      }
      if (borders[b].styleKey !== kind) {
        borders[b].styleKey = kind;
        borders[b].layer.setStyle(styles.BORDER[kind]);
      }
    }
  }

  cm.basemap = {
    createRenderers: createRenderers,
    drawGraticule: drawGraticule,
    load: load,
    setPeriod: setPeriod,
    restyle: restyle,
    classOf: effectiveClass,
    marksOf: countryMarks,
    ussrBorder: function () { return ussrBorder; },
    painted: painted,
    handOver: handOver,
    redraws: function () { return redrawCount; }
  };
})(window.chronomap);
