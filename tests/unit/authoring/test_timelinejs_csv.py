"""A TimelineJS Google Sheets template saved as CSV imports as the same timeline as its JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.interchange import import_file
from chronomap.authoring.timelinejs import timelinejs_to_events
from chronomap.authoring.timelinejs_csv import FORMAT_NAME_CSV, read_sheet

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
HEADER = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit," \
         "Media Caption,Media Thumbnail,Type,Group,Background"


def _sheet(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def test_the_spreadsheet_is_the_same_timeline_as_its_json():
    sheet = timelinejs_to_events(read_sheet(CORPUS / "women-in-computing.sheet.csv"), "sheet.csv")
    twin = timelinejs_to_events(json.loads((CORPUS / "women-in-computing.timeline3.json").read_text(encoding="utf-8")),
                                "twin.json")
    assert sheet.format == FORMAT_NAME_CSV and sheet.title == twin.title == "Women in Computing"
    assert [(e.title, e.edtf, e.media.url if e.media else None) for e in sheet.events] == \
        [(e.title, e.edtf, e.media.url if e.media else None) for e in twin.events]


def test_columns_are_found_by_name_in_any_order_and_case(tmp_path):
    path = _sheet(tmp_path, "Otrar falls,1219,2,,The Mongols take the city.", header="headline,YEAR,Month,Type,text")
    (event,) = timelinejs_to_events(read_sheet(path), "sheet.csv").events
    assert (event.title, event.edtf, event.summary) == ("Otrar falls", "1219-02", "The Mongols take the city.")


def test_title_and_era_rows_are_not_events_and_eras_are_listed(tmp_path):
    path = _sheet(tmp_path, ",,,,,,,,,The Silk Road,Caravans,,,,,title,,",
                  "1200,,,,1300,,,,,Mongol era,,,,,,era,,", "1219,,,,,,,,,Otrar,Falls,,,,,,,")
    imported = timelinejs_to_events(read_sheet(path), "sheet.csv")
    assert imported.title == "The Silk Road" and [e.title for e in imported.events] == ["Otrar"]
    assert any(line.startswith("eras — 1") for line in imported.not_carried)


def test_times_of_day_and_unknown_columns_are_listed_not_lost(tmp_path):
    path = _sheet(tmp_path, "1219,2,3,14:30,,,,,,Otrar,Falls,,,,,,,,Genghis", header=HEADER + ",Notes")
    report = import_file(path, tmp_path / "out", place="Almaty")
    assert any(line.startswith("hour, minute") for line in report.not_carried)
    assert "spreadsheet column 'Notes' — 1 row(s): not a TimelineJS column" in report.not_carried


def test_a_bad_cell_names_its_row_and_column(tmp_path):
    path = _sheet(tmp_path, "1219,,,,,,,,,Otrar,Falls,,,,,,,", "12l9,,,,,,,,,Otrar again,Falls,,,,,,,")
    with pytest.raises(AuthoringError) as caught:
        read_sheet(path)
    (problem,) = caught.value.problems
    assert problem.path == "row 3, column Year" and "found '12l9'; expected a whole-number year" in problem.message


def test_the_readers_messages_name_the_row(tmp_path):
    path = _sheet(tmp_path, "1219,,,,,,,,,Otrar,Falls,,,,,,,", "", "1220,2,30,,,,,,,Bukhara,Falls,,,,,,,")
    with pytest.raises(AuthoringError) as caught:
        import_file(path, tmp_path / "out")
    (problem,) = caught.value.problems
    assert problem.path == "row 4 (events[1].start_date)" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("separator, suffix", [(";", ".csv"), ("\t", ".tsv")])
def test_a_sheet_saved_with_semicolons_or_tabs_reads_the_same(tmp_path, separator, suffix):
    text = (CORPUS / "women-in-computing.sheet.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    path = tmp_path / f"sheet{suffix}"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=separator).writerows(rows)
    assert [e.title for e in timelinejs_to_events(read_sheet(path), "s").events] == \
        [e.title for e in timelinejs_to_events(read_sheet(CORPUS / "women-in-computing.sheet.csv"), "s").events]
