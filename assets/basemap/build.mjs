// Builds Chronomap's offline vector base map from Natural Earth data.
//
//   cd assets/basemap && npm ci && node build.mjs
//
// Inputs:  world-atlas (Natural Earth 4.1.0 admin-0 countries, 1:50m, TopoJSON)
//          simplified with topojson-simplify and decoded with topojson-client
//          (versions pinned in package.json).
// Outputs: countries.geojson, borders.geojson, water.geojson (this folder).
// See SOURCES.md for what each file holds and why.

import {readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import * as topojson from "topojson-client";
import {
  filter as filterRings, filterAttached, planarRingArea, planarTriangleArea, presimplify, simplify,
} from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- settings

// Keep features whose bounding box meets this box (lon/lat degrees).
const AREA = {west: -30, south: 5, east: 180, north: 85};

// Where the Crimean peninsula's polygon(s) must lie (centroid test).
const CRIMEA = {west: 32.4, south: 44.3, east: 36.7, north: 46.3};

const DECIMALS = 3;

// Simplification (topojson-simplify, Visvalingam effective area), done on
// the topology before anything is merged, meshed or decoded, so country
// fills and border lines use the very same simplified arcs. Weights are
// areas measured in Web Mercator (Leaflet's projection), in squared degrees
// of longitude: at zoom z one such unit is (256 * 2^z / 360)^2 px^2, i.e.
// 518 px^2 at zoom 5, 2,071 px^2 at zoom 6 and 8,285 px^2 at zoom 7.
// Points whose effective area is below MIN_WEIGHT are removed: 0.01 is
// about 5 px^2 at zoom 5 and 21 px^2 at zoom 6; it removes 63% of the
// vertices of countries.geojson + borders.geojson.
const MIN_WEIGHT = 0.01;
// Islands (rings that share no arc with another ring) smaller than this
// area (same units, measured before simplification; about 1 px^2 at zoom
// 5, about 12 km2 at 45 N) are dropped. A feature's largest polygon is
// always kept, so no country vanishes.
const MIN_ISLAND_AREA = 0.002;
// Every ring that is kept keeps at least this many distinct vertices.
const MIN_RING_VERTICES = 4;

const SOVIET = new Set([
  "RUS", "UKR", "BLR", "MDA", "LTU", "LVA", "EST", "GEO", "ARM", "AZE",
  "KAZ", "UZB", "TKM", "KGZ", "TJK",
]);

// ISO 3166-1 numeric -> alpha-3, for every feature the area keeps.
// The build stops if a kept feature has a numeric id missing here.
const ALPHA3 = {
  "004": "AFG", "008": "ALB", "012": "DZA", "020": "AND", "031": "AZE",
  "040": "AUT", "048": "BHR", "050": "BGD", "051": "ARM", "056": "BEL",
  "064": "BTN", "070": "BIH", "096": "BRN", "100": "BGR", "104": "MMR",
  "112": "BLR", "116": "KHM", "120": "CMR", "132": "CPV", "140": "CAF",
  "144": "LKA", "148": "TCD", "156": "CHN", "158": "TWN", "180": "COD",
  "191": "HRV", "196": "CYP", "203": "CZE", "204": "BEN", "208": "DNK",
  "231": "ETH", "232": "ERI", "233": "EST", "234": "FRO", "246": "FIN",
  "248": "ALA", "250": "FRA", "262": "DJI", "268": "GEO", "270": "GMB",
  "275": "PSE", "276": "DEU", "288": "GHA", "300": "GRC", "304": "GRL",
  "316": "GUM", "324": "GIN", "336": "VAT", "344": "HKG", "348": "HUN",
  "352": "ISL", "356": "IND", "360": "IDN", "364": "IRN", "368": "IRQ",
  "372": "IRL", "376": "ISR", "380": "ITA", "384": "CIV", "392": "JPN",
  "398": "KAZ", "400": "JOR", "404": "KEN", "408": "PRK", "410": "KOR",
  "414": "KWT", "417": "KGZ", "418": "LAO", "422": "LBN", "428": "LVA",
  "430": "LBR", "434": "LBY", "438": "LIE", "440": "LTU", "442": "LUX",
  "446": "MAC", "458": "MYS", "466": "MLI", "470": "MLT", "478": "MRT",
  "492": "MCO", "496": "MNG", "498": "MDA", "499": "MNE", "504": "MAR",
  "512": "OMN", "524": "NPL", "528": "NLD", "562": "NER", "566": "NGA",
  "578": "NOR", "580": "MNP", "583": "FSM", "584": "MHL", "585": "PLW",
  "586": "PAK", "608": "PHL", "616": "POL", "620": "PRT", "624": "GNB",
  "634": "QAT", "642": "ROU", "643": "RUS", "674": "SMR", "682": "SAU",
  "686": "SEN", "688": "SRB", "694": "SLE", "703": "SVK", "704": "VNM",
  "705": "SVN", "706": "SOM", "724": "ESP", "728": "SSD", "729": "SDN",
  "732": "ESH", "752": "SWE", "756": "CHE", "760": "SYR", "762": "TJK",
  "764": "THA", "768": "TGO", "784": "ARE", "788": "TUN", "792": "TUR",
  "795": "TKM", "804": "UKR", "807": "MKD", "818": "EGY", "826": "GBR",
  "831": "GGY", "832": "JEY", "833": "IMN", "840": "USA", "854": "BFA",
  "860": "UZB", "887": "YEM",
};

// The Aral Sea around 1960 (level c. 53 m), before it began to shrink.
// None of the npm/PyPI packages checked ships Natural Earth's
// lakes_historic layer, so this outline is HAND-DRAWN and APPROXIMATE,
// written from general knowledge of the shoreline (Ustyurt cliff on the
// west, Amu Darya delta and Muynak in the south, the low indented east
// shore, the Small Aral with the bays up to Aralsk in the north-east).
// One hole: Kokaral island between the Small and the Large Aral.
// Order: lon, lat.
const ARAL_1960 = {
  outer: [
    [61.62, 46.78], [61.45, 46.55], [61.15, 46.25], [61.05, 46.05],
    [61.35, 45.80], [61.70, 45.45], [61.90, 45.05], [61.75, 44.65],
    [61.45, 44.30], [61.00, 43.95], [60.45, 43.80], [59.90, 43.90],
    [59.40, 43.70], [59.05, 43.78], [58.80, 43.45], [58.45, 43.55],
    [58.25, 43.95], [58.20, 44.50], [58.30, 45.00], [58.55, 45.45],
    [58.70, 45.85], [58.95, 46.20], [59.35, 46.05], [59.65, 46.15],
    [59.55, 46.40], [60.00, 46.62], [60.45, 46.55], [60.60, 46.80],
    [60.95, 46.60], [61.30, 46.72],
  ],
  kokaral: [
    [59.85, 46.05], [60.25, 46.02], [60.70, 46.10], [60.55, 46.22],
    [60.10, 46.25], [59.85, 46.18],
  ],
};

// Checks run on the result; the build fails if one does not hold.
const SIMFEROPOL = [34.10, 44.95];
const SEVASTOPOL = [33.52, 44.60];
const KERCH = [36.47, 45.36];
const KYIV = [30.52, 50.45];
const MOSCOW = [37.62, 55.75];

// Points used only to report what the country layer does with the seas.
const PROBES = [
  ["Caspian Sea (middle)", [50.5, 42.0]],
  ["Caspian Sea (north)", [50.0, 45.0]],
  ["Caspian Sea (south)", [51.0, 38.5]],
  ["Aral Sea (west basin, still water today)", [58.9, 45.0]],
  ["Aral Sea (east basin, dry today)", [60.8, 44.8]],
  ["Aral Sea (Small Aral)", [61.0, 46.4]],
  ["Lake Balkhash", [74.5, 46.2]],
  ["Issyk-Kul", [77.3, 42.4]],
];

// ---------------------------------------------------------------- helpers

function fail(message) {
  console.error("build.mjs: " + message);
  process.exit(1);
}

function slug(name) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function bboxOf(coords) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  (function walk(c) {
    if (typeof c[0] === "number") {
      if (c[0] < b[0]) b[0] = c[0];
      if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0];
      if (c[1] > b[3]) b[3] = c[1];
    } else c.forEach(walk);
  })(coords);
  return b;
}

function meetsArea(b) {
  return b[0] <= AREA.east && b[2] >= AREA.west && b[1] <= AREA.north && b[3] >= AREA.south;
}

// Twice the signed planar area of a ring (positive = counter-clockwise).
function ringArea2(ring) {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

function ringCentroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
    const k = x0 * y1 - x1 * y0;
    a += k; x += (x0 + x1) * k; y += (y0 + y1) * k;
  }
  return [x / (3 * a), y / (3 * a)];
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

// Even-odd test over every ring of every polygon of the geometry.
function covers(geometry, [px, py]) {
  let inside = false;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    }
  }
  return inside;
}

// world-atlas stitches polygons across the antimeridian (a ring jumps
// from +179.9 to -180 and back), which a flat map such as Leaflet draws
// as a band round the world. Cut such polygons at 180 degrees (RFC 7946,
// 3.1.9): the part east of it goes to -180..-169 as a separate polygon.
function cutAntimeridian(geometry) {
  const out = [];
  for (const polygon of polygonsOf(geometry)) {
    const jumps = polygon.map((ring) => ring.filter((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180).length);
    if (jumps.every((n) => n === 0)) { out.push(polygon); continue; }
    if (jumps[0] !== 2 || jumps.slice(1).some((n) => n !== 0)) {
      fail(`cannot cut a polygon at the antimeridian (jumps per ring: ${jumps})`);
    }
    // Unwrap the exterior so its longitudes run on without a jump.
    const ring = [];
    let shift = 0;
    polygon[0].forEach(([x, y], i) => {
      if (i > 0) {
        const d = x + shift - ring[i - 1][0];
        if (d > 180) shift -= 360;
        else if (d < -180) shift += 360;
      }
      ring.push([x + shift, y]);
    });
    const meridian = ring.some((p) => p[0] > 180) ? 180 : -180;
    const sides = ring.map(([x]) => Math.sign(x - meridian)).filter((v) => v !== 0);
    const crossings = sides.filter((v, i) => v !== sides[(i + sides.length - 1) % sides.length]).length;
    if (crossings !== 2) fail(`a ring crosses the antimeridian ${crossings} times; the cut expects 2`);
    const west = clipRing(ring, meridian, -1), east = clipRing(ring, meridian, 1);
    // Bring the piece beyond the meridian back into -180..180.
    const back = ([x, y]) => [x - Math.sign(meridian) * 360, y];
    if (west) out.push([meridian < 0 ? west.map(back) : west]);
    if (east) out.push([meridian > 0 ? east.map(back) : east]);
  }
  return out.length === 1 ? {type: "Polygon", coordinates: out[0]} : {type: "MultiPolygon", coordinates: out};
}

// Sutherland-Hodgman clip of a closed ring to x <= m (side -1) or x >= m
// (side 1). Exact here: each cut ring crosses the meridian just twice.
function clipRing(ring, m, side) {
  const inside = (p) => side * (p[0] - m) >= 0;
  const out = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i], b = ring[i + 1];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b) && a[0] !== m && b[0] !== m) {
      out.push([m, a[1] + ((b[1] - a[1]) * (m - a[0])) / (b[0] - a[0])]);
    }
  }
  if (out.length < 3) return null;
  out.push(out[0]);
  return out;
}

const factor = 10 ** DECIMALS;
const round = (v) => Math.round(v * factor) / factor;

// Round a ring, drop repeated points; null if it collapses.
function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1) {
    const first = out[0], last = out[out.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  }
  if (out.length < 4 || ringArea2(out) === 0) return null;
  return out;
}

// Round a (Multi)Polygon; exterior rings counter-clockwise, holes
// clockwise (RFC 7946). Polygons whose exterior collapses are dropped.
function roundPolygonal(geometry) {
  const polygons = [];
  for (const polygon of polygonsOf(geometry)) {
    const exterior = roundRing(polygon[0]);
    if (!exterior) continue;
    if (ringArea2(exterior) < 0) exterior.reverse();
    const rings = [exterior];
    for (const hole of polygon.slice(1)) {
      const r = roundRing(hole);
      if (!r) continue;
      if (ringArea2(r) > 0) r.reverse();
      rings.push(r);
    }
    polygons.push(rings);
  }
  if (!polygons.length) return null;
  return polygons.length === 1
    ? {type: "Polygon", coordinates: polygons[0]}
    : {type: "MultiPolygon", coordinates: polygons};
}

function roundLines(geometry) {
  const lines = [];
  for (const line of geometry.coordinates) {
    const out = [];
    for (const [x, y] of line) {
      const p = [round(x), round(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    if (out.length >= 2) lines.push(out);
  }
  return {type: "MultiLineString", coordinates: lines};
}

// Web Mercator (Leaflet's EPSG:3857) y in degrees, latitude clamped as Leaflet does.
const MAX_LATITUDE = 85.0511287798;
function mercatorY(lat) {
  const s = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180);
  return (90 / Math.PI) * Math.log((1 + s) / (1 - s));
}
const mercatorTriangleArea = (t) => planarTriangleArea(t.map((p) => [p[0], mercatorY(p[1])]));
const mercatorRingArea = (ring) => planarRingArea(ring.map((p) => [p[0], mercatorY(p[1])]));

// Simplify the countries of a topology (see MIN_WEIGHT, MIN_ISLAND_AREA,
// MIN_RING_VERTICES). Returns a new topology without transform.
function simplifyTopology(input) {
  // Only the countries take part: world-atlas's "land" object shares every
  // coastline arc, which would make every island count as attached.
  let topology = presimplify({...input, objects: {countries: input.objects.countries}}, mercatorTriangleArea);

  // Drop small islands (by their unsimplified area), but never the largest
  // polygon of a feature.
  const ringArea = (ring) => mercatorRingArea(topojson.feature(topology, {type: "Polygon", arcs: [ring]}).geometry.coordinates[0]);
  const largest = new Set();
  for (const g of topology.objects.countries.geometries) {
    const exteriors = g.type === "Polygon" ? [g.arcs[0]] : g.type === "MultiPolygon" ? g.arcs.map((p) => p[0]) : [];
    let best = null, bestArea = -1;
    for (const ring of exteriors) {
      const a = ringArea(ring);
      if (a > bestArea) { best = ring; bestArea = a; }
    }
    if (best) largest.add(best.join(","));
  }
  const attached = filterAttached(topology);
  let dropped = 0;
  topology = filterRings(topology, (ring, interior) => {
    const keep = attached(ring, interior) || largest.has(ring.join(",")) || ringArea(ring) >= MIN_ISLAND_AREA;
    if (!keep) dropped++;
    return keep;
  });

  // Keep MIN_RING_VERTICES distinct vertices in every remaining ring: the
  // points of highest weight (the last ones Visvalingam would remove) are
  // lifted to MIN_WEIGHT. Arcs are shared, so neighbours follow.
  let lifted = 0;
  const rings = [];
  for (const g of topology.objects.countries.geometries) {
    if (g.type === "Polygon") rings.push(...g.arcs);
    else if (g.type === "MultiPolygon") for (const p of g.arcs) rings.push(...p);
  }
  for (const ring of rings) {
    let count = 0;
    const candidates = [];
    for (const index of ring) {
      const arc = topology.arcs[index < 0 ? ~index : index];
      count++; // the arc's first point (a node; its last point starts the next arc)
      for (let k = 1; k < arc.length - 1; k++) {
        if (arc[k][2] >= MIN_WEIGHT) count++;
        else candidates.push(arc[k]);
      }
    }
    candidates.sort((a, b) => b[2] - a[2]);
    for (let k = 0; count < MIN_RING_VERTICES && k < candidates.length; k++, count++, lifted++) {
      candidates[k][2] = MIN_WEIGHT;
    }
  }

  const restored = repairCrossings(topology.arcs);

  const before = topology.arcs.reduce((n, arc) => n + arc.length, 0);
  topology = simplify(topology, MIN_WEIGHT);
  const after = topology.arcs.reduce((n, arc) => n + arc.length, 0);
  console.log(`simplify: min weight ${MIN_WEIGHT}, ${dropped} small island(s) dropped, ` +
    `${lifted} point(s) kept for small rings, ${restored} point(s) put back where edges crossed, ` +
    `arc points ${before} -> ${after}`);
  return topology;
}

// Visvalingam keeps shared arcs shared but may still make an edge cross
// another one (in narrow straits, bays and isthmuses). Where two simplified
// edges cross, put back the removed point of highest weight on each, and
// repeat until no edge crosses. arcs: presimplified (z = weight).
function repairCrossings(arcs) {
  let restored = 0;
  for (;;) {
    const segments = [];
    arcs.forEach((arc) => {
      let i = 0;
      for (let j = 1; j < arc.length; j++) {
        if (arc[j][2] < MIN_WEIGHT) continue;
        // Skip the jumps across the antimeridian; they are cut later.
        if (Math.abs(arc[j][0] - arc[i][0]) <= 180) segments.push([arc, i, j]);
        i = j;
      }
    });
    const crossing = new Set();
    forEachCrossing(segments.map(([arc, i, j]) => [arc[i], arc[j]]), (s, t) => {
      crossing.add(s);
      crossing.add(t);
    });
    let changed = 0;
    for (const s of [...crossing].sort((a, b) => a - b)) {
      const [arc, i, j] = segments[s];
      let best = -1;
      for (let k = i + 1; k < j; k++) if (best < 0 || arc[k][2] > arc[best][2]) best = k;
      if (best >= 0) { arc[best][2] = MIN_WEIGHT; changed++; }
    }
    restored += changed;
    if (!changed) return restored;
  }
}

// Call found(s, t) for each pair of segments [a, b] that cross properly
// (touching ends and collinear overlaps do not count).
function forEachCrossing(segments, found) {
  const CELL = 0.5;
  const grid = new Map();
  segments.forEach(([a, b], k) => {
    const x0 = Math.floor(Math.min(a[0], b[0]) / CELL), x1 = Math.floor(Math.max(a[0], b[0]) / CELL);
    const y0 = Math.floor(Math.min(a[1], b[1]) / CELL), y1 = Math.floor(Math.max(a[1], b[1]) / CELL);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = x + "," + y;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(k);
      }
    }
  });
  const orient = (a, b, c) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const seen = new Set();
  for (const cell of grid.values()) {
    for (let i = 0; i < cell.length; i++) {
      const [a, b] = segments[cell[i]];
      for (let j = i + 1; j < cell.length; j++) {
        const [c, d] = segments[cell[j]];
        if (orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0) {
          const key = cell[i] + "," + cell[j];
          if (!seen.has(key)) { seen.add(key); found(cell[i], cell[j]); }
        }
      }
    }
  }
}

// Fail if two segments of the polygons cross (simplification can make a
// ring cross itself or a neighbour). Touching and overlap (shared edges)
// are allowed; only proper crossings count.
function checkNoCrossings(features) {
  const segments = [];
  for (const f of features) {
    for (const polygon of polygonsOf(f.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length - 1; i++) segments.push([ring[i], ring[i + 1], f.properties.name]);
      }
    }
  }
  forEachCrossing(segments, (s, t) => {
    const [a, b, na] = segments[s], [c, d, nb] = segments[t];
    fail(`edges cross: ${na} ${a} - ${b} and ${nb} ${c} - ${d}`);
  });
  console.log(`check: no crossing edges among ${segments.length} country edges`);
}

function writeCollection(name, features) {
  const text = JSON.stringify({type: "FeatureCollection", features}) + "\n";
  writeFileSync(join(here, name), text);
  console.log(`wrote ${name}: ${features.length} features, ${Buffer.byteLength(text)} bytes`);
}

// ---------------------------------------------------------------- countries

const source = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));

// Which features to keep is decided on the unsimplified outlines
// (simplifying can move an edge of a bounding box: Brunei's northern tip
// is at 5.05 N). Natural Earth names are unique in world-atlas.
const inArea = new Set();
for (const g of source.objects.countries.geometries) {
  const decoded = topojson.feature(source, g);
  if (decoded.geometry && meetsArea(bboxOf(decoded.geometry.coordinates))) inArea.add(g.properties.name);
}

const topology = simplifyTopology(source);
const geometries = topology.objects.countries.geometries;

const russia = geometries.find((g) => g.id === "643");
const ukraine = geometries.find((g) => g.id === "804");
if (!russia || !ukraine) fail("Russia or Ukraine not found in world-atlas");
if (russia.type !== "MultiPolygon") fail("Russia is not a MultiPolygon");

// Crimea fix: Natural Earth shows today's de-facto line, with Crimea
// inside Russia. From 1954 to 1991 it was part of the Ukrainian SSR, so
// its polygon(s) move from Russia to Ukraine, merged without a seam.
const crimeaArcs = [];
const russiaArcs = [];
for (const polygonArcs of russia.arcs) {
  const shape = topojson.feature(topology, {type: "Polygon", arcs: polygonArcs}).geometry;
  const [cx, cy] = ringCentroid(shape.coordinates[0]);
  const inCrimea = cx >= CRIMEA.west && cx <= CRIMEA.east && cy >= CRIMEA.south && cy <= CRIMEA.north;
  (inCrimea ? crimeaArcs : russiaArcs).push(polygonArcs);
}
const ukraineTouchesCrimea = covers(topojson.feature(topology, ukraine).geometry, SIMFEROPOL);
if (crimeaArcs.length === 0 && !ukraineTouchesCrimea) fail("no Crimean polygon found in Russia or Ukraine");
console.log(`Crimea: ${crimeaArcs.length} polygon(s) moved from Russia to Ukraine` +
  (ukraineTouchesCrimea ? " (Ukraine already covered Simferopol)" : ""));

const merged = topojson.mergeArcs(topology, [
  ukraine,
  ...crimeaArcs.map((arcs) => ({type: "Polygon", arcs})),
]);
Object.assign(ukraine, {type: merged.type, arcs: merged.arcs});
russia.arcs = russiaArcs;

// Select, label and decode.
const kept = [];
const countries = [];
for (const g of geometries) {
  const name = g.properties.name;
  if (!inArea.has(name)) continue;
  const decoded = topojson.feature(topology, g);
  if (!decoded.geometry) fail(`${name} vanished when simplified`);
  let iso;
  if (g.id === undefined) iso = slug(name);
  else if (ALPHA3[g.id]) iso = ALPHA3[g.id];
  else fail(`no alpha-3 code for numeric id ${g.id} (${name})`);
  const geometry = roundPolygonal(cutAntimeridian(decoded.geometry));
  if (!geometry) fail(`${name} vanished when rounded`);
  g.iso = iso;
  kept.push(g);
  countries.push({type: "Feature", properties: {iso, name, soviet: SOVIET.has(iso)}, geometry});
}
const isos = new Set(countries.map((f) => f.properties.iso));
if (isos.size !== countries.length) fail("duplicate iso codes");
for (const code of SOVIET) if (!isos.has(code)) fail(`Soviet republic ${code} missing`);

// Verify the Crimea fix on the rounded output.
const byIso = (code) => countries.find((f) => f.properties.iso === code).geometry;
for (const [label, point] of [["Simferopol", SIMFEROPOL], ["Sevastopol", SEVASTOPOL], ["Kerch", KERCH]]) {
  const ukr = covers(byIso("UKR"), point), rus = covers(byIso("RUS"), point);
  console.log(`check ${label} ${point}: Ukraine ${ukr}, Russia ${rus}`);
  if (!ukr || rus) fail(`${label} should be in Ukraine and not in Russia`);
}
if (!covers(byIso("UKR"), KYIV)) fail("Kyiv is not in Ukraine");
if (!covers(byIso("RUS"), MOSCOW)) fail("Moscow is not in Russia");

for (const [label, point] of PROBES) {
  const hit = countries.filter((f) => covers(f.geometry, point)).map((f) => f.properties.iso);
  console.log(`probe ${label} ${point}: ${hit.length ? "inside " + hit.join(",") : "not in any country"}`);
}

const jumps = (lines) => lines.some((l) => l.some((p, i) => i > 0 && Math.abs(p[0] - l[i - 1][0]) > 180));
for (const f of countries) {
  if (polygonsOf(f.geometry).some(jumps)) fail(`${f.properties.name} still jumps across the antimeridian`);
}

checkNoCrossings(countries);

writeCollection("countries.geojson", countries);

// ---------------------------------------------------------------- borders

// Shared arcs between two different kept countries, drawn once each.
const collection = {type: "GeometryCollection", geometries: kept};
const soviet = (g) => SOVIET.has(g.iso);
const kinds = [
  ["ussr", (a, b) => a !== b && soviet(a) !== soviet(b)],
  ["republic", (a, b) => a !== b && soviet(a) && soviet(b)],
  ["other", (a, b) => a !== b && !soviet(a) && !soviet(b)],
];
const borders = kinds.map(([kind, filter]) => ({
  type: "Feature",
  properties: {kind},
  geometry: roundLines(topojson.mesh(topology, collection, filter)),
}));

// No border line may cross the Crimean peninsula (south of the isthmus).
for (const f of borders) {
  for (const line of f.geometry.coordinates) {
    for (const [x, y] of line) {
      if (x > 32.6 && x < 36.6 && y > 44.4 && y < 45.9) fail(`a ${f.properties.kind} border runs through Crimea at ${x},${y}`);
    }
  }
}
for (const f of borders) {
  if (jumps(f.geometry.coordinates)) fail(`a ${f.properties.kind} border jumps across the antimeridian`);
}
// Borders come from the same simplified arcs as the fills: every border
// segment must be an edge of a country polygon (no gap or sliver between
// a fill edge and its border line).
const edges = new Set();
for (const f of countries) {
  for (const polygon of polygonsOf(f.geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        edges.add(`${ring[i]};${ring[i + 1]}`);
        edges.add(`${ring[i + 1]};${ring[i]}`);
      }
    }
  }
}
for (const f of borders) {
  for (const line of f.geometry.coordinates) {
    for (let i = 0; i < line.length - 1; i++) {
      if (!edges.has(`${line[i]};${line[i + 1]}`)) fail(`a ${f.properties.kind} border segment ${line[i]}-${line[i + 1]} is not a country edge`);
    }
  }
}
console.log("check: every border segment is a country edge");
writeCollection("borders.geojson", borders);

// ---------------------------------------------------------------- water

const aral = roundPolygonal({
  type: "Polygon",
  coordinates: [ARAL_1960.outer, ARAL_1960.kokaral].map((r) => [...r, r[0]]),
});
writeCollection("water.geojson", [{
  type: "Feature",
  properties: {
    name: "Aral Sea", outline: "approximate hand-drawn outline, c. 1960",
    // the legend's words in the interface's other languages (chosen by the page's legend texts' "lang")
    i18n: {
      ru: {name: "Аральское море", outline: "приблизительный контур от руки, около 1960 года"},
      kk: {name: "Арал теңізі", outline: "шамамен 1960 ж., қолмен сызылған жуық контур"},
    },
  },
  geometry: aral,
}]);
