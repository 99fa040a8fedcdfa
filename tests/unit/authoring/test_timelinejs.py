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
    # a month end is written as its last day: TimelineJS reads {"year": 1990, "month": 11} as 1 November (issue 13)
    assert (autumn["start_date"], autumn["end_date"], autumn["display_date"]) == (
        {"year": 1990, "month": 9}, {"year": 1990, "month": 11, "day": 30}, "autumn 1990")
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
        {"year": 1954, "month": 8}, {"year": 1954, "month": 10, "day": 31})
    assert by_id["first-harvest"]["display_date"] == "August–October 1954"
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
    # TimelineJS shows year -500 as '500 BCE'; EDTF counts a year 0, so 500 BCE is -0499 (see timelinejs.py)
    assert [e.edtf for e in result.events] == ["1957-10-04", "-0499"]
    assert result.events[1].title == "Saka burial mounds" and any("HTML markup" in n for n in result.notes)


def test_a_file_without_an_events_list_is_not_timelinejs():
    with pytest.raises(AuthoringError) as caught:
        timelinejs_to_events({"title": {}}, "t.json")
    assert "found no 'events' list" in str(caught.value)


# --- issue 13: formats that hold on real files --------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _slide(year, headline="A slide", **extra):
    return {"start_date": {"year": year}, "text": {"headline": headline}, **extra}


def test_a_slide_location_becomes_the_events_place(tmp_path):
    report = import_file(CORPUS / "marktwain.timeline3.json", tmp_path / "twain", force=True)
    story = json.loads((tmp_path / "twain" / "story.json").read_text(encoding="utf-8"))
    places = {p["id"]: p for p in story["places"]}
    born = next(e for e in story["events"] if e["title"] == "Florida, Missouri")
    own = places[born["places"][0]["place"]]
    assert born["places"][0]["role"] == "the slide's location"
    assert own["names"]["en"] == "Florida, Missouri" and own["point"] == {"lat": 39.49171, "lon": -91.79326}
    assert not any("unknown field 'location'" in line for line in report.not_carried)
    assert any("location icon, zoom and line" in line for line in report.not_carried)
    load_exhibit(tmp_path / "twain")


def test_a_location_without_a_name_takes_the_nearest_place_its_text_names():
    from chronomap.authoring.gazetteer_index import GazetteerPlace
    from chronomap.authoring.interchange import _location_place
    from chronomap.authoring.timelinejs import SlideLocation

    hannibal = GazetteerPlace("geonames:1", "Hannibal", "city", 39.708, -91.358, "GeoNames")
    known: list = []
    place = _location_place(SlideLocation(39.710083, -91.357441, None), [hannibal], known)
    assert (place.name, place.lat) == ("Hannibal", 39.710083)
    assert _location_place(SlideLocation(39.72, -91.36, "Hannibal"), [], known) is place  # same name, same spot


def test_a_timelinejs2_file_is_read_and_said_to_be_timelinejs2(tmp_path):
    report = import_file(CORPUS / "houston.timeline2.json", tmp_path / "h2", force=True)
    exhibit = load_exhibit(tmp_path / "h2")
    assert report.format == "TimelineJS2 JSON" and report.events == len(exhibit.events) == 18
    assert any("read as TimelineJS2" in n for n in report.notes)
    assert exhibit.events[0].span.edtf == "1963-08-09"


def test_a_slide_outside_the_supported_years_is_listed_and_the_rest_kept():
    result = timelinejs_to_events({"events": [_slide(1957, "Sputnik"), _slide(-13000, "Ice age"), _slide(1961, "Gagarin")]},
                                  "t.json")
    assert [e.title for e in result.events] == ["Sputnik", "Gagarin"]
    skipped = [n for n in result.notes if "left out" in n]
    assert len(skipped) == 1 and "events[1].start_date.year" in skipped[0] and "Ice age" in skipped[0]
    with pytest.raises(AuthoringError) as caught:
        timelinejs_to_events({"events": [_slide(20000, "Far future")]}, "t.json")
    assert "all outside the supported years" in str(caught.value)


@pytest.mark.parametrize("year, edtf, label", [(-300, "-0299", "300 BCE"), (-1, "0000", "1 BCE"), (0, "0000", "1 BCE"),
                                               (1, "0001", "1")])
def test_bce_years_read_as_timelinejs_shows_them(year, edtf, label):
    event = timelinejs_to_events({"events": [_slide(year)]}, "t.json").events[0]
    assert event.edtf == edtf
    from chronomap.story.dates import parse_date

    assert parse_date(event.edtf).label() == label


def test_bce_years_go_out_as_timelinejs_shows_them():
    from chronomap.authoring.timelinejs import _dates
    from chronomap.story.dates import parse_date

    assert _dates(parse_date("-0299"))[0] == {"year": -300}
    assert _dates(parse_date("0000"))[0] == {"year": -1}
    start, end, shown, _ = _dates(parse_date("-0299/-0200"))
    assert (start, end, shown) == ({"year": -300}, {"year": -201, "month": 12, "day": 31}, "300 BCE–201 BCE")
    back = timelinejs_to_events({"events": [{"start_date": start, "end_date": end, "display_date": shown,
                                             "text": {"headline": "x"}}]}, "t.json")
    assert back.events[0].edtf == "-0299/-0200"


@pytest.mark.parametrize("edtf, end, display", [
    ("1986-06/1986-12", {"year": 1986, "month": 12, "day": 31}, "June–December 1986"),
    ("1985/1986", {"year": 1986, "month": 12, "day": 31}, "1985–1986"),
    ("1986-02-10/1988-02", {"year": 1988, "month": 2, "day": 29}, "10 February 1986 – February 1988"),
])
def test_month_and_year_ends_are_written_as_their_last_day_and_read_back(edtf, end, display):
    from chronomap.authoring.timelinejs import _dates
    from chronomap.story.dates import parse_date

    start_obj, end_obj, shown, _ = _dates(parse_date(edtf))
    assert (end_obj, shown) == (end, display)
    back = timelinejs_to_events({"events": [{"start_date": start_obj, "end_date": end_obj, "display_date": shown,
                                             "text": {"headline": "x"}}]}, "t.json")
    assert back.events[0].edtf == edtf


def test_media_is_read_per_slide_for_the_import_to_carry():
    result = timelinejs_to_events({"events": [
        _slide(1957, "Sputnik", media={"url": "https://example.org/sputnik.jpg", "caption": "The <i>ball</i>",
                                       "thumbnail": "t.jpg"}),
        _slide(1961, "Gagarin"),
        _slide(1963, "Tereshkova", media={"caption": "Vostok 6"}),
    ]}, "t.json")
    sputnik, gagarin, tereshkova = (e.media for e in result.events)
    assert (sputnik.where, sputnik.url, sputnik.caption, sputnik.extras) == (
        "events[0].media", "https://example.org/sputnik.jpg", "The ball", ("thumbnail",))
    assert gagarin is None
    assert tereshkova == "events[2].media “Tereshkova”: a media object without a url"
    assert not [line for line in result.not_carried if line.startswith("media")]  # the import says what it carried
