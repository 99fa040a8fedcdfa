"""A new exhibit from an article, drafted or empty: written whole and checked, or refused in one line with nothing written."""

from __future__ import annotations

import datetime
import shutil

import pytest

from chronomap.authoring.edit_new import create_exhibit, empty_documents, read_article
from chronomap.authoring.edits import ExhibitEditor
from chronomap.authoring.errors import AuthoringError
from chronomap.cli_edit import is_new_folder
from chronomap.story.loader import check_exhibit, load_exhibit
from helpers.nobody import open_folder, run_python_as_nobody

ARTICLE = "= Two Towns =\n\nOn 3 March 1990 a strike began in Karaganda. The miners of the capital followed.\n"


def test_an_empty_start_is_an_exhibit_the_loader_and_the_editor_open(tmp_path):
    folder = create_exhibit(tmp_path / "new", "Just words, no date.\n\nA second paragraph.", draft=False)
    assert check_exhibit(folder) == []
    exhibit = load_exhibit(folder)
    assert [e.title_in("en") for e in exhibit.events] == ["New event"] and list(exhibit.places) == ["new-place"]
    assert exhibit.meta.title == "new" and exhibit.meta.article.source is None and exhibit.meta.article.licence is None
    editor = ExhibitEditor(folder, recovery=tmp_path / "recovery")
    assert editor.save() == []  # written as the editor writes: a save with no change leaves the bytes


def test_an_empty_start_takes_the_articles_first_date_and_title(tmp_path):
    documents = empty_documents("x", "Two Towns", read_article(ARTICLE, "a.txt"), today=datetime.date(2001, 1, 1))
    event = documents["story.json"]["events"][0]
    assert event["date"] == "1990-03-03" and event["passages"] == ["intro.p1.s1"]
    plain = empty_documents("x", "Y", read_article("No date here.", "a.txt"), today=datetime.date(2001, 1, 1))
    assert plain["story.json"]["events"][0]["date"] == "2001" and plain["exhibit.json"]["period"] == "2001"


def test_a_draft_is_the_drafters(tmp_path):
    folder = create_exhibit(tmp_path / "draft", ARTICLE, draft=True)
    assert check_exhibit(folder) == [] and "karaganda" in load_exhibit(folder).places


@pytest.mark.parametrize("setup, text, says", [
    ("busy", ARTICLE, "is not empty and holds no exhibit"),
    ("exhibit", ARTICLE, "already holds an exhibit"),
    ("file", ARTICLE, "is a file"),
    ("fresh", " \n", "the article is empty"),
])
def test_refusals_are_one_line_and_write_nothing(tmp_path, setup, text, says):
    target = tmp_path / "target"
    if setup == "busy":
        target.mkdir()
        (target / "notes.txt").write_text("x", encoding="utf-8")
    elif setup == "exhibit":
        create_exhibit(target, ARTICLE, draft=False)
    elif setup == "file":
        target.write_text("x", encoding="utf-8")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    with pytest.raises(AuthoringError) as caught:
        create_exhibit(target, text, draft=False)
    assert len(caught.value.problems) == 1 and says in str(caught.value.problems[0])
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


UNWRITABLE = """
import sys
from pathlib import Path
from chronomap.authoring.edit_new import create_exhibit
from chronomap.authoring.errors import AuthoringError
try:
    create_exhibit(Path(sys.argv[1]) / "new", sys.argv[2], draft=False)
except AuthoringError as exc:
    print("refused:", *exc.problems)
else:
    print("written")
"""


def test_an_unwritable_place_is_refused():
    # As root every folder is writable, so the refusal is tried as the user nobody (when root),
    # on a folder that user may enter and read but not write.
    base = open_folder("chronomap-unwritable-")
    locked = base / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        done = run_python_as_nobody("-c", UNWRITABLE, str(locked), ARTICLE)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("refused:") and "cannot be written" in done.stdout, done.stdout
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


def test_edit_on_a_new_or_empty_folder_offers_a_new_exhibit(tmp_path):
    assert is_new_folder(tmp_path / "missing") and is_new_folder(tmp_path)
    (tmp_path / "x").write_text("x", encoding="utf-8")
    assert not is_new_folder(tmp_path)
