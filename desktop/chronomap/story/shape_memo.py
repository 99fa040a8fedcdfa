"""Outlines ``shapely`` has judged valid before, remembered between runs (``$XDG_CACHE_HOME/chronomap/shapes``).

Judging an outline needs shapely, whose import (with numpy) costs ~18 MB and ~55 ms of every start,
for outlines that are the same at every start of an exhibit. An outline is remembered by a hash of
its checked rings and shapely's installed files, only once it was judged valid: a new or changed
outline, or a new shapely, is judged again; an invalid one is never remembered. Best effort: a
folder that cannot be read or written only means the outline is judged, as without it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from pathlib import Path

from chronomap.atomic import write_text_atomic
from chronomap.user_dirs import cache_dir, file_stamp

log = logging.getLogger("chronomap.story")

_known: set[str] = set()  # judged valid in this process


def _folder() -> Path:
    return cache_dir("shapes")


def _shapely_stamp() -> str:
    spec = importlib.util.find_spec("shapely")  # found, not imported
    return file_stamp(spec.origin if spec else None)


def shape_key(polygons: object) -> str:
    """The key of an outline: its checked rings (a deterministic repr of tuples of floats) and shapely's files."""
    return hashlib.sha256(f"{_shapely_stamp()}\n{polygons!r}".encode()).hexdigest()[:32]


def known_valid(key: str) -> bool:
    if key in _known:
        return True
    if (_folder() / key).is_file():
        _known.add(key)
        return True
    return False


def remember_valid(key: str) -> None:
    """Remember an outline judged valid; a failure to write is logged and otherwise ignored."""
    _known.add(key)
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(folder / key, "")
    except Exception as exc:  # noqa: BLE001 (a cache: never a reason to refuse an exhibit)
        log.info("outline not remembered in %s: %s", folder, exc)
