"""Keeping the kiosk window full screen, on its screen, shown and on top.

Why apart from the window: what a visitor or a window manager does to a
window (minimise, leave full screen, unmap it) is noticed in two ways, by the
events Qt sends and by a check every second for changes that send none; both
put it back the same way. The window only says when it may let go
(:meth:`FullScreenKeeper.release`, staff leaving or the application quitting).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger("chronomap.kiosk")

CHECK_MS = 1000


def pick_screen(wanted: int | str) -> QScreen | None:
    """The configured screen (an index or a name), else the primary one (said in the log)."""
    screens = QGuiApplication.screens()
    if wanted == "" or not screens:
        return QGuiApplication.primaryScreen()
    if isinstance(wanted, int):
        if wanted < len(screens):
            return screens[wanted]
    else:
        for screen in screens:
            if screen.name() == wanted:
                return screen
    log.warning("screen %r not found (have %s); using the primary screen", wanted, ", ".join(s.name() for s in screens))
    return QGuiApplication.primaryScreen()


class FullScreenKeeper(QObject):
    """Watches *window* (an event filter and a one-second check) and puts it back full screen."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.released = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        window.installEventFilter(self)

    def show(self, screen: QScreen | None) -> None:
        """Full screen on *screen*, raised and active; watched from now on."""
        if screen is not None:
            self.window.setScreen(screen)
            self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()
        self._timer.start()

    def release(self) -> None:
        """The window may now leave full screen and close."""
        self.released = True
        self._timer.stop()

    def is_full_screen(self) -> bool:
        state = self.window.windowState()
        return (self.window.isVisible() and bool(state & Qt.WindowState.WindowFullScreen)
                and not state & Qt.WindowState.WindowMinimized)

    def check(self) -> None:
        """Still shown, full screen and not minimised (some changes send no event)."""
        if not self.released and not self.is_full_screen():
            log.warning("the kiosk window is not full screen (%s); putting it back", self.window.windowState())
            self.reassert()

    def reassert(self) -> None:
        if self.released:
            return
        self.window.setWindowState(Qt.WindowState.WindowFullScreen)
        self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()

    def reassert_soon(self) -> None:
        """After the event being handled (a refused close, a state change)."""
        QTimer.singleShot(0, self, self.reassert)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.window and event.type() == QEvent.Type.WindowStateChange and not self.released:
            state = self.window.windowState()
            if not state & Qt.WindowState.WindowFullScreen or state & Qt.WindowState.WindowMinimized:
                log.warning("the window left full screen (%s); putting it back", state)
                self.reassert_soon()
        return False
