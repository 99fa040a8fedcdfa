"""Find the dates in running English text and write each as EDTF at the precision it was given.

Why a recogniser of our own: the maintained PyPI libraries return a single
``datetime`` and so lose what a curator needs most, the precision ("In December
1986" is a month, not 1 December).  ``dateparser.search_dates`` turns "In December
1986" into 28 December and "December 17–18, 1986" into 17 December; ``datefinder``
and ``timefhuman`` read "December 10" as a day of the current year and miss
seasons, decades and "Nine days later"; Duckling (``pyduckling-native``) keeps a
grain but misses en-dash ranges, decades and relative dates counted from an
earlier date; Microsoft Recognizers-Text emits TIMEX with precision but its last
Python release is a 2019 alpha that no longer imports beside a current
``emoji``.  The ``edtf`` package's free-text parser mis-reads "December 17-18,
1986".  So this module reads the handful of forms museum texts use, and checks
every EDTF it writes with :func:`chronomap.story.dates.parse_date`.

A :class:`DateReader` is fed the sentences in document order: a date without a
year ("on December 10") takes it from a later date in the same sentence or from
the date before it, and a relative date ("Nine days later", "the following
year") is counted from the most recent earlier date of a suitable precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from chronomap.authoring.date_edtf import (
    COARSE_PRECISIONS,
    MONTH_NAMES,
    SEASON_CODES,
    SEASON_FIRST_MONTH,
    UnreadableDate,
    _interval,
    _Raw,
    _y,
    edtf_day,
    edtf_month,
    span_edtf,
)
from chronomap.authoring.date_scan import _scan, _text, _with_year
from chronomap.story.dates import DateError, DateSpan, day_number, days_in_month, from_day_number, iso_day, parse_date

__all__ = ["COARSE_PRECISIONS", "MONTH_NAMES", "SEASON_CODES", "DateMention", "DateReader", "UnreadableDate", "edtf_day",
           "edtf_month", "find_dates", "span_edtf"]


@dataclass(frozen=True)
class DateMention:
    """One date found in a sentence, as EDTF at the precision the text gives.

    ``how`` is 'stated' when the text gives the whole date, 'year inferred' when
    the year comes from another date, 'relative' when counted from ``anchor``.
    ``offset_days`` is set for day-exact relative dates ("Nine days later"):
    days after the anchor's first day, as a ``relative`` record in story.json.
    """

    start: int
    end: int
    text: str
    edtf: str
    span: DateSpan
    precision: str
    how: str = "stated"
    note: str | None = None
    anchor: DateMention | None = field(default=None, repr=False, compare=False)
    offset_days: int | None = None
    background: bool = False


# A date in a clause like these is background to the story, not a step of it: "…, founded by Berrio in 1592",
# "Fort Clatsop, known since the expedition of 1805/06".  Such a date is still an event, but a later
# date without a year ("on 4 April") or a relative one ("two years later") is not counted from it.
_BACKGROUND_CUE = re.compile(  # opening a clause after the main one: ", founded by Berrio in 1592"
    r"^\W*(?:founded|established|built|erected|constructed|created|settled|dating|dated|known|first\s+"
    r"(?:mentioned|recorded|attested|described)|born|formerly|previously|since)\b", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\s+(?:already\s+)?been\b", re.IGNORECASE)  # "the post had been abandoned in 1805"
_BORN = re.compile(r"\b(?:born|birth)\b", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r"^\W*(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def _clause_before(text: str, start: int) -> tuple[str, bool]:
    """The clause up to ``start`` (from the last comma, semicolon, colon, dash or bracket) and whether it opens the sentence."""
    cut = max(text.rfind(mark, 0, start) for mark in (",", ";", ":", "(", " – ", " — "))
    return text[cut + 1:start], cut < 0


def _restated(text: str, raw: _Raw, later: list[_Raw]) -> bool:
    """'Two months later, on May 14, …': the relative phrase is said again as a date, which is the one to keep."""
    following = later[0] if later else None
    return (following is not None and following.kind in ("absolute", "yearless", "dayonly")
            and re.fullmatch(r"\s*,?\s*(?:on|in|by)?\s*", text[raw.end:following.start]) is not None)


class DateReader:
    """Reads sentences in document order, resolving dates against the ones before them."""

    def __init__(self) -> None:
        self.history: list[tuple[DateMention, str]] = []  # (mention, section id) in document order
        self.skipped: list[tuple[str, str]] = []  # (phrase, reason)
        self.birth: DateMention | None = None  # the date of birth the text gave first, for 'when he was eight years old'

    def read(self, text: str, section: str = "", ahead: str = "") -> list[DateMention]:
        """The dates in one sentence; unreadable or unanchored ones go to :attr:`skipped`.

        ``ahead`` is the text after the sentence (its paragraph's rest): a day without a year at the very start of
        a story ("sail on 10 May, … left on 13 May 1787") takes the year of the first date there.
        """
        raws = _scan(text)
        mentions: list[DateMention] = []
        for index, raw in enumerate(raws):
            phrase = text[raw.start:raw.end]
            if raw.kind == "relative" and _restated(text, raw, raws[index + 1:]):
                continue
            try:
                mention: DateMention | None
                if raw.kind == "absolute":
                    mention = self._absolute(raw, phrase, note=raw.note)
                elif raw.kind == "yearless":
                    later = [r for r in raws[index + 1:] if not self._is_background(text, r, None)]
                    mention = self._yearless(raw, phrase, later, text, ahead)
                elif raw.kind == "dayonly":
                    mention = self._day_only(raw, phrase)
                else:
                    mention = self._relative(raw, phrase, section)
            except UnreadableDate as exc:
                self.skipped.append((phrase, str(exc)))
                continue
            if mention is None:
                continue
            if self.birth is None and raw.kind == "absolute" and self._gives_birth(text, raw, mention):
                self.birth = mention
            if self._is_background(text, raw, mention):
                mention = replace(mention, background=True)
            mentions.append(mention)
            self.history.append((mention, section))
        return mentions

    def _gives_birth(self, text: str, raw: _Raw, mention: DateMention) -> bool:
        """'born … in 1842', or a life's span in brackets before any other date ('(26 October 1842 – 13 April 1904)')."""
        if _BORN.search(text, 0, raw.start):
            return True
        lifespan = mention.span.end - mention.span.start > 15 * 365 and not self.history
        return lifespan and text.count("(", 0, raw.start) > text.count(")", 0, raw.start)

    def _is_background(self, text: str, raw: _Raw, mention: DateMention | None) -> bool:
        """A date in brackets, or in a clause that describes something ('founded … in 1592'), not what happens next."""
        if raw.kind == "relative":
            return False
        if text.count("(", 0, raw.start) > text.count(")", 0, raw.start):
            return True
        clause, opens = _clause_before(text, raw.start)
        if (not opens and _BACKGROUND_CUE.match(clause)) or _PLUPERFECT.search(clause):
            return True
        if _RELATIVE_CLAUSE.match(clause) and mention is not None:  # ", which … in 1592" going back in time
            anchor = self._anchor(coarsest="year")
            return anchor is not None and mention.span.end < anchor.span.start
        return False

    # -- kinds ------------------------------------------------------------------------------------

    @staticmethod
    def _checked(edtf_value: str, phrase: str) -> DateSpan:
        try:
            return parse_date(edtf_value)
        except DateError as exc:
            raise UnreadableDate(f"not a real date ({exc})") from None

    def _absolute(self, raw: _Raw, phrase: str, how: str = "stated", note: str | None = None,
                  anchor: DateMention | None = None) -> DateMention:
        value = _interval(_text(raw.lower), _text(raw.upper))
        if raw.approximate:
            value = value + "~"
        span = self._checked(value, phrase)
        return DateMention(raw.start, raw.end, phrase, value, span, raw.precision, how, note, anchor)

    def _yearless(self, raw: _Raw, phrase: str, later: list[_Raw], text: str, ahead: str = "") -> DateMention | None:
        month = raw.month or 1
        for other in later:  # "on December 10, and on December 16, 1991"
            found = re.match(r"(-?\d{4})-(\d{2})", other.lower) if other.kind == "absolute" and other.lower else None
            if found:
                year = int(found.group(1)) - (1 if month > int(found.group(2)) else 0)
                return self._absolute(_with_year(raw, year), phrase, "year inferred",
                                      f"the year {year} is taken from “{text[other.start:other.end]}” later in the sentence")
        anchor = self._anchor(coarsest="year")
        if anchor is None:
            return self._year_from_ahead(raw, phrase, ahead)
        year = from_day_number(anchor.span.end)[0]
        candidate = self._absolute(_with_year(raw, year), phrase)
        if candidate.span.end < anchor.span.start:  # the story moves forward: "on 31 January" after December ...
            following = self._absolute(_with_year(raw, year + 1), phrase)
            # ... unless it looks back only a little: "had managed to enter the city on 5 May" after "On May 6"
            if following.span.start - anchor.span.end <= 2 * (anchor.span.start - candidate.span.end):
                year, candidate = year + 1, following
        note = f"the year {year} is taken from “{anchor.text}”, the date before it"
        return DateMention(candidate.start, candidate.end, phrase, candidate.edtf, candidate.span, candidate.precision,
                           "year inferred", note if raw.note is None else f"{raw.note}; {note}", anchor)

    def _year_from_ahead(self, raw: _Raw, phrase: str, ahead: str) -> DateMention | None:
        """No date before: the year of the first stated date after it in the paragraph, if the day falls before it."""
        month = raw.month or 1
        for other in _scan(ahead):
            found = re.match(r"(-?\d{4})-(\d{2})", other.lower) if other.kind == "absolute" and other.lower else None
            if found is None:
                continue
            year = int(found.group(1)) - (1 if month > int(found.group(2)) else 0)
            return self._absolute(_with_year(raw, year), phrase, "year inferred",
                                  f"the year {year} is taken from “{ahead[other.start:other.end]}”, the date after it")
        self.skipped.append((phrase, "no year in the text before it to complete it with"))
        return None

    def _day_only(self, raw: _Raw, phrase: str) -> DateMention | None:
        """'on the 16th': the month and year of the date before it, the next month when the day is past."""
        anchor = self._anchor(coarsest="month")
        if anchor is None or _grain(anchor) == "year":
            self.skipped.append((phrase, "a day of the month with no month in the text before it"))
            return None
        year, month, last_day = from_day_number(anchor.span.end)
        if raw.mode == "next" or (raw.mode == "" and _grain(anchor) == "day" and (raw.day or 1) < last_day):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        elif raw.mode == "previous":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        if (raw.day or 1) > days_in_month(year, month):
            self.skipped.append((phrase, f"not a day of {MONTH_NAMES[month - 1].title()} {year}"))
            return None
        value = upper = edtf_day(year, month, raw.day or 1)
        if raw.day2:
            end_year, end_month = (year, month) if raw.day2 > (raw.day or 1) else \
                ((year + 1, 1) if month == 12 else (year, month + 1))
            if raw.day2 > days_in_month(end_year, end_month):
                self.skipped.append((phrase, f"not a day of {MONTH_NAMES[end_month - 1].title()} {end_year}"))
                return None
            upper = edtf_day(end_year, end_month, raw.day2)
        mention = self._absolute(_Raw(raw.start, raw.end, "absolute", raw.precision, value, upper), phrase)
        note = f"the month and year are taken from “{anchor.text}”, the date before it"
        return replace(mention, how="year inferred", note=note if raw.note is None else f"{raw.note}; {note}",
                       anchor=anchor)

    def _anchor(self, coarsest: str, section: str | None = None) -> DateMention | None:
        """The most recent narrative date at least as fine as ``coarsest`` (in this section first), else any non-coarse one.

        Background dates ('founded in 1592') are passed over while a narrative date is there to count from.
        """
        order = ["day", "month", "year"]
        wanted = order[: order.index(coarsest) + 1]
        recent = [(m, s) for m, s in reversed(self.history) if m.precision not in COARSE_PRECISIONS]
        narrative = [(m, s) for m, s in recent if not m.background] or recent
        for mention, sect in narrative:
            if _grain(mention) in wanted and (section is None or sect == section):
                return mention
        return narrative[0][0] if narrative else None

    def _relative(self, raw: _Raw, phrase: str, section: str) -> DateMention | None:
        if raw.mode == "age":
            return self._age(raw, phrase)
        unit = raw.unit or "year"
        grain = {"day": "day", "week": "day", "month": "month", "year": "year"}.get(unit, "month")
        anchor = self._anchor(grain, section)
        if anchor is None:
            self.skipped.append((phrase, "a relative date with no date before it to count from"))
            return None
        start, end = anchor.span.start, anchor.span.end
        note = f"counted from “{anchor.text}”"
        offset_days: int | None = None
        exact_day = anchor.precision == "day" and start == end
        if raw.mode == "offset" and unit in ("day", "week"):
            days = raw.amount * (7 if unit == "week" else 1)
            target = end + days if days > 0 else start + days
            if exact_day:
                offset_days = target - start
                value = iso_day(target)
                precision = "day"
            else:
                value = span_edtf(start + days, end + days)
                precision = "shifted"
        elif raw.mode == "offset" and unit == "month":
            year, month, _ = from_day_number(end if raw.amount > 0 else start)
            total = year * 12 + (month - 1) + raw.amount
            value, precision = edtf_month(total // 12, total % 12 + 1), "month"
        elif raw.mode == "offset" and unit == "year":
            year = from_day_number(end if raw.amount > 0 else start)[0] + raw.amount
            value, precision = _y(year), "year"
        elif raw.mode == "offset" and unit.isdigit():  # the following / previous season
            value, precision = _next_season(int(unit), start, end, raw.amount), "season"
        elif raw.mode == "same":
            value, precision = self._same(unit, start, end, anchor)
            if value == anchor.edtf and exact_day:
                offset_days = 0
        else:  # later / earlier that day, month, year
            value, precision = self._later_earlier(raw, start, end)
        span = self._checked(value, phrase)
        return DateMention(raw.start, raw.end, phrase, value, span, precision, "relative", note, anchor, offset_days)

    def _age(self, raw: _Raw, phrase: str) -> DateMention | None:
        if self.birth is None:
            self.skipped.append((phrase, "an age with no date of birth in the text before it to count from"))
            return None
        value = _y(from_day_number(self.birth.span.start)[0] + raw.amount)
        return DateMention(raw.start, raw.end, phrase, value, self._checked(value, phrase), "year", "relative",
                           f"counted from the birth, “{self.birth.text}”", self.birth)

    @staticmethod
    def _same(unit: str, start: int, end: int, anchor: DateMention) -> tuple[str, str]:
        year, month, _ = from_day_number(start)
        if unit == "day":
            return (iso_day(start), "day") if start == end else (anchor.edtf, anchor.precision)
        if unit == "month":
            return edtf_month(year, month), "month"
        if unit == "year":
            return _y(year), "year"
        return f"{_y(year)}-{unit}", "season"

    @staticmethod
    def _later_earlier(raw: _Raw, start: int, end: int) -> tuple[str, str]:
        year, month, _ = from_day_number(end if raw.mode == "later-that" else start)
        unit = raw.unit or "year"
        if unit == "day":
            return iso_day(start), "day"
        if unit == "month":
            first, last = day_number(year, month, 1), day_number(year, month, days_in_month(year, month))
        elif unit == "year":
            first, last = day_number(year, 1, 1), day_number(year, 12, 31)
        else:
            return f"{_y(year)}-{unit}", "season"
        if raw.mode == "later-that":
            first = min(end + 1, last)
        else:
            last = max(start - 1, first)
        return span_edtf(first, last), "part of " + ("month" if unit == "month" else "year")


def _grain(mention: DateMention) -> str:
    """'day', 'month' or 'year': how fine a date is, for choosing what a relative date counts from."""
    length = mention.span.end - mention.span.start
    if mention.precision in ("day", "days") or length < 28:
        return "day"
    if length < 366 - 1 and mention.precision not in ("year",):
        return "month"
    return "year"


def _next_season(code: int, start: int, end: int, direction: int) -> str:
    year = from_day_number(end if direction > 0 else start)[0]
    candidates = []
    for y in (year - 1, year, year + 1):
        first = day_number(y, SEASON_FIRST_MONTH[code], 1)
        candidates.append((first, y))
    if direction > 0:
        first, y = next((f, y) for f, y in candidates if f > end)
    else:
        first, y = [(f, y) for f, y in candidates if f + 80 < start][-1]
    if code == SEASON_CODES["winter"]:  # the months it spans: EDTF's winter code would read as December alone
        return f"{edtf_month(y, 12)}/{edtf_month(y + 1, 2)}"
    return f"{_y(y)}-{code}"


def find_dates(text: str) -> list[DateMention]:
    """The dates in one piece of text, resolved only against each other (for tests and quick use)."""
    return DateReader().read(text)
