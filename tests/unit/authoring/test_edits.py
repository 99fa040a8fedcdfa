"""The Qt-free editing model: every command, undo and redo, and a save that ``check`` accepts."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from chronomap.authoring.edits import EditError, ExhibitEditor, SaveRefused, format_json, new_id
from chronomap.story.loader import check_exhibit, load_exhibit


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def editor(exhibit_copy):
    ed = ExhibitEditor(exhibit_copy.folder)
    yield ed
    ed.close()


def test_events_are_listed_in_time_order_same_day_in_file_order(editor, exhibit):
    assert editor.event_ids() == [e.id for e in exhibit.events]


def test_edit_title_save_check_and_load_show_it(editor, exhibit_copy):
    editor.set_event_text("december-events", "title", "Jeltoqsan, December 1986")
    assert editor.dirty
    written = editor.save()
    assert written == ["story.json"]
    assert not editor.dirty
    assert check_exhibit(exhibit_copy.folder) == []
    assert load_exhibit(exhibit_copy.folder).event("december-events").title == "Jeltoqsan, December 1986"


def test_check_on_the_command_line_accepts_the_saved_folder(editor, exhibit_copy):
    editor.set_event_date("independence", "1991-12-16/1991-12-17")
    editor.save()
    result = subprocess.run([sys.executable, "-m", "chronomap", "check", str(exhibit_copy.folder)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert load_exhibit(exhibit_copy.folder).event("independence").span.end_iso == "1991-12-17"


def test_save_without_a_change_writes_nothing(editor, exhibit_copy):
    before = digests(exhibit_copy.folder)
    assert editor.save() == []
    assert digests(exhibit_copy.folder) == before


def test_undo_to_the_start_leaves_the_files_byte_identical(editor, exhibit_copy):
    before = digests(exhibit_copy.folder)
    editor.set_event_text("august-coup", "summary", "Changed.")
    editor.set_place_point("moscow", 55.0, 37.0)
    editor.undo()
    editor.undo()
    assert not editor.dirty
    assert editor.save() == []
    assert digests(exhibit_copy.folder) == before


def test_typing_in_one_field_is_one_undo_step(editor):
    for text in ("J", "Je", "Jel"):
        editor.set_event_text("december-events", "title", text)
    editor.seal()
    editor.set_event_text("december-events", "title", "Jelt")
    assert editor.undo()
    assert editor.event("december-events")["title"] == "Jel"
    assert editor.undo()
    assert editor.event("december-events")["title"] == "The December Events (Jeltoqsan)"
    assert not editor.can_undo()
    assert editor.redo() and editor.redo()
    assert editor.event("december-events")["title"] == "Jelt"
    assert not editor.can_redo()


def test_a_new_edit_after_undo_drops_the_redo(editor):
    editor.set_event_text("december-events", "title", "A")
    editor.undo()
    editor.set_event_text("december-events", "summary", "B")
    assert not editor.can_redo()
    assert editor.undo_label() == "Edit summary"


def test_an_edit_that_changes_nothing_is_not_a_step(editor):
    editor.set_event_text("december-events", "title", editor.event("december-events")["title"])
    assert not editor.can_undo()


def test_translation_edit_sits_beside_the_main_text_and_empty_removes_it(editor):
    editor.set_event_text("december-events", "title", "Декабрь", lang="ru")
    assert editor.event_text("december-events", "title", "ru") == "Декабрь"
    assert editor.event_text("december-events", "title") == "The December Events (Jeltoqsan)"
    editor.set_event_text("third-congress", "date_note", "", lang="kk")
    editor.set_event_text("third-congress", "title", "", lang="kk")
    assert "title" not in editor.event("third-congress").get("translations", {}).get("kk", {})
    exhibit = editor.load()
    assert exhibit.event("december-events").title_in("ru") == "Декабрь"
    assert exhibit.event("third-congress").title_in("kk") == exhibit.event("third-congress").title


def test_date_note_in_main_language_set_and_cleared(editor):
    editor.set_event_text("ussr-ends", "date_note", "From the decree.")
    assert editor.load().event("ussr-ends").date_note == "From the decree."
    editor.seal()
    editor.set_event_text("ussr-ends", "date_note", "")
    assert "date_note" not in editor.event("ussr-ends")


def test_bad_date_is_refused_with_the_engine_message(editor):
    with pytest.raises(EditError) as caught:
        editor.set_event_date("independence", "1991-02-30")
    assert caught.value.field == "date"
    assert caught.value.message == "'1991-02-30' is not a day: February 1991 has 28 days"
    assert not editor.can_undo()


def test_date_outside_the_period_is_refused_at_the_field(editor):
    with pytest.raises(EditError, match="within the exhibit period '1986-12/1991-12'"):
        editor.set_event_date("independence", "1995")


def test_every_edtf_form_the_helper_offers_is_accepted(editor):
    for text in ("1989-07-01", "1989-07-01/1989-07-05", "1989-07", "1989", "1990-23", "1989-07-01~", "1989-07?"):
        assert editor.check_date(text) == text
    with pytest.raises(EditError, match="found '198X'; expected a date within the exhibit period"):
        editor.check_date("198X")  # a decade the parser reads, wider than this exhibit's period


def test_setting_a_date_replaces_a_relative_one(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][-1].update(
        {"relative": {"after": "independence", "days": 9, "phrase": "Nine days later"}, "date": "1991-12-25"}))
    editor = ExhibitEditor(exhibit_copy.folder)
    with pytest.raises(EditError, match="relative to it"):
        editor.delete_event("independence")
    editor.set_event_date("ussr-ends", "1991-12-26")
    assert "relative" not in editor.event("ussr-ends")
    assert editor.load().event("ussr-ends").span.start_iso == "1991-12-26"
    editor.close()


def test_add_event_must_be_written_before_it_saves(editor, exhibit_copy):
    new = editor.add_event(after="december-events")
    assert editor.event_ids().index(new) == editor.event_ids().index("december-events") + 1
    with pytest.raises(SaveRefused) as caught:
        editor.save()
    assert str(caught.value).startswith("not saved: ")
    assert "title" in str(caught.value) and str(exhibit_copy.folder) in str(caught.value)
    assert "chronomap-edit-" not in str(caught.value)
    assert check_exhibit(exhibit_copy.folder) == []  # nothing written
    editor.set_event_text(new, "title", "Students gather")
    editor.set_event_text(new, "summary", "Students gather on Brezhnev Square.")
    editor.save()
    assert load_exhibit(exhibit_copy.folder).event(new).title == "Students gather"


def test_duplicate_and_delete(editor):
    copy_id = editor.duplicate_event("august-coup")
    assert copy_id == "august-coup-copy"
    assert editor.event(copy_id)["title"] == editor.event("august-coup")["title"]
    order = editor.event_ids()
    assert order.index(copy_id) == order.index("august-coup") + 1
    editor.delete_event(copy_id)
    assert copy_id not in editor.event_ids()
    assert not editor.dirty


def test_the_only_event_cannot_be_deleted(exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d.update(events=d["events"][:1]))
    editor = ExhibitEditor(exhibit_copy.folder)
    with pytest.raises(EditError, match="only event"):
        editor.delete_event(editor.event_ids()[0])
    editor.close()


def test_reorder_same_day_events_only(editor, exhibit_copy):
    editor.move_event("nazarbayev-plenary-speech", -1)
    order = editor.event_ids()
    assert order.index("nazarbayev-plenary-speech") < order.index("nazarbayev-elected")
    with pytest.raises(EditError, match="same day"):
        editor.move_event("nazarbayev-plenary-speech", -1)  # the event before is on another day
    with pytest.raises(EditError, match="same day"):
        editor.move_event("independence", 1)
    editor.save()
    ids = [e.id for e in load_exhibit(exhibit_copy.folder).events]
    assert ids.index("nazarbayev-plenary-speech") == ids.index("nazarbayev-elected") - 1


def test_add_place_at_a_point_linked_to_an_event(editor, exhibit_copy):
    place_id = editor.add_place("Semipalatinsk", 50.41, 80.23, event_id="sovereignty-declared", role="test site",
                                names={"ru": "Семипалатинск"})
    assert place_id == "semipalatinsk"
    editor.save()
    exhibit = load_exhibit(exhibit_copy.folder)
    place = exhibit.places["semipalatinsk"]
    assert (place.lat, place.lon, place.names.ru) == (50.41, 80.23, "Семипалатинск")
    assert exhibit.event("sovereignty-declared").role_in("semipalatinsk", "en") == "test site"


def test_add_place_refuses_bad_input(editor):
    with pytest.raises(EditError, match="English name"):
        editor.add_place(" ", 1, 1)
    with pytest.raises(EditError, match="latitude"):
        editor.add_place("X", 91, 1)
    with pytest.raises(EditError, match="longitude"):
        editor.add_place("X", 1, -181)
    with pytest.raises(EditError, match="role"):
        editor.add_place("X", 1, 1, event_id="august-coup", role="")


def test_move_place_drops_its_gazetteer_key(editor, exhibit_copy):
    editor.set_place_point("karaganda", 49.8, 73.1)
    assert "gazetteer" not in editor.place("karaganda")
    editor.save()
    place = load_exhibit(exhibit_copy.folder).places["karaganda"]
    assert (place.lat, place.lon, place.coordinate_source) == (49.8, 73.1, "exhibit")


def test_place_names(editor):
    editor.set_place_name("moscow", "kk", "Мәскеу қаласы")
    assert editor.load().places["moscow"].names.kk == "Мәскеу қаласы"
    editor.seal()
    editor.set_place_name("moscow", "kk", "")
    assert "kk" not in editor.place("moscow")["names"]
    with pytest.raises(EditError, match="English name is required"):
        editor.set_place_name("moscow", "en", "")
    with pytest.raises(EditError, match="expected one of"):
        editor.set_place_name("moscow", "de", "Moskau")


def test_link_and_unlink_places(editor):
    editor.link_place("august-coup", "almaty", "where the republic answered")
    assert editor.load().event("august-coup").role_in("almaty", "en") == "where the republic answered"
    with pytest.raises(EditError, match="already"):
        editor.link_place("august-coup", "almaty")
    editor.unlink_place("august-coup", "almaty")
    assert "almaty" not in editor.load().event("august-coup").place_ids
    only = editor.event("kunaev-dismissed")["places"]
    if len(only) == 1:
        with pytest.raises(EditError, match="at least one place"):
            editor.unlink_place("kunaev-dismissed", only[0]["place"])


def test_unknown_ids_are_edit_errors(editor):
    with pytest.raises(EditError, match="no event 'nope'"):
        editor.set_event_text("nope", "title", "x")
    with pytest.raises(EditError, match="no place 'nope'"):
        editor.set_place_point("nope", 1, 1)
    with pytest.raises(EditError, match="expected one of"):
        editor.set_event_text("august-coup", "colour", "x")


def test_a_file_changed_by_another_program_is_not_overwritten_silently(editor, exhibit_copy):
    editor.set_event_text("august-coup", "title", "Mine")
    exhibit_copy.edit("story.json", lambda d: d["events"][0].update(title="Theirs"))
    with pytest.raises(SaveRefused, match="changed on disk"):
        editor.save()
    assert exhibit_copy.read("story.json")["events"][0]["title"] == "Theirs"
    editor.save(overwrite_changes=True)
    assert load_exhibit(exhibit_copy.folder).event("august-coup").title == "Mine"


def test_listeners_hear_changes_undo_and_save(editor):
    heard = []
    editor.listeners.append(heard.append)
    editor.set_place_point("moscow", 55.7, 37.6)
    editor.undo()
    editor.save()
    assert [c.places if c else None for c in heard] == [True, True, None]


def test_format_is_stable_and_reads_back(editor):
    text = editor.documents()["story.json"]
    import json

    assert format_json(json.loads(text)) == text
    assert json.loads(text) == editor.story


def test_new_ids_are_unique_slugs():
    assert new_id("Alma-Ata", set(), "place") == "alma-ata"
    assert new_id("Alma-Ata", {"alma-ata", "alma-ata-2"}, "place") == "alma-ata-3"
    assert new_id("Алматы", set(), "place") == "place"


def test_unsaved_work_is_recovered_after_a_crash(exhibit_copy, tmp_path):
    crashed = ExhibitEditor(exhibit_copy.folder, recovery=tmp_path / "rec")
    crashed.set_event_text("august-coup", "title", "Written before the crash")
    crashed.write_recovery()
    del crashed  # no save, no close: the process died

    editor = ExhibitEditor(exhibit_copy.folder, recovery=tmp_path / "rec")
    assert editor.recovered() is not None
    assert editor.restore_recovery()
    assert editor.event("august-coup")["title"] == "Written before the crash"
    assert editor.dirty
    editor.undo()
    assert not editor.dirty
    editor.redo()
    editor.save()
    assert editor.recovered() is None and not editor.recovery_file.exists()
    assert load_exhibit(exhibit_copy.folder).event("august-coup").title == "Written before the crash"


def test_no_recovery_when_nothing_is_unsaved_or_for_another_folder(exhibit_copy, tmp_path):
    editor = ExhibitEditor(exhibit_copy.folder, recovery=tmp_path / "rec")
    editor.write_recovery()
    assert not editor.recovery_file.exists()
    editor.set_event_text("august-coup", "title", "X")
    editor.write_recovery()
    editor.undo()
    editor.write_recovery()
    assert not editor.recovery_file.exists()
    editor.set_event_text("august-coup", "title", "X")
    editor.write_recovery()
    editor.recovery_file.write_text("{not json", encoding="utf-8")
    assert ExhibitEditor(exhibit_copy.folder, recovery=tmp_path / "rec").recovered() is None


def test_roles_in_the_main_language_and_translated(editor, exhibit_copy):
    editor.set_role("august-coup", "moscow", "where the tanks stood")
    editor.set_role("august-coup", "moscow", "где стояли танки", lang="ru")
    editor.save()
    event = load_exhibit(exhibit_copy.folder).event("august-coup")
    assert event.role_in("moscow", "en") == "where the tanks stood"
    assert event.role_in("moscow", "ru") == "где стояли танки"
    with pytest.raises(EditError, match="required"):
        editor.set_role("august-coup", "moscow", " ")
    with pytest.raises(EditError, match="not a place of this event"):
        editor.set_role("august-coup", "donbas", "x")
    editor.set_role("august-coup", "moscow", "", lang="ru")
    assert "roles" not in editor.event("august-coup").get("translations", {}).get("ru", {})


def test_exhibit_title_subtitle_and_article_provenance(editor, exhibit_copy):
    editor.set_exhibit_text("title", "Perestroika in the Kazakh SSR")
    editor.set_exhibit_text("subtitle", "Подзаголовок", lang="ru")
    editor.set_article_info("source", "Handed over by the museum, 2024")
    editor.set_article_info("licence", "  ")
    editor.save()
    exhibit = load_exhibit(exhibit_copy.folder)
    assert exhibit.title == "Perestroika in the Kazakh SSR"
    assert exhibit.subtitle_in("ru") == "Подзаголовок"
    assert exhibit.meta.article.source == "Handed over by the museum, 2024"
    assert exhibit.meta.article.licence is None  # empty stays empty, never invented
    with pytest.raises(EditError, match="needs a title"):
        editor.set_exhibit_text("title", "")


def test_period_is_checked_by_the_engine(editor):
    with pytest.raises(EditError) as caught:
        editor.set_period("1986-12/1991-13")
    assert caught.value.field == "period"
    editor.set_period("1987/1991-12")
    assert any("within the exhibit period" in p.message for p in editor.problems())


def test_delete_a_place_that_is_not_one(editor, exhibit_copy):
    with pytest.raises(EditError, match="only place of august-coup"):
        editor.delete_place("moscow")
    editor.link_place("december-events", "karaganda")
    editor.link_place("nazarbayev-plenary-speech", "karaganda")
    with pytest.raises(EditError, match="distances are measured from it"):
        editor.delete_place("almaty")
    editor.delete_place("donbas")  # named beside the Kuzbass in both its events
    editor.save()
    exhibit = load_exhibit(exhibit_copy.folder)
    assert "donbas" not in exhibit.places
    assert exhibit.event("miners-strike-begins").place_ids == ("kuzbass",)
    editor.undo()
    assert "donbas" in editor.place_ids() and "donbas" in [r["place"] for r in editor.event("miners-strike-begins")["places"]]


def test_passages_link_sentences_and_untold_ones_are_listed(editor, exhibit_copy):
    from chronomap.authoring.edits import compact_passages, sentences_told

    exhibit = editor.load()
    told = sentences_told(exhibit)
    untold = [s for s, events in told.items() if not events]
    assert untold, "the built-in article has sentences no event tells"
    first = exhibit.article.paragraphs()[0]
    chosen = [s.id for s in first.sentences]
    assert compact_passages(chosen, exhibit) == [first.id]
    assert compact_passages(chosen[:1], exhibit) == chosen[:1]
    editor.set_passages("august-coup", [*editor.event("august-coup")["passages"], untold[0]])
    editor.save()
    again = load_exhibit(exhibit_copy.folder)
    assert untold[0] in again.event("august-coup").sentence_ids
    assert sentences_told(again)[untold[0]] == ["august-coup"]
    with pytest.raises(EditError, match="at least one passage"):
        editor.set_passages("august-coup", [])


def test_relative_dates(editor, exhibit_copy):
    editor.set_event_relative("ussr-ends", "independence", 9, "Nine days later")
    assert "date" not in editor.event("ussr-ends")
    editor.save()
    exhibit = load_exhibit(exhibit_copy.folder)
    assert exhibit.event("ussr-ends").span.start_iso == "1991-12-25"
    assert exhibit.event("ussr-ends").relative_phrase == "Nine days later"
    with pytest.raises(EditError, match="relative to itself"):
        editor.set_event_relative("ussr-ends", "ussr-ends", 1, "x")
    with pytest.raises(EditError, match="counted from this event"):
        editor.set_event_relative("independence", "ussr-ends", -9, "Nine days before")
    with pytest.raises(EditError, match="own words"):
        editor.set_event_relative("republic-renamed", "independence", -6, " ")
    with pytest.raises(EditError, match="whole number"):
        editor.set_event_relative("republic-renamed", "independence", 10**8, "later")


def test_region_from_the_base_map(editor, exhibit_copy):
    editor.set_place_region("karaganda", ["KAZ"])
    editor.save()
    assert load_exhibit(exhibit_copy.folder).places["karaganda"].region.basemap == ("KAZ",)
    editor.set_place_region("karaganda", [])
    assert "region" not in editor.place("karaganda")
    with pytest.raises(EditError, match="not on the base map"):
        editor.set_place_region("karaganda", ["KZX"])
    with pytest.raises(EditError, match="own outline"):
        editor.set_place_region("donbas", ["UKR"])


def test_historical_names_with_the_date_they_lapsed(editor, exhibit_copy):
    editor.add_historical_name("karaganda", "Karagandy-old", "1988-12-31", ru="Старая Караганда")
    editor.save()
    place = load_exhibit(exhibit_copy.folder).places["karaganda"]
    from chronomap.story.dates import parse_date

    assert place.name_at(parse_date("1987-01-01").start) == "Karagandy-old"
    assert place.name_at(parse_date("1990-01-01").start) == "Karaganda"
    assert place.name_at(parse_date("1987-01-01").start, "ru") == "Старая Караганда"
    with pytest.raises(EditError) as caught:
        editor.add_historical_name("karaganda", "X", "1988-02-30")
    assert caught.value.field == "until"
    editor.remove_historical_name("karaganda", 0)
    assert "historical_names" not in editor.place("karaganda")
    with pytest.raises(EditError, match="number 1"):
        editor.remove_historical_name("karaganda", 0)


def test_every_edit_undone_saves_the_files_as_they_were_read_to_the_byte(editor, exhibit_copy):
    """A hand-formatted file (this exhibit's) comes back byte for byte, not in the editor's own layout."""
    before = digests(exhibit_copy.folder)
    editor.set_map_bounds(40.0, 30.0, 60.0, 90.0)
    editor.set_event_text("august-coup", "title", "Changed")
    editor.save()
    assert digests(exhibit_copy.folder) != before
    while editor.undo():
        pass
    editor.save()
    assert digests(exhibit_copy.folder) == before


def test_map_frame_credits_and_an_outline_of_the_exhibit(editor, exhibit_copy):
    editor.set_map_bounds(40.123, 30.0, 60.0, 90.0)
    with pytest.raises(EditError, match="south < north"):
        editor.set_map_bounds(60.0, 30.0, 40.0, 90.0)
    index = editor.add_credit("Photographs", "The museum's archive")
    editor.set_credit(index, "what", "Фотографии", "ru")
    editor.set_credit(index, "licence", "")
    with pytest.raises(EditError, match="only what a credit is for"):
        editor.set_credit(index, "licence", "x", "ru")
    with pytest.raises(EditError, match="needs its text"):
        editor.set_credit(index, "text", " ")
    assert editor.outlines() == ["donbas", "kuzbass"]
    editor.set_place_outline("karaganda", "kuzbass")
    with pytest.raises(EditError, match="no outline of its own"):
        editor.set_place_outline("karaganda", "almaty")
    editor.save()
    saved = load_exhibit(exhibit_copy.folder)
    assert saved.meta.map.bounds == ((40.12, 30.0), (60.0, 90.0))
    credit = saved.meta.credits[index]
    assert (credit.what, credit.licence, credit.translations["ru"].what) == ("Photographs", None, "Фотографии")
    assert saved.places["karaganda"].region.geometry == saved.places["kuzbass"].region.geometry
    editor.remove_credit(index)
    assert len(editor.credits()) == index
