/*
 * Chronomap page script: the host (chronomap.host).
 *
 * Page -> host events go through the QWebChannel object "chronomapHost"
 * (the names are chronomap.map.bridge.HOST_OBJECT and HOST_METHODS):
 *   pageReady(pageId)   once per document, when the base map is drawn and the channel is up; the
 *                       document's number, window.chronomapPageId, given by the host (-1 without one)
 *   placeClicked(id)    a place was clicked
 *   jsError(message)    an error in the page
 *   mapClicked(lat, lon)       editing: the map was clicked there (edit.js)
 *   placeMoved(id, lat, lon)   editing: a place's handle was dropped there (edit.js)
 */
(function (cm) {
  "use strict";

  var host = null;
  var announced = false;

  function sendError(message) {
    if (host && typeof host.jsError === "function") {
      host.jsError(String(message));
      return true;
    }
    return false;
  }

  // Reported through the channel when it is up; otherwise through the console,
  // which the host also watches. Never both, so each error is counted once.
  function report(message) {
    if (!sendError(message) && window.console) {
      console.error("chronomap: " + message);
    }
  }

  window.addEventListener("error", function (ev) {
    var message = ev.message || (ev.error ? String(ev.error) : "script error");
    if (ev.filename) {
      message += " (" + ev.filename + ":" + ev.lineno + ")";
    }
    if (sendError(message)) {
      ev.preventDefault();
    }
  });

  window.addEventListener("unhandledrejection", function (ev) {
    var reason = ev.reason;
    var message = "unhandled rejection: " +
      (reason && reason.message ? reason.message : String(reason));
    if (sendError(message)) {
      ev.preventDefault();
    }
  });

  function connect() {
    if (typeof window.QWebChannel !== "function" || !window.qt || !window.qt.webChannelTransport) {
      return;  // not inside the app (e.g. opened in a browser): no host
    }
    new window.QWebChannel(window.qt.webChannelTransport, function (channel) {
      host = channel.objects.chronomapHost || null;
      announce();
    });
  }

  // Tells the host the page is ready, once: when the base map is drawn and the channel is up,
  // whichever comes last.
  function announce() {
    if (cm.ready && host && !announced) {
      announced = true;
      if (typeof host.pageReady === "function") {
        host.pageReady(typeof window.chronomapPageId === "number" ? window.chronomapPageId : -1);
      }
    }
  }

  function placeClicked(id) {
    if (host && typeof host.placeClicked === "function") {
      host.placeClicked(id);
    }
  }

  function mapClicked(lat, lon) {
    if (host && typeof host.mapClicked === "function") {
      host.mapClicked(lat, lon);
    }
  }

  function placeMoved(id, lat, lon) {
    if (host && typeof host.placeMoved === "function") {
      host.placeMoved(id, lat, lon);
    }
  }

  cm.host = {
    report: report,
    connect: connect,
    announce: announce,
    placeClicked: placeClicked,
    mapClicked: mapClicked,
    placeMoved: placeMoved
  };
})(window.chronomap);
