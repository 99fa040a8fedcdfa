import json
from types import SimpleNamespace

import pytest
from geopy.exc import GeocoderUnavailable

from chronomap.story.gazetteer import GeocodingUnavailable, distance_km, fill_missing, load_gazetteer


def test_geodesic_distances_between_exhibit_places(exhibit):
    almaty, karaganda, moscow = (exhibit.places[k] for k in ("almaty", "karaganda", "moscow"))
    assert distance_km((almaty.lat, almaty.lon), (karaganda.lat, karaganda.lon)) == pytest.approx(784, abs=5)
    assert distance_km((almaty.lat, almaty.lon), (moscow.lat, moscow.lon)) == pytest.approx(3111.7, abs=5)


def test_fill_missing_writes_the_cache_atomically(tmp_path):
    path = tmp_path / "gazetteer.json"
    gazetteer = load_gazetteer(path)
    asked = []

    def fake_geocode(query):
        asked.append(query)
        return SimpleNamespace(latitude=47.1, longitude=51.9, address="Atyrau, Kazakhstan") if query == "Atyrau" else None

    results = fill_missing(gazetteer, ["Atyrau", "Atlantis"], fake_geocode)
    gazetteer.save()
    assert asked == ["Atyrau", "Atlantis"]
    assert [r.error for r in results] == [None, "no match"]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["entries"]["Atyrau"]["lat"] == 47.1
    assert load_gazetteer(path).lookup("Atyrau").display_name == "Atyrau, Kazakhstan"
    assert not list(tmp_path.glob(".*tmp"))


def test_no_network_is_reported_and_nothing_is_written(tmp_path):
    path = tmp_path / "gazetteer.json"
    gazetteer = load_gazetteer(path)

    def offline(query):
        raise GeocoderUnavailable("no route to host")

    with pytest.raises(GeocodingUnavailable, match="could not be reached"):
        fill_missing(gazetteer, ["Atyrau"], offline)
    assert not path.exists()
