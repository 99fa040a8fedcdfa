"""Where a Linked Places record is: its point and outline, from GeoJSON coordinates or WKT (``geowkt``).

The file is someone else's, so every reader here answers a geometry or None, never an exception from
the geometry code.  shapely is imported only when a file carries WKT or an outline.
"""

from __future__ import annotations

import json
from typing import Any

#: The longest WKT read (a detailed country outline is about 200 KB).
MAX_WKT_CHARS = 2_000_000


def geometries_of(geometry: Any) -> list[dict]:
    if not isinstance(geometry, dict):
        return []
    if geometry.get("type") == "GeometryCollection":
        members = geometry.get("geometries")
        return [g for g in members if isinstance(g, dict)] if isinstance(members, list) else []
    return [geometry]


def _wkt(geometry: dict) -> dict | None:
    """The geometry written as WKT ('geowkt', as World Historical Gazetteer writes it, or the spec's 'geo_wkt'), as GeoJSON."""
    text = geometry.get("geowkt") or geometry.get("geo_wkt")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_WKT_CHARS:
        return None
    import shapely
    from shapely.geometry import mapping

    try:
        shape = shapely.from_wkt(text)
    except (shapely.errors.ShapelyError, ValueError):
        return None
    if shape is None or shape.is_empty:
        return None
    found = mapping(shape)
    return json.loads(json.dumps(found))  # tuples to lists, as GeoJSON read from a file


def _well_formed(outline: dict) -> bool:
    """Rings of numeric positions that shapely can build into an outline with an area to place a point in.

    The file is someone else's: whatever its coordinates hold (empty rings, nulls, numbers where rings
    belong), the answer is a yes or no, never an exception from deep inside the geometry code.
    """
    from shapely.geometry import shape

    try:
        geometry = shape(outline)
        return not geometry.is_empty and geometry.area > 0
    except Exception:  # shapely raises TypeError, ValueError, IndexError or its own GEOSException on junk
        return False


def point_of(geometry: dict) -> tuple[float, float] | None:
    coords = geometry.get("coordinates")
    if geometry.get("type") == "Point" and isinstance(coords, list) and len(coords) >= 2 \
            and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2]):
        return float(coords[1]), float(coords[0])
    wkt = _wkt(geometry)
    if wkt is not None and wkt.get("type") == "Point":
        return float(wkt["coordinates"][1]), float(wkt["coordinates"][0])
    return None


def outline_of(geometry: dict) -> dict | None:
    """A Polygon or MultiPolygon, from GeoJSON coordinates or from WKT."""
    if geometry.get("type") in ("Polygon", "MultiPolygon") and isinstance(geometry.get("coordinates"), list) \
            and geometry["coordinates"]:
        outline = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
        return outline if _well_formed(outline) else None
    wkt = _wkt(geometry)
    if wkt is not None and wkt.get("type") in ("Polygon", "MultiPolygon"):
        return {"type": wkt["type"], "coordinates": wkt["coordinates"]}
    return None
