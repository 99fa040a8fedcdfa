"""Date forms met in the corpus's newer texts (biographies, old encyclopedias, a war's day-by-day): each a pattern of the language."""

import pytest

from chronomap.authoring.dates_in_text import DateReader, find_dates


def read(*sentences: str) -> list[tuple[str, str]]:
    reader = DateReader()
    return [(m.text, m.edtf) for s in sentences for m in reader.read(s)]


def test_a_day_a_little_before_the_last_is_a_look_back_not_next_year():
    got = read("On May 6, 1941, the capital fell.", "The emperor had managed to enter the city on 5 May.",
               "On 18 May, the duke surrendered.")
    assert got[1:] == [("5 May", "1941-05-05"), ("18 May", "1941-05-18")]


def test_a_month_far_before_the_last_still_moves_the_story_into_the_next_year():
    got = read("They wintered there in December 1790.", "On 31 January they sailed.", "On 3 March they landed.")
    assert got[1:] == [("31 January", "1791-01-31"), ("3 March", "1791-03-03")]


@pytest.mark.parametrize("text, edtf", [
    ("Alexander, who occupied it in 328 B. C., slew there his friend Clitus.", "-0327"),
    ("The town was founded in 44 B.C. by Caesar.", "-0043"),
    ("It was rebuilt in A. D. 79 after the quake.", "0079"),
])
def test_an_era_written_with_a_space_after_its_first_stop(text, edtf):
    assert [m.edtf for m in find_dates(text)] == [edtf]


def test_about_a_three_digit_year_before_a_clause_is_a_year():
    assert [m.edtf for m in find_dates("About 710 they fell under the dominion of the Arabs.")] == ["0710~"]
    assert [m.edtf for m in find_dates("Circa 850, the town was walled.")] == ["0850~"]


@pytest.mark.parametrize("text", ["About 300 men were killed.", "It holds about 710 books.",
                                  "He was about 710 metres away.",
                                  "At the time, Tashkent had a population of around 100,000 and was rich.",
                                  "In 364,000 cases, the plan failed."])
def test_about_a_three_digit_count_is_no_year(text):
    assert find_dates(text) == []


def test_an_age_counts_from_the_birth_the_text_gave():
    got = read("He was born at Cherepovets in 1842.", "When he was eight years old, he was sent to Tsarskoe Selo.",
               "Three years later, he entered the Naval Cadet Corps.")
    assert got[1:] == [("When he was eight years old", "1850"), ("Three years later", "1853")]


def test_an_age_counts_from_a_lifespan_in_the_opening_brackets():
    got = read("Dmitri Mendeleev (8 February 1834 – 2 February 1907) was a chemist.",
               "At the age of 16 he entered the institute.", "She wrote to him, aged 61, from Paris.")
    assert [edtf for _, edtf in got[1:]] == ["1850", "1895"]


def test_no_age_without_a_birth_and_no_age_in_other_words():
    reader = DateReader()
    assert reader.read("When he was eight years old, he was sent away.") == []
    assert reader.skipped and "birth" in reader.skipped[0][1]
    assert read("He was born in 1842.", "When he was one of the cadets, he sailed.", "He was aged three months.")[1:] == []


@pytest.mark.parametrize("text, edtf", [
    ("In the first half of the 1990s the economy shrank.", "1990/1994"),
    ("At the end of the 1980s unrest grew.", "1987/1989"),
    ("In the 18th and 19th centuries the steppe was annexed.", "1701/1900"),
    ("In the sixteenth to seventeenth centuries trade grew.", "1501/1700"),
])
def test_parts_of_decades_and_spans_of_centuries(text, edtf):
    assert [m.edtf for m in find_dates(text)] == [edtf]


def test_decades_and_centuries_later_count_years_from_the_date_before():
    assert read("The site opened in 1949.", "Four decades later it closed.")[1:] == [("Four decades later", "1989")]
    assert read("The fort was rebuilt in 1854.", "A century earlier, a town stood there.")[1:] == \
        [("A century earlier", "1754")]
    assert find_dates("They were three decades old.") == []


def test_a_season_of_that_year_is_that_year_s_season():
    assert read("In March 1990 talks began.", "In the autumn of that year the talks failed.")[1:] == \
        [("the autumn of that year", "1990-23")]


@pytest.mark.parametrize("text, edtf", [
    ("The town existed in the 3rd century BC.", "-0299/-0200"),
    ("Kanka was founded in the 5th–3rd centuries BC.", "-0499/-0200"),
    ("In the late 4th century BC Alexander came.", "-0333/-0300"),
    ("It flourished in the 3rd century.", "02XX"),
    ("Late in 1945 the Soviets withdrew.", "1945-09/1945-12"),
    ("Early in 1946 they left.", "1946-01/1946-04"),
])
def test_centuries_before_the_era_and_early_or_late_in_a_year(text, edtf):
    assert [m.edtf for m in find_dates(text)] == [edtf]


def test_a_text_in_another_script_is_refused_saying_the_drafter_reads_english(tmp_path):
    from chronomap.authoring.drafter import draft_from_text
    from chronomap.authoring.errors import AuthoringError
    from chronomap.authoring.gazetteer_index import build_index

    russian = "= Перестройка =\n\n16 декабря 1991 года Казахстан объявил независимость. В 1986 году в Алма-Ате прошли волнения.\n"
    with pytest.raises(AuthoringError) as caught:
        draft_from_text(russian, index=build_index(use_geonames=False), exhibit_id="t", source_name="ru.txt")
    message = caught.value.problems[0].message
    assert "but no date" in message and "reads English only" in message
    with pytest.raises(AuthoringError) as caught:
        draft_from_text("= Tea =\n\nTea is served in Almaty.\n", index=build_index(use_geonames=False), exhibit_id="t",
                        source_name="en.txt")
    assert "English only" not in caught.value.problems[0].message


@pytest.mark.parametrize("text, edtf", [
    ("The Virgin Lands campaign was Nikita Khrushchev's 1953 plan to boost output.", ["1953"]),
    ("The army’s 1945 offensive took Harbin.", ["1945"]),
    ("Russia's 2000 tanks crossed the river.", []),
])
def test_a_year_after_a_possessive_before_a_singular_noun(text, edtf):
    assert [m.edtf for m in find_dates(text)] == edtf
