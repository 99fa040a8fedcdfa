"""Native noise to a log file, the terminal kept for what the user must read.

Qt WebEngine's Chromium, its render processes and Qt's own graphics back ends
write straight to file descriptor 2 ("QRhiGles2: Failed to create context",
"Failed to connect to the bus …"): harmless on a machine with no GPU or D-Bus,
but a command-line export that prints it buries its one line of result or
refusal. :func:`route_native_stderr` points descriptor 2 (inherited by every
child process) at a log file and gives Python's ``sys.stderr`` a fresh handle on
the terminal, so messages written through Python still reach the user.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chronomap.user_dirs import state_dir

#: A log larger than this is started afresh rather than appended to.
MAX_LOG_BYTES = 2_000_000


def default_log_path(name: str) -> Path:
    """``$XDG_STATE_HOME/chronomap/<name>.log`` (``~/.local/state`` by default)."""
    return state_dir(f"{name}.log")


def _open_log(path: Path) -> int | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            flags |= os.O_TRUNC
        return os.open(path, flags, 0o600)
    except OSError:
        return None


@contextmanager
def route_native_stderr(log_path: Path) -> Iterator[Path | None]:
    """Inside the block, native writes to stderr land in *log_path*; Python's ``sys.stderr``
    still reaches the terminal. Yields the log's path, or None when it cannot be opened (then
    nothing is changed: noise on the terminal beats losing a refusal)."""
    log_fd = _open_log(log_path)
    if log_fd is None:
        yield None
        return
    saved_fd = os.dup(2)
    saved_stderr = sys.stderr
    try:
        sys.stderr.flush()
        terminal = io.TextIOWrapper(os.fdopen(os.dup(saved_fd), "wb", buffering=0), encoding="utf-8",
                                    errors="backslashreplace", line_buffering=True, write_through=True)
        os.dup2(log_fd, 2)
        sys.stderr = terminal
        try:
            yield log_path
        finally:
            terminal.flush()
            sys.stderr = saved_stderr
            os.dup2(saved_fd, 2)
            terminal.close()
    finally:
        os.close(saved_fd)
        os.close(log_fd)
