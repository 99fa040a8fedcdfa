"""ExplorerPresenter.replace_exhibit: another version of the same exhibit on the same views, no page reload."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

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


# -- the side views follow the page's answer (issue 16: the answer is heard before their work) ---------------


def test_a_moment_reaches_the_card_only_after_the_page_has_answered_it(qtbot, make_window):
    window = make_window()
    view, presenter = window.map_view, window.presenter
    before = window.card.text()
    heard: list[tuple[int, str, str]] = []  # (seq, card, date) as the answer is heard
    view.state_applied.connect(lambda seq: heard.append((seq, window.card.text(), window.date_label.text())))
    window.model.go_to_event("august-coup")
    seq = view.last_state["seq"]
    assert presenter.following and window.card.text() == before  # the map first
    assert window.slider.day == window.model.day  # the timeline at once (its keys step from it)
    with qtbot.waitSignal(presenter.shown, timeout=3000):
        pass
    mine = [h for h in heard if h[0] == seq]
    assert mine and mine[0][1] == before  # the answer was heard before the card's work
    assert "August coup" in window.card.text() and window.date_label.text() == "19–21 August 1991"
    assert not presenter.following


def test_a_page_that_does_not_answer_holds_the_card_back_no_longer_than_the_cap(qtbot, make_window, monkeypatch):
    from chronomap.qt.presenter import FOLLOW_CAP_MS

    window = make_window()
    monkeypatch.setattr(window.map_view, "_confirm", lambda seq: None)  # the page never answers
    window.model.go_to_event("august-coup")
    assert window.presenter.following
    with qtbot.waitSignal(window.presenter.shown, timeout=FOLLOW_CAP_MS * 20):
        pass
    assert "August coup" in window.card.text()


def test_changes_faster_than_the_page_answers_show_the_newest_once(qtbot, make_window):
    window = make_window()
    shown = []
    window.presenter.shown.connect(lambda moment: shown.append(moment.focus.id if moment.focus else None))
    for event_id in ("december-events", "august-coup", "independence"):
        window.model.go_to_event(event_id)
    with qtbot.waitSignal(window.presenter.shown, timeout=3000):
        pass
    assert shown == ["independence"]
    assert window.event_label.text() == window.model.moment.focus.title_in("en")


def test_a_place_chosen_while_a_moment_waits_is_not_covered_by_that_moment(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.map_view.state_applied, timeout=3000):
        window.model.go_to_event("august-coup")
        assert window.presenter.following
        window.show_place_details("moscow")  # before the page has answered the moment
        assert not window.presenter.following  # the moment was shown first, then the place over it
    QCoreApplication.processEvents()  # the presenter hears the answer (a queued call)
    assert "<b>Moscow</b>" in window.card.text()  # the place's card, not the event's
    assert "<b>The August coup fails in Moscow</b>" not in window.card.text()


def test_the_timeline_takes_a_moment_at_once_and_repaints_it_with_the_other_views(qtbot, make_window, monkeypatch):
    """Its repaint (and the window's flush) ran in front of the page's answer (bench_explorer, confirmation)."""
    from PySide6.QtCore import QEvent, QObject

    from chronomap.qt import presenter as presenter_module

    monkeypatch.setattr(presenter_module, "FOLLOW_CAP_MS", 60_000)  # the views wait for the answer alone
    window = make_window()
    answers: list[int] = []
    monkeypatch.setattr(window.map_view, "_confirm", answers.append)  # held: answered below, when the test says

    class Paints(QObject):
        count = 0

        def eventFilter(self, _watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    window.slider.installEventFilter(paints)
    for _ in range(3):
        QCoreApplication.processEvents()  # the window's first paints
    before = paints.count
    window.model.go_to_event("august-coup")
    assert window.slider.day == window.model.day  # its keys and drags step from the new day at once
    for _ in range(3):
        QCoreApplication.processEvents()  # a posted repaint would run here
    assert answers and window.presenter.following
    assert paints.count == before  # not painted before the page answered
    type(window.map_view)._confirm(window.map_view, answers[-1])  # the page answers now
    with qtbot.waitSignal(window.presenter.shown, timeout=3000):
        pass
    qtbot.waitUntil(lambda: paints.count > before, timeout=3000)
