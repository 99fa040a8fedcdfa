"""What is true at instant t: the pure heart of the explorer.

The timeline is cut at every day an event starts or ends; between two cuts
nothing changes.  Building sorts the cuts (n log n); a stretch's state is
computed the first time it is asked for (linear, with sets and a bisect, never a
list search) and kept, so :meth:`Timeline.state_at` is a binary search returning
a shared, immutable object.  Computing every state up front would cost n² for
a 10,000-event exhibit; the slider only visits a few of them.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum

from chronomap.story.dates import DateError, format_day, format_range, from_day_number, parse_instant
from chronomap.story.model import Event, Exhibit


class PlaceStatus(StrEnum):
    """What a place is at an instant: taking part in an event under way that day (CURRENT), only in
    the event being told although it is over by then (TOLD: the map must not say "happening"),
    only in earlier events (PAST), or not yet (UPCOMING)."""

    CURRENT = "current"
    TOLD = "told"
    PAST = "past"
    UPCOMING = "upcoming"


@dataclass(frozen=True, slots=True)
class TimelineState:
    """The exhibit at one instant.

    ``focus`` is the event being told: the latest one begun by now (events on
    the same day keep their order in the file).  ``current`` holds every event
    under way, plus the focus.  ``places`` says, for every place, whether it
    takes part in an event under way, only in the focus although that is over,
    only in past ones, or not yet.
    """

    focus: Event | None
    current: tuple[Event, ...]
    past: tuple[Event, ...]
    upcoming: tuple[Event, ...]
    places: dict[str, PlaceStatus]
    highlighted_sentences: tuple[str, ...]

    @property
    def current_place_ids(self) -> tuple[str, ...]:
        """The places the moment highlights: those of events under way and of the event told."""
        return tuple(pid for pid, status in self.places.items() if status in (PlaceStatus.CURRENT, PlaceStatus.TOLD))

    @property
    def happening_place_ids(self) -> tuple[str, ...]:
        """Only the places of events under way on the day."""
        return tuple(pid for pid, status in self.places.items() if status is PlaceStatus.CURRENT)


@dataclass(frozen=True, slots=True)
class Moment:
    """A day and what is true then; ``pinned_event`` is set when it was reached by choosing an event."""

    day: int
    state: TimelineState
    pinned_event: str | None = None

    @property
    def focus(self) -> Event | None:
        return self.state.focus

    @property
    def date_label(self) -> str:
        """The date at its real precision, in English: ``label("en")``."""
        return self.label("en")

    def label(self, lang: str = "en") -> str:
        """The date at its real precision in *lang*: the focus event's own date when the day lies in it."""
        focus = self.state.focus
        if focus is not None and focus.span.contains(self.day):
            return focus.span.label(lang)
        return format_day(self.day, lang)


@dataclass(frozen=True, slots=True)
class Tick:
    day: int
    event_id: str
    span_start: int
    span_end: int
    #: the date is approximate (~) or uncertain (?): drawn as a soft span, not a sharp tick
    fuzzy: bool = False


#: Stretch states kept (each holds every event once); the oldest asked-for is dropped first.
STATE_CACHE_SIZE = 512


class Timeline:
    def __init__(self, exhibit: Exhibit):
        self.exhibit = exhibit
        self.events: tuple[Event, ...] = exhibit.events  # already in timeline order
        self._index = {e.id: i for i, e in enumerate(self.events)}
        first = min(e.span.start for e in self.events)
        last = max(e.span.end for e in self.events)
        self.start = min(exhibit.period.start, first)
        self.end = max(exhibit.period.end, last)
        cuts = {self.start}
        for event in self.events:
            cuts.add(event.span.start)
            cuts.add(event.span.end + 1)
        self._cuts = sorted(c for c in cuts if c <= self.end)
        self._starts = [e.span.start for e in self.events]  # sorted: events are in timeline order
        self._states: OrderedDict[int, TimelineState] = OrderedDict()
        self._before_start = self._compute(self.start - 1, None)

    # -- queries ------------------------------------------------------------
    def state_at(self, day: int, focus: str | None = None) -> TimelineState:
        """The state at ``day``; ``focus`` picks one of the events begun that day."""
        if focus is not None:
            return self._compute(day, focus)
        if day < self.start:
            return self._before_start
        cut = bisect.bisect_right(self._cuts, day) - 1
        state = self._states.get(cut)
        if state is None:
            state = self._states[cut] = self._compute(self._cuts[cut], None)
            if len(self._states) > STATE_CACHE_SIZE:
                self._states.popitem(last=False)
        else:
            self._states.move_to_end(cut)
        return state

    def state_for_event(self, event_id: str) -> TimelineState:
        event = self.events[self._index[event_id]]
        return self._compute(event.span.start, event_id)

    def day_for(self, text: str) -> int:
        """The day a person means by an ISO day, month or year: for a month or a year,
        the start of its first event (else its first day inside the story).

        Raises ValueError with a message naming what was expected.
        """
        try:
            span = parse_instant(text)
        except DateError:
            raise ValueError(f"{text!r} is not a date; expected an ISO day, month or year such as "
                             "1986-12-17, 1989-07 or 1991") from None
        if span.end < self.start or span.start > self.end:
            raise ValueError(f"{text!r} is outside the story ({format_range(self.start, self.end)})")
        # "August 1991" means what happened in August 1991: the first event begun in it
        i = bisect.bisect_left(self._starts, span.start)
        if i < len(self.events) and self._starts[i] <= span.end:
            return self._starts[i]
        return max(span.start, self.start)

    def moment_at(self, day: int) -> Moment:
        return Moment(day, self.state_at(day))

    def moment_for_event(self, event_id: str) -> Moment:
        return Moment(self.events[self._index[event_id]].span.start, self.state_for_event(event_id), event_id)

    def next_event(self, day: int, focus: str | None = None) -> Event | None:
        """The event after the one in focus, or the first to start after ``day``."""
        if focus is not None and focus in self._index:
            i = self._index[focus] + 1
            return self.events[i] if i < len(self.events) else None
        i = bisect.bisect_right(self._starts, day)
        return self.events[i] if i < len(self.events) else None

    def previous_event(self, day: int, focus: str | None = None) -> Event | None:
        """The event before the one in focus, or the last to start before ``day``."""
        if focus is not None and focus in self._index:
            i = self._index[focus] - 1
            return self.events[i] if i >= 0 else None
        i = bisect.bisect_left(self._starts, day) - 1
        return self.events[i] if i >= 0 else None

    def ticks(self) -> list[Tick]:
        """One tick per event, at its start, carrying its span for ranged dates and its fuzziness."""
        return [Tick(e.span.start, e.id, e.span.start, e.span.end, e.span.approximate or e.span.uncertain)
                for e in self.events]

    def year_marks(self) -> list[tuple[int, int]]:
        """(day, year) for every 1 January inside the timeline, for labelled years."""
        from chronomap.story.dates import day_number

        first_year = from_day_number(self.start)[0]
        last_year = from_day_number(self.end)[0]
        marks = []
        for year in range(first_year, last_year + 2):
            day = day_number(year, 1, 1)
            if self.start <= day <= self.end:
                marks.append((day, year))
        return marks

    def density(self, bins: int) -> list[int]:
        """How many events touch each of ``bins`` equal stretches of the timeline."""
        width = (self.end - self.start + 1) / bins
        steps = [0] * (bins + 1)  # +1 where an event's bins begin, -1 after they end: linear in events + bins
        for event in self.events:
            a = max(int((event.span.start - self.start) / width), 0)
            b = min(int((event.span.end - self.start) / width), bins - 1)
            if a <= b:
                steps[a] += 1
                steps[b + 1] -= 1
        counts, running = [], 0
        for step in steps[:bins]:
            running += step
            counts.append(running)
        return counts

    # -- the one place states are computed ----------------------------------
    def _compute(self, day: int, focus_id: str | None) -> TimelineState:
        """One state, linear in events and places: events are sorted, so 'begun' is a prefix."""
        begun_count = bisect.bisect_right(self._starts, day)
        focus: Event | None
        if focus_id is not None:
            f = self._index[focus_id]
            focus = self.events[f]
            begun_count = min(begun_count, f + 1)
        else:
            focus = self.events[begun_count - 1] if begun_count else None
        begun = self.events[:begun_count]
        current = [e for e in begun if e.span.end >= day]
        if focus is not None and (focus.span.end < day or self._index[focus.id] >= begun_count):
            current.append(focus)
        current_ids = {e.id for e in current}
        past = [e for e in begun if e.id not in current_ids]
        upcoming = [e for e in self.events[begun_count:] if e.id not in current_ids]
        statuses = dict.fromkeys(self.exhibit.places, PlaceStatus.UPCOMING)
        for event in past:
            for pid in event.place_ids:
                statuses[pid] = PlaceStatus.PAST
        for event in current:
            status = PlaceStatus.CURRENT if event.span.contains(day) else PlaceStatus.TOLD
            for pid in event.place_ids:
                if statuses[pid] is not PlaceStatus.CURRENT:
                    statuses[pid] = status
        sentences = tuple(dict.fromkeys(s for e in current for s in e.sentence_ids))
        return TimelineState(focus, tuple(current), tuple(past), tuple(upcoming), statuses, sentences)
