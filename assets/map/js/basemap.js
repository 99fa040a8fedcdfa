/*
 * Chronomap page script: the base map (chronomap.basemap): the graticule, the
 * countries, borders and water fetched as GeoJSON at start, and their styles
 * for the period a state describes.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var util = cm.util;

  var renderers = {};
  var borders = [];          // [{layer, kind}]
  var explicitClasses = {};  // ISO -> class, as the last state gave them
  var ussrBorder = true;

  // Canvas is fast on screen; a page built for print asks for SVG so a PDF keeps vectors.
  function createRenderers(vector) {
    var makeRenderer = vector ? L.svg : L.canvas;
    renderers.graticule = makeRenderer({ pane: "cm-graticule", padding: 0.15 });
    renderers.countries = makeRenderer({ pane: "cm-countries", padding: 0.15 });
    renderers.borders = makeRenderer({ pane: "cm-borders", padding: 0.15 });
    renderers.water = makeRenderer({ pane: "cm-water", padding: 0.15 });
  }

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
    L.polyline(lines, util.extend({ pane: "cm-graticule", renderer: renderers.graticule }, cm.styles.GRATICULE))
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

  var DRAW = {
    countries: function (data) {
      var countries = shared.countries;
      L.geoJSON(data, {
        pane: "cm-countries",
        renderer: renderers.countries,
        interactive: false,
        style: function () { return cm.styles.COUNTRY.foreign; },
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
          var ids = shared.byIso[iso];
          if (ids && ids.length) {
            layer.options.interactive = true;
            layer.on("click", function () { cm.host.placeClicked(ids[0]); });
          }
        }
      }).addTo(shared.map);
    },
    borders: function (data) {
      var BORDER_STYLE = cm.styles.BORDER;
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
      }).addTo(shared.map);
    },
    water: function (data) {
      L.geoJSON(data, {
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
        }
      }).addTo(shared.map);
      cm.legend.noteWaterOutlines(data);
    }
  };

  // Fetches and draws every layer; the page is ready (and says so) once all are in or failed.
  function load() {
    var report = cm.host.report;
    var urls = (shared.config && shared.config.basemap) || {};
    var jobs = cm.constants.LAYERS.map(function (name) {
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
      restyle();
      cm.labels.layout();
    }).catch(function (err) {
      report("base map: " + (err && err.message ? err.message : err));
    }).then(function () {
      shared.map.getContainer().classList.add("cm-ready");  // labels show from now on (chronomap.css)
      cm.ready = true;
      cm.host.announce();
    });
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

  // How the places a country draws mark it: "outline" when a one-country place
  // (a republic) is current, "tint" when a many-country place (the USSR) is.
  function countryMarks(iso) {
    var marks = { outline: false, tint: false };
    (shared.byIso[iso] || []).forEach(function (id) {
      var place = shared.places[id];
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

  // Only features whose look changes are touched: a canvas repaint of the whole
  // base map costs tens of milliseconds, a state that moves only places none.
  function restyle() {
    var styles = cm.styles;
    var countries = shared.countries;
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
      var style = util.extend({}, styles.COUNTRY[cls]);
      if (marks.tint) {
        var t = cls.indexOf("focus") === 0 ? styles.STATE_CURRENT_TINT_ON_FOCUS : styles.STATE_CURRENT_TINT;
        style.fillColor = util.mix(style.fillColor, styles.VERMILION, t);
      }
      if (marks.outline) {
        util.extend(style, styles.REPUBLIC_CURRENT);
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
        b.layer.setStyle(styles.BORDER[kind]);
      }
    });
  }

  cm.basemap = {
    createRenderers: createRenderers,
    drawGraticule: drawGraticule,
    load: load,
    setPeriod: setPeriod,
    restyle: restyle,
    classOf: effectiveClass,
    marksOf: countryMarks,
    ussrBorder: function () { return ussrBorder; }
  };
})(window.chronomap);
