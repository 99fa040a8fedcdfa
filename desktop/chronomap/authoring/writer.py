"""Write an exhibit folder all at once: build it beside the target, check it, then rename.

A failure at any point leaves either the old folder or nothing — never half a
draft — because the new folder only takes the target's name once every file
is written and :func:`chronomap.story.loader.check_exhibit` accepts it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from chronomap.authoring.errors import EXIT_USAGE, AuthoringError, fail
from chronomap.story.loader import check_exhibit
from chronomap.story.model import Problem


def ensure_writable_target(out_dir: Path, force: bool) -> None:
    """Refuse a target that is a file, or a non-empty folder without ``force`` (exit code 2)."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise fail(str(out_dir), "exists and is a file; expected a new or empty folder for the exhibit", exit_code=EXIT_USAGE)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise fail(str(out_dir), "is not empty; expected a new or empty folder (use --force to replace it)", exit_code=EXIT_USAGE)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(path: Path, data: str | bytes) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open(path, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def write_exhibit_folder(out_dir: Path, files: Mapping[str, str | bytes], *, force: bool = False, check: bool = True,
                         base: Path | None = None) -> None:
    """Create ``out_dir`` holding ``files`` (name → content), replacing it only when ``force`` allows.

    ``base`` is a folder whose contents are copied in first (to change a few files of an existing exhibit).
    """
    out_dir = Path(out_dir).absolute()
    ensure_writable_target(out_dir, force)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    old: Path | None = None
    try:
        os.chmod(staging, 0o777 & ~_umask())
        if base is not None:
            shutil.copytree(base, staging, dirs_exist_ok=True)
        for name, content in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, content)
        if check:
            problems = check_exhibit(staging)
            if problems:
                renamed = [Problem(p.file.replace(str(staging), str(out_dir)), p.path, p.message) for p in problems]
                raise AuthoringError(renamed)
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=out_dir.parent))
            old.rmdir()
            os.rename(out_dir, old)
        os.rename(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None and old.exists() and not out_dir.exists():
            os.rename(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
