"""The one moment every view listens to: day + event in focus.

Input (slider, keys, article clicks, play) writes here; the map, the article
panel and the date label read from here.  ``changed`` fires only when the
moment really differs, so syncing widgets cannot loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from chronomap.story.dates import format_day
from chronomap.story.model import Event
from chronomap.story.timeline import Timeline, TimelineState


@dataclass(frozen=True, slots=True)
class Moment:
    day: int
    state: TimelineState
    pinned_event: str | None  # set when the moment was reached by choosing an event

    @property
    def focus(self) -> Event | None:
        return self.state.focus

    @property
    def date_label(self) -> str:
        """The date at its real precision: the focus event's own date when the day lies in it."""
        focus = self.state.focus
        if focus is not None and focus.span.contains(self.day):
            return focus.span.label()
        return format_day(self.day)


class ExplorerModel(QObject):
    changed = Signal(object)  # Moment

    def __init__(self, timeline: Timeline, parent: QObject | None = None):
        super().__init__(parent)
        self.timeline = timeline
        first = timeline.events[0]
        self._moment = Moment(first.span.start, timeline.state_for_event(first.id), first.id)

    @property
    def moment(self) -> Moment:
        return self._moment

    @property
    def day(self) -> int:
        return self._moment.day

    def _set(self, moment: Moment) -> None:
        if moment == self._moment:
            return
        self._moment = moment
        self.changed.emit(moment)

    def set_day(self, day: int) -> None:
        """A free move (slider drag): the focus follows the date."""
        day = max(self.timeline.start, min(self.timeline.end, day))
        if day == self._moment.day and self._moment.pinned_event is None:
            return
        self._set(Moment(day, self.timeline.state_at(day), None))

    def go_to_event(self, event_id: str) -> None:
        event = self.timeline.exhibit.event(event_id)
        self._set(Moment(event.span.start, self.timeline.state_for_event(event_id), event_id))

    def _focus_id(self) -> str | None:
        focus = self._moment.state.focus
        # A free move onto a day inside an event still steps from that event.
        return focus.id if focus is not None and (self._moment.pinned_event or focus.span.start == self.day) else None

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
