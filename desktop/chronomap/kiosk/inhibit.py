"""Keep the screen on: ask the freedesktop screen saver (over D-Bus) not to blank.

Where there is no session bus or no screen-saver service (a bare ``cage``
session, a test machine) this is logged and the kiosk carries on: the attract
loop keeps the picture moving, and the deployment turns display blanking off.
"""

from __future__ import annotations

import logging

log = logging.getLogger("chronomap.kiosk")

SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
INTERFACE = "org.freedesktop.ScreenSaver"


class ScreenSaverInhibitor:
    def __init__(self, bus=None):
        self._bus = bus
        self._interface = None
        self.cookie: int | None = None

    def inhibit(self, application: str = "Chronomap", reason: str = "museum kiosk on display") -> bool:
        """True if the screen saver promised to stay off; False (logged) otherwise."""
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError as exc:  # a Qt build without D-Bus
            log.warning("screen saver not inhibited: Qt D-Bus unavailable (%s)", exc)
            return False
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.warning("screen saver not inhibited: no D-Bus session bus (%s); make sure the display does not "
                        "blank (the attract loop keeps the picture moving)", bus.lastError().message() or "not connected")
            return False
        for path in PATHS:
            interface = QDBusInterface(SERVICE, path, INTERFACE, bus)
            if not interface.isValid():
                continue
            reply = interface.call("Inhibit", application, reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self.cookie = int(reply.arguments()[0])
                self._interface = interface
                log.info("screen saver inhibited (cookie %s)", self.cookie)
                return True
            log.warning("screen saver refused to inhibit: %s", reply.errorMessage())
            return False
        log.warning("screen saver not inhibited: no %s service on the session bus (%s)", SERVICE,
                    bus.lastError().message() or "not found")
        return False

    def release(self) -> None:
        if self._interface is not None and self.cookie is not None:
            self._interface.call("UnInhibit", self.cookie)
            log.info("screen saver released")
        self._interface = None
        self.cookie = None
