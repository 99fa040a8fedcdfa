"""Passages tab → New event from this sentence: the event a draft missed, from a sentence selected in the
article (or, from the keyboard, the list's current row); dated as the drafter reads it, else asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from chronomap.authoring.edits import read_sentence
from chronomap.authoring.place_search import PlaceSearch
from chronomap.story.loader import check_exhibit, load_exhibit

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


@pytest.fixture
def studio(qtbot, make_window, exhibit_copy, monkeypatch):
    from chronomap.desk.studio_dock import open_studio

    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", lambda *args, **kwargs: "discard")

    def unexpected(*args):
        raise AssertionError("asked for a date")

    monkeypatch.setattr("chronomap.desk.studio_passages.ask_date", unexpected)  # a test that expects it says so
    window = make_window(load_exhibit(exhibit_copy.folder))
    dock = open_studio(window, search=lambda: PlaceSearch.for_exhibit(exhibit_copy.folder, use_geonames=False))
    assert dock is not None
    return window, dock.panel


def untold(window, dated: bool) -> str:
    """A sentence no event tells, with (or without) a date the drafter reads."""
    told = {s for e in window.exhibit.events for s in e.sentence_ids}
    for paragraph in window.exhibit.article.paragraphs():
        for sentence in paragraph.sentences:
            if sentence.id not in told and (read_sentence(window.exhibit.article, sentence.id).date is not None) == dated:
                return sentence.id
    raise AssertionError("no such sentence")


def test_a_sentence_selected_in_the_article_becomes_an_event_in_one_step(qtbot, studio, exhibit_copy):
    window, panel = studio
    panel.show_tab(panel.passages)
    tab = panel.passages
    sentence = "appointment-of-local-leadership.p1.s1"  # dated within the period (a second event may tell it)
    reading = read_sentence(window.exhibit.article, sentence)
    start, end = window.article.sentence_range(sentence)
    cursor = window.article.textCursor()
    cursor.setPosition(start + 1)
    cursor.setPosition(end - 1, QTextCursor.MoveMode.KeepAnchor)
    window.article.setTextCursor(cursor)  # as a drag in the article does
    qtbot.waitUntil(tab.new_event.isEnabled, timeout=3000)
    count = len(panel.editor.event_ids())
    tab.new_event.click()
    new = panel.event_id()
    assert len(panel.editor.event_ids()) == count + 1
    record = panel.editor.event(new)
    assert record["title"] == reading.title and record["date"] == reading.date and record["passages"] == [sentence]
    assert panel.title.text() == reading.title  # the form shows it
    assert panel.act_undo.text().endswith("New event from sentence")
    panel.undo()
    assert len(panel.editor.event_ids()) == count
    panel.redo()
    assert panel.save() and check_exhibit(exhibit_copy.folder) == []
    assert load_exhibit(exhibit_copy.folder).event(new).sentence_ids == (sentence,)


def test_from_the_keyboard_a_sentence_without_a_date_asks_for_one(qtbot, studio, monkeypatch):
    window, panel = studio
    asked: list[str] = []
    answers = iter(["1991-02-30", "1988"])
    monkeypatch.setattr("chronomap.desk.studio_passages.ask_date", lambda parent, title, label: asked.append(label) or next(answers))
    panel.show_tab(panel.passages)
    tab = panel.passages
    sentence = untold(window, dated=False)
    rows = [tab.sentences.item(r).data(Qt.ItemDataRole.UserRole) for r in range(tab.sentences.count())]
    tab.sentences.setCurrentRow(rows.index(sentence))  # ↑/↓ in the list
    assert tab.new_event.isEnabled()
    tab.new_event.click()
    assert len(asked) == 2 and "28 days" in asked[1]  # the engine's refusal, then asked again
    record = panel.editor.event(panel.event_id())
    assert record["date"] == "1988" and record["passages"] == [sentence] and record["date_note"]


def test_cancelling_the_date_adds_nothing(qtbot, studio, monkeypatch):
    window, panel = studio
    monkeypatch.setattr("chronomap.desk.studio_passages.ask_date", lambda *args: None)
    panel.show_tab(panel.passages)
    tab = panel.passages
    sentence = untold(window, dated=False)
    rows = [tab.sentences.item(r).data(Qt.ItemDataRole.UserRole) for r in range(tab.sentences.count())]
    tab.sentences.setCurrentRow(rows.index(sentence))
    count = len(panel.editor.event_ids())
    tab.new_event.click()
    assert len(panel.editor.event_ids()) == count and not panel.editor.dirty


def test_a_plain_click_on_a_places_dot_selects_it_in_the_places_tab(qtbot, studio):
    window, panel = studio
    event = next(e for e in window.exhibit.events if len(e.places) >= 2)
    panel.event_tab.select(event.id)
    panel.show_tab(panel.places)
    ids = [panel.places.places.item(r).data(Qt.ItemDataRole.UserRole) for r in range(panel.places.places.count())]
    panel.places.places.setCurrentRow(0)
    window.map_view.place_clicked.emit(ids[-1])  # what the page reports for a click on that dot
    assert panel.places.place_id() == ids[-1]
    assert not panel.editor.dirty  # selected, nothing moved
