"""A visible keyboard focus for widgets that paint themselves (the map, the timeline).

Buttons and fields show focus through the style sheet; a web view or a
custom-painted widget cannot, so this frame is laid over it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget


class FocusRing(QWidget):
    """A thick frame around the widget that has keyboard focus, for widgets that paint
    themselves (the timeline, the map); buttons show focus through the style sheet."""

    WIDTH = 5

    def __init__(self, parent: QWidget, colour: QColor):
        super().__init__(parent)
        self.colour = QColor(colour)
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def follow(self, widget: QWidget | None) -> None:
        self.target = widget
        host = self.parentWidget()
        if widget is None or not widget.isVisible() or host is None:
            self.hide()
            return
        margin = self.WIDTH
        top_left = widget.mapTo(host, QPoint(0, 0))
        self.setGeometry(QRect(top_left, widget.size()).adjusted(-margin, -margin, margin, margin)
                         .intersected(host.rect()))
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        pen = QPen(self.colour, self.WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = self.WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
        painter.end()
