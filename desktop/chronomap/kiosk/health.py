"""Staying alive: systemd hears that the GUI thread runs (a hung map page is found by
:class:`chronomap.qt.page_watch.PageWatch`, shared with the desk).

* :class:`SystemdHeartbeat` sends ``READY=1`` once the kiosk is up and
  ``WATCHDOG=1`` from a QTimer on the GUI thread, so a frozen event loop gets
  the service restarted by ``WatchdogSec=``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from chronomap.kiosk.notify import sd_notify, watchdog_interval_ms

log = logging.getLogger("chronomap.kiosk")

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
