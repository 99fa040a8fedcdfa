"""An event being told is not "happening" once it is over (issue 14.13)."""

from __future__ import annotations

from chronomap.map.view_state import MapStateBuilder
from chronomap.story.dates import day_number
from chronomap.story.timeline import PlaceStatus


def test_on_3_april_1988_the_december_events_are_told_not_happening(timeline):
    day = day_number(1988, 4, 3)
    state = timeline.state_at(day)
    assert state.focus is not None and state.focus.span.end < day  # the focus is long over
    told = {pid for pid, status in state.places.items() if status is PlaceStatus.TOLD}
    assert "almaty" in told
    assert PlaceStatus.CURRENT not in state.places.values()  # nothing happens on that day
    assert state.happening_place_ids == ()
    assert "almaty" in state.current_place_ids  # still the places the moment highlights
    page = MapStateBuilder(timeline.exhibit).page_state(state, day)
    assert page["places"]["almaty"]["status"] == "told"


def test_on_the_day_itself_the_places_are_happening(timeline):
    day = day_number(1986, 12, 17)
    state = timeline.state_at(day)
    assert state.places["almaty"] is PlaceStatus.CURRENT
    assert "almaty" in state.happening_place_ids


def test_a_place_in_an_event_under_way_stays_happening_even_if_also_told(timeline):
    # the strike reaches Karaganda while the miners' strike (a month-long span) is still under way
    for event in timeline.events:
        if event.span.end > event.span.start:
            middle = (event.span.start + event.span.end) // 2
            state = timeline.state_at(middle)
            for pid in event.place_ids:
                assert state.places[pid] is PlaceStatus.CURRENT, (event.id, pid)


def test_the_legend_names_both(timeline):
    legend = MapStateBuilder(timeline.exhibit).legend()
    assert legend["current"] == "Happening on this day"
    assert legend["told"] == "The event told, over by this day"
