/*
 * Chronomap page script: the palette, every style table, and the look (chronomap.styles).
 *
 * chronomap.styles.city and .region are the place styles of the look in force
 * (standard or high contrast); chronomap.appearance() says which look that is.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  // ---- palette ---------------------------------------------------------------
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
    // the event being told, over by this day: a ring in the same ink, not a filled "now"
    told:     { radius: 6.6, color: VERMILION_DARK, weight: 2.6, opacity: 1,
                fillColor: PAPER, fillOpacity: 1, dashArray: null },
    past:     { radius: 4.6, color: PAPER, weight: 1.4, opacity: 1,
                fillColor: DIM, fillOpacity: 0.95, dashArray: null },
    upcoming: { radius: 4.4, color: QUIET, weight: 1.5, opacity: 1,
                fillColor: PAPER, fillOpacity: 0.9, dashArray: null }
  };
  var REGION_STYLE = {
    current:  { color: VERMILION, weight: 2.6, opacity: 1,
                fillColor: VERMILION, fillOpacity: 0.26, dashArray: null },
    told:     { color: VERMILION, weight: 2.2, opacity: 1,
                fillColor: VERMILION, fillOpacity: 0.06, dashArray: "7 4" },
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
    told:     { radius: 8, color: HC_RED, weight: 3.4, opacity: 1,
                fillColor: "#ffffff", fillOpacity: 1, dashArray: null },
    past:     { radius: 5.4, color: "#ffffff", weight: 1.6, opacity: 1,
                fillColor: "#000000", fillOpacity: 1, dashArray: null },
    upcoming: { radius: 5.0, color: "#000000", weight: 2.0, opacity: 1,
                fillColor: "#ffffff", fillOpacity: 1, dashArray: null }
  };
  var REGION_STYLE_HC = {
    current:  { color: HC_RED, weight: 3.6, opacity: 1,
                fillColor: HC_RED, fillOpacity: 0.3, dashArray: null },
    told:     { color: HC_RED, weight: 3.0, opacity: 1,
                fillColor: "#ffffff", fillOpacity: 0.1, dashArray: "8 4" },
    past:     { color: "#000000", weight: 2.0, opacity: 1,
                fillColor: "#000000", fillOpacity: 0.12, dashArray: null },
    upcoming: { color: "#000000", weight: 1.6, opacity: 1,
                fillColor: "#ffffff", fillOpacity: 0.2, dashArray: "5 4" }
  };

  var appearanceKey = "{\"hc\":false,\"large\":false}"; // the look last applied (high contrast, large type), as given

  // The look: classes on the container for the CSS (labels, legend, caption), and the place
  // styles swapped; returns whether anything changed (then every place is restyled and re-measured).
  function applyAppearance(appearance) {
    var key = JSON.stringify({ hc: !!appearance.highContrast, large: !!appearance.large });
    if (key === appearanceKey) {
      return false;
    }
    appearanceKey = key;
    var el = shared.map.getContainer();
    el.classList.toggle("cm-high-contrast", !!appearance.highContrast);
    el.classList.toggle("cm-large", !!appearance.large);
    cm.styles.city = appearance.highContrast ? CITY_STYLE_HC : CITY_STYLE;
    cm.styles.region = appearance.highContrast ? REGION_STYLE_HC : REGION_STYLE;
    shared.order.forEach(function (id) {
      shared.places[id].styledStatus = null;
      shared.places[id].size = null;
    });
    var legendTexts = cm.legend.texts();
    if (legendTexts) {
      cm.setLegend(legendTexts);  // its keys are drawn with the styles just chosen
    }
    return true;
  }

  cm.appearance = function () {
    return JSON.parse(appearanceKey);
  };

  cm.styles = {
    VERMILION: VERMILION,
    COUNTRY: COUNTRY_STYLE,
    REPUBLIC_CURRENT: REPUBLIC_CURRENT,
    STATE_CURRENT_TINT: STATE_CURRENT_TINT,
    STATE_CURRENT_TINT_ON_FOCUS: STATE_CURRENT_TINT_ON_FOCUS,
    BORDER: BORDER_STYLE,
    WATER: WATER_STYLE,
    GRATICULE: GRATICULE_STYLE,
    city: CITY_STYLE,      // the look in force
    region: REGION_STYLE,
    applyAppearance: applyAppearance
  };
})(window.chronomap);
