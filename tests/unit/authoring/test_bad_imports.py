"""Every hostile import of tests/data/bad/imports.json (real corpus files, broken as real files break).

A broken file gives exit 2, exactly one ``error:`` line naming the file, the field and what was found, no
traceback, and writes nothing — not the new folder, nor into an exhibit given with ``--into``.  A file that
is only differently encoded (a BOM, CRLF) or repeats ids imports like the clean one.
"""

from __future__ import annotations

import json
import shutil

import pytest

from bad_cases import CORPUS, IMPORTS, STEPPE, build_import_case, snapshot
from chronomap.authoring.cli import import_main
from chronomap.story.loader import load_exhibit

BROKEN = sorted(n for n, c in IMPORTS.items() if c["exit"] == 2)
FINE = sorted(n for n, c in IMPORTS.items() if c["exit"] == 0)


def _args(case: dict, source, out) -> list[str]:
    return [str(source), "--out", str(out), *(["--place", case["place"]] if case.get("place") else [])]


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_file_gives_one_clear_line_and_writes_nothing(name, tmp_path, capsys):
    case = IMPORTS[name]
    source = build_import_case(tmp_path, case)
    before = snapshot(source.parent)
    status = import_main(_args(case, source, tmp_path / "out"))
    out, err = capsys.readouterr()
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert status == 2, err
    assert len(errors) == 1, err
    [line] = errors
    assert "Traceback" not in out + err
    assert f"{source}:" in line, line
    if case["field"]:
        assert f": {case['field']}" in line, line
    assert case["says"] in line, line
    assert len(line) < 600, f"{len(line)} characters: the found value must be quoted short"
    assert not (tmp_path / "out").exists() and snapshot(source.parent) == before


@pytest.mark.parametrize("name", [n for n in BROKEN if ".lpf." in IMPORTS[n]["base"]])
def test_a_broken_places_file_leaves_the_exhibit_it_was_to_go_into_as_it_was(name, tmp_path, capsys):
    case = IMPORTS[name]
    source = build_import_case(tmp_path, case)
    exhibit = tmp_path / "exhibit"
    shutil.copytree(STEPPE, exhibit)
    before = snapshot(exhibit)
    assert import_main([str(source), "--into", str(exhibit)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(exhibit) == before


@pytest.mark.parametrize("name", FINE)
def test_a_file_only_differently_written_imports_as_the_clean_one(name, tmp_path, capsys):
    case = IMPORTS[name]
    source = build_import_case(tmp_path, case)
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(CORPUS / case["base"], clean / case["base"])
    if ".lpf." in case["base"]:  # a places file without dates needs an exhibit: both go into copies of one
        folders = [tmp_path / "a", tmp_path / "b"]
        for folder, path in zip(folders, (clean / case["base"], source), strict=True):
            shutil.copytree(STEPPE, folder)
            assert import_main([str(path), "--into", str(folder)]) == 0, capsys.readouterr().err
    else:
        folders = [tmp_path / "a", tmp_path / "b"]
        for folder, path in zip(folders, (clean / case["base"], source), strict=True):
            assert import_main(_args(case, path, folder)) == 0, capsys.readouterr().err
    stories = [json.loads((f / "story.json").read_text(encoding="utf-8")) for f in folders]
    assert len(stories[0]["events"]) == len(stories[1]["events"]) and len(stories[0]["places"]) == len(stories[1]["places"])
    for folder in folders:
        load_exhibit(folder)  # the imported folder is a valid exhibit (unique ids, every reference resolves)


@pytest.mark.parametrize("name", ["truncated-timeline", "media-nul-byte", "csv-february-30", "enormous-place-name"])
def test_a_broken_file_over_an_earlier_import_with_force_leaves_it_whole(name, tmp_path, capsys):
    case = IMPORTS[name]
    out = tmp_path / "out"
    good = CORPUS / ("pleiades-yuntdag.lpf.json" if ".lpf." in case["base"] else "republican-runup.timeline3.json")
    assert import_main([str(good), "--out", str(out)]) == 0
    source = build_import_case(tmp_path, case)
    before = snapshot(out)
    assert import_main(_args(case, source, out) + ["--force"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(out) == before
