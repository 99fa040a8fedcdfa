"""The staff PIN: stored only as a salted scrypt hash, checked in constant time.

``chronomap kiosk-pin`` (:func:`pin_main`) asks for a PIN twice and prints the
line to put in the kiosk's TOML file::

    pin_hash = "scrypt$<salt-hex>$<hash-hex>"

Each hash gets its own random salt, so two kiosks with the same PIN store
different hashes. :class:`PinGate` counts wrong attempts and locks the pad for
a while after too many. No Qt here.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import sys
import time
from collections.abc import Callable, Sequence

SCHEME = "scrypt"
SALT_BYTES = 16
# scrypt cost: 16 MiB and about 50 ms per check on a small PC; a PIN pad is slow anyway.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12


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


class PinGate:
    """Wrong attempts in a row lock the gate for a while; a right PIN resets the count.

    *clock* is a monotonic clock in seconds (injected by tests).
    """

    def __init__(self, stored_hash: str, attempts: int = 3, lockout_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.stored_hash = stored_hash
        self.attempts = attempts
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.stored_hash)

    def seconds_locked(self) -> float:
        """Seconds left of a lockout (0 when open)."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self._failures = 0
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
            self._failures = 0
            return True
        self._failures += 1
        if self._failures >= self.attempts:
            self._locked_until = self._clock() + self.lockout_seconds
        return False


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
    """``chronomap kiosk-pin``: read a PIN twice, print the ``pin_hash = …`` line. Exit 0, 1 or 2."""
    out = sys.stdout if out is None else out
    argv = list(argv or [])
    if argv and argv[0] in ("-h", "--help"):
        print("usage: chronomap kiosk-pin\n\nAsks for the staff PIN twice (digits, "
              f"{PIN_MIN_DIGITS}–{PIN_MAX_DIGITS}) and prints the pin_hash line for the kiosk's TOML file.", file=out)
        return 0
    if argv:
        print(f"error: kiosk-pin takes no arguments (found {argv[0]!r}); the PIN is asked for, never given on the command line",
              file=sys.stderr)
        return 2
    try:
        first = _read_secret("New staff PIN: ", ask)
        check_pin_format(first)
        second = _read_secret("Same PIN again: ", ask)
    except PinError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("error: no PIN given", file=sys.stderr)
        return 1
    if not hmac.compare_digest(first.encode(), second.encode()):
        print("error: the two PINs differ; nothing was written", file=sys.stderr)
        return 1
    print(f'pin_hash = "{hash_pin(first)}"', file=out)
    return 0
