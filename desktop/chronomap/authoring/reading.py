"""Read what a curator hands us, and say plainly when it is not what was expected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chronomap.authoring.errors import fail


def read_bytes(path: Path, what: str) -> bytes:
    path = Path(path)
    if path.is_dir():
        raise fail(str(path), f"found a folder; expected {what}")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise fail(str(path), f"file not found; expected {what}") from None
    except OSError as exc:
        raise fail(str(path), f"cannot be read ({exc.strerror or exc}); expected {what}") from None


def read_text_file(path: Path, what: str = "a UTF-8 text file") -> str:
    """The file's text (UTF-8, BOM removed); binary or non-UTF-8 files are refused with the offending byte."""
    raw = read_bytes(path, what)
    nul = raw.find(b"\x00", 0, 65536)
    if nul >= 0:
        raise fail(str(path), f"found binary data (a NUL byte at offset {nul}), not text; expected {what}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(str(path), f"found a byte that is not UTF-8 ({raw[exc.start]:#04x} at offset {exc.start}); "
                              f"expected {what} (save it as UTF-8)") from None
    return text.removeprefix("\ufeff")


def read_json_file(path: Path, what: str) -> Any:
    text = read_text_file(path, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(str(path), f"malformed JSON ({exc.msg}); expected {what}", f"line {exc.lineno} column {exc.colno}") from None
