"""A picture enlarged over the whole kiosk: inside the kiosk window, never a window of its own.

A visitor cannot escape into it: it is a child widget covering the window (like “Still there?”),
so full screen, the input guard and the idle timer go on as before; “Still there?” and the PIN pad
open above it and a reset closes it. The picture is fitted into the screen above a band that always
carries its caption and credit; a tap on the picture or the backdrop, the large Close button, or Esc
close it; a swipe or the ◀ ▶ buttons go through the event's pictures.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from chronomap.kiosk.audio_button import media_label
from chronomap.kiosk.media_picture import KioskPicture
from chronomap.kiosk.swipe import TAP, Gesture, feed
from chronomap.kiosk.texts import palette
from chronomap.kiosk.widgets import Overlay, Retranslating, big_button, describe
from chronomap.qt.media_credit import credit_line
from chronomap.story.media import MediaItem

# The enlarged picture's longer side when decoded (a 4K screen's width; ~33 MB at most, and cached by size).
VIEWER_DECODE = 3840


class KioskMediaViewer(Retranslating, Overlay):
    closed = Signal()

    def __init__(self, parent: QWidget, high_contrast: bool = False):
        super().__init__(parent, high_contrast)
        self.setObjectName("kViewer")
        c = palette(high_contrast)
        self.images: tuple[MediaItem, ...] = ()
        self.index = 0
        self.lang = "en"
        # the backdrop takes no touch events itself (its buttons would lose theirs to it): a finger
        # on it reaches it as the mouse events Qt makes of an unaccepted touch
        self._gesture = Gesture()
        self.picture = KioskPicture(self, QColor(c.ink).lighter(140), c.focus_frame)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.picture.clicked.connect(self.close_viewer)
        self.picture.swiped.connect(self.step)
        self.close_button = big_button("", self, "kViewerClose")
        self.close_button.clicked.connect(self.close_viewer)
        self.previous_button = big_button("◀", self, "kViewerStep")
        self.next_button = big_button("▶", self, "kViewerStep")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.caption = media_label("kViewerCaption", self)
        self.credit = media_label("kViewerCredit", self)
        self.count = media_label("kViewerCount", self)
        top = QHBoxLayout()
        top.addWidget(self.count, 1, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.close_button)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignVCenter)
        middle.addWidget(self.picture, 1)
        middle.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 24)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.credit)
        self.retranslate()

    def veil(self) -> QColor:
        colour = QColor(palette(self.high_contrast).ink)
        return colour

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.veil())
        painter.end()

    # -- showing ------------------------------------------------------------------------------
    def show_images(self, images: tuple[MediaItem, ...], index: int, lang: str) -> None:
        """Open over the kiosk at picture *index* of *images*."""
        if not images:
            return
        self.images, self.lang = images, lang
        several = len(images) > 1
        self.previous_button.setVisible(several)
        self.next_button.setVisible(several)
        self.count.setVisible(several)
        self.show_image(index)
        self.open()

    def show_image(self, index: int) -> None:
        self.index = index % len(self.images)
        item = self.images[self.index]
        self.picture.show_item(item, VIEWER_DECODE)
        self.caption.setText(item.caption_in(self.lang) or "")
        self.caption.setVisible(bool(self.caption.text()))
        self.credit.setText(credit_line(item, self.lang))
        self.retranslate()

    def step(self, delta: int) -> None:
        if len(self.images) > 1 and self.isVisible():
            self.show_image(self.index + delta)

    def close_viewer(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def controls(self) -> list[QWidget]:
        """What Tab reaches while it is open."""
        return [self.previous_button, self.picture, self.next_button, self.close_button]

    # -- words ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.close_button.setText(self.tr("✕  Close"))
        describe(self.close_button, self.tr("Close the picture"), self.tr("Goes back to the map."))
        describe(self.previous_button, self.tr("Previous picture"), self.tr("Shows the picture before this one."))
        describe(self.next_button, self.tr("Next picture"), self.tr("Shows the next picture."))
        describe(self, self.tr("Enlarged picture"),
                 self.tr("Touch the picture or Close to go back; swipe sideways for the next picture."))
        describe(self.picture, self.tr("Enlarged picture"), self.tr("Touch it to close it."))
        if self.images:
            item = self.images[self.index]
            total = len(self.images)
            self.count.setText(self.tr("{n} / {total}").format(n=self.index + 1, total=total))
            self.count.setAccessibleName(self.tr("Picture {n} of {total}").format(n=self.index + 1, total=total))
            describe(self.picture, item.alt_in(self.lang) or item.caption_in(self.lang) or item.file,
                     self.tr("Touch it to close it."))
            self.caption.setAccessibleName(self.caption.text())
            self.credit.setAccessibleName(self.credit.text())

    # -- the backdrop ---------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """A tap on the backdrop (not on the picture or a button) closes; a swipe on it steps."""
        if isinstance(event, QMouseEvent):
            handled, gesture = feed(self._gesture, event)
            if handled:
                if gesture == TAP:
                    self.close_viewer()
                elif gesture is not None:
                    self.step(1 if gesture == "next" else -1)
                return True
        return super().event(event)
