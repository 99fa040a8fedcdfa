"""The pictures and recordings under the desk's card: the first picture large, the others as thumbnails.

Every picture shown has its caption and credit on screen beside it (never only in a tooltip); a
click, Space or Enter on a picture opens :class:`~chronomap.desk.media_viewer.MediaViewer` at it.
The panel is hidden when the event or place has no media, so an exhibit without any looks as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from chronomap.desk.audio_control import AudioControl
from chronomap.qt import theme
from chronomap.qt.media_credit import credit_line
from chronomap.qt.media_image import CARD_DECODE, image_loader
from chronomap.session import Look
from chronomap.story.media import MediaItem

if TYPE_CHECKING:
    from chronomap.desk.media_viewer import MediaViewer

# The first picture's height at most, and the thumbnails' box, in pixels.
LEAD_HEIGHT = 240
THUMB_SIZE = QSize(96, 64)


class ImageButton(QAbstractButton):
    """A picture that opens the viewer: focusable, clicked by Space or Enter, named by its ``alt`` text.

    Until its picture is decoded (:meth:`set_image`) it keeps the picture's shape, in a quiet colour,
    so the card does not jump when the picture arrives.
    """

    def __init__(self, image: QImage | None, max_height: int, look: Look, parent: QWidget | None = None,
                 size: tuple[int, int] | None = None):
        super().__init__(parent)
        self.image = image if image is not None else QImage()
        self.max_height = max_height
        self._shape = size or ((self.image.width(), self.image.height()) if not self.image.isNull() else (5, 3))
        self._focus_colour = theme.colours(look).focus_frame
        self._placeholder = theme.colours(look).track
        self._scaled: QPixmap | None = None
        self._waiting_for: tuple[str, int] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _aspect(self) -> float:
        width, height = self._shape
        return height / width if width > 0 and height > 0 else 0.6

    def wait_for(self, path: str, longest: int) -> None:
        """Show the picture *path* at *longest* when the loader brings it."""
        self._waiting_for = (path, longest)
        image_loader().loaded.connect(self._on_loaded)

    def _on_loaded(self, path: str, longest: int, image: QImage) -> None:
        if (path, longest) == self._waiting_for:
            self._waiting_for = None
            image_loader().loaded.disconnect(self._on_loaded)
            self.set_image(image)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._scaled = None
        if not image.isNull():
            self._shape = (image.width(), image.height())  # as decoded: a camera's rotation applied
            self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return min(self.max_height, round(width * self._aspect()))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(round(self.max_height / self._aspect()), self.max_height)

    def picture_rect(self) -> QRect:
        """Where the picture is drawn: fitted into the button, centred."""
        size = QSize(*self._shape).scaled(self.size().shrunkBy(QMargins(3, 3, 3, 3)), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        target = self.picture_rect()
        if not self.image.isNull() and target.isValid():
            if self._scaled is None or self._scaled.size() != target.size():
                self._scaled = QPixmap.fromImage(self.image.scaled(target.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation))
            painter.drawPixmap(target.topLeft(), self._scaled)
        elif target.isValid():
            painter.fillRect(target, self._placeholder)  # still decoding (or unreadable since the check)
        if self.hasFocus():
            painter.setPen(QPen(self._focus_colour, 3))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)


class MediaPanel(QWidget):
    """Shows one event's or place's media; :attr:`viewer` is the open viewer, if any."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mediaPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 4, 12, 8)
        self._layout.setSpacing(4)
        self._shown: tuple[tuple[int, ...], str, Look] | None = None
        self.items: tuple[MediaItem, ...] = ()
        self.images: tuple[MediaItem, ...] = ()
        self.buttons: list[ImageButton] = []
        self.audio: list[AudioControl] = []
        self.viewer: MediaViewer | None = None
        self._opened_from = 0
        # the widget Tab reaches the media after (new widgets would otherwise come last in the window)
        self.tab_after: QWidget | None = None
        self.lang = "en"
        self.look = Look()
        self.hide()

    def show_media(self, items: tuple[MediaItem, ...], lang: str, look: Look) -> None:
        """Show *items* (nothing to do when they are already shown as asked)."""
        key = (tuple(id(item) for item in items), lang, look)
        if key == self._shown:
            return
        self._shown = key
        self._clear()
        self.items, self.lang, self.look = items, lang, look
        self.images = tuple(m for m in items if m.kind == "image")
        if not items:
            self.hide()
            return
        c = theme.colours(look)
        self.setStyleSheet(f"QWidget#mediaPanel {{ background: {c.paper.name()}; border-bottom: 1px solid {c.track.name()}; }}"
                           f"QLabel {{ color: {c.ink.name()}; font-size: {theme.px(12, look)}px; }}")
        self.setAccessibleName(self.tr("Pictures and recordings"))
        self.setAccessibleDescription(self.tr("The pictures and recordings of what the card shows, with their captions and credits"))
        for index, item in enumerate(self.images):
            if index == 0:
                self._add_lead(item)
            else:
                self._add_thumb(index, item)
        for item in items:
            if item.kind == "audio":
                control = AudioControl(item, lang, look, self)
                self.audio.append(control)
                self._layout.addWidget(control)
        self._chain_focus()
        self.show()

    def _button(self, index: int, item: MediaItem, longest: int, max_height: int) -> ImageButton:
        image = image_loader().request(item.path, longest)
        button = ImageButton(image, max_height, self.look, self, item.size)
        if image is None:
            button.wait_for(str(item.path), longest)
        button.setObjectName("mediaLead" if index == 0 else "mediaThumb")
        caption = item.caption_in(self.lang)
        button.setAccessibleName(item.alt_in(self.lang) or caption or item.file)
        button.setAccessibleDescription(self.tr("Opens the picture larger"))
        button.setToolTip(caption or "")
        button.clicked.connect(lambda: self.open_viewer(index))
        self.buttons.append(button)
        return button

    def _labels(self, item: MediaItem) -> tuple[QLabel, QLabel]:
        caption = QLabel(item.caption_in(self.lang) or "", self)
        caption.setObjectName("mediaCaption")
        caption.setWordWrap(True)
        credit = QLabel(credit_line(item, self.lang), self)
        credit.setObjectName("mediaCredit")
        credit.setWordWrap(True)
        credit.setStyleSheet(f"color: {theme.colours(self.look).muted_text.name()}; font-size: {theme.px(11, self.look)}px;")
        return caption, credit

    def _add_lead(self, item: MediaItem) -> None:
        self._layout.addWidget(self._button(0, item, CARD_DECODE, LEAD_HEIGHT))
        for label in self._labels(item):
            self._layout.addWidget(label)

    def _add_thumb(self, index: int, item: MediaItem) -> None:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        button = self._button(index, item, max(THUMB_SIZE.width(), THUMB_SIZE.height()) * 2, THUMB_SIZE.height())
        button.setFixedSize(THUMB_SIZE)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        for label in self._labels(item):
            texts.addWidget(label)
        texts.addStretch(1)
        layout.addLayout(texts, 1)
        self._layout.addWidget(row)

    def _chain_focus(self) -> None:
        """Tab goes from :attr:`tab_after` (the card) through the pictures and the recordings' controls, then on as it did."""
        previous = self.tab_after
        if previous is None:
            return
        for widget in [*self.buttons, *(w for control in self.audio for w in control.focus_chain())]:
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def open_viewer(self, index: int) -> MediaViewer:
        """The viewer at picture *index* of the images, window-modal; returns it (tests drive it)."""
        if self.viewer is not None:
            self.viewer.close()
        self._opened_from = index
        from chronomap.desk.media_viewer import MediaViewer  # at the first picture opened, not at start

        self.viewer = MediaViewer(self.images, index, self.lang, self.look, self.window())
        self.viewer.finished.connect(self._viewer_closed)
        self.viewer.open()
        return self.viewer

    def _viewer_closed(self) -> None:
        viewer, self.viewer = self.viewer, None
        if viewer is not None:
            viewer.deleteLater()
        if self._opened_from < len(self.buttons):
            self.buttons[self._opened_from].setFocus()  # back where the visitor was

    def stop_audio(self) -> None:
        for control in self.audio:
            control.stop()

    def _clear(self) -> None:
        self.stop_audio()
        while (child := self._layout.takeAt(0)) is not None:
            widget = child.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons, self.audio = [], []
