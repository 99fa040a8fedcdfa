"""The opening map as a picture: shown over the map view while its page loads, taken from the live page before.

Why: Chromium needs ~0.2 s after its page's document starts to draw the map (parse, Leaflet, the base
map's draw, the first frame), longer than a blank page needs to start at all. A picture of exactly that
first frame, taken from the live page in an earlier run when nothing else was going on, can be on the
screen as soon as the window is: the visitor sees the map the page is about to draw, and the live page
replaces it at its first drawn frame.

Never a lie, never in the way:
- the picture is found by a key (:func:`picture_key`) of everything that decides its pixels (the page's
  identity: spec, code, assets and opening state; the start memo's inputs: exhibit files, language, look,
  window geometry; the map view's size, the screen's device pixel ratio, the Qt and app versions): any
  of them changed, no picture;
- it is taken only while the live page still shows its first frame untouched (:class:`PictureCapture`);
- it takes no input: mouse events go through it to the page, it never takes the focus, and a press, a
  wheel turn or a key on the map drops it at once, as does a state other than the opening, a resize,
  a load of another page or a failed load (:class:`PictureCover`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger("chronomap.ui")

#: How long the page must have shown its opening untouched before it is taken (ms after it was drawn).
CAPTURE_IDLE_MS = 2_000
#: Input on the map that means the page no longer shows only its opening (and drops a picture shown).
_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.KeyPress,
          QEvent.Type.TouchBegin, QEvent.Type.TabletPress}
_TOUCHED = _INPUT | {QEvent.Type.MouseMove, QEvent.Type.ContextMenu}
#: How often a capture waits another idle time for the pointer to leave a link of the map (its hover look).
_POINTER_TRIES = 5


def picture_key(identity: str, inputs: Any, map_size: tuple[int, int], dpr: float) -> str:
    """The key of the opening picture of the page *identity* (:func:`chronomap.map.page.page_identity`)
    shown after a start memo with *inputs*, in a map view of *map_size* on a screen of *dpr*."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from chronomap import __version__

    parts = [identity, inputs, list(map_size), round(float(dpr), 4), qVersion(), pyside_version, __version__]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()[:32]


def same_state(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    """Whether two page states show the same (their ``seq`` and ``animate`` aside)."""
    if a is None or b is None:
        return False
    drop = ("seq", "animate")
    plain = [json.loads(json.dumps({k: v for k, v in s.items() if k not in drop}, sort_keys=True)) for s in (a, b)]
    return bool(plain[0] == plain[1])


def read_picture(path: Path, size: tuple[int, int], dpr: float) -> QImage | None:
    """The picture at *path* when it has exactly the device pixels of a view of *size* at *dpr*, else None."""
    image = QImage(str(path))
    if image.isNull() or image.size() != QSize(round(size[0] * dpr), round(size[1] * dpr)):
        return None
    image.setDevicePixelRatio(dpr)
    return image


def png_bytes(image: QImage) -> bytes:
    """*image* as PNG, uncompressed: decoded at a start in ~5 ms, against ~20 with compression."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 100)  # type: ignore[call-overload]  # (PySide takes a str; 100: no compression)
    buffer.close()
    return bytes(data.data())


class PictureCover(QWidget):
    """The picture over the map view (a child of it, on top of the web view), until :meth:`drop`.

    ``painted_at`` is the wall-clock time of its first paint (the bench's first map on screen)."""

    dropped = Signal(str)  # why

    def __init__(self, parent: QWidget, image: QImage, opening: Mapping[str, Any], input_target: QWidget):
        super().__init__(parent)
        self.setObjectName("mapPictureCover")
        self.image = image
        self.opening = dict(opening)
        self.painted_at: float | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target = input_target
        input_target.installEventFilter(self)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.painted_at is None:
            self.painted_at = time.time()
        QPainter(self).drawImage(0, 0, self.image)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self._target and kind in _INPUT:
            self.drop("input on the map")
        elif watched is self.parent() and kind == QEvent.Type.Resize:
            if self.parentWidget().size() * self.image.devicePixelRatio() != self.image.size():  # type: ignore[union-attr]
                self.drop("the map view was resized")
        return False  # the event goes on, to the page

    def drop(self, why: str) -> None:
        """Gone at once: the map view shows its page from now on."""
        if self.isHidden() and self.property("dropped"):
            return
        self.setProperty("dropped", True)
        self._target.removeEventFilter(self)
        parent = self.parent()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        log.debug("opening picture dropped: %s", why)
        self.dropped.emit(why)
        self.deleteLater()


class PictureCapture(QObject):
    """Takes the opening picture from a live map view, once it has shown its opening untouched for a while.

    Armed by the desk after a start from the memo whose picture was missing. Nothing is taken when the
    visitor touched the map (any mouse or key event on it), the page was given any other state, the view
    moved or was resized, or the page was not drawn; the PNG is encoded on a thread and written atomically.
    ``finished(path or "")`` says how it ended (for benchmarks and tests)."""

    finished = Signal(str)

    def __init__(self, view: Any, path: Path, opening: Mapping[str, Any], size: tuple[int, int],
                 idle_ms: int | None = None, on_written: Callable[[Path], None] | None = None):
        super().__init__(view)
        self.setObjectName("mapPictureCapture")
        self._view = view
        self._path = path
        self._opening = dict(opening)
        self._size = size
        self._idle_ms = CAPTURE_IDLE_MS if idle_ms is None else idle_ms
        self._on_written = on_written
        self._touched = False
        self._first_view: tuple[Any, Any] | None = None
        self._done = False
        self._noted = False
        self._pointer_tries = 0
        #: how the capture ended ("written", or why nothing was taken); empty while it waits
        self.outcome = ""
        view.input_target().installEventFilter(self)
        if view.is_ready:
            self._note_view()
        else:
            view.ready.connect(self._note_view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _TOUCHED:
            self._touched = True
        return False

    def _note_view(self) -> None:
        if self._noted:  # (once: a later ready is a reload or a recovery, and the capture is over by then)
            return
        self._noted = True

        def got(snap: dict | None) -> None:
            if snap is not None:
                self._first_view = (snap.get("center"), snap.get("zoom"))
            QTimer.singleShot(self._idle_ms, self, self._try)

        self._view.query(got)

    def _unchanged(self, snap: dict | None) -> str | None:
        """Why the page no longer shows its first frame, or None when it still does."""
        view = self._view
        if self._touched:
            return "the visitor touched the map"
        if snap is None or not snap.get("ready") or not view.is_ready:
            return "the page is not drawn"
        if not same_state(view.last_state, self._opening):
            return "the page shows another state"
        if self._first_view is None or (snap.get("center"), snap.get("zoom")) != self._first_view:
            return "the view moved"
        if (view.width(), view.height()) != tuple(self._size):
            return "the view was resized"
        frames = snap.get("frames") or {}
        if frames.get("glides"):
            return "the page glided"
        return None

    def _try(self) -> None:
        def got(snap: dict | None) -> None:
            why = self._unchanged(snap)
            if why is not None:
                self._end("", why)
            elif self._view.rect().contains(self._view.mapFromGlobal(QCursor.pos())):
                self._view.link_hovered(hovered)  # a hover look is no opening: it waits for the pointer to leave
            else:
                self._view.when_settled(settled, 5_000)

        def hovered(over_link: Any) -> None:
            if over_link is False:
                self._view.when_settled(settled, 5_000)
            elif self._pointer_tries < _POINTER_TRIES:
                self._pointer_tries += 1
                QTimer.singleShot(self._idle_ms, self, self._try)
            else:
                self._end("", "the pointer stayed on a link of the map")

        def settled() -> None:
            first = self._view.grab_frame()

            def again() -> None:  # two grabs a few frames apart: a grab can return an older frame than the page drew
                second = self._view.grab_frame()
                if self._unchanged_now() is not None or first.isNull() or first != second:
                    self._end("", self._unchanged_now() or "the page was still drawing")
                else:
                    self._write(second)

            QTimer.singleShot(100, self, again)

        self._view.query(got)

    def _unchanged_now(self) -> str | None:
        return "the visitor touched the map" if self._touched else (
            None if same_state(self._view.last_state, self._opening) else "the page shows another state")

    def _write(self, image: QImage) -> None:
        image = image.convertToFormat(QImage.Format.Format_RGB32)  # (opaque: the map view's frame has no alpha)
        path = self._path

        def body() -> None:  # off the main thread: the visitor feels nothing of the encoding and the write
            from chronomap.atomic import write_bytes_atomic

            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_bytes_atomic(path, png_bytes(image))
                ok = True
            except Exception as exc:  # noqa: BLE001 (a cache: never a reason to trouble the visitor)
                log.info("opening picture not written to %s: %r", path, exc)
                ok = False
            try:
                self._written.emit(str(path) if ok else "")
            except RuntimeError:  # the view went (the app quit) while the picture was written
                pass

        self._written.connect(self._after_write, Qt.ConnectionType.QueuedConnection)
        threading.Thread(target=body, name="chronomap-picture", daemon=True).start()

    _written = Signal(str)

    def _after_write(self, path: str) -> None:
        if path and self._on_written is not None:
            self._on_written(Path(path))
        self._end(path, "written" if path else "not written")

    def _end(self, path: str, why: str) -> None:
        if self._done:
            return
        self._done = True
        self.outcome = why
        try:
            self._view.input_target().removeEventFilter(self)
        except RuntimeError:
            pass
        log.info("opening picture: %s", why)
        self.finished.emit(path)
