"""The map page rendered by folium: the HTML :func:`chronomap.map.page.build_page` writes.

Imported only when a page is not in the page cache (folium and its dependencies take about a
quarter of a second to import; a cached page is copied instead).
"""

from __future__ import annotations

import folium
from folium.elements import MacroElement
from folium.template import Template

from chronomap.map import bridge
from chronomap.map.page import (
    ANTIMERIDIAN_WRAP,
    MAX_BOUNDS,
    MAX_ZOOM,
    MIN_ZOOM,
    QWEBCHANNEL_URL,
    MapSpec,
    leaflet_dir,
    page_script_paths,
)
from chronomap.resources import asset_path


class _LocalMap(folium.Map):
    """A folium map whose page links only local files (no CDN)."""

    def __init__(self, *, js: list[tuple[str, str]], css: list[tuple[str, str]], **kwargs):
        # Instance attributes: never mutate folium's class-level lists.
        self.default_js = list(js)
        self.default_css = list(css)
        super().__init__(**kwargs)


class _PageInit(MacroElement):
    """Hands the folium layers to ``chronomap.init`` once they all exist."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this.script }};
        {% endmacro %}
        """
    )

    def __init__(self, map_name: str, config: dict):
        super().__init__()
        self._name = "ChronomapInit"
        self.script = bridge.init(map_name, config)


class _PageTitle(MacroElement):
    """The document title, from the spec."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <title>{{ this.title|e }}</title>
        {% endmacro %}
        """
    )

    def __init__(self, title: str):
        super().__init__()
        self._name = "ChronomapTitle"
        self.title = title


def _upcoming_path_style(kind: str) -> dict:
    """First-paint style; the page script restyles every layer at init."""
    if kind == "city":
        return dict(
            radius=5,
            color="#8c8478",
            weight=1.5,
            fill=True,
            fill_color="#f6f2ea",
            fill_opacity=0.9,
        )
    return dict(color="#8c8478", weight=1.2, fill=True, fill_color="#f6f2ea", fill_opacity=0.1)


def render_page(spec: MapSpec, basemap: dict[str, str]) -> str:
    """The page's HTML for a checked *spec*, the base map's layers at the URLs *basemap* gives."""
    leaflet = leaflet_dir()
    map_assets = asset_path("map")
    js = [
        ("leaflet", (leaflet / "leaflet.js").resolve().as_uri()),
        ("qwebchannel", QWEBCHANNEL_URL),
        *((f"chronomap_{path.stem}", path.resolve().as_uri()) for path in page_script_paths()),
    ]
    css = [
        ("leaflet_css", (leaflet / "leaflet.css").resolve().as_uri()),
        ("chronomap_css", (map_assets / "chronomap.css").resolve().as_uri()),
    ]

    (south, west), (north, east) = spec.bounds
    (min_lat, min_lon), (max_lat, max_lon) = MAX_BOUNDS
    fmap = _LocalMap(
        js=js,
        css=css,
        location=[(south + north) / 2.0, (west + east) / 2.0],
        zoom_start=4,
        tiles=None,
        zoom_control=True,
        attribution_control=False,  # the page script adds one with no prefix link
        max_bounds=True,
        min_lat=min_lat,
        max_lat=max_lat,
        min_lon=min_lon,
        max_lon=max_lon,
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
        zoom_snap=0.25,
        zoom_delta=0.5,
        wheel_px_per_zoom_level=120,
        max_bounds_viscosity=1.0,
        world_copy_jump=False,
        fade_animation=True,
        box_zoom=False,
        font_size="1rem",
    )
    fmap.add_child(_PageTitle(spec.title))

    places_config = []
    for place in spec.places:
        layer_name = None
        layer: folium.CircleMarker | folium.GeoJson
        if place.kind == "city" or (place.geometry is None and not place.isos):
            layer = folium.CircleMarker(
                location=[place.lat, place.lon],
                bubbling_mouse_events=False,
                **_upcoming_path_style("city"),
            )
            layer.add_to(fmap)
            layer_name = layer.get_name()
        elif place.geometry is not None:
            style = _upcoming_path_style("region")
            layer = folium.GeoJson(
                {
                    "type": "Feature",
                    "geometry": place.geometry,
                    "properties": {"place": place.id},
                },
                name=place.id,
                style_function=lambda _feature, style=style: {
                    "color": style["color"],
                    "weight": style["weight"],
                    "fillColor": style["fill_color"],
                    "fillOpacity": style["fill_opacity"],
                },
                control=False,
                bubbling_mouse_events=False,
            )
            layer.add_to(fmap)
            layer_name = layer.get_name()
        # else: a republic (or state) drawn by its base-map country features.
        places_config.append(
            {
                "id": place.id,
                "label": place.label,
                "kind": place.kind,
                "lat": place.lat,
                "lon": place.lon,
                "layer": layer_name,
                "isos": list(place.isos) if layer_name is None else [],
            }
        )

    config = {
        "title": spec.title,
        "attribution": spec.attribution,
        "legend": spec.legend,
        "vector": spec.vector,
        "bounds": [[south, west], [north, east]],
        "places": places_config,
        "basemap": basemap,
        "wrapWest": ANTIMERIDIAN_WRAP,
    }
    fmap.add_child(_PageInit(fmap.get_name(), config))

    return fmap.get_root().render()
