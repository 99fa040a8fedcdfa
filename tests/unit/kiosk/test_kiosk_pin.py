"""The staff PIN: salted scrypt hashes, never clear text; wrong PINs lock the pad for a while (no Qt)."""

from __future__ import annotations

import io

import pytest

from chronomap.kiosk.config import KioskConfig, validate
from chronomap.kiosk.pin import PinError, PinGate, hash_pin, pin_main, verify_pin


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
    assert pin_main([], ask=answers("2468", "2469"), out=out) == 1
    assert "differ" in capsys.readouterr().err
    assert pin_main([], ask=answers("12"), out=out) == 2
    assert "4 to 12 digits" in capsys.readouterr().err
    assert pin_main(["2468"], ask=answers(), out=out) == 2
    assert "never given on the command line" in capsys.readouterr().err

    def interrupted(prompt):
        raise KeyboardInterrupt

    assert pin_main([], ask=interrupted, out=out) == 1
    assert out.getvalue() == ""


def test_pin_main_reads_a_pipe(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n2468\n"))
    out = io.StringIO()
    assert pin_main([], out=out) == 0
    assert verify_pin("2468", out.getvalue().split('"')[1])
