"""The map page is written once, holds its scripts, styles and base map (local files only), and carries every place."""

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


def _inlined(html: str, name: str) -> int:
    """Where the page holds the file *name* (page_inline marks each with its name); -1 when it does not."""
    return html.find(f"/* {name} */")


def _written_script(html: str, name: str) -> str:
    """The text of the script *name* as the page runs it (page_inline writes it as a JSON string given to eval)."""
    marker = f"/* {name} */(0, eval)("
    start = html.index(marker) + len(marker)
    text, _ = json.JSONDecoder().raw_decode(html, start)
    return text


def test_the_only_link_left_is_the_channel(html: str):
    assert _resource_urls(html) == ["qrc:///qtwebchannel/qwebchannel.js"]
    assert "cdn." not in html and "cdnjs" not in html and "jquery" not in html.lower()


def _without_leaflet(html: str) -> str:
    """The page less Leaflet's own script and style sheet, which name its site (an attribution prefix the
    page turns off) and a browser bug in a comment."""
    for name, end in (("leaflet.js", "</script>"), ("leaflet.css", "</style>")):
        start = _inlined(html, name)
        html = html[:start] + html[html.index(end, start):]
    return html


def test_no_outbound_url_outside_leaflet(html: str):
    assert not re.search(r"https?://", _without_leaflet(html)), "no outbound URL anywhere in the page"


def test_leaflet_comes_from_xstatic(html: str):
    assert "xstatic" in str(leaflet_dir())
    source = (leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    assert _written_script(html, "leaflet.js").startswith(source)
    assert _inlined(html, "leaflet.css") >= 0


def test_style_sheet_images_are_local_files(html: str):
    urls = re.findall(r'url\("(file://[^"]+)"\)', html)
    assert urls, "leaflet.css names its images"
    for url in urls:
        assert Path(unquote(urlparse(url).path)).is_file(), url


def test_page_script_style_and_channel(html: str):
    assert _inlined(html, "chronomap.css") >= 0
    where = [_inlined(html, name) for name in PAGE_SCRIPTS]
    # every file of the page script once, in PAGE_SCRIPTS' order, after Leaflet and the channel it uses
    assert all(w >= 0 for w in where) and where == sorted(where)
    for name in PAGE_SCRIPTS:
        assert html.count(f"/* {name} */") == 1
        source = asset_path("map", "js", name).read_text(encoding="utf-8")
        assert _written_script(html, name) == f"{source}\n//# sourceURL={asset_path('map', 'js', name).as_uri()}\n"
    assert _inlined(html, "leaflet.js") < where[0]
    assert html.index("qrc:///qtwebchannel/qwebchannel.js") < where[0]
    assert PAGE_SCRIPTS[0] == "namespace.js" and PAGE_SCRIPTS[-1] == "main.js"


def test_page_calls_init_once_after_its_scripts(html: str):
    calls = re.findall(r"chronomap\.init\((map_[0-9a-f]+),", html)
    assert len(calls) == 1
    assert html.index(calls[0] + " = L.map(") < html.index("chronomap.init(" + calls[0])
    assert _inlined(html, "main.js") < html.index("chronomap.init(" + calls[0])


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
    assert "tileLayer" not in _without_leaflet(html)
    assert '"attributionControl": false' in html


def _embedded(html: str, name: str) -> object:
    match = re.search(rf'<script type="application/json" id="cm-basemap-{name}">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else None


def test_page_holds_its_base_map(html: str, basemap_dir: Path):
    for name in ("countries", "borders", "water"):
        assert _embedded(html, name) == json.loads((basemap_dir / f"{name}.geojson").read_text(encoding="utf-8"))
        assert (basemap_dir / f"{name}.geojson").resolve().as_uri() in html  # and where it came from


def test_base_map_text_cannot_break_out_of_its_element(tmp_path: Path, basemap_dir: Path):
    doc = json.loads((basemap_dir / "water.geojson").read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["name"] = "Aral </script><b>"
    (basemap_dir / "water.geojson").write_text(json.dumps(doc), encoding="utf-8")
    text = build_page(SPEC, tmp_path / "page", basemap_dir=basemap_dir).read_text(encoding="utf-8")
    assert "</script><b>" not in text
    assert _embedded(text, "water") == doc


def test_default_basemap_is_the_asset(tmp_path: Path):
    index = build_page(SPEC, tmp_path / "page")
    text = index.read_text(encoding="utf-8")
    for name in ("countries", "borders", "water"):
        path = asset_path("basemap", f"{name}.geojson")
        if path.is_file():
            assert _embedded(text, name) == json.loads(path.read_text(encoding="utf-8"))


def test_missing_basemap_layer_is_left_out(tmp_path: Path, basemap_dir: Path, caplog):
    (basemap_dir / "water.geojson").unlink()
    index = build_page(SPEC, tmp_path / "page", basemap_dir=basemap_dir)
    text = index.read_text(encoding="utf-8")
    assert "water.geojson" not in text and _embedded(text, "water") is None
    assert "countries.geojson" in text and _embedded(text, "countries") is not None
    assert any("water" in r.getMessage() for r in caplog.records)


OPENING = {"seq": 0, "places": {"donbas": {"status": "current", "label": "Donbas </script>"}},
           "focus": [[47.0, 37.0], [49.0, 40.0]], "animate": False}


def _opening(html: str) -> object:
    match = re.search(r'<script type="application/json" id="cm-opening">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else None


def test_the_opening_state_is_written_into_the_page_not_the_cache(tmp_path: Path, basemap_dir: Path):
    text = build_page(SPEC, tmp_path / "a", basemap_dir=basemap_dir, opening=OPENING).read_text(encoding="utf-8")  # type: ignore[arg-type]
    assert _opening(text) == OPENING
    assert "Donbas </script>" not in text
    assert text.index('id="cm-opening"') < text.index("chronomap.init(map_")
    plain = build_page(SPEC, tmp_path / "b", basemap_dir=basemap_dir).read_text(encoding="utf-8")
    assert _opening(plain) is None  # the same cached page, without the other window's opening


def test_a_bad_opening_state_is_refused(tmp_path: Path, basemap_dir: Path):
    with pytest.raises((TypeError, ValueError)):
        build_page(SPEC, tmp_path / "a", basemap_dir=basemap_dir, opening={"places": {}})  # type: ignore[typeddict-item]


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
