"""What the page is told for a moment: pure Python, no Qt."""

import json

from chronomap.map.bridge import apply_state_script
from chronomap.map.view_state import MapStateBuilder
from chronomap.story.dates import day_number


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
    script = apply_state_script(dict(state, seq=1))
    assert script.startswith("chronomap.applyState(") and json.dumps("Alma-Ata (Almaty)") in script


def test_focus_on_the_end_of_the_union_frames_the_whole_union(exhibit, timeline):
    state = builder(exhibit).page_state(timeline.state_for_event("ussr-ends"), day_number(1991, 12, 25))
    (south, west), (north, east) = state["focus"]
    assert west < 25 and east > 170 and north > 75  # Kaliningrad to Chukotka, not round the world
    assert state["basemap"]["ussr_border"] is False


def test_before_the_story_nothing_is_framed(exhibit, timeline):
    state = builder(exhibit).page_state(timeline.state_at(timeline.start - 5), timeline.start - 5)
    assert state["focus"] is None
    assert {p["status"] for p in state["places"].values()} == {"upcoming"}
