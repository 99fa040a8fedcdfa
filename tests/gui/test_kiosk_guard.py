"""The kiosk's input guard and its mode driver, without the kiosk window (no map page, no render process).

A plain window with a button stands in for the kiosk: input goes to its
top-level window as the platform delivers it; the modes run on a fake clock
the test moves, through the same :class:`ModeDriver` the kiosk uses.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from chronomap.kiosk.guard import CORNER_TAPS, InputGuard
from chronomap.kiosk.mode_driver import ModeDriver
from chronomap.kiosk.modes import SWALLOW_TIMEOUT_S, Mode

pytestmark = pytest.mark.gui

LONG = 3600.0


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0

    def now(self) -> float:
        return self.t


class NoGate:
    enabled = False
    attempts_left = 0

    def seconds_locked(self) -> float:
        return 0.0

    def check(self, pin: str) -> bool:
        return False


class Stand(QWidget):
    """A window with one button and a staff corner at its top-right; taps on the button are controls."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(400, 300)
        self.button = QPushButton("Next", self)
        self.button.setGeometry(100, 100, 200, 80)
        self.clicks = 0
        self.button.clicked.connect(self._clicked)

    def _clicked(self) -> None:
        self.clicks += 1

    def zone(self) -> QRect:
        return QRect(self.width() - 72, 0, 72, 72)

    def on_control(self, point: QPoint) -> bool:
        return self.childAt(point) is self.button


@pytest.fixture
def stand(qtbot):
    clock = FakeClock()
    window = Stand()
    qtbot.addWidget(window)
    driver = ModeDriver(idle_seconds=LONG, countdown_seconds=LONG, hold=lambda: LONG, gate=NoGate(), clock=clock,
                        parent=window)
    guard = InputGuard(window, driver.machine, window.zone, window.on_control, clock=clock.now)
    window.show()
    qtbot.waitExposed(window)
    guard.install()
    driver.machine.start()
    yield window, driver, guard, clock
    guard.uninstall()
    driver.stop()


def tap(window: QWidget, point: QPoint) -> None:
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QCoreApplication.processEvents()


def test_the_waking_tap_is_swallowed_and_the_next_one_acts(qtbot, stand):
    window, driver, guard, _clock = stand
    driver.machine.attract_now()
    centre = window.button.geometry().center()
    with qtbot.waitSignal(guard.swallowed, timeout=1000):
        tap(window, centre)
    assert driver.mode is Mode.ACTIVE and window.clicks == 0
    tap(window, centre)
    assert window.clicks == 1


def test_a_lost_key_release_never_leaves_the_kiosk_deaf(qtbot, stand):
    """Issue 14.2: a key wakes the loop and its release is lost (a window manager took it); the next
    tap must still work, not wait for that release for ever."""
    window, driver, guard, _clock = stand
    driver.machine.attract_now()
    with qtbot.waitSignal(guard.swallowed, timeout=1000):
        QTest.keyPress(window.windowHandle(), Qt.Key.Key_1)  # ... and never released
    QCoreApplication.processEvents()
    assert driver.mode is Mode.ACTIVE
    tap(window, window.button.geometry().center())
    assert window.clicks == 1
    assert not driver.machine.is_swallowing()


def test_a_lost_touch_release_times_out(qtbot, stand):
    window, driver, _guard, clock = stand
    device = QTest.createTouchDevice()
    driver.machine.attract_now()
    QTest.touchEvent(window.windowHandle(), device).press(0, QPoint(20, 250))  # its release is lost
    QCoreApplication.processEvents()
    assert driver.machine.is_swallowing()
    clock.t += SWALLOW_TIMEOUT_S
    tap(window, window.button.geometry().center())
    assert window.clicks == 1


def test_taps_on_a_control_in_the_staff_corner_never_count(qtbot, stand):
    window, _driver, guard, _clock = stand
    window.button.setGeometry(window.zone())  # a control where staff would tap
    with qtbot.assertNotEmitted(guard.staff_requested):
        for _ in range(CORNER_TAPS + 1):
            tap(window, window.zone().center())
    assert window.clicks == CORNER_TAPS + 1  # each tap pressed the control instead
    window.button.setGeometry(100, 100, 200, 80)
    with qtbot.waitSignal(guard.staff_requested, timeout=1000):
        for _ in range(CORNER_TAPS):
            tap(window, window.zone().center())


def test_the_driver_runs_the_modes_on_one_timer(qtbot):
    """Real time, short settings: idle → “Still there?” counting down → the loop stepping; one timer."""
    driver = ModeDriver(idle_seconds=0.05, countdown_seconds=0.1, hold=lambda: 0.06, gate=NoGate())
    seen: list[object] = []
    driver.mode_changed.connect(seen.append)
    driver.still_there.connect(lambda n: seen.append(("still there", n)))
    driver.reset_requested.connect(lambda: seen.append("reset"))
    driver.attract_next.connect(lambda: seen.append("next"))
    try:
        driver.machine.start()
        driver.machine.activity()  # a visitor, then nobody
        assert driver.timer.isActive() and driver.timer.isSingleShot()
        qtbot.waitUntil(lambda: seen.count("next") >= 2, timeout=5000)
        assert seen[:4] == [("still there", 1), "countdown", "reset", "attract"]
        assert driver.mode is Mode.ATTRACT and driver.findChildren(type(driver.timer)) == [driver.timer]
        driver.machine.press()
        driver.machine.release()
        assert seen[-1] == "active" and driver.mode is Mode.ACTIVE
        driver.machine.playing_changed(True)  # no idle time while the story plays: the timer rests
        assert not driver.timer.isActive()
    finally:
        driver.stop()
        driver.deleteLater()
