"""The base map's country codes come from an index beside the countries file while it is that file (issue 16.4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chronomap.resources import asset_path
from chronomap.story import basemap


def _refuse_parse(*_args, **_kwargs):
    raise AssertionError("the countries file was parsed")


@pytest.fixture
def fresh():
    basemap.basemap_codes.cache_clear()
    yield
    basemap.basemap_codes.cache_clear()


def test_the_shipped_index_is_the_shipped_files(fresh):
    """Fails when countries.geojson changed and the index was not written again (assets/basemap/SOURCES.md)."""
    countries = asset_path("basemap", "countries.geojson")
    index = json.loads((countries.parent / basemap.INDEX_NAME).read_text(encoding="utf-8"))
    document = json.loads(countries.read_text(encoding="utf-8"))
    assert index["codes"] == sorted(f["properties"]["iso"] for f in document["features"])
    assert index["countries_sha256"] == basemap._digest(countries)


def test_a_load_does_not_parse_the_countries_file(fresh, monkeypatch):
    monkeypatch.setattr(basemap, "read_json", _refuse_parse)
    assert {"KAZ", "RUS", "UKR"} <= basemap.basemap_codes()


def test_a_countries_file_the_index_is_not_for_is_parsed(fresh, tmp_path: Path, monkeypatch):
    folder = tmp_path / "basemap"
    folder.mkdir()
    shutil.copy(asset_path("basemap", basemap.INDEX_NAME), folder / basemap.INDEX_NAME)  # the shipped file's index
    (folder / "countries.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"iso": "ZZZ"}, "geometry": None}]}), encoding="utf-8")
    monkeypatch.setattr(basemap, "asset_path", lambda *parts: folder.joinpath(*parts[1:]))
    assert basemap.basemap_codes() == {"ZZZ"}
    basemap.basemap_codes.cache_clear()
    basemap.write_codes_index(folder)
    monkeypatch.setattr(basemap, "read_json", _refuse_parse)
    assert basemap.basemap_codes() == {"ZZZ"}  # once written for it, the index is used
