"""Staying alive: a hung map page is noticed, systemd hears that the GUI thread runs.

* :class:`PageWatch` asks the page for ``chronomap.seq`` (``MapView.ping``) every few seconds; no
  answer by the deadline (a script stuck in a loop, a wedged render process)
  emits ``hung``. A page that stays not-ready far longer than a load takes does too.
* :class:`SystemdHeartbeat` sends ``READY=1`` once the kiosk is up and
  ``WATCHDOG=1`` from a QTimer on the GUI thread, so a frozen event loop gets
  the service restarted by ``WatchdogSec=``.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from chronomap.kiosk.notify import sd_notify, watchdog_interval_ms

log = logging.getLogger("chronomap.kiosk")

class PageWatch(QObject):
    hung = Signal(str)  # why

    def __init__(self, map_view, check_ms: int, timeout_ms: int, not_ready_ms: int | None = None,
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
        self.map_view.ping(lambda _seq, t=token: self._answered(t))

    def _answered(self, token: int) -> None:
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


class SystemdHeartbeat(QObject):
    """``READY=1`` once, ``WATCHDOG=1`` at half ``WATCHDOG_USEC``; silent outside systemd."""

    def __init__(self, environ=None, parent: QObject | None = None):
        super().__init__(parent)
        self._environ = environ
        self.interval_ms = watchdog_interval_ms(environ)
        self.ready_sent = False
        self.pings = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)

    def start(self) -> None:
        if self.interval_ms:
            log.info("systemd watchdog: pinging every %d ms", self.interval_ms)
            self._timer.start(self.interval_ms)
            self.ping()

    def ping(self) -> None:
        if sd_notify("WATCHDOG=1", self._environ):
            self.pings += 1

    def ready(self) -> None:
        if not self.ready_sent:
            self.ready_sent = True
            sd_notify("READY=1\nSTATUS=showing the exhibit", self._environ)

    def status(self, message: str) -> None:
        sd_notify(f"STATUS={message}", self._environ)

    def stopping(self) -> None:
        self._timer.stop()
        sd_notify("STOPPING=1", self._environ)
