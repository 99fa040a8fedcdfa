"""A TimelineJS spreadsheet exported as CSV → the TimelineJS3 document it stands for. Qt-free.

Most TimelineJS timelines are made in Knight Lab's Google Sheets template ("File → Download → CSV"): a
header row naming the columns Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display
Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background, then
one row a slide; Type ``title`` marks the title slide and ``era`` an era.  Columns are found by their
header (any order, any case; comma-, semicolon- or tab-separated); rows are numbered as the spreadsheet
shows them (the header is row 1), and a bad cell is refused in one line naming its row and column.  The
document this builds goes through the same reader as a JSON file
(:func:`chronomap.authoring.timelinejs.timelinejs_to_events`).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from chronomap.authoring.errors import fail
from chronomap.authoring.reading import read_text_file
from chronomap.story.model import Problem
from chronomap.story.quoting import quote

FORMAT_NAME_CSV = "TimelineJS spreadsheet (CSV)"
WHAT = "a TimelineJS spreadsheet saved as CSV (UTF-8)"
COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline",
           "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background")
REQUIRED = ("Year", "Headline", "Text")
#: The longest cell read: a slide's text is far shorter (the reader refuses texts over 100,000 characters).
MAX_CELL_CHARS = 1_000_000
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
_WHOLE = re.compile(r"^\s*-?\d{1,6}\s*$")
_EVENT = re.compile(r"events\[(\d+)\]((?:\.\w+)*)")


def _delimiter(text: str) -> str:
    """Comma, or the semicolon or tab a spreadsheet saved in another locale (or as TSV) uses: whichever splits
    the header into the most TimelineJS column names."""
    first = text.split("\n", 1)[0].lower()
    known = {c.lower() for c in COLUMNS}
    return max(",;\t", key=lambda d: (sum(" ".join(cell.strip(' "').split()) in known for cell in first.split(d)), d == ","))


def _rows(path: Path) -> list[list[str]]:
    text = read_text_file(path, WHAT)  # size, UTF-16, NUL bytes and bad UTF-8 refused there, a BOM dropped
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)  # an open quote: an error
    try:
        return list(reader)
    except csv.Error as exc:
        raise fail(str(path), f"found CSV it cannot read ({exc}); expected {WHAT}", f"row {reader.line_num}") from None


def _header(path: Path, row: list[str]) -> dict[str, int]:
    known = {c.lower(): c for c in COLUMNS}
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = known.get(" ".join(cell.split()).lower())
        if name is None:
            continue
        if name in columns:
            raise fail(str(path), f"found the column {quote(name)} twice; expected each column once", "row 1")
        columns[name] = index
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise fail(str(path), f"found the columns {quote([c for c in row[:8] if c])}, without {', '.join(missing)}; "
                              f"expected the header row of a TimelineJS spreadsheet ({', '.join(COLUMNS[:3])}, …, "
                              "Headline, Text, Media, …)", "row 1")
    return columns


def _number(path: Path, where: str, value: str, low: int, high: int, what: str) -> str | None:
    if not value.strip():
        return None
    if not _WHOLE.match(value) or not low <= int(value) <= high:
        raise fail(str(path), f"found {quote(value)}; expected {what}", where)
    return value.strip()


def _date(path: Path, cell: dict[str, str], row: int, prefix: str = "") -> dict[str, Any] | None:
    """The date object of one side of a row (prefix '' or 'End '), or None when its Year is empty."""
    where = f"row {row}, column {prefix}"
    year = _number(path, where + "Year", cell.get(f"{prefix}Year", ""), -999_999, 999_999, "a whole-number year")
    month = _number(path, where + "Month", cell.get(f"{prefix}Month", ""), 1, 12, "a month number 1–12")
    day = _number(path, where + "Day", cell.get(f"{prefix}Day", ""), 1, 31, "a day number 1–31")
    if year is None:
        if month or day:
            raise fail(str(path), f"found a month or day without a year; expected the {prefix}Year too", where + "Year")
        return None
    out: dict[str, Any] = {"year": year}
    out.update({k: v for k, v in (("month", month), ("day", day)) if v})
    time = cell.get(f"{prefix}Time", "").strip()
    if time:
        match = _TIME.match(time)
        if not match:
            raise fail(str(path), f"found {quote(time)}; expected a time of day such as 14:30", where + "Time")
        out["hour"], out["minute"] = match.group(1), match.group(2) or "0"
    return out


def read_sheet(path: Path) -> dict[str, Any]:
    """The TimelineJS3 document a spreadsheet CSV stands for; ``_rows`` gives each event's row number."""
    rows = _rows(path)
    if not rows:
        raise fail(str(path), f"found an empty file; expected {WHAT}", "row 1")
    columns = _header(path, rows[0])
    document: dict[str, Any] = {"events": [], "_format": FORMAT_NAME_CSV, "_rows": []}
    eras: list[dict] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cell = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
        kind = cell.get("Type", "").strip().lower()
        slide: dict[str, Any] = {"text": {"headline": cell["Headline"], "text": cell["Text"]}}
        start, end = _date(path, cell, number), _date(path, cell, number, "End ")
        if start is not None:
            slide["start_date"] = start
        if end is not None:
            slide["end_date"] = end
        if cell.get("Media", "").strip():
            slide["media"] = {"url": cell["Media"].strip(), "credit": cell.get("Media Credit", ""),
                              "caption": cell.get("Media Caption", ""), "thumbnail": cell.get("Media Thumbnail", "")}
        for column, key in (("Display Date", "display_date"), ("Group", "group")):
            if cell.get(column, "").strip():
                slide[key] = cell[column].strip()
        background = cell.get("Background", "").strip()
        if background:
            slide["background"] = {"color": background} if background.startswith("#") else {"url": background}
        if kind == "title":
            document["title"] = slide
        elif kind == "era":
            eras.append(slide)
        else:
            if start is None:
                raise fail(str(path), "missing; every row except the title and eras needs a Year", f"row {number}, column Year")
            document["events"].append(slide)
            document["_rows"].append(number)
    if eras:
        document["eras"] = eras
    taken = set(columns.values())
    for index, name in enumerate(rows[0]):
        filled = sum(1 for row in rows[1:] if index < len(row) and row[index].strip())
        if index not in taken and filled:
            document.setdefault("_not_carried", []).append(
                f"spreadsheet column {quote(name.strip() or f'#{index + 1}')} — {filled} row(s): not a TimelineJS column")
    return document


def by_row(text: str, rows: list[int]) -> str:
    """A message or path about ``events[i]`` said of the spreadsheet row it came from: 'row 5 (events[3].media)'."""
    def row(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return f"row {rows[index]} ({match.group(0)})" if index < len(rows) else match.group(0)
    return _EVENT.sub(row, text)


def problems_by_row(problems: list[Problem], rows: list[int]) -> list[Problem]:
    return [Problem(p.file, by_row(p.path, rows), by_row(p.message, rows)) for p in problems]
