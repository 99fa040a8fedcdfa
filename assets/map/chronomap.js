/*
 * Chronomap page script.
 *
 * One global namespace, window.chronomap:
 *   chronomap.init(map, config)   called once by the page folium wrote
 *   chronomap.applyState(state)   synchronous; restyles existing layers; returns state.seq
 *   chronomap.snapshot()          what the page really shows, as a plain object
 *   chronomap.showPlace(id)       glides to a place and flashes its label; returns true if known
 *   chronomap.lockDown()          kiosk: no selection, context menu, drops or page zoom
 *   chronomap.resetView()         kiosk: back to the first frame, popups closed
 *   chronomap.ready               true once the base map is drawn
 *
 * Page -> host events go through the QWebChannel object "chronomapHost"
 * (pageReady(), placeClicked(id), jsError(message)).
 *
 * The map is built once. A state never recreates layers: it calls setStyle,
 * updates label text and classes, reorders, and moves the view.
 */
(function () {
  "use strict";

  var STATUSES = ["current", "past", "upcoming"];
  var CLASSES = ["union", "focus", "focus-independent", "independent", "foreign"];
  var LAYERS = ["countries", "borders", "water"];

  // ---- palette ---------------------------------------------------------------
  var INK = "#2c2620";
  var PAPER = "#f7f3ea";
  var VERMILION = "#cf3f1c";
  var VERMILION_DARK = "#7e2410";
  var DIM = "#7a7064";
  var QUIET = "#978f82";

  var COUNTRY_STYLE = {
    "foreign":           { fillColor: "#f0ebdf", fillOpacity: 1, stroke: false },
    "union":             { fillColor: "#dcd5bf", fillOpacity: 1, stroke: false },
    "independent":       { fillColor: "#e6dfc9", fillOpacity: 1, stroke: false },
    "focus":             { fillColor: "#bcc9ae", fillOpacity: 1, stroke: true,
                           color: "#4f6446", weight: 2.2, opacity: 1, dashArray: null },
    "focus-independent": { fillColor: "#e5d096", fillOpacity: 1, stroke: true,
                           color: "#86681f", weight: 2.2, opacity: 1, dashArray: null }
  };
  // A republic place that is current is outlined like a current region; a place
  // drawn by many countries (the USSR) is tinted instead, its inner lines left alone.
  var REPUBLIC_CURRENT = { stroke: true, color: VERMILION, weight: 2.8, opacity: 1, dashArray: null };
  var STATE_CURRENT_TINT = 0.13;
  var STATE_CURRENT_TINT_ON_FOCUS = 0.06;  // the emphasised republic keeps its own colour

  var BORDER_STYLE = {
    "ussr":          { color: "#7c3428", weight: 2.0, opacity: 0.9, dashArray: null },
    "republic":      { color: "#958b78", weight: 0.8, opacity: 0.9, dashArray: "3 3" },
    "other":         { color: "#aaa190", weight: 0.8, opacity: 1, dashArray: null },
    // after the Union: its outer line and the republics' lines are frontiers like any other
    "international": { color: "#9a917f", weight: 0.9, opacity: 1, dashArray: null }
  };
  var SEA = "#c9d6da";
  var WATER_STYLE = { fillColor: SEA, fillOpacity: 1, color: "#9fb1b8", weight: 0.6, opacity: 1 };
  var GRATICULE_STYLE = { color: "#b6c6cc", weight: 0.6, opacity: 1, interactive: false };

  var CITY_STYLE = {
    current:  { radius: 7.5, color: VERMILION_DARK, weight: 2.6, opacity: 1,
                fillColor: VERMILION, fillOpacity: 1, dashArray: null },
    past:     { radius: 4.6, color: PAPER, weight: 1.4, opacity: 1,
                fillColor: DIM, fillOpacity: 0.95, dashArray: null },
    upcoming: { radius: 4.4, color: QUIET, weight: 1.5, opacity: 1,
                fillColor: PAPER, fillOpacity: 0.9, dashArray: null }
  };
  var REGION_STYLE = {
    current:  { color: VERMILION, weight: 2.6, opacity: 1,
                fillColor: VERMILION, fillOpacity: 0.26, dashArray: null },
    past:     { color: DIM, weight: 1.3, opacity: 0.9,
                fillColor: DIM, fillOpacity: 0.14, dashArray: null },
    upcoming: { color: QUIET, weight: 1.2, opacity: 0.9,
                fillColor: PAPER, fillOpacity: 0.25, dashArray: "4 3" }
  };

  // High contrast: black ink, pure white paper, a deep red for "now"; statuses also differ by size,
  // outline and dash, never by colour alone.
  var HC_RED = "#b3000c";
  var CITY_STYLE_HC = {
    current:  { radius: 9, color: "#000000", weight: 3.2, opacity: 1,
                fillColor: HC_RED, fillOpacity: 1, dashArray: null },
    past:     { radius: 5.4, color: "#ffffff", weight: 1.6, opacity: 1,
                fillColor: "#000000", fillOpacity: 1, dashArray: null },
    upcoming: { radius: 5.0, color: "#000000", weight: 2.0, opacity: 1,
                fillColor: "#ffffff", fillOpacity: 1, dashArray: null }
  };
  var REGION_STYLE_HC = {
    current:  { color: HC_RED, weight: 3.6, opacity: 1,
                fillColor: HC_RED, fillOpacity: 0.3, dashArray: null },
    past:     { color: "#000000", weight: 2.0, opacity: 1,
                fillColor: "#000000", fillOpacity: 0.12, dashArray: null },
    upcoming: { color: "#000000", weight: 1.6, opacity: 1,
                fillColor: "#ffffff", fillOpacity: 0.2, dashArray: "5 4" }
  };
  var CITY_STYLE_STANDARD = CITY_STYLE;
  var REGION_STYLE_STANDARD = REGION_STYLE;

  var LABEL_DIRECTIONS = {
    city: ["right", "left", "top", "bottom", "top-right", "bottom-right", "top-left", "bottom-left"],
    region: ["center", "right", "left", "top", "bottom"],
    republic: ["center", "top", "bottom"],
    state: ["center", "top", "bottom", "right", "left"]
  };
  var KIND_RANK = { city: 0, region: 1, republic: 2, state: 3 };
  var STATUS_RANK = { current: 0, past: 1, upcoming: 2 };
  var FOCUS_MAX_ZOOM = 6;

  // ---- module state ----------------------------------------------------------
  var cm = window.chronomap = {
    ready: false,
    seq: 0
  };

  var map = null;
  var config = null;
  var places = {};        // id -> place record
  var order = [];         // place ids, spec order
  var byIso = {};         // ISO -> [place ids] drawn by that country, most specific first
  var countries = {};     // ISO -> {layers: [], soviet: bool, name: str}
  var borders = [];       // [{layer, kind}]
  var explicitClasses = {};
  var ussrBorder = true;
  var host = null;
  var announced = false;
  var lastFrame = null;   // the bounds last framed (initial view or a focus)
  var lastFocusKey = null; // the focus of the last state, as given
  var appearanceKey = "{\"hc\":false,\"large\":false}"; // the look last applied (high contrast, large type), as given
  var legendKey = null;     // the legend words last applied through a state, as given
  var moving = false;      // a pan, zoom or glide is under way
  var chrome = { attribution: null, legend: null, scale: null, caption: null };  // map furniture
  var captionHeight = 0;   // px the caption covers at the bottom; framing keeps clear of it
  var legendNote = null;   // the legend's note element, completed once the water layer is in
  var legendTexts = null;  // the legend's words, as last given
  var waterOutlines = [];  // properties of water drawn by outline (name, outline, i18n), from the water layer
  var renderers = {};

  // ---- errors and the host -----------------------------------------------------
  function sendError(message) {
    if (host && typeof host.jsError === "function") {
      host.jsError(String(message));
      return true;
    }
    return false;
  }

  // Reported through the channel when it is up; otherwise through the console,
  // which the host also watches. Never both, so each error is counted once.
  function report(message) {
    if (!sendError(message) && window.console) {
      console.error("chronomap: " + message);
    }
  }

  window.addEventListener("error", function (ev) {
    var message = ev.message || (ev.error ? String(ev.error) : "script error");
    if (ev.filename) {
      message += " (" + ev.filename + ":" + ev.lineno + ")";
    }
    if (sendError(message)) {
      ev.preventDefault();
    }
  });

  window.addEventListener("unhandledrejection", function (ev) {
    var reason = ev.reason;
    var message = "unhandled rejection: " +
      (reason && reason.message ? reason.message : String(reason));
    if (sendError(message)) {
      ev.preventDefault();
    }
  });

  function connectChannel() {
    if (typeof window.QWebChannel !== "function" || !window.qt || !window.qt.webChannelTransport) {
      return;  // not inside the app (e.g. opened in a browser): no host
    }
    new window.QWebChannel(window.qt.webChannelTransport, function (channel) {
      host = channel.objects.chronomapHost || null;
      announce();
    });
  }

  function announce() {
    if (cm.ready && host && !announced) {
      announced = true;
      if (typeof host.pageReady === "function") {
        host.pageReady();
      }
    }
  }

  function placeClicked(id) {
    if (host && typeof host.placeClicked === "function") {
      host.placeClicked(id);
    }
  }

  // ---- helpers -------------------------------------------------------------------
  function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src) {
        for (var key in src) {
          if (Object.prototype.hasOwnProperty.call(src, key)) {
            target[key] = src[key];
          }
        }
      }
    }
    return target;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function clamp(value, lo, hi) {
    return Math.max(lo, Math.min(hi, value));
  }

  function zoomScale() {
    return clamp(1 + 0.11 * (map.getZoom() - 4.5), 0.78, 1.45);
  }

  function makePane(name, zIndex, noEvents) {
    var pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (noEvents) {
      pane.style.pointerEvents = "none";
    }
    return pane;
  }

  function isLatLngBox(value) {
    return Array.isArray(value) && value.length === 2 &&
      Array.isArray(value[0]) && Array.isArray(value[1]) &&
      value[0].length === 2 && value[1].length === 2 &&
      [value[0][0], value[0][1], value[1][0], value[1][1]].every(function (v) {
        return typeof v === "number" && isFinite(v);
      });
  }

  // ---- init ----------------------------------------------------------------------
  cm.init = function (leafletMap, cfg) {
    if (map) {
      throw new Error("chronomap.init called twice");
    }
    map = leafletMap;
    config = cfg || {};
    var container = map.getContainer();
    container.classList.add("chronomap");

    makePane("cm-graticule", 180, true);
    makePane("cm-countries", 200, false);
    makePane("cm-borders", 210, true);
    makePane("cm-water", 220, true);
    makePane("cm-labels", 640, false);
    // Canvas is fast on screen; a page built for print asks for SVG so a PDF keeps vectors.
    var makeRenderer = config.vector ? L.svg : L.canvas;
    renderers.graticule = makeRenderer({ pane: "cm-graticule", padding: 0.15 });
    renderers.countries = makeRenderer({ pane: "cm-countries", padding: 0.15 });
    renderers.borders = makeRenderer({ pane: "cm-borders", padding: 0.15 });
    renderers.water = makeRenderer({ pane: "cm-water", padding: 0.15 });

    var attribution = L.control.attribution({ prefix: false, position: "bottomright" });
    attribution.addTo(map);
    chrome.attribution = attribution;
    if (config.attribution) {
      attribution.addAttribution(escapeHtml(config.attribution));
    }

    drawGraticule();
    if (config.legend) {
      addLegend(config.legend);
    }
    map.on("movestart", function () { moving = true; });
    // Labels are laid out again where the glide ended: a layout made before a glide measured
    // against the old view, and labels it judged inside could end up cut at the edge.
    map.on("moveend", function () { moving = false; layoutLabels(); });

    (config.places || []).forEach(function (pc) {
      var layer = pc.layer ? window[pc.layer] : null;
      var place = {
        id: pc.id,
        kind: pc.kind,
        isos: (pc.isos || []).slice(),
        latlng: L.latLng(pc.lat, pc.lon),
        layer: layer || null,
        isCircle: !!(layer && typeof layer.setRadius === "function"),
        initialLabel: pc.label,
        label: pc.label,
        status: "upcoming",
        direction: null,
        labelEl: null,
        labelMarker: null
      };
      places[pc.id] = place;
      order.push(pc.id);
      if (!place.layer) {
        place.isos.forEach(function (iso) {
          (byIso[iso] = byIso[iso] || []).push(place.id);
        });
      }
      if (place.layer) {
        place.layer.on("click", function () { placeClicked(place.id); });
      }
      makeLabel(place);
    });
    Object.keys(byIso).forEach(function (iso) {
      byIso[iso].sort(function (a, b) { return places[a].isos.length - places[b].isos.length; });
    });

    map.on("zoomend", onZoom);
    map.on("zoomend moveend", layoutLabels);
    map.on("resize", onResize);

    var b = config.bounds;
    lastFrame = isLatLngBox(b) ? L.latLngBounds(b) : null;
    if (lastFrame) {
      map.fitBounds(lastFrame, { animate: false });
    }
    onZoom();
    restylePlaces();
    connectChannel();
    loadBasemap();
  };

  // Every 10 degrees, over all the map can show; only visible on the sea.
  function drawGraticule() {
    var lines = [];
    for (var lon = -180; lon <= 180; lon += 10) {
      lines.push([[-80, lon], [85, lon]]);
    }
    for (var lat = -80; lat <= 80; lat += 10) {
      var row = [];
      for (var x = -180; x <= 180; x += 5) {
        row.push([lat, x]);
      }
      lines.push(row);
    }
    L.polyline(lines, extend({ pane: "cm-graticule", renderer: renderers.graticule }, GRATICULE_STYLE))
      .addTo(map);
  }

  // ---- base map ------------------------------------------------------------------
  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok && response.status !== 0) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  function loadBasemap() {
    var urls = (config && config.basemap) || {};
    var jobs = LAYERS.map(function (name) {
      if (!urls[name]) {
        return Promise.resolve(null);
      }
      return fetchJson(urls[name]).then(function (data) {
        return { name: name, data: data };
      }, function (err) {
        report("base map layer " + name + " failed to load: " + (err && err.message ? err.message : err));
        return null;
      });
    });
    Promise.all(jobs).then(function (results) {
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
      restyleBasemap();
      layoutLabels();
    }).catch(function (err) {
      report("base map: " + (err && err.message ? err.message : err));
    }).then(function () {
      cm.ready = true;
      announce();
    });
  }

  var DRAW = {
    countries: function (data) {
      L.geoJSON(data, {
        pane: "cm-countries",
        renderer: renderers.countries,
        interactive: false,
        style: function () { return COUNTRY_STYLE.foreign; },
        onEachFeature: function (feature, layer) {
          var props = feature.properties || {};
          var iso = props.iso ? String(props.iso) : null;
          if (!iso) {
            return;
          }
          var entry = countries[iso] = countries[iso] || { layers: [], soviet: false, name: props.name || iso, styleKey: null };
          entry.styleKey = null;
          entry.soviet = entry.soviet || props.soviet === true;
          entry.layers.push(layer);
          var ids = byIso[iso];
          if (ids && ids.length) {
            layer.options.interactive = true;
            layer.on("click", function () { placeClicked(ids[0]); });
          }
        }
      }).addTo(map);
    },
    borders: function (data) {
      L.geoJSON(data, {
        pane: "cm-borders",
        renderer: renderers.borders,
        interactive: false,
        style: function (feature) {
          var kind = feature && feature.properties && feature.properties.kind;
          return BORDER_STYLE[kind] || BORDER_STYLE.other;
        },
        onEachFeature: function (feature, layer) {
          var kind = feature.properties && feature.properties.kind;
          borders.push({ layer: layer, kind: BORDER_STYLE[kind] ? kind : "other", styleKey: null });
        }
      }).addTo(map);
    },
    water: function (data) {
      L.geoJSON(data, {
        pane: "cm-water",
        renderer: renderers.water,
        interactive: false,
        style: function (feature) {
          var props = (feature && feature.properties) || {};
          var style = extend({}, WATER_STYLE);
          if (props.outline === false) {
            style.stroke = false;
          }
          return style;
        }
      }).addTo(map);
      noteWaterOutlines(data);
    }
  };

  function effectiveClass(iso) {
    var cls = explicitClasses[iso];
    if (cls) {
      return cls;
    }
    var entry = countries[iso];
    return entry && entry.soviet ? "union" : "foreign";
  }

  // How the places a country draws mark it: "outline" when a one-country place
  // (a republic) is current, "tint" when a many-country place (the USSR) is.
  function countryMarks(iso) {
    var marks = { outline: false, tint: false };
    (byIso[iso] || []).forEach(function (id) {
      var place = places[id];
      if (place.status === "current") {
        if (place.isos.length > 1) {
          marks.tint = true;
        } else {
          marks.outline = true;
        }
      }
    });
    return marks;
  }

  function mix(hexA, hexB, t) {
    var a = parseInt(hexA.slice(1), 16);
    var b = parseInt(hexB.slice(1), 16);
    var out = 0;
    for (var shift = 16; shift >= 0; shift -= 8) {
      var ca = (a >> shift) & 255;
      var cb = (b >> shift) & 255;
      out |= Math.round(ca + (cb - ca) * t) << shift;
    }
    return "#" + (0x1000000 + out).toString(16).slice(1);
  }

  // Only features whose look changes are touched: a canvas repaint of the whole
  // base map costs tens of milliseconds, a state that moves only places none.
  function restyleBasemap() {
    var front = [];
    Object.keys(countries).forEach(function (iso) {
      var entry = countries[iso];
      var cls = effectiveClass(iso);
      var marks = countryMarks(iso);
      var key = cls + (marks.outline ? "+outline" : "") + (marks.tint ? "+tint" : "");
      if (entry.styleKey === key) {
        return;
      }
      entry.styleKey = key;
      var style = extend({}, COUNTRY_STYLE[cls]);
      if (marks.tint) {
        var t = cls.indexOf("focus") === 0 ? STATE_CURRENT_TINT_ON_FOCUS : STATE_CURRENT_TINT;
        style.fillColor = mix(style.fillColor, VERMILION, t);
      }
      if (marks.outline) {
        extend(style, REPUBLIC_CURRENT);
      }
      entry.layers.forEach(function (layer) {
        layer.setStyle(style);
        if (style.stroke) {
          front.push(layer);
        }
      });
    });
    // Outlined countries are drawn last so neighbours don't cover their outline.
    front.forEach(function (layer) { layer.bringToFront(); });
    borders.forEach(function (b) {
      var kind = b.kind;
      if (!ussrBorder && (kind === "ussr" || kind === "republic")) {
        kind = "international";
      }
      if (b.styleKey !== kind) {
        b.styleKey = kind;
        b.layer.setStyle(BORDER_STYLE[kind]);
      }
    });
  }


  // ---- legend --------------------------------------------------------------------
  // The keys are drawn with the very styles the map uses, so the legend cannot drift.
  function addLegend(texts) {
    legendTexts = texts;
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "cm-legend");
      L.DomEvent.disableClickPropagation(box);
      function row(swatch, text) {
        if (!text) {
          return;
        }
        var line = L.DomUtil.create("div", "cm-legend-row", box);
        line.appendChild(swatch);
        var label = L.DomUtil.create("span", "cm-legend-text", line);
        label.textContent = text;
      }
      function dot(style) {
        var el = document.createElement("span");
        el.className = "cm-key cm-key-dot";
        var r = style.radius;
        el.style.width = el.style.height = (2 * r) + "px";
        el.style.background = style.fillColor;
        el.style.border = style.weight + "px solid " + style.color;
        return el;
      }
      function swatch(fill, stroke) {
        var el = document.createElement("span");
        el.className = "cm-key cm-key-area";
        el.style.background = fill;
        el.style.borderColor = stroke || fill;
        return el;
      }
      function line(style) {
        var el = document.createElement("span");
        el.className = "cm-key cm-key-line";
        el.style.borderTop = style.weight + "px " + (style.dashArray ? "dashed " : "solid ") + style.color;
        return el;
      }
      if (texts.title) {
        L.DomUtil.create("div", "cm-legend-title", box).textContent = texts.title;
      }
      row(dot(CITY_STYLE.current), texts.current);
      row(dot(CITY_STYLE.past), texts.past);
      row(dot(CITY_STYLE.upcoming), texts.upcoming);
      row(swatch(COUNTRY_STYLE.focus.fillColor, COUNTRY_STYLE.focus.color), texts.focus);
      row(swatch(COUNTRY_STYLE["focus-independent"].fillColor, COUNTRY_STYLE["focus-independent"].color), texts.focusIndependent);
      row(swatch(COUNTRY_STYLE.union.fillColor), texts.union);
      row(line(BORDER_STYLE.ussr), texts.ussr);
      legendNote = L.DomUtil.create("div", "cm-legend-note", box);
      showLegendNote();
      return box;
    };
    control.addTo(map);
    chrome.legend = control;
  }

  function showLegendNote() {
    if (legendNote) {
      var note = legendTexts && legendTexts.note;
      var lang = legendTexts && legendTexts.lang;
      var waterNotes = waterOutlines.map(function (p) {
        var words = (lang && p.i18n && p.i18n[lang]) || p;
        return (words.name || p.name) + ": " + (words.outline || p.outline) + ".";
      });
      legendNote.textContent = waterNotes.concat(note ? [note] : []).join(" ");
    }
  }

  function noteWaterOutlines(data) {
    if (!data || !data.features) {
      return;
    }
    waterOutlines = data.features.map(function (f) {
      return f.properties || {};
    }).filter(function (p) {
      return p.name && p.outline;
    });
    showLegendNote();
  }

  // New words for the legend (another language), without reloading the page; keeps it shown or hidden.
  cm.setLegend = function (texts) {
    var hidden = false;
    if (chrome.legend) {
      var el = chrome.legend.getContainer();
      hidden = !!el && el.style.display === "none";
      chrome.legend.remove();
      chrome.legend = null;
      legendNote = null;
    }
    if (texts) {
      addLegend(texts);
      showControl(chrome.legend, !hidden);
    }
    return true;
  };


  // ---- snapshot furniture ------------------------------------------------------------
  // Exports show the same page with a caption, a scale bar and no zoom buttons;
  // everything is HTML so that a PDF keeps the caption as real text.
  function showControl(control, visible) {
    if (!control) {
      return;
    }
    var el = control.getContainer ? control.getContainer() : control._container;
    if (el) {
      el.style.display = visible ? "" : "none";
    }
  }

  cm.setChrome = function (opts) {
    opts = opts || {};
    showControl(chrome.legend, opts.legend !== false);
    showControl(chrome.attribution, opts.attribution !== false);
    showControl(map.zoomControl, opts.zoomControl !== false);
    if (opts.scaleBar && !chrome.scale) {
      chrome.scale = L.control.scale({ metric: true, imperial: false, position: "bottomright", maxWidth: 160 });
      // Leaflet writes "km"/"m"; the legend's words carry the units in the interface language.
      var updateScale = chrome.scale._updateScale;
      chrome.scale._updateScale = function (scale, text, ratio) {
        var units = legendTexts || {};
        text = String(text).replace(/ km$/, " " + (units.km || "km")).replace(/ m$/, " " + (units.m || "m"));
        return updateScale.call(this, scale, text, ratio);
      };
      chrome.scale.addTo(map);
    }
    showControl(chrome.scale, !!opts.scaleBar);
    var container = map.getContainer();
    if (!chrome.caption) {
      chrome.caption = document.createElement("div");
      chrome.caption.className = "cm-caption";
      container.appendChild(chrome.caption);
    }
    var caption = opts.caption;
    chrome.caption.style.display = caption ? "" : "none";
    container.classList.toggle("cm-has-caption", !!caption);
    while (chrome.caption.firstChild) {
      chrome.caption.removeChild(chrome.caption.firstChild);
    }
    captionHeight = 0;
    if (caption) {
      [["cm-caption-title", caption.title], ["cm-caption-date", caption.date], ["cm-caption-event", caption.event]]
        .forEach(function (part) {
          if (part[1]) {
            var el = document.createElement("div");
            el.className = part[0];
            el.textContent = part[1];
            chrome.caption.appendChild(el);
          }
        });
      captionHeight = chrome.caption.offsetHeight;
    }
    container.style.setProperty("--cm-caption-height", captionHeight + "px");
    return true;
  };

  // Show exactly a given centre and zoom (the explorer's current view, for "current view" exports).
  cm.setView = function (center, zoom) {
    lastFocusKey = null;
    map.setView(L.latLng(center[0], center[1]), zoom, { animate: false });
    layoutLabels();
    return true;
  };

  cm.captionText = function () {
    return chrome.caption && chrome.caption.style.display !== "none" ? chrome.caption.textContent : null;
  };

  // ---- places ----------------------------------------------------------------------
  function makeLabel(place) {
    var el = document.createElement("div");
    el.className = "cm-label";
    el.setAttribute("data-place", place.id);
    place.labelEl = el;
    place.labelMarker = L.marker(place.latlng, {
      pane: "cm-labels",
      icon: L.divIcon({ className: "cm-label-anchor", html: el, iconSize: null }),
      interactive: true,
      keyboard: false,
      title: ""
    });
    place.labelMarker.on("click", function () { placeClicked(place.id); });
    place.labelMarker.addTo(map);
    renderLabelText(place);
  }

  function renderLabelText(place) {
    var el = place.labelEl;
    place.size = null;
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    var text = String(place.label);
    var match = /^(.*\S)\s*(\([^()]*\))\s*$/.exec(text);
    var name = document.createElement("span");
    name.className = "cm-name";
    name.textContent = match ? match[1] : text;
    el.appendChild(name);
    if (match) {
      var sub = document.createElement("span");
      sub.className = "cm-sub";
      sub.textContent = match[2];
      el.appendChild(sub);
    }
  }

  function placeRadius(place) {
    return place.isCircle ? CITY_STYLE[place.status].radius * zoomScale() : 0;
  }

  function restylePlace(place) {
    var status = place.status;
    if (place.styledStatus === status) {
      return false;
    }
    place.styledStatus = status;
    if (place.layer) {
      if (place.isCircle) {
        var style = extend({}, CITY_STYLE[status]);
        delete style.radius;
        place.layer.setStyle(style);
        place.layer.setRadius(placeRadius(place));
      } else {
        place.layer.setStyle(REGION_STYLE[status]);
      }
    }
    var el = place.labelEl;
    el.className = "cm-label cm-" + status + " cm-kind-" + place.kind;
    place.clipped = false;  // the class is gone with the reset; the next layout decides again
    place.labelMarker.setZIndexOffset(status === "current" ? 1000 : status === "past" ? 500 : 0);
    place.size = null;  // the label's font changed: measure again
    return true;
  }

  // Returns whether anything changed; unchanged places cost nothing.
  function restylePlaces() {
    var changed = false;
    order.forEach(function (id) { changed = restylePlace(places[id]) || changed; });
    if (!changed) {
      return false;
    }
    // Regions under cities; within each, upcoming under past under current.
    var layered = order.map(function (id) { return places[id]; }).filter(function (p) {
      return p.layer;
    });
    layered.sort(function (a, b) {
      var ka = (a.isCircle ? 10 : 0) + (2 - STATUS_RANK[a.status]);
      var kb = (b.isCircle ? 10 : 0) + (2 - STATUS_RANK[b.status]);
      return ka - kb;
    });
    layered.forEach(function (p) { p.layer.bringToFront(); });
    return true;
  }

  // The look: classes on the container for the CSS (labels, legend, caption), and the place
  // styles swapped; returns whether anything changed (then every place is restyled and re-measured).
  function applyAppearance(appearance) {
    var key = JSON.stringify({ hc: !!appearance.highContrast, large: !!appearance.large });
    if (key === appearanceKey) {
      return false;
    }
    appearanceKey = key;
    var el = map.getContainer();
    el.classList.toggle("cm-high-contrast", !!appearance.highContrast);
    el.classList.toggle("cm-large", !!appearance.large);
    CITY_STYLE = appearance.highContrast ? CITY_STYLE_HC : CITY_STYLE_STANDARD;
    REGION_STYLE = appearance.highContrast ? REGION_STYLE_HC : REGION_STYLE_STANDARD;
    order.forEach(function (id) {
      places[id].styledStatus = null;
      places[id].size = null;
    });
    if (legendTexts) {
      cm.setLegend(legendTexts);  // its keys are drawn with the styles just chosen
    }
    return true;
  }

  cm.appearance = function () {
    return JSON.parse(appearanceKey);
  };

  function onZoom() {
    var s = zoomScale();
    map.getContainer().style.setProperty("--cm-scale", s.toFixed(3));
    order.forEach(function (id) { places[id].size = null; });
    order.forEach(function (id) {
      var place = places[id];
      if (place.isCircle) {
        place.layer.setRadius(placeRadius(place));
      }
    });
  }

  // ---- label layout ------------------------------------------------------------
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

  // Greedy placement: current labels first, then past, then upcoming; each takes
  // the first direction that overlaps no placed label, no city dot and stays in view.
  // Label sizes are read in one batch (one layout) only when text, status or zoom
  // changed; the candidates are then tried arithmetically.
  function layoutLabels() {
    if (!map) {
      return;
    }
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
    order.forEach(function (id) {
      var p = places[id];
      if (!p.size) {
        var el = p.labelEl;
        p.size = { w: el.offsetWidth, h: el.offsetHeight };
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

  function onResize() {
    if (lastFrame) {
      frame(lastFrame, false);
    }
    layoutLabels();
  }

  function frame(bounds, animate) {
    var size = map.getSize();
    var pad = L.point(clamp(size.x * 0.1, 30, 140), clamp(size.y * 0.1, 30, 110));
    var options = { paddingTopLeft: pad, paddingBottomRight: pad.add([0, captionHeight]), maxZoom: FOCUS_MAX_ZOOM };
    if (animate) {
      map.flyToBounds(bounds, extend(options, { duration: 1.2, easeLinearity: 0.3 }));
    } else {
      map.fitBounds(bounds, extend(options, { animate: false }));
    }
  }

  // ---- state -------------------------------------------------------------------
  cm.applyState = function (state) {
    try {
      if (!map) {
        throw new Error("map not initialised");
      }
      if (!state || typeof state !== "object" || typeof state.seq !== "number") {
        throw new Error("state must be an object with a numeric seq");
      }
      var restyleAll = applyAppearance(state.appearance || {});
      if (state.legend && typeof state.legend === "object") {
        var key = JSON.stringify(state.legend);
        if (key !== legendKey || restyleAll) {
          legendKey = key;
          cm.setLegend(state.legend);
        }
      }
      var given = state.places || {};
      var relabelled = restyleAll;
      order.forEach(function (id) {
        var place = places[id];
        var entry = Object.prototype.hasOwnProperty.call(given, id) ? given[id] : null;
        var status = entry && entry.status;
        if (entry && STATUSES.indexOf(status) < 0) {
          console.warn("chronomap: place " + id + ": unknown status " + status);
        }
        place.status = STATUSES.indexOf(status) >= 0 ? status : "upcoming";
        var label = entry && typeof entry.label === "string" ? entry.label : place.initialLabel;
        if (label !== place.label) {
          place.label = label;
          renderLabelText(place);
          relabelled = true;
        }
      });
      Object.keys(given).forEach(function (id) {
        if (!places[id]) {
          console.warn("chronomap: no place " + id + " on this map");
        }
      });

      var basemap = state.basemap || {};
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

      var restyled = restylePlaces();
      restyleBasemap();
      // Frame only a new focus: re-framing the same one would undo the visitor's own pan
      // and costs a full redraw.
      var focusKey = isLatLngBox(state.focus) ? JSON.stringify(state.focus) : null;
      if (focusKey !== null && focusKey !== lastFocusKey) {
        lastFocusKey = focusKey;
        lastFrame = L.latLngBounds(state.focus);
        frame(lastFrame, state.animate !== false);
      }
      if (restyled || relabelled) {
        layoutLabels();
      }
      cm.seq = state.seq;
      return state.seq;
    } catch (err) {
      report("applyState: " + (err && err.message ? err.message : err));
      return null;
    }
  };

  function placeBounds(place) {
    if (place.layer && typeof place.layer.getBounds === "function" && !place.isCircle) {
      return place.layer.getBounds();
    }
    var bounds = null;
    place.isos.forEach(function (iso) {
      ((countries[iso] && countries[iso].layers) || []).forEach(function (layer) {
        var b = layer.getBounds();
        // the far side of the antimeridian (Chukotka) would stretch the box round the world
        if (b.getWest() < -30) {
          return;
        }
        bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      });
    });
    return bounds;
  }

  cm.showPlace = function (id) {
    var place = places[id];
    if (!map || !place) {
      return false;
    }
    var bounds = placeBounds(place);
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

  // Marks the frame after the next two paints: the page is drawn up to this call
  // once chronomap.paintMark equals the token (snapshots wait for it).
  // With withMarker, a 2-pixel square in the bottom-right corner takes a colour made
  // from the token, so a grab can prove it holds this frame and not an older one.
  cm.paintMark = 0;
  var marker = null;
  cm.requestPaintMark = function (token, withMarker) {
    if (withMarker) {
      if (!marker) {
        marker = document.createElement("div");
        marker.className = "cm-paint-marker";
        document.body.appendChild(marker);
      }
      marker.style.background = "rgb(" + (token & 255) + "," + ((token >> 8) & 255) + ",90)";
      marker.style.display = "block";
    }
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(function () { cm.paintMark = token; });
    });
    return token;
  };
  cm.hidePaintMark = function () {
    if (marker) {
      marker.style.display = "none";
    }
    return true;
  };
  cm.isMoving = function () { return moving; };

  // ---- kiosk ---------------------------------------------------------------------
  // lockDown: no text selection, context menu, drag-and-drop or page zoom (Ctrl+wheel,
  // Ctrl+plus/minus, pinch); the map keeps its own bounded pan and zoom. Idempotent.
  cm.locked = false;
  cm.lockDown = function () {
    if (cm.locked) {
      return true;
    }
    cm.locked = true;
    document.documentElement.classList.add("cm-locked");
    var refuse = function (ev) { ev.preventDefault(); };
    var options = { capture: true, passive: false };
    ["contextmenu", "selectstart", "dragstart", "dragover", "drop", "copy", "cut", "paste"].forEach(function (type) {
      window.addEventListener(type, refuse, options);
    });
    window.addEventListener("wheel", function (ev) {
      if (ev.ctrlKey) {
        ev.preventDefault();
      }
    }, options);
    window.addEventListener("keydown", function (ev) {
      if ((ev.ctrlKey || ev.metaKey) && ["+", "-", "=", "0", "a", "f", "p", "s", "u"].indexOf(String(ev.key).toLowerCase()) >= 0) {
        ev.preventDefault();
      }
    }, options);
    if (window.getSelection) {
      window.getSelection().removeAllRanges();
    }
    return true;
  };

  // resetView: back to the page's first frame, any popup closed and glides stopped;
  // the next state's focus is framed again even if it is the same as before.
  cm.resetView = function () {
    if (!map) {
      return false;
    }
    map.stop();
    map.closePopup();
    lastFocusKey = null;
    order.forEach(function (id) {
      places[id].labelEl.classList.remove("cm-flash");
    });
    var b = config && config.bounds;
    lastFrame = isLatLngBox(b) ? L.latLngBounds(b) : null;
    if (lastFrame) {
      map.fitBounds(lastFrame, { animate: false });
    }
    moving = false;
    layoutLabels();
    return true;
  };

  cm.snapshot = function () {
    var statuses = {};
    var labels = {};
    var labelRects = {};
    order.forEach(function (id) {
      var place = places[id];
      statuses[id] = place.status;
      labels[id] = place.label;
      var r = place.labelEl.getBoundingClientRect();
      labelRects[id] = [r.left, r.top, r.right, r.bottom];
    });
    var basemapClasses = {};
    var basemapMarks = {};
    Object.keys(countries).forEach(function (iso) {
      basemapClasses[iso] = effectiveClass(iso);
      var marks = countryMarks(iso);
      if (marks.outline || marks.tint) {
        basemapMarks[iso] = (marks.outline ? ["outline"] : []).concat(marks.tint ? ["tint"] : []).join("+");
      }
    });
    var center = map ? map.getCenter() : null;
    var bounds = map ? map.getBounds() : null;
    return {
      seq: cm.seq,
      ready: cm.ready,
      statuses: statuses,
      labels: labels,
      center: center ? [center.lat, center.lng] : null,
      zoom: map ? map.getZoom() : null,
      bounds: bounds ? [[bounds.getSouth(), bounds.getWest()], [bounds.getNorth(), bounds.getEast()]] : null,
      basemapClasses: basemapClasses,
      basemapMarks: basemapMarks,
      ussrBorder: ussrBorder,
      labelRects: labelRects,
      moving: moving,
      legend: legendNote ? legendNote.parentNode.textContent : null,
      appearance: JSON.parse(appearanceKey),
      clippedLabels: order.filter(function (id) { return places[id].clipped; }),
      containerClasses: map ? map.getContainer().className : ""
    };
  };
})();
