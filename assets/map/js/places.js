/*
 * Chronomap page script: the places (chronomap.places): their records, their
 * layers' styles by status, and their labels' text and class. Where a label
 * goes is labels.js.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var util = cm.util;

  // The records, in spec order, each with its label element; the layers folium made
  // are found by their global names. Clicks on a layer or a label go to the host.
  function build(placeConfigs) {
    var places = shared.places;
    var byIso = shared.byIso;
    (placeConfigs || []).forEach(function (pc) {
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
      shared.order.push(pc.id);
      if (!place.layer) {
        place.isos.forEach(function (iso) {
          (byIso[iso] = byIso[iso] || []).push(place.id);
        });
      }
      if (place.layer) {
        place.layer.on("click", function () { cm.host.placeClicked(place.id); });
      }
      makeLabel(place);
    });
    Object.keys(byIso).forEach(function (iso) {
      byIso[iso].sort(function (a, b) { return places[a].isos.length - places[b].isos.length; });
    });
  }

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
    place.labelMarker.on("click", function () { cm.host.placeClicked(place.id); });
    place.labelMarker.addTo(shared.map);
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

  // A new label text (the place was renamed); returns whether it changed.
  function relabel(place, label) {
    if (label === place.label) {
      return false;
    }
    place.label = label;
    renderLabelText(place);
    return true;
  }

  function zoomScale() {
    return util.clamp(1 + 0.11 * (shared.map.getZoom() - 4.5), 0.78, 1.45);
  }

  function placeRadius(place) {
    return place.isCircle ? cm.styles.city[place.status].radius * zoomScale() : 0;
  }

  function restylePlace(place) {
    var status = place.status;
    if (place.styledStatus === status) {
      return false;
    }
    place.styledStatus = status;
    if (place.layer) {
      if (place.isCircle) {
        var style = util.extend({}, cm.styles.city[status]);
        delete style.radius;
        place.layer.setStyle(style);
        place.layer.setRadius(placeRadius(place));
      } else {
        place.layer.setStyle(cm.styles.region[status]);
      }
    }
    var el = place.labelEl;
    el.className = "cm-label cm-" + status + " cm-kind-" + place.kind;
    place.clipped = false;  // the class is gone with the reset; the next layout decides again
    place.labelMarker.setZIndexOffset(status === "current" ? 1000 : status === "told" ? 750 : status === "past" ? 500 : 0);
    place.size = null;  // the label's font changed: measure again
    return true;
  }

  // Returns whether anything changed; unchanged places cost nothing.
  function restyle() {
    var places = shared.places;
    var order = shared.order;
    var STATUS_RANK = cm.constants.STATUS_RANK;
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
      var ka = (a.isCircle ? 10 : 0) + (3 - STATUS_RANK[a.status]);
      var kb = (b.isCircle ? 10 : 0) + (3 - STATUS_RANK[b.status]);
      return ka - kb;
    });
    layered.forEach(function (p) { p.layer.bringToFront(); });
    return true;
  }

  function onZoom() {
    var places = shared.places;
    var order = shared.order;
    var s = zoomScale();
    shared.map.getContainer().style.setProperty("--cm-scale", s.toFixed(3));
    order.forEach(function (id) { places[id].size = null; });
    order.forEach(function (id) {
      var place = places[id];
      if (place.isCircle) {
        place.layer.setRadius(placeRadius(place));
      }
    });
  }

  // The box a glide to the place frames: its own layer's, else its countries' (none for a city).
  function bounds(place) {
    var countries = shared.countries;
    if (place.layer && typeof place.layer.getBounds === "function" && !place.isCircle) {
      return place.layer.getBounds();
    }
    var box = null;
    place.isos.forEach(function (iso) {
      ((countries[iso] && countries[iso].layers) || []).forEach(function (layer) {
        var b = layer.getBounds();
        // the far side of the antimeridian (Chukotka) would stretch the box round the world
        if (b.getWest() < -30) {
          return;
        }
        box = box ? box.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      });
    });
    return box;
  }

  cm.places = {
    build: build,
    relabel: relabel,
    radius: placeRadius,
    restyle: restyle,
    onZoom: onZoom,
    bounds: bounds
  };
})(window.chronomap);
