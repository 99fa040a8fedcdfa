"""Layouts that reflow instead of growing: the desk must fit a 1024-px screen, large text and
Russian words included (issue 14.14).

:class:`ReflowRow` puts two parts side by side when they fit and one above the other when they do
not, so its minimum width is the wider part's, not their sum. :class:`CappedScrollArea` shows its
content at full height up to a share of its parent's height and scrolls beyond it, so a long card
cannot squeeze the article under it to a few lines.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


class ReflowRow(QWidget):
    """*lead* and *trail* in one row when the row is wide enough for both at their preferred
    widths; otherwise *lead* above, *trail* below it at the right. A part may be a ReflowRow itself."""

    def __init__(self, lead: QWidget, trail: QWidget, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self.lead, self.trail, self.spacing = lead, trail, spacing
        for part in (lead, trail):
            part.setParent(self)
            part.installEventFilter(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:  # a part's words changed (a language, large text)
            self.updateGeometry()
            self._arrange()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a plain part (a label) posts it here, to its parent
            self.updateGeometry()
            self._arrange()
        return super().event(event)

    def fits_in_one_row(self, width: int) -> bool:
        return self.lead.sizeHint().width() + self.spacing + self.trail.sizeHint().width() <= width

    @property
    def stacked(self) -> bool:
        return not self.fits_in_one_row(self.width())

    @staticmethod
    def _part_height(part: QWidget, width: int) -> int:
        return part.height_at(width) if isinstance(part, ReflowRow) else part.sizeHint().height()

    def height_at(self, width: int) -> int:
        """The row's height at *width*: one row's or two rows'."""
        trail_width = min(width, self.trail.sizeHint().width())
        if self.fits_in_one_row(width):
            return max(self._part_height(self.lead, width - self.spacing - trail_width), self._part_height(self.trail, trail_width))
        return self._part_height(self.lead, width) + self.spacing + self._part_height(self.trail, trail_width)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.height_at(width)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.lead.sizeHint().width() + self.spacing + self.trail.sizeHint().width()
        return QSize(width, self.height_at(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = max(self.lead.minimumSizeHint().width(), self.trail.minimumSizeHint().width())
        return QSize(width, self.height_at(max(self.width(), width)))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        width = self.width()
        height = self.height_at(width)
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)  # the window's layout gives the row its new height
        trail_width = min(width, self.trail.sizeHint().width())
        trail_height = self._part_height(self.trail, trail_width)
        if self.fits_in_one_row(width):
            lead_width = width - self.spacing - trail_width
            self.lead.setGeometry(QRect(0, 0, lead_width, height))
            self.trail.setGeometry(QRect(width - trail_width, (height - trail_height) // 2, trail_width, trail_height))
        else:
            lead_height = self._part_height(self.lead, width)
            self.lead.setGeometry(QRect(0, 0, width, lead_height))
            self.trail.setGeometry(QRect(width - trail_width, lead_height + self.spacing, trail_width, trail_height))


class CappedScrollArea(QScrollArea):
    """Its widget at full height (for the area's width) up to *share* of the parent's height; beyond
    that it scrolls. The parent's other parts (the article) keep the rest."""

    def __init__(self, widget: QWidget, parent: QWidget, share: float = 0.4):
        super().__init__(parent)
        self.share = share
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the widget inside takes the focus, not its frame
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setWidget(widget)
        self.viewport().installEventFilter(self)  # the widget's updateGeometry() lands there
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.viewport() and event.type() == QEvent.Type.LayoutRequest) or \
                (watched is self.parentWidget() and event.type() == QEvent.Type.Resize):
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def content_height(self) -> int:
        widget = self.widget()
        width = max(self.viewport().width(), 1)
        if widget is None:
            return 0
        if widget.hasHeightForWidth():
            return widget.heightForWidth(width)
        return widget.sizeHint().height()

    def cap(self) -> int:
        parent = self.parentWidget()
        return max(int(parent.height() * self.share), 80) if parent is not None else self.content_height()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), min(self.content_height(), self.cap()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), min(self.content_height(), self.cap(), 120))
