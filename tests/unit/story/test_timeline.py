from chronomap.story.dates import day_number, parse_date
from chronomap.story.timeline import PlaceStatus


def test_before_the_first_event_everything_is_upcoming(timeline):
    state = timeline.state_at(timeline.start - 10)
    assert state.focus is None and not state.current and not state.past
    assert set(state.places.values()) == {PlaceStatus.UPCOMING}


def test_december_events_highlight_almaty(timeline):
    state = timeline.state_at(day_number(1986, 12, 17))
    assert state.focus.id == "december-events"
    assert state.places["almaty"] is PlaceStatus.CURRENT
    assert state.places["moscow"] is PlaceStatus.PAST  # the dismissal ordered from Moscow is over
    assert state.places["karaganda"] is PlaceStatus.UPCOMING
    assert "the-december-events.p1.s5" in state.highlighted_sentences


def test_august_1991_highlights_moscow_not_almaty(timeline):
    state = timeline.state_at(day_number(1991, 8, 20))
    assert state.focus.id == "august-coup"
    assert state.current_place_ids == ("moscow",)
    assert state.places["almaty"] is PlaceStatus.PAST


def test_between_events_the_latest_event_stays_in_focus(timeline):
    state = timeline.state_at(day_number(1988, 5, 1))
    assert state.focus.id == "unrest-spreads"
    assert [e.id for e in state.current] == ["unrest-spreads"]


def test_ranged_events_are_current_for_their_whole_span(timeline):
    for day in (day_number(1990, 9, 1), day_number(1990, 10, 1), day_number(1990, 11, 30)):
        assert "dzasokhov-mission" in [e.id for e in timeline.state_at(day).current]
    # sovereignty falls inside autumn 1990: both are current, the later-begun in focus
    state = timeline.state_at(day_number(1990, 10, 25))
    assert state.focus.id == "sovereignty-declared"
    assert {"dzasokhov-mission", "sovereignty-declared"} <= {e.id for e in state.current}


def test_state_at_returns_the_same_object_within_a_stretch(timeline):
    a = timeline.state_at(day_number(1988, 1, 1))
    b = timeline.state_at(day_number(1988, 6, 1))
    assert a is b


def test_next_and_previous_step_through_events_sharing_a_day(timeline):
    day = parse_date("1989-06-22").start
    assert timeline.next_event(day - 1).id == "nazarbayev-elected"
    assert timeline.next_event(day, focus="nazarbayev-elected").id == "nazarbayev-plenary-speech"
    assert timeline.previous_event(day, focus="nazarbayev-plenary-speech").id == "nazarbayev-elected"
    assert timeline.previous_event(day).id == "unrest-spreads"
    assert timeline.next_event(timeline.end) is None
    assert timeline.previous_event(timeline.start) is None


def test_state_for_event_focuses_that_event(timeline):
    state = timeline.state_for_event("nazarbayev-elected")
    assert state.focus.id == "nazarbayev-elected"
    assert "nazarbayev-plenary-speech" in [e.id for e in state.upcoming]


def test_every_state_is_consistent(timeline):
    for day in range(timeline.start - 1, timeline.end + 2, 7):
        state = timeline.state_at(day)
        ids = [e.id for e in state.current + state.past + state.upcoming]
        assert sorted(ids) == sorted(e.id for e in timeline.events)


def test_ticks_years_and_density(timeline):
    ticks = timeline.ticks()
    assert len(ticks) == len(timeline.events)
    dzasokhov = next(t for t in ticks if t.event_id == "dzasokhov-mission")
    assert dzasokhov.span_end - dzasokhov.span_start == 90
    assert [year for _, year in timeline.year_marks()] == [1987, 1988, 1989, 1990, 1991]
    density = timeline.density(60)
    assert sum(1 for c in density if c) >= 5 and max(density) >= 3


def test_moment_label_in_each_language(timeline):
    moment = timeline.moment_at(day_number(1986, 12, 17))  # inside the December Events: their own dates
    assert moment.date_label == moment.label() == moment.label("en") == "17–18 December 1986"
    assert moment.label("ru") == "17–18 декабря 1986 г."
    assert moment.label("kk") == "1986 ж. 17–18 желтоқсан"
    between = timeline.moment_at(day_number(1988, 5, 1))  # no event under way: the day itself
    assert (between.label("en"), between.label("ru"), between.label("kk")) == ("1 May 1988", "1 мая 1988 г.", "1988 ж. 1 мамыр")
    autumn = timeline.moment_for_event("dzasokhov-mission")
    assert (autumn.label("ru"), autumn.label("kk")) == ("Осень 1990 г.", "1990 ж. күзі")
