"""The map pages built before, kept between runs (``$XDG_CACHE_HOME/chronomap/pages``).

Rendering a page needs folium, whose import alone takes about a quarter of a second of every
start; a page depends only on the spec, the code that writes it and where its assets are, so
one built before for the same of all three is copied instead. The key covers the spec, the
base map's URLs, the asset folders, this package's version, the files that write a page and
folium's, and the files written into it (scripts, styles, the base map: their size and
modification time); anything else changed builds a new page.

The cache is best effort: a folder that cannot be read or written (a read-only kiosk home)
only means the page is rendered, as without it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from chronomap import __version__, user_dirs
from chronomap.atomic import write_text_atomic
from chronomap.map.page import PAGE_SCRIPTS, MapSpec, leaflet_dir, page_script_paths
from chronomap.resources import asset_path
from chronomap.user_dirs import file_stamp

log = logging.getLogger("chronomap.map")

KEEP = 16  # pages kept; older ones are removed when a new one is written
_WRITERS = ("page.py", "page_render.py", "page_inline.py", "bridge.py", "page_types.py", "page_cache.py")


def _written_in(basemap: dict[str, str]) -> list[Path]:
    """The files a page holds (:mod:`chronomap.map.page_inline`): Leaflet, the page script and styles, the base map."""
    leaflet = leaflet_dir()
    return [leaflet / "leaflet.js", leaflet / "leaflet.css", asset_path("map", "chronomap.css"), *page_script_paths(),
            *(Path(unquote(urlparse(url).path)) for _, url in sorted(basemap.items()))]


def cache_dir() -> Path:
    return user_dirs.cache_dir("pages")


def key(spec: MapSpec, basemap: dict[str, str]) -> str:
    """The cache key of the page for *spec* with the base map at *basemap*'s URLs."""
    here = Path(__file__).parent
    folium_spec = importlib.util.find_spec("folium")  # found, not imported
    parts = [
        __version__,
        repr(spec),
        repr(sorted(basemap.items())),
        repr(PAGE_SCRIPTS),
        str(leaflet_dir()),
        str(asset_path("map")),
        file_stamp(folium_spec.origin if folium_spec else None),
        *(file_stamp(here / name) for name in _WRITERS),
        *(file_stamp(path) for path in _written_in(basemap)),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def read(page_key: str) -> str | None:
    """The cached page's HTML, or None."""
    path = cache_dir() / f"{page_key}.html"
    try:
        html = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not html.rstrip().endswith("</html>"):  # cut short (a full disk): build it again
        return None
    try:
        os.utime(path)  # recently used: kept longest
    except OSError:
        pass
    return html


def write(page_key: str, html: str) -> None:
    """Keep *html* for *page_key*; a failure is logged and otherwise ignored."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(folder / f"{page_key}.html", html)
        pages = sorted(folder.glob("*.html"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in pages[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001 (a cache: never a reason to fail a start)
        log.info("map page not cached in %s: %s", folder, exc)
