"""The event a draft missed, made from one sentence: titled and dated as the drafter reads it, one step of undo."""

from __future__ import annotations

import pytest

from chronomap.authoring.edits import EditError, ExhibitEditor, read_sentence
from chronomap.story.loader import check_exhibit, load_exhibit


@pytest.fixture
def editor(exhibit_copy, tmp_path):
    editor = ExhibitEditor(exhibit_copy.folder, recovery=tmp_path / "recovery")
    yield editor
    editor.close()


def test_the_drafters_reading_of_a_sentence(exhibit_copy):
    article = load_exhibit(exhibit_copy.folder).article
    dated = read_sentence(article, "appointment-of-local-leadership.p1.s1")
    assert dated.date == "1989-06-22" and dated.title == "Nursultan Nazarbayev was chosen"
    assert read_sentence(article, "intro.p2.s1").date is None
    with pytest.raises(EditError):
        read_sentence(article, "nowhere.p9.s9")


def test_a_new_event_from_a_sentence_is_one_step_and_checks(editor, exhibit_copy):
    article = load_exhibit(exhibit_copy.folder).article
    reading = read_sentence(article, "appointment-of-local-leadership.p1.s1")
    before = editor.documents()
    like = editor.event_ids()[0]
    new = editor.add_event_from_sentence(reading, reading.date, like=like)
    record = editor.event(new)
    assert record["passages"] == [reading.sentence_id] and record["date"] == "1989-06-22" and "date_note" not in record
    assert record["places"] == editor.event(like)["places"] and editor.problems() == []
    editor.undo()
    assert editor.documents() == before
    editor.redo()
    editor.save()
    assert check_exhibit(exhibit_copy.folder) == []


def test_a_sentence_without_a_date_takes_the_curators_and_says_so(editor, exhibit_copy):
    reading = read_sentence(load_exhibit(exhibit_copy.folder).article, "intro.p2.s1")
    with pytest.raises(EditError) as refused:
        editor.add_event_from_sentence(reading, "1991-02-30")
    assert refused.value.field == "date" and "28 days" in refused.value.message
    new = editor.add_event_from_sentence(reading, "1989")
    assert editor.event(new)["date"] == "1989" and editor.event(new)["date_note"]
