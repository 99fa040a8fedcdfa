"""Calendar values for the timeline: EDTF strings in, whole-day numbers out.

Time is kept as a day number (the Julian Day Number of a proleptic Gregorian
date), never as epoch milliseconds: day numbers are plain integers, cheap to
compare on every slider move, and work the same for 1986, 1066 or 500 BCE.
EDTF parsing is left to the ``edtf`` package; this module only turns its
bounds into day numbers and formats a date at the precision it was given.

``edtf`` takes milliseconds a date, which was almost all of an exhibit's load
time: plain ISO days, months, years, seasons and ranges of them are read directly
(and ``edtf``, whose import and first parse cost ~140 ms and ~10 MB, is imported
only for the rest), and every parse is cached by its text.  Only what the timeline can show is
accepted: one date or a closed range, no sets, no times of day, no open ends,
no 29 February in a common year.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache

from chronomap.story.quoting import quote

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
#: The years the timeline supports (astronomical: 0 is 1 BCE); ISO's 4-digit years.
MIN_YEAR, MAX_YEAR = -9999, 9999
#: The longest date text read at all; the longest real EDTF range is about 40 characters.
MAX_DATE_CHARS = 100
#: Distinct date texts remembered (a 10,000-event exhibit has far fewer).
DATE_CACHE_SIZE = 16384


class DateError(ValueError):
    """An EDTF string that cannot be used on the timeline."""


def day_number(year: int, month: int, day: int) -> int:
    """Julian Day Number of a proleptic Gregorian date (astronomical years: 0 = 1 BCE)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def from_day_number(jdn: int) -> tuple[int, int, int]:
    """Inverse of :func:`day_number`: (year, month, day)."""
    a = jdn + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def days_in_month(year: int, month: int) -> int:
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return day_number(nxt[0], nxt[1], 1) - day_number(year, month, 1)


def iso_day(jdn: int) -> str:
    """ISO 8601 day; years outside 0000–9999 get a sign, as ISO's expanded form."""
    year, month, day = from_day_number(jdn)
    if 0 <= year <= 9999:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{'-' if year < 0 else '+'}{abs(year):04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date as written (EDTF) with the first and last day it covers."""

    edtf: str
    start: int
    end: int
    season: str | None = None
    approximate: bool = False
    uncertain: bool = False

    def contains(self, day: int) -> bool:
        return self.start <= day <= self.end

    @property
    def start_iso(self) -> str:
        return iso_day(self.start)

    @property
    def end_iso(self) -> str:
        return iso_day(self.end)

    def label(self, lang: str = "en") -> str:
        """The date at its real precision: '17–18 December 1986', 'autumn 1990'."""
        from chronomap.story.date_labels import span_label

        return span_label(self, lang)


_PLAIN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SEASON = re.compile(r"(\d{4})-(2[1-4])")
#: a season's months as edtf bounds them (its winter is the December of its year)
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}
_DAY = re.compile(r"(?<![\d-])(-?\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
#: edtf types that are not one date or one closed range, and what to say about them
_REFUSED = {
    "OneOfASet": "is a set of dates (one of them); expected one date or one range",
    "MultipleDates": "is a set of dates (all of them); expected one date or one range",
    "DateAndTime": "has a time of day; expected a date without a time, such as '1986-12-17'",
    "LongYear": f"has a year outside {MIN_YEAR}–{MAX_YEAR}; expected a year of four digits",
    "ExponentialYear": f"has a year outside {MIN_YEAR}–{MAX_YEAR}; expected a year of four digits",
}


def _check_day(text: str, year: int, month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise DateError(f"{quote(text)} has month {month:02d}; expected 01 to 12 (or 21–24 for a season)")
    if not 1 <= day <= days_in_month(year, month):
        raise DateError(f"{quote(text)} is not a day: {_MONTHS[month - 1]} {year} has {days_in_month(year, month)} days")


def _plain(part: str) -> tuple[int, int] | None:
    """First and last day of a plain ISO year, month or day ('1986', '1986-12', '1986-12-17'); None for anything else."""
    match = _PLAIN.fullmatch(part)
    if match is None:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return day_number(year, 1, 1), day_number(year, 12, 31)
    if not 1 <= int(month) <= 12:
        return None  # a season, or nonsense: edtf says which
    if day is None:
        return day_number(year, int(month), 1), day_number(year, int(month), days_in_month(year, int(month)))
    _check_day(part, year, int(month), int(day))
    return (day_number(year, int(month), int(day)),) * 2


def _fast(text: str) -> DateSpan | None:
    """The common dates without the edtf parser: plain days, months, years, seasons and closed ranges of them."""
    season = _SEASON.fullmatch(text)
    if season is not None:
        year, (first, last) = int(season[1]), _SEASON_MONTHS[int(season[2])]
        return DateSpan(edtf=text, start=day_number(year, first, 1),
                        end=day_number(year, last, days_in_month(year, last)), season=SEASONS[int(season[2])])
    parts = text.split("/")
    if len(parts) > 2:
        return None
    bounds = [_plain(part) for part in parts]
    if any(b is None for b in bounds):
        return None
    start, end = bounds[0][0], bounds[-1][1]  # type: ignore[index]
    if end < start:
        raise DateError(f"{quote(text)} ends before it starts")
    return DateSpan(edtf=text, start=start, end=end)


def _struct_to_day(text: str, value: object) -> int:
    if not isinstance(value, time.struct_time):
        raise DateError(f"{quote(text)} has an open or unknown end; expected a range with both ends, "
                        "such as '1989-07/1989-08'")
    if not MIN_YEAR <= value.tm_year <= MAX_YEAR:
        raise DateError(f"{quote(text)} has a year outside {MIN_YEAR}–{MAX_YEAR}")
    return day_number(value.tm_year, value.tm_mon, value.tm_mday)


def _slow(text: str) -> DateSpan:
    if "/" in text and any(part.strip() in ("", "..") for part in text.split("/")):
        raise DateError(f"{quote(text)} is open-ended; expected a range with both ends, such as '1989-07/1989-08'")
    import edtf

    try:
        parsed = edtf.parse_edtf(text)
    except Exception as exc:  # the edtf package raises its own and Lark errors
        raise DateError(f"{quote(text)} is not a valid EDTF date") from exc
    kind = type(parsed).__name__
    if kind in _REFUSED:
        raise DateError(f"{quote(text)} {_REFUSED[kind]}")
    for match in _DAY.finditer(text):  # edtf lets 1990-02-29 through
        _check_day(text, int(match[1]), int(match[2]), int(match[3]))
    try:
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
    except Exception as exc:
        raise DateError(f"{quote(text)} has no usable bounds") from exc
    start, end = _struct_to_day(text, lower), _struct_to_day(text, upper)
    if end < start:
        raise DateError(f"{quote(text)} ends before it starts")
    season = None
    if kind == "Season":
        season = SEASONS.get(int(text.split("-")[1].rstrip("?~%")))
    return DateSpan(
        edtf=text,
        start=start,
        end=end,
        season=season,
        approximate="~" in text or "%" in text,
        uncertain="?" in text or "%" in text,
    )


@lru_cache(maxsize=DATE_CACHE_SIZE)
def _parse(text: str) -> DateSpan:
    return _fast(text) or _slow(text)


def parse_date(text: str) -> DateSpan:
    """Parse an EDTF string into a :class:`DateSpan`.

    The strict bounds are used: '1989-06-22?' covers that one day, flagged as
    uncertain, rather than the year either side that ``edtf``'s fuzzy bounds add.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("an EDTF date is required, e.g. '1986-12-17' or '1990-23'")
    if len(text) > MAX_DATE_CHARS:
        raise DateError(f"found a text of {len(text):,} characters ({quote(text, 30)}); an EDTF date has at most {MAX_DATE_CHARS}")
    return _parse(text.strip())


def span_of_day(jdn: int) -> DateSpan:
    """The one-day span of a day number (a relative date's result); DateError outside the supported years."""
    year = from_day_number(jdn)[0]
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"the day falls in the year {year}, outside the years {MIN_YEAR}–{MAX_YEAR} the timeline supports")
    return DateSpan(edtf=iso_day(jdn), start=jdn, end=jdn)


def format_day(jdn: int, lang: str = "en") -> str:
    from chronomap.story.date_labels import range_label

    return range_label(jdn, jdn, lang)


def format_range(start: int, end: int, lang: str = "en") -> str:
    from chronomap.story.date_labels import range_label

    return range_label(start, end, lang)


def parse_instant(text: str) -> DateSpan:
    """A moment asked for by a person: an ISO day, month or year ('1986-12-17', '1989-07', '1991').

    Returns the span it covers; callers choose its start (or end) as the instant.
    """
    return parse_date(text)
