"""The session as Qt signals: a thin QObject over :class:`chronomap.session.Session`.

Widgets connect to these signals rather than to the pure emitters, so a
deleted widget is disconnected by Qt. Every change goes through the pure
session; this object only forwards its reads and re-emits its events.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from chronomap.session import STANDARD_LOOK, Look, Session
from chronomap.story.timeline import Moment, Timeline

__all__ = ["Look", "Moment", "SessionModel"]


class SessionModel(QObject):
    changed = Signal(object)  # Moment
    language_changed = Signal(str)
    look_changed = Signal(object)  # Look
    selection_changed = Signal(object)  # str | None
    playing_changed = Signal(bool)

    def __init__(self, timeline: Timeline, language: str = "en", look: Look = STANDARD_LOOK, parent: QObject | None = None):
        super().__init__(parent)
        self.core = Session(timeline, language, look)
        events = self.core.events
        events.moment.connect(self.changed.emit)
        events.language.connect(self.language_changed.emit)
        events.look.connect(self.look_changed.emit)
        events.selection.connect(self.selection_changed.emit)
        events.playing.connect(self.playing_changed.emit)

    # reads
    @property
    def timeline(self) -> Timeline:
        return self.core.timeline

    @property
    def moment(self) -> Moment:
        return self.core.moment

    @property
    def day(self) -> int:
        return self.core.day

    @property
    def language(self) -> str:
        return self.core.language

    @property
    def look(self) -> Look:
        return self.core.look

    @property
    def selected_place(self) -> str | None:
        return self.core.selected_place

    @property
    def playing(self) -> bool:
        return self.core.playing

    # writes (each the pure session's)
    def set_moment(self, moment: Moment) -> None:
        self.core.set_moment(moment)

    def set_day(self, day: int) -> None:
        self.core.set_day(day)

    def go_to_event(self, event_id: str) -> None:
        self.core.go_to_event(event_id)

    def next_event(self) -> bool:
        return self.core.next_event()

    def previous_event(self) -> bool:
        return self.core.previous_event()

    def go_home(self) -> None:
        self.core.go_home()

    def go_end(self) -> None:
        self.core.go_end()

    def go_to_start(self, start: Moment | None) -> None:
        self.core.go_to_start(start)

    def can_go_previous(self) -> bool:
        return self.core.can_go_previous()

    def can_go_next(self) -> bool:
        return self.core.can_go_next()

    def at_the_end(self) -> bool:
        return self.core.at_the_end()

    def set_language(self, language: str) -> None:
        self.core.set_language(language)

    def set_look(self, look: Look) -> None:
        self.core.set_look(look)

    def select_place(self, place_id: str | None) -> None:
        self.core.select_place(place_id)

    def set_playing(self, playing: bool) -> None:
        self.core.set_playing(playing)
