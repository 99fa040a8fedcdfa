"""A picture large: fitted to the window, zoomed and panned, the next and previous picture, Esc to close.

Keyboard: + and − zoom, 0 or Home fits, the arrows pan a zoomed picture (and step to the previous
or next one when it is fitted), Page Up / Page Down step always, Esc closes. The mouse: the wheel
zooms, a drag pans. Caption and credit stay on screen under the picture; the picture is named for
screen readers by its ``alt`` text.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.qt import theme
from chronomap.qt.media_credit import credit_line
from chronomap.qt.media_image import CARD_DECODE, VIEWER_DECODE, cached_image, image_loader
from chronomap.session import Look
from chronomap.story.media import MediaItem

ZOOM_STEP = 1.25
# Keys the picture leaves to the dialog (see :meth:`MediaViewer.keyPressEvent`).
VIEWER_KEYS = frozenset({Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Underscore, Qt.Key.Key_0,
                         Qt.Key.Key_Home, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})
MAX_ZOOM = 8.0


def _decoded_size(size: tuple[int, int]) -> QSize:
    """The size a picture of *size* pixels is decoded at for the viewer."""
    return QSize(*size).scaled(QSize(VIEWER_DECODE, VIEWER_DECODE), Qt.AspectRatioMode.KeepAspectRatio) \
        if max(size) > VIEWER_DECODE else QSize(*size)


class PictureView(QGraphicsView):
    """The picture; ``step`` asks for the previous (-1) or next (+1) picture when the arrows have nothing to pan."""

    step = Signal(int)
    zoom_by = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.zoomed = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if not self.zoomed and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step.emit(-1 if key == Qt.Key.Key_Left else 1)
        elif key in VIEWER_KEYS:
            event.ignore()  # a scroll area would take Page Up/Down and Home for itself: they are the dialog's
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by.emit(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP)


class MediaViewer(QDialog):
    """The pictures of one card, opened at *index*; :attr:`zoom` is relative to the fitted size (1 = fitted)."""

    def __init__(self, images: tuple[MediaItem, ...], index: int, lang: str, look: Look, parent: QWidget | None = None):
        super().__init__(parent)
        self.images = images
        self.lang = lang
        self.index = -1
        self.zoom = 1.0
        self.sharp = False  # the picture at the viewer's full decode, not the card's stand-in
        self.setObjectName("mediaViewer")
        self.resize(1000, 760)
        c = theme.colours(look)
        self.setStyleSheet(f"QDialog#mediaViewer {{ background: {c.paper.name()}; }} "
                           f"QLabel {{ color: {c.ink.name()}; font-size: {theme.px(14, look)}px; }}")
        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        self.view = PictureView(self)
        self.view.setScene(self.scene)
        self.view.setBackgroundBrush(c.panel)
        self.view.step.connect(self.step)
        self.view.zoom_by.connect(self.zoom_by)
        self.caption = QLabel(self)
        self.caption.setObjectName("mediaCaption")
        self.caption.setWordWrap(True)
        self.credit = QLabel(self)
        self.credit.setObjectName("mediaCredit")
        self.credit.setWordWrap(True)
        self.credit.setStyleSheet(f"color: {c.muted_text.name()}; font-size: {theme.px(12, look)}px;")
        self.counter = QLabel(self)

        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.zoom_out_button = QPushButton("−", self)
        self.zoom_in_button = QPushButton("+", self)
        self.fit_button = QPushButton(self.tr("Fit"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit)
        self.close_button.clicked.connect(self.reject)
        for button in (self.previous_button, self.next_button, self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.close_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.previous_button.setAccessibleName(self.tr("Previous picture"))
        self.next_button.setAccessibleName(self.tr("Next picture"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.fit_button.setAccessibleName(self.tr("Fit the picture to the window"))
        self.close_button.setAccessibleName(self.tr("Close the viewer"))
        self.previous_button.setAccessibleDescription(self.tr("Shows the previous picture (Page Up, or ← when it fits)"))
        self.next_button.setAccessibleDescription(self.tr("Shows the next picture (Page Down, or → when it fits)"))
        self.zoom_out_button.setAccessibleDescription(self.tr("Makes the picture smaller (−)"))
        self.zoom_in_button.setAccessibleDescription(self.tr("Makes the picture larger (+); the arrow keys then move it"))
        self.fit_button.setAccessibleDescription(self.tr("Shows the whole picture (0)"))
        self.close_button.setAccessibleDescription(self.tr("Back to the explorer (Esc)"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))

        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button):
            buttons.addWidget(button)
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.credit)
        layout.addLayout(buttons)

        self.setAccessibleName(self.tr("Picture viewer"))
        self.setAccessibleDescription(self.tr("The picture large, with its caption and credit"))
        image_loader().loaded.connect(self._on_loaded)
        self.show_index(index)
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """The viewer's keys wherever the focus is in it (a button passes them up; Esc is QDialog's)."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) or event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore) or event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_by(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step(-1 if key == Qt.Key.Key_PageUp else 1)
        else:
            super().keyPressEvent(event)

    def show_index(self, index: int) -> None:
        """Picture *index* (wrapping round), fitted."""
        self.index = index % len(self.images)
        item = self.images[self.index]
        full = image_loader().request(item.path, VIEWER_DECODE)
        self.sharp = full is not None
        if full is not None:
            self._set_picture(full)
        else:  # until the large decode arrives, the card's picture stands in, stretched to the same size
            self._set_picture(cached_image(item.path, CARD_DECODE), _decoded_size(item.size) if item.size else None)
        caption = item.caption_in(self.lang) or ""
        self.caption.setText(caption)
        self.credit.setText(credit_line(item, self.lang))
        total = len(self.images)
        self.counter.setText(self.tr("{n} of {total}").format(n=self.index + 1, total=total))
        self.setWindowTitle(caption or item.file)
        self.view.setAccessibleName(item.alt_in(self.lang) or caption or item.file)
        self.view.setAccessibleDescription(caption or self.tr("The picture; the arrow keys move it when zoomed"))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(total > 1)
        self.fit()

    def _set_picture(self, image: QImage | None, stretch_to: QSize | None = None) -> None:
        pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        if stretch_to is not None and not pixmap.isNull():
            pixmap = pixmap.scaled(stretch_to, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.item.setPixmap(pixmap)
        self.scene.setSceneRect(self.item.boundingRect())

    def _on_loaded(self, path: str, longest: int, image: QImage) -> None:
        if longest == VIEWER_DECODE and path == str(self.images[self.index].path):
            self.sharp = True
            self._set_picture(image)
            self._apply()  # the same zoom on the sharp picture

    def step(self, by: int) -> None:
        if len(self.images) > 1:
            self.show_index(self.index + by)

    def fit(self) -> None:
        self.zoom = 1.0
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self.zoom = min(MAX_ZOOM, max(1.0, self.zoom * factor))
        self._apply()

    def _apply(self) -> None:
        self.view.resetTransform()
        self.view.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.0:
            self.view.scale(self.zoom, self.zoom)
        self.view.zoomed = self.zoom > 1.0
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if self.view.zoomed else QGraphicsView.DragMode.NoDrag)
        self.zoom_out_button.setEnabled(self.view.zoomed)
        self.fit_button.setEnabled(self.view.zoomed)
        self.zoom_in_button.setEnabled(self.zoom < MAX_ZOOM)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply()  # fitted stays fitted; a zoom stays the same relative to the new fit
