/*
 * Chronomap page script: what snapshots need (chronomap.setChrome, .captionText,
 * .requestPaintMark, .hidePaintMark, .paintMark, .snapshot), and the frame marks
 * (chronomap.frames, inside the page; reported in snapshot().frames).
 *
 * Exports show the same page with a caption, a scale bar and no zoom buttons;
 * everything is HTML so that a PDF keeps the caption as real text.
 */
(function (cm) {
  "use strict";

  var shared = cm.shared;
  var showControl = cm.util.showControl;

  cm.setChrome = function (opts) {
    var map = shared.map;
    var chrome = shared.chrome;
    opts = opts || {};
    showControl(chrome.legend, opts.legend !== false);
    showControl(chrome.attribution, opts.attribution !== false);
    showControl(map.zoomControl, opts.zoomControl !== false);
    if (opts.scaleBar && !chrome.scale) {
      chrome.scale = L.control.scale({ metric: true, imperial: false, position: "bottomright", maxWidth: 160 });
      // Leaflet writes "km"/"m"; the legend's words carry the units in the interface language.
      var updateScale = chrome.scale._updateScale;
      chrome.scale._updateScale = function (scale, text, ratio) {
        var units = cm.legend.texts() || {};
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
    shared.captionHeight = 0;
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
      shared.captionHeight = chrome.caption.offsetHeight;
    }
    container.style.setProperty("--cm-caption-height", shared.captionHeight + "px");
    return true;
  };

  cm.captionText = function () {
    var caption = shared.chrome.caption;
    if (!caption || caption.style.display === "none") {
      return null;
    }
    // one line per part (title, date, event): the parts are blocks on the page, but their
    // textContent would run together ("Perestroika in Kazakhstan10 December 1991The …")
    return Array.prototype.map.call(caption.children, function (part) { return part.textContent; }).join("\n");
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

  // Frame marks: for each state applied, when it was applied and when the first frame that
  // shows it was committed (the task after that frame's requestAnimationFrame, i.e. after its
  // style, layout and paint), as wall-clock milliseconds (performance.timeOrigin + now) so the
  // app can set them against its own clock. The last FRAME_MARKS are kept, for benchmarks.
  var FRAME_MARKS = 2048;
  var frameMarks = [];   // [seq, appliedAt, shownAt]
  var unpainted = [];    // [seq, appliedAt]: applied, no frame requested for them yet
  var committing = [];   // batches whose frame ran, waiting for the task after it
  var frameChannel = new MessageChannel();
  function pageClock() { return performance.timeOrigin + performance.now(); }
  frameChannel.port1.onmessage = function () {
    var batch = committing.shift() || [];
    var shownAt = pageClock();
    batch.forEach(function (m) { frameMarks.push([m[0], m[1], shownAt]); });
    if (frameMarks.length > FRAME_MARKS) {
      frameMarks.splice(0, frameMarks.length - FRAME_MARKS);
    }
  };
  function noteApplied(seq) {
    unpainted.push([seq, pageClock()]);
    if (unpainted.length === 1) {
      window.requestAnimationFrame(function () {
        committing.push(unpainted);
        unpainted = [];
        frameChannel.port2.postMessage(0);
      });
    }
  }
  cm.frames = { noteApplied: noteApplied };  // inside the page: state.js notes each state applied

  cm.snapshot = function () {
    var map = shared.map;
    var places = shared.places;
    var order = shared.order;
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
    Object.keys(shared.countries).forEach(function (iso) {
      basemapClasses[iso] = cm.basemap.classOf(iso);
      var marks = cm.basemap.marksOf(iso);
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
      ussrBorder: cm.basemap.ussrBorder(),
      labelRects: labelRects,
      moving: cm.isMoving(),
      legend: cm.legend.text(),
      appearance: cm.appearance(),
      clippedLabels: order.filter(function (id) { return places[id].clipped; }),
      painted: cm.basemap.painted(),          // the part of the view each renderer has drawn (1: all)
      legendBox: cm.legend.box(),             // {shown, collapsed, rect} of the legend
      placeRects: cm.labels.placeRects(),     // {id: {area, dot, anchor}} on screen
      containerClasses: map ? map.getContainer().className : "",
      // how the page has been drawing: states applied (with their frame marks), glides started, views
      // already right, and the base map's full redraws
      frames: {
        clock: pageClock(),
        applied: cm.appliedCount || 0,
        glides: cm.glideCount || 0,
        still: cm.stillCount || 0,       // frames asked for where the view already was (nothing moved)
        redraws: cm.basemap.redraws(),   // full redraws of the base map's canvases
        start: cm.startMarks,            // page start, base map fetched and parsed, drawn
        marks: frameMarks.slice()
      }
    };
  };
})(window.chronomap);
