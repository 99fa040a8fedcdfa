"""systemd's notification protocol, written directly (a datagram on a UNIX socket).

With ``Type=notify`` and ``WatchdogSec=`` in the unit, systemd sets
``NOTIFY_SOCKET`` (a path, or ``@name`` for the abstract namespace) and
``WATCHDOG_USEC``; the kiosk sends ``READY=1`` once the map is up and
``WATCHDOG=1`` from the GUI thread at half the watchdog period, so a frozen
event loop gets the service restarted. No Qt here; outside systemd every call
is a harmless no-op.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger("chronomap.kiosk")


def _address(environ: Mapping[str, str]) -> str | bytes | None:
    target = environ.get("NOTIFY_SOCKET", "")
    if not target:
        return None
    if target.startswith("@"):
        return b"\0" + target[1:].encode()
    if target.startswith("/"):
        return target
    return None  # vsock and other transports are not used on a kiosk


def sd_notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send *message* (e.g. ``"READY=1"``) to systemd; False when not under systemd or it failed."""
    environ = os.environ if environ is None else environ
    address = _address(environ)
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
        return True
    except OSError as exc:
        log.warning("sd_notify %r failed: %s", message.split("\n", 1)[0], exc)
        return False


def watchdog_interval_ms(environ: Mapping[str, str] | None = None) -> int | None:
    """Half of ``WATCHDOG_USEC`` in ms when the watchdog is meant for this process (or its parent,
    the compositor it runs in), else None."""
    environ = os.environ if environ is None else environ
    usec = environ.get("WATCHDOG_USEC", "")
    pid = environ.get("WATCHDOG_PID", "")
    # The watchdog is meant for the service's main process; under `cage` that is the compositor,
    # whose only child is the kiosk, so the parent's pid counts as ours.
    if pid and pid not in (str(os.getpid()), str(os.getppid())):
        return None
    try:
        value = int(usec)
    except ValueError:
        return None
    if value <= 0:
        return None
    return max(1, value // 2000)
