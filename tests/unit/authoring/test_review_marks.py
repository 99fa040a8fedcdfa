"""The place names of a drafted article, each with its review status: confirmed, guessed or unresolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronomap.authoring.draft import draft_exhibit
from chronomap.authoring.edits import ExhibitEditor
from chronomap.authoring.place_search import PlaceSearch
from chronomap.authoring.review import confirm
from chronomap.authoring.review_events import read_article
from chronomap.authoring.review_marks import CONFIRMED, GUESSED, UNRESOLVED, counts, place_marks, unresolved_names

ARTICLE = Path(__file__).parents[3] / "data" / "perestroika-kazakhstan" / "article.txt"


@pytest.fixture
def drafted(tmp_path):
    folder = tmp_path / "draft"
    draft_exhibit(ARTICLE, folder)
    editor = ExhibitEditor(folder, recovery=tmp_path / "recovery")
    yield editor
    editor.close()


def test_every_found_name_is_marked_where_the_article_writes_it(drafted):
    article = read_article(drafted)
    unresolved = unresolved_names(article, PlaceSearch.for_exhibit(None).index)
    marks = place_marks(drafted, article, unresolved)
    texts = {(m.name, m.status) for m in marks}
    assert ("Almaty", GUESSED) in texts and ("Kazakh SSR", GUESSED) in texts
    assert ("Donbas", UNRESOLVED) in texts and ("Kuzbass", UNRESOLVED) in texts
    for mark in marks:  # each mark is exactly the name, in its sentence
        sentence = article.find(mark.sentence_id)
        assert sentence.text[mark.start:mark.end] == mark.name
    # the longer name wins: 'Kazakh Soviet Socialist Republic' is one mark, not 'Kazakh…' inside it
    first = [m for m in marks if m.sentence_id == "intro.p1.s1"]
    assert [m.name for m in first] == ["Kazakhstan", "Kazakh Soviet Socialist Republic", "Soviet Union"]
    assert counts(marks)[CONFIRMED] == 0


def test_a_confirmed_place_is_marked_confirmed_everywhere_and_undo_brings_the_guess_back(drafted):
    article = read_article(drafted)
    confirm(drafted, "moscow")
    assert {m.status for m in place_marks(drafted, article) if m.place_id == "moscow"} == {CONFIRMED}
    assert {m.status for m in place_marks(drafted, article) if m.place_id == "almaty"} == {GUESSED}
    drafted.undo()
    assert {m.status for m in place_marks(drafted, article) if m.place_id == "moscow"} == {GUESSED}
