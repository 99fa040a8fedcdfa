"""The base map's country codes are read from the 400 KB countries file once, then kept by its stamp (issue 16.4)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chronomap.resources import asset_path
from chronomap.story import basemap


@pytest.fixture
def countries(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "basemap"
    folder.mkdir()
    path = folder / "countries.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"iso": "KAZ"}, "geometry": None},
        {"type": "Feature", "properties": {"iso": "RUS"}, "geometry": None}]}), encoding="utf-8")
    monkeypatch.setattr(basemap, "asset_path", lambda *parts: folder.joinpath(*parts[1:]))
    basemap.basemap_codes.cache_clear()
    yield path
    basemap.basemap_codes.cache_clear()


def _refuse_parse(*_args, **_kwargs):
    raise AssertionError("the countries file was parsed again")


def test_the_shipped_codes_are_the_files():
    basemap.basemap_codes.cache_clear()
    document = json.loads(asset_path("basemap", "countries.geojson").read_text(encoding="utf-8"))
    assert basemap.basemap_codes() == frozenset(f["properties"]["iso"] for f in document["features"])
    basemap.basemap_codes.cache_clear()


def test_the_next_load_does_not_parse_the_file(countries: Path, monkeypatch):
    assert basemap.basemap_codes() == {"KAZ", "RUS"}
    basemap.basemap_codes.cache_clear()  # as a new process
    monkeypatch.setattr(basemap, "read_json", _refuse_parse)
    assert basemap.basemap_codes() == {"KAZ", "RUS"}


def test_a_changed_file_is_read_again(countries: Path):
    assert basemap.basemap_codes() == {"KAZ", "RUS"}
    basemap.basemap_codes.cache_clear()
    document = json.loads(countries.read_text(encoding="utf-8"))
    document["features"].append({"type": "Feature", "properties": {"iso": "UZB"}, "geometry": None})
    countries.write_text(json.dumps(document), encoding="utf-8")
    os.utime(countries, ns=(1, 1))
    assert basemap.basemap_codes() == {"KAZ", "RUS", "UZB"}
