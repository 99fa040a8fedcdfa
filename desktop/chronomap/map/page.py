"""Build the map page once, with folium, as a local HTML file.

Pure Python: nothing here imports Qt. The page is written to a directory and
loaded by :class:`chronomap.qt.map_view.MapView` with a ``file://`` URL; after
that the page is never rebuilt or reloaded for a change of state: the page-side
script (the files of ``assets/map/js/``, :data:`PAGE_SCRIPTS`) restyles the
layers built here.

Everything the page references is local: Leaflet from the installed
``xstatic-leaflet`` package, the page script from ``assets/map/js/`` and its
style sheet ``assets/map/chronomap.css``, the base map GeoJSON from
``assets/basemap/`` and Qt's ``qrc:///qtwebchannel/qwebchannel.js``; all but the
last are written into the page (:mod:`chronomap.map.page_inline`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chronomap.resources import asset_path

if TYPE_CHECKING:
    from chronomap.map.page_types import PageState

log = logging.getLogger("chronomap.map")

PLACE_KINDS = ("city", "region", "republic", "state")
BASEMAP_LAYERS = ("countries", "borders", "water")

QWEBCHANNEL_URL = "qrc:///qtwebchannel/qwebchannel.js"

#: The page script's files in ``assets/map/js/``, in the order the page loads them:
#: the namespace first, the file that defines ``chronomap.init`` last. Each adds one
#: part to the one global, ``window.chronomap``; they call each other only once
#: ``chronomap.init`` runs, after all are loaded.
PAGE_SCRIPTS = (
    "namespace.js",  # window.chronomap, its constants and the state several files share
    "util.js",  # helpers without state
    "host.js",  # QWebChannel wiring and error reporting
    "styles.js",  # palette, style tables, the look (chronomap.appearance)
    "outlines.js",  # the base map's outlines in number arrays, drawn without garbage
    "canvases.js",  # the base map's canvases shown as one picture
    "basemap.js",  # graticule, countries, borders, water
    "places.js",  # place records, their layers' styles, label texts
    "label_room.js",  # what labels keep clear of: rectangles kept free, the map's furniture
    "labels.js",  # label placement
    "legend.js",  # the legend (chronomap.setLegend)
    "view.js",  # framing and glides (showPlace, setView, resetView, isMoving)
    "state.js",  # chronomap.applyState
    "snapshot.js",  # setChrome, captionText, paint marks, chronomap.snapshot
    "lockdown.js",  # chronomap.lockDown
    "edit.js",  # the editor's map: setEditing, showCandidates, movePlace, editState
    "main.js",  # chronomap.init
)

#: Leaflet map options: zoom limits and the box the view may not leave
#: (Eurasia with some sea around it, east past the Bering Strait: the far side
#: of the antimeridian is drawn at longitudes beyond 180, see ANTIMERIDIAN_WRAP).
MIN_ZOOM = 2.5
MAX_ZOOM = 9
MAX_BOUNDS = ((-12.0, -30.0), (84.0, 200.0))

#: A base-map polygon reaching west of this longitude lies beyond the antimeridian
#: (Chukotka's tip, Alaska, the Aleutians): the page draws it 360 degrees east, next to
#: the rest of its coast, and framing (chronomap.map.view_state) measures it there.
ANTIMERIDIAN_WRAP = -150.0

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_ISO_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,9}$")


@dataclass(frozen=True)
class MapPlace:
    id: str
    label: str  # label at the exhibit's start, e.g. "Alma-Ata (Almaty)"
    kind: str  # "city" | "region" | "republic" | "state"
    lat: float  # the dot of a city; where the label of an area goes
    lon: float
    geometry: dict | None = None  # GeoJSON geometry for regions (Donbas, Kuzbass), else None
    basemap_iso: str | None = None  # a region drawn by a base-map country, e.g. "KAZ"
    basemap_isos: tuple[str, ...] = ()  # or by several (the USSR: its 15 republics)

    @property
    def isos(self) -> tuple[str, ...]:
        """The base-map countries that draw this place (none for cities and regions)."""
        if self.basemap_isos:
            return tuple(self.basemap_isos)
        return (self.basemap_iso,) if self.basemap_iso else ()


@dataclass(frozen=True)
class MapSpec:
    title: str
    places: tuple[MapPlace, ...]
    bounds: tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))
    attribution: str  # plain text credit line
    legend: dict[str, str] | None = None  # legend texts: title, current, past, upcoming, focus, focusIndependent, union, ussr, note
    vector: bool = False  # draw the base map as SVG (a PDF keeps vectors) rather than canvas (fast on screen)


def page_script_paths() -> list[Path]:
    """The page script's files, in load order."""
    folder = asset_path("map", "js")
    return [folder / name for name in PAGE_SCRIPTS]


def leaflet_dir() -> Path:
    """The directory of the installed Leaflet (leaflet.js, leaflet.css, images/)."""
    from xstatic.pkg import leaflet

    return Path(leaflet.BASE_DIR)


def validate_spec(spec: MapSpec) -> None:
    """Raise ValueError when the spec can't be drawn."""
    seen: set[str] = set()
    for place in spec.places:
        if not _ID_RE.match(place.id):
            raise ValueError(f"place id {place.id!r} must be letters, digits, '_', '.', ':' or '-'")
        if place.id in seen:
            raise ValueError(f"duplicate place id {place.id!r}")
        seen.add(place.id)
        if place.kind not in PLACE_KINDS:
            raise ValueError(f"place {place.id!r}: kind {place.kind!r} not in {PLACE_KINDS}")
        if not (-90.0 <= place.lat <= 90.0 and -180.0 <= place.lon <= 180.0):
            raise ValueError(f"place {place.id!r}: ({place.lat}, {place.lon}) is not a coordinate")
        if isinstance(place.basemap_isos, str):
            raise ValueError(f"place {place.id!r}: basemap_isos must be a tuple of codes")
        for iso in (place.basemap_iso, *place.basemap_isos):
            if iso is not None and not (isinstance(iso, str) and _ISO_RE.match(iso)):
                raise ValueError(f"place {place.id!r}: base-map code {iso!r} is not a code")
        if place.geometry is not None:
            if not isinstance(place.geometry, dict) or "type" not in place.geometry:
                raise ValueError(f"place {place.id!r}: geometry must be a GeoJSON geometry")
    (south, west), (north, east) = spec.bounds
    if not (south < north and west < east):
        raise ValueError(f"bounds {spec.bounds!r} must be ((south, west), (north, east))")


def basemap_urls(basemap_dir: Path) -> dict[str, str]:
    urls: dict[str, str] = {}
    for name in BASEMAP_LAYERS:
        path = basemap_dir / f"{name}.geojson"
        if path.is_file():
            urls[name] = path.resolve().as_uri()
        else:
            log.warning("base map layer %s missing: %s", name, path)
    return urls


def page_identity(spec: MapSpec, opening: PageState | None, *, basemap_dir: Path | None = None) -> str:
    """What :func:`build_page` would write for these arguments, in a few characters: equal identities,
    equal pages (the page cache's key, and the opening)."""
    import hashlib

    from chronomap.map import page_cache
    from chronomap.map.bridge import js_literal

    urls = basemap_urls(Path(basemap_dir) if basemap_dir is not None else asset_path("basemap"))
    text = page_cache.key(spec, urls) + "\n" + (js_literal(dict(opening)) if opening is not None else "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def build_page(spec: MapSpec, out_dir: Path, *, basemap_dir: Path | None = None,
               opening: PageState | None = None) -> Path:
    """Write the map page for *spec* to ``out_dir/index.html`` and return its path.

    *basemap_dir* defaults to ``assets/basemap``; a missing layer file is left
    out of the page (with a warning) rather than failing the build. A page built
    before for the same spec, code and assets is copied from the page cache
    (:mod:`chronomap.map.page_cache`) without importing folium. The page holds its
    scripts, styles and base map (:mod:`chronomap.map.page_inline`); *opening*, a
    page state, is what its first frame shows (give the view the same state after
    :meth:`~chronomap.qt.map_view.MapView.load`: the page confirms it without drawing again).
    """
    from chronomap.map import page_cache
    from chronomap.map.page_inline import inline_page, with_opening

    validate_spec(spec)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    basemap_dir = Path(basemap_dir) if basemap_dir is not None else asset_path("basemap")
    urls = basemap_urls(basemap_dir)
    key = page_cache.key(spec, urls)
    html = page_cache.read(key)
    if html is None:
        from chronomap.map.page_render import render_page

        html = inline_page(render_page(spec, urls), urls)
        page_cache.write(key, html)
    index = out_dir / "index.html"
    index.write_text(with_opening(html, opening), encoding="utf-8")
    return index
