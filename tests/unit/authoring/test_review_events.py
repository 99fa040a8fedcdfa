"""Reviewing a draft's dated statements: the sentence each came from; accept, fix the date, merge, drop; progress."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronomap.authoring.draft import draft_exhibit
from chronomap.authoring.edits import EditError, ExhibitEditor
from chronomap.authoring.review_events import (
    ACCEPTED,
    CHECKED_MARK,
    TO_CHECK,
    accept,
    drop,
    event_review,
    fix_date,
    merge,
    merge_targets,
    progress,
    review_events,
)
from chronomap.story.loader import check_exhibit, load_exhibit

ARTICLE = Path(__file__).parents[3] / "data" / "perestroika-kazakhstan" / "article.txt"


@pytest.fixture(scope="module")
def drafted_once(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafted") / "draft"
    draft_exhibit(ARTICLE, folder)
    return folder


@pytest.fixture
def drafted(drafted_once, tmp_path):
    folder = tmp_path / "draft"
    shutil.copytree(drafted_once, folder)
    editor = ExhibitEditor(folder, recovery=tmp_path / "recovery")
    yield folder, editor
    editor.close()


def _by_id(editor):
    return {r.event_id: r for r in review_events(editor)}


def test_every_drafted_event_is_to_check_with_the_sentence_and_the_words_of_its_date(drafted):
    _folder, editor = drafted
    reviews = review_events(editor)
    assert [r.event_id for r in reviews] == editor.event_ids()
    assert {r.status for r in reviews} == {TO_CHECK}
    assert progress(reviews) == (len(reviews), len(reviews)) and len(reviews) == 15
    renamed = _by_id(editor)["the-kazakh-ssr-officially-changed"]
    assert renamed.passage == "path-to-independence.p4.s2"
    assert renamed.sentence.startswith("Following the failed coup attempt in Moscow in August 1991")
    assert renamed.phrase == "December 10" and renamed.date == "1991-12-10"
    a, b = renamed.phrase_at
    assert renamed.sentence[a:b] == "December 10"
    ends = _by_id(editor)["the-soviet-union-itself-ceased"]
    assert (ends.date, ends.relative, ends.phrase) == ("", "Nine days later", "Nine days later")
    bracket = _by_id(editor)["a-miners-strike-that-began"]
    assert bracket.passage == "path-to-independence.p1" and "Donbas and Kuzbass" in bracket.sentence


def test_a_curated_exhibit_has_nothing_to_check(exhibit_copy, tmp_path):
    editor = ExhibitEditor(exhibit_copy.folder, recovery=tmp_path / "recovery")
    try:
        reviews = review_events(editor)
        assert progress(reviews)[0] == 0 and {r.status for r in reviews} == {ACCEPTED}
    finally:
        editor.close()


def test_accept_marks_the_event_checked_keeps_its_date_and_is_one_step_of_undo(drafted):
    folder, editor = drafted
    event_id = "kazakhstan-declared-its-independence"
    accept(editor, event_id)
    after = event_review(editor, event_id)
    assert after.status == ACCEPTED and after.date == "1991-12-16" and after.date_note == CHECKED_MARK
    assert progress(review_events(editor)) == (14, 15)
    editor.save()
    assert load_exhibit(folder).event(event_id).date_note == CHECKED_MARK
    editor.undo()
    assert event_review(editor, event_id).status == TO_CHECK


def test_accept_keeps_the_drafters_account_of_an_inferred_date_without_its_request(drafted):
    _folder, editor = drafted
    accept(editor, "a-miners-strike-that-began")
    note = editor.event("a-miners-strike-that-began")["date_note"]
    assert note.startswith("Not dated in the article: placed between") and note.endswith(CHECKED_MARK)
    assert "Check and narrow it." not in note


def test_fix_date_refuses_what_the_engine_refuses_in_its_words_and_changes_nothing(drafted):
    _folder, editor = drafted
    before = editor.documents()
    with pytest.raises(EditError) as refused:
        fix_date(editor, "a-miners-strike-that-began", "1989-02-30")
    assert refused.value.field == "date" and "February 1989 has 28 days" in refused.value.message
    assert editor.documents() == before and not editor.can_undo()


def test_fix_date_sets_the_date_and_checks_the_event_in_one_step(drafted):
    folder, editor = drafted
    fix_date(editor, "a-miners-strike-that-began", "1989-07")
    record = editor.event("a-miners-strike-that-began")
    assert (record["date"], record["date_note"]) == ("1989-07", CHECKED_MARK)
    assert event_review(editor, "a-miners-strike-that-began").status == ACCEPTED
    editor.save()
    assert check_exhibit(folder) == []
    assert load_exhibit(folder).event("a-miners-strike-that-began").span.edtf == "1989-07"
    editor.undo()
    assert editor.event("a-miners-strike-that-began")["date"] == "1989-06-22/1990-11-30"


def test_fix_date_of_a_relative_date_gives_it_a_date_of_its_own(drafted):
    _folder, editor = drafted
    fix_date(editor, "the-soviet-union-itself-ceased", "1991-12-26")
    record = editor.event("the-soviet-union-itself-ceased")
    assert record["date"] == "1991-12-26" and "relative" not in record


def test_merge_moves_passages_and_places_into_the_other_event_and_drops_it(drafted):
    folder, editor = drafted
    source, into = "the-december-events-in-kazakhstan-marked", "known-as-the-december-events"
    assert into in merge_targets(editor, source)
    places = {r["place"] for r in editor.event(source)["places"]} | {r["place"] for r in editor.event(into)["places"]}
    merge(editor, source, into)
    assert source not in editor.event_ids()
    merged = editor.event(into)
    assert merged["passages"] == ["the-december-events.p1.s5", "the-december-events.p2"]
    assert {r["place"] for r in merged["places"]} == places
    assert progress(review_events(editor)) == (14, 14)
    editor.save()
    assert check_exhibit(folder) == []
    editor.undo()
    assert source in editor.event_ids() and editor.event(into)["passages"] == ["the-december-events.p1.s5"]


def test_merge_refuses_an_event_another_is_counted_from_and_itself(drafted):
    _folder, editor = drafted
    with pytest.raises(EditError, match="given relative to it"):
        merge(editor, "kazakhstan-declared-its-independence", "the-kazakh-ssr-officially-changed")
    with pytest.raises(EditError, match="itself"):
        merge(editor, "kazakhstan-declared-its-independence", "kazakhstan-declared-its-independence")
    assert not editor.can_undo()


def test_merge_targets_are_the_nearest_in_time_first(drafted):
    _folder, editor = drafted
    targets = merge_targets(editor, "the-failed-coup-attempt-in-moscow")
    assert targets[0] == "these-plans-were-abandoned-after"  # the same month, August 1991


def test_drop_takes_the_event_out_and_progress_follows(drafted):
    _folder, editor = drafted
    drop(editor, "perestroika-in-kazakhstan-were-the-set")
    assert "perestroika-in-kazakhstan-were-the-set" not in editor.event_ids()
    assert progress(review_events(editor)) == (14, 14)
    with pytest.raises(EditError, match="relative to it"):
        drop(editor, "kazakhstan-declared-its-independence")
    editor.undo()
    assert progress(review_events(editor)) == (15, 15)
