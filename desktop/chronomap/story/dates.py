"""Calendar values for the timeline: EDTF strings in, whole-day numbers out.

Time is kept as a day number (the Julian Day Number of a proleptic Gregorian
date), never as epoch milliseconds: day numbers are plain integers, cheap to
compare on every slider move, and work the same for 1986, 1066 or 500 BCE.
EDTF parsing is left to the ``edtf`` package; this module only turns its
bounds into day numbers and formats a date at the precision it was given.
"""

from __future__ import annotations

from dataclasses import dataclass

import edtf

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


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


def _struct_to_day(value) -> int:
    return day_number(value.tm_year, value.tm_mon, value.tm_mday)


def parse_date(text: str) -> DateSpan:
    """Parse an EDTF string into a :class:`DateSpan`.

    The strict bounds are used: '1989-06-22?' covers that one day, flagged as
    uncertain, rather than the year either side that ``edtf``'s fuzzy bounds add.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("an EDTF date is required, e.g. '1986-12-17' or '1990-23'")
    text = text.strip()
    try:
        parsed = edtf.parse_edtf(text)
    except Exception as exc:  # the edtf package raises its own and Lark errors
        raise DateError(f"'{text}' is not a valid EDTF date") from exc
    try:
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
    except Exception as exc:
        raise DateError(f"'{text}' has no usable bounds") from exc
    start, end = _struct_to_day(lower), _struct_to_day(upper)
    if end < start:
        raise DateError(f"'{text}' ends before it starts")
    season = None
    if type(parsed).__name__ == "Season":
        season = SEASONS.get(int(text.split("-")[1].rstrip("?~%")))
    return DateSpan(
        edtf=text,
        start=start,
        end=end,
        season=season,
        approximate="~" in text or "%" in text,
        uncertain="?" in text or "%" in text,
    )


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
