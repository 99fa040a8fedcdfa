"""The full-screen keeper's decisions, with a fake window, and its fixes on a real widget offscreen.

The real window system (Xvfb with and without openbox, driven by xdotool) is
tests/e2e/test_kiosk_x11.py; here the decisions are checked one by one, fast.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QExposeEvent, QGuiApplication, QRegion
from PySide6.QtWidgets import QWidget

from chronomap.kiosk.fullscreen import BACKOFF_CHECKS, LASTING_CHECKS, STUBBORN_FIXES, Fix, FullScreenKeeper, FullScreenWatch, WindowFacts

pytestmark = pytest.mark.gui

SCREEN = (0, 0, 1920, 1080)


@dataclass
class FakeWindow:
    """A window as a window system might leave it; a fix puts it right unless the window
    manager is *stubborn*."""

    facts: WindowFacts = WindowFacts(shown=True, exposed=True, full_screen=True, minimized=False,
                                     geometry=SCREEN, target=SCREEN)
    stubborn: bool = False

    def apply(self, fix: Fix) -> None:
        if fix is not Fix.NONE and not self.stubborn:
            self.facts = replace(self.facts, shown=True, exposed=True, full_screen=True, minimized=False,
                                 geometry=SCREEN)


def run(window: FakeWindow, watch: FullScreenWatch, checks: int) -> list[Fix]:
    fixes = []
    for _ in range(checks):
        fix = watch.judge(window.facts)
        window.apply(fix)
        fixes.append(fix)
    return fixes


def test_a_full_screen_window_is_left_alone():
    assert run(FakeWindow(), FullScreenWatch(), 5) == [Fix.NONE] * 5


@pytest.mark.parametrize(("change", "fix", "lag"), [
    (dict(exposed=False), Fix.REMAP, 1),  # unmapped, iconified for good, on another desktop
    (dict(shown=False), Fix.REMAP, 1),
    (dict(minimized=True), Fix.STATE, 0),  # minimised: at once
    (dict(full_screen=False), Fix.STATE, 0),
    (dict(geometry=(0, 0, 800, 600)), Fix.PLACE, 1),  # xdotool windowsize
    (dict(geometry=(100, 100, 1920, 1080)), Fix.PLACE, 1),  # xdotool windowmove
    (dict(geometry=(0, 0, 1921, 1079)), Fix.NONE, 0),  # a rounding pixel is no move
])
def test_each_way_out_gets_its_fix_and_then_holds(change, fix, lag):
    window, watch = FakeWindow(), FullScreenWatch()
    window.facts = replace(window.facts, **change)
    fixes = run(window, watch, 4)
    expected = [Fix.NONE] * lag + [fix] + [Fix.NONE] * (3 - lag)
    assert fixes == expected
    if fix is not Fix.NONE:
        assert watch.fixed == 1


def test_a_passing_geometry_or_unmapping_is_not_fought():
    """A window manager passes through other geometries on its way to full screen: one check
    that sees them does nothing."""
    window, watch = FakeWindow(), FullScreenWatch()
    good = window.facts
    for passing in (replace(good, geometry=(0, 0, 640, 480)), replace(good, exposed=False)):
        assert watch.judge(passing) is Fix.NONE
        assert watch.judge(good) is Fix.NONE
    assert watch.fixed == 0


def test_a_stubborn_window_manager_is_retried_but_not_in_a_busy_loop():
    window, watch = FakeWindow(stubborn=True), FullScreenWatch()
    window.facts = replace(window.facts, exposed=False)
    fixes = run(window, watch, 1 + STUBBORN_FIXES + 3 * BACKOFF_CHECKS)
    tries = [i for i, fix in enumerate(fixes) if fix is Fix.REMAP]
    assert tries[:STUBBORN_FIXES] == list(range(1, 1 + STUBBORN_FIXES))  # each check at first
    later = tries[STUBBORN_FIXES:]
    assert len(later) == 3 and all(b - a == BACKOFF_CHECKS for a, b in zip(later, later[1:], strict=False))
    window.stubborn = False  # the window manager gives in: back to normal at once
    window.apply(Fix.REMAP)
    assert run(window, watch, 3) == [Fix.NONE] * 3


def test_a_prankster_quicker_than_the_checks_is_answered_each_time():
    """Each fix holds, and the window is seen whole (an event) before the prankster sends it away again,
    but no check comes in between: no fix is a failed try, so none waits for the stubborn backoff.
    (Under load on CI the fourth quick prank in a row was taken for a stubborn window manager.)"""
    window, watch = FakeWindow(), FullScreenWatch()
    for _ in range(3 * STUBBORN_FIXES):
        window.facts = replace(window.facts, exposed=False)  # sent away again before any check saw it back
        assert run(window, watch, LASTING_CHECKS) == [Fix.NONE] * (LASTING_CHECKS - 1) + [Fix.REMAP]
        assert not watch.stubborn
        watch.held()  # the keeper saw it mapped and whole
    assert watch.fixed == 3 * STUBBORN_FIXES


# -- the keeper on a real widget (offscreen: what Qt itself reports) ------------------------------------


@pytest.fixture
def kept(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    keeper = FullScreenKeeper(window, interval_ms=50)
    screen = QGuiApplication.primaryScreen()
    keeper.show(screen)
    qtbot.waitExposed(window)
    yield window, keeper, screen.geometry()
    keeper.release()


def test_the_keeper_puts_a_resized_moved_or_hidden_window_back(qtbot, kept):
    window, keeper, screen = kept
    assert window.geometry() == screen and keeper.is_full_screen()
    for undo in (lambda: window.setGeometry(10, 10, 300, 200), window.showNormal, window.showMinimized, window.hide):
        undo()
        qtbot.waitUntil(lambda: window.isVisible() and keeper.is_full_screen() and window.geometry() == screen,
                        timeout=3000)
        assert window.windowState() == Qt.WindowState.WindowFullScreen
    assert keeper.watch.fixed >= 3


def test_a_released_window_may_go(qtbot, kept):
    window, keeper, _screen = kept
    keeper.release()
    window.hide()
    for _ in range(5):  # checks (the timer's and the events') no longer bring it back
        keeper.check()
    assert not window.isVisible() and keeper.watch.fixed == 0


def test_the_window_seen_whole_in_an_event_tells_the_watch_its_fix_held(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    keeper = FullScreenKeeper(window, interval_ms=60_000)  # no timed check during the test
    screen = QGuiApplication.primaryScreen()
    keeper.show(screen)
    qtbot.waitUntil(lambda: window.windowHandle() is not None and window.windowHandle().isExposed()
                    and keeper.is_full_screen(), timeout=3000)
    away = replace(keeper.facts(), exposed=False)
    for _ in range(1 + STUBBORN_FIXES):  # as if each fix so far had not held
        keeper.watch.judge(away)
    assert keeper.watch.stubborn
    QCoreApplication.sendEvent(window.windowHandle(), QExposeEvent(QRegion(screen.geometry())))
    assert not keeper.watch.stubborn
    keeper.release()
