/*
 * Chronomap page script: the kiosk's lock (chronomap.lockDown, chronomap.locked).
 *
 * lockDown: no text selection, context menu, drag-and-drop or page zoom (Ctrl+wheel,
 * Ctrl+plus/minus, pinch); the map keeps its own bounded pan and zoom. Idempotent.
 */
(function (cm) {
  "use strict";

  cm.locked = false;
  cm.lockDown = function () {
    if (cm.locked) {
      return true;
    }
    cm.locked = true;
    document.documentElement.classList.add("cm-locked");
    var refuse = function (ev) { ev.preventDefault(); };
    var options = { capture: true, passive: false };
    ["contextmenu", "selectstart", "dragstart", "dragover", "drop", "copy", "cut", "paste"].forEach(function (type) {
      window.addEventListener(type, refuse, options);
    });
    window.addEventListener("wheel", function (ev) {
      if (ev.ctrlKey) {
        ev.preventDefault();
      }
    }, options);
    window.addEventListener("keydown", function (ev) {
      if ((ev.ctrlKey || ev.metaKey) && ["+", "-", "=", "0", "a", "f", "p", "s", "u"].indexOf(String(ev.key).toLowerCase()) >= 0) {
        ev.preventDefault();
      }
    }, options);
    if (window.getSelection) {
      window.getSelection().removeAllRanges();
    }
    return true;
  };
})(window.chronomap);
