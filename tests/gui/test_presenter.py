"""ExplorerPresenter.replace_exhibit: another version of the same exhibit on the same views, no page reload."""

from __future__ import annotations

import json

import pytest

from chronomap.story.loader import load_exhibit

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


def _retitled(folder, event_id: str, title: str):
    story = folder / "story.json"
    document = json.loads(story.read_text(encoding="utf-8"))
    next(e for e in document["events"] if e["id"] == event_id)["title"] = title
    story.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return load_exhibit(folder)


def test_replace_exhibit_shows_the_new_texts_at_the_event_on_the_same_page(qtbot, make_window, exhibit_copy):
    window = make_window(load_exhibit(exhibit_copy.folder))
    presenter, view = window.presenter, window.map_view
    loads, states = len(view.loaded), len(view.states)
    edited = _retitled(exhibit_copy.folder, "unrest-spreads", "The unrest reaches Karaganda")
    with qtbot.waitSignal(presenter.shown, timeout=3000):
        presenter.replace_exhibit(edited, "unrest-spreads")
    assert window.model.moment.focus.id == "unrest-spreads"
    assert window.event_label.text() == "The unrest reaches Karaganda"
    assert "The unrest reaches Karaganda" in window.card.text()
    assert window.slider.timeline is window.model.timeline and window.model.timeline.exhibit is edited
    assert presenter.builder.exhibit is edited
    assert window.article.exhibit is edited
    assert len(view.loaded) == loads and len(view.states) > states  # shown by a state, not a reload


def test_replace_exhibit_without_an_event_stays_at_the_moment(qtbot, make_window, exhibit_copy):
    window = make_window(load_exhibit(exhibit_copy.folder))
    window.model.go_to_event("december-events")
    edited = _retitled(exhibit_copy.folder, "december-events", "Jeltoqsan")
    with qtbot.waitSignal(window.presenter.shown, timeout=3000):
        window.presenter.replace_exhibit(edited)
    assert window.model.moment.focus.id == "december-events"
    assert window.event_label.text() == "Jeltoqsan"
