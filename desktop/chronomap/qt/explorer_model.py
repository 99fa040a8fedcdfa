"""The one moment every view listens to: day + event in focus.

Input (slider, keys, article clicks, play) writes here; the map, the article
panel and the date label read from here.  ``changed`` fires only when the
moment really differs, so syncing widgets cannot loop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from chronomap.story.timeline import Moment, Timeline

__all__ = ["ExplorerModel", "Moment"]


class ExplorerModel(QObject):
    changed = Signal(object)  # Moment

    def __init__(self, timeline: Timeline, parent: QObject | None = None):
        super().__init__(parent)
        self.timeline = timeline
        self._moment = timeline.moment_for_event(timeline.events[0].id)

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
        self._set(self.timeline.moment_at(day))

    def go_to_event(self, event_id: str) -> None:
        self._set(self.timeline.moment_for_event(event_id))

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
