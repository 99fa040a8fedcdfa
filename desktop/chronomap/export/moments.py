"""Which moments an export shows, and what its caption says. Pure Python.

A snapshot of a moment is the explorer's own moment: the same timeline state,
the same page state (through :class:`MapStateBuilder`), only never animated.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronomap.errors import StartError
from chronomap.export.options import ExportError
from chronomap.map.view_state import MapStateBuilder
from chronomap.story.start import resolve_start
from chronomap.story.timeline import Moment, Timeline

#: How the export's command line names the two ways of asking for a moment (``StartError.field``).
START_OPTIONS = {"event": "--event", "at": "--at"}


def start_moment(timeline: Timeline, at: str | None, event: str | None) -> Moment:
    """``--at`` / ``--event``: :func:`chronomap.story.start.resolve_start`, the options named in its refusal."""
    try:
        moment = resolve_start(timeline, at=at, event=event)
    except StartError as exc:
        raise exc.named(START_OPTIONS) from None
    if moment is None:
        raise ExportError("give --at DATE or --event ID")
    return moment


def caption_for(timeline: Timeline, moment: Moment, lang: str = "en") -> dict[str, str]:
    focus = moment.focus
    return {
        "title": timeline.exhibit.title_in(lang),
        "date": moment.label(lang),
        "event": focus.title_in(lang) if focus is not None else "",
    }


def page_state_for(builder: MapStateBuilder, moment: Moment) -> dict:
    """The explorer's page state for *moment* (its legend and look included), never animated."""
    return builder.page_state(moment.state, moment.day, animate=False)


def batch_file_name(index: int, count: int, event_id: str, suffix: str) -> str:
    """``01-<event-id>.png``: zero-padded so a folder listing is the timeline's order."""
    width = max(2, len(str(count)))
    return f"{index:0{width}d}-{event_id}{suffix}"


@dataclass(frozen=True)
class AnimationFrame:
    moment: Moment
    repeat: int  # how many video frames this picture stands for


def animation_frames(timeline: Timeline, fps: int, hold_seconds: float = 2.5, steps_between: int = 6) -> list[AnimationFrame]:
    """The story as frames: each event held, then a few frames stepping through the days to the next.

    The first frame is the first event (the story's start), never skipped.
    """
    if fps < 1 or fps > 60:
        raise ExportError(f"--fps {fps} is out of range; expected 1 to 60 frames a second")
    frames: list[AnimationFrame] = []
    hold = max(1, round(hold_seconds * fps))
    events = timeline.events
    for i, event in enumerate(events):
        frames.append(AnimationFrame(timeline.moment_for_event(event.id), hold))
        if i + 1 < len(events):
            start, end = event.span.start, events[i + 1].span.start
            if end - start > 1:
                for k in range(1, steps_between + 1):
                    day = start + round((end - start) * k / (steps_between + 1))
                    if start < day < end:
                        frames.append(AnimationFrame(timeline.moment_at(day), 1))
    return frames
