"""A hung map page is noticed and restarted, in the kiosk and at the desk alike.

:class:`PageWatch` asks the page for ``chronomap.seq`` (``MapView.ping``) every few seconds; no
answer by the deadline (a script stuck in a loop, a wedged render process) emits ``hung``. A page
that stays not-ready far longer than a load takes does too (a render process that stalled as the
page loaded: seen in CI as "the map page did not load within 60 s"). :func:`restart_hung_page`
kills its render process, and :class:`~chronomap.qt.map_view.MapView` reloads the page and puts
its last state back, as after a crash.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import time

from PySide6.QtCore import QObject, QTimer, Signal

from chronomap.qt.map_view import MapView

log = logging.getLogger("chronomap.ui")


class PageWatch(QObject):
    """Asks *map_view*'s page every *check_ms* whether it answers; ``hung(why)`` when it does not within
    *timeout_ms*, or has not become ready within *not_ready_ms*."""

    hung = Signal(str)  # why

    def __init__(self, map_view: MapView, check_ms: int, timeout_ms: int, not_ready_ms: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.map_view = map_view
        self.timeout_ms = timeout_ms
        self.not_ready_ms = not_ready_ms if not_ready_ms is not None else max(90_000, 6 * timeout_ms)
        self._token = 0
        self._pending: int | None = None
        self._not_ready_since: float | None = None
        self.pings_answered = 0
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._check)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(timeout_ms)
        self._deadline.timeout.connect(self._missed)
        map_view.ready.connect(self._forget)  # a new document: a ping to the old one proves nothing

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        self._pending = None

    def _forget(self) -> None:
        self._pending = None
        self._deadline.stop()

    def _check(self) -> None:
        if not self.map_view.is_ready:
            self._forget()  # loading, renewing or recovering: MapView is on it
            now = time.monotonic()
            if self._not_ready_since is None:
                self._not_ready_since = now
            elif (now - self._not_ready_since) * 1000 > self.not_ready_ms:
                self._not_ready_since = None
                self.hung.emit("the map page has not become ready")
            return
        self._not_ready_since = None
        if self._pending is not None:
            return  # the deadline decides
        self._token += 1
        token = self._pending = self._token
        self._deadline.start()
        self.map_view.ping(functools.partial(self._answered, token))

    def _answered(self, token: int, _seq: object) -> None:
        if token == self._pending:
            self._pending = None
            self._deadline.stop()
            self.pings_answered += 1

    def _missed(self) -> None:
        if self._pending is None or not self.map_view.is_ready:
            self._pending = None
            return
        self._pending = None
        log.error("the map page did not answer within %d ms", self.timeout_ms)
        self.hung.emit("the map page does not answer")


def restart_hung_page(map_view: MapView, why: str) -> bool:
    """Kill the hung page's render process (MapView's crash recovery reloads it and restores its state).
    False when there is no render process of its own to kill: the caller loads the page again."""
    pid = map_view.render_process_pid()
    log.error("restarting the map page (%s); render process %s", why, pid or "none")
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as exc:
        log.error("could not stop render process %s: %s; reloading the page", pid, exc)
        return False
    return True
