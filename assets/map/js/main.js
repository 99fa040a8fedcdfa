/*
 * Chronomap page script: chronomap.init, called once by the page folium wrote
 * (chronomap.map.page), after every other file of assets/map/js/ has loaded.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  function makePane(name, zIndex, noEvents) {
    var pane = shared.map.createPane(name);
    pane.style.zIndex = String(zIndex);
    if (noEvents) {
      pane.style.pointerEvents = "none";
    }
    return pane;
  }

  cm.init = function (leafletMap, cfg) {
    if (shared.map) {
      throw new Error("chronomap.init called twice");
    }
    var map = shared.map = leafletMap;
    var config = shared.config = cfg || {};
    var container = map.getContainer();
    container.classList.add("chronomap");

    makePane("cm-graticule", 180, true);
    makePane("cm-countries", 200, false);
    makePane("cm-borders", 210, true);
    makePane("cm-water", 220, true);
    makePane("cm-labels", 640, false);
    cm.basemap.createRenderers(config.vector);

    var attribution = L.control.attribution({ prefix: false, position: "bottomright" });
    attribution.addTo(map);
    shared.chrome.attribution = attribution;
    if (config.attribution) {
      attribution.addAttribution(cm.util.escapeHtml(config.attribution));
    }

    // An opening with a focus is framed there at once (framed once, not first at the spec's bounds), and the
    // base map's canvas is made and sized after that framing, where the view ends (~30 ms less at start).
    var opening = readOpening();
    var framedByOpening = opening !== null && cm.util.isLatLngBox(opening.focus);
    if (!framedByOpening) {
      cm.basemap.drawGraticule();
    }
    if (config.legend) {
      cm.legend.add(config.legend);
    }
    cm.view.watchMoves();
    cm.view.watchGeometry();

    cm.places.build(config.places);

    map.on("zoomend", cm.places.onZoom);
    // labels are laid out again on moveend (view.js), which follows every zoomend
    map.on("resize", cm.view.onResize);

    if (!framedByOpening) {
      cm.view.frameStart();
    }
    cm.places.onZoom();
    cm.places.restyle();
    cm.host.connect();
    if (opening) {
      cm.applyState(opening);
    }
    if (framedByOpening) {
      cm.basemap.drawGraticule();
    }
    cm.basemap.load();
  };

  // The state the page opens with (chronomap.map.page_inline writes it in), applied before the
  // base map is drawn: the first frame shows it, framed where it belongs, with no glide and
  // the base map drawn once. The app gives the view the same state; it costs no redraw then.
  function readOpening() {
    var el = document.getElementById("cm-opening");
    if (!el) {
      return null;
    }
    try {
      var state = JSON.parse(el.textContent);
      state.animate = false;
      return state;
    } catch (err) {
      cm.host.report("opening state: " + (err && err.message ? err.message : err));
      return null;
    }
  }
})(window.chronomap);
