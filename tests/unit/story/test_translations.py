"""Exhibit texts per language: translations, fallbacks and translated articles lined up by position."""

import json
import shutil
from pathlib import Path

import pytest

from chronomap.story.article import ArticleMismatch, Paragraph, align_article, parse_article
from chronomap.story.loader import check_exhibit, load_exhibit

STEPPE = Path(__file__).resolve().parents[2] / "data" / "exhibits" / "test-steppe"


@pytest.fixture(scope="module")
def steppe():
    return load_exhibit(STEPPE)


@pytest.fixture
def steppe_copy(tmp_path):
    folder = tmp_path / "steppe"
    shutil.copytree(STEPPE, folder)
    return folder


def edit(folder, name, change):
    path = folder / name
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


# -- the translated article ------------------------------------------------------------


def test_languages_with_an_article(steppe):
    assert steppe.language == "en"
    assert steppe.languages_with_article() == ("en", "ru")
    article, lang = steppe.article_in("ru")
    assert lang == "ru" and article.title == "Тестовая степь"
    assert steppe.article_info_in("ru").translator == "Test translator"
    for asked in ("kk", "en", "de"):
        article, lang = steppe.article_in(asked)
        assert article is steppe.article and lang == "en"
        assert steppe.article_info_in(asked) == steppe.meta.article


def test_translated_article_takes_the_main_ids_by_position(steppe):
    ru, _ = steppe.article_in("ru")
    assert [s.id for s in ru.sections] == [s.id for s in steppe.article.sections]
    assert [p.id for p in ru.paragraphs()] == [p.id for p in steppe.article.paragraphs()]
    assert [s.heading for s in ru.sections] == [None, "Железная дорога", "После"]  # headings stay translated
    assert ru.find("intro.p1.s2").text == "Потом пришла железная дорога."
    assert ru.find("the-railway.p2").text == "Поезда ходили каждый день."


def test_a_paragraph_with_other_sentences_is_highlighted_whole(steppe):
    ru, _ = steppe.article_in("ru")
    paragraph = ru.find("the-railway.p1.s3")  # the main article's third sentence: two here
    assert isinstance(paragraph, Paragraph) and paragraph.id == "the-railway.p1"
    assert ru.sentence_ids("the-railway.p1.s2") == ("the-railway.p1.t1", "the-railway.p1.t2")
    assert ru.sentence_ids("the-railway.p1") == ("the-railway.p1.t1", "the-railway.p1.t2")
    [note] = steppe.article_notes["ru"]
    assert "the-railway.p1" in note and "2 sentences here, 3 in the main article" in note


def test_every_passage_of_every_event_is_found_in_every_article(steppe):
    for lang in steppe.languages_with_article():
        article, _ = steppe.article_in(lang)
        for event in steppe.events:
            for passage in (*event.passages, *event.sentence_ids):
                assert article.find(passage) is not None, (lang, passage)
                assert article.sentence_ids(passage)


def test_align_article_reports_counts_by_section():
    main = parse_article("Intro.\n\n==One==\n\nFirst one. Second one.\n\nThird.\n\n==Two==\n\nFourth.\n")
    fewer = parse_article("Вступление.\n\n==Один==\n\nПервое. Второе. Третье.\n\n==Два==\n\nЧетвёртое.\n")
    with pytest.raises(ArticleMismatch) as caught:
        align_article(fewer, main)
    [(where, message)] = caught.value.issues
    assert where == "section 2 “Один”"
    assert message == "found 1 paragraph; expected 2, as in section 2 “One” of the main article"

    no_sections = parse_article("Вступление.\n\n==Один==\n\nПервое.\n\nВторое.\n")
    with pytest.raises(ArticleMismatch) as caught:
        align_article(no_sections, main)
    [(where, message)] = caught.value.issues
    assert where == "" and message.startswith("found 2 sections (") and "expected 3, as in the main article" in message

    same = parse_article("Вступление.\n\n==Один==\n\nПервое. Второе.\n\nТретье.\n\n==Два==\n\nЧетвёртое.\n")
    aligned, notes = align_article(same, main)
    assert notes == [] and aligned.aliases == {}
    assert aligned.ids() == main.ids()


# -- texts and their fallback ---------------------------------------------------------------


def test_exhibit_texts_fall_back_to_the_main_language(steppe):
    assert steppe.title_in("ru") == "Тестовая степь" and steppe.title_in("kk") == "Сынақ даласы"
    assert steppe.title_in("de") == steppe.title_in("en") == steppe.title == "The Test Steppe"
    assert steppe.subtitle_in("ru") == "A railway, 1930–1931"  # not translated
    assert steppe.map_note_in("ru") == "Границы показаны в современном виде."
    assert steppe.map_note_in("kk") == "Borders are drawn as they are today."
    assert steppe.union_short_name_in("ru") == "СССР" and steppe.union_short_name_in("kk") == "КСРО"
    assert steppe.union_short_name_in("en") == "USSR"
    assert steppe.union_name_in("ru") == "Союз Советских Социалистических Республик"
    assert steppe.union_name_in("kk") == "Union of Soviet Socialist Republics"
    assert steppe.translation_note("ru") == "Test translation, not reviewed."
    assert steppe.translation_note("kk") is None and steppe.translation_note("en") is None
    [credit] = steppe.credits_in("ru")
    assert (credit.what, credit.text) == ("Статья", "Written for the tests")


def test_event_texts_fall_back_field_by_field(steppe):
    event = steppe.event("work-begins")
    assert event.title == "Work begins on the railway"  # the plain attributes stay the main language
    assert event.title_in("ru") == "Начало строительства дороги"
    assert event.summary_in("ru") == "Работы на линии начинаются в Алма-Ате."
    assert event.title_in("kk") == "Темір жол құрылысы басталды"
    assert event.summary_in("kk") == "Work on the line begins in Alma-Ata."
    assert event.role_in("almaty", "ru") == "где начались работы"
    assert event.role_in("kazakh-ssr", "ru") == "the republic"
    with pytest.raises(KeyError):
        event.role_in("karaganda", "ru")
    assert event.has_text_in("en") and event.has_text_in("ru")
    assert not event.has_text_in("kk")  # a title alone is not the event told in Kazakh
    later = steppe.event("karaganda-follows")
    assert later.date_note_in("ru") == "В статье сказано лишь «годом позже»."
    assert later.date_note_in("kk") == later.date_note
    assert later.title_in("ru") == "Karaganda follows" and not later.has_text_in("ru")


def test_place_descriptions_fall_back(steppe):
    almaty = steppe.places["almaty"]
    assert almaty.description_in("ru") == "Здесь начались работы на железной дороге."
    assert almaty.description_in("kk") == "Where the railway work began."
    assert steppe.places["karaganda"].description_in("ru") is None


# -- problems -------------------------------------------------------------------------------


def test_the_test_exhibit_is_clean():
    assert check_exhibit(STEPPE) == []


def test_missing_translated_article(steppe_copy):
    (steppe_copy / "article.ru.txt").unlink()
    [problem] = check_exhibit(steppe_copy)
    assert problem.file.endswith("exhibit.json") and problem.path == "translations.ru.article.file"
    assert "'article.ru.txt'" in problem.message and "no such file" in problem.message


def test_translated_article_that_does_not_line_up(steppe_copy):
    edit(steppe_copy, "exhibit.json",
         lambda d: d["translations"]["ru"]["article"].update(file="article.ru-misaligned.txt"))
    [problem] = check_exhibit(steppe_copy)
    assert problem.file.endswith("article.ru-misaligned.txt")
    assert problem.path == "section 2 “Железная дорога”"
    assert problem.message == "found 1 paragraph; expected 2, as in section 2 “The Railway” of the main article"


def test_translated_article_may_not_be_the_main_one(steppe_copy):
    edit(steppe_copy, "exhibit.json", lambda d: d["translations"]["ru"]["article"].update(file="article.txt"))
    [problem] = check_exhibit(steppe_copy)
    assert problem.path == "translations.ru.article.file" and "the main article" in problem.message


def test_language_codes_are_checked(steppe_copy):
    def bad(d):
        d["translations"]["Russian"] = d["translations"].pop("kk")
        d["language"] = "English"
    edit(steppe_copy, "exhibit.json", bad)
    problems = {p.path: p.message for p in check_exhibit(steppe_copy)}
    assert problems["translations.Russian"].startswith("found 'Russian'; expected a language code")
    assert problems["language"].startswith("found 'English'; expected a language code")


def test_no_translation_into_the_main_language(steppe_copy):
    edit(steppe_copy, "exhibit.json", lambda d: d["translations"].update(en={"title": "Again"}))
    edit(steppe_copy, "story.json", lambda d: d["events"][1]["translations"].update(en={"title": "Again"}))
    problems = {p.path: p for p in check_exhibit(steppe_copy)}
    assert set(problems) == {"translations.en", "events[1].translations.en"}
    assert "main language" in problems["translations.en"].message


def test_translated_roles_name_the_events_own_places(steppe_copy):
    edit(steppe_copy, "story.json", lambda d: d["events"][0]["translations"]["ru"]["roles"].update(karaganda="нет"))
    [problem] = check_exhibit(steppe_copy)
    assert problem.file.endswith("story.json")
    assert problem.path == "events[0].translations.ru.roles.karaganda"
    assert problem.message == "found 'karaganda', which is not a place of this event; expected one of almaty, kazakh-ssr"


def test_unknown_translation_fields_are_refused(steppe_copy):
    edit(steppe_copy, "story.json", lambda d: d["events"][0]["translations"]["ru"].update(headline="x"))
    [problem] = check_exhibit(steppe_copy)
    assert problem.path == "events[0].translations.ru.headline"


def test_events_and_articles_stay_hashable(steppe):
    ru, _ = steppe.article_in("ru")
    assert len({steppe.event("work-begins"), steppe.event("work-begins"), steppe.places["almaty"], ru}) == 3
