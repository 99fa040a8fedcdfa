"""Region outlines the map can draw: a GeoJSON Polygon or MultiPolygon, checked before it is drawn.

The shape is checked by hand first (exact nesting, numbers, ranges, closed rings,
a bound on the number of positions), iteratively, so garbage can neither
recurse nor hang; only then does ``shapely`` judge what needs geometry: rings
that cross themselves or each other.
"""

from __future__ import annotations

import math
from typing import Any

from chronomap.story.quoting import quote
from chronomap.story.shape_memo import known_valid, remember_valid, shape_key

#: Positions in one place's outline; a detailed country border has a few thousand.
MAX_POSITIONS = 100_000

Ring = list[tuple[float, float]]


class GeometryProblem(ValueError):
    """``where`` is the place inside the geometry ('coordinates[0][3]'); the message says found and expected."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _ring(ring: Any, where: str, budget: list[int]) -> Ring:
    if not isinstance(ring, list):
        raise GeometryProblem(where, f"found {quote(ring)}; expected a ring: a list of [longitude, latitude] positions")
    points: Ring = []
    for k, position in enumerate(ring):
        at = f"{where}[{k}]"
        if not (isinstance(position, list) and len(position) in (2, 3) and all(_number(v) for v in position)):
            raise GeometryProblem(at, f"found {quote(position)}; expected a position [longitude, latitude]: two numbers")
        lon, lat = position[0], position[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GeometryProblem(at, f"found [{lon}, {lat}], out of range; expected longitude −180…180 first, "
                                      "then latitude −90…90")
        points.append((float(lon), float(lat)))
    budget[0] -= len(points)
    if budget[0] < 0:
        raise GeometryProblem(where, f"found more than {MAX_POSITIONS:,} positions in this outline; expected at most "
                                     f"{MAX_POSITIONS:,} (simplify it)")
    if len(points) < 4:
        raise GeometryProblem(where, f"found a ring of {len(points)} position{'s' if len(points) != 1 else ''}; expected at "
                                     "least 4: three corners and the first again to close it")
    if points[0] != points[-1]:
        raise GeometryProblem(where, f"found a ring that is not closed (it starts at {list(points[0])} and ends at "
                                     f"{list(points[-1])}); expected the last position to repeat the first")
    distinct = len(set(points))
    if distinct < 3:
        raise GeometryProblem(where, f"found a ring of only {distinct} distinct point{'s' if distinct != 1 else ''}; "
                                     "expected at least 3")
    return points


def _polygon(rings: Any, where: str, budget: list[int]) -> list[Ring]:
    if not isinstance(rings, list) or not rings:
        raise GeometryProblem(where, f"found {quote(rings)}; expected a polygon: a list of rings, the outline first, "
                                     "then any holes")
    return [_ring(ring, f"{where}[{j}]", budget) for j, ring in enumerate(rings)]


def _reason(geometry: Any) -> str:
    import shapely

    return str(shapely.is_valid_reason(geometry))


def check_geometry(geometry: Any) -> None:
    """Raise :class:`GeometryProblem` for the first thing in *geometry* the map could not draw.

    shapely is imported only for an outline it has not judged valid before (:mod:`chronomap.story.shape_memo`).
    """
    if not isinstance(geometry, dict):
        raise GeometryProblem("", f"found {quote(geometry)}; expected a GeoJSON Polygon or MultiPolygon object")
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    budget = [MAX_POSITIONS]
    if kind == "Polygon":
        polygons = [("coordinates", _polygon(coordinates, "coordinates", budget))]
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise GeometryProblem("coordinates", f"found {quote(coordinates)}; expected a list of polygons")
        polygons = [(f"coordinates[{i}]", _polygon(p, f"coordinates[{i}]", budget)) for i, p in enumerate(coordinates)]
    else:
        raise GeometryProblem("type", f"found {quote(kind)}; expected 'Polygon' or 'MultiPolygon'")
    key = shape_key(polygons)
    if not known_valid(key):
        _judge(polygons)
        remember_valid(key)


def _judge(polygons: list[tuple[str, list[Ring]]]) -> None:
    import shapely

    shapes = []
    for where, rings in polygons:
        shape = shapely.Polygon(rings[0], rings[1:])
        if not shape.is_valid:
            raise GeometryProblem(where, f"found an outline that is not a simple polygon ({_reason(shape)}); "
                                         "expected rings that neither cross themselves nor each other")
        shapes.append(shape)
    if len(shapes) > 1:
        multi = shapely.MultiPolygon(shapes)
        if not multi.is_valid:
            raise GeometryProblem("coordinates", f"found polygons that overlap ({_reason(multi)}); expected separate "
                                                 "polygons")
