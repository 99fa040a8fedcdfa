"""The Perestroika exhibit is the product: its events, dates and places are checked here."""

import pytest

from chronomap.cli import event_records

EXPECTED = {
    # id: (start, end, places that must take part)
    "kunaev-dismissed": ("1986-12-16", "1986-12-16", {"almaty", "moscow", "kazakh-ssr"}),
    "december-events": ("1986-12-17", "1986-12-18", {"almaty"}),
    "nazarbayev-elected": ("1989-06-22", "1989-06-22", {"almaty"}),
    "miners-strike-begins": ("1989-07-01", "1989-07-31", {"donbas", "kuzbass"}),
    "strike-reaches-karaganda": ("1989-07-01", "1989-07-31", {"karaganda"}),
    "karaganda-moratorium": ("1989-07-01", "1989-07-31", {"karaganda"}),
    "third-congress": ("1990-03-12", "1990-03-15", {"moscow"}),
    "dzasokhov-mission": ("1990-09-01", "1990-11-30", {"almaty"}),
    "sovereignty-declared": ("1990-10-25", "1990-10-25", {"kazakh-ssr"}),
    "august-coup": ("1991-08-19", "1991-08-21", {"moscow"}),
    "republic-renamed": ("1991-12-10", "1991-12-10", {"kazakh-ssr"}),
    "independence": ("1991-12-16", "1991-12-16", {"kazakh-ssr"}),
    "ussr-ends": ("1991-12-25", "1991-12-25", {"ussr"}),
}


@pytest.mark.parametrize("event_id", sorted(EXPECTED))
def test_every_datable_event_is_there_with_its_places(exhibit, event_id):
    start, end, places = EXPECTED[event_id]
    event = exhibit.event(event_id)
    assert (event.span.start_iso, event.span.end_iso) == (start, end)
    assert places <= set(event.place_ids)


def test_nine_days_later_is_resolved_from_independence(exhibit):
    event = exhibit.event("ussr-ends")
    assert event.relative_phrase == "Nine days later"
    assert event.span.start - exhibit.event("independence").span.start == 9


def test_events_are_in_time_order_with_file_order_on_shared_days(exhibit):
    starts = [e.span.start for e in exhibit.events]
    assert starts == sorted(starts)
    ids = [e.id for e in exhibit.events]
    assert ids.index("nazarbayev-elected") < ids.index("nazarbayev-plenary-speech")
    assert ids.index("miners-strike-begins") < ids.index("strike-reaches-karaganda") < ids.index("karaganda-moratorium")


def test_dates_not_in_the_article_carry_a_source_note(exhibit):
    for event_id in ("kunaev-dismissed", "miners-strike-begins", "third-congress", "august-coup", "ussr-ends"):
        assert exhibit.event(event_id).date_note


def test_period_names_are_used_on_the_map(exhibit, timeline):
    almaty, republic = exhibit.places["almaty"], exhibit.places["kazakh-ssr"]
    day = exhibit.event("december-events").span.start
    assert almaty.label_at(day) == "Alma-Ata (Almaty)"
    assert republic.label_at(day) == "Kazakh SSR (Kazakhstan)"
    assert republic.label_at(exhibit.event("independence").span.start) == "Kazakhstan"
    assert almaty.names.kk == "Алматы" and almaty.names.ru == "Алматы"


def test_regions_have_geometry(exhibit):
    assert exhibit.places["kazakh-ssr"].region.basemap == ("KAZ",)
    for place_id in ("donbas", "kuzbass"):
        assert exhibit.places[place_id].region.geometry["type"] == "Polygon"


def test_event_records_shape(exhibit):
    records = event_records(exhibit)
    assert [r["id"] for r in records] == [e.id for e in exhibit.events]
    first = records[0]
    assert set(first) == {"id", "date", "start", "end", "title", "summary", "places"}
    assert set(first["places"][0]) == {"id", "name", "lat", "lon", "role"}
    almaty = next(p for p in first["places"] if p["id"] == "almaty")
    assert almaty["lat"] == pytest.approx(43.2565, abs=0.01) and almaty["lon"] == pytest.approx(76.928, abs=0.01)


def test_every_event_points_at_real_article_text(exhibit):
    for event in exhibit.events:
        assert event.sentence_ids
        for sid in event.sentence_ids:
            assert exhibit.article.find(sid) is not None


# -- Russian and Kazakh --------------------------------------------------------------

CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
KAZAKH_ONLY = set("әғқңөұүһі")


def _cyrillic(text: str) -> bool:
    letters = [c for c in text.lower() if c.isalpha()]
    return sum(c in CYRILLIC for c in letters) > 0.6 * len(letters)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_event_is_told_in_russian_and_kazakh(exhibit, lang):
    for event in exhibit.events:
        assert event.has_text_in(lang), f"{event.id}: no {lang} title and summary"
        assert event.title_in(lang) != event.title and event.summary_in(lang) != event.summary, event.id
        assert _cyrillic(event.title_in(lang)) and _cyrillic(event.summary_in(lang)), event.id
        for item in event.places:
            role = event.role_in(item.place.id, lang)
            assert role != item.role and _cyrillic(role), (event.id, item.place.id)
        if event.date_note:
            assert event.date_note_in(lang) != event.date_note, event.id


def test_kazakh_is_kazakh_not_russian(exhibit):
    """Every Kazakh summary uses letters Russian does not have; no Russian one does."""
    for event in exhibit.events:
        assert KAZAKH_ONLY & set(event.summary_in("kk").lower()), event.id
        assert not KAZAKH_ONLY & set(event.summary_in("ru").lower()), event.id


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_exhibit_captions_in_russian_and_kazakh(exhibit, lang):
    assert _cyrillic(exhibit.title_in(lang)) and _cyrillic(exhibit.subtitle_in(lang))
    assert _cyrillic(exhibit.map_note_in(lang))
    assert exhibit.union_short_name_in(lang) == {"ru": "СССР", "kk": "КСРО"}[lang]
    assert _cyrillic(exhibit.union_name_in(lang))
    for place in exhibit.places.values():
        assert place.description_in(lang) != place.description and _cyrillic(place.description_in(lang)), place.id
    for credit, original in zip(exhibit.credits_in(lang), exhibit.meta.credits, strict=True):
        assert credit.what != original.what, original.what


def test_the_translations_say_what_they_are_and_no_article_is_invented(exhibit):
    """Captions only: the article stays in English, and each translation says it is an unreviewed draft."""
    assert exhibit.language == "en"
    assert exhibit.languages_with_article() == ("en",)
    assert exhibit.translated_articles == {}
    for lang in ("ru", "kk"):
        assert exhibit.meta.translations[lang].article is None
        assert exhibit.article_in(lang) == (exhibit.article, "en")
        note = exhibit.translation_note(lang)
        assert "Chronomap" in note
    assert "музей его ещё не проверял" in exhibit.translation_note("ru")
    assert "только на английском" in exhibit.translation_note("ru")
    assert "музей оны әлі тексерген жоқ" in exhibit.translation_note("kk")
    assert "тек ағылшын тілінде" in exhibit.translation_note("kk")


def test_period_names_in_russian_and_kazakh(exhibit):
    from chronomap.story.dates import day_number

    almaty = exhibit.places["almaty"]
    day = day_number(1986, 12, 17)
    assert almaty.label_at(day, "ru") == "Алма-Ата (Алматы)"
    assert almaty.label_at(day, "kk") == "Алматы"
    assert exhibit.places["kazakh-ssr"].name_at(day, "kk") == "Қазақ КСР"
