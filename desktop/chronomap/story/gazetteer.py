"""Place coordinates: a committed offline cache, filled by geopy only on request.

The app reads the cache and never the network.  ``chronomap geocode`` is the
one maintenance path that asks Nominatim (through geopy's RateLimiter, with a
proper user agent, as the service's policy demands) for missing entries.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from chronomap.atomic import write_text_atomic
from chronomap.files import read_json
from chronomap.story.schema import GazetteerEntry, GazetteerFile

GAZETTEER_FILE = "gazetteer.json"
USER_AGENT = "chronomap-gazetteer/0.1 (museum exhibit authoring tool)"


class Located(Protocol):
    """What a geocoder answers (geopy's ``Location``): a point, and optionally an ``address``."""

    @property
    def latitude(self) -> float: ...

    @property
    def longitude(self) -> float: ...


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance between two (lat, lon) points in kilometres."""
    from geopy.distance import distance as geodesic_distance  # geopy costs ~70 ms to import: only when asked

    return float(geodesic_distance(a, b).km)


@dataclass
class Gazetteer:
    path: Path
    entries: dict[str, GazetteerEntry]

    def lookup(self, key: str) -> GazetteerEntry | None:
        return self.entries.get(key)

    def save(self) -> None:
        document = {
            "schema": "chronomap.gazetteer/1",
            "entries": {k: v.model_dump(exclude_none=True) for k, v in sorted(self.entries.items())},
        }
        write_text_atomic(self.path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def load_gazetteer(path: Path) -> Gazetteer:
    """Read a cache file; a missing file is an empty cache.

    Raises :class:`chronomap.files.ReadError` for a file that cannot be read as
    JSON and pydantic's ``ValidationError`` for a wrong shape (both ValueErrors).
    """
    path = Path(path)
    if not os.path.lexists(path):
        return Gazetteer(path, {})
    document = GazetteerFile.model_validate(read_json(path, what="a gazetteer.json (Chronomap coordinate cache, UTF-8 JSON)"))
    return Gazetteer(path, dict(document.entries))


class GeocodingUnavailable(RuntimeError):
    """No geocoding service could be reached."""


@dataclass(frozen=True)
class GeocodeResult:
    key: str
    entry: GazetteerEntry | None
    error: str | None = None


def nominatim_geocoder(timeout: float = 10.0) -> Callable[[str], Located | None]:
    """Nominatim behind geopy's RateLimiter: at most one request a second, as its policy asks."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    service = Nominatim(user_agent=USER_AGENT, timeout=timeout)
    return RateLimiter(service.geocode, min_delay_seconds=1.0, max_retries=1, swallow_exceptions=False)


def fill_missing(
    gazetteer: Gazetteer,
    keys: Iterable[str],
    geocode: Callable[[str], Located | None],
) -> list[GeocodeResult]:
    """Geocode the keys the cache lacks; stop at the first network failure."""
    from geopy.exc import GeocoderServiceError, GeopyError

    results: list[GeocodeResult] = []
    for key in keys:
        if key in gazetteer.entries:
            continue
        try:
            location = geocode(key)
        except GeocoderServiceError as exc:  # unreachable service, timeouts, refusals
            raise GeocodingUnavailable(f"the geocoding service could not be reached ({exc})") from exc
        except GeopyError as exc:
            results.append(GeocodeResult(key, None, str(exc)))
            continue
        if location is None:
            results.append(GeocodeResult(key, None, "no match"))
            continue
        entry = GazetteerEntry(
            lat=round(location.latitude, 5),
            lon=round(location.longitude, 5),
            source="OpenStreetMap Nominatim via geopy (ODbL)",
            display_name=getattr(location, "address", None),
        )
        gazetteer.entries[key] = entry
        results.append(GeocodeResult(key, entry))
    return results
