"""The one way every input file is read: bounded, decoded strictly, and kept inside its folder.

Each check turns a hostile or mistaken file into one :class:`ReadError` that names
the file, the place in it, what was found and what was expected — never a
traceback, a hang, or a silently wrong value:

* size: a file larger than its limit is refused before it is read whole;
* kind: folders, FIFOs, devices and links to devices are named as such (not "not found");
* text: UTF-8 only; UTF-16/UTF-32 are recognised and named, NUL bytes refused;
* JSON: nesting depth checked by a linear scan before parsing (no RecursionError),
  duplicate keys refused (the last would silently win), NaN/Infinity and
  out-of-range numbers refused;
* containment: a file named by an exhibit must resolve inside the exhibit folder.

Pure Python, no Qt.
"""

from __future__ import annotations

import json
import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

from chronomap.errors import ChronomapError
from chronomap.story.quoting import quote

MB = 1_000_000
#: exhibit.json, story.json, gazetteer.json, a TimelineJS or Linked Places file to import.
MAX_JSON_BYTES = 20 * MB
#: An article (main or translated), or any other text file: a long book is ~2 MB.
MAX_TEXT_BYTES = 5 * MB
#: Levels of [ ] and { } in one JSON file; exhibits need about 10 (a MultiPolygon inside a place).
MAX_JSON_DEPTH = 64
#: Digits in one JSON number (Python itself refuses integers of more than 4,300).
MAX_NUMBER_CHARS = 100


class ReadError(ChronomapError, ValueError):
    """A file that cannot be used; ``where`` is the place in it ('' for the whole file)."""

    def __init__(self, file: Path | str, where: str, message: str):
        self.file = str(file)
        self.where = where
        self.message = message
        super().__init__(f"{self.file}: {where}: {message}" if where else f"{self.file}: {message}")


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n:,} bytes"


# -- containment -----------------------------------------------------------------


def resolve_inside(root: Path, name: Any, *, file: Path | str, where: str, what: str) -> Path:
    """The path *name* (from field *where* of *file*) names inside *root*, symlinks followed.

    Absolute paths, ``..`` and links that leave the folder are refused: an exhibit
    copied from elsewhere must never read the machine's own files.
    """
    if not isinstance(name, str) or not name or "\x00" in name:
        raise ReadError(file, where, f"found {quote(name)}; expected {what}: a file name inside the exhibit folder")
    base = Path(root).resolve()
    target = (base / name).resolve()
    if not target.is_relative_to(base):
        how = "an absolute path" if Path(name).is_absolute() else ("a link" if ".." not in Path(name).parts else "a path")
        raise ReadError(file, where, f"found {quote(name)}, {how} that leads outside the exhibit folder (to {quote(str(target))}); "
                                     f"expected {what}: a file inside {base}")
    return base / name


# -- raw bytes ---------------------------------------------------------------------


def _kind(mode: int) -> str | None:
    """What a non-regular file is, said for a person; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something that is not a file"


def _kind_of(path: Path, mode: int) -> str | None:
    kind = _kind(mode)
    if kind and path.is_symlink():
        kind += f" (through a link to {quote(os.readlink(path))})"
    return kind


def read_bytes(path: Path | str, *, what: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The file's bytes; refuses what is missing, not a regular file, unreadable or over *limit*."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise ReadError(path, "", f"found a link to {quote(os.readlink(path))}, which does not exist; expected {what}") from None
        raise ReadError(path, "", f"file not found; expected {what}") from None
    except NotADirectoryError:
        raise ReadError(path, "", f"file not found (a folder on its path is a file); expected {what}") from None
    except OSError as exc:
        raise ReadError(path, "", f"cannot be read ({exc.strerror or exc}); expected {what}") from None
    kind = _kind_of(path, info.st_mode)
    if kind:
        raise ReadError(path, "", f"found {kind}; expected {what}")
    if info.st_size > limit:
        raise ReadError(path, "", f"found {_size(info.st_size)}; expected {what} of at most {_size(limit)}")
    try:
        # non-blocking: a file swapped for a FIFO after the check above cannot make us wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ReadError(path, "", f"cannot be read ({exc.strerror or exc}); expected {what}") from None
    with os.fdopen(fd, "rb") as handle:
        kind = _kind(os.fstat(handle.fileno()).st_mode)
        if kind:
            raise ReadError(path, "", f"found {kind}; expected {what}")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ReadError(path, "", f"cannot be read ({exc.strerror or exc}); expected {what}") from None
    if len(data) > limit:
        raise ReadError(path, "", f"found more than {_size(limit)}; expected {what} of at most {_size(limit)}")
    return data


# -- text --------------------------------------------------------------------------

_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII letters with a NUL between each."""
    head = raw[:64] if len(raw) >= 64 else raw[: len(raw) - len(raw) % 2]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) == len(odd) and even.count(0) == 0) or (even.count(0) == len(even) and odd.count(0) == 0)


def decode_text(raw: bytes, path: Path | str, *, what: str) -> str:
    """UTF-8 text without its BOM; UTF-16/32, NUL bytes and bad UTF-8 are refused with the offending byte."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise ReadError(path, "", f"found {encoding} text (it starts with a {encoding} byte-order mark); "
                                      f"expected UTF-8: {what} (save it as UTF-8)")
    if _looks_utf16(raw):
        raise ReadError(path, "", f"found what looks like UTF-16 text (a NUL byte after each letter); expected UTF-8: {what} "
                                  "(save it as UTF-8)")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ReadError(path, "", f"found binary data (a NUL byte at offset {nul}), not text; expected {what}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(path, "", f"found a byte that is not UTF-8 ({raw[exc.start]:#04x} at offset {exc.start}); "
                                  f"expected {what} (save it as UTF-8)") from None
    return text.removeprefix("\ufeff")


def read_text(path: Path | str, *, what: str, limit: int = MAX_TEXT_BYTES) -> str:
    """A UTF-8 text file of at most *limit* bytes, BOM removed."""
    return decode_text(read_bytes(path, what=what, limit=limit), path, what=what)


# -- JSON --------------------------------------------------------------------------

# a JSON string (or an unterminated one, to the end): possessive, so it is linear on any input
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)|[\[\]{}]', re.DOTALL)
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _line_column(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"line {line} column {pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


def check_depth(text: str, path: Path | str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than *limit*, by a linear scan of the brackets outside strings (no recursion)."""
    if text.count("[") + text.count("{") <= limit:
        return
    skeleton = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not skeleton or max(accumulate(map(_STEP.__getitem__, skeleton))) <= limit:
        return
    depth = 0
    for match in _TOKEN.finditer(text):  # only now: find where it happens
        step = _STEP.get(match.group())
        if step is None:
            continue
        depth += step
        if depth > limit:
            raise ReadError(path, _line_column(text, match.start()),
                            f"found JSON nested more than {limit} levels deep; expected at most {limit} levels of [ ] and {{ }}")


class _Refused(Exception):
    def __init__(self, message: str):
        self.message = message


# only a number with a 3-digit exponent can overflow to infinity; the slow, checked parse runs just then
_BIG_EXPONENT = re.compile(r"[0-9][eE][+-]?[0-9]{3}")


def _number(text: str) -> int | float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(f"found a number of {len(text):,} characters ({quote(text, 30)}); expected at most {MAX_NUMBER_CHARS}")
    value = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        raise _Refused(f"found the number {quote(text, 30)}, too large; expected a finite number")
    return value


def _constant(name: str) -> Any:
    raise _Refused(f"found {name}, which is not JSON; expected a number")


def _duplicate_path(document: Any, duplicates: dict[int, str]) -> tuple[str, str]:
    """The JSON path of the first object (in document order) holding a repeated key, and that key."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            if id(value) in duplicates:
                return where, duplicates[id(value)]
            stack.extend((f"{where}.{k}" if where else k, v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return "", next(iter(duplicates.values()))


def _repeated(items: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for key, _ in items:
        if key in seen:
            return key
        seen.add(key)
    return ""


def parse_json(text: str, path: Path | str, *, what: str) -> Any:
    """Parse JSON text strictly: bounded depth, no duplicate keys, no NaN, no giant numbers."""
    check_depth(text, path)
    duplicates: dict[int, str] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            duplicates[id(obj)] = _repeated(items)
        return obj

    try:
        if _BIG_EXPONENT.search(text):
            document = json.loads(text, object_pairs_hook=pairs, parse_constant=_constant, parse_int=_number, parse_float=_number)
        else:
            document = json.loads(text, object_pairs_hook=pairs, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ReadError(path, f"line {exc.lineno} column {exc.colno}", f"malformed JSON: {exc.msg}; expected {what}") from None
    except ValueError:  # Python's own limit on the digits of an integer
        raise ReadError(path, "", f"found an integer of more than 4,300 digits; expected a number ({what})") from None
    except _Refused as exc:
        raise ReadError(path, "", f"{exc.message} ({what})") from None
    except RecursionError:  # cannot happen after check_depth; kept so no traceback can escape
        raise ReadError(path, "", f"found JSON nested too deep; expected at most {MAX_JSON_DEPTH} levels") from None
    if duplicates:
        where, key = _duplicate_path(document, duplicates)
        raise ReadError(path, f"{where}.{key}" if where else key, f"found the key {quote(key)} twice in one object; expected each key once "
                                     "(JSON would keep only the last, silently)")
    return document


def read_json(path: Path | str, *, what: str, limit: int = MAX_JSON_BYTES) -> Any:
    """A UTF-8 JSON file of at most *limit* bytes, parsed strictly (see :func:`parse_json`)."""
    return parse_json(read_text(path, what=what, limit=limit), path, what=what)
