"""Waiting for the map to settle, and grabbing a frame that really shows what the page drew.

:meth:`FrameGrabber.when_settled` polls the page (``chronomap.isMoving``, then a
paint mark two animation frames later) on a short timer.
:meth:`FrameGrabber.grab_settled` also makes the page paint a corner square
coloured by a fresh token, and grabs again until the picture shows that
token (a grab can return an older compositor frame than the page has drawn).
The mark is asked for together with the question whether the map moves, so
at rest the square is drawn in the frame that draws the state sent before it
(a frame fewer to wait for), and the first grab is tried as soon as the mark
is painted: the token in the corner, not a fixed wait, says it is the frame.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from math import ceil
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage

from chronomap.map import bridge
from chronomap.qt.map_page import MapWeb

log = logging.getLogger("chronomap.ui")

SETTLE_POLL_MS = 30
#: How often a grab that does not show the paint mark yet, and the mark itself, are tried again.
GRAB_POLL_MS = 5


class FrameGrabber(QObject):
    """Settling and grabbing for one :class:`MapWeb`."""

    def __init__(self, web: MapWeb):
        super().__init__(web)
        self._web = web
        self._token = 0

    def grab_frame(self) -> QImage:
        """What the view shows now, as an image (a null image once the page is released)."""
        view = self._web.view
        return view.grab().toImage() if view is not None else QImage()

    def when_settled(self, callback: Callable[[], Any], timeout_ms: int = 10_000) -> None:
        """Call *callback* once no glide is under way and the page has painted since (or after *timeout_ms*, logged)."""
        self._settle(lambda token: callback(), timeout_ms, marker=False)

    def grab_settled(self, callback: Callable[[QImage], Any], timeout_ms: int = 10_000) -> None:
        """Call *callback* with the view's picture once it is settled and shows the fresh paint mark.

        The mark's pixels are then given their neighbour's colour, and the page hides it again.
        """
        deadline = time.perf_counter() + timeout_ms / 1000

        def settled(token: int) -> None:
            image = self.grab_frame()
            found = corner_colour(image)
            if found == mark_colour(token) or time.perf_counter() > deadline:
                if found != mark_colour(token):
                    log.warning("the grabbed frame never showed paint mark %d (found %s)", token, found)
                self._web.run(bridge.hide_paint_mark())
                callback(erase_marker(image, self._web.zoom_factor()))
            else:
                QTimer.singleShot(GRAB_POLL_MS, self, lambda: settled(token))

        self._settle(settled, timeout_ms, marker=True)

    def _settle(self, callback: Callable[[int], Any], timeout_ms: int, marker: bool) -> None:
        deadline = time.perf_counter() + timeout_ms / 1000
        web = self._web
        token = 0

        def poll_moving() -> None:
            nonlocal token
            self._token = self._token % 60_000 + 1
            token = self._token  # a fresh one each time: a mark asked for during a glide is not the frame at rest
            if time.perf_counter() > deadline:
                log.warning("map did not settle within %d ms", timeout_ms)
                callback(token)
            elif not web.run(bridge.is_moving(), after_moving):
                callback(token)  # released: nothing left to wait for
            else:
                web.run(bridge.request_paint_mark(token, marker))  # runs right after isMoving, in the same turn

        def after_moving(moving: Any) -> None:
            if moving is False:
                poll_mark()
            else:
                QTimer.singleShot(SETTLE_POLL_MS, self, poll_moving)

        def poll_mark() -> None:
            if not web.run(bridge.paint_mark(), after_mark):
                callback(token)

        def after_mark(mark: Any) -> None:
            if mark == token:
                if marker:
                    callback(token)  # the grab is tried at once and again until it shows the mark
                else:
                    # one more turn of Qt's loop so the compositor's frame reaches the widget
                    QTimer.singleShot(SETTLE_POLL_MS, self, lambda: callback(token))
            elif time.perf_counter() > deadline:
                log.warning("map did not paint within %d ms", timeout_ms)
                callback(token)
            else:
                QTimer.singleShot(GRAB_POLL_MS if marker else SETTLE_POLL_MS // 2, self, poll_mark)

        poll_moving()


def mark_colour(token: int) -> tuple[int, int, int]:
    """The colour ``chronomap.requestPaintMark(token, true)`` gives its corner square (``snapshot.js``)."""
    return (token & 255, (token >> 8) & 255, 90)


def corner_colour(image: QImage) -> tuple[int, int, int] | None:
    """The bottom-right pixel of *image*, where the paint mark is drawn (None for an empty image)."""
    w, h = image.width(), image.height()
    if not (w and h):
        return None
    corner = image.pixelColor(w - 1, h - 1)
    return (corner.red(), corner.green(), corner.blue())


def erase_marker(image: QImage, zoom: float) -> QImage:
    """Paint the paint mark's corner with the colour just left of it."""
    size = ceil(2 * zoom) + 1
    w, h = image.width(), image.height()
    if w <= size + 2 or h <= size:
        return image
    for y in range(h - size, h):
        colour = image.pixelColor(w - size - 2, y)
        for x in range(w - size - 1, w):
            image.setPixelColor(x, y, colour)
    return image
