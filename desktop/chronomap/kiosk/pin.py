"""The staff PIN: stored only as a salted scrypt hash, checked in constant time.

``chronomap kiosk-pin`` (:func:`pin_main`) asks for a PIN twice and prints the
line to put in the kiosk's TOML file::

    pin_hash = "scrypt$<salt-hex>$<hash-hex>"

Each hash gets its own random salt, so two kiosks with the same PIN store
different hashes. :class:`PinGate` counts wrong attempts and locks the pad for
a while after too many; each further lockout is twice as long (up to
:data:`MAX_LOCKOUT_SECONDS`) until the right PIN is entered, and the count and
the lock are kept in a small JSON file so a restart forgets neither (issue 14,
item 5: a fixed lockout forgotten on restart lets a 4-digit PIN be found in
days). No Qt here.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import logging
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from chronomap.atomic import write_text_atomic
from chronomap.errors import UsageError, report

log = logging.getLogger("chronomap.kiosk")

SCHEME = "scrypt"
SALT_BYTES = 16
# scrypt cost: 16 MiB and about 50 ms per check on a small PC; a PIN pad is slow anyway.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
#: Shorter PINs are accepted, with a warning: 6 digits are a million tries, not ten thousand.
PIN_SUGGESTED_DIGITS = 6
#: Lockouts double up to this (seconds).
MAX_LOCKOUT_SECONDS = 3600.0
#: The gate's state file, in the kiosk's state folder (beside its logs).
PIN_STATE_FILE = "kiosk-pin-state.json"
STATE_VERSION = 1


class PinError(ValueError):
    """A PIN that cannot be used (not digits, too short or long)."""


def check_pin_format(pin: str) -> None:
    if not pin.isascii() or not pin.isdigit():
        raise PinError("a PIN is digits only (the kiosk's PIN pad has no letters)")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinError(f"a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits; this one has {len(pin)}")


def _derive(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES)


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``"scrypt$<salt-hex>$<hash-hex>"`` for *pin* with a fresh random salt."""
    check_pin_format(pin)
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    if len(salt) != SALT_BYTES:
        raise ValueError(f"salt must be {SALT_BYTES} bytes")
    return f"{SCHEME}${salt.hex()}${_derive(pin, salt).hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether *pin* matches *stored* (a :func:`hash_pin` result); False for anything malformed."""
    try:
        scheme, salt_hex, hash_hex = stored.split("$")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except (AttributeError, ValueError):
        return False
    if scheme != SCHEME or len(salt) != SALT_BYTES or len(expected) != HASH_BYTES:
        return False
    try:
        candidate = _derive(pin, salt)
    except (UnicodeEncodeError, ValueError):
        return False
    return hmac.compare_digest(candidate, expected)


def pin_state_file(state_dir: Path) -> Path:
    """Where a kiosk whose state folder (log folder) is *state_dir* keeps its PIN lockout."""
    return Path(state_dir) / PIN_STATE_FILE


class PinGate:
    """Wrong attempts in a row lock the gate for a while; a right PIN resets the count.

    After *attempts* wrong PINs the gate locks for *lockout_seconds*; every further
    lockout before a right PIN is twice as long, up to *max_lockout_seconds*.
    With *state_file* the count and the lock survive a restart (written atomically
    after every change; a file that cannot be read or written is logged and the
    gate carries on in memory).

    *clock* is a monotonic clock in seconds (injected by tests); *wall* is the
    time of day in seconds, used only to carry a lock across a restart.
    """

    def __init__(self, stored_hash: str, attempts: int = 3, lockout_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic, *, state_file: Path | None = None,
                 wall: Callable[[], float] = time.time, max_lockout_seconds: float = MAX_LOCKOUT_SECONDS):
        self.stored_hash = stored_hash
        self.attempts = attempts
        self.lockout_seconds = lockout_seconds
        self.max_lockout_seconds = max(float(max_lockout_seconds), float(lockout_seconds))
        self.state_file = Path(state_file) if state_file is not None else None
        self._clock = clock
        self._wall = wall
        self._failures = 0
        self._lockouts = 0  # lockouts since the last right PIN: the next one lasts base × 2**this
        self._locked_until: float | None = None  # on *clock*
        self._locked_for = 0.0
        self._load()

    @property
    def enabled(self) -> bool:
        return bool(self.stored_hash)

    @property
    def lockouts(self) -> int:
        """Lockouts since the last right PIN."""
        return self._lockouts

    def next_lockout_seconds(self) -> float:
        """How long the next lockout will last."""
        return min(self.max_lockout_seconds, float(self.lockout_seconds) * 2.0 ** min(self._lockouts, 64))

    def seconds_locked(self) -> float:
        """Seconds left of a lockout (0 when open)."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self._failures = 0
            self._save()
            return 0.0
        return left

    @property
    def attempts_left(self) -> int:
        return max(0, self.attempts - self._failures)

    def check(self, pin: str) -> bool:
        """True for the right PIN when not locked; a wrong one counts towards a lockout."""
        if not self.enabled or self.seconds_locked() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            if self._failures or self._lockouts:
                log.info("right staff PIN after %d lockout(s); the lockout count starts again", self._lockouts)
            self._failures = 0
            self._lockouts = 0
            self._save()
            return True
        self._failures += 1
        if self._failures >= self.attempts:
            self._locked_for = self.next_lockout_seconds()
            self._locked_until = self._clock() + self._locked_for
            self._lockouts += 1
            log.warning("staff PIN pad locked for %d s after %d wrong PINs (lockout %d since the last right PIN)",
                        math.ceil(self._locked_for), self._failures, self._lockouts)
        self._save()
        return False

    # -- the state file --------------------------------------------------------------------
    def _load(self) -> None:
        if self.state_file is None:
            return
        try:
            text = self.state_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            log.error("PIN lockout state %s cannot be read (%s); starting without it", self.state_file, exc)
            return
        try:
            data = json.loads(text)
            failures = int(data.get("failures", 0))
            lockouts = int(data.get("lockouts", 0))
            until = data.get("locked_until")
            locked_for = float(data.get("locked_for", 0.0))
        except (ValueError, TypeError, AttributeError) as exc:
            log.error("PIN lockout state %s is not valid (%s); starting without it", self.state_file, exc)
            return
        self._failures = max(0, min(failures, self.attempts))
        self._lockouts = max(0, min(lockouts, 64))
        if until is not None:
            try:
                # never longer than the lock that was given, even if the time of day went back
                left = min(float(until) - self._wall(), locked_for, self.max_lockout_seconds)
            except (TypeError, ValueError):
                left = 0.0
            if math.isfinite(left) and left > 0:
                self._locked_for = locked_for
                self._locked_until = self._clock() + left
                log.warning("staff PIN pad still locked for %d s (lockout %d, kept across a restart)",
                            math.ceil(left), self._lockouts)
            else:
                self._failures = 0
        if self._failures >= self.attempts and self._locked_until is None:
            self._failures = 0

    def _save(self) -> None:
        if self.state_file is None:
            return
        left = 0.0 if self._locked_until is None else max(0.0, self._locked_until - self._clock())
        data = {
            "version": STATE_VERSION,
            "failures": self._failures,
            "lockouts": self._lockouts,
            "locked_until": round(self._wall() + left, 3) if left > 0 else None,
            "locked_for": self._locked_for if left > 0 else 0.0,
        }
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.state_file, json.dumps(data) + "\n")
        except OSError as exc:
            log.error("PIN lockout state cannot be written to %s (%s); it is kept until restart only",
                      self.state_file, exc)


def _read_secret(prompt: str, ask: Callable[[str], str]) -> str:
    if sys.stdin is not None and not sys.stdin.isatty() and ask is getpass.getpass:
        # piped in (printf '1234\n1234\n' | chronomap kiosk-pin): read lines without echo warnings
        print(prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        print(file=sys.stderr)
        if not line:
            raise EOFError
        return line.rstrip("\r\n")
    return ask(prompt)


def pin_main(argv: Sequence[str] | None = None, *, ask: Callable[[str], str] = getpass.getpass, out=None) -> int:
    """``chronomap kiosk-pin``: read a PIN twice, print the ``pin_hash = …`` line. Exit 0, or what
    :func:`chronomap.errors.report` says for the refusal (2; Ctrl-C 130)."""
    out = sys.stdout if out is None else out
    argv = list(argv or [])
    if argv and argv[0] in ("-h", "--help"):
        print("usage: chronomap kiosk-pin\n\nAsks for the staff PIN twice (digits, "
              f"{PIN_MIN_DIGITS}–{PIN_MAX_DIGITS}) and prints the pin_hash line for the kiosk's TOML file.", file=out)
        return 0
    if argv:
        return report(UsageError(f"kiosk-pin takes no arguments (found {argv[0]!r}); the PIN is asked for, "
                                 "never given on the command line"))
    try:
        first = _read_secret("New staff PIN: ", ask)
        check_pin_format(first)
        if len(first) < PIN_SUGGESTED_DIGITS:
            print(f"warning: a {len(first)}-digit PIN is quick to guess; {PIN_SUGGESTED_DIGITS} digits or more "
                  f"are suggested (press Ctrl+C and start again for a longer one)", file=sys.stderr)
        second = _read_secret("Same PIN again: ", ask)
    except PinError as exc:
        return report(UsageError(str(exc)))
    except EOFError:
        return report(UsageError("no PIN given"))
    except KeyboardInterrupt as exc:
        return report(exc)
    if not hmac.compare_digest(first.encode(), second.encode()):
        return report(UsageError("the two PINs differ; nothing was written"))
    print(f'pin_hash = "{hash_pin(first)}"', file=out)
    return 0
