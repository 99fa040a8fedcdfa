"""The country codes the shipped base map can draw, read from ``assets/basemap/countries.geojson``.

``check`` refuses a code the map does not have, rather than the map failing later. Reading them
means parsing the whole 400 KB file (~36 ms and 4.5 MB at every load of an exhibit), so the data
build writes them beside it (``countries.codes.json``, :func:`write_codes_index`) with the
SHA-256 of the file they come from: the index is used only while the file is that one (hashing it
takes ~1 ms); a changed file is parsed, as before. Nothing is written at run time.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from chronomap.files import read_json
from chronomap.resources import asset_path

INDEX_NAME = "countries.codes.json"


def _codes_of(countries: Path) -> frozenset[str]:
    document = read_json(countries, what="the base map's countries (GeoJSON)")
    return frozenset(f["properties"]["iso"] for f in document["features"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def basemap_codes() -> frozenset[str]:
    """Every ``iso`` of the base map's countries."""
    countries = asset_path("basemap", "countries.geojson")
    try:
        index = json.loads((countries.parent / INDEX_NAME).read_text(encoding="utf-8"))
        codes = index["codes"]
        if index["countries_sha256"] == _digest(countries) and all(isinstance(c, str) for c in codes):
            return frozenset(codes)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no index, or not this file's: read the file itself
    return _codes_of(countries)


def write_codes_index(folder: Path | None = None) -> Path:
    """Write ``countries.codes.json`` for the countries file in *folder* (the data build's last step)."""
    folder = Path(folder) if folder is not None else asset_path("basemap")
    countries = folder / "countries.geojson"
    index = folder / INDEX_NAME
    text = json.dumps({"countries_sha256": _digest(countries), "codes": sorted(_codes_of(countries))}, indent=0)
    index.write_text(text + "\n", encoding="utf-8")
    return index


def unknown_code_message(code: object) -> str:
    """'found …; expected …' for a code not on the base map, with the closest known codes."""
    from chronomap.story.quoting import quote

    close = difflib.get_close_matches(str(code).upper(), sorted(basemap_codes()), n=3, cutoff=0.6)
    hint = f" such as {', '.join(close)}" if close else " (ISO 3166-1 alpha-3, such as KAZ or RUS)"
    return f"found {quote(code)}, which is not on the base map; expected a country code of assets/basemap/countries.geojson{hint}"
