"""The map page is written once, references only local files, and carries every place."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from chronomap.map.page import PAGE_SCRIPTS, MapPlace, MapSpec, build_page, leaflet_dir
from chronomap.resources import asset_path

DONBAS = {
    "type": "Polygon",
    "coordinates": [[[37.0, 47.2], [39.5, 47.2], [39.8, 48.6], [37.4, 49.0], [37.0, 47.2]]],
}

PLACES = (
    MapPlace("moscow", "Moscow", "city", 55.756, 37.617),
    MapPlace("almaty", "Alma-Ata (Almaty)", "city", 43.257, 76.929),
    MapPlace("donbas", "Donbas </script><b>", "region", 48.0, 38.0, geometry=DONBAS),
    MapPlace("kazakh-ssr", "Kazakh SSR", "republic", 48.0, 67.5, basemap_iso="KAZ"),
    MapPlace("ussr", "Soviet Union", "state", 61.5, 60.0, basemap_isos=("RUS", "KAZ")),
)

SPEC = MapSpec(
    title="Perestroika in Kazakhstan, 1986–1991",
    places=PLACES,
    bounds=((38.0, 28.0), (60.0, 92.0)),
    attribution="Base map: Natural Earth",
)

URL_ATTR_RE = re.compile(r"""<(script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.I)


@pytest.fixture
def basemap_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "basemap"
    folder.mkdir()
    square = {"type": "Polygon", "coordinates": [[[50, 40], [80, 40], [80, 55], [50, 55], [50, 40]]]}
    for name, props in (
        ("countries", {"iso": "KAZ", "name": "Kazakhstan", "soviet": True}),
        ("water", {"name": "Aral Sea", "outline": "c. 1960"}),
    ):
        doc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": props, "geometry": square}]}
        (folder / f"{name}.geojson").write_text(json.dumps(doc), encoding="utf-8")
    line = {"type": "MultiLineString", "coordinates": [[[50, 40], [80, 40]]]}
    doc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "ussr"}, "geometry": line}]}
    (folder / "borders.geojson").write_text(json.dumps(doc), encoding="utf-8")
    return folder


@pytest.fixture
def html(tmp_path: Path, basemap_dir: Path) -> str:
    index = build_page(SPEC, tmp_path / "page", basemap_dir=basemap_dir)
    assert index == tmp_path / "page" / "index.html"
    return index.read_text(encoding="utf-8")


def _resource_urls(html: str) -> list[str]:
    return [url for _tag, url in URL_ATTR_RE.findall(html)]


def test_no_remote_script_or_link(html: str):
    urls = _resource_urls(html)
    assert urls, "the page links its scripts and styles"
    for url in urls:
        assert not url.lower().startswith(("http://", "https://", "//")), url
    assert "cdn." not in html and "cdnjs" not in html and "jquery" not in html.lower()
    assert not re.search(r"https?://", html), "no outbound URL anywhere in the page"


def test_local_files_exist(html: str):
    for url in _resource_urls(html):
        parsed = urlparse(url)
        assert parsed.scheme in {"file", "qrc"}, url
        if parsed.scheme == "file":
            assert Path(unquote(parsed.path)).is_file(), url


def test_leaflet_comes_from_xstatic(html: str):
    leaflet_js = (leaflet_dir() / "leaflet.js").resolve().as_uri()
    leaflet_css = (leaflet_dir() / "leaflet.css").resolve().as_uri()
    urls = _resource_urls(html)
    assert leaflet_js in urls
    assert leaflet_css in urls
    assert "xstatic" in leaflet_js


def test_page_script_style_and_channel(html: str):
    urls = _resource_urls(html)
    scripts = [asset_path("map", "js", name).resolve().as_uri() for name in PAGE_SCRIPTS]
    assert asset_path("map", "chronomap.css").resolve().as_uri() in urls
    assert "qrc:///qtwebchannel/qwebchannel.js" in urls
    # every file of the page script once, in PAGE_SCRIPTS' order, after Leaflet and the channel it uses
    assert [url for url in urls if url in scripts] == scripts
    first = urls.index(scripts[0])
    assert urls.index((leaflet_dir() / "leaflet.js").resolve().as_uri()) < first
    assert urls.index("qrc:///qtwebchannel/qwebchannel.js") < first
    assert scripts[0].endswith("/namespace.js") and scripts[-1].endswith("/main.js")


def test_page_calls_init_once_after_its_scripts(html: str):
    calls = re.findall(r"chronomap\.init\((map_[0-9a-f]+),", html)
    assert len(calls) == 1
    assert html.index(calls[0] + " = L.map(") < html.index("chronomap.init(")
    assert html.index(asset_path("map", "js", "main.js").resolve().as_uri()) < html.index("chronomap.init(")


def test_place_isos():
    assert MapPlace("a", "x", "republic", 1, 2, basemap_iso="KAZ").isos == ("KAZ",)
    assert MapPlace("a", "x", "state", 1, 2, basemap_isos=("RUS", "KAZ")).isos == ("RUS", "KAZ")
    assert MapPlace("a", "x", "city", 1, 2).isos == ()


def test_every_place_id_is_in_the_page(html: str):
    for place in PLACES:
        assert f'"{place.id}"' in html


def test_place_layers(html: str):
    assert html.count("L.circleMarker(") == 2  # the two cities
    assert "L.geoJson(" in html  # Donbas
    assert '"isos":["KAZ"]' in html  # the republic drawn by the base map
    assert '"isos":["RUS","KAZ"]' in html  # the state drawn by several countries


def test_labels_cannot_break_out_of_the_script(html: str):
    assert "</script><b>" not in html
    assert "Donbas \\u003c/script\\u003e\\u003cb\\u003e" in html


def test_no_tile_layer_and_no_attribution_prefix(html: str):
    assert "tileLayer" not in html
    assert '"attributionControl": false' in html


def test_basemap_files_are_local(html: str, basemap_dir: Path):
    for name in ("countries", "borders", "water"):
        assert (basemap_dir / f"{name}.geojson").resolve().as_uri() in html


def test_default_basemap_is_the_asset(tmp_path: Path):
    index = build_page(SPEC, tmp_path / "page")
    text = index.read_text(encoding="utf-8")
    for name in ("countries", "borders", "water"):
        path = asset_path("basemap", f"{name}.geojson")
        if path.is_file():
            assert path.resolve().as_uri() in text


def test_missing_basemap_layer_is_left_out(tmp_path: Path, basemap_dir: Path, caplog):
    (basemap_dir / "water.geojson").unlink()
    index = build_page(SPEC, tmp_path / "page", basemap_dir=basemap_dir)
    text = index.read_text(encoding="utf-8")
    assert "water.geojson" not in text
    assert "countries.geojson" in text
    assert any("water" in r.getMessage() for r in caplog.records)


def test_title_is_escaped(tmp_path: Path, basemap_dir: Path):
    spec = MapSpec("A <b>&</b> title", PLACES, SPEC.bounds, "x")
    text = build_page(spec, tmp_path / "p", basemap_dir=basemap_dir).read_text(encoding="utf-8")
    assert "<title>A &lt;b&gt;&amp;&lt;/b&gt; title</title>" in text


@pytest.mark.parametrize(
    "places, bounds",
    [
        ((MapPlace("a b", "x", "city", 1, 2),), SPEC.bounds),
        ((MapPlace("a", "x", "town", 1, 2),), SPEC.bounds),
        ((MapPlace("a", "x", "city", 91, 2),), SPEC.bounds),
        ((MapPlace("a", "x", "city", 1, 2), MapPlace("a", "y", "city", 3, 4)), SPEC.bounds),
        ((MapPlace("a", "x", "republic", 1, 2, basemap_iso="kaz;"),), SPEC.bounds),
        ((MapPlace("a", "x", "state", 1, 2, basemap_isos=("RUS", "x y")),), SPEC.bounds),
        ((MapPlace("a", "x", "state", 1, 2, basemap_isos="RUS"),), SPEC.bounds),  # type: ignore[arg-type]
        ((MapPlace("a", "x", "city", 1, 2),), ((60.0, 28.0), (38.0, 92.0))),
    ],
)
def test_bad_specs_are_refused(tmp_path: Path, places, bounds):
    with pytest.raises(ValueError):
        build_page(MapSpec("t", places, bounds, "a"), tmp_path / "p")


def test_folium_class_defaults_are_untouched(tmp_path: Path, basemap_dir: Path):
    import folium

    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    build_page(SPEC, tmp_path / "p", basemap_dir=basemap_dir)
    assert (folium.Map.default_js, folium.Map.default_css) == before


def test_page_module_does_not_import_qt():
    code = (
        "import sys\n"
        "import chronomap.map.page, chronomap.map.bridge\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
