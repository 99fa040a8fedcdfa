/*
 * Chronomap page script: the namespace. Loaded first; every other file of
 * assets/map/js/ adds itself to it, and nothing else is put on window.
 *
 * Public (called by the app through chronomap.map.bridge, one Python function each):
 *   chronomap.init(map, config)   called once by the page folium wrote              (main.js)
 *   chronomap.applyState(state)   synchronous; restyles existing layers; returns state.seq (state.js)
 *                                 (a page may hold its opening state: applied by chronomap.init, main.js)
 *   chronomap.setLegend(texts)    new legend words on a loaded page                 (legend.js)
 *   chronomap.appearance()        the look last applied                             (styles.js)
 *   chronomap.showPlace(id)       glides to a place and flashes its label; true if known (view.js)
 *   chronomap.setView(c, z)       exactly this view                                 (view.js)
 *   chronomap.resetView()         kiosk: back to the first frame, popups closed     (view.js)
 *   chronomap.isMoving()          a pan, zoom or glide is under way                 (view.js)
 *   chronomap.setChrome(opts)     snapshot furniture: legend, credit, scale, caption (snapshot.js)
 *   chronomap.captionText()       the caption as shown                              (snapshot.js)
 *   chronomap.requestPaintMark(token, withMarker), chronomap.hidePaintMark()       (snapshot.js)
 *   chronomap.snapshot()          what the page really shows, as a plain object     (snapshot.js)
 *   chronomap.lockDown()          kiosk: no selection, context menu, drops or page zoom (lockdown.js)
 *   chronomap.setEditing(on), .showCandidates(list), .movePlace(id, lat, lon), .editState()
 *                                 the desk editor's map: clicks, candidates, a draggable point (edit.js)
 *   chronomap.ready               true once the base map is drawn
 *   chronomap.seq                 the seq of the last state applied
 *   chronomap.paintMark           the last paint mark painted
 *   chronomap.locked              lockDown() has run
 *
 * Inside: one object per file (chronomap.util, .host, .styles, .basemap, .places,
 * .labels, .labelRoom (what labels keep clear of, label_room.js), .legend, .view,
 * .snapshot's furniture in snapshot.js), and chronomap.shared,
 * the little state more than one file reads. State only one file needs stays in
 * that file's closure.
 *
 * Page -> host events go through the QWebChannel object "chronomapHost"
 * (pageReady(pageId), placeClicked(id), jsError(message), and while editing mapClicked(lat, lon),
 * placeMoved(id, lat, lon)); see host.js.
 *
 * The map is built once. A state never recreates layers: it calls setStyle,
 * updates label text and classes, reorders, and moves the view.
 */
(function (window) {
  "use strict";

  window.chronomap = {
    ready: false,  // basemap.js
    seq: 0,        // state.js

    // The words of the protocol the page checks a state against, and the orders they rank in.
    constants: {
      STATUSES: ["current", "told", "past", "upcoming"],
      CLASSES: ["union", "focus", "focus-independent", "independent", "foreign"],
      LAYERS: ["countries", "borders", "water"],
      KIND_RANK: { city: 0, region: 1, republic: 2, state: 3 },
      STATUS_RANK: { current: 0, told: 1, past: 2, upcoming: 3 }
    },

    shared: {
      map: null,
      config: null,
      places: {},        // id -> place record (places.js)
      order: [],         // place ids, spec order
      byIso: {},         // ISO -> [place ids] drawn by that country, most specific first
      countries: {},     // ISO -> {layers: [], soviet: bool, name: str} (basemap.js)
      chrome: { attribution: null, legend: null, scale: null, caption: null },  // map furniture
      captionHeight: 0   // px the caption covers at the bottom; framing keeps clear of it
    }
  };
})(window);
