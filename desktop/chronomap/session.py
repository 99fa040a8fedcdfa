"""What every view shows, held once: the moment, the language, the look, the selected place, playing.

Input (slider, keys, buttons, article clicks, the attract loop, the editor)
writes here; the presenter and the layouts read from here and subscribe. Each
field has its own :class:`Emitter`, which fires only when the value really
differs, so views that write back while syncing cannot loop. Pure Python: the
Qt side wraps it (:mod:`chronomap.qt.session`), nothing else keeps a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from chronomap.i18n import check_language
from chronomap.story.timeline import Moment, Timeline

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Look:
    """How everything is drawn: high contrast (black on white, ≥ 7:1) and large type (×1.3)."""

    high_contrast: bool = False
    large_type: bool = False


#: The look a session starts with unless told otherwise.
STANDARD_LOOK = Look()


class Emitter(Generic[T]):
    """A list of callbacks for one field; :meth:`connect` returns the way to disconnect."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> Callable[[], None]:
        self._callbacks.append(callback)
        return lambda: self.disconnect(callback)

    def disconnect(self, callback: Callable[[T], object]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)


class SessionEvents:
    def __init__(self) -> None:
        self.moment: Emitter[Moment] = Emitter()
        self.language: Emitter[str] = Emitter()
        self.look: Emitter[Look] = Emitter()
        self.selection: Emitter[str | None] = Emitter()
        self.playing: Emitter[bool] = Emitter()


class Session:
    """One explorer's state over a :class:`Timeline`; moves in time follow the timeline's rules."""

    def __init__(self, timeline: Timeline, language: str = "en", look: Look = STANDARD_LOOK):
        check_language(language)
        self.timeline = timeline
        self.events = SessionEvents()
        self._moment = timeline.moment_for_event(timeline.events[0].id)
        self._language = language
        self._look = look
        self._selected: str | None = None
        self._playing = False

    # -- reading -------------------------------------------------------------------------
    @property
    def moment(self) -> Moment:
        return self._moment

    @property
    def day(self) -> int:
        return self._moment.day

    @property
    def language(self) -> str:
        return self._language

    @property
    def look(self) -> Look:
        return self._look

    @property
    def selected_place(self) -> str | None:
        return self._selected

    @property
    def playing(self) -> bool:
        return self._playing

    # -- time ---------------------------------------------------------------------------
    def set_moment(self, moment: Moment) -> None:
        """Any move in time; the selected place is dropped with the moment it was chosen in."""
        if moment == self._moment:
            return
        self._moment = moment
        self.select_place(None)
        self.events.moment.emit(moment)

    def set_day(self, day: int) -> None:
        """A free move (slider drag): the focus follows the date."""
        day = max(self.timeline.start, min(self.timeline.end, day))
        if day == self._moment.day and self._moment.pinned_event is None:
            return
        self.set_moment(self.timeline.moment_at(day))

    def go_to_event(self, event_id: str) -> None:
        self.set_moment(self.timeline.moment_for_event(event_id))

    def _focus_id(self) -> str | None:
        focus = self._moment.state.focus
        # A free move onto a day inside an event still steps from that event.
        return focus.id if focus is not None and (self._moment.pinned_event or focus.span.start == self.day) else None

    def can_go_previous(self) -> bool:
        return self.timeline.previous_event(self.day, self._pinned_id()) is not None

    def can_go_next(self) -> bool:
        return self.timeline.next_event(self.day, self._pinned_id()) is not None

    def _pinned_id(self) -> str | None:
        focus = self._moment.state.focus
        return focus.id if focus is not None and self._moment.pinned_event else None

    def next_event(self) -> bool:
        event = self.timeline.next_event(self.day, self._focus_id())
        if event is None:
            return False
        self.go_to_event(event.id)
        return True

    def previous_event(self) -> bool:
        event = self.timeline.previous_event(self.day, self._focus_id())
        if event is None:
            return False
        self.go_to_event(event.id)
        return True

    def go_home(self) -> None:
        self.go_to_event(self.timeline.events[0].id)

    def go_end(self) -> None:
        self.go_to_event(self.timeline.events[-1].id)

    def go_to_start(self, start: Moment | None) -> None:
        """The configured start (see :func:`chronomap.story.start.resolve_start`), else the first event."""
        if start is None:
            self.go_home()
        else:
            self.set_moment(start)

    def at_the_end(self) -> bool:
        """Nothing left to play from here."""
        return self.timeline.next_event(self.day, self._moment.pinned_event) is None

    # -- language, look, selection, playing ---------------------------------------------------
    def set_language(self, language: str) -> None:
        check_language(language)
        if language != self._language:
            self._language = language
            self.events.language.emit(language)

    def set_look(self, look: Look) -> None:
        if look != self._look:
            self._look = look
            self.events.look.emit(look)

    def select_place(self, place_id: str | None) -> None:
        """A place shown in detail (None: none); an unknown id selects nothing."""
        if place_id is not None and place_id not in self.timeline.exhibit.places:
            place_id = None
        if place_id != self._selected:
            self._selected = place_id
            self.events.selection.emit(place_id)

    def set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.events.playing.emit(playing)
