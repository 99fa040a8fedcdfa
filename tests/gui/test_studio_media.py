"""The studio's Media tab: attach, caption per language, reorder and remove, saved into media/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from chronomap.authoring.place_search import PlaceSearch
from chronomap.story.loader import check_exhibit, load_exhibit

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"


@pytest.fixture
def studio(qtbot, make_window, tmp_path, monkeypatch):
    from chronomap.desk.studio import open_studio

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # recovery files stay in the test's folder
    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", lambda *args, **kwargs: "discard")
    monkeypatch.setattr("chronomap.desk.studio.ask_yes", lambda *args: False)
    folder = tmp_path / "exhibit"
    shutil.copytree(SAMPLE, folder)
    window = make_window(load_exhibit(folder))
    dock = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=False))
    assert dock is not None
    dock.panel.show_tab(dock.panel.media_panel)  # the curator opens the Media tab
    return window, dock.panel, folder


def select(panel, event_id):
    for row in range(panel.events.count()):
        if panel.events.item(row).data(Qt.ItemDataRole.UserRole) == event_id:
            panel.events.setCurrentRow(row)
            return
    raise AssertionError(event_id)


def type_into(widget, text):
    """Typed as a keyboard would (QTest.keyClicks takes only ASCII: Cyrillic goes as key events with text)."""
    widget.setFocus()
    widget.selectAll()
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))


def test_the_media_tab_follows_the_selected_event(studio):
    _window, panel, _folder = studio
    media = panel.media_panel
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert titles[-1] == "Media"
    select(panel, "work-begins")
    assert media.owner() == ("event", "work-begins")
    assert [media.items.item(r).text() for r in range(media.items.count())] == [
        "Picture · media/map-panel.png — The line from Town A to Town B (made-up map panel)",
        "Picture · media/document.jpg — A typeset page, not a real document",
        "Recording · media/chime.wav — Two notes (synthesised)"]
    media.items.setCurrentRow(2)
    assert not media.fields["alt"].isEnabled() and media.fields["transcript"].isEnabled()
    assert media.fields["transcript"].toPlainText().strip()  # read from its transcript file
    select(panel, "karaganda-follows")
    assert media.owner() == ("event", "karaganda-follows") and media.items.count() == 0
    assert not media.buttons["remove"].isEnabled() and media.buttons["attach"].isEnabled()
    assert media.items.accessibleName() and media.fields["alt"].accessibleName().startswith("Alt text")
    # every label with a mnemonic has a buddy: else Qt shows the '&' itself ('&Language', seen on a real X server)
    for label in media.form_labels.values():
        assert "&" not in label.text() or label.buddy() is not None, label.text()


def test_attach_caption_in_two_languages_and_save(qtbot, studio, tmp_path, monkeypatch):
    _window, panel, folder = studio
    media = panel.media_panel
    select(panel, "karaganda-follows")
    photo = tmp_path / "Camera Roll" / "pit head.png"
    photo.parent.mkdir()
    shutil.copy(SAMPLE / "media" / "map-panel.png", photo)
    monkeypatch.setattr("chronomap.desk.studio_media.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(photo), ""))
    media.buttons["attach"].click()
    assert media.items.count() == 1 and media.file_label.text() == "media/pit-head.png"
    type_into(media.fields["alt"], "An ochre plain crossed by a line")
    type_into(media.fields["caption"], "The pit head")
    type_into(media.fields["credit"], "Karaganda museum")
    type_into(media.fields["licence"], "CC-BY-4.0")
    media.language.setCurrentIndex(media.language.findData("ru"))
    assert not media.fields["licence"].isEnabled()  # one licence for every language
    assert media.fields["caption"].text() == ""
    type_into(media.fields["caption"], "Копёр")
    assert media.items.item(0).text() == "Picture · media/pit-head.png — Копёр"
    assert panel.save()
    assert (folder / "media" / "pit-head.png").read_bytes() == photo.read_bytes()
    assert check_exhibit(folder) == []
    [item] = load_exhibit(folder).event("karaganda-follows").media
    assert (item.caption_in("en"), item.caption_in("ru"), item.credit, item.licence, item.alt_in("en")) == (
        "The pit head", "Копёр", "Karaganda museum", "CC-BY-4.0", "An ochre plain crossed by a line")


def test_reorder_remove_undo_and_a_place(qtbot, studio):
    _window, panel, folder = studio
    media = panel.media_panel
    select(panel, "work-begins")
    media.items.setCurrentRow(1)
    media.buttons["up"].click()
    assert media.items.currentRow() == 0 and media.file_label.text() == "media/document.jpg"
    media.items.setCurrentRow(2)
    media.buttons["remove"].click()
    assert media.items.count() == 2
    panel.undo()
    assert media.items.count() == 3
    media.owner_box.setCurrentIndex(media.owner_box.findData("place:almaty"))
    assert [media.items.item(r).text() for r in range(media.items.count())] == [
        "Picture · media/engine.webp — A locomotive (made-up drawing)"]
    assert panel.save()
    saved = load_exhibit(folder)
    assert [m.file for m in saved.event("work-begins").media] == ["media/document.jpg", "media/map-panel.png",
                                                                 "media/chime.wav"]


def test_a_file_that_is_not_media_is_refused_in_the_status(qtbot, studio, tmp_path):
    _window, panel, _folder = studio
    media = panel.media_panel
    select(panel, "karaganda-follows")
    notes = tmp_path / "notes.txt"
    notes.write_text("words")
    assert not media.attach(notes)
    assert "not a picture" in panel.status.text() and media.items.count() == 0


def test_the_media_tab_speaks_the_interface_language(qtbot, studio):
    window, panel, _folder = studio
    media = panel.media_panel
    try:
        window.model.set_language("ru")
        qtbot.waitUntil(lambda: panel.tabs.tabText(panel.tabs.count() - 1) == "Медиа", timeout=3000)
        assert media.buttons["attach"].text() == "Прикрепить…"
        assert media.owner_box.currentText().startswith("Событие: ")
    finally:
        window.model.set_language("en")
    qtbot.waitUntil(lambda: panel.tabs.tabText(panel.tabs.count() - 1) == "Media", timeout=3000)
