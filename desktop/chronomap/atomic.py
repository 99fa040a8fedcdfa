"""Atomic file writes: a temporary file in the same folder, flushed, checked, then renamed.

A failure part-way — a full disk, a folder that went away, Ctrl-C — never leaves
a half-written file where a good one stood, nor a temporary file beside it: the
old file (if any) is untouched and the failure is one :class:`WriteError` line
naming the file that was asked for (never the hidden temporary name).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from chronomap.errors import WriteError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _refusal(path: Path, exc: OSError) -> WriteError:
    return WriteError(f"{path}: cannot be written ({exc.strerror or exc}); nothing was changed there")


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of *data* to *fd*, or an OSError (ENOSPC on a full disk)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; a file system that cannot sync a folder is no reason to fail."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temporary(path: Path, suffix: str) -> tuple[int, Path]:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise _refusal(path, exc) from None
    return fd, Path(name)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """*data* as *path*: written, synced, read back and compared, then renamed over the old file."""
    path = Path(path)
    fd, tmp = _temporary(path, ".tmp")
    try:
        try:
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would make exports private
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if tmp.read_bytes() != data:
            raise WriteError(f"{path}: cannot be written (what was read back differs from what was written); "
                             "nothing was changed there")
        os.replace(tmp, path)
    except OSError as exc:
        raise _refusal(path, exc) from None
    finally:
        tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def replaced_on_success(path: Path, verify: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """A temporary path beside *path* (same suffix) for a writer that wants a file name.

    When the block ends without an error, the file is synced and checked — not empty, and
    *verify* (a decode of the result, say) raises nothing — and only then replaces *path*;
    otherwise it is removed. An OSError (a full disk) becomes a :class:`WriteError` naming *path*.
    """
    path = Path(path)
    fd, tmp = _temporary(path, path.suffix)
    os.close(fd)
    try:
        try:
            yield tmp
            with tmp.open("rb") as handle:
                os.fsync(handle.fileno())
            if tmp.stat().st_size == 0:
                raise WriteError(f"{path}: cannot be written (the result was empty); nothing was changed there")
            if verify is not None:
                verify(tmp)
            tmp.chmod(0o666 & ~_umask())
            os.replace(tmp, path)
        except OSError as exc:
            raise _refusal(path, exc) from None
    finally:
        tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)
