"""The curtain: the map's last good picture, held over the web view while its page is away.

Why: when the render process dies (or the page is renewed in a fresh one) the
web view has nothing to show: it flashes its empty background and the new
page's blank document until the map is drawn again. :class:`MapCurtain` is a
plain widget raised over the view that paints the last quiet picture of the
map (or the sea colour, before there is one) from :meth:`~MapCurtain.drop`
until the new page has painted its restored state and that frame has reached
the view (:meth:`~MapCurtain.lift`: a paint mark of its own, with its corner
square, that a grab of the view must show; optionally once
``chronomap.isMoving`` is false too), so no black, white or half-drawn frame
reaches the screen.

The picture costs one grab per quiet spell: paints of the web view's render
widget restart a short timer, and when it runs out (the map is still) the view
is grabbed once, and only while the page is ready (``can_capture``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from chronomap.map import bridge
from chronomap.qt.map_frames import corner_colour, mark_colour
from chronomap.qt.map_page import SEA as PAGE_SEA
from chronomap.qt.map_page import MapWeb

log = logging.getLogger("chronomap.ui")

#: What shows before any picture was taken: the map's sea (``assets/map/chronomap.css``).
SEA = PAGE_SEA
#: The map counts as still once its render widget has not painted for this long; then it is grabbed.
CAPTURE_QUIET_MS = 300
#: Polling the page while waiting to lift.
LIFT_POLL_MS = 15
#: The curtain goes up by this long after :meth:`MapCurtain.lift` whatever the page says.
LIFT_TIMEOUT_MS = 5_000
#: Paint-mark tokens of the curtain: above the frame grabber's (1..60 000), so neither takes the other's mark.
TOKEN_BASE = 1 << 20


class MapCurtain(QWidget):
    """A picture over one :class:`MapWeb`'s view, dropped and lifted by the page's lifecycle.

    Signals: dropped(), lifted() (the page's own frames are on the screen again),
    captured() (a new picture was taken).
    """

    dropped = Signal()
    lifted = Signal()
    captured = Signal()

    def __init__(self, web: MapWeb, can_capture: Callable[[], bool], fallback: QColor = SEA):
        view = web.view
        assert view is not None
        super().__init__(view.parentWidget())
        self.setObjectName("mapCurtain")
        self._web = web
        self._view = view
        self._can_capture = can_capture
        self._fallback = QColor(fallback)
        self._picture: QPixmap | None = None
        self._grabbing = False
        self._generation = 0  # each drop; a lift still waiting for an older page gives up
        self._token = 0
        self.dropped_at: float | None = None
        self.setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # a picture has no menu (nor does a kiosk)
        self.hide()
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(CAPTURE_QUIET_MS)
        self._quiet.timeout.connect(self.capture)
        view.installEventFilter(self)
        self.watch()

    # -- the picture ----------------------------------------------------------------

    @property
    def picture(self) -> QPixmap | None:
        """The last quiet picture of the map (None before the first)."""
        return self._picture

    @property
    def is_down(self) -> bool:
        return not self.isHidden()

    def watch(self) -> None:
        """Hear the paints of the view's render widgets (a new page may bring a new one)."""
        for child in self._view.findChildren(QWidget):
            child.installEventFilter(self)

    def capture(self) -> bool:
        """Grab the view now, if the page is ready and shown; True when a picture was taken."""
        view = self._web.view
        if view is None or self.is_down or not view.isVisible() or view.width() <= 0 or not self._can_capture():
            return False
        picture = self._grab(view)
        if picture.isNull():
            return False
        self._picture = picture
        log.debug("map picture taken (%dx%d)", picture.width(), picture.height())
        self.captured.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self._view:
            if kind in (QEvent.Type.Resize, QEvent.Type.Move) and self.is_down:
                self.setGeometry(self._view.geometry())
            elif kind == QEvent.Type.ChildAdded:
                QTimer.singleShot(0, self, self.watch)  # once the child is made
        elif kind == QEvent.Type.Paint and not self._grabbing and not self.is_down and self._on_screen():
            self._quiet.start()
        return False

    def _on_screen(self) -> bool:
        """Whether anybody sees this view's frames (an export's view is never shown on the screen)."""
        return not self._view.window().testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)

    # -- down and up -----------------------------------------------------------------

    def drop(self) -> None:
        """Cover the view with the last picture now (again, if it is down already)."""
        self._generation += 1
        self._quiet.stop()
        if not self.is_down:
            self.dropped_at = time.perf_counter()
        self.setGeometry(self._view.geometry())
        self.show()
        self.raise_()
        started = time.perf_counter()
        self.repaint()  # on the screen before the web view shows its empty background
        log.info("map curtain down (%s, painted in %.0f ms)", "last picture" if self._picture is not None else "sea colour",
                 (time.perf_counter() - started) * 1000)
        self.dropped.emit()

    def lift(self, when_still: bool = False) -> None:
        """Go up once the page has painted (two animation frames after this call) and a grab of the
        view holds that frame, and with *when_still* only once no glide is under way either; at the
        latest after :data:`LIFT_TIMEOUT_MS`.

        Call it after the new document got its state: the checks queue behind it in the page.
        """
        if not self.is_down:
            return
        generation = self._generation
        self._token = self._token % 1_000_000 + 1
        token = TOKEN_BASE + self._token
        deadline = time.perf_counter() + LIFT_TIMEOUT_MS / 1000
        web = self._web

        def current() -> bool:
            return generation == self._generation and self.is_down

        def overdue() -> bool:
            if time.perf_counter() > deadline:
                log.warning("the map page did not paint within %d ms; the curtain goes up", LIFT_TIMEOUT_MS)
                self._up(settled=False)
                return True
            return False

        def poll_moving() -> None:
            if current() and not overdue() and not web.run(bridge.is_moving(), after_moving):
                self._up(settled=False)  # released: nothing to wait for

        def after_moving(moving: Any) -> None:
            if not current() or overdue():
                return
            if moving is False:
                mark()
            else:
                QTimer.singleShot(LIFT_POLL_MS, self, poll_moving)

        def mark() -> None:
            if not web.run(bridge.request_paint_mark(token, True), lambda _: poll_mark()):
                self._up(settled=False)

        def poll_mark() -> None:
            if current() and not overdue() and not web.run(bridge.paint_mark(), after_mark):
                self._up(settled=False)

        def after_mark(mark: Any) -> None:
            if not current() or overdue():
                return
            if mark == token:
                until_grabbed(showing=True)
            else:
                QTimer.singleShot(LIFT_POLL_MS, self, poll_mark)

        def until_grabbed(showing: bool) -> None:
            # the page has painted the mark, but its frame may not have reached the widget yet
            # (under load, more than a turn of Qt's loop later): only a grab that holds it says so;
            # then the mark is hidden, and the curtain goes up once a grab no longer holds it
            if not current() or overdue():
                return
            if (corner_colour(self.grab_view()) == mark_colour(token)) != showing:
                QTimer.singleShot(LIFT_POLL_MS, self, lambda: until_grabbed(showing))
            elif showing:
                if not web.run(bridge.hide_paint_mark(), lambda _: until_grabbed(showing=False)):
                    self._up(settled=False)
            else:
                self._up()

        if when_still:
            poll_moving()
        else:
            mark()

    def grab_view(self) -> QImage:
        """What the web view itself shows now (under the curtain), as an image."""
        return self._grab(self._view).toImage()

    def _grab(self, view: QWidget) -> QPixmap:
        self._grabbing = True  # a grab paints the render widget too: that paint is no news
        try:
            return view.grab()
        finally:
            self._grabbing = False

    def forget(self) -> None:
        """Drop the picture: until the next one, the curtain is the sea colour."""
        self._quiet.stop()
        self._picture = None

    def release(self) -> None:
        """The page is going away for good: no more grabs, nothing over the view."""
        self._generation += 1
        self.forget()
        self.hide()

    def _up(self, settled: bool = True) -> None:
        self._generation += 1
        self.hide()
        if self.dropped_at is not None:
            log.info("map curtain up after %.0f ms%s", (time.perf_counter() - self.dropped_at) * 1000,
                     "" if settled else " (unconfirmed)")
            self.dropped_at = None
        self.lifted.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._fallback)
        if self._picture is not None:
            painter.drawPixmap(self.rect(), self._picture)
        painter.end()
