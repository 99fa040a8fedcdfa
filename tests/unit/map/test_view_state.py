"""What the page is told for a moment: pure Python, no Qt."""

import json
import math
from pathlib import Path

import pytest

from chronomap.map.bridge import apply_state, set_legend
from chronomap.map.view_state import MapStateBuilder, MapWords
from chronomap.story.dates import day_number
from chronomap.story.loader import load_exhibit
from chronomap.story.timeline import Timeline


def builder(exhibit):
    return MapStateBuilder(exhibit)


def test_spec_has_every_place_with_its_period_label(exhibit):
    spec = builder(exhibit).spec()
    by_id = {p.id: p for p in spec.places}
    assert set(by_id) == set(exhibit.places)
    assert by_id["almaty"].label == "Alma-Ata (Almaty)"
    assert by_id["kazakh-ssr"].isos == ("KAZ",)
    assert len(by_id["ussr"].isos) == 15
    assert by_id["donbas"].geometry["type"] == "Polygon"
    assert "http" not in spec.attribution and "Natural Earth" in spec.attribution


def test_legend_names_the_period_and_its_caveat(exhibit):
    legend = builder(exhibit).spec().legend
    assert legend["focus"] == "Kazakh SSR"
    assert legend["focusIndependent"] == "Kazakhstan, independent"
    assert legend["ussr"] == "Frontier of the USSR"
    assert "today" in legend["note"]


def test_the_period_styling_follows_the_date(exhibit):
    b = builder(exhibit)
    before = b.basemap_classes(day_number(1990, 1, 1))
    assert before["KAZ"] == "focus" and before["RUS"] == "union"
    independent = b.basemap_classes(day_number(1991, 12, 16))
    assert independent["KAZ"] == "focus-independent" and independent["RUS"] == "union"
    after = b.basemap_classes(day_number(1991, 12, 25))
    assert after["KAZ"] == "focus-independent" and after["RUS"] == "independent"


def test_page_state_for_the_december_events(exhibit, timeline):
    day = day_number(1986, 12, 17)
    state = builder(exhibit).page_state(timeline.state_at(day), day)
    assert state["places"]["almaty"] == {"status": "current", "label": "Alma-Ata (Almaty)"}
    assert state["basemap"]["ussr_border"] is True
    (south, west), (north, east) = state["focus"]
    assert south < 43.25 < north and west < 76.9 < east
    # it crosses the bridge as one JSON argument
    script = apply_state(dict(state, seq=1))
    assert script.startswith("chronomap.applyState(") and json.dumps("Alma-Ata (Almaty)") in script


def test_the_opening_state_is_the_page_state_drawn_without_a_glide_as_sequence_zero(exhibit, timeline):
    day = day_number(1986, 12, 17)
    b = builder(exhibit)
    opening = b.opening_state(timeline.state_at(day), day)
    assert opening == {**b.page_state(timeline.state_at(day), day), "animate": False, "seq": 0}


def test_focus_on_the_end_of_the_union_frames_the_whole_union(exhibit, timeline):
    state = builder(exhibit).page_state(timeline.state_for_event("ussr-ends"), day_number(1991, 12, 25))
    (south, west), (north, east) = state["focus"]
    assert west < 25 and east > 170 and north > 75  # Kaliningrad to Chukotka, not round the world
    assert state["basemap"]["ussr_border"] is False
    # Chukotka's tip is beyond the antimeridian: the page draws it at 190 E, and the frame takes it in
    assert 189 < east < 195
    # the box is about 16:9 on the (Mercator) screen, so a 16:9 view framing it shows the Union,
    # not half the northern hemisphere; Cape Chelyuskin (77.7 N) is inside
    def mercator_y(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    aspect = math.radians(east - west) / (mercator_y(north) - mercator_y(south))
    assert 1.6 < aspect < 2.0, aspect
    assert north > 77.7 and south < 35.5


def test_before_the_story_nothing_is_framed(exhibit, timeline):
    state = builder(exhibit).page_state(timeline.state_at(timeline.start - 5), timeline.start - 5)
    assert state["focus"] is None
    assert {p["status"] for p in state["places"].values()} == {"upcoming"}


# -- in other languages ---------------------------------------------------------------

STEPPE = Path(__file__).resolve().parents[2] / "data" / "exhibits" / "test-steppe"


@pytest.fixture(scope="module")
def steppe():
    return load_exhibit(STEPPE)


def test_labels_are_the_period_names_of_the_language(exhibit, timeline):
    day = day_number(1986, 12, 17)
    state = timeline.state_at(day)
    labels = {lang: MapStateBuilder(exhibit, lang).page_state(state, day)["places"] for lang in ("en", "ru", "kk")}
    assert labels["en"]["almaty"]["label"] == "Alma-Ata (Almaty)"
    assert labels["ru"]["almaty"] == {"status": "current", "label": "Алма-Ата (Алматы)"}
    assert labels["kk"]["almaty"]["label"] == "Алматы"  # one name in Kazakh then and now
    assert labels["ru"]["kazakh-ssr"]["label"] == "Казахская ССР (Казахстан)"
    assert labels["kk"]["karaganda"]["label"] == "Қарағанды"
    spec = MapStateBuilder(exhibit, "ru").spec()
    assert {p.id: p.label for p in spec.places}["almaty"] == "Алма-Ата (Алматы)"


def test_set_language_switches_an_existing_builder(exhibit, timeline):
    b = builder(exhibit)
    day = day_number(1991, 12, 20)
    b.set_language("ru")
    assert b.lang == "ru" and b.page_state(timeline.state_at(day), day)["places"]["almaty"]["label"] == "Алма-Ата (Алматы)"
    b.set_language("en")
    assert b.page_state(timeline.state_at(day), day)["places"]["almaty"]["label"] == "Alma-Ata (Almaty)"


def test_legend_in_russian_and_kazakh_uses_the_exhibits_own_words(steppe):
    ru_words = MapWords(legend_title="Легенда", current="Происходит сейчас", focus_independent="{name}, независимый",
                        union_others="Другие республики {union}", union_frontier="Граница {union}")
    legend = MapStateBuilder(steppe, "ru", ru_words).legend()
    assert legend["title"] == "Легенда" and legend["current"] == "Происходит сейчас"
    assert legend["past"] == "Earlier in the story"  # a word the interface did not translate
    assert legend["focus"] == "Казахская ССР" and legend["focusIndependent"] == "Казахстан, независимый"
    assert legend["union"] == "Другие республики СССР" and legend["ussr"] == "Граница СССР"
    assert legend["note"] == "Границы показаны в современном виде."
    kk = MapStateBuilder(steppe, "kk").legend()  # English templates, Kazakh exhibit words
    assert kk["focus"] == "Қазақ КСР" and kk["ussr"] == "Frontier of the КСРО"
    assert kk["note"] == "Borders are drawn as they are today."  # no Kazakh map note: the main one
    assert MapStateBuilder(steppe, "ru").spec().title == "Тестовая степь"
    assert set_legend(legend).startswith("chronomap.setLegend({") and "Граница СССР" in set_legend(legend)


def test_describe_in_the_language(steppe):
    timeline = Timeline(steppe)
    moment = timeline.moment_for_event("work-begins")
    words = MapWords(moment="{date}. {event}. Выделено: {places}.", before_story="{date}. До начала истории.",
                     separator="; ")
    b = MapStateBuilder(steppe, "ru", words)
    text = b.describe(moment.state, moment.day, moment.label("ru"))
    assert text == "1930 г. Начало строительства дороги. Выделено: Алма-Ата (Алматы); Казахская ССР (Казахстан)."
    before = timeline.moment_at(timeline.start - 1)
    assert b.describe(before.state, before.day, before.label("ru")).endswith("До начала истории.")
    kk = MapStateBuilder(steppe, "kk").describe(moment.state, moment.day, moment.label("kk"))
    assert kk == "1930 ж. Темір жол құрылысы басталды. Highlighted: Алматы, Қазақ КСР (Қазақстан)."


def test_map_words_refuse_unknown_placeholders():
    with pytest.raises(ValueError, match="union_frontier"):
        MapWords(union_frontier="Граница {союза}")
    with pytest.raises(ValueError, match="legend_title"):
        MapWords(legend_title="{name}")
    MapWords(union_frontier="Граница")  # leaving a placeholder out is allowed


def test_every_page_state_carries_the_legend_and_the_look(exhibit, timeline):
    """So a page reloaded after a crash, given the last state again, gets its words and look back."""
    b = MapStateBuilder(exhibit)
    day = timeline.start
    state = b.page_state(timeline.state_at(day), day)
    assert state["legend"] == b.legend() and state["legend"]["lang"] == "en"
    assert state["appearance"] == {"highContrast": False, "large": False}
    b.set_language("ru")
    b.set_appearance(True, False)
    state = b.page_state(timeline.state_at(day), day)
    assert state["legend"]["lang"] == "ru" and state["legend"] == b.legend()
    assert state["appearance"] == {"highContrast": True, "large": False}
