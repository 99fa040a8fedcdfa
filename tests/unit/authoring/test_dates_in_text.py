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
