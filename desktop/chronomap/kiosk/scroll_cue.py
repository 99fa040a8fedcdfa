"""A cue that a scrolled box holds more below: the words fade out over its last lines, an arrow under them.

Why: the card's words scroll when the panel is short (1280×720 with large type), and a thin scroll bar
is no sign to a visitor a step away that a summary goes on; its last line was simply cut. The cue lies
over the bottom of the box, passes every touch through (the box scrolls by swiping, as before) and goes
once the end is in view. The words themselves are whole for a screen reader, which reads the labels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# How tall the fade is (px) and how wide the arrow.
CUE_HEIGHT, ARROW_WIDTH = 30, 26


class ScrollCue(QWidget):
    """Over the bottom of *area*'s viewport while *area* can scroll further down."""

    def __init__(self, area: QAbstractScrollArea, paper: QColor, arrow: QColor, slack: int = 0):
        super().__init__(area)
        # less than this (px) below is only the words' margin: no cue for it
        self.slack = slack
        self.setObjectName("kScrollCue")
        self.area = area
        self.paper = QColor(paper)
        self.arrow = QColor(arrow)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = area.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: self.follow())
        bar.valueChanged.connect(lambda *_: self.follow())
        area.installEventFilter(self)
        self.hide()

    @property
    def more_below(self) -> bool:
        bar = self.area.verticalScrollBar()
        return self.area.viewport().height() > 0 and bar.value() < bar.maximum() - self.slack

    def follow(self) -> None:
        """Shown, at the viewport's bottom, exactly while there is more to scroll to."""
        viewport = self.area.viewport().geometry()
        height = min(CUE_HEIGHT, viewport.height())
        self.setGeometry(viewport.left(), viewport.bottom() + 1 - height, viewport.width(), height)
        self.setVisible(self.more_below)
        if self.isVisible():
            self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.area and event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.follow()
        return False

    def arrow_rect(self) -> QRectF:
        """Where the arrow is drawn (the cue's coordinates): at the right, above the bottom edge."""
        size = min(ARROW_WIDTH, self.height() - 6)
        return QRectF(self.width() - size - 24, self.height() - size * 0.6 - 4, size, size * 0.6)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fade = QLinearGradient(0, 0, 0, self.height())
        clear = QColor(self.paper)
        clear.setAlpha(0)
        fade.setColorAt(0.0, clear)
        fade.setColorAt(0.7, self.paper)
        fade.setColorAt(1.0, self.paper)
        painter.fillRect(self.rect(), fade)
        box = self.arrow_rect()
        chevron = QPainterPath(QPointF(box.left(), box.top()))
        chevron.lineTo(QPointF(box.center().x(), box.bottom()))
        chevron.lineTo(QPointF(box.right(), box.top()))
        chevron.closeSubpath()
        painter.fillPath(chevron, self.arrow)
        painter.end()
