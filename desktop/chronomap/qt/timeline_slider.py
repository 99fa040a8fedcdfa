"""The time slider: a track of days with the story drawn on it.

Events are ticks; an event with a ranged date is drawn as a span, and one with an
approximate or uncertain date (``~``, ``?``) as a soft span at least
:attr:`TimelineSlider.FUZZY_MIN_PX` wide with a dashed edge, not a sharp point. Ticks
before the handle are drawn in whichever ink stands out on the elapsed track, so
the past stays visible in high contrast too.  A density strip above the track shows where the story is thick.
Dragging reports every day it crosses; the model decides what that means.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from chronomap.qt import theme
from chronomap.session import Look
from chronomap.story.timeline import Timeline

#: room kept between two year labels, in pixels
LABEL_GAP = 10.0
#: the closest two year marks on the track may be, in pixels, before only every n-th year gets one
MARK_MIN_PX = 6.0


def year_steps() -> Iterator[int]:
    """1, 2, 5, 10, 20, 50, 100, ... years: the steps a time bar labels in."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            yield step * factor
        step *= 10


def year_step(px_per_year: float, room: float) -> int:
    """The first of :func:`year_steps` that puts marks at least *room* pixels apart."""
    return next(step for step in year_steps() if step * px_per_year >= room or step >= 10**9)


def mark_step(px_per_year: float, label_step: int) -> int:
    """The finest step dividing *label_step* whose marks stay :data:`MARK_MIN_PX` apart: marks fall on labels."""
    return next(step for step in year_steps() if label_step % step == 0 and step * px_per_year >= MARK_MIN_PX
                or step >= label_step)


class TimelineSlider(QWidget):
    day_changed = Signal(int)  # while dragging or on click
    event_clicked = Signal(str)  # a click on an event tick
    #: True before the first change of a drag (the pointer moved while pressed), False when it is released.
    #: Changes while :attr:`dragging` come faster than a glide could follow: the map jumps instead.
    drag_changed = Signal(bool)

    MARGIN = 28
    DENSITY_BINS = 120
    #: the narrowest an approximate or uncertain date is drawn, in pixels
    FUZZY_MIN_PX = 12.0

    def __init__(self, timeline: Timeline, parent: QWidget | None = None, *, touch: bool = False):
        super().__init__(parent)
        self._backdrop: tuple[tuple[object, ...], QPixmap] | None = None  # (what it was drawn from, the picture)
        self.timeline = timeline
        self._day = timeline.start
        self._focus_id: str | None = None
        self._current_ids: frozenset[str] = frozenset()
        self._dragging = False  # pressed on the track (a click or the start of a drag)
        self._moved = False  # ... and moved since: a continuous drag
        self._touch = touch
        self.look = Look()
        self.setMinimumHeight(96 if touch else 72)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if touch else Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.retranslate()

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @timeline.setter
    def timeline(self, timeline: Timeline) -> None:
        """Another timeline (the editor's corrected exhibit): its ticks, strip and years are drawn from now on."""
        self._timeline = timeline
        self._density = timeline.density(self.DENSITY_BINS)
        self._ticks = timeline.ticks()
        self._year_marks = timeline.year_marks()
        self._backdrop = None

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(self.tr(
            "Drag, or use Shift+Left/Right (a day) and Page Up/Page Down (a month), to move through time; "
            "Left and Right step from event to event"))
        self.setToolTip(self.tr("Drag to move through time; click an event mark to jump to it"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, self.minimumHeight())

    # -- state from the model ------------------------------------------------
    def set_look(self, look: Look) -> None:
        """Paint with *look* (the session's) from now on."""
        if look != self.look:
            self.look = look
            self.update()

    def show_moment(self, day: int, focus_id: str | None, current_ids: frozenset[str], *,
                    repaint: bool = True) -> bool:
        """Take the moment (keys and drags step from it at once); with *repaint* false, the caller repaints
        later (:meth:`update`). Returns whether anything changed."""
        if (day, focus_id, current_ids) == (self._day, self._focus_id, self._current_ids):
            return False
        self._day, self._focus_id, self._current_ids = day, focus_id, current_ids
        if repaint:
            self.update()
        return True

    @property
    def day(self) -> int:
        return self._day

    @property
    def dragging(self) -> bool:
        """The day follows a moving pointer (see :attr:`drag_changed`); a click or a key is not a drag."""
        return self._moved

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

    # -- year labels -----------------------------------------------------------
    def year_font(self) -> QFont:
        font = QFont(theme.UI_FONT_FAMILY)
        font.setPixelSize(theme.px(15 if self._touch else 12, self.look))
        return font

    def _px_per_year(self) -> float:
        span = max(1, self.timeline.end - self.timeline.start)
        return self._track().width() / span * 365.2425

    def year_mark_xs(self) -> list[float]:
        """Where the small year marks go: every year while they stay :data:`MARK_MIN_PX` apart, else fewer."""
        step = mark_step(self._px_per_year(), self._label_step())
        return [self.x_for_day(day) for day, year in self._year_marks if year % step == 0]

    def _label_step(self) -> int:
        marks = self._year_marks
        if not marks:
            return 1
        metrics = QFontMetricsF(self.year_font())
        widest = max(metrics.horizontalAdvance(str(year)) for year in (marks[0][1], marks[-1][1]))
        return year_step(self._px_per_year(), widest + 4 + LABEL_GAP)

    def year_label_rects(self) -> list[tuple[int, QRectF]]:
        """(year, rectangle) of each year label, none overlapping another or leaving the widget.

        On a long timeline only every n-th year (n from :func:`year_step`) is labelled, n chosen so the widest
        label of the span fits between two of them; a label that would still touch its neighbour is dropped.
        """
        marks = self._year_marks
        if not marks:
            return []
        metrics = QFontMetricsF(self.year_font())
        step = self._label_step()
        top = self._track().bottom() + 10
        height = metrics.height() + 2
        rects: list[tuple[int, QRectF]] = []
        for day, year in marks:
            if year % step:
                continue
            w = metrics.horizontalAdvance(str(year)) + 4
            left = min(max(0.0, self.x_for_day(day) - w / 2), self.width() - w)
            rect = QRectF(left, top, w, height)
            if rects and rect.left() < rects[-1][1].right() + LABEL_GAP / 2:
                continue
            rects.append((year, rect))
        return rects

    # -- input ---------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        track = self._track()
        near_track = track.top() - 18 <= event.position().y() <= track.bottom() + 8
        tick = self._tick_at(x) if near_track else None
        self._dragging = True  # a press on an event's tick jumps to the event, and a move from there drags
        if tick is not None and abs(self.x_for_day(self._day) - x) > 8:
            self.event_clicked.emit(tick)
            return
        self.day_changed.emit(self.day_for_x(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._dragging:
            if not self._moved:
                self._moved = True
                self.drag_changed.emit(True)
            self.day_changed.emit(self.day_for_x(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._dragging = False
        if self._moved:
            self._moved = False
            self.drag_changed.emit(False)

    #: Keys that move the day when the slider has the keyboard focus (←/→ alone step events, window-wide).
    KEY_STEPS = {(Qt.Key.Key_Left, True): -1, (Qt.Key.Key_Right, True): 1,
                 (Qt.Key.Key_PageUp, False): -30, (Qt.Key.Key_PageDown, False): 30}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = self.KEY_STEPS.get((Qt.Key(event.key()), shift if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) else False))
        if step is None:
            super().keyPressEvent(event)
            return
        day = max(self.timeline.start, min(self.timeline.end, self._day + step))
        self.day_changed.emit(day)
        event.accept()

    # -- painting ------------------------------------------------------------
    @staticmethod
    def past_tick_colour(c: theme.Palette) -> QColor:
        """The tick ink before the handle: the normal one unless it vanishes on the elapsed track."""
        if theme.contrast_ratio(c.tick, c.track_done) >= 3.0:
            return c.tick
        return max((c.tick, c.panel, c.ink), key=lambda ink: theme.contrast_ratio(ink, c.track_done))

    def _backdrop_key(self) -> tuple[object, ...]:
        return (self.width(), self.height(), self.devicePixelRatioF(), self.look, self._touch)

    def _backdrop_picture(self) -> QPixmap:
        """What does not move with the handle: the panel, the density strip, the track and the years.

        Painted once per size and look (and timeline), not at every change: a drag repaints the slider at
        every day it crosses, and these parts were most of its paint (py-spy, bench_explorer's changes)."""
        key = self._backdrop_key()
        if self._backdrop is not None and self._backdrop[0] == key:
            return self._backdrop[1]
        ratio = self.devicePixelRatioF()
        picture = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = theme.colours(self.look)
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), c.panel)
        track = self._track()

        # density strip: how many events touch each stretch
        peak = max(self._density) or 1
        strip_h = track.top() - 10
        bin_w = track.width() / len(self._density)
        for i, count in enumerate(self._density):
            if count:
                h = max(3.0, strip_h * 0.55 * count / peak)
                color = QColor(c.accent)
                color.setAlphaF(0.18 + 0.5 * count / peak)
                painter.fillRect(QRectF(track.left() + i * bin_w, track.top() - 4 - h, bin_w + 0.5, h), color)

        # track
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.track)
        painter.drawRoundedRect(track, track.height() / 2, track.height() / 2)

        # year marks: every year, or every n-th once they crowd; labels only where they fit (below the
        # track, where no tick reaches)
        painter.setFont(self.year_font())
        painter.setPen(c.muted_text)
        for x in self.year_mark_xs():
            painter.drawLine(QPointF(x, track.bottom() + 4), QPointF(x, track.bottom() + 9))
        for year, rect in self.year_label_rects():
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(year))
        painter.end()
        self._backdrop = (key, picture)
        return picture

    def paintEvent(self, _event) -> None:  # noqa: N802
        backdrop = self._backdrop_picture()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, backdrop)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = theme.colours(self.look)
        track = self._track()
        handle_x = self.x_for_day(self._day)
        elapsed = QRectF(track.left(), track.top(), handle_x - track.left(), track.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.track_done)
        painter.drawRoundedRect(elapsed, track.height() / 2, track.height() / 2)

        # events: spans for ranged dates, soft spans for fuzzy ones, ticks for single days; every span
        # first, then every tick, so a span never veils the tick of an event beneath it
        past_ink = self.past_tick_colour(c)
        lines = []
        for tick in self._ticks:
            a, b = self.x_for_day(tick.span_start), self.x_for_day(tick.span_end)
            is_current = tick.event_id in self._current_ids
            color = c.accent if is_current else (past_ink if a < handle_x else c.tick)
            if tick.fuzzy and b - a < self.FUZZY_MIN_PX:
                middle = (a + b) / 2
                a, b = middle - self.FUZZY_MIN_PX / 2, middle + self.FUZZY_MIN_PX / 2
            if b - a >= 2:
                span_colour = QColor(color)
                span_colour.setAlphaF((0.85 if is_current else 0.55) * (0.6 if tick.fuzzy else 1.0))
                painter.setBrush(span_colour)
                painter.setPen(QPen(color, 1.2, Qt.PenStyle.DashLine) if tick.fuzzy else Qt.PenStyle.NoPen)
                painter.drawRoundedRect(QRectF(a, track.top() - 1, b - a, track.height() + 2), 3, 3)
            if not tick.fuzzy:
                lines.append((a, color, tick.event_id == self._focus_id))
        for a, color, is_focus in lines:
            painter.setPen(QPen(color, 3.0 if is_focus else 1.6))
            top = track.top() - (10 if is_focus else 6)
            painter.drawLine(QPointF(a, top), QPointF(a, track.bottom() + 3))

        # handle
        radius = 13.0 if self._touch else 9.0
        centre = QPointF(handle_x, track.center().y())
        painter.setPen(QPen(c.panel, 3))
        painter.setBrush(c.handle)
        painter.drawEllipse(centre, radius, radius)
        marker = QPainterPath()
        marker.addEllipse(centre, radius * 0.35, radius * 0.35)
        painter.fillPath(marker, c.panel)
        if self.hasFocus():  # a visible keyboard focus: a frame round the whole track
            painter.setPen(QPen(c.focus_frame, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 6, 6)
        painter.end()
