"""One finger or one mouse button on a picture: a tap, or a swipe to the next or previous one.

Why one small class: the card's picture and the enlarged picture both take a tap and a swipe, from a
touch screen (real QTouchEvents: the widget accepts touch, so Qt synthesises no mouse events for
them) and from a mouse (a drag), and must read them the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

#: A finger moving less than this (px) is a tap; a mostly sideways move of at least SWIPE_PX a swipe.
TAP_SLOP_PX, SWIPE_PX = 24, 60

TAP, NEXT, PREVIOUS = "tap", "next", "previous"


class Gesture:
    """Reads press → release into :data:`TAP`, :data:`NEXT` (a swipe to the left), :data:`PREVIOUS` or None."""

    def __init__(self) -> None:
        self._start: QPointF | None = None
        self._far = False

    def cancel(self) -> None:
        self._start = None

    def press(self, pos: QPointF) -> None:
        self._start, self._far = pos, False

    def move(self, pos: QPointF) -> None:
        if self._start is not None and (pos - self._start).manhattanLength() > TAP_SLOP_PX:
            self._far = True

    def release(self, pos: QPointF) -> str | None:
        start, self._start = self._start, None
        if start is None:
            return None
        dx, dy = pos.x() - start.x(), pos.y() - start.y()
        if abs(dx) >= SWIPE_PX and abs(dx) > 1.5 * abs(dy):
            return NEXT if dx < 0 else PREVIOUS
        if not self._far and (pos - start).manhattanLength() <= TAP_SLOP_PX:
            return TAP
        return None


def accept_touch(widget: QWidget) -> None:
    widget.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)


def feed(gesture: Gesture, event: QEvent) -> tuple[bool, str | None]:
    """Hand a widget's mouse or touch *event* to *gesture*: (whether it was one of those, what it made)."""
    kind = event.type()
    if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
        assert isinstance(event, QTouchEvent)
        points = event.points()
        event.accept()
        if kind == QEvent.Type.TouchCancel or not points:
            gesture.cancel()
            return True, None
        pos = points[0].position()
        if kind == QEvent.Type.TouchBegin:
            gesture.press(pos)
        elif kind == QEvent.Type.TouchUpdate:
            gesture.move(pos)
        else:
            return True, gesture.release(pos)
        return True, None
    if isinstance(event, QMouseEvent) and event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton):
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):  # (a quick second tap)
            gesture.press(event.position())
            return True, None
        if kind == QEvent.Type.MouseMove and event.buttons() & Qt.MouseButton.LeftButton:
            gesture.move(event.position())
            return True, None
        if kind == QEvent.Type.MouseButtonRelease:
            return True, gesture.release(event.position())
    return False, None
