"""The staff PIN: salted scrypt hashes, never clear text; wrong PINs lock the pad for a while (no Qt)."""

from __future__ import annotations

import io
import json
import logging

import pytest

from chronomap.kiosk.config import KioskConfig, validate
from chronomap.kiosk.pin import PIN_STATE_FILE, PinError, PinGate, hash_pin, pin_main, pin_state_file, verify_pin


def test_hash_format_and_check():
    stored = hash_pin("2468")
    scheme, salt, digest = stored.split("$")
    assert scheme == "scrypt" and len(salt) == 32 and len(digest) == 64
    # the PIN itself is nowhere in what is stored (a fixed salt: random hex may hold "2468" by chance)
    assert "2468" not in hash_pin("2468", salt=bytes(16))
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)


def test_each_hash_has_its_own_salt():
    a, b = hash_pin("2468"), hash_pin("2468")
    assert a != b
    assert verify_pin("2468", a) and verify_pin("2468", b)
    assert hash_pin("2468", salt=bytes(16)) == hash_pin("2468", salt=bytes(16))


@pytest.mark.parametrize("stored", ["", "1234", "scrypt$zz$zz", "md5$" + "0" * 32 + "$" + "0" * 64, "scrypt$00$" + "0" * 64, None])
def test_malformed_hashes_never_match(stored):
    assert verify_pin("1234", stored) is False


@pytest.mark.parametrize("pin", ["123", "12a4", "1234567890123", "", "１２３４"])
def test_pins_are_4_to_12_digits(pin):
    with pytest.raises(PinError):
        hash_pin(pin)


def test_a_hash_is_a_valid_pin_hash_setting():
    assert validate({"pin_hash": hash_pin("2468")}, "kiosk.toml").pin_hash.startswith("scrypt$")


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_gate_locks_after_three_wrong_pins_then_opens_again():
    clock = Clock()
    gate = PinGate(hash_pin("2468"), attempts=3, lockout_seconds=60, clock=clock)
    assert gate.enabled and gate.attempts_left == 3
    assert not gate.check("1111") and gate.attempts_left == 2
    assert not gate.check("2222") and gate.attempts_left == 1
    assert gate.seconds_locked() == 0
    assert not gate.check("3333")
    assert gate.seconds_locked() == 60
    assert not gate.check("2468")  # locked: even the right PIN is refused
    clock.now += 59
    assert not gate.check("2468")
    clock.now += 1.5
    assert gate.seconds_locked() == 0 and gate.attempts_left == 3
    assert gate.check("2468")


def test_a_right_pin_resets_the_count():
    gate = PinGate(hash_pin("2468"), attempts=3, clock=Clock())
    gate.check("1111")
    gate.check("1111")
    assert gate.check("2468")
    assert gate.attempts_left == 3


def test_no_pin_hash_means_no_staff_exit():
    gate = PinGate(KioskConfig().pin_hash)
    assert not gate.enabled
    assert not gate.check("")
    assert not gate.check("1234")


def answers(*values):
    it = iter(values)
    return lambda prompt: next(it)


def test_pin_main_prints_the_line_for_the_config(capsys):
    out = io.StringIO()
    assert pin_main([], ask=answers("2468", "2468"), out=out) == 0
    line = out.getvalue().strip()
    assert line.startswith('pin_hash = "scrypt$') and line.endswith('"')
    stored = line.split('"')[1]
    assert verify_pin("2468", stored)
    assert "2468" not in out.getvalue() + capsys.readouterr().err


def test_pin_main_refuses_mismatches_bad_pins_and_arguments(capsys):
    out = io.StringIO()
    assert pin_main([], ask=answers("2468", "2469"), out=out) == 2
    assert "differ" in capsys.readouterr().err
    assert pin_main([], ask=answers("12"), out=out) == 2
    assert "4 to 12 digits" in capsys.readouterr().err
    assert pin_main(["2468"], ask=answers(), out=out) == 2
    assert "never given on the command line" in capsys.readouterr().err

    def interrupted(prompt):
        raise KeyboardInterrupt

    assert pin_main([], ask=interrupted, out=out) == 130
    assert out.getvalue() == ""


def test_pin_main_reads_a_pipe(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n2468\n"))
    out = io.StringIO()
    assert pin_main([], out=out) == 0
    assert verify_pin("2468", out.getvalue().split('"')[1])


# -- lockouts grow, persist and are logged (issue 14, item 5) -----------------------------------------

class Wall:
    """The time of day (seconds), moved by the tests with the monotonic clock."""

    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self):
        return self.now


def lock_out(gate: PinGate, attempts: int = 3) -> None:
    for _ in range(attempts):
        assert not gate.check("1111")


def wait(clock: Clock, wall: Wall, seconds: float) -> None:
    clock.now += seconds
    wall.now += seconds


def test_each_further_lockout_is_twice_as_long_up_to_an_hour(caplog):
    clock = Clock()
    gate = PinGate(hash_pin("2468"), attempts=3, lockout_seconds=60, clock=clock)
    expected = [60, 120, 240, 480, 960, 1920, 3600, 3600]
    seen = []
    with caplog.at_level(logging.WARNING, logger="chronomap.kiosk"):
        for _ in expected:
            lock_out(gate)
            seen.append(gate.seconds_locked())
            assert gate.attempts_left == 0
            clock.now += seen[-1] - 0.5
            assert not gate.check("2468")  # even the right PIN waits for the end of the lock
            clock.now += 0.5
            assert gate.seconds_locked() == 0 and gate.attempts_left == 3
    assert seen == expected
    assert caplog.text.count("staff PIN pad locked for") == len(expected)
    assert "locked for 120 s after 3 wrong PINs (lockout 2 " in caplog.text


def test_only_a_right_pin_starts_the_lockouts_again():
    clock = Clock()
    gate = PinGate(hash_pin("2468"), attempts=2, lockout_seconds=10, clock=clock)
    lock_out(gate, 2)
    clock.now += 10
    lock_out(gate, 2)
    assert gate.seconds_locked() == 20
    clock.now += 20
    assert not gate.check("1111")
    assert gate.check("2468")
    assert gate.lockouts == 0 and gate.attempts_left == 2
    lock_out(gate, 2)
    assert gate.seconds_locked() == 10


def test_a_restart_forgets_neither_the_lock_nor_the_count(tmp_path):
    clock, wall = Clock(), Wall()
    state = tmp_path / "state" / "kiosk-pin-state.json"
    gate = PinGate(hash_pin("2468"), 3, 60, clock, state_file=state, wall=wall)
    lock_out(gate)
    wait(clock, wall, 20)
    # the kiosk restarts: a new process, a new monotonic clock
    clock2 = Clock()
    clock2.now = 5.0
    again = PinGate(gate.stored_hash, 3, 60, clock2, state_file=state, wall=wall)
    assert again.seconds_locked() == 40
    assert not again.check("2468")
    clock2.now += 40
    wall.now += 40
    assert again.seconds_locked() == 0
    assert not again.check("1111")
    third = PinGate(gate.stored_hash, 3, 60, clock2, state_file=state, wall=wall)
    assert third.attempts_left == 2  # the wrong try before the restart still counts
    lock_out(third, 2)
    assert third.seconds_locked() == 120  # the second lockout, although the process is new
    json.loads(state.read_text())  # a whole JSON file, always


def test_a_clock_set_back_never_lengthens_a_lock(tmp_path):
    clock, wall = Clock(), Wall()
    state = tmp_path / "pin.json"
    gate = PinGate(hash_pin("2468"), 1, 60, clock, state_file=state, wall=wall)
    lock_out(gate, 1)
    wall.now -= 10 * 86400
    assert PinGate(gate.stored_hash, 1, 60, Clock(), state_file=state, wall=wall).seconds_locked() == 60


@pytest.mark.parametrize("content", ["{broken", "[]", '{"failures": "many"}', "\xff"])
def test_a_damaged_state_file_is_logged_and_the_gate_works(tmp_path, caplog, content):
    state = tmp_path / "pin.json"
    state.write_bytes(content.encode("latin-1"))
    with caplog.at_level(logging.ERROR, logger="chronomap.kiosk"):
        gate = PinGate(hash_pin("2468"), 3, 60, Clock(), state_file=state, wall=Wall())
    assert "PIN lockout state" in caplog.text
    assert gate.attempts_left == 3 and gate.check("2468")


def test_an_unwritable_state_file_is_logged_and_the_lock_holds(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    clock = Clock()
    gate = PinGate(hash_pin("2468"), 1, 60, clock, state_file=blocker / "pin.json", wall=Wall())
    with caplog.at_level(logging.ERROR, logger="chronomap.kiosk"):
        lock_out(gate, 1)
    assert "cannot be written" in caplog.text and gate.seconds_locked() == 60


def test_the_state_file_is_beside_the_logs(tmp_path):
    assert pin_state_file(tmp_path) == tmp_path / PIN_STATE_FILE


def test_pin_main_warns_about_a_short_pin(capsys):
    out = io.StringIO()
    assert pin_main([], ask=answers("2468", "2468"), out=out) == 0
    err = capsys.readouterr().err
    assert "warning: a 4-digit PIN is quick to guess; 6 digits or more are suggested" in err
    assert out.getvalue().startswith('pin_hash = "scrypt$')
    assert pin_main([], ask=answers("246813", "246813"), out=io.StringIO()) == 0
    assert "warning" not in capsys.readouterr().err
