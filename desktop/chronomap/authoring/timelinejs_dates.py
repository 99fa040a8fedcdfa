"""TimelineJS date objects ⇄ EDTF: BCE years, ends written as their last day, and display_date read back.

See :mod:`timelinejs` for why a negative TimelineJS year is one more than the EDTF year and why a month
or year end goes out as its last day.  Shared by the reader and the writer, so both count years alike.
"""

from __future__ import annotations

import re
from typing import Any

from chronomap.authoring.dates_in_text import SEASON_CODES, edtf_day, edtf_month, span_edtf
from chronomap.story.dates import MAX_YEAR, MIN_YEAR, DateError, DateSpan, days_in_month, parse_date
from chronomap.story.model import Problem

SIMPLE_DATE = re.compile(r"(-?\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
TIME_PARTS = ("hour", "minute", "second", "millisecond")


def to_timelinejs_year(year: int) -> int:
    """An EDTF (astronomical) year as TimelineJS writes it: 0 → -1 (1 BCE), -299 → -300 (300 BCE)."""
    return year - 1 if year <= 0 else year


def from_timelinejs_year(year: int) -> int:
    """A TimelineJS year as EDTF: -300 (shown '300 BCE') → -299; 0 (shown '0') → 0, that is 1 BCE."""
    return year + 1 if year < 0 else year


def date_object(side: str, end: bool = False) -> dict:
    """A TimelineJS date object; an ``end`` of month or year precision is written as its last day."""
    match = SIMPLE_DATE.fullmatch(side)
    if match is None:
        raise ValueError(f"not a plain ISO date: {side!r}")
    year_text, month, day = match.groups()
    year = int(year_text)
    obj: dict[str, int] = {"year": to_timelinejs_year(year)}
    if end and not day:
        last_month = int(month) if month else 12
        return {**obj, "month": last_month, "day": days_in_month(year, last_month)}
    if month:
        obj["month"] = int(month)
    if day:
        obj["day"] = int(day)
    return obj


def slide_dates(span: DateSpan) -> tuple[dict, dict | None, str | None, bool]:
    """start_date, end_date, a display_date, and whether the EDTF is more than TimelineJS dates can say."""
    sides = span.edtf.split("/")
    if all(SIMPLE_DATE.fullmatch(s) for s in sides):
        simple, display = sides, None
    else:
        simple, display = span_edtf(span.start, span.end).split("/"), span.label()
    approximated = display is not None
    start = date_object(simple[0])
    end = date_object(simple[1], end=True) if len(simple) > 1 else None
    if end is not None and len(simple[1].lstrip("-")) < 10:
        display = display or span.label()  # the end is written as its last day; say the real precision
    return start, end, display, approximated


# --- import ------------------------------------------------------------------------------------------

def shown(found: Any) -> str:
    text = repr(found)
    return text if len(text) <= 80 else text[:79] + "…"


def whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


class OutOfRange(Exception):
    """A slide dated outside the years the timeline supports: listed and left out, not a reason to refuse the file."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where, self.message = where, message


def edtf_from_date(obj: Any, file: str, where: str, problems: list[Problem], counts: dict[str, int]) -> str | None:
    expected = "a date object with a whole-number year, and month 1–12 and day when known, e.g. {\"year\": 1986, \"month\": 12}"
    if not isinstance(obj, dict):
        problems.append(Problem(file, where, f"found {shown(obj)}; expected {expected}"))
        return None
    year, month, day = whole(obj.get("year")), obj.get("month"), obj.get("day")
    if year is None:
        problems.append(Problem(file, f"{where}.year", f"found {shown(obj.get('year'))}; expected a whole-number year "
                                                       "(negative for BCE)"))
        return None
    month = whole(month) if month not in (None, "") else None
    day = whole(day) if day not in (None, "") else None
    if obj.get("month") not in (None, "") and (month is None or not 1 <= month <= 12):
        problems.append(Problem(file, f"{where}.month", f"found {shown(obj.get('month'))}; expected a month number 1–12"))
        return None
    if day is not None and month is None:
        problems.append(Problem(file, where, f"found a day without a month in {shown(obj)}; expected a month with the day"))
        return None
    if year == 0:
        counts["year 0"] = counts.get("year 0", 0) + 1
    year = from_timelinejs_year(year)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise OutOfRange(f"{where}.year", f"found {shown(obj.get('year'))}; Chronomap's timeline holds the years "
                                           f"{to_timelinejs_year(MIN_YEAR)} to {MAX_YEAR}")
    if month is None:
        value = f"-{abs(year):04d}" if year < 0 else f"{year:04d}"
    else:
        value = edtf_day(year, month, day) if day is not None else edtf_month(year, month)
    try:
        parse_date(value)
    except DateError:
        problems.append(Problem(file, where, f"found {shown(obj)}, which is not a real calendar date; expected a day "
                                             "that exists in that month"))
        return None
    for part in TIME_PARTS:
        if obj.get(part) not in (None, ""):
            counts["time"] = counts.get("time", 0) + 1
            break
    for part in ("display_date", "format"):
        if obj.get(part) not in (None, ""):
            counts[part] = counts.get(part, 0) + 1
    return value


def _coarser_ends(edtf: str) -> list[str]:
    """The readings of a range whose end day is the last of its month or year: '…/1988-02-29' → '…/1988-02'."""
    sides = edtf.split("/")
    if len(sides) != 2 or not re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", sides[1]):
        return []
    year, month, day = _ymd(sides[1])
    out = []
    if day == days_in_month(year, month):
        out.append(f"{sides[0]}/{sides[1][:-3]}")
        if month == 12:
            out.append(f"{sides[0]}/{sides[1][:-6]}")
    span = parse_date(edtf)
    out.append(span_edtf(span.start, span.end))
    return out


def _ymd(iso_day: str) -> tuple[int, int, int]:
    negative = iso_day.startswith("-")
    year, month, day = (int(x) for x in iso_day.lstrip("-").split("-"))
    return (-year if negative else year), month, day


def restore_from_display(edtf: str, display: str | None) -> str:
    """'autumn 1990' over Sep–Nov 1990 → 1990-23; 'c. 1950' → 1950~; 'June–December 1986' over 1986-06/1986-12-31
    → 1986-06/1986-12: what the export wrote, read back."""
    if not display:
        return edtf
    text = display.strip()
    approximate = text.startswith("c. ")
    uncertain = text.endswith(" (uncertain)")
    core = text.removeprefix("c. ").removesuffix(" (uncertain)")
    season = re.fullmatch(r"(spring|summer|autumn|fall|winter) (\d{4})", core, re.IGNORECASE)
    value = next((c for c in _coarser_ends(edtf) if parse_date(c).label() == core), edtf)
    if season:
        candidate = f"{int(season.group(2)):04d}-{SEASON_CODES[season.group(1).lower()]}"
        try:
            if (parse_date(candidate).start, parse_date(candidate).end) == (parse_date(edtf).start, parse_date(edtf).end):
                value = candidate
        except DateError:
            pass
    if (approximate or uncertain) and "/" not in value:
        value += "%" if approximate and uncertain else "~" if approximate else "?"
    return value
