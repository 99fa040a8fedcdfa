"""Where a story opens: one resolver for every way of asking (desk, kiosk, export)."""

from __future__ import annotations

from chronomap.errors import StartError
from chronomap.story.dates import DateError, format_range, parse_instant
from chronomap.story.timeline import Moment, Timeline


def resolve_start(timeline: Timeline, *, at: str | None = None, event: str | None = None,
                  exact_day: bool = False) -> Moment | None:
    """The moment for *event* (an id) or *at* (an ISO day, month or year); None when neither is given.

    *at* as a month or a year means its first event (``timeline.day_for``); with *exact_day*
    (the kiosk's ``start_date``) it means the first day of that span inside the story.
    Raises :class:`StartError` saying what was expected; callers add where the value came from.
    """
    if event is not None:
        if not timeline.exhibit.has_event(event):
            known = ", ".join(e.id for e in timeline.events)
            raise StartError(f"found {event!r}; expected an event of this exhibit: {known}")
        return timeline.moment_for_event(event)
    if at is None:
        return None
    if not exact_day:
        try:
            return timeline.moment_at(timeline.day_for(at))
        except ValueError as exc:
            raise StartError(str(exc)) from None
    try:
        span = parse_instant(at)
    except DateError:
        raise StartError(f"found {at!r}; expected an ISO day, month or year such as 1986-12-17, 1989-07 or 1991") from None
    if span.end < timeline.start or span.start > timeline.end:
        raise StartError(f"found {at!r}; expected a date inside the story ({format_range(timeline.start, timeline.end)})")
    return timeline.moment_at(max(span.start, timeline.start))
