"""One start resolver for the desk (--at/--event), the kiosk (start_date/start_event) and the export."""

import pytest

from chronomap.errors import ChronomapError, StartError
from chronomap.story.dates import day_number
from chronomap.story.start import resolve_start


def _day(timeline, at, exact_day=False):
    moment = resolve_start(timeline, at=at, exact_day=exact_day)
    assert moment is not None and moment.pinned_event is None
    return moment.day


def test_at_a_day_month_or_year(timeline):
    assert _day(timeline, "1986-12-17") == day_number(1986, 12, 17)
    assert _day(timeline, "1989-07") == day_number(1989, 7, 1)
    assert _day(timeline, "1991") == day_number(1991, 8, 19)  # the year's first event
    assert _day(timeline, "1988") == day_number(1988, 1, 1)  # a year with none
    assert _day(timeline, "1986") == day_number(1986, 12, 16)


def test_exact_day_is_the_first_day_of_the_span_inside_the_story(timeline):
    assert _day(timeline, "1991", exact_day=True) == day_number(1991, 1, 1)  # not the year's first event
    assert _day(timeline, "1986", exact_day=True) == timeline.start  # the story starts later that year
    assert _day(timeline, "1986-12-17", exact_day=True) == day_number(1986, 12, 17)


def test_event(timeline):
    moment = resolve_start(timeline, event="august-coup")
    assert moment == timeline.moment_for_event("august-coup") and moment.pinned_event == "august-coup"
    assert resolve_start(timeline) is None
    assert resolve_start(timeline, at="1990", event="august-coup") == moment  # the event wins


@pytest.mark.parametrize("at", ["1975", "2001-05-01", "garbage", "1989-07/..", "x" * 10_000])
@pytest.mark.parametrize("exact_day", [False, True])
def test_bad_dates(timeline, at, exact_day):
    with pytest.raises(StartError) as info:
        resolve_start(timeline, at=at, exact_day=exact_day)
    assert info.value.field == "at" and isinstance(info.value, ChronomapError)
    assert str(info.value).startswith("found ") and "; expected " in str(info.value)
    assert len(str(info.value)) < 200  # a huge value is quoted short


def test_a_refusal_is_named_by_its_caller(timeline):
    with pytest.raises(StartError) as info:
        resolve_start(timeline, event="moon-landing")
    named = info.value.named({"event": "kiosk.toml: start_event", "at": "kiosk.toml: start_date"})
    assert str(named).startswith("kiosk.toml: start_event: found 'moon-landing'; expected an event of this exhibit: ")
    assert "december-events" in str(named) and named.field == "event"
    assert named.lines() == [str(named)] and named.exit_status == 2
