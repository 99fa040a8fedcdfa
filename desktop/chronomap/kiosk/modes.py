"""The kiosk's modes as a Qt-free state machine with an injected clock.

Why: the rules of a day on the floor (idle → “Still there?” → the attract loop,
the first touch that only hands control back, the staff PIN pad and its
lockout) must be testable in milliseconds without a window, and a window must
be able to drive them from **one** timer.

Modes (:class:`Mode`):

* ``ACTIVE``     a visitor may be using the kiosk; input restarts the idle time.
* ``COUNTDOWN``  “Still there?” counts down; the first press keeps the visitor's place.
* ``ATTRACT``    everything was reset and the story plays by itself, for ever;
                 the first press only hands control back.
* ``PIN``        the staff PIN pad is open.
* ``PIN_LOCKED`` the pad is open but locked after too many wrong PINs.

Inputs are method calls (:meth:`ModeMachine.activity`, :meth:`~ModeMachine.press`,
:meth:`~ModeMachine.release`, :meth:`~ModeMachine.tick`, …). Outputs are calls
on a :class:`ModeListener` the window implements. Time only moves through the
:class:`Clock`: the machine never sleeps and owns no timer. After every input
it tells the listener the next moment it needs waking
(:meth:`ModeListener.deadline_changed`); the window arms its single timer for
that moment and calls :meth:`ModeMachine.tick` when it fires.

A swallowed press covers one gesture only (issue 14, item 2): it ends at its
release, at a press from another source, or after :data:`SWALLOW_TIMEOUT_S`,
whichever comes first, so a lost release can never leave the kiosk deaf.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Hashable

from chronomap.kiosk.mode_types import Clock, Gate, Mode, ModeListener, MonotonicClock

__all__ = ["MIN_HOLD_S", "PIN_KEYS_OFF", "POINTER", "SWALLOW_TIMEOUT_S", "WHEEL", "Clock", "Gate", "Mode",
           "ModeListener", "ModeMachine", "MonotonicClock"]

log = logging.getLogger("chronomap.kiosk")

#: A swallowed gesture whose release never came ends after this many seconds.
SWALLOW_TIMEOUT_S = 2.0
#: The shortest attract hold accepted from the window (a zero hold would spin).
MIN_HOLD_S = 0.05
#: Sources of presses; keys are any other hashable value (the window passes the key code).
POINTER = "pointer"
WHEEL = "wheel"
#: PIN pad messages after which its keys are off.
PIN_KEYS_OFF = frozenset({"locked", "disabled"})
#: Rounding slack for the whole seconds shown (a float a hair above 9 still shows 9).
_EPS = 1e-6


def _whole_seconds(left: float) -> int:
    """The whole seconds a countdown shows with *left* seconds to go (at least 1)."""
    return max(1, math.ceil(left - _EPS))


class ModeMachine:
    """The kiosk's modes. *hold* gives the seconds the attract loop holds what is on screen
    now (``config.hold_seconds(summary)``); *gate* checks PINs (it must read the same clock)."""

    def __init__(self, listener: ModeListener, clock: Clock, *, idle_seconds: float, countdown_seconds: float,
                 hold: Callable[[], float], gate: Gate):
        self.listener = listener
        self.clock = clock
        self.idle_seconds = float(idle_seconds)
        self.countdown_seconds = float(countdown_seconds)
        self.hold = hold
        self.gate = gate
        self._mode = Mode.ACTIVE
        self._visitor_present = False
        self._playing = False
        self._listening = False
        self._finished = False
        self._idle_at: float | None = None
        self._countdown_end = 0.0
        self._shown_left = 0
        self._attract_at: float | None = None
        self._lock_shown = 0
        self._swallow_source: Hashable | None = None
        self._swallow_until = 0.0
        self._told: float | None = None

    # -- what the window may read ------------------------------------------------------------
    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def visitor_present(self) -> bool:
        """Someone touched the kiosk since the last reset (else idle goes straight to attract)."""
        return self._visitor_present

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def finished(self) -> bool:
        """Staff left with the right PIN: the machine does nothing more."""
        return self._finished

    def is_swallowing(self) -> bool:
        """Whether a swallowed gesture is still held: the window eats every input until it ends."""
        if self._swallow_source is not None and self.clock.now() >= self._swallow_until:
            log.warning("a swallowed press was never released; input is handled again")
            self._swallow_source = None
        return self._swallow_source is not None

    def next_deadline(self) -> float | None:
        """The clock time at which :meth:`tick` has something to do; None when nothing is pending."""
        if self._finished:
            return None
        if self._mode is Mode.ACTIVE or self._mode is Mode.PIN:
            return self._idle_at
        if self._mode is Mode.COUNTDOWN:
            return self._countdown_end - (self._shown_left - 1)
        if self._mode is Mode.ATTRACT:
            return self._attract_at
        left = self.gate.seconds_locked()  # PIN_LOCKED: the next whole second shown, or the end of the lock
        if left <= 0:
            return self.clock.now()
        candidates = [self.clock.now() + left - (self._lock_shown - 1)]  # when the number shown changes
        if self._idle_at is not None:
            candidates.append(self._idle_at)
        return min(candidates)

    # -- inputs ------------------------------------------------------------------------------
    def start(self) -> None:
        """The exhibit is on the screen: idle time counts from now."""
        if self._mode is Mode.ACTIVE:
            self._restart_idle()
        self._tell()

    def activity(self) -> None:
        """Any input that is not a press or a release (a move, a key release the window ignores)."""
        self._activity()
        self._tell()

    def press(self, source: Hashable = POINTER, *, expects_release: bool = True) -> bool:
        """A press (touch, click, key, wheel); True when the window must swallow it.

        *source* says which gesture it belongs to (:data:`POINTER`, :data:`WHEEL` or a key
        code); a press from the source being swallowed (a key's auto-repeat, Qt's mouse copy
        of a touch) stays swallowed. *expects_release* is False for a wheel turn."""
        try:
            if self._finished:
                return False
            waking = self._mode in (Mode.COUNTDOWN, Mode.ATTRACT)
            if self.is_swallowing():
                if source == self._swallow_source and not waking:
                    self._activity()
                    return True
                self._swallow_source = None  # another gesture: the swallowed one is over
            if self._mode is Mode.COUNTDOWN:
                self._swallow(source, expects_release)
                self._keep_place()
                return True
            if self._mode is Mode.ATTRACT:
                self._swallow(source, expects_release)
                self._leave_attract()
                return True
            self._activity()
            return False
        finally:
            self._tell()

    def release(self, source: Hashable = POINTER) -> bool:
        """A release; True when it ends a swallowed gesture (the window swallows it too)."""
        try:
            self._activity()
            if self.is_swallowing() and source == self._swallow_source:
                self._swallow_source = None
                return True
            return False
        finally:
            self._tell()

    def tick(self) -> None:
        """Do whatever is due at the clock's now (the window's one timer fired)."""
        for _ in range(8):  # each step moves the deadline past now; the bound is a safety net
            deadline = self.next_deadline()
            if deadline is None or deadline > self.clock.now():
                break
            self._due()
        self._tell(force=True)  # a timer that fired early must be armed again

    def idle_now(self) -> None:
        """As if the idle time ran out now (staff tools, screenshots): “Still there?” when someone
        was there, else the loop. Does nothing in the countdown or the loop."""
        if not self._finished and self._mode in (Mode.ACTIVE, Mode.PIN, Mode.PIN_LOCKED):
            self._on_idle()
        self._tell()

    def attract_now(self) -> None:
        """Reset and start the loop now, from any mode (whatever is open closes first)."""
        if self._finished:
            self._tell()
            return
        if self._mode is Mode.COUNTDOWN:
            self.listener.hide_still_there()
        elif self._mode in (Mode.PIN, Mode.PIN_LOCKED):
            self._mode = Mode.ACTIVE
            self.listener.close_pin_pad()
        if self._mode is Mode.ACTIVE and self._visitor_present:
            self.listener.view_ended()
        self._start_attract()
        self._tell()

    def staff_gesture(self) -> None:
        """The staff chord or the corner taps: open the PIN pad (handing control back first)."""
        if self._finished or self._mode in (Mode.PIN, Mode.PIN_LOCKED):
            self._tell()
            return
        if self._mode is Mode.COUNTDOWN:
            self.listener.hide_still_there()
            self._visitor_returns()
        elif self._mode is Mode.ATTRACT:
            self._attract_at = None
            self.listener.attract_interrupted()
            self._visitor_returns()
        self._visitor_present = True
        log.info("staff PIN pad opened")
        self._mode = Mode.PIN
        self._restart_idle()
        self.listener.open_pin_pad()
        if not self.gate.enabled:
            self.listener.pin_message("disabled", ())
            self.listener.mode_changed(self._mode)
        elif not self._show_lock():
            self.listener.pin_message("prompt", ())
            self.listener.mode_changed(self._mode)
        self._tell()

    def pin_entered(self, pin: str) -> None:
        """The pad's OK with *pin*."""
        if self._mode is not Mode.PIN or not self.gate.enabled:
            self._tell()
            return
        self._restart_idle()
        if self.gate.check(pin):
            log.warning("staff exit with the right PIN")
            self._finished = True
            self.listener.close_pin_pad()
            self.listener.exit_for_staff()
            self._tell()
            return
        log.warning("wrong staff PIN entered")
        if not self._show_lock():
            self.listener.pin_message("wrong", (self.gate.attempts_left,))
        self._tell()

    def pin_cancelled(self) -> None:
        """The visitor or staff closed the pad (it has hidden itself)."""
        if self._mode in (Mode.PIN, Mode.PIN_LOCKED) and not self._finished:
            self._mode = Mode.ACTIVE
            self._restart_idle()
            self.listener.mode_changed(self._mode)
        self._tell()

    def attract_step_done(self) -> None:
        """Optional: what :meth:`ModeListener.attract_next` or the reset put up is on screen only
        now (a renewed page came up, say); hold it from now."""
        if self._mode is Mode.ATTRACT:
            self._attract_at = self.clock.now() + self._hold()
        self._tell()

    def playing_changed(self, playing: bool) -> None:
        """The visitor's Play started or stopped: no idle time while the story plays."""
        self._playing = bool(playing)
        if self._mode in (Mode.ACTIVE, Mode.PIN, Mode.PIN_LOCKED):
            self._restart_idle()
        self._tell()

    def listening_changed(self, listening: bool) -> None:
        """A recording started or stopped: no idle time while a visitor listens (a witness's three
        minutes are not cut by "Still there?"); idle time counts from the end of the recording."""
        self._listening = bool(listening)
        if self._mode in (Mode.ACTIVE, Mode.PIN, Mode.PIN_LOCKED):
            self._restart_idle()
        self._tell()

    def moment_changed(self) -> None:
        """The moment on screen changed: a visitor's new view (never the attract loop's)."""
        if self._mode in (Mode.ACTIVE, Mode.PIN, Mode.PIN_LOCKED) and self._visitor_present and not self._finished:
            self.listener.view_started()
        self._tell()

    # -- transitions -------------------------------------------------------------------------
    def _activity(self) -> None:
        if self._finished or self._mode in (Mode.COUNTDOWN, Mode.ATTRACT):
            return  # only a press wakes those, and it is swallowed
        if self._mode is Mode.ACTIVE and not self._visitor_present:
            self._visitor_present = True
            self.listener.view_started()
        self._restart_idle()

    def _restart_idle(self) -> None:
        self._idle_at = None if self._playing or self._listening else self.clock.now() + self.idle_seconds

    def _swallow(self, source: Hashable, expects_release: bool) -> None:
        if expects_release:
            self._swallow_source = source
            self._swallow_until = self.clock.now() + SWALLOW_TIMEOUT_S

    def _due(self) -> None:
        if self._mode in (Mode.ACTIVE, Mode.PIN):
            self._on_idle()
        elif self._mode is Mode.COUNTDOWN:
            self._tick_countdown()
        elif self._mode is Mode.ATTRACT:
            self._attract_at = None
            self.listener.attract_next()
            if self._mode is Mode.ATTRACT and self._attract_at is None:
                self._attract_at = self.clock.now() + self._hold()
        else:
            self._tick_lock()

    def _on_idle(self) -> None:
        self._idle_at = None
        if self._mode in (Mode.PIN, Mode.PIN_LOCKED):
            self._mode = Mode.ACTIVE  # first: a pad that reports its closing finds the machine past it
            self.listener.close_pin_pad()
        if not self._visitor_present:
            self._start_attract()  # nobody touched it since the last reset: no question to ask
            return
        self._mode = Mode.COUNTDOWN
        self.listener.view_ended()
        self._countdown_end = self.clock.now() + self.countdown_seconds
        self._shown_left = _whole_seconds(self.countdown_seconds)
        self.listener.show_still_there(self._shown_left)
        self.listener.mode_changed(self._mode)

    def _tick_countdown(self) -> None:
        left = self._countdown_end - self.clock.now()
        if left <= 0:
            self.listener.hide_still_there()
            self._start_attract()
            return
        shown = _whole_seconds(left)
        if shown != self._shown_left:
            self._shown_left = shown
            self.listener.show_still_there(shown)

    def _keep_place(self) -> None:
        """A press during “Still there?”: carry on where the visitor was."""
        self.listener.hide_still_there()
        self._visitor_returns()
        self.listener.mode_changed(self._mode)

    def _leave_attract(self) -> None:
        """The first press in the loop: hand control back, nothing else."""
        self._attract_at = None
        self._visitor_present = True
        self.listener.attract_interrupted()
        self._visitor_returns()
        self.listener.mode_changed(self._mode)

    def _visitor_returns(self) -> None:
        self._mode = Mode.ACTIVE
        self._visitor_present = True
        self._restart_idle()
        self.listener.view_started()

    def _start_attract(self) -> None:
        self._mode = Mode.ATTRACT
        self._visitor_present = False
        self._idle_at = None
        self._attract_at = None
        self.listener.reset_to_start()
        self.listener.attract_started()
        if self._mode is Mode.ATTRACT and self._attract_at is None:
            self._attract_at = self.clock.now() + self._hold()
        self.listener.mode_changed(self._mode)

    def _hold(self) -> float:
        try:
            seconds = float(self.hold())
        except Exception:  # the loop must go on whatever the window's hold does
            log.exception("the attract hold could not be computed; holding the minimum")
            seconds = MIN_HOLD_S
        return seconds if math.isfinite(seconds) and seconds > MIN_HOLD_S else MIN_HOLD_S

    def _show_lock(self) -> bool:
        """If the gate is locked: the pad shows so (PIN_LOCKED) and True."""
        left = self.gate.seconds_locked()
        if left <= 0:
            return False
        self._lock_shown = _whole_seconds(left)
        self.listener.pin_message("locked", (self._lock_shown,))
        if self._mode is not Mode.PIN_LOCKED:
            self._mode = Mode.PIN_LOCKED
            self.listener.mode_changed(self._mode)
        return True

    def _tick_lock(self) -> None:
        if self._idle_at is not None and self._idle_at <= self.clock.now():
            self._on_idle()
            return
        if self._show_lock():
            return
        self._mode = Mode.PIN
        self.listener.pin_message("prompt", ())
        self.listener.mode_changed(self._mode)

    def _tell(self, force: bool = False) -> None:
        deadline = self.next_deadline()
        if force or deadline != self._told:
            self._told = deadline
            self.listener.deadline_changed(deadline)
