"""Keeping the kiosk window full screen, on its screen, shown and on top.

Why apart from the window: what a visitor, a prankster or a window manager does
to a window (minimise or iconify it, leave full screen, unmap it, send it to
another virtual desktop, resize or move it) is noticed in two ways, by the
events Qt sends and by a check twice a second for changes that send none; both
put it back the same way. The window only says when it may let go
(:meth:`FullScreenKeeper.release`, staff leaving or the application quitting).

What the window system did is read through Qt alone, so the same code serves
cage (Wayland, no window manager), bare X11 and X11 under a window manager:

* iconified or minimised: Qt's window state says ``WindowMinimized``;
* unmapped (``xdotool windowunmap``), hidden by "show desktop", or on another
  virtual desktop (a window manager unmaps those): the window is no longer
  *exposed*, although the widget is still shown;
* resized or moved: its geometry is not the configured screen's.

The decisions are :class:`FullScreenWatch`'s (Qt-free, so a test can drive it
with a fake window); :class:`FullScreenKeeper` gathers the facts and applies
the fixes.
"""

from __future__ import annotations

import enum
import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger("chronomap.kiosk")

CHECK_MS = 500
#: After a move, resize or expose event, the facts are read again this much later (the window
#: system may send several on the way to a new state).
SOON_MS = 150
#: A lost mapping or a wrong geometry must be seen on this many checks in a row before it is
#: fixed: a window manager passes through both on the way to full screen.
LASTING_CHECKS = 2
#: After this many fixes of the same kind in a row that did not hold, one fix every
#: BACKOFF_CHECKS checks (a window manager that refuses must not be fought in a busy loop).
STUBBORN_FIXES, BACKOFF_CHECKS = 4, 10
#: Sizes may differ by this much (fractional scaling rounds).
SIZE_SLACK_PX = 1
#: A window just shown (or put back) is given this long to be mapped before "not exposed" counts.
MAP_GRACE_S = 1.0

Box = tuple[int, int, int, int]  # x, y, width, height


class Fix(enum.Enum):
    """What the keeper does to the window."""

    NONE = "none"
    STATE = "state"  # back to full screen (it was minimised or left full screen)
    PLACE = "place"  # back onto the configured screen's geometry (it was resized or moved)
    REMAP = "remap"  # hidden and shown again (it was unmapped, iconified for good or on another desktop)


@dataclass(frozen=True)
class WindowFacts:
    """What the window system says about the window, as Qt sees it."""

    shown: bool  # the widget is shown (the application did not hide it)
    exposed: bool  # the window system shows it: mapped, not iconified, on the current desktop
    full_screen: bool
    minimized: bool
    geometry: Box
    target: Box | None  # the configured screen's geometry (None: not known)

    def misplaced(self) -> bool:
        if self.target is None:
            return False
        x, y, w, h = self.geometry
        tx, ty, tw, th = self.target
        return (x, y) != (tx, ty) or abs(w - tw) > SIZE_SLACK_PX or abs(h - th) > SIZE_SLACK_PX

    def problem(self) -> Fix:
        """The fix these facts call for, before any question of how long they lasted."""
        if not self.shown or not self.exposed:
            return Fix.REMAP
        if self.minimized or not self.full_screen:
            return Fix.STATE
        if self.misplaced():
            return Fix.PLACE
        return Fix.NONE

    def describe(self) -> str:
        if not self.shown:
            return "hidden"
        if not self.exposed:
            return "not on the screen (unmapped, iconified or on another desktop)"
        if self.minimized:
            return "minimised"
        if not self.full_screen:
            return "not full screen"
        return f"at {self.geometry}, not {self.target}"


class FullScreenWatch:
    """Decides, check by check, whether and how to put the window back (no Qt, no window).

    A minimised or windowed state is fixed at once (Qt says so in an event: it is no passing
    state). A lost mapping or a wrong geometry is fixed when it lasts :data:`LASTING_CHECKS`
    checks. A fix that keeps not holding is retried every :data:`BACKOFF_CHECKS` checks."""

    def __init__(self) -> None:
        self._seen: Fix = Fix.NONE
        self._seen_for = 0  # checks in a row with the same problem
        self._fixes = 0  # fixes in a row of the same problem that did not hold
        self.fixed = 0  # every fix applied, for the log and tests

    def judge(self, facts: WindowFacts) -> Fix:
        problem = facts.problem()
        if problem is Fix.NONE:
            self.held()
            return Fix.NONE
        if problem is self._seen:
            self._seen_for += 1
        else:
            self._seen, self._seen_for, self._fixes = problem, 1, 0
        if problem is not Fix.STATE and self._seen_for < LASTING_CHECKS:
            return Fix.NONE
        if self._fixes >= STUBBORN_FIXES and self._seen_for % BACKOFF_CHECKS:
            return Fix.NONE
        self._fixes += 1
        self.fixed += 1
        return problem

    def held(self) -> None:
        """The window was seen as it should be, between checks: the last fix held, however soon it was
        undone (a prankster quicker than the checks is answered each time, never as a stubborn window
        manager, and a new problem must last again before it is fixed)."""
        self._seen, self._seen_for, self._fixes = Fix.NONE, 0, 0

    @property
    def stubborn(self) -> bool:
        """The same fix was applied :data:`STUBBORN_FIXES` times in a row and did not hold."""
        return self._fixes == STUBBORN_FIXES


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


def _box(rect: QRect) -> Box:
    return rect.x(), rect.y(), rect.width(), rect.height()


class FullScreenKeeper(QObject):
    """Watches *window* (event filters and a check every :data:`CHECK_MS`) and puts it back full
    screen on its screen, raised and active."""

    def __init__(self, window: QWidget, interval_ms: int = CHECK_MS):
        super().__init__(window)
        self.window = window
        self.released = False
        self.screen: QScreen | None = None
        self.watch = FullScreenWatch()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.check)
        self._handle_watched = False
        self._shown_at = 0.0  # when the window was last shown or put back (monotonic seconds)
        self._mapped_since = False  # exposed at least once since then
        window.installEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)

    def show(self, screen: QScreen | None) -> None:
        """Full screen on *screen*, raised and active; watched from now on."""
        self.screen = screen
        self._put_back(Fix.PLACE)
        self._grace()
        self._watch_handle()
        self._timer.start()

    def release(self) -> None:
        """The window may now leave full screen and close."""
        self.released = True
        self._timer.stop()
        self._soon.stop()

    def target(self) -> QScreen | None:
        return self.screen if self.screen is not None else self.window.screen()

    def facts(self) -> WindowFacts:
        """The window as the window system shows it now."""
        state = self.window.windowState()
        handle = self.window.windowHandle()
        screen = self.target()
        exposed = handle is not None and handle.isExposed()
        self._mapped_since = self._mapped_since or exposed
        if not exposed and not self._mapped_since and time.monotonic() - self._shown_at < MAP_GRACE_S:
            exposed = True  # not mapped yet: give the window system its time
        return WindowFacts(
            shown=self.window.isVisible(),
            exposed=exposed,
            full_screen=bool(state & Qt.WindowState.WindowFullScreen),
            minimized=bool(state & Qt.WindowState.WindowMinimized),
            geometry=_box(self.window.geometry()),
            target=_box(screen.geometry()) if screen is not None else None,
        )

    def is_full_screen(self) -> bool:
        return self.facts().problem() is Fix.NONE

    def check(self) -> None:
        """Still shown, full screen, on its screen (some changes send no event)."""
        if self.released:
            return
        facts = self.facts()
        fix = self.watch.judge(facts)
        if fix is Fix.NONE:
            return
        if self.watch.stubborn:
            log.warning("the kiosk window is still %s after %d tries; trying again every %d s", facts.describe(),
                        STUBBORN_FIXES, BACKOFF_CHECKS * self._timer.interval() // 1000)
        elif self.watch.fixed <= 50 or self.watch.fixed % 100 == 0:  # a prankster must not fill the log
            log.warning("the kiosk window is %s; putting it back (%s)", facts.describe(), fix.value)
        self._put_back(fix)

    def reassert(self) -> None:
        """Back to full screen now (a refused close, a state change)."""
        if not self.released:
            self._put_back(Fix.STATE)

    def reassert_soon(self) -> None:
        """After the event being handled (a refused close, a state change)."""
        QTimer.singleShot(0, self, self.reassert)

    def _put_back(self, fix: Fix) -> None:
        window, screen = self.window, self.target()
        if fix is Fix.REMAP:
            # Qt still thinks it is shown: only hiding and showing maps it again (and a window
            # manager then manages it anew, on the current desktop)
            window.hide()
            self._grace()
        if fix is not Fix.STATE and screen is not None:
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        self._watch_handle()

    def _grace(self) -> None:
        """The window was just shown (first or again): the window system may take a moment to map it."""
        self._shown_at, self._mapped_since = time.monotonic(), False

    def _watch_handle(self) -> None:
        """Expose events come to the window's QWindow, not to the widget."""
        handle = self.window.windowHandle()
        if handle is not None and not self._handle_watched:
            handle.installEventFilter(self)
            self._handle_watched = True

    def _screen_removed(self, screen: QScreen) -> None:
        if screen is self.screen:
            log.warning("the kiosk's screen %s is gone; using the one it is on", screen.name())
            self.screen = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.released:
            return False
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.WindowStateChange:
            state = self.window.windowState()
            if not state & Qt.WindowState.WindowFullScreen or state & Qt.WindowState.WindowMinimized:
                log.warning("the window left full screen (%s); putting it back", state)
                self.reassert_soon()
        elif kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Expose, QEvent.Type.Hide):
            handle = self.window.windowHandle()
            exposed = handle is not None and handle.isExposed()
            if kind == QEvent.Type.Expose and exposed:
                self._mapped_since = True  # mapped again: a later unmapping counts at once
            if exposed and self.facts().problem() is Fix.NONE:
                self.watch.held()  # mapped and whole now: the next check may come after it has gone again
            self._soon.start()
        return False
