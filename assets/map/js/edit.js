/*
 * Chronomap page script: the editor's map (chronomap.setEditing, .showCandidates,
 * .movePlace, .editState). Only the desk's exhibit editor calls these; the
 * explorer, the kiosk and the export never turn editing on.
 *
 *   setEditing(on)          clicks on the map go to the host as mapClicked(lat, lon);
 *                           off: no clicks reported, no candidates, no handle
 *   showCandidates(list)    gazetteer candidates [{lat, lon, label}] as numbered rings
 *                           ([] clears them); returns how many are shown
 *   movePlace(id, lat, lon) the place's point and label move there and, while editing,
 *                           a draggable handle sits on it: dropped, it reports
 *                           placeMoved(id, lat, lon); returns whether the page knows the place
 *   editState()             what edit mode shows, for tests: {editing, handle, candidates};
 *                           handle.box and handle.label are the handle's and its place's
 *                           label's boxes [left, top, right, bottom] in map pixels
 *
 * The handle sits on the place's point, and a label centred on that point (a state's,
 * "SOVIET UNION") would be hidden by it: the labels keep the handle's ring free
 * (chronomap.labels.keepFree), and the layout pushes the place's own label just clear of
 * it, up for a centred label, away from the point for the others. The handle stays on the
 * point it drags.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var editing = false;
  var candidates = [];  // [{lat, lon, label}] as shown
  var candidateLayer = null;
  var handle = null;    // {id, marker}
  var HANDLE_PX = 24;   // the handle's ring across: its 22 px icon and 1 px of shadow each side
  var ROOM_PX = 3;      // between the handle's ring and any label

  function pane(name, zIndex) {
    var map = shared.map;
    var existing = map.getPane(name);
    if (existing) {
      return name;
    }
    map.createPane(name).style.zIndex = String(zIndex);
    return name;
  }

  function onMapClick(ev) {
    if (editing) {
      cm.host.mapClicked(ev.latlng.lat, ev.latlng.lng);
    }
  }

  function removeHandle() {
    if (handle) {
      handle.marker.remove();
      handle = null;
    }
    cm.labels.keepFree("edit-handle", null);
  }

  function boxIn(el, origin) {
    var r = el.getBoundingClientRect();
    return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
  }

  // The handle's ring as painted: its 22 px icon plus the 2 px shadow round the dot (see putHandle).
  function handleBox(origin) {
    var r = boxIn(handle.marker.getElement(), origin);
    return { left: r.left - 1, top: r.top - 1, right: r.right + 1, bottom: r.bottom + 1 };
  }

  // The room the labels leave round the handle, in map pixels where the view puts it now: the
  // ring (HANDLE_PX across its centre) and ROOM_PX beyond.
  function handleRoom() {
    var map = shared.map;
    if (!map || !handle) {
      return null;
    }
    var p = map.latLngToContainerPoint(handle.marker.getLatLng());
    var half = HANDLE_PX / 2 + ROOM_PX;
    return { left: p.x - half, top: p.y - half, right: p.x + half, bottom: p.y + half };
  }

  function putHandle(id, latlng) {
    var map = shared.map;
    if (handle && handle.id === id) {
      handle.marker.setLatLng(latlng);
      cm.labels.keepFree("edit-handle", handleRoom);
      return;
    }
    removeHandle();
    var marker = L.marker(latlng, {
      pane: pane("cm-edit-handle", 660),
      draggable: true,
      keyboard: false,
      title: "",
      icon: L.divIcon({
        className: "cm-edit-handle",
        iconSize: [22, 22],
        iconAnchor: [11, 11],
        html: '<div style="width:16px;height:16px;margin:1px;border-radius:50%;' +
          'border:2px solid #fff;background:#d0312d;box-shadow:0 0 0 2px #d0312d;cursor:move"></div>'
      })
    });
    marker.on("dragend", function () {
      var where = marker.getLatLng();
      cm.host.placeMoved(id, where.lat, where.lng);
    });
    marker.addTo(map);
    handle = { id: id, marker: marker };
    cm.labels.keepFree("edit-handle", handleRoom);
  }

  cm.setEditing = function (on) {
    var map = shared.map;
    on = on === true;
    if (!map || on === editing) {
      return editing;
    }
    editing = on;
    if (on) {
      map.on("click", onMapClick);
    } else {
      map.off("click", onMapClick);
      removeHandle();
      cm.showCandidates([]);
    }
    map.getContainer().classList.toggle("cm-editing", on);
    return editing;
  };

  cm.showCandidates = function (list) {
    var map = shared.map;
    if (!map) {
      return 0;
    }
    if (candidateLayer) {
      candidateLayer.remove();
      candidateLayer = null;
    }
    candidates = [];
    if (!editing || !list || !list.length) {
      return 0;
    }
    candidateLayer = L.layerGroup();
    var where = pane("cm-edit-candidates", 650);
    list.forEach(function (c, index) {
      var latlng = L.latLng(c.lat, c.lon);
      // one element: the ring and its number (numbered as the editor lists them)
      L.marker(latlng, {
        pane: where,
        interactive: false,
        keyboard: false,
        zIndexOffset: (list.length - index) * 10000,  // the first listed on top where rings overlap
        icon: L.divIcon({
          className: "cm-edit-candidate",
          iconSize: [22, 22],
          iconAnchor: [11, 11],
          html: '<div style="box-sizing:border-box;width:22px;height:22px;border-radius:50%;' +
            "border:2px solid #1f4e79;background:#ffd166;color:#1f4e79;" +
            'font:bold 11px/18px sans-serif;text-align:center">' + String(index + 1) + "</div>"
        })
      }).addTo(candidateLayer);
      candidates.push({ lat: latlng.lat, lon: latlng.lng, label: String(c.label || "") });
    });
    candidateLayer.addTo(map);
    return candidates.length;
  };

  cm.movePlace = function (id, lat, lon) {
    var place = shared.places[id];
    if (!place) {
      return false;
    }
    var latlng = L.latLng(lat, lon);
    place.latlng = latlng;
    if (place.layer && typeof place.layer.setLatLng === "function") {
      place.layer.setLatLng(latlng);
    }
    if (place.labelMarker) {
      place.labelMarker.setLatLng(latlng);
    }
    if (editing) {
      putHandle(id, latlng);
    }
    cm.labels.layout();
    return true;
  };

  cm.editState = function () {
    var map = shared.map;
    var state = { editing: editing, handle: null, candidates: candidates.slice() };
    if (handle && map) {
      var where = handle.marker.getLatLng();
      var point = map.latLngToContainerPoint(where);
      var origin = map.getContainer().getBoundingClientRect();
      var place = shared.places[handle.id];
      var box = function (r) { return [r.left, r.top, r.right, r.bottom]; };
      state.handle = { id: handle.id, lat: where.lat, lon: where.lng, x: point.x, y: point.y,
                       box: box(handleBox(origin)),
                       label: place && place.labelEl && !place.clipped ? box(boxIn(place.labelEl, origin)) : null };
    }
    return state;
  };
})(window.chronomap);
