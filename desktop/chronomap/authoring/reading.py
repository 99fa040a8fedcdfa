"""Read what a curator hands us, and say plainly when it is not what was expected.

The checks themselves live in :mod:`chronomap.files`, shared with the exhibit
loader; this module keeps the authoring tools' functions and turns a
:class:`~chronomap.files.ReadError` into their :class:`AuthoringError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chronomap import files
from chronomap.authoring.errors import AuthoringError, fail


def _fail(exc: files.ReadError) -> AuthoringError:
    return fail(exc.file, exc.message, exc.where)


def read_bytes(path: Path, what: str, limit: int = files.MAX_TEXT_BYTES) -> bytes:
    try:
        return files.read_bytes(path, what=what, limit=limit)
    except files.ReadError as exc:
        raise _fail(exc) from None


def read_text_file(path: Path, what: str = "a UTF-8 text file") -> str:
    """The file's text (UTF-8, BOM removed); binary, UTF-16 or non-UTF-8 files are refused with the offending byte."""
    try:
        return files.read_text(path, what=what)
    except files.ReadError as exc:
        raise _fail(exc) from None


def read_json_file(path: Path, what: str) -> Any:
    """A JSON file, strictly: bounded size and depth, no duplicate keys (see :func:`chronomap.files.parse_json`)."""
    try:
        return files.read_json(path, what=what)
    except files.ReadError as exc:
        raise _fail(exc) from None


def read_json_lines(path: Path, what: str) -> list[Any]:
    """A JSON Lines file (one JSON value a line, blank lines skipped), each line read as strictly as a JSON file.

    A bad line is named by its number: 'line 12: malformed JSON: …'.
    """
    text = read_text_file(path, what)
    values = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            values.append(files.parse_json(line, path, what=what))
        except files.ReadError as exc:
            where = f"line {number}" + (f", {exc.where.replace('line 1 ', '')}" if exc.where else "")
            raise fail(exc.file, exc.message, where) from None
    return values
