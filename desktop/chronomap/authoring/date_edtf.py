"""EDTF written at the precision a text gives, and the raw form a date pattern finds before it is resolved.

Shared by the patterns (:mod:`chronomap.authoring.date_scan`, :mod:`chronomap.authoring.dates_days`) and the reader
(:mod:`chronomap.authoring.dates_in_text`), so each can stay one job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronomap.story.dates import days_in_month, from_day_number

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july",
               "august", "september", "october", "november", "december")
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:{_FULL_MONTH}|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)(?![A-Za-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|d(?![a-z]))?(?![\d])"  # '22d': the old ordinal
_YEAR = r"(?:1\d{3}|20\d{2}|2100)(?![\d])"
_RANGE = r"(?:\s*[–—-]\s*|\s+(?:to|until|till|through)\s+)"
_MOD = r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+))"
_SEASONS = r"[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter"
_SEASON = r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
SEASON_FIRST_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}
COARSE_PRECISIONS = frozenset({"decade", "part of decade", "century", "centuries", "part of century"})



class UnreadableDate(ValueError):
    """A phrase that looks like a date but is not a real one (30 February)."""


@dataclass
class _Raw:
    start: int
    end: int
    kind: str  # 'absolute' | 'yearless' | 'relative'
    precision: str
    lower: str | None = None
    upper: str | None = None
    approximate: bool = False
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    month2: int | None = None
    mod: str | None = None
    unit: str | None = None  # relative: day, week, month, year, season code as str
    amount: int = 0
    mode: str = ""  # relative: offset, same, later-that, earlier-that; dayonly: same, next
    note: str | None = None
    feast: str | None = None  # yearless feast day: its key in dates_days (Easter moves with the year)


# --- EDTF helpers -----------------------------------------------------------------------------

def _y(year: int) -> str:
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def edtf_day(year: int, month: int, day: int) -> str:
    return f"{_y(year)}-{month:02d}-{day:02d}"


def edtf_month(year: int, month: int) -> str:
    return f"{_y(year)}-{month:02d}"


def _interval(lower: str, upper: str) -> str:
    return lower if lower == upper else f"{lower}/{upper}"


_MONTH_BY_PREFIX = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}


def _month_number(name: str) -> int:
    return _MONTH_BY_PREFIX[name.rstrip(".").lower()[:3]]


def _int_day(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else 1


def _mod_key(mod: str | None) -> str | None:
    return mod.lower() if mod else None


def _part_of_year(year: int, mod: str) -> tuple[str, str]:
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[mod]
    return edtf_month(year, first), edtf_month(year, last)


def _part_of_month(year: int, month: int, mod: str) -> tuple[str, str]:
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, days_in_month(year, month))}[mod]
    return edtf_day(year, month, first), edtf_day(year, month, last)


def span_edtf(start: int, end: int) -> str:
    """The coarsest exact EDTF for a span of days: a year, a month, or days."""
    y1, m1, d1 = from_day_number(start)
    y2, m2, d2 = from_day_number(end)
    if d1 == 1 and d2 == days_in_month(y2, m2):
        if m1 == 1 and m2 == 12:
            return _interval(_y(y1), _y(y2))
        return _interval(edtf_month(y1, m1), edtf_month(y2, m2))
    return _interval(edtf_day(y1, m1, d1), edtf_day(y2, m2, d2))


def _abs(m: re.Match, lower: str, upper: str, precision: str, approximate: bool = False) -> _Raw:
    return _Raw(m.start(), m.end(), "absolute", precision, lower, upper, approximate)
