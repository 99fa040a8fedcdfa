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
