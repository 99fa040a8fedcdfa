"""Attach, caption, reorder and remove media on an event or a place, through the Qt-free editing model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronomap.authoring.edits import EditError, ExhibitEditor, SaveRefused
from chronomap.story.loader import check_exhibit, load_exhibit

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "media" / "steppe-with-media"
EVENT = ("event", "karaganda-follows")
PLACE = ("place", "karaganda")


@pytest.fixture
def folder(tmp_path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "exhibit")
    return tmp_path / "exhibit"


@pytest.fixture
def editor(folder, tmp_path):
    ed = ExhibitEditor(folder, recovery=tmp_path / "recovery")
    yield ed
    ed.close()


@pytest.fixture
def photo(tmp_path) -> Path:
    outside = tmp_path / "camera" / "IMG 0042 (final).png"
    outside.parent.mkdir()
    shutil.copy(SAMPLE / "media" / "map-panel.png", outside)
    return outside


def test_attach_a_picture_from_outside_caption_it_and_save_copies_it_in(editor, folder, photo):
    assert editor.attach_media(EVENT, photo) == 0
    assert editor.media(EVENT) == [{"file": "media/img-0042-final.png", "kind": "image"}]
    assert not (folder / "media" / "img-0042-final.png").exists()  # pending until the save
    with pytest.raises(SaveRefused, match=r"alt"):  # an image says what it shows before it can be saved
        editor.save()
    assert not (folder / "media" / "img-0042-final.png").exists()
    editor.set_media_text(EVENT, 0, "alt", "An ochre plain crossed by a railway line")
    editor.set_media_text(EVENT, 0, "caption", "The line")
    editor.set_media_text(EVENT, 0, "caption", "Тізбек", "kk")
    editor.set_media_text(EVENT, 0, "credit", "A. Photographer")
    editor.set_media_text(EVENT, 0, "licence", "CC-BY-4.0")
    written = editor.save()
    assert written == ["media/img-0042-final.png", "story.json"]
    assert (folder / "media" / "img-0042-final.png").read_bytes() == photo.read_bytes()
    assert check_exhibit(folder) == []
    [item] = load_exhibit(folder).event("karaganda-follows").media
    assert (item.caption_in("en"), item.caption_in("kk"), item.credit, item.licence) == (
        "The line", "Тізбек", "A. Photographer", "CC-BY-4.0")


def test_undoing_an_attach_copies_nothing(editor, folder, photo):
    editor.attach_media(EVENT, photo)
    editor.undo()
    editor.set_event_text("karaganda-follows", "summary", "Work reaches Karaganda at last.")
    assert editor.save() == ["story.json"]
    assert not (folder / "media" / "img-0042-final.png").exists()


def test_a_file_already_in_the_exhibit_is_used_where_it_is(editor, folder):
    editor.attach_media(PLACE, folder / "media" / "chime.wav")
    assert editor.media(PLACE) == [{"file": "media/chime.wav", "kind": "audio"}]
    editor.set_media_text(PLACE, 0, "transcript", "Two notes, high then low.")
    editor.set_media_text(PLACE, 0, "transcript", "Две ноты.", "ru")
    editor.set_media_text(PLACE, 0, "credit", "Chronomap project")
    editor.set_media_text(PLACE, 0, "licence", "CC0-1.0")
    assert editor.save() == ["story.json"]
    [item] = load_exhibit(folder).places["karaganda"].media
    assert (item.kind, item.transcript_in("en"), item.transcript_in("ru")) == ("audio", "Two notes, high then low.", "Две ноты.")


def test_reorder_and_remove(editor, folder):
    owner = ("event", "work-begins")
    files = [m["file"] for m in editor.media(owner)]
    assert editor.move_media(owner, 1, -1) == 0
    assert [m["file"] for m in editor.media(owner)] == [files[1], files[0], files[2]]
    assert editor.move_media(owner, 0, -1) == 0  # already first: no step
    editor.remove_media(owner, 2)
    assert [m["file"] for m in editor.media(owner)] == [files[1], files[0]]
    editor.save()
    assert [m.file for m in load_exhibit(folder).event("work-begins").media] == [files[1], files[0]]
    assert (folder / files[2]).exists()  # the file stays; only the item is taken off
    editor.undo()
    assert [m["file"] for m in editor.media(owner)] == [files[1], files[0], files[2]]


def test_typing_a_caption_is_one_undo_step_and_an_empty_translation_is_removed(editor):
    owner = ("event", "work-begins")
    for text in ("T", "Th", "The"):
        editor.set_media_text(owner, 0, "caption", text, "kk")
    assert editor.media_text(owner, 0, "caption", "kk") == "The"
    editor.set_media_text(owner, 0, "caption", "", "kk")
    assert "kk" not in editor.media(owner)[0].get("translations", {})
    editor.undo()
    assert editor.media_text(owner, 0, "caption", "kk") == ""
    assert editor.media_text(("event", "work-begins"), 2, "transcript").startswith(
        (SAMPLE / "media" / "chime.en.txt").read_text(encoding="utf-8").strip()[:10])  # a transcript file is shown


def test_refusals_name_the_field(editor, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    with pytest.raises(EditError) as caught:
        editor.attach_media(EVENT, text)
    assert caught.value.field == "file" and "not a picture" in caught.value.message
    with pytest.raises(EditError, match="licence"):
        editor.set_media_text(("event", "work-begins"), 0, "licence", "CC0", "ru")
    with pytest.raises(EditError, match="item 9"):
        editor.set_media_text(("event", "work-begins"), 8, "caption", "x")
    with pytest.raises(EditError, match="no place"):
        editor.attach_media(("place", "nowhere"), SAMPLE / "media" / "map-panel.png")
