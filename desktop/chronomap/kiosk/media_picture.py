"""A picture in the kiosk: fitted into its box, decoded off the GUI thread, tapped or swiped.

The card's picture and the enlarged one are both this widget. It is a button (a tap, or Enter or
Space once Tab has reached it, clicks it; the input guard never counts a staff-corner tap on it),
named by the picture's ``alt`` text; a swipe emits ``swiped(+1 | -1)``. Until the decoded picture
arrives it keeps the picture's shape in a quiet colour, so nothing jumps when it does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QWidget

from chronomap.kiosk.swipe import NEXT, PREVIOUS, TAP, Gesture, accept_touch, feed
from chronomap.qt.media_image import image_loader
from chronomap.story.media import MediaItem


class KioskPicture(QAbstractButton):
    swiped = Signal(int)

    def __init__(self, parent: QWidget, placeholder: QColor, focus_colour: QColor):
        super().__init__(parent)
        self.image = QImage()
        self.item: MediaItem | None = None
        self._shape = (4, 3)
        self._wanted: tuple[str, int] | None = None
        self._scaled: QPixmap | None = None
        self._placeholder = placeholder
        self._focus_colour = focus_colour
        self._gesture = Gesture()
        accept_touch(self)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        image_loader().loaded.connect(self._loaded)

    def show_item(self, item: MediaItem, longest: int) -> None:
        """Show *item* decoded with its longer side at most *longest* (now if cached, else when decoded)."""
        self.item = item
        self._shape = item.size or (4, 3)
        self._wanted = (str(item.path), longest)
        image = image_loader().request(item.path, longest)
        self._set(image if image is not None else QImage())

    def _loaded(self, path: str, longest: int, image: QImage) -> None:
        if (path, longest) == self._wanted:
            self._set(image)

    def _set(self, image: QImage) -> None:
        self.image = image
        self._scaled = None
        if not image.isNull():
            self._shape = (image.width(), image.height())  # as decoded: a camera's rotation applied
        self.update()

    @property
    def loaded(self) -> bool:
        return not self.image.isNull()

    def aspect(self) -> float:
        """Height over width of what is shown."""
        width, height = self._shape
        return height / width if width > 0 and height > 0 else 0.75

    def picture_rect(self) -> QRect:
        """Where the picture is drawn: fitted into the widget, centred (4 px left for the focus frame)."""
        size = QSize(*self._shape).scaled(self.size().shrunkBy(QMargins(4, 4, 4, 4)), Qt.AspectRatioMode.KeepAspectRatio)
        return QRect((self.width() - size.width()) // 2, (self.height() - size.height()) // 2, size.width(), size.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 300)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        target = self.picture_rect()
        if self.loaded and target.isValid():
            if self._scaled is None or self._scaled.size() != target.size():
                self._scaled = QPixmap.fromImage(self.image.scaled(target.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation))
            painter.drawPixmap(target.topLeft(), self._scaled)
        elif target.isValid():
            painter.fillRect(target, self._placeholder)
        if self.hasFocus():
            painter.setPen(QPen(self._focus_colour, 5))
            painter.drawRect(self.rect().adjusted(2, 2, -3, -3))
        painter.end()

    def event(self, event: QEvent) -> bool:
        handled, gesture = feed(self._gesture, event)
        if not handled:
            return super().event(event)
        if gesture == TAP:
            self.click()
        elif gesture in (NEXT, PREVIOUS):
            self.swiped.emit(1 if gesture == NEXT else -1)
        return True
