/*
 * Chronomap page script: the legend (chronomap.legend, chronomap.setLegend).
 *
 * The keys are drawn with the very styles the map uses, so the legend cannot drift.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  var legendNote = null;   // the legend's note element, completed once the water layer is in
  var legendTexts = null;  // the legend's words, as last given
  var waterOutlines = [];  // properties of water drawn by outline (name, outline, i18n), from the water layer

  function add(texts) {
    var styles = cm.styles;
    var CITY_STYLE = styles.city;
    var COUNTRY_STYLE = styles.COUNTRY;
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
      row(dot(CITY_STYLE.told), texts.told);
      row(dot(CITY_STYLE.past), texts.past);
      row(dot(CITY_STYLE.upcoming), texts.upcoming);
      row(swatch(COUNTRY_STYLE.focus.fillColor, COUNTRY_STYLE.focus.color), texts.focus);
      row(swatch(COUNTRY_STYLE["focus-independent"].fillColor, COUNTRY_STYLE["focus-independent"].color), texts.focusIndependent);
      row(swatch(COUNTRY_STYLE.union.fillColor), texts.union);
      row(line(styles.BORDER.ussr), texts.ussr);
      legendNote = L.DomUtil.create("div", "cm-legend-note", box);
      showNote();
      return box;
    };
    control.addTo(shared.map);
    shared.chrome.legend = control;
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
    // all the legend says, or null when there is none
    text: function () { return legendNote ? legendNote.parentNode.textContent : null; }
  };
})(window.chronomap);
