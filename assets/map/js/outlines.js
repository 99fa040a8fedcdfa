/*
 * Chronomap page script: the base map's outlines kept in flat number arrays
 * (chronomap.outlines.adopt).
 *
 * Leaflet keeps each outline as one Point object per vertex, made again at every zoom, and
 * clips and simplifies it into new arrays of Points at every canvas redraw: about 3 MB of
 * garbage per redraw of the base map, which piles up in the render process during a run of
 * changes (tests/benchmarks/bench_memory.py). An adopted path holds its vertices once, in a
 * fixed reference projection, and projects, clips, simplifies and draws them into arrays it
 * reuses, so a redraw allocates nothing per vertex.
 *
 * The numbers are Leaflet's own (1.9): the same projection expression, rounding, clipping
 * (Sutherland-Hodgman for areas, Cohen-Sutherland for lines), vertex reduction and
 * Douglas-Peucker steps in the same order, so the canvas receives the same moveTo/lineTo
 * calls and the picture is the same to the pixel (tests/gui/test_map_outlines.py compares).
 */
(function (cm) {
  "use strict";

  // Scratch space shared by every path: one redraw clips one ring at a time.
  var scratch = { a: new Float64Array(1024), b: new Float64Array(1024),
                  codeA: new Uint8Array(512), codeB: new Uint8Array(512),
                  marks: new Uint8Array(512), stack: new Int32Array(1024) };

  // A Float64Array of at least n numbers: `have` if it is long enough, a larger one otherwise
  // (the first points copied). Grows by half again, so it is rarely made.
  function room(have, n, keep) {
    if (have.length >= n) {
      return have;
    }
    var bigger = new have.constructor(Math.max(n, Math.ceil(have.length * 1.5)));
    bigger.set(have.subarray(0, keep || 0));
    return bigger;
  }

  // Leaflet's _getBitCode: which sides of the box (min, max) a point lies beyond.
  function bitCode(x, y, minX, minY, maxX, maxY) {
    var code = 0;
    if (x < minX) {
      code |= 1;
    } else if (x > maxX) {
      code |= 2;
    }
    if (y < minY) {
      code |= 4;
    } else if (y > maxY) {
      code |= 8;
    }
    return code;
  }

  // Leaflet's _getEdgeIntersection(a, b, code, bounds, true), the result put in hit[0], hit[1].
  var hit = new Float64Array(2);
  function edge(ax, ay, bx, by, code, minX, minY, maxX, maxY) {
    var dx = bx - ax, dy = by - ay, x, y;
    if (code & 8) {
      x = ax + dx * (maxY - ay) / dy;
      y = maxY;
    } else if (code & 4) {
      x = ax + dx * (minY - ay) / dy;
      y = minY;
    } else if (code & 2) {
      x = maxX;
      y = ay + dy * (maxX - ax) / dx;
    } else if (code & 1) {
      x = minX;
      y = ay + dy * (minX - ax) / dx;
    }
    hit[0] = Math.round(x);
    hit[1] = Math.round(y);
  }

  // Leaflet's _sqClosestPointOnSegment(p, p1, p2, true).
  function sqSegmentDistance(px, py, x1, y1, x2, y2) {
    var x = x1, y = y1, dx = x2 - x, dy = y2 - y, dot = dx * dx + dy * dy, t;
    if (dot > 0) {
      t = ((px - x) * dx + (py - y) * dy) / dot;
      if (t > 1) {
        x = x2;
        y = y2;
      } else if (t > 0) {
        x += dx * t;
        y += dy * t;
      }
    }
    dx = px - x;
    dy = py - y;
    return dx * dx + dy * dy;
  }

  // ---- the vertices, once -----------------------------------------------------

  // The path's latlngs flattened ring by ring (Leaflet's _projectLatlngs order), each as the
  // CRS's transformation of its projection before the zoom's scale: what Leaflet multiplies by
  // the scale at every zoom.
  function reference(layer, crs) {
    var rings = 0, points = 0;
    (function count(latlngs) {
      if (latlngs[0] instanceof L.LatLng) {
        rings++;
        points += latlngs.length;
      } else {
        for (var j = 0; j < latlngs.length; j++) {
          count(latlngs[j]);
        }
      }
    })(layer._latlngs);
    var refs = new Float64Array(2 * points), ends = new Int32Array(rings), t = crs.transformation;
    var n = 0, r = 0;
    (function walk(latlngs) {
      if (latlngs[0] instanceof L.LatLng) {
        for (var i = 0; i < latlngs.length; i++) {
          var p = crs.projection.project(latlngs[i]);
          refs[n++] = t._a * p.x + t._b;
          refs[n++] = t._c * p.y + t._d;
        }
        ends[r++] = n / 2;
      } else {
        for (var j = 0; j < latlngs.length; j++) {
          walk(latlngs[j]);
        }
      }
    })(layer._latlngs);
    layer._cmRef = refs;
    layer._cmRingEnds = ends;
    layer._cmPx = new Float64Array(refs.length);
    layer._cmOut = new Float64Array(Math.max(16, refs.length));
    layer._cmPartEnds = new Int32Array(Math.max(4, ends.length * 2));
    layer._cmParts = 0;
  }

  // Leaflet's latLngToLayerPoint for every vertex: scaled, rounded, less the pixel origin.
  function project() {
    var map = this._map, crs = map.options.crs;
    if (!this._cmRef) {
      reference(this, crs);
    }
    var ref = this._cmRef, px = this._cmPx, n = ref.length;
    var scale = crs.scale(map.getZoom()), origin = map.getPixelOrigin();
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var i = 0; i < n; i += 2) {
      var x = Math.round(scale * ref[i]) - origin.x;
      var y = Math.round(scale * ref[i + 1]) - origin.y;
      px[i] = x;
      px[i + 1] = y;
      if (x < minX) { minX = x; }
      if (x > maxX) { maxX = x; }
      if (y < minY) { minY = y; }
      if (y > maxY) { maxY = y; }
    }
    if (this._bounds.isValid() && n > 0) {
      this._rawPxBounds = L.bounds([minX, minY], [maxX, maxY]);
      this._updateBounds();
    }
  }

  // ---- clipping to the renderer's box -------------------------------------------

  function overlaps(b, minX, minY, maxX, maxY) {
    return b && maxX >= b.min.x && minX <= b.max.x && maxY >= b.min.y && minY <= b.max.y;
  }

  // Appends a point to the path's clipped parts (the array grows when a clip adds corners).
  function put(layer, n, x, y) {
    if (layer._cmOut.length < n + 2) {
      layer._cmOut = room(layer._cmOut, n + 2, n);
    }
    layer._cmOut[n] = x;
    layer._cmOut[n + 1] = y;
    return n + 2;
  }

  function endPart(layer, n) {
    if (layer._cmPartEnds.length <= layer._cmParts) {
      layer._cmPartEnds = room(layer._cmPartEnds, layer._cmParts + 1, layer._cmParts);
    }
    layer._cmPartEnds[layer._cmParts++] = n;
  }

  var SIDES = [1, 4, 2, 8];  // left, bottom, right, top (bitCode's bits)

  // Leaflet's Polygon._clipPoints and clipPolygon: each ring clipped edge by edge (left,
  // bottom, right, top) to the renderer's box widened by the stroke weight.
  function clipPolygon() {
    var b = this._renderer._bounds, w = this.options.weight;
    var minX = b.min.x - w, minY = b.min.y - w, maxX = b.max.x + w, maxY = b.max.y + w;
    var pb = this._pxBounds;
    this._cmParts = 0;
    if (!pb || !overlaps(pb, minX, minY, maxX, maxY)) {
      return;
    }
    var px = this._cmPx, ends = this._cmRingEnds, n = 0, start = 0;
    for (var r = 0; r < ends.length; r++) {
      var len = ends[r] - start;
      var src = scratch.a = room(scratch.a, 2 * len);
      var code = scratch.codeA = room(scratch.codeA, len);
      for (var i = 0; i < len; i++) {
        src[2 * i] = px[2 * (start + i)];
        src[2 * i + 1] = px[2 * (start + i) + 1];
        code[i] = bitCode(src[2 * i], src[2 * i + 1], minX, minY, maxX, maxY);
      }
      start = ends[r];
      for (var k = 0; k < 4; k++) {
        var side = SIDES[k];
        var dst = scratch.b = room(scratch.b, 4 * len + 4);
        var dstCode = scratch.codeB = room(scratch.codeB, 2 * len + 2);
        var m = 0;
        for (var ia = 0, ib = len - 1; ia < len; ib = ia++) {
          var aIn = !(code[ia] & side), bIn = !(code[ib] & side);
          if (aIn !== bIn) {  // a -> b crosses the edge: the crossing, from b's side
            edge(src[2 * ib], src[2 * ib + 1], src[2 * ia], src[2 * ia + 1], side, minX, minY, maxX, maxY);
            dst[2 * m] = hit[0];
            dst[2 * m + 1] = hit[1];
            dstCode[m++] = bitCode(hit[0], hit[1], minX, minY, maxX, maxY);
          }
          if (aIn) {
            dst[2 * m] = src[2 * ia];
            dst[2 * m + 1] = src[2 * ia + 1];
            dstCode[m++] = code[ia];
          }
        }
        scratch.a = dst;
        scratch.b = src;
        scratch.codeA = dstCode;
        scratch.codeB = code;
        src = dst;
        code = dstCode;
        len = m;
      }
      if (len) {
        for (var j = 0; j < len; j++) {
          n = put(this, n, src[2 * j], src[2 * j + 1]);
        }
        endPart(this, n);
      }
    }
  }

  // Leaflet's Polyline._clipPoints and clipSegment: each segment clipped to the renderer's box;
  // a part ends where a segment leaves it, and at the last segment of a ring.
  function clipPolyline() {
    var b = this._renderer._bounds;
    var minX = b.min.x, minY = b.min.y, maxX = b.max.x, maxY = b.max.y;
    this._cmParts = 0;
    if (!this._pxBounds || !overlaps(this._pxBounds, minX, minY, maxX, maxY)) {
      return;
    }
    var px = this._cmPx, ends = this._cmRingEnds, n = 0, start = 0, open = false;
    for (var r = 0; r < ends.length; r++) {
      var end = ends[r];
      var codeB = 0;
      for (var j = start; j < end - 1; j++) {
        var ax = px[2 * j], ay = px[2 * j + 1], bx = px[2 * j + 2], by = px[2 * j + 3];
        var codeA = j > start ? codeB : bitCode(ax, ay, minX, minY, maxX, maxY);
        codeB = bitCode(bx, by, minX, minY, maxX, maxY);
        var ca = codeA, cb = codeB, bMoved = false, kept = true;
        while (true) {
          if (!(ca | cb)) {
            break;
          }
          if (ca & cb) {
            kept = false;
            break;
          }
          var out = ca || cb;
          edge(ax, ay, bx, by, out, minX, minY, maxX, maxY);
          if (out === ca) {
            ax = hit[0];
            ay = hit[1];
            ca = bitCode(ax, ay, minX, minY, maxX, maxY);
          } else {
            bx = hit[0];
            by = hit[1];
            cb = bitCode(bx, by, minX, minY, maxX, maxY);
            bMoved = true;
          }
        }
        if (!kept) {
          continue;
        }
        n = put(this, n, ax, ay);
        open = true;
        if (bMoved || j === end - 2) {
          n = put(this, n, bx, by);
          endPart(this, n);
          open = false;
        }
      }
      start = end;
    }
    if (open) {
      endPart(this, n);
    }
  }

  // ---- simplifying ------------------------------------------------------------

  // Leaflet's simplify(part, smoothFactor) for each clipped part, in place: vertex reduction,
  // then Douglas-Peucker (the kept points are the same whatever order the steps run in).
  function simplifyParts() {
    var tolerance = this.options.smoothFactor;
    if (!tolerance) {
      return;
    }
    var sq = tolerance * tolerance, out = this._cmOut, ends = this._cmPartEnds;
    var w = 0, start = 0;
    for (var p = 0; p < this._cmParts; p++) {
      var end = ends[p], first = w;
      var lastX = out[end - 2], lastY = out[end - 1];
      // vertex reduction: a point too close to the last one kept is dropped; the last is kept
      var keptX = out[start], keptY = out[start + 1], prev = start;
      out[w] = keptX;
      out[w + 1] = keptY;
      w += 2;
      for (var i = start + 2; i < end; i += 2) {
        var x = out[i], y = out[i + 1], dx = keptX - x, dy = keptY - y;
        if (dx * dx + dy * dy > sq) {
          out[w] = keptX = x;
          out[w + 1] = keptY = y;
          w += 2;
          prev = i;
        }
      }
      if (prev < end - 2) {
        out[w] = lastX;
        out[w + 1] = lastY;
        w += 2;
      }
      w = first + 2 * douglasPeucker(out, first / 2, (w - first) / 2, sq);
      ends[p] = w;
      start = end;
    }
  }

  // Douglas-Peucker over the `len` points from point `at` of `xy`, kept points moved to the
  // front; returns how many are kept.
  function douglasPeucker(xy, at, len, sq) {
    var marks = scratch.marks = room(scratch.marks, len);
    var stack = scratch.stack = room(scratch.stack, 2 * len + 2);
    marks.fill(0, 0, len);
    marks[0] = marks[len - 1] = 1;
    var top = 0;
    stack[top++] = 0;
    stack[top++] = len - 1;
    while (top > 0) {
      var last = stack[--top], first = stack[--top];
      var maxSq = 0, index = 0;
      var x1 = xy[2 * (at + first)], y1 = xy[2 * (at + first) + 1];
      var x2 = xy[2 * (at + last)], y2 = xy[2 * (at + last) + 1];
      for (var i = first + 1; i <= last - 1; i++) {
        var d = sqSegmentDistance(xy[2 * (at + i)], xy[2 * (at + i) + 1], x1, y1, x2, y2);
        if (d > maxSq) {
          index = i;
          maxSq = d;
        }
      }
      if (maxSq > sq) {
        marks[index] = 1;
        stack[top++] = first;
        stack[top++] = index;
        stack[top++] = index;
        stack[top++] = last;
      }
    }
    var kept = 0;
    for (var k = 0; k < len; k++) {
      if (marks[k]) {
        xy[2 * (at + kept)] = xy[2 * (at + k)];
        xy[2 * (at + kept) + 1] = xy[2 * (at + k) + 1];
        kept++;
      }
    }
    return kept;
  }

  // ---- drawing and hit testing --------------------------------------------------

  // Leaflet's Canvas._updatePoly, from the arrays.
  function drawPath(layer, closed) {
    var renderer = layer._renderer;
    if (!renderer._drawing || !layer._cmParts) {
      return;
    }
    var ctx = renderer._ctx, out = layer._cmOut, ends = layer._cmPartEnds, start = 0;
    ctx.beginPath();
    for (var p = 0; p < layer._cmParts; p++) {
      for (var i = start; i < ends[p]; i += 2) {
        if (i === start) {
          ctx.moveTo(out[i], out[i + 1]);
        } else {
          ctx.lineTo(out[i], out[i + 1]);
        }
      }
      if (closed) {
        ctx.closePath();
      }
      start = ends[p];
    }
    renderer._fillStroke(ctx, layer);
  }

  // Leaflet's Polyline._containsPoint (a click or hover on the canvas): near a drawn segment.
  function nearLine(layer, p, closed) {
    var w = layer._clickTolerance(), out = layer._cmOut, ends = layer._cmPartEnds, start = 0;
    if (!layer._pxBounds || !layer._pxBounds.contains(p)) {
      return false;
    }
    for (var q = 0; q < layer._cmParts; q++) {
      var end = ends[q];
      for (var j = start, k = end - 2; j < end; k = j, j += 2) {
        if (!closed && j === start) {
          continue;
        }
        if (Math.sqrt(sqSegmentDistance(p.x, p.y, out[k], out[k + 1], out[j], out[j + 1])) <= w) {
          return true;
        }
      }
      start = end;
    }
    return false;
  }

  // Leaflet's Polygon._containsPoint: inside (ray casting) or on the outline.
  function insideArea(layer, p) {
    var inside = false, out = layer._cmOut, ends = layer._cmPartEnds, start = 0;
    if (!layer._pxBounds || !layer._pxBounds.contains(p)) {
      return false;
    }
    for (var q = 0; q < layer._cmParts; q++) {
      var end = ends[q];
      for (var j = start, k = end - 2; j < end; k = j, j += 2) {
        var x1 = out[j], y1 = out[j + 1], x2 = out[k], y2 = out[k + 1];
        if (((y1 > p.y) !== (y2 > p.y)) && (p.x < (x2 - x1) * (p.y - y1) / (y2 - y1) + x1)) {
          inside = !inside;
        }
      }
      start = end;
    }
    return inside || nearLine(layer, p, true);
  }

  var AREA = {
    _project: project,
    _clipPoints: clipPolygon,
    _simplifyPoints: simplifyParts,
    _updatePath: function () { drawPath(this, true); },
    _containsPoint: function (p) { return insideArea(this, p); }
  };
  var LINE = {
    _project: project,
    _clipPoints: clipPolyline,
    _simplifyPoints: simplifyParts,
    _updatePath: function () { drawPath(this, false); },
    _containsPoint: function (p) { return nearLine(this, p, false); }
  };

  // Makes a polygon or polyline (or every one in a group) that a canvas will draw keep its
  // outline in arrays; call before it is added to the map. Anything else is left as it is.
  function adopt(layer) {
    if (layer instanceof L.LayerGroup) {
      layer.eachLayer(adopt);
    } else if (layer instanceof L.Polyline && !layer.options.noClip) {
      L.Util.extend(layer, layer instanceof L.Polygon ? AREA : LINE);
    }
    return layer;
  }

  // What an adopted path draws now, as Leaflet's _parts would hold it: [[x, y, x, y, ...], ...].
  function parts(layer) {
    var out = [], start = 0;
    for (var p = 0; p < layer._cmParts; p++) {
      out.push(Array.prototype.slice.call(layer._cmOut, start, layer._cmPartEnds[p]));
      start = layer._cmPartEnds[p];
    }
    return out;
  }

  cm.outlines = { adopt: adopt, parts: parts };
})(window.chronomap);
