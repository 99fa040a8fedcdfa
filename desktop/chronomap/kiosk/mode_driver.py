"""The Qt side of the kiosk's modes: :class:`~chronomap.kiosk.modes.ModeMachine` on one QTimer.

Why: the machine is Qt-free and owns no timer; something must wake it at the
deadlines it names and carry what it says to the widgets. This adapter does
only that: each :class:`~chronomap.kiosk.modes.ModeListener` call becomes a Qt
signal (direct connections, so they stay synchronous as the machine expects),
and ``deadline_changed`` arms the one single-shot timer that calls
:meth:`ModeMachine.tick`. It needs no window, so its tests run without one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from chronomap.kiosk.modes import Clock, Gate, Mode, ModeMachine, MonotonicClock


class _Relay:
    """The machine's listener: every call re-emitted by the driver (kept apart so the driver's
    signals may share the listener's names)."""

    def __init__(self, driver: ModeDriver):
        self._driver = driver

    def mode_changed(self, mode: Mode) -> None:
        self._driver.mode_shown(mode)

    def show_still_there(self, seconds_left: int) -> None:
        self._driver.still_there.emit(seconds_left)

    def hide_still_there(self) -> None:
        self._driver.still_there_over.emit()

    def reset_to_start(self) -> None:
        self._driver.reset_requested.emit()

    def attract_next(self) -> None:
        self._driver.attract_next.emit()

    def open_pin_pad(self) -> None:
        self._driver.pin_pad_opened.emit()

    def close_pin_pad(self) -> None:
        self._driver.pin_pad_closed.emit()

    def pin_message(self, kind: str, values: tuple[int, ...]) -> None:
        self._driver.pin_message.emit(kind, values)

    def exit_for_staff(self) -> None:
        self._driver.staff_exit.emit()

    def view_started(self) -> None:
        self._driver.view_started.emit()

    def view_ended(self) -> None:
        self._driver.view_ended.emit()

    def attract_started(self) -> None:
        self._driver.attract_started.emit()

    def attract_interrupted(self) -> None:
        self._driver.attract_interrupted.emit()

    def deadline_changed(self, deadline: float | None) -> None:
        self._driver.arm(deadline)


class ModeDriver(QObject):
    """Runs a :class:`ModeMachine` for a window; ``machine`` takes the inputs, the signals give the outputs."""

    mode_changed = Signal(str)  # the Mode's value, only when it really changed
    still_there = Signal(int)  # open “Still there?” (if hidden) showing this many seconds
    still_there_over = Signal()
    reset_requested = Signal()
    attract_next = Signal()
    pin_pad_opened = Signal()
    pin_pad_closed = Signal()
    pin_message = Signal(str, object)  # kind, values (see ModeListener.pin_message)
    staff_exit = Signal()
    view_started = Signal()
    view_ended = Signal()
    attract_started = Signal()
    attract_interrupted = Signal()

    def __init__(self, *, idle_seconds: float, countdown_seconds: float, hold: Callable[[], float], gate: Gate,
                 clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock if clock is not None else MonotonicClock()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._shown = Mode.ACTIVE
        self.machine = ModeMachine(_Relay(self), self.clock, idle_seconds=idle_seconds,
                                   countdown_seconds=countdown_seconds, hold=hold, gate=gate)
        self.timer.timeout.connect(self.machine.tick)

    @property
    def mode(self) -> Mode:
        return self.machine.mode

    def arm(self, deadline: float | None) -> None:
        """The one timer, for the machine's next deadline (None: stopped)."""
        if deadline is None:
            self.timer.stop()
            return
        self.timer.start(max(0, math.ceil((deadline - self.clock.now()) * 1000)))

    def mode_shown(self, mode: Mode) -> None:
        if mode is not self._shown:
            self._shown = mode
            self.mode_changed.emit(mode.value)

    def stop(self) -> None:
        """The window is closing: nothing more is timed."""
        self.timer.stop()
        self.timer.timeout.disconnect(self.machine.tick)
