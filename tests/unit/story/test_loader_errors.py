"""Bad input: every problem names the file, the field, what was found and what was expected."""

import pytest

from chronomap.story.loader import check_exhibit, load_exhibit
from chronomap.story.model import ExhibitError


def problems_of(folder):
    problems = check_exhibit(folder)
    assert problems, "the broken exhibit was accepted"
    return problems


def test_the_built_in_exhibit_is_clean(exhibit_copy):
    assert check_exhibit(exhibit_copy.folder) == []


def test_missing_folder(tmp_path):
    [problem] = problems_of(tmp_path / "nowhere")
    assert "nowhere" in problem.file and "not found" in problem.message


def test_malformed_json_names_line_and_column(exhibit_copy):
    (exhibit_copy.folder / "story.json").write_text('{"schema": "chronomap.story/1", "places": [,]}', encoding="utf-8")
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.file.endswith("story.json")
    assert problem.path == "line 1 column 44" and "malformed JSON" in problem.message


def test_unknown_place_in_an_event(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][1]["places"][0].update(place="atlantis"))
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.path == "events[1].places[0].place"
    assert "'atlantis'" in problem.message and "almaty" in problem.message


def test_invalid_edtf_date(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][0].update(date="December 16, 1986"))
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.file.endswith("story.json") and problem.path == "events[0].date"
    assert "'December 16, 1986'" in problem.message and "EDTF" in problem.message


def test_duplicate_ids(exhibit_copy):
    def duplicate(d):
        d["events"][2]["id"] = d["events"][1]["id"]
        d["places"][1]["id"] = d["places"][0]["id"]
    exhibit_copy.edit("story.json", duplicate)
    paths = {p.path for p in problems_of(exhibit_copy.folder)}
    assert {"events[2].id", "places[1].id"} <= paths


def test_passage_beyond_the_article(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][0]["passages"].append("path-to-independence.p4.s99"))
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.path == "events[0].passages[2]"
    assert "'path-to-independence.p4.s99'" in problem.message and "not in the article" in problem.message


def test_empty_article(exhibit_copy):
    (exhibit_copy.folder / "article.txt").write_text("\n\n", encoding="utf-8")
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.file.endswith("article.txt") and "empty" in problem.message


def test_non_utf8_article(exhibit_copy):
    (exhibit_copy.folder / "article.txt").write_bytes("= T =\n\nAlma-Ata \u2014 caf\xe9\n".encode("cp1251", "replace") + b"\xff\xfe")
    [problem] = problems_of(exhibit_copy.folder)
    assert "not UTF-8" in problem.message and "0x" in problem.message


def test_place_without_coordinates(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["places"][0].update(gazetteer="Nowhere, Atlantis"))
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.path == "places[0].point"
    assert "'Nowhere, Atlantis'" in problem.message and "chronomap geocode" in problem.message


def test_wrong_type_and_missing_field(exhibit_copy):
    def damage(d):
        d["places"][0]["point"] = {"lat": 123, "lon": 76.9}
        del d["events"][0]["title"]
    exhibit_copy.edit("story.json", damage)
    problems = {p.path: p.message for p in problems_of(exhibit_copy.folder)}
    assert "found 123" in problems["places[0].point.lat"] and "90" in problems["places[0].point.lat"]
    assert "required" in problems["events[0].title"]


def test_relative_date_to_unknown_event(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][-1]["relative"].update(after="nothing"))
    [problem] = problems_of(exhibit_copy.folder)
    assert problem.path.endswith("relative.after") and "'nothing'" in problem.message


def test_event_outside_the_period(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][0].update(date="1950-01-01"))
    [problem] = problems_of(exhibit_copy.folder)
    assert "within the exhibit period" in problem.message


def test_load_raises_with_every_problem(exhibit_copy):
    def damage(d):
        d["events"][0]["date"] = "nope"
        d["events"][1]["places"][0]["place"] = "nowhere"
    exhibit_copy.edit("story.json", damage)
    with pytest.raises(ExhibitError) as info:
        load_exhibit(exhibit_copy.folder)
    assert len(info.value.problems) == 2


def test_a_story_whose_places_are_not_a_list_is_refused_not_crashed(tmp_path):
    """Found by the fuzzer: ``{"places": true}`` raised TypeError while salvaging the valid records."""
    import json
    import shutil

    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit
    from chronomap.story.model import ExhibitError

    folder = tmp_path / "exhibit"
    shutil.copytree(default_exhibit_path(), folder)
    (folder / "story.json").write_text(json.dumps({"places": True}), encoding="utf-8")
    with pytest.raises(ExhibitError) as caught:
        load_exhibit(folder)
    assert any("places" in str(p) for p in caught.value.problems)
