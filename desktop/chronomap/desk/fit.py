"""Layouts that reflow instead of growing: the desk must fit a 1024-px screen, large text and
Russian words included (issue 14.14).

:class:`ReflowRow` puts two parts side by side when they fit and one above the other when they do
not, so its minimum width is the wider part's, not their sum. :class:`CappedScrollArea` shows its
content at full height up to a share of its parent's height and scrolls beyond it, so a long card
cannot squeeze the article under it to a few lines; while it is cut, its last line fades out
(:attr:`CappedScrollArea.fade`), so the cut line cannot read as one with whatever lies below the area.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
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
    that it scrolls. The parent's other parts (the article) keep the rest.

    ``capped_changed(bool)`` says when the widget becomes cut at the cap or whole again (the desk shows a rule
    under the area while it is cut). While more of the widget lies below the viewport, its last line fades out
    (:attr:`fade`, a band painted by the style sheet as ``QFrame#cutFade``, a gradient to the card's paper;
    mouse, wheel and touch go through it): a cut line right above the article's first line read as one
    garbled line."""

    capped_changed = Signal(bool)

    def __init__(self, widget: QWidget, parent: QWidget, share: float = 0.4):
        super().__init__(parent)
        self.share = share
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the widget inside takes the focus, not its frame
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # whole until a text is cut
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setWidget(widget)
        self.fade = QFrame(self)  # made after the viewport, so it lies over it
        self.fade.setObjectName("cutFade")
        self.fade.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.fade.hide()
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._place_fade)
        bar.rangeChanged.connect(self._place_fade)
        self.viewport().installEventFilter(self)  # the widget's updateGeometry() lands there
        parent.installEventFilter(self)

    @property
    def capped(self) -> bool:
        """The widget is cut at the cap: it scrolls."""
        return self.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.viewport() and event.type() == QEvent.Type.LayoutRequest) or \
                (watched is self.parentWidget() and event.type() == QEvent.Type.Resize):
            self.updateGeometry()
            self._fit_scroll_bar()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._fit_scroll_bar()
        super().resizeEvent(event)
        self._place_fade()

    def _place_fade(self) -> None:
        """The fade over the viewport's last line while more of the widget lies below it; none at the end."""
        bar, widget = self.verticalScrollBar(), self.widget()
        more = widget is not None and self.capped and bar.value() < bar.maximum()
        if widget is not None and more:
            port = self.viewport().geometry()
            height = min(widget.fontMetrics().lineSpacing(), port.height() // 3)
            self.fade.setGeometry(port.left(), port.bottom() + 1 - height, port.width(), height)
        if self.fade.isVisibleTo(self) != more:
            self.fade.setVisible(more)

    def _fit_scroll_bar(self) -> bool:
        """No scroll bar while the widget fits at the area's whole width; one as needed once it does not.

        Qt's own test asks the height at the width beside the bar it shows: a card after a scrolled one, a
        line shorter at the whole width, kept a bar it did not need (and was scrolled by a line)."""
        fits = self.content_height() <= self.maximumViewportSize().height()
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if self.verticalScrollBarPolicy() == policy:
            return False
        self.setVerticalScrollBarPolicy(policy)
        self._place_fade()
        self.capped_changed.emit(not fits)
        return True

    def settle(self) -> None:
        """The area at its widget's new height now, and the parent's layout with it (the article below moved
        once, in the same turn as the new text).

        Why: left to Qt, a new card text reaches the parent's layout two posted events later (the widget's
        layout request lands on the viewport, this area's on its parent), and the window was painted in
        between: once with the card clipped in the old height behind a scroll bar, then again with the
        area grown and the article moved (two paint passes of the side panel per change, the second in
        front of the map page's answer to the next change; bench_explorer's confirmation)."""
        self.updateGeometry()
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None:
            layout.activate()
        # and the scroll bar shown or hidden for the new text now (Qt does it on the layout request to come),
        # with what the parent shows while the area is cut (the desk's rule under it)
        if self._fit_scroll_bar() and layout is not None:
            layout.activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def content_height(self) -> int:
        """The widget's height at the area's whole width: the height it takes when it fits under the cap (then
        no scroll bar narrows it). At the viewport's width instead, a card after a scrolled one was sized for
        the narrower width beside the old scroll bar, then again once the bar had gone."""
        widget = self.widget()
        width = max(self.maximumViewportSize().width(), 1)
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
