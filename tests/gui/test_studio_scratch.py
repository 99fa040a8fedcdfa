"""An exhibit made in the editor from a bare draft (one sentence dated, one place): two events, three
places, a region, passages, a translation; saved, checked, shown by the explorer; undone to the byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, query_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from chronomap.authoring.place_search import PlaceSearch
from chronomap.story.loader import check_exhibit, load_exhibit

pytestmark = pytest.mark.gui

ARTICLE = "Two Towns\n\nOn 3 March 1990 a strike began in Karaganda. The miners of the capital followed.\n"


@pytest.fixture(autouse=True)
def no_questions(monkeypatch):
    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", lambda *args, **kwargs: "discard")
    monkeypatch.setattr("chronomap.desk.studio.ask_yes", lambda *args, **kwargs: True)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_an_exhibit_made_in_the_editor_from_nothing(qtbot, make_window, tmp_path):
    from chronomap.authoring.draft import draft_exhibit
    from chronomap.desk.studio_dock import open_studio

    article = tmp_path / "two-towns.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "exhibit"
    draft_exhibit(article, folder)
    drafted = load_exhibit(folder)
    assert len(drafted.events) == 1 and list(drafted.places) == ["karaganda"]  # next to nothing
    original = files(folder)
    window = make_window(drafted)
    panel = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=False)).panel

    # a second event: its words and its own date, typed
    panel.buttons["add"].click()
    second = panel.event_id()
    qtbot.keyClicks(panel.title, "The capital followed")
    panel.summary.setFocus()
    qtbot.keyClicks(panel.summary, "The miners of the capital followed.")
    panel.date.edit.setFocus()
    panel.date.edit.selectAll()
    qtbot.keyClicks(panel.date.edit, "1990-04")
    panel.events.setFocus()

    # its passage: the second sentence instead of the first
    panel.show_tab(panel.passages)
    rows = {panel.passages.sentences.item(r).data(Qt.ItemDataRole.UserRole): panel.passages.sentences.item(r)
            for r in range(panel.passages.sentences.count())}
    rows["intro.p2.s2"].setCheckState(Qt.CheckState.Checked)
    rows["intro.p2.s1"].setCheckState(Qt.CheckState.Unchecked)
    assert panel.editor.event(second)["passages"] == ["intro.p2.s2"]

    # a second place from the gazetteer, a third typed by its coordinates and drawn as a region
    panel.show_tab(panel.places)
    places = panel.places
    places.query.setText("Almaty")
    places.run_search()
    places.role.setText("where the miners followed")
    places.add.click()
    places.query.setText("Kazakh SSR")
    places.role.setText("the republic")
    places.new_at_centre.click()  # the map's centre comes from the page
    qtbot.waitUntil(lambda: places.place_id() == "kazakh-ssr", timeout=STEP_TIMEOUT)
    for box, value in ((places.lat, "48.0"), (places.lon, "67.0")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, value)
        QTest.keyClick(box, Qt.Key.Key_Return)
    QTest.keyClick(places.lat, Qt.Key.Key_Up)  # nudged north with the arrow key
    assert panel.editor.place("kazakh-ssr")["point"] == {"lat": 48.05, "lon": 67.0}
    index = places.region.findData("KAZ")
    places.region.setCurrentIndex(index)
    places.region.activated.emit(index)

    # one translation: the new event's title in Russian
    panel.tabs.setCurrentIndex(1)
    ru = panel.translations[("ru", "title")]
    ru.setText("Столица присоединилась")  # QTest types Latin-1 only: Cyrillic as an input method sends it
    ru.textEdited.emit("Столица присоединилась")

    assert panel.save()
    assert check_exhibit(folder) == []
    saved = load_exhibit(folder)
    assert len(saved.events) == 2 and set(saved.places) == {"karaganda", "almaty", "kazakh-ssr"}
    assert saved.places["kazakh-ssr"].region.basemap == ("KAZ",)
    assert saved.event(second).title_in("ru") == "Столица присоединилась"
    assert saved.event(second).sentence_ids == ("intro.p2.s2",)

    # the explorer shows it: ask its page
    explorer = make_window(saved)
    explorer.model.go_to_event(second)
    qtbot.waitUntil(lambda: query_page(qtbot, explorer.map_view)["statuses"].get("almaty") == "current",
                    timeout=LOAD_TIMEOUT)
    shown = query_page(qtbot, explorer.map_view)
    assert set(shown["statuses"]) == {"karaganda", "almaty", "kazakh-ssr"}
    assert shown["statuses"]["kazakh-ssr"] == "current"

    # every step undone with the keys: the saved files are the draft's again, to the byte
    explorer.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=STEP_TIMEOUT)
    panel.events.setFocus()
    steps = 0
    while panel.act_undo.isEnabled() and steps < 200:
        QTest.keyClick(panel.events, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        steps += 1
    assert not panel.act_undo.isEnabled() and steps >= 8
    assert panel.save()
    assert files(folder) == original
