"""An exhibit's period and map frame, worked out from its events and places."""

from __future__ import annotations

from collections.abc import Iterable

from chronomap.story.dates import DateSpan, from_day_number


def _year(year: int) -> str:
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def period_edtf(spans: Iterable[DateSpan]) -> str:
    """Whole years from the first event's year to the last one's, as EDTF ('1985/1991')."""
    spans = list(spans)
    first = from_day_number(min(s.start for s in spans))[0]
    last = from_day_number(max(s.end for s in spans))[0]
    return _year(first) if first == last else f"{_year(first)}/{_year(last)}"


#: The frame of an exhibit with no place on the map yet (an empty start, a draft of places the gazetteer lacks).
WORLD_BOUNDS = [[-56.0, -170.0], [75.0, 170.0]]


def map_bounds(points: Iterable[tuple[float, float]]) -> list[list[float]]:
    """[[south, west], [north, east]] around (lat, lon) points, with a margin; the whole world without any."""
    points = list(points)
    if not points:
        return [list(corner) for corner in WORLD_BOUNDS]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    pad_lat = max(3.0, 0.15 * (max(lats) - min(lats)))
    pad_lon = max(4.0, 0.15 * (max(lons) - min(lons)))
    return [[round(max(-90.0, min(lats) - pad_lat), 2), round(max(-180.0, min(lons) - pad_lon), 2)],
            [round(min(90.0, max(lats) + pad_lat), 2), round(min(180.0, max(lons) + pad_lon), 2)]]
