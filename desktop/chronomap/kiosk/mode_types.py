"""The words the kiosk's mode machine speaks: its modes, its clock, its gate and its listener.

Apart from :mod:`chronomap.kiosk.modes` so the machine's module holds only its
rules; like it, this imports no Qt (the window implements :class:`ModeListener`).
"""

from __future__ import annotations

import enum
import time
from typing import Protocol


class Mode(enum.Enum):
    ACTIVE = "active"
    COUNTDOWN = "countdown"
    ATTRACT = "attract"
    PIN = "pin"
    PIN_LOCKED = "pin-locked"


class Clock(Protocol):
    """Seconds on a clock that never goes back (tests advance a fake one)."""

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: :func:`time.monotonic`."""

    def now(self) -> float:
        return time.monotonic()


class Gate(Protocol):
    """What the machine needs of :class:`chronomap.kiosk.pin.PinGate`."""

    @property
    def enabled(self) -> bool: ...

    @property
    def attempts_left(self) -> int: ...

    def seconds_locked(self) -> float: ...

    def check(self, pin: str) -> bool: ...


class ModeListener(Protocol):
    """What the window does when the machine says so. Calls are synchronous; the machine's
    state has already changed when a call arrives, so the window may call back into it."""

    def mode_changed(self, mode: Mode) -> None:
        """The screen now shows *mode* (last call of a transition)."""

    def show_still_there(self, seconds_left: int) -> None:
        """Open “Still there?” if it is hidden, and show *seconds_left* (≥ 1)."""

    def hide_still_there(self) -> None: ...

    def reset_to_start(self) -> None:
        """Back to the start state (moment, map frame, article, language, no popups)."""

    def attract_next(self) -> None:
        """The loop's next event (or back to the start at the end of the story)."""

    def open_pin_pad(self) -> None: ...

    def close_pin_pad(self) -> None: ...

    def pin_message(self, kind: str, values: tuple[int, ...]) -> None:
        """The pad's message: ``prompt`` (), ``wrong`` (attempts left,), ``locked`` (seconds,)
        or ``disabled`` (); keys are off for the kinds in :data:`PIN_KEYS_OFF`."""

    def exit_for_staff(self) -> None:
        """The right PIN: close the kiosk (exit status 3)."""

    def view_started(self) -> None:
        """Statistics: the visitor now views the current moment."""

    def view_ended(self) -> None: ...

    def attract_started(self) -> None: ...

    def attract_interrupted(self) -> None: ...

    def deadline_changed(self, deadline: float | None) -> None:
        """Call :meth:`ModeMachine.tick` at clock time *deadline* (None: no need)."""
