"""Where a story opens: one resolver for every way of asking (desk, kiosk, export)."""

from __future__ import annotations

from chronomap.errors import StartError
from chronomap.story.dates import DateError, format_range, parse_instant
from chronomap.story.quoting import quote
from chronomap.story.timeline import Moment, Timeline

#: What ``--at`` and ``start_date`` accept, said once for every message.
DATE_EXPECTED = "an ISO day, month or year such as 1986-12-17, 1989-07 or 1991"


def resolve_start(timeline: Timeline, *, at: str | None = None, event: str | None = None,
                  exact_day: bool = False) -> Moment | None:
    """The moment for *event* (an id) or *at* (an ISO day, month or year); None when neither is given.

    *at* as a month or a year means its first event (``timeline.day_for``); with *exact_day*
    (the kiosk's ``start_date``) it means the first day of that span inside the story.
    Raises :class:`StartError` saying what was found and what was expected, its ``field`` "event" or
    "at"; callers name where the value came from with :meth:`StartError.named`.
    """
    if event is not None:
        if not timeline.exhibit.has_event(event):
            known = ", ".join(e.id for e in timeline.events)
            raise StartError(f"found {quote(event)}; expected an event of this exhibit: {known}", "event")
        return timeline.moment_for_event(event)
    if at is None:
        return None
    try:
        span = parse_instant(at)
    except DateError:
        raise StartError(f"found {quote(at)}; expected {DATE_EXPECTED}", "at") from None
    if span.end < timeline.start or span.start > timeline.end:
        raise StartError(f"found {quote(at)}; expected a date inside the story ({format_range(timeline.start, timeline.end)})",
                         "at")
    if exact_day:
        return timeline.moment_at(max(span.start, timeline.start))
    return timeline.moment_at(timeline.day_for(at))
