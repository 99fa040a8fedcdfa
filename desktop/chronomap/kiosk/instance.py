"""One kiosk per user and display: an advisory lock taken before Qt starts.

Why (issue 14, item 7): a second kiosk started on the same display ran on top
of the first and wrote the same log and statistics files. The first kiosk
holds an ``fcntl.flock`` on a small file named after the user and the display
(``$XDG_RUNTIME_DIR``, else the kiosk's state folder); a second one finds it
held and stops with one line naming the first one's process id. The kernel
drops the lock when the process ends, however it ends, so a crash never leaves
a stale lock behind. No Qt here.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Mapping
from pathlib import Path

from chronomap.errors import ChronomapError

LOCK_PREFIX = "chronomap-kiosk"


class AlreadyRunning(ChronomapError, RuntimeError):
    """Another kiosk holds the lock; ``str()`` is the one line to print."""

    def __init__(self, pid: int | None, path: Path):
        self.pid = pid
        self.path = path
        super().__init__(f"another kiosk is running on this display (pid {pid if pid is not None else 'unknown'})")


def display_keys(environ: Mapping[str, str]) -> list[str]:
    """The displays this process would show on: Wayland's and X11's (cage may set both), or none."""
    keys = []
    if environ.get("WAYLAND_DISPLAY"):
        keys.append("wayland-" + environ["WAYLAND_DISPLAY"])
    if environ.get("DISPLAY"):
        keys.append("x11-" + environ["DISPLAY"])
    return keys or ["no-display"]


def lock_dir(state_dir: Path, environ: Mapping[str, str]) -> Path:
    """``$XDG_RUNTIME_DIR`` (private to the user, emptied at logout) when usable, else *state_dir*."""
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime)
    return Path(state_dir)


def lock_paths(state_dir: Path, environ: Mapping[str, str] | None = None, uid: int | None = None) -> list[Path]:
    """One lock file per display key, named after the user too (a shared fallback folder stays per-user)."""
    environ = os.environ if environ is None else environ
    uid = os.getuid() if uid is None else uid
    folder = lock_dir(state_dir, environ)
    return [folder / f"{LOCK_PREFIX}-{uid}-{re.sub(r'[^A-Za-z0-9._-]', '_', key)}.lock" for key in display_keys(environ)]


class InstanceLock:
    """The held locks; keep the object for the life of the kiosk (:meth:`release` at the end)."""

    def __init__(self) -> None:
        self._fds: list[int] = []
        self.paths: list[Path] = []

    @property
    def held(self) -> bool:
        return bool(self._fds)

    def acquire(self, paths: list[Path]) -> None:
        """Take every lock in *paths*, or none: :class:`AlreadyRunning` if one is held elsewhere.
        A lock file that cannot be made (a read-only folder) is skipped: better a kiosk than none."""
        for path in paths:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                pid = _read_pid(fd)
                os.close(fd)
                self.release()
                raise AlreadyRunning(pid, path) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            self._fds.append(fd)
            self.paths.append(path)

    def release(self) -> None:
        for fd in self._fds:
            try:
                os.ftruncate(fd, 0)
            except OSError:
                pass
            os.close(fd)  # closing drops the flock
        self._fds = []
        self.paths = []


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def hold_instance_lock(state_dir: Path, environ: Mapping[str, str] | None = None) -> InstanceLock:
    """The lock for this user and display, held; :class:`AlreadyRunning` when another kiosk has it."""
    lock = InstanceLock()
    lock.acquire(lock_paths(state_dir, environ))
    return lock
