"""The country codes the shipped base map can draw, read from ``assets/basemap/countries.geojson``.

``check`` refuses a code the map does not have, rather than the map failing later. Reading them
means parsing the whole 400 KB file (~36 ms and 4.5 MB at every load of an exhibit), so the codes
are kept between runs (``$XDG_CACHE_HOME/chronomap/basemap``) by the file's path, size and
modification time: a changed file is read again. Best effort, like the other caches.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path

from chronomap.atomic import write_text_atomic
from chronomap.files import read_json
from chronomap.resources import asset_path
from chronomap.user_dirs import cache_dir, file_stamp

log = logging.getLogger("chronomap.story")


def _index_path(countries: Path) -> Path:
    return cache_dir("basemap") / (hashlib.sha256(file_stamp(countries).encode("utf-8")).hexdigest()[:32] + ".json")


@lru_cache(maxsize=1)
def basemap_codes() -> frozenset[str]:
    """Every ``iso`` of the base map's countries."""
    countries = asset_path("basemap", "countries.geojson")
    index = _index_path(countries)
    try:
        codes = json.loads(index.read_text(encoding="utf-8"))
        if isinstance(codes, list) and all(isinstance(c, str) for c in codes):
            return frozenset(codes)
    except (OSError, ValueError):
        pass
    document = read_json(countries, what="the base map's countries (GeoJSON)")
    found = frozenset(f["properties"]["iso"] for f in document["features"])
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(index, json.dumps(sorted(found)))
    except Exception as exc:  # noqa: BLE001 (a cache: never a reason to refuse an exhibit)
        log.info("base map codes not kept in %s: %s", index.parent, exc)
    return found


def unknown_code_message(code: object) -> str:
    """'found …; expected …' for a code not on the base map, with the closest known codes."""
    from chronomap.story.quoting import quote

    close = difflib.get_close_matches(str(code).upper(), sorted(basemap_codes()), n=3, cutoff=0.6)
    hint = f" such as {', '.join(close)}" if close else " (ISO 3166-1 alpha-3, such as KAZ or RUS)"
    return f"found {quote(code)}, which is not on the base map; expected a country code of assets/basemap/countries.geojson{hint}"
