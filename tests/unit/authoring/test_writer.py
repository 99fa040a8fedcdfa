"""Exhibit folders appear whole or not at all."""

import pytest

from chronomap.authoring import writer
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.writer import write_exhibit_folder
from chronomap.resources import default_exhibit_path
from chronomap.story.model import Problem


def exhibit_files() -> dict[str, str]:
    folder = default_exhibit_path()
    return {name: (folder / name).read_text(encoding="utf-8") for name in ("article.txt", "exhibit.json", "story.json")}


def test_a_folder_is_written_checked_and_renamed_into_place(tmp_path):
    write_exhibit_folder(tmp_path / "a" / "b", exhibit_files())
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["article.txt", "exhibit.json", "story.json"]
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b"]


def test_a_draft_that_fails_the_check_leaves_nothing(tmp_path):
    files = exhibit_files()
    files["story.json"] = files["story.json"].replace('"date": "1989-06-22"', '"date": "1989-02-30"', 1)
    with pytest.raises(AuthoringError) as caught:
        write_exhibit_folder(tmp_path / "out", files)
    assert "1989-02-30" in str(caught.value) and str(tmp_path / "out") in caught.value.problems[0].file
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_replacing_keeps_the_old_folder(tmp_path, monkeypatch):
    target = tmp_path / "out"
    write_exhibit_folder(target, exhibit_files())
    monkeypatch.setattr(writer, "check_exhibit", lambda folder: [Problem(str(folder), "", "broken on purpose")])
    with pytest.raises(AuthoringError):
        write_exhibit_folder(target, {"article.txt": "x"}, force=True)
    assert (target / "story.json").is_file() and [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_file_in_the_way_is_a_usage_error(tmp_path):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(AuthoringError) as caught:
        write_exhibit_folder(tmp_path / "out", exhibit_files())
    assert caught.value.exit_status == 2 and "exists and is a file" in str(caught.value)
