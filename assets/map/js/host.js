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
 * and one signal of that object goes the other way:
 *   stateSent(seq, text)       a state's JSON text, kept for chronomap.applySentState(seq) (state.js)
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
      if (host && host.stateSent && typeof host.stateSent.connect === "function") {
        host.stateSent.connect(keepSent);  // before the page says it is ready: the host sends states this way from then on
      }
      announce();
    });
  }

  // The state the host sent through the channel last (chronomap.applySentState takes it): its text is data
  // for JSON.parse, where a state written into a script was source the page compiled and kept (~3 bytes
  // held per byte of script, over 10,000 states on a blank page: +70 MB instead of +20).
  var sent = null;  // {seq, text}

  function keepSent(seq, text) {
    sent = { seq: seq, text: text };
  }

  // The text of the state with this seq, once (null if it did not come, or a newer one came since).
  function takeSent(seq) {
    if (!sent || sent.seq !== seq) {
      return null;
    }
    var text = sent.text;
    sent = null;
    return text;
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
    placeMoved: placeMoved,
    takeSent: takeSent
  };
})(window.chronomap);
