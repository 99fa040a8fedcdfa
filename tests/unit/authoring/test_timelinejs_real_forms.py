"""TimelineJS as real files write it (Knight Lab's own examples): what each slide's date and media become.

No network: page URLs are recognised by their address and never fetched.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from chronomap.authoring.interchange import _places_in_headline, import_file
from chronomap.authoring.timelinejs import plain_text, timelinejs_to_events
from chronomap.authoring.timelinejs_media import MediaCarrier, SlideMedia, is_url, not_a_file

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"



def test_an_end_date_that_is_no_date_loses_the_end_not_the_slide():
    # Knight Lab's Elizabeth Taylor example: 'Stars in Butterfield 8' ends "196002152034"
    document = json.loads((CORPUS / "elizabeth-taylor.timeline2.json").read_text(encoding="utf-8"))
    imported = timelinejs_to_events(document, "taylor.json")
    assert len(imported.events) == 28
    butterfield = next(e for e in imported.events if e.title == "Stars in 'Butterfield 8'")
    assert butterfield.edtf == "1961-01-01"
    assert any(n.startswith("events[16].end_date.year (“Stars in 'Butterfield 8'”): found '196002152034'")
               and n.endswith("the end was left out and the slide kept at its start") for n in imported.notes)


def test_a_start_date_out_of_range_still_leaves_the_slide_out():
    document = {"events": [{"start_date": {"year": 196002152034}, "text": {"headline": "Far"}},
                           {"start_date": {"year": 1960}, "text": {"headline": "Near"}}]}
    imported = timelinejs_to_events(document, "t.json")
    assert [e.title for e in imported.events] == ["Near"]
    assert any("this slide was left out" in n for n in imported.notes)


@pytest.mark.parametrize("url, says", [
    ("https://youtu.be/2n5yakw5jgo", "a YouTube video, a web page"),
    ("https://www.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s", "a YouTube video"),
    ("http://vimeo.com/20839673", "a Vimeo video"),
    ("https://twitter.com/#!/MittRomney/status/165994713806155776", "a tweet"),
    ("https://www.google.com/maps/@42.032147,-87.6689625,15z", "a Google map"),
    ("http://maps.google.com/?ll=42.054932,-87.674654&spn=0.014785,0.023754&t=v&z=16", "a Google map"),
    ("//www.flickr.com/photos/euthman/281712899/", "a Flickr photo page"),
    ("https://en.wikipedia.org/wiki/Alexandria", "a Wikipedia article"),
    ("<blockquote>This is a block quote.</blockquote>", "a quotation (<blockquote>) shown as the slide's media, “This is a block quote.”"),
    ("<iframe src='https://cdn.knightlab.com/x'></iframe>", "HTML (<iframe> of https://cdn.knightlab.com/x)"),
])
def test_media_that_is_no_file_says_what_it_is(url, says):
    assert says in (not_a_file(url) or "")


@pytest.mark.parametrize("url", ["//upload.wikimedia.org/wikipedia/commons/5/59/Arithmometre.jpg",
                                 "https://lh4.googleusercontent.com/x/IMG_7898.JPG", "examples/taylor/born.jpg",
                                 "https://www.flickr.com/about", "https://box.com/x"])
def test_files_and_other_urls_are_not_taken_for_pages(url):
    assert not_a_file(url) is None


def test_a_protocol_relative_address_is_a_url_not_a_site_path(tmp_path):
    assert is_url("//farm8.staticflickr.com/7001/6812048183_316d424f2f.jpg") and not is_url("/static/img/x.png")
    carried = MediaCarrier(tmp_path / "t.json", fetch_media=False, progress=None).carry(
        [SlideMedia("events[3].media", "Florida", "//farm8.staticflickr.com/7001/6812048183_316d424f2f.jpg")])
    (line,) = carried.not_carried
    assert "— not carried: a URL (give --fetch-media" in line


def test_pages_are_listed_and_never_fetched_even_with_fetch_media(tmp_path):
    # offline: a fetch would fail the import; a page is listed instead, HTML snippets too (no 'File name too long')
    items = [SlideMedia(f"events[{i}].media", f"S{i}", url) for i, url in enumerate(
        ["https://youtu.be/x", "<blockquote>" + "word " * 200 + "</blockquote>", "https://vine.co/v/Og5Ai71WHdD"])]
    carried = MediaCarrier(tmp_path / "t.json", fetch_media=True, progress=None).carry(items)
    assert len(carried.not_carried) == 3 and carried.files == {}
    assert all("events[" in line and "— not carried:" in line and len(line) < 400 for line in carried.not_carried)


def test_a_headline_of_place_names_names_them(index):
    assert [p.name for p in _places_in_headline("Maine", index)] == ["Maine"]
    assert [p.name for p in _places_in_headline("Missouri, Minnesota, Colorado", index)] == ["Missouri", "Minnesota",
                                                                                            "Colorado"]
    assert [p.name for p in _places_in_headline("Michigan and Arizona", index)] == ["Michigan", "Arizona"]
    assert _places_in_headline("Arizona debates", index) == [] and _places_in_headline("Super Tuesday", index) == []


def test_the_republican_run_up_places_every_state_slide(tmp_path, index):
    report = import_file(CORPUS / "republican-runup.timeline3.json", tmp_path / "gop", index=index)
    story = json.loads((tmp_path / "gop" / "story.json").read_text(encoding="utf-8"))
    names = {p["id"]: p["names"]["en"] for p in story["places"]}
    places = {e["title"]: [names[r["place"]] for r in e["places"]] for e in story["events"]}
    assert places["Maine"] == ["Maine"] and "Missouri" in places["Missouri, Minnesota, Colorado"]
    assert [n for n in report.notes if "no place named" in n] == ["super-tuesday: no place named in the slide; given "
                                                                  "New Hampshire"]


def test_slide_text_is_composed_unicode():
    text, _ = plain_text("Yu\u0308ntdag\u0306")
    assert text == "Yüntdağ" and unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("written, edtf", [("2011,12,10,07,02,10", "2011-12-10"), ("2011,12,11,08,11", "2011-12-11"),
                                           ("8/9/1963", "1963-08-09"), ("1963-08-09", "1963-08-09"),
                                           ("1963-08-09T14:30:00Z", "1963-08-09"), ("1978", "1978"), ("2012,2", "2012-02")])
def test_timelinejs2_dates_as_its_own_parser_read_them(written, edtf):
    # Knight Lab's TimelineJS2 template writes "startDate":"2011,12,10,07,02,10"; its spreadsheet wrote M/D/YYYY
    document = {"timeline": {"headline": "T", "date": [{"startDate": written, "headline": "Slide"}]}}
    (event,) = timelinejs_to_events(document, "v2.json").events
    assert event.edtf == edtf


def test_a_timelinejs2_time_of_day_is_listed_as_not_carried():
    document = {"timeline": {"headline": "T", "date": [{"startDate": "2011,12,10,07,02,10", "headline": "Slide"}]}}
    assert any(line.startswith("hour, minute") for line in timelinejs_to_events(document, "v2.json").not_carried)


def test_a_slide_is_read_sentence_by_sentence_as_the_drafter_reads_an_article(tmp_path, index):
    # 'born in London to American parents … returned to America': London is read in its own sentence, the
    # continent named two sentences on does not move it to Ontario
    import_file(CORPUS / "elizabeth-taylor.timeline2.json", tmp_path / "taylor", index=index)
    story = json.loads((tmp_path / "taylor" / "story.json").read_text(encoding="utf-8"))
    london = next(p for p in story["places"] if p["names"]["en"] == "London")
    assert abs(london["point"]["lat"] - 51.5) < 0.2 and abs(london["point"]["lon"] + 0.13) < 0.2
