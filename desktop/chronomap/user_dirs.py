"""Where Chronomap keeps what is not the exhibit: logs, unsaved work (state) and rebuildable caches.

The XDG base directories: ``$XDG_STATE_HOME`` (``~/.local/state``) and ``$XDG_CACHE_HOME``
(``~/.cache``), each with a ``chronomap`` folder; one place, so the logs, the crash log, the
editor's recovery files, the page cache and the outline memo never disagree on where home is.
"""

from __future__ import annotations

import os
from pathlib import Path


def state_dir(*parts: str) -> Path:
    """``$XDG_STATE_HOME/chronomap/<parts>``: logs, statistics, unsaved work."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base, "chronomap", *parts)


def cache_dir(*parts: str) -> Path:
    """``$XDG_CACHE_HOME/chronomap/<parts>``: what can be made again (built pages, judged outlines)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "chronomap", *parts)


def file_stamp(path: str | Path | None) -> str:
    """*path* with its size and modification time: changes when the file does (a cache key's part)."""
    try:
        st = os.stat(path) if path is not None else None
    except OSError:
        st = None
    return f"{path}:{st.st_size}:{st.st_mtime_ns}" if st is not None else f"{path}:-"
