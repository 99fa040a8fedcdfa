"""The kiosk's modes without a window: every transition, on a fake clock, in milliseconds (no Qt)."""

from __future__ import annotations

import pytest

from chronomap.kiosk.modes import PIN_KEYS_OFF, POINTER, SWALLOW_TIMEOUT_S, WHEEL, Mode, ModeMachine
from without_qt import run_without_qt

IDLE = 90.0
COUNTDOWN = 10.0
HOLD = 8.0


class FakeClock:
    def __init__(self, start: float = 1000.0):
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class FakeGate:
    """A PIN gate without scrypt: *right* opens it; the lock is set by the test or by *attempts*."""

    def __init__(self, clock: FakeClock, right: str = "2468", attempts: int = 3, lockout: float = 60.0,
                 enabled: bool = True):
        self.clock = clock
        self.right = right
        self.attempts = attempts
        self.lockout = lockout
        self.enabled = enabled
        self.failures = 0
        self.locked_until = 0.0

    @property
    def attempts_left(self) -> int:
        return max(0, self.attempts - self.failures)

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock.now())

    def check(self, pin: str) -> bool:
        if not self.enabled or self.seconds_locked() > 0:
            return False
        if pin == self.right:
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= self.attempts:
            self.failures = 0
            self.locked_until = self.clock.now() + self.lockout
        return False


class Recorder:
    """The window, reduced to a log of what it was told (deadlines kept apart)."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.deadlines: list[float | None] = []
        self.machine: ModeMachine | None = None
        self.on: dict[str, object] = {}

    def take(self) -> list[tuple]:
        calls, self.calls = self.calls, []
        return calls

    def _record(self, *call) -> None:
        self.calls.append(call)
        hook = self.on.get(call[0])
        if callable(hook):
            hook()

    def mode_changed(self, mode):
        self._record("mode_changed", mode)

    def show_still_there(self, seconds_left):
        self._record("show_still_there", seconds_left)

    def hide_still_there(self):
        self._record("hide_still_there")

    def reset_to_start(self):
        self._record("reset_to_start")

    def attract_next(self):
        self._record("attract_next")

    def open_pin_pad(self):
        self._record("open_pin_pad")

    def close_pin_pad(self):
        self._record("close_pin_pad")

    def pin_message(self, kind, values):
        self._record("pin_message", kind, values)

    def exit_for_staff(self):
        self._record("exit_for_staff")

    def view_started(self):
        self._record("view_started")

    def view_ended(self):
        self._record("view_ended")

    def attract_started(self):
        self._record("attract_started")

    def attract_interrupted(self):
        self._record("attract_interrupted")

    def deadline_changed(self, deadline):
        self.deadlines.append(deadline)


class Kiosk:
    """A machine, its clock, its recorder and the one timer a window would have."""

    def __init__(self, *, idle: float = IDLE, countdown: float = COUNTDOWN, holds=None, gate_enabled: bool = True,
                 lockout: float = 60.0):
        self.clock = FakeClock()
        self.window = Recorder()
        self.gate = FakeGate(self.clock, enabled=gate_enabled, lockout=lockout)
        self.holds = list(holds) if holds is not None else None
        self.machine = ModeMachine(self.window, self.clock, idle_seconds=idle, countdown_seconds=countdown,
                                   hold=self._hold, gate=self.gate)
        self.window.machine = self.machine

    def _hold(self) -> float:
        if self.holds:
            return self.holds.pop(0)
        return HOLD

    @property
    def deadline(self) -> float | None:
        """What the one timer is armed for: the last deadline the machine told."""
        return self.window.deadlines[-1] if self.window.deadlines else None

    def run(self, seconds: float) -> None:
        """Let *seconds* pass as the window's single timer would: tick at each deadline told."""
        end = self.clock.t + seconds
        while self.deadline is not None and self.deadline <= end:
            self.clock.t = max(self.clock.t, self.deadline)
            self.machine.tick()
        self.clock.t = end

    def in_attract(self) -> None:
        self.machine.start()
        self.run(IDLE)
        assert self.machine.mode is Mode.ATTRACT
        self.window.take()


@pytest.fixture
def kiosk() -> Kiosk:
    return Kiosk()


# -- start and idle -------------------------------------------------------------------------------

def test_nothing_is_timed_before_the_exhibit_is_on_screen(kiosk):
    assert kiosk.machine.mode is Mode.ACTIVE and kiosk.machine.next_deadline() is None
    kiosk.run(10 * IDLE)
    assert kiosk.window.take() == [] and kiosk.machine.mode is Mode.ACTIVE
    kiosk.machine.start()
    assert kiosk.deadline == kiosk.clock.t + IDLE == kiosk.machine.next_deadline()


def test_nobody_came_since_the_reset_so_idle_goes_straight_to_attract(kiosk):
    kiosk.machine.start()
    kiosk.run(IDLE - 0.001)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("reset_to_start",), ("attract_started",), ("mode_changed", Mode.ATTRACT)]
    assert kiosk.machine.mode is Mode.ATTRACT and not kiosk.machine.visitor_present
    assert kiosk.deadline == pytest.approx(kiosk.clock.t + HOLD)


def test_activity_marks_the_visitor_present_once_and_restarts_the_idle_time(kiosk):
    kiosk.machine.start()
    kiosk.run(50)
    kiosk.machine.activity()
    assert kiosk.window.take() == [("view_started",)] and kiosk.machine.visitor_present
    kiosk.run(60)
    kiosk.machine.activity()
    kiosk.machine.press()
    kiosk.machine.release()
    assert kiosk.window.take() == []  # already present: no second view
    assert kiosk.deadline == kiosk.clock.t + IDLE
    kiosk.run(IDLE - 0.001)
    assert kiosk.machine.mode is Mode.ACTIVE


def test_idle_with_a_visitor_asks_still_there_and_counts_down_each_second(kiosk):
    kiosk.machine.start()
    kiosk.machine.press()
    kiosk.machine.release()
    kiosk.window.take()
    kiosk.run(IDLE)
    assert kiosk.window.take() == [("view_ended",), ("show_still_there", 10), ("mode_changed", Mode.COUNTDOWN)]
    assert kiosk.machine.mode is Mode.COUNTDOWN
    kiosk.run(0.999)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("show_still_there", 9)]
    kiosk.run(8)
    assert kiosk.window.take() == [("show_still_there", n) for n in range(8, 0, -1)]
    kiosk.run(0.999)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("hide_still_there",), ("reset_to_start",), ("attract_started",),
                                   ("mode_changed", Mode.ATTRACT)]
    assert not kiosk.machine.visitor_present


def test_a_short_countdown_shows_one_second_then_ends():
    kiosk = Kiosk(idle=0.3, countdown=0.3)
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.run(0.3)
    assert ("show_still_there", 1) in kiosk.window.take()
    kiosk.run(0.3)
    assert kiosk.window.take()[:2] == [("hide_still_there",), ("reset_to_start",)]


def test_a_move_during_still_there_does_not_keep_the_place(kiosk):
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.run(IDLE + 5)
    kiosk.window.take()
    kiosk.machine.activity()
    kiosk.machine.moment_changed()
    assert kiosk.window.take() == [] and kiosk.machine.mode is Mode.COUNTDOWN
    kiosk.run(5)
    assert kiosk.machine.mode is Mode.ATTRACT


def test_the_first_press_during_still_there_keeps_the_place_and_is_swallowed(kiosk):
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.run(IDLE + 4.5)
    kiosk.window.take()
    assert kiosk.machine.press() is True
    assert kiosk.window.take() == [("hide_still_there",), ("view_started",), ("mode_changed", Mode.ACTIVE)]
    assert kiosk.machine.mode is Mode.ACTIVE and kiosk.machine.visitor_present
    assert kiosk.deadline == kiosk.clock.t + IDLE
    assert kiosk.machine.is_swallowing()
    assert kiosk.machine.release() is True  # its release is swallowed too
    assert not kiosk.machine.is_swallowing()
    assert kiosk.machine.press() is False  # the next press reaches the button under the finger


# -- the attract loop -----------------------------------------------------------------------------

def test_attract_holds_each_event_for_the_windows_hold_and_loops_for_ever():
    kiosk = Kiosk(holds=[8.0, 12.5, 20.0, 8.0])
    kiosk.in_attract()  # the first hold (8 s) was asked for when the loop started
    kiosk.run(7.999)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("attract_next",)]  # the hold is asked after the window moved on
    kiosk.run(12.499)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("attract_next",)]
    kiosk.run(20.0)
    assert kiosk.window.take() == [("attract_next",)]
    kiosk.run(24 * 3600)  # a day of the loop, at the default hold
    steps = kiosk.window.take()
    assert set(steps) == {("attract_next",)} and len(steps) == pytest.approx(24 * 3600 / HOLD, abs=2)
    assert kiosk.machine.mode is Mode.ATTRACT


def test_attract_step_done_holds_from_when_the_step_is_on_screen(kiosk):
    kiosk.in_attract()
    kiosk.run(HOLD)
    kiosk.window.take()
    kiosk.run(1.5)  # the renewed page took 1.5 s to come up
    kiosk.machine.attract_step_done()
    assert kiosk.deadline == kiosk.clock.t + HOLD
    kiosk.run(HOLD - 0.001)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("attract_next",)]


def test_attract_step_done_inside_attract_next_is_kept():
    kiosk = Kiosk()
    kiosk.window.on["attract_next"] = lambda: kiosk.machine.attract_step_done()
    kiosk.holds = [8.0, 30.0, 99.0]
    kiosk.in_attract()
    kiosk.run(8.0)
    assert kiosk.deadline == kiosk.clock.t + 30.0  # asked once, not twice


@pytest.mark.expected_errors(r"the attract hold could not be computed")
@pytest.mark.parametrize("hold", [0.0, -3.0, float("nan"), "boom"])
def test_a_bad_hold_never_stops_or_spins_the_loop(hold):
    kiosk = Kiosk()

    def bad():
        if hold == "boom":
            raise RuntimeError("no summary")
        return hold

    kiosk.machine.hold = bad
    kiosk.in_attract()
    kiosk.run(1.0)
    assert 10 <= len(kiosk.window.take()) <= 21  # every 0.05 s


def test_the_first_press_in_attract_only_hands_control_back(kiosk):
    kiosk.in_attract()
    kiosk.run(3.0)
    assert kiosk.machine.press() is True
    assert kiosk.window.take() == [("attract_interrupted",), ("view_started",), ("mode_changed", Mode.ACTIVE)]
    assert kiosk.machine.visitor_present and kiosk.deadline == kiosk.clock.t + IDLE
    assert kiosk.machine.release() is True
    kiosk.run(HOLD)
    assert kiosk.window.take() == []  # the loop stopped
    kiosk.run(IDLE - HOLD)
    assert kiosk.window.take()[1:] == [("show_still_there", 10), ("mode_changed", Mode.COUNTDOWN)]


def test_moves_and_moments_in_attract_are_not_a_visitor(kiosk):
    kiosk.in_attract()
    kiosk.machine.activity()
    kiosk.machine.moment_changed()
    kiosk.machine.playing_changed(False)
    assert kiosk.window.take() == [] and kiosk.machine.mode is Mode.ATTRACT and not kiosk.machine.visitor_present


def test_a_visitors_moments_are_views_only_while_present(kiosk):
    kiosk.machine.start()
    kiosk.machine.moment_changed()
    assert kiosk.window.take() == []  # the start state, nobody there
    kiosk.machine.activity()
    kiosk.machine.moment_changed()
    assert kiosk.window.take() == [("view_started",), ("view_started",)]


# -- a swallowed press covers one gesture only (issue 14, item 2) ------------------------------------

def test_a_lost_release_never_makes_the_kiosk_deaf(kiosk):
    """Shift held across the reset, then '1' wakes the loop; its release comes as another key."""
    kiosk.in_attract()
    assert kiosk.machine.press("key:!") is True
    kiosk.window.take()
    assert kiosk.machine.release("key:shift") is False  # not the swallowed key's
    assert kiosk.machine.release("key:1") is False
    assert kiosk.machine.is_swallowing()
    assert kiosk.machine.press(POINTER) is False  # a tap is a new gesture: handled at once
    assert not kiosk.machine.is_swallowing()
    assert kiosk.window.take() == [] and kiosk.machine.mode is Mode.ACTIVE


def test_a_held_swallowed_press_times_out(kiosk):
    kiosk.in_attract()
    assert kiosk.machine.press(POINTER) is True
    kiosk.run(SWALLOW_TIMEOUT_S - 0.001)
    assert kiosk.machine.is_swallowing()
    assert kiosk.machine.press(POINTER) is True  # Qt's mouse copy of the touch, a second finger: same gesture
    kiosk.run(0.001)
    assert not kiosk.machine.is_swallowing()
    assert kiosk.machine.release(POINTER) is False  # too late to be part of it
    assert kiosk.machine.press(POINTER) is False


def test_a_keys_auto_repeat_stays_swallowed_until_its_release(kiosk):
    kiosk.in_attract()
    assert kiosk.machine.press(0x31) is True
    kiosk.run(0.5)
    assert kiosk.machine.press(0x31) is True
    assert kiosk.machine.release(0x31) is True
    assert kiosk.machine.press(0x31) is False


def test_a_wheel_turn_wakes_the_loop_without_holding_anything(kiosk):
    kiosk.in_attract()
    assert kiosk.machine.press(WHEEL, expects_release=False) is True
    assert kiosk.machine.mode is Mode.ACTIVE and not kiosk.machine.is_swallowing()
    assert kiosk.machine.press(WHEEL, expects_release=False) is False


def test_a_press_held_into_still_there_still_wakes_it():
    kiosk = Kiosk(idle=0.5)
    kiosk.machine.start()
    kiosk.run(0.5)
    assert kiosk.machine.mode is Mode.ATTRACT
    assert kiosk.machine.press(7) is True
    kiosk.run(0.5)  # the key still held when "Still there?" comes
    assert kiosk.machine.mode is Mode.COUNTDOWN
    assert kiosk.machine.press(7) is True and kiosk.machine.mode is Mode.ACTIVE


# -- playing ------------------------------------------------------------------------------------------

def test_no_idle_time_while_the_story_plays(kiosk):
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.machine.playing_changed(True)
    assert kiosk.deadline is None and kiosk.machine.playing
    kiosk.machine.activity()
    kiosk.run(10 * IDLE)
    assert kiosk.machine.mode is Mode.ACTIVE
    kiosk.machine.playing_changed(False)
    assert kiosk.deadline == kiosk.clock.t + IDLE


def test_no_idle_time_while_a_recording_plays(kiosk):
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.machine.listening_changed(True)
    assert kiosk.deadline is None
    kiosk.run(10 * IDLE)
    assert kiosk.machine.mode is Mode.ACTIVE  # a long testimony is not cut by "Still there?"
    kiosk.machine.listening_changed(False)
    assert kiosk.deadline == kiosk.clock.t + IDLE
    kiosk.run(IDLE)
    assert kiosk.machine.mode is not Mode.ACTIVE  # and idle time counts again from its end


def test_stopping_play_during_the_reset_does_not_start_idle_time(kiosk):
    kiosk.window.on["reset_to_start"] = lambda: kiosk.machine.playing_changed(False)
    kiosk.machine.start()
    kiosk.run(IDLE)
    assert kiosk.machine.mode is Mode.ATTRACT and kiosk.deadline == pytest.approx(kiosk.clock.t + HOLD)


# -- the PIN pad ----------------------------------------------------------------------------------------

def test_the_staff_gesture_opens_the_pad_and_idle_closes_it(kiosk):
    kiosk.machine.start()
    kiosk.machine.press()
    kiosk.window.take()
    kiosk.machine.staff_gesture()
    assert kiosk.window.take() == [("open_pin_pad",), ("pin_message", "prompt", ()), ("mode_changed", Mode.PIN)]
    kiosk.machine.staff_gesture()  # already open
    assert kiosk.window.take() == []
    kiosk.run(IDLE - 1)
    kiosk.machine.press()  # a digit: activity
    assert kiosk.machine.mode is Mode.PIN
    kiosk.run(IDLE)
    assert kiosk.window.take() == [("close_pin_pad",), ("view_ended",), ("show_still_there", 10),
                                   ("mode_changed", Mode.COUNTDOWN)]


@pytest.mark.parametrize("where", ["attract", "countdown"])
def test_the_staff_gesture_hands_control_back_first(kiosk, where):
    kiosk.machine.start()
    if where == "attract":
        kiosk.run(IDLE)
        first = [("attract_interrupted",)]
    else:
        kiosk.machine.activity()
        kiosk.run(IDLE + 1)
        first = [("hide_still_there",)]
    kiosk.window.take()
    kiosk.machine.staff_gesture()
    assert kiosk.window.take() == [*first, ("view_started",), ("open_pin_pad",), ("pin_message", "prompt", ()),
                                   ("mode_changed", Mode.PIN)]
    assert kiosk.deadline == kiosk.clock.t + IDLE


def test_cancel_closes_the_pad(kiosk):
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    kiosk.window.take()
    kiosk.run(30)
    kiosk.machine.pin_cancelled()
    assert kiosk.window.take() == [("mode_changed", Mode.ACTIVE)]
    assert kiosk.deadline == kiosk.clock.t + IDLE
    kiosk.machine.pin_cancelled()
    assert kiosk.window.take() == []


def test_a_pad_that_reports_its_closing_on_idle_changes_nothing(kiosk):
    kiosk.window.on["close_pin_pad"] = lambda: kiosk.machine.pin_cancelled()
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.machine.staff_gesture()
    kiosk.window.take()
    kiosk.run(IDLE)
    assert kiosk.window.take() == [("close_pin_pad",), ("view_ended",), ("show_still_there", 10),
                                   ("mode_changed", Mode.COUNTDOWN)]


def test_wrong_pins_then_the_lock_counts_down_then_the_pad_opens_again(kiosk):
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    kiosk.window.take()
    kiosk.machine.pin_entered("1111")
    kiosk.machine.pin_entered("2222")
    assert kiosk.window.take() == [("pin_message", "wrong", (2,)), ("pin_message", "wrong", (1,))]
    kiosk.machine.pin_entered("3333")
    assert kiosk.window.take() == [("pin_message", "locked", (60,)), ("mode_changed", Mode.PIN_LOCKED)]
    assert "locked" in PIN_KEYS_OFF and "wrong" not in PIN_KEYS_OFF
    kiosk.machine.pin_entered("2468")  # nothing while locked
    assert kiosk.window.take() == []
    kiosk.run(0.999)
    assert kiosk.window.take() == []
    kiosk.run(0.001)
    assert kiosk.window.take() == [("pin_message", "locked", (59,))]
    kiosk.machine.activity()  # staff waiting, touching: the pad stays
    kiosk.run(58)
    assert kiosk.window.take() == [("pin_message", "locked", (n,)) for n in range(58, 0, -1)]
    kiosk.run(1)
    assert kiosk.window.take() == [("pin_message", "prompt", ()), ("mode_changed", Mode.PIN)]
    kiosk.machine.pin_entered("2468")
    assert kiosk.window.take() == [("close_pin_pad",), ("exit_for_staff",)]


def test_a_lock_from_before_opens_the_pad_locked(kiosk):
    kiosk.gate.locked_until = kiosk.clock.t + 30.5
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    assert kiosk.window.take() == [("open_pin_pad",), ("pin_message", "locked", (31,)),
                                   ("mode_changed", Mode.PIN_LOCKED)]
    kiosk.run(0.5)
    assert kiosk.window.take() == [("pin_message", "locked", (30,))]


def test_idle_closes_a_locked_pad_and_the_lock_stays():
    kiosk = Kiosk(lockout=600)
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.machine.staff_gesture()
    for pin in ("1", "2", "3"):
        kiosk.machine.pin_entered(pin)
    kiosk.window.take()
    kiosk.run(IDLE)
    calls = kiosk.window.take()
    assert calls[-4:] == [("close_pin_pad",), ("view_ended",), ("show_still_there", 10), ("mode_changed", Mode.COUNTDOWN)]
    assert all(c[0] == "pin_message" for c in calls[:-4])
    kiosk.machine.press()
    kiosk.machine.release()
    kiosk.machine.staff_gesture()
    assert kiosk.machine.mode is Mode.PIN_LOCKED


def test_without_a_pin_hash_the_pad_only_says_so():
    kiosk = Kiosk(gate_enabled=False)
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    assert kiosk.window.take() == [("open_pin_pad",), ("pin_message", "disabled", ()), ("mode_changed", Mode.PIN)]
    assert "disabled" in PIN_KEYS_OFF
    kiosk.machine.pin_entered("2468")
    assert kiosk.window.take() == []


def test_after_the_right_pin_nothing_more_happens(kiosk):
    kiosk.window.on["close_pin_pad"] = lambda: kiosk.machine.pin_cancelled()
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    kiosk.machine.pin_entered("2468")
    kiosk.window.take()
    assert kiosk.machine.finished and kiosk.deadline is None
    kiosk.machine.press()
    kiosk.machine.activity()
    kiosk.machine.staff_gesture()
    kiosk.machine.playing_changed(False)
    kiosk.machine.moment_changed()
    kiosk.run(10 * IDLE)
    assert kiosk.window.take() == []


def test_the_real_gate_locks_the_machine(kiosk):
    from chronomap.kiosk.pin import PinGate, hash_pin

    gate = PinGate(hash_pin("2468"), attempts=1, lockout_seconds=5, clock=kiosk.clock.now)
    kiosk.machine.gate = gate
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    kiosk.machine.pin_entered("1111")
    assert kiosk.machine.mode is Mode.PIN_LOCKED
    kiosk.run(5)
    assert kiosk.machine.mode is Mode.PIN


# -- the one timer -------------------------------------------------------------------------------------

def test_a_timer_that_fires_early_is_armed_again(kiosk):
    kiosk.machine.start()
    told = len(kiosk.window.deadlines)
    kiosk.clock.advance(IDLE - 0.004)  # a coarse QTimer may fire a little early
    kiosk.machine.tick()
    assert len(kiosk.window.deadlines) == told + 1 and kiosk.deadline == kiosk.machine.next_deadline()
    assert kiosk.window.take() == []


def test_a_late_tick_still_shows_the_whole_countdown(kiosk):
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.window.take()
    kiosk.clock.advance(IDLE + 60)  # the GUI thread was busy for a minute
    kiosk.machine.tick()
    assert kiosk.window.take() == [("view_ended",), ("show_still_there", 10), ("mode_changed", Mode.COUNTDOWN)]
    assert kiosk.deadline == kiosk.clock.t + 1


def test_the_deadline_is_told_only_when_it_moves(kiosk):
    kiosk.machine.start()
    told = len(kiosk.window.deadlines)
    kiosk.machine.release()
    kiosk.machine.activity()  # the same instant: the same deadline
    assert len(kiosk.window.deadlines) == told
    kiosk.clock.advance(0.01)
    kiosk.machine.activity()
    assert kiosk.deadline == kiosk.clock.t + IDLE


def test_a_day_on_the_floor_in_milliseconds(kiosk):
    """Visitors come and go for a simulated day; the machine never stalls and never goes deaf."""
    kiosk.machine.start()
    for hour in range(24):
        kiosk.run(1800)  # nobody: attract
        assert kiosk.machine.mode is Mode.ATTRACT
        assert kiosk.machine.press() is True
        if hour % 3 == 0:
            continue  # the release is lost
        kiosk.machine.release()
        for _ in range(20):
            kiosk.run(15)
            assert kiosk.machine.press() is False
            kiosk.machine.release()
        kiosk.run(IDLE + COUNTDOWN)
    assert kiosk.deadline is not None


def test_idle_now_asks_still_there_when_someone_was_there(kiosk):
    kiosk.machine.start()
    kiosk.machine.activity()
    kiosk.window.take()
    kiosk.machine.idle_now()
    assert kiosk.window.take() == [("view_ended",), ("show_still_there", 10), ("mode_changed", Mode.COUNTDOWN)]
    kiosk.machine.idle_now()  # already counting down: nothing more
    assert kiosk.window.take() == []


def test_attract_now_closes_whatever_is_open_and_resets(kiosk):
    kiosk.machine.start()
    kiosk.machine.staff_gesture()
    kiosk.window.take()
    kiosk.machine.attract_now()
    assert kiosk.window.take() == [("close_pin_pad",), ("view_ended",), ("reset_to_start",), ("attract_started",),
                                   ("mode_changed", Mode.ATTRACT)]
    assert kiosk.machine.mode is Mode.ATTRACT and not kiosk.machine.visitor_present
    assert kiosk.deadline == pytest.approx(kiosk.clock.t + HOLD)
    kiosk.machine.press()
    kiosk.machine.release()
    kiosk.machine.idle_now()
    kiosk.window.take()
    kiosk.machine.attract_now()  # from "Still there?"
    assert kiosk.window.take()[0] == ("hide_still_there",)
    assert kiosk.machine.mode is Mode.ATTRACT


def test_the_machine_needs_no_qt():
    result = run_without_qt("""
import sys
from chronomap.kiosk.modes import ModeMachine, MonotonicClock, Mode
class Listener:
    def __getattr__(self, name):
        return lambda *args: None
class Gate:
    enabled = False
    attempts_left = 0
    def seconds_locked(self): return 0.0
    def check(self, pin): return False
m = ModeMachine(Listener(), MonotonicClock(), idle_seconds=0, countdown_seconds=3, hold=lambda: 8, gate=Gate())
m.start(); m.tick()
assert m.mode is Mode.ATTRACT and m.press() is True
assert not any(name.startswith(('PySide6', 'shiboken6')) for name in sys.modules)
print('modes-without-qt-ok')
""")
    assert result.returncode == 0, result.stderr
    assert "modes-without-qt-ok" in result.stdout
