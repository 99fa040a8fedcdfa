"""The country codes the shipped base map can draw, read from ``assets/basemap/countries.geojson``.

``check`` refuses a code the map does not have, rather than the map failing later.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from chronomap.files import read_json
from chronomap.resources import asset_path


@lru_cache(maxsize=1)
def basemap_codes() -> frozenset[str]:
    """Every ``iso`` of the base map's countries."""
    document = read_json(asset_path("basemap", "countries.geojson"), what="the base map's countries (GeoJSON)")
    return frozenset(f["properties"]["iso"] for f in document["features"])


def unknown_code_message(code: object) -> str:
    """'found …; expected …' for a code not on the base map, with the closest known codes."""
    from chronomap.story.quoting import quote

    close = difflib.get_close_matches(str(code).upper(), sorted(basemap_codes()), n=3, cutoff=0.6)
    hint = f" such as {', '.join(close)}" if close else " (ISO 3166-1 alpha-3, such as KAZ or RUS)"
    return f"found {quote(code)}, which is not on the base map; expected a country code of assets/basemap/countries.geojson{hint}"
