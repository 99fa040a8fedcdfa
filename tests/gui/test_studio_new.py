"""File → New exhibit… from a truly empty folder, started empty, to a checked, translated exhibit: two events,
three places, a region, passages, a translation; saved, accepted by ``chronomap check`` run as a program,
and shown by the explorer. The dialog's refusals are one line, with nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, query_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from chronomap.authoring.place_search import PlaceSearch
from chronomap.story.loader import load_exhibit

pytestmark = pytest.mark.gui

ARTICLE = "Two Towns\n\nOn 3 March 1990 a strike began in Karaganda. The miners of the capital followed.\n"


@pytest.fixture(autouse=True)
def no_questions(monkeypatch):
    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", lambda *args, **kwargs: "discard")
    monkeypatch.setattr("chronomap.desk.studio.ask_yes", lambda *args, **kwargs: True)
    offline = PlaceSearch.for_exhibit.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(PlaceSearch, "for_exhibit", classmethod(lambda cls, folder, use_geonames=None: offline(cls, folder, False)))


def new_dialog(qtbot, window):
    from chronomap.desk.studio_new import NewExhibitDialog

    window.act_new.trigger()
    qtbot.waitUntil(lambda: window.findChild(NewExhibitDialog) is not None and window.findChild(NewExhibitDialog).isVisible(),
                    timeout=STEP_TIMEOUT)
    return window.findChild(NewExhibitDialog)


def tell(panel, sentence: str) -> None:
    """In the Passages tab, the selected event tells *sentence* and nothing else."""
    panel.show_tab(panel.passages)
    rows = {panel.passages.sentences.item(r).data(Qt.ItemDataRole.UserRole): panel.passages.sentences.item(r)
            for r in range(panel.passages.sentences.count())}
    rows[sentence].setCheckState(Qt.CheckState.Checked)
    for key, row in rows.items():
        if key != sentence and row.checkState() == Qt.CheckState.Checked:
            row.setCheckState(Qt.CheckState.Unchecked)


def create(dialog) -> None:
    assert dialog.create_button.text() == "&Create"  # not put back to "OK" once shown
    dialog.create_button.click()


def test_the_dialog_refuses_in_one_line_and_writes_nothing(qtbot, make_window, tmp_path):
    window = make_window()
    dialog = new_dialog(qtbot, window)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    dialog.folder.setText(str(busy))
    dialog.article.setPlainText(ARTICLE)
    create(dialog)
    assert "is not empty and holds no exhibit" in dialog.error.text() and "\n" not in dialog.error.text()
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]

    dialog.folder.setText(str(tmp_path / "fresh"))
    dialog.article.setPlainText("   \n")
    create(dialog)
    assert "the article is empty" in dialog.error.text()
    dialog.article.setPlainText("Nothing dated happens here.")
    dialog.draft.setChecked(True)
    create(dialog)
    assert "no date" in dialog.error.text()
    assert dialog.isVisible() and not (tmp_path / "fresh").exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left behind
    dialog.reject()


def test_an_exhibit_made_in_the_app_from_an_empty_folder(qtbot, make_window, tmp_path):
    from chronomap.desk.studio_dock import StudioDock

    folder = tmp_path / "two-towns"
    folder.mkdir()  # truly empty
    window = make_window()
    dialog = new_dialog(qtbot, window)
    dialog.folder.setText(str(folder))
    dialog.article.setPlainText(ARTICLE)  # pasted
    dialog.empty.setChecked(True)
    create(dialog)
    assert dialog.error.text() == ""
    qtbot.waitUntil(lambda: window.exhibit.path == folder and window.findChild(StudioDock) is not None
                    and not window.findChild(StudioDock)._ended, timeout=LOAD_TIMEOUT)
    panel = window.findChild(StudioDock).panel
    assert panel.editor.folder == folder and panel.editor.event_ids() == ["new-event"]

    # the placeholder event becomes the first one: its words and the date typed
    first = panel.event_id()
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "A strike began")
    panel.summary.setFocus()
    panel.summary.selectAll()
    qtbot.keyClicks(panel.summary, "A strike began in Karaganda.")
    panel.date.edit.setFocus()
    panel.date.edit.selectAll()
    qtbot.keyClicks(panel.date.edit, "1990-03-03")
    # a second event, telling the second sentence
    panel.buttons["add"].click()
    second = panel.event_id()
    assert second != first
    qtbot.keyClicks(panel.title, "The capital followed")
    panel.summary.setFocus()
    qtbot.keyClicks(panel.summary, "The miners of the capital followed.")
    panel.date.edit.setFocus()
    panel.date.edit.selectAll()
    qtbot.keyClicks(panel.date.edit, "1990-04")
    panel.events.setFocus()
    tell(panel, "intro.p2.s2")
    assert panel.editor.event(second)["passages"] == ["intro.p2.s2"]
    panel.events.setCurrentRow(panel.editor.event_ids().index(first))
    tell(panel, "intro.p2.s1")
    assert panel.editor.event(first)["passages"] == ["intro.p2.s1"]

    # places: the placeholder renamed and moved to Karaganda, Almaty from the gazetteer, a region typed
    panel.show_tab(panel.places)
    places = panel.places
    places.places.setCurrentRow(0)
    assert places.place_id() == "new-place"
    places.names["en"].setFocus()
    places.names["en"].selectAll()
    qtbot.keyClicks(places.names["en"], "Karaganda")
    for box, value in ((places.lat, "49.8"), (places.lon, "73.1")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, value)
        QTest.keyClick(box, Qt.Key.Key_Return)
    panel.events.setCurrentRow(panel.editor.event_ids().index(second))
    panel.show_tab(panel.places)
    places.query.setText("Almaty")
    places.run_search()
    places.role.setText("where the miners followed")
    places.add.click()
    places.query.setText("Kazakh SSR")
    places.role.setText("the republic")
    qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=LOAD_TIMEOUT)  # Almaty added: the page drawn again
    places.new_at_centre.click()
    qtbot.waitUntil(lambda: places.place_id() == "kazakh-ssr", timeout=STEP_TIMEOUT)
    index = places.region.findData("KAZ")
    places.region.setCurrentIndex(index)
    places.region.activated.emit(index)

    panel.tabs.setCurrentIndex(1)  # one translation: the second event's title in Russian
    ru = panel.translations[("ru", "title")]
    ru.setText("Столица присоединилась")
    ru.textEdited.emit("Столица присоединилась")

    assert panel.save()
    checked = subprocess.run([sys.executable, "-m", "chronomap", "check", str(folder)], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "desktop")}, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    saved = load_exhibit(folder)
    assert len(saved.events) == 2 and set(saved.places) == {"new-place", "almaty", "kazakh-ssr"}
    assert saved.places["new-place"].names.en == "Karaganda"
    assert saved.places["kazakh-ssr"].region.basemap == ("KAZ",)
    assert saved.event(second).title_in("ru") == "Столица присоединилась"
    assert saved.event(first).span.label("en") == "3 March 1990"

    explorer = make_window(saved)
    explorer.model.go_to_event(second)
    qtbot.waitUntil(lambda: query_page(qtbot, explorer.map_view)["statuses"].get("almaty") == "current",
                    timeout=LOAD_TIMEOUT)
    assert set(query_page(qtbot, explorer.map_view)["statuses"]) == {"new-place", "almaty", "kazakh-ssr"}
