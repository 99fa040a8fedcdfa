/*
 * Chronomap page script: small helpers with no state (chronomap.util).
 */
(function (cm) {
  "use strict";

  function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src) {
        for (var key in src) {
          if (Object.prototype.hasOwnProperty.call(src, key)) {
            target[key] = src[key];
          }
        }
      }
    }
    return target;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function clamp(value, lo, hi) {
    return Math.max(lo, Math.min(hi, value));
  }

  function isLatLngBox(value) {
    return Array.isArray(value) && value.length === 2 &&
      Array.isArray(value[0]) && Array.isArray(value[1]) &&
      value[0].length === 2 && value[1].length === 2 &&
      [value[0][0], value[0][1], value[1][0], value[1][1]].every(function (v) {
        return typeof v === "number" && isFinite(v);
      });
  }

  function mix(hexA, hexB, t) {
    var a = parseInt(hexA.slice(1), 16);
    var b = parseInt(hexB.slice(1), 16);
    var out = 0;
    for (var shift = 16; shift >= 0; shift -= 8) {
      var ca = (a >> shift) & 255;
      var cb = (b >> shift) & 255;
      out |= Math.round(ca + (cb - ca) * t) << shift;
    }
    return "#" + (0x1000000 + out).toString(16).slice(1);
  }

  // Shows or hides a Leaflet control (the legend, the credit, the zoom buttons, the scale bar).
  function showControl(control, visible) {
    if (!control) {
      return;
    }
    var el = control.getContainer ? control.getContainer() : control._container;
    if (el) {
      el.style.display = visible ? "" : "none";
    }
  }

  cm.util = {
    extend: extend,
    escapeHtml: escapeHtml,
    clamp: clamp,
    isLatLngBox: isLatLngBox,
    mix: mix,
    showControl: showControl
  };
})(window.chronomap);
