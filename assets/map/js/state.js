/*
 * Chronomap page script: a state from the app (chronomap.applyState).
 *
 * Synchronous; restyles the existing layers, never recreates them; returns state.seq,
 * or null after reporting what went wrong. chronomap.applySentState applies one the host sent
 * through the channel.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;

  var legendKey = null;  // the legend words last applied through a state, as given

  cm.applyState = function (state) {
    try {
      if (!shared.map) {
        throw new Error("map not initialised");
      }
      if (!state || typeof state !== "object" || typeof state.seq !== "number") {
        throw new Error("state must be an object with a numeric seq");
      }
      var STATUSES = cm.constants.STATUSES;
      var places = shared.places;
      var restyleAll = cm.styles.applyAppearance(state.appearance || {});
      if (state.legend && typeof state.legend === "object") {
        var key = JSON.stringify(state.legend);
        if (key !== legendKey || restyleAll) {
          legendKey = key;
          cm.setLegend(state.legend);
        }
      }
      // read before the writes below (see chronomap.view.prepare); after the legend, which moves its box
      var framing = cm.view.prepare(state.focus);
      var given = state.places || {};
      var relabelled = restyleAll;
      shared.order.forEach(function (id) {
        var place = places[id];
        var entry = Object.prototype.hasOwnProperty.call(given, id) ? given[id] : null;
        var status = entry && entry.status;
        if (entry && STATUSES.indexOf(status) < 0) {
          console.warn("chronomap: place " + id + ": unknown status " + status);
        }
        place.status = STATUSES.indexOf(status) >= 0 ? status : "upcoming";
        var label = entry && typeof entry.label === "string" ? entry.label : place.initialLabel;
        if (cm.places.relabel(place, label)) {
          relabelled = true;
        }
      });
      Object.keys(given).forEach(function (id) {
        if (!places[id]) {
          console.warn("chronomap: no place " + id + " on this map");
        }
      });

      cm.basemap.setPeriod(state.basemap || {});

      var restyled = cm.places.restyle();
      cm.basemap.restyle();
      cm.view.focus(state.focus, state.animate !== false, framing);
      if (restyled || relabelled) {
        cm.labels.layout();
      }
      cm.seq = state.seq;
      cm.appliedCount = (cm.appliedCount || 0) + 1;
      cm.frames.noteApplied(state.seq);
      return state.seq;
    } catch (err) {
      cm.host.report("applyState: " + (err && err.message ? err.message : err));
      return null;
    }
  };

  // The state the host sent through the channel with this seq (chronomap.host.takeSent): applied as
  // applyState applies it. False when it did not come: the host then sends it in the script instead.
  cm.applySentState = function (seq) {
    var text = cm.host.takeSent(seq);
    if (text === null) {
      return false;
    }
    var state;
    try {
      state = JSON.parse(text);
    } catch (err) {
      cm.host.report("applySentState: " + (err && err.message ? err.message : err));
      return null;
    }
    return cm.applyState(state);
  };
})(window.chronomap);
