"""The time slider: a track of days with the story drawn on it.

Events are ticks; an event with a ranged or uncertain date is drawn as a span,
not a point.  A density strip above the track shows where the story is thick.
Dragging reports every day it crosses; the model decides what that means.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from chronomap.story.timeline import Timeline
from chronomap.ui import theme


class TimelineSlider(QWidget):
    day_changed = Signal(int)  # while dragging or on click
    event_clicked = Signal(str)  # a click on an event tick

    MARGIN = 28
    DENSITY_BINS = 120

    def __init__(self, timeline: Timeline, parent: QWidget | None = None, *, touch: bool = False):
        super().__init__(parent)
        self.timeline = timeline
        self._day = timeline.start
        self._focus_id: str | None = None
        self._current_ids: frozenset[str] = frozenset()
        self._dragging = False
        self._touch = touch
        self._density = timeline.density(self.DENSITY_BINS)
        self._ticks = timeline.ticks()
        self.setMinimumHeight(96 if touch else 72)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAccessibleName("Timeline")
        self.setToolTip("Drag to move through time; click an event mark to jump to it")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, self.minimumHeight())

    # -- state from the model ------------------------------------------------
    def show_moment(self, day: int, focus_id: str | None, current_ids: frozenset[str]) -> None:
        if (day, focus_id, current_ids) == (self._day, self._focus_id, self._current_ids):
            return
        self._day, self._focus_id, self._current_ids = day, focus_id, current_ids
        self.update()

    @property
    def day(self) -> int:
        return self._day

    # -- geometry ----------------------------------------------------------
    def _track(self) -> QRectF:
        h = self.height()
        return QRectF(self.MARGIN, h * 0.42, self.width() - 2 * self.MARGIN, h * 0.2)

    def x_for_day(self, day: int) -> float:
        track = self._track()
        span = max(1, self.timeline.end - self.timeline.start)
        return track.left() + (day - self.timeline.start) / span * track.width()

    def day_for_x(self, x: float) -> int:
        track = self._track()
        fraction = (x - track.left()) / max(1.0, track.width())
        fraction = min(1.0, max(0.0, fraction))
        return self.timeline.start + round(fraction * (self.timeline.end - self.timeline.start))

    def _tick_at(self, x: float) -> str | None:
        best, best_dist = None, 6.0 if not self._touch else 14.0
        for tick in self._ticks:
            a, b = self.x_for_day(tick.span_start), self.x_for_day(tick.span_end)
            dist = 0.0 if a - 1 <= x <= b + 1 else min(abs(x - a), abs(x - b))
            if dist < best_dist:
                best, best_dist = tick.event_id, dist
        return best

    # -- input ---------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        track = self._track()
        near_track = track.top() - 18 <= event.position().y() <= track.bottom() + 8
        tick = self._tick_at(x) if near_track else None
        if tick is not None and abs(self.x_for_day(self._day) - x) > 8:
            self.event_clicked.emit(tick)
            return
        self._dragging = True
        self.day_changed.emit(self.day_for_x(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._dragging:
            self.day_changed.emit(self.day_for_x(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._dragging = False

    # -- painting ------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), theme.PANEL)
        track = self._track()

        # density strip: how many events touch each stretch
        peak = max(self._density) or 1
        strip_h = track.top() - 10
        bin_w = track.width() / len(self._density)
        for i, count in enumerate(self._density):
            if count:
                h = max(3.0, strip_h * 0.55 * count / peak)
                color = QColor(theme.ACCENT)
                color.setAlphaF(0.18 + 0.5 * count / peak)
                painter.fillRect(QRectF(track.left() + i * bin_w, track.top() - 4 - h, bin_w + 0.5, h), color)

        # track
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.TRACK)
        painter.drawRoundedRect(track, track.height() / 2, track.height() / 2)
        elapsed = QRectF(track.left(), track.top(), self.x_for_day(self._day) - track.left(), track.height())
        painter.setBrush(theme.TRACK_DONE)
        painter.drawRoundedRect(elapsed, track.height() / 2, track.height() / 2)

        # events: spans for ranged dates, ticks for single days
        for tick in self._ticks:
            a, b = self.x_for_day(tick.span_start), self.x_for_day(tick.span_end)
            is_focus = tick.event_id == self._focus_id
            is_current = tick.event_id in self._current_ids
            color = theme.ACCENT if is_current else theme.TICK
            if b - a >= 2:
                painter.setPen(Qt.PenStyle.NoPen)
                c = QColor(color)
                c.setAlphaF(0.85 if is_current else 0.55)
                painter.setBrush(c)
                painter.drawRoundedRect(QRectF(a, track.top() - 1, b - a, track.height() + 2), 3, 3)
            painter.setPen(QPen(color, 3.0 if is_focus else 1.6))
            top = track.top() - (10 if is_focus else 6)
            painter.drawLine(QPointF(a, top), QPointF(a, track.bottom() + 3))

        # year marks
        font = QFont(theme.UI_FONT_FAMILY)
        font.setPixelSize(15 if self._touch else 12)
        painter.setFont(font)
        painter.setPen(theme.MUTED_TEXT)
        for day, year in self.timeline.year_marks():
            x = self.x_for_day(day)
            painter.drawLine(QPointF(x, track.bottom() + 4), QPointF(x, track.bottom() + 9))
            rect = QRectF(x - 30, track.bottom() + 10, 60, 20)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(year))

        # handle
        x = self.x_for_day(self._day)
        radius = 13.0 if self._touch else 9.0
        centre = QPointF(x, track.center().y())
        painter.setPen(QPen(theme.PANEL, 3))
        painter.setBrush(theme.HANDLE)
        painter.drawEllipse(centre, radius, radius)
        marker = QPainterPath()
        marker.addEllipse(centre, radius * 0.35, radius * 0.35)
        painter.fillPath(marker, theme.PANEL)
        painter.end()
