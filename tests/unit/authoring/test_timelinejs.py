"""TimelineJS3 JSON: what goes out, what comes back, and what is said to be lost."""

import json
from pathlib import Path

import pytest

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.interchange import import_file
from chronomap.authoring.timelinejs import exhibit_to_timelinejs, timelinejs_to_events
from chronomap.story.loader import load_exhibit

DATA = Path(__file__).resolve().parents[2] / "data" / "authoring"


@pytest.fixture(scope="module")
def exported(exhibit):
    return exhibit_to_timelinejs(exhibit)


def test_export_writes_slides_with_knight_lab_fields(exported, exhibit):
    document, _ = exported
    assert document["title"]["text"] == {"headline": "Perestroika in Kazakhstan",
                                         "text": "From the December Events to independence, 1986–1991"}
    assert len(document["events"]) == len(exhibit.events) and document["scale"] == "human"
    slides = {s["unique_id"]: s for s in document["events"]}
    assert slides["december-events"]["start_date"] == {"year": 1986, "month": 12, "day": 17}
    assert slides["december-events"]["end_date"] == {"year": 1986, "month": 12, "day": 18}
    assert slides["december-events"]["group"] == "The December Events"
    assert slides["independence"]["start_date"] == {"year": 1991, "month": 12, "day": 16} and "end_date" not in slides["independence"]
    assert slides["ussr-ends"]["start_date"] == {"year": 1991, "month": 12, "day": 25}
    assert slides["miners-strike-begins"]["start_date"] == {"year": 1989, "month": 7}
    autumn = slides["dzasokhov-mission"]
    assert (autumn["start_date"], autumn["end_date"], autumn["display_date"]) == (
        {"year": 1990, "month": 9}, {"year": 1990, "month": 11}, "autumn 1990")
    assert slides["nazarbayev-elected"]["text"]["headline"] == "Nazarbayev becomes First Secretary"


def test_export_lists_what_timelinejs_cannot_carry(exported):
    _, lost = exported
    text = "\n".join(lost)
    for words in ("places: 15 events name 7 places", "passages", "date_note: 9 events", "relative dates (ussr-ends)",
                  "seasons, decades and approximate or uncertain dates (dzasokhov-mission)", "map frame",
                  "translations (kk, ru): only the main language (en) is written"):
        assert words in text


def test_round_trip_chronomap_timelinejs_chronomap_keeps_ids_titles_summaries_and_dates(exported, exhibit, tmp_path):
    document, _ = exported
    source = tmp_path / "perestroika.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    import_file(source, tmp_path / "back")
    back = load_exhibit(tmp_path / "back")
    assert (back.meta.title, back.meta.subtitle) == (exhibit.meta.title, exhibit.meta.subtitle)
    assert [e.id for e in back.events] == [e.id for e in exhibit.events]
    for original, returned in zip(exhibit.events, back.events, strict=True):
        assert (returned.title, returned.summary) == (original.title, original.summary)
        assert (returned.span.start, returned.span.end) == (original.span.start, original.span.end), original.id
    assert back.event("dzasokhov-mission").span.edtf == "1990-23"  # the season comes back from display_date


def test_round_trip_timelinejs_chronomap_timelinejs_keeps_what_both_can_hold(tmp_path):
    source = DATA / "virgin-lands.timeline.json"
    report = import_file(source, tmp_path / "vl")
    exhibit = load_exhibit(tmp_path / "vl")
    again, _ = exhibit_to_timelinejs(exhibit)
    original = json.loads(source.read_text(encoding="utf-8"))
    assert again["title"]["text"]["headline"] == "The Virgin Lands"
    assert again["title"]["text"]["text"] == "Ploughing the steppe of northern Kazakhstan, 1954–1960"
    by_id = {s["unique_id"]: s for s in again["events"]}
    assert by_id["plenum-1954"]["start_date"] == {"year": 1954, "month": 3, "day": 2}
    assert by_id["plenum-1954"]["text"]["text"] == "In Moscow the Central Committee approves ploughing new land."
    assert (by_id["first-harvest"]["start_date"], by_id["first-harvest"]["end_date"]) == (
        {"year": 1954, "month": 8}, {"year": 1954, "month": 10})
    assert by_id["tselinograd"]["text"]["headline"] == original["events"][3]["text"]["headline"]
    assert by_id["record-harvest"]["text"]["text"] == original["events"][2]["text"]["text"]  # '&amp;' as HTML again
    lost = "\n".join(report.not_carried)
    for words in ("media", "group", "eras — 1", "hour, minute", "background", "autolink", "display_date text",
                  "the title slide's media"):
        assert words in lost
    assert any("'First Harvest' became 'first-harvest'" in n for n in report.notes)


def test_invalid_dates_are_all_reported_with_their_slide(tmp_path):
    document = json.loads((DATA / "bad-dates.timeline.json").read_text(encoding="utf-8"))
    with pytest.raises(AuthoringError) as caught:
        timelinejs_to_events(document, "bad.json")
    paths = [p.path for p in caught.value.problems]
    assert paths == ["events[0].start_date", "events[1].start_date.year", "events[2].start_date.month",
                     "events[3].start_date", "events[4].end_date"]
    messages = [p.message for p in caught.value.problems]
    assert "not a real calendar date" in messages[0] and "expected a month number 1–12" in messages[2]


def test_string_numbers_and_negative_years_are_dates():
    result = timelinejs_to_events({"events": [
        {"start_date": {"year": "1957", "month": "10", "day": "4"}, "text": {"headline": "Sputnik"}},
        {"start_date": {"year": -500}, "text": {"text": "<p>Saka <b>burial</b> mounds</p>"}},
    ]}, "t.json")
    assert [e.edtf for e in result.events] == ["1957-10-04", "-0500"]
    assert result.events[1].title == "Saka burial mounds" and any("HTML markup" in n for n in result.notes)


def test_a_file_without_an_events_list_is_not_timelinejs():
    with pytest.raises(AuthoringError) as caught:
        timelinejs_to_events({"title": {}}, "t.json")
    assert "found no 'events' list" in str(caught.value)
