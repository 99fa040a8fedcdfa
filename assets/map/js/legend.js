/*
 * Chronomap page script: the legend (chronomap.legend, chronomap.setLegend).
 *
 * The keys are drawn with the very styles the map uses, so the legend cannot drift.
 * Its title is a button that folds the keys away (and back): the choice holds across
 * states and languages, and is remembered for the session (sessionStorage). Unchosen,
 * a small map starts with the legend folded.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  var legendNote = null;   // the legend's note element, completed once the water layer is in
  var legendTexts = null;  // the legend's words, as last given
  var waterOutlines = [];  // properties of water drawn by outline (name, outline, i18n), from the water layer
  var legendBox = null;    // the legend's element
  var collapsed = null;    // folded by the visitor (true/false), null until chosen
  var watchingSize = false;
  var STORE_KEY = "chronomap.legendCollapsed";
  var SMALL_MAP = { x: 760, y: 520 };  // a map smaller than this starts with the legend folded

  function storedChoice() {
    try {
      var value = window.sessionStorage.getItem(STORE_KEY);
      return value === "1" ? true : value === "0" ? false : null;
    } catch (_err) {  // eslint-disable-line no-unused-vars
      return null;  // no storage for this page: the choice lasts as long as the page
    }
  }

  function remember(value) {
    collapsed = value;
    try {
      window.sessionStorage.setItem(STORE_KEY, value ? "1" : "0");
    } catch (_err) {  // eslint-disable-line no-unused-vars
      // kept in memory only
    }
  }

  function isCollapsed() {
    if (collapsed === null) {
      collapsed = storedChoice();
    }
    if (collapsed !== null) {
      return collapsed;
    }
    var size = shared.map ? shared.map.getSize() : null;
    return !!size && (size.x < SMALL_MAP.x || size.y < SMALL_MAP.y);
  }

  function showCollapsed(folded) {
    if (!legendBox) {
      return;
    }
    legendBox.classList.toggle("cm-legend-collapsed", folded);
    var toggle = legendBox.querySelector(".cm-legend-toggle");
    var body = legendBox.querySelector(".cm-legend-body");
    if (toggle) {
      toggle.setAttribute("aria-expanded", folded ? "false" : "true");
    }
    if (body) {
      body.hidden = folded;
    }
  }

  // The map's own controls speak the interface language too: Leaflet names its zoom buttons
  // "Zoom in"/"Zoom out" in English and leaves its focusable container unnamed.
  function nameControls(texts) {
    var map = shared.map;
    var zoom = map && map.zoomControl;
    [[zoom && zoom._zoomInButton, texts.zoomIn], [zoom && zoom._zoomOutButton, texts.zoomOut]].forEach(function (pair) {
      if (pair[0] && pair[1]) {
        pair[0].title = pair[1];
        pair[0].setAttribute("aria-label", pair[1]);
      }
    });
    if (map && texts.mapName) {
      map.getContainer().setAttribute("aria-label", texts.mapName);
    }
  }

  function add(texts) {
    nameControls(texts);
    var styles = cm.styles;
    var CITY_STYLE = styles.city;
    var COUNTRY_STYLE = styles.COUNTRY;
    legendTexts = texts;
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = legendBox = L.DomUtil.create("div", "cm-legend");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var toggle = L.DomUtil.create("button", "cm-legend-toggle", box);
      toggle.type = "button";
      toggle.setAttribute("aria-controls", "cm-legend-body");
      L.DomUtil.create("span", "cm-legend-title", toggle).textContent = texts.title || "Legend";
      L.DomUtil.create("span", "cm-legend-chevron", toggle).setAttribute("aria-hidden", "true");
      L.DomEvent.on(toggle, "click", function (ev) {
        L.DomEvent.stop(ev);
        remember(!isCollapsed());
        showCollapsed(collapsed);
      });
      var body = L.DomUtil.create("div", "cm-legend-body", box);
      body.id = "cm-legend-body";
      function row(swatch, text) {
        if (!text) {
          return;
        }
        var line = L.DomUtil.create("div", "cm-legend-row", body);
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
      row(dot(CITY_STYLE.current), texts.current);
      row(dot(CITY_STYLE.told), texts.told);
      row(dot(CITY_STYLE.past), texts.past);
      row(dot(CITY_STYLE.upcoming), texts.upcoming);
      row(swatch(COUNTRY_STYLE.focus.fillColor, COUNTRY_STYLE.focus.color), texts.focus);
      row(swatch(COUNTRY_STYLE["focus-independent"].fillColor, COUNTRY_STYLE["focus-independent"].color), texts.focusIndependent);
      row(swatch(COUNTRY_STYLE.union.fillColor), texts.union);
      row(line(styles.BORDER.ussr), texts.ussr);
      legendNote = L.DomUtil.create("div", "cm-legend-note", body);
      showNote();
      return box;
    };
    control.addTo(shared.map);
    shared.chrome.legend = control;
    showCollapsed(isCollapsed());
    if (!watchingSize) {
      watchingSize = true;
      // until the visitor chooses, the map's size decides (a window made smaller folds it)
      shared.map.on("resize", function () { showCollapsed(isCollapsed()); });
    }
  }

  // Forget the visitor's choice (the kiosk's reset, for the next visitor): the map's size decides again.
  function forget() {
    collapsed = null;
    try {
      window.sessionStorage.removeItem(STORE_KEY);
    } catch (_err) {  // eslint-disable-line no-unused-vars
      // nothing stored
    }
    showCollapsed(isCollapsed());
  }

  // The legend's box on screen (viewport pixels), whether it is folded, and whether it is shown:
  // framing keeps the places being told clear of it; snapshots report it.
  function box() {
    var el = legendBox;
    var shown = !!el && !!el.parentNode && el.style.display !== "none" && el.offsetWidth > 0;
    var r = shown ? el.getBoundingClientRect() : null;
    return {
      shown: shown,
      collapsed: isCollapsed(),
      rect: r ? [r.left, r.top, r.right, r.bottom] : null
    };
  }

  function showNote() {
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
    showNote();
  }

  // New words for the legend (another language), without reloading the page; keeps it shown or hidden.
  cm.setLegend = function (texts) {
    var chrome = shared.chrome;
    var hidden = false;
    if (chrome.legend) {
      var el = chrome.legend.getContainer();
      hidden = !!el && el.style.display === "none";
      chrome.legend.remove();
      chrome.legend = null;
      legendNote = null;
      legendBox = null;
    }
    if (texts) {
      add(texts);
      cm.util.showControl(chrome.legend, !hidden);
    }
    return true;
  };

  cm.legend = {
    add: add,
    noteWaterOutlines: noteWaterOutlines,
    texts: function () { return legendTexts; },
    box: box,
    forget: forget,
    // all the legend says, or null when there is none
    text: function () { return legendBox && legendNote ? legendBox.textContent : null; }
  };
})(window.chronomap);
