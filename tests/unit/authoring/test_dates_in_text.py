"""The date recogniser: each phrase as EDTF at the precision it was written, ranges whole, relatives resolved."""

from pathlib import Path

import pytest

from chronomap.authoring.dates_in_text import DateReader, find_dates
from chronomap.resources import default_exhibit_path
from chronomap.story.article import parse_article
from chronomap.story.dates import parse_date

BAIKONUR = Path(__file__).resolve().parents[2] / "data" / "authoring" / "baikonur-article.txt"


def only(text: str):
    found = find_dates(text)
    assert len(found) == 1, [(m.text, m.edtf) for m in found]
    return found[0]


@pytest.mark.parametrize("text, phrase, edtf, precision", [
    ("On 16 December 1991, Kazakhstan declared independence.", "16 December 1991", "1991-12-16", "day"),
    ("On December 16, 1991, Kazakhstan declared independence.", "December 16, 1991", "1991-12-16", "day"),
    ("It flew on Oct. 4, 1957 from the steppe.", "Oct. 4, 1957", "1957-10-04", "day"),
    ("It happened on the 4th of October 1957.", "4th of October 1957", "1957-10-04", "day"),
    ("Protests held on December 17–18, 1986, in Almaty.", "December 17–18, 1986", "1986-12-17/1986-12-18", "days"),
    ("Protests held on 17–18 December 1986 in Almaty.", "17–18 December 1986", "1986-12-17/1986-12-18", "days"),
    ("Protests held on December 17-18, 1986, in Almaty.", "December 17-18, 1986", "1986-12-17/1986-12-18", "days"),
    ("Talks ran from 30 November – 2 December 1990.", "30 November – 2 December 1990", "1990-11-30/1990-12-02", "days"),
    ("In December 1986, Kunaev was dismissed.", "December 1986", "1986-12", "month"),
    ("In late December 1986 the unrest spread.", "late December 1986", "1986-12-21/1986-12-31", "part of month"),
    ("Strikes went on in July–August 1989.", "July–August 1989", "1989-07/1989-08", "months"),
    ("He was chosen in 1989.", "1989", "1989", "year"),
    ("Strikes broke out in mid-1989.", "mid-1989", "1989-05/1989-08", "part of year"),
    ("Dzasokhov went there in the autumn of 1990.", "the autumn of 1990", "1990-23", "season"),
    ("In spring 1955 builders arrived.", "spring 1955", "1955-21", "season"),
    ("The winter of 1954–55 was hard.", "The winter of 1954–55", "1954-12/1955-02", "season"),
    ("It was begun during the late 1980s.", "the late 1980s", "1985/1989", "part of decade"),
    ("In the 1980s the economy slowed.", "the 1980s", "198X", "decade"),
    ("Cities grew in the early 20th century.", "the early 20th century", "1900/1933", "part of century"),
    ("The campaign ran 1954–1960 across the steppe.", "1954–1960", "1954/1960", "years"),
    ("The campaign ran between 1954 and 1960.", "1954 and 1960", "1954/1960", "range"),
    ("Volunteers came from March 1954 to June 1956.", "March 1954 to June 1956", "1954-03/1956-06", "range"),
    ("The fort dates from c. 1850.", "c. 1850", "1850~", "year"),
    ("Caesar crossed in 49 BC.", "49 BC", "-0048", "year"),
    ("Recorded as 1957-10-04 in the log.", "1957-10-04", "1957-10-04", "day"),
])
def test_absolute_dates_keep_their_precision(text, phrase, edtf, precision):
    mention = only(text)
    assert (mention.text, mention.edtf, mention.precision, mention.how) == (phrase, edtf, precision, "stated")
    assert text[mention.start:mention.end] == phrase
    parse_date(mention.edtf)


@pytest.mark.parametrize("text", [
    "The committee voted 154 out of 158 in favour.",
    "More than 2000 tractors arrived.",
    "May I add that the December Events were violent?",
    "Vostok 1 and the R-7 rocket were ready.",
    "Some 1,957 people signed.",
    "Known as the December Events, they spread.",
])
def test_numbers_and_names_that_are_not_dates(text):
    assert find_dates(text) == []


def test_an_impossible_day_is_skipped_with_the_reason():
    reader = DateReader()
    assert reader.read("It was signed on 30 February 1989.") == []
    assert reader.skipped and reader.skipped[0][0] == "30 February 1989" and "not a real date" in reader.skipped[0][1]


def test_a_date_without_a_year_takes_it_from_later_in_the_sentence():
    found = find_dates("It changed its name on December 10, and on December 16, 1991, it declared independence.")
    assert [(m.text, m.edtf, m.how) for m in found] == [
        ("December 10", "1991-12-10", "year inferred"), ("December 16, 1991", "1991-12-16", "stated")]
    assert "December 16, 1991" in found[0].note


def test_a_date_without_a_year_takes_it_from_the_date_before_and_moves_forward():
    reader = DateReader()
    reader.read("The dogs flew on 19 August 1960.")
    assert reader.read("On 24 October a missile exploded.")[0].edtf == "1960-10-24"
    reader.read("Snow fell in December 1960.")
    late = reader.read("On 31 January the range reopened.")[0]
    assert late.edtf == "1961-01-31" and late.how == "year inferred"


@pytest.mark.parametrize("before, phrase, edtf, offset", [
    ("On 16 December 1991 it declared independence.", "Nine days later, the Union ceased to exist.", "1991-12-25", 9),
    ("On 4 October 1957 the satellite flew.", "Two weeks later it was still beeping.", "1957-10-18", 14),
    ("On 16 June 1963 she was launched.", "He had gone up two days earlier.", "1963-06-14", -2),
    ("They orbited on 19 August 1960.", "They landed the next day.", "1960-08-20", 1),
    ("On 4 October 1957 the satellite flew.", "The following year a rival flew.", "1958", None),
    ("On 4 October 1957 the satellite flew.", "Three months later it fell.", "1958-01", None),
    ("On 4 October 1957 the satellite flew.", "Later that year a dog flew.", "1957-10-05/1957-12-31", None),
    ("In March 1954 the plenum met.", "That autumn the first harvest came in.", "1954-23", None),
])
def test_relative_dates_count_from_the_date_before(before, phrase, edtf, offset):
    reader = DateReader()
    anchor = reader.read(before)[0]
    mention = reader.read(phrase)[0]
    assert (mention.edtf, mention.offset_days, mention.how) == (edtf, offset, "relative")
    assert mention.anchor is anchor
    parse_date(mention.edtf)


def test_a_relative_date_in_days_counts_from_the_last_exact_day_in_its_section():
    reader = DateReader()
    reader.read("On 4 October 1957 Sputnik 1 flew.", "sputnik")
    reader.read("In the autumn of 1957 the word spread.", "sputnik")
    later = reader.read("Thirty days later, Sputnik 2 flew.", "sputnik")[0]
    assert later.edtf == "1957-11-03" and later.anchor.text == "4 October 1957"


def test_a_relative_date_with_nothing_before_it_is_skipped():
    reader = DateReader()
    assert reader.read("Nine days later, it ended.") == []
    assert "no date before it" in reader.skipped[0][1]


def test_decades_do_not_anchor_relative_dates():
    reader = DateReader()
    reader.read("In 1986 it began.")
    reader.read("This was typical of the 1980s.")
    assert reader.read("The following year it grew.")[0].edtf == "1987"


@pytest.mark.parametrize("path", [default_exhibit_path() / "article.txt", BAIKONUR])
def test_every_date_found_in_the_test_articles_is_valid_edtf(path):
    article = parse_article(path.read_text(encoding="utf-8"))
    reader = DateReader()
    found = [m for s in article.sections for p in s.paragraphs for sentence in p.sentences for m in reader.read(sentence.text, s.id)]
    assert len(found) >= 10 and not reader.skipped
    for mention in found:
        assert parse_date(mention.edtf).start == mention.span.start


# --- issue 13: years from the narrative, not from background clauses ---------------------------------

def read_all(*sentences: str) -> list[tuple[str, str]]:
    reader = DateReader()
    return [(m.text, m.edtf) for sentence in sentences for m in reader.read(sentence)]


def test_a_missing_year_is_not_taken_from_a_background_date():
    """A 1595 narrative: the town 'founded … in 1592' does not lend its year to '4 April'."""
    found = read_all("The expedition set out in February 1595.",
                     "Raleigh descended on San José de Oruña, founded by Berrio in 1592.",
                     "On 4 April they anchored off the island.", "By 13 July he was home.")
    assert found == [("February 1595", "1595-02"), ("1592", "1592"), ("4 April", "1595-04-04"),
                     ("13 July", "1595-07-13")]


@pytest.mark.parametrize("background", [
    "They built Fort Astoria near Fort Clatsop, known since the Lewis and Clark expedition of 1805/06.",
    "He met Sacagawea (c. 1788 – 1812) there.",
    "The post, which had been abandoned in 1805, was empty.",
])
def test_background_clauses_are_events_but_not_anchors(background):
    reader = DateReader()
    reader.read("The ship reached the Columbia on March 22, 1811.")
    assert all(m.background for m in reader.read(background))
    assert [m.edtf for m in reader.read("The crew was lost in June.")] == ["1811-06"]


def test_a_relative_date_counts_from_the_previous_narrative_date():
    found = read_all("In 1810 Astor sent the ship.", "The fort, founded in 1791, stood empty.",
                     "Two years later the company was sold.")
    assert found[-1] == ("Two years later", "1812")


@pytest.mark.parametrize("text, phrase, edtf", [
    ("The lease of 1852/3 was renewed.", "1852/3", "1852/1853"),
    ("The expedition of 1805/06 wintered there.", "1805/06", "1805/1806"),
    ("In the winter of 1852/3 the river froze.", "the winter of 1852/3", "1852-12/1853-02"),
    ("In the 18th century the city grew.", "the 18th century", "17XX"),
    ("It became part of the Mali Empire early in the 14th century.", "early in the 14th century", "1300/1333"),
    ("In the first half of the 15th century the Tuareg ruled it.", "the first half of the 15th century", "1400/1449"),
    ("Trade grew in the second half of the nineteenth century.", "the second half of the nineteenth century",
     "1850/1899"),
    ("At the end of the 16th century it declined.", "the end of the 16th century", "1590/1599"),
    ("It was burned during the final week of August 1811.", "the final week of August 1811",
     "1811-08-25/1811-08-31"),
    ("The fighting lasted between 1990 and 1988, say some.", "1990 and 1988", "1988/1990"),
])
def test_compound_years_centuries_weeks_and_backward_ranges(text, phrase, edtf):
    mention = only(text)
    assert (mention.text, mention.edtf) == (phrase, edtf)
    parse_date(mention.edtf)


def test_a_backward_range_says_it_was_written_backwards():
    assert "later end first" in (only("It was built between 1990 and 1988.").note or "")


@pytest.mark.parametrize("text", [
    "They penetrated about 1300 miles into the highlands.",
    "He arrived with 2000 men.",
    "Some 1500 horsemen followed him.",
    "The march covered some 1200 versts.",
    "Nearly 1800 prisoners were taken.",
])
def test_quantities_are_not_years(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("sentences, phrase, edtf", [
    (("He left in March 1810.", "Next summer he came back."), "Next summer", "1810-22"),
    (("He left in March 1810.", "Next year the company failed."), "Next year", "1811"),
    (("He left in March 1810.", "Two months passed before news came."), "Two months passed", "1810-05"),
    (("He left in March 1810.", "During the final week of August he arrived."), "the final week of August",
     "1810-08-25/1810-08-31"),
    (("Cook was at Quebec on 15 May 1759.", "He spent the following winter at Halifax."), "the following winter",
     "1759-12/1760-02"),
])
def test_relative_phrases_count_from_the_previous_event(sentences, phrase, edtf):
    assert read_all(*sentences)[-1] == (phrase, edtf)


@pytest.mark.parametrize("statement", ["Akmolinsk was founded as a fort in 1830.", "Since 1991, Kazakhstan has been independent.",
                                       "The Kazakh SSR was created on 5 December 1936."])
def test_a_main_clause_about_founding_is_narrative(statement):
    reader = DateReader()
    assert not any(m.background for m in reader.read(statement))
