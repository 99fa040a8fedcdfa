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
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from chronomap.authoring.dates_days import (
    BARE_FEAST_NAMES,
    DAY_WORD,
    FEAST_NAMES,
    NOT_A_DAY_AFTER,
    day_word,
    feast_day,
    feast_key,
)
from chronomap.story.dates import DateError, DateSpan, day_number, days_in_month, from_day_number, iso_day, parse_date

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
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}
# A bare four-digit number is read as a year only after words like these (or punctuation) ...
_YEAR_CONTEXT = {
    "in", "of", "by", "since", "until", "till", "from", "to", "during", "after", "before", "around", "circa",
    "about", "c", "ca", "year", "years", "and", "or", "the", "between", "through", "throughout", "on", "for",
    "as", "at", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "than", "when", "its",
}
# ... and never before a unit or a count noun ("2000 tractors").
_NOT_YEAR_AFTER = {
    "km", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "m", "tonnes", "tons", "hectares", "ha",
    "acres", "leagues", "versts", "yards", "li", "square", "sq", "kg", "pounds", "lb", "feet", "ft",
    "people", "men", "women", "children", "soldiers", "troops", "warriors", "horsemen", "cavalry", "sailors",
    "volunteers", "workers", "tractors", "farms", "members", "votes", "deputies", "delegates", "prisoners",
    "inhabitants", "residents", "families", "households", "houses", "ships", "boats", "guns", "cannon", "horses",
    "camels", "cattle", "sheep", "slaves", "students", "scholars", "manuscripts", "books", "copies", "units",
    "roubles", "rubles", "dollars", "francs", "marks", "guineas", "ducats", "shillings", "crowns", "florins",
}
# words that make a following four-digit number a count ("about 1300 miles", "some 2000 men")
_QUANTIFIERS = {"about", "around", "some", "over", "nearly", "almost", "approximately", "roughly", "only", "than",
                "least", "another", "further", "additional"}
_NOT_A_PLURAL_NOUN = {"was", "has", "is", "as", "its", "his", "this", "thus", "always", "towards", "afterwards",
                      "perhaps", "whereas", "besides", "does", "goes"}
COARSE_PRECISIONS = frozenset({"decade", "part of decade", "century", "part of century"})


class UnreadableDate(ValueError):
    """A phrase that looks like a date but is not a real one (30 February)."""


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


# --- the patterns, most specific first ------------------------------------------------------------

def _abs(m: re.Match, lower: str, upper: str, precision: str, approximate: bool = False) -> _Raw:
    return _Raw(m.start(), m.end(), "absolute", precision, lower, upper, approximate)


def _p_iso(m: re.Match) -> _Raw:
    value = edtf_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return _abs(m, value, value, "day")


def _p_days_month_year(m: re.Match) -> _Raw:
    year, month = int(m["y"]), _month_number(m["m"])
    return _abs(m, edtf_day(year, month, _int_day(m["d1"])), edtf_day(year, month, _int_day(m["d2"])), "days")


def _p_day_month_day_month_year(m: re.Match) -> _Raw:
    year = int(m["y"])
    lower = edtf_day(year, _month_number(m["m1"]), _int_day(m["d1"]))
    upper = edtf_day(year, _month_number(m["m2"]), _int_day(m["d2"]))
    return _abs(m, lower, upper, "days")


def _p_day(m: re.Match) -> _Raw:
    value = edtf_day(int(m["y"]), _month_number(m["m"]), _int_day(m["d"]))
    return _abs(m, value, value, "day")


def _p_month_range_year(m: re.Match) -> _Raw:
    year = int(m["y"])
    return _abs(m, edtf_month(year, _month_number(m["m1"])), edtf_month(year, _month_number(m["m2"])), "months")


def _p_season(m: re.Match) -> _Raw:
    year, code = int(m["y"]), SEASON_CODES[m["season"].lower()]
    if m["y2"]:  # "the winter of 1954–55": December to February
        value_lower, value_upper = edtf_month(year, 12), edtf_month(year + 1, 2)
        return _abs(m, value_lower, value_upper, "season")
    value = f"{_y(year)}-{code}"
    return _abs(m, value, value, "season")


def _p_month_year(m: re.Match) -> _Raw:
    year, month, mod = int(m["y"]), _month_number(m["m"]), _mod_key(m["mod"])
    if mod:
        lower, upper = _part_of_month(year, month, mod)
        return _abs(m, lower, upper, "part of month")
    value = edtf_month(year, month)
    return _abs(m, value, value, "month")


def _p_decade(m: re.Match) -> _Raw:
    decade, mod = int(m["y"]), _mod_key(m["mod"])
    if mod is None:
        value = f"{decade // 10}X"
        return _abs(m, value, value, "decade")
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (5, 9)}[mod]
    return _abs(m, _y(decade + first), _y(decade + last), "part of decade")


def _p_century(m: re.Match[str]) -> _Raw | None:
    number = _century_number(m["c"])
    if number is None:
        return None
    base, mod = (number - 1) * 100, _mod_key(m["mod"])
    if mod is None:
        value = f"{base // 100:02d}XX"
        return _abs(m, value, value, "century")
    first, last = {"early": (0, 33), "mid": (33, 66), "late": (66, 99)}[mod]
    return _abs(m, _y(base + first), _y(base + last), "part of century")


def _century_number(raw: str) -> int | None:
    raw = raw.lower()
    digits = re.match(r"\d+", raw)
    number = int(digits.group()) if digits else _ORDINAL_WORDS.get(raw)
    return number if number and number <= 21 else None


_CENTURY_PARTS = {
    "early": (0, 33), "beginning": (0, 10), "start": (0, 10), "turn": (0, 10), "mid": (33, 66), "middle": (33, 66),
    "late": (66, 99), "end": (90, 99), "close": (90, 99),
    "first half": (0, 49), "second half": (50, 99), "latter half": (50, 99), "last half": (50, 99),
    "first quarter": (0, 24), "second quarter": (25, 49), "third quarter": (50, 74), "last quarter": (75, 99),
    "final quarter": (75, 99), "fourth quarter": (75, 99),
}


def _p_century_part(m: re.Match[str]) -> _Raw | None:
    """'early in the 12th century', 'the second half of the nineteenth century', 'the end of the 18th century'."""
    number = _century_number(m["c"])
    if number is None:
        return None
    part = " ".join(m["part"].lower().split())
    first, last = _CENTURY_PARTS[part]
    base = (number - 1) * 100
    return _abs(m, _y(base + first), _y(base + last), "part of century")


def _p_year_range(m: re.Match[str], text: str) -> _Raw | None:
    if _is_quantity(text, m.start(), m.end()):  # "1500–2000 men"
        return None
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last <= first:
        return None
    return _abs(m, _y(first), _y(last), "years")


def _p_split_year(m: re.Match[str], text: str) -> _Raw | None:
    """'1852/3', '1805/06': a year that runs into the next (a fiscal year, a winter, or one of the two)."""
    if _is_quantity(text, m.start(), m.end()):
        return None
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else (first // 10 ** len(second)) * 10 ** len(second) + int(second)
    if not first < last <= first + 10:
        return None
    return _abs(m, _y(first), _y(last), "years")


def _p_part_of_year(m: re.Match) -> _Raw:
    word = m["mod"].lower()
    mod = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}.get(word, word)
    lower, upper = _part_of_year(int(m["y"]), mod)
    return _abs(m, lower, upper, "part of year")


def _p_approximate_year(m: re.Match[str], text: str) -> _Raw | None:
    if _is_quantity(text, m.start("y"), m.end()):  # "about 1300 miles"
        return None
    value = _y(int(m["y"]))
    return _abs(m, value, value, "year", approximate=True)


def _p_era_year(m: re.Match) -> _Raw:
    number = int(m["y"] or m["y2"])
    era = (m["era"] or m["era2"]).upper().replace(".", "")
    year = 1 - number if era in ("BC", "BCE") else number
    return _abs(m, _y(year), _y(year), "year")


def _is_quantity(text: str, start: int, end: int) -> bool:
    """'1300 miles', 'about 2000 men', '$1850', '1900%': a count or an amount, not a year."""
    before = text[:start].rstrip()
    after = text[end:]
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in _NOT_YEAR_AFTER:
        return True
    if re.match(r"\s*[%$€£]", after) or before.endswith(("$", "€", "£", "№", "#")):
        return True
    previous = re.search(r"([A-Za-z]+)\W*$", before)
    word = next_word.group(1) if next_word else ""
    plural = len(word) > 3 and word.islower() and word.endswith("s") and word not in _NOT_A_PLURAL_NOUN
    return bool(previous and previous.group(1).lower() in _QUANTIFIERS and plural)


def _year_context_ok(text: str, start: int, end: int) -> bool:
    if _is_quantity(text, start, end):
        return False
    before = text[:start].rstrip()
    after = text[end:]
    if not before or before[-1] in "(,;:—–-[“\"'‘":
        return True
    previous = re.search(r"([A-Za-z]+)\W*$", before)
    if previous and previous.group(1).lower() in _YEAR_CONTEXT:
        return True
    return bool(re.match(r"\s*(?:[,.;:)\]”\"']|$)", after))


def _p_year(m: re.Match, text: str) -> _Raw | None:
    if not _year_context_ok(text, m.start(), m.end()):
        return None
    value = _y(int(m["y"]))
    return _abs(m, value, value, "year")


def _p_short_year(m: re.Match[str], text: str) -> _Raw | None:
    """'In 781 during the Tang Dynasty', 'in 364, the': a year of three digits, only where a year must stand."""
    if _is_quantity(text, m.start("y"), m.end("y")):
        return None
    value = _y(int(m["y"]))
    return _Raw(m.start("y"), m.end("y"), "absolute", "year", value, value)


def _p_yearless_days(m: re.Match) -> _Raw:
    return _Raw(m.start(), m.end(), "yearless", "days", month=_month_number(m["m"]),
                day=_int_day(m["d1"]), day2=_int_day(m["d2"]))


def _p_yearless_day(m: re.Match) -> _Raw:
    return _Raw(m.start(), m.end(), "yearless", "day", month=_month_number(m["m"]), day=_int_day(m["d"]))


def _p_yearless_month(m: re.Match) -> _Raw:
    mod = _mod_key(m["mod"])
    return _Raw(m.start("m") if not mod else m.start("mod"), m.end(), "yearless",
                "part of month" if mod else "month", month=_month_number(m["m"]), mod=mod)


def _relative(m: re.Match, unit: str, amount: int, mode: str = "offset") -> _Raw:
    return _Raw(m.start(), m.end(), "relative", "relative", unit=unit, amount=amount, mode=mode)


def _p_rel_offset(m: re.Match) -> _Raw:
    amount = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
    sign = -1 if m["dir"].lower() in ("earlier", "before", "before that", "previously") else 1
    return _relative(m, m["u"].lower(), sign * amount)


def _p_rel_next(m: re.Match[str], text: str) -> _Raw | None:
    unit = m["u"].lower()
    if unit not in SEASON_CODES and re.search(r"\b(?:for|over)\s+$", text[:m.start()], re.IGNORECASE):
        return None  # 'for the next year or so' says how long (but 'laid up for the following winter' says when)
    sign = -1 if m["which"].lower() in ("previous", "preceding") else 1
    return _relative(m, str(SEASON_CODES[unit]) if unit in SEASON_CODES else unit, sign)


def _p_rel_unit_after(m: re.Match) -> _Raw:
    return _relative(m, m["u"].lower(), 1 if m["dir"].lower() == "after" else -1)


def _p_rel_that(m: re.Match) -> _Raw:
    which = (m["which"] or "").lower()
    unit = m["u"].lower()
    mode = {"later": "later-that", "earlier": "earlier-that"}.get(which, "same")
    return _relative(m, str(SEASON_CODES[unit]) if unit in SEASON_CODES else unit, 0, mode)


_CENTURY = r"(?P<c>\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"
_WEEKS = {"first": (1, 7), "second": (8, 14), "third": (15, 21), "fourth": (22, 28)}


def _week_days(which: str, year: int, month: int) -> tuple[int, int]:
    last = days_in_month(year, month)
    return _WEEKS.get(which.lower(), (last - 6, last))


def _p_week_of_month(m: re.Match[str]) -> _Raw:
    """'during the final week of August (1811)': seven days, with or without a year."""
    month = _month_number(m["m"])
    if m["y"]:
        year = int(m["y"])
        first, last = _week_days(m["which"], year, month)
        return _abs(m, edtf_day(year, month, first), edtf_day(year, month, last), "days")
    first, last = _week_days(m["which"], 2001, month)  # a common year: the last week of February ends on the 28th
    return _Raw(m.start(), m.end(), "yearless", "days", month=month, day=first, day2=last)



def _p_day_word(m: re.Match[str]) -> _Raw:
    """'upon the seventh of April, 1805', 'the first of May': a day written as an ordinal word."""
    day, month = day_word(m["dw"]), _month_number(m["m"])
    if m["y"]:
        value = edtf_day(int(m["y"]), month, day)
        return _abs(m, value, value, "day")
    return _Raw(m.start(), m.end(), "yearless", "day", month=month, day=day)


def _p_ocr_day(m: re.Match[str]) -> _Raw | None:
    """'on July I.': an OCR slip of 1 (and 11) for I or l in old printed texts, after a month and before punctuation."""
    digits = m["d"].replace("I", "1").replace("l", "1")
    if not 1 <= int(digits) <= 31:
        return None
    note = f"“{m['d']}” read as {digits} (a misprint or scanning slip)"
    month = _month_number(m["m"])
    if m["y"]:
        value = edtf_day(int(m["y"]), month, int(digits))
        return _Raw(m.start(), m.end(), "absolute", "day", value, value, note=note)
    return _Raw(m.start("m"), m.end(), "yearless", "day", month=month, day=int(digits), note=note)


def _p_yearless_cross_month(m: re.Match[str]) -> _Raw:
    """'(March 17–May 20)', '17 March to 20 May': days in two months, the year from the story."""
    return _Raw(m.start(), m.end(), "yearless", "days", month=_month_number(m["m1"]), day=_int_day(m["d1"]),
                month2=_month_number(m["m2"]), day2=_int_day(m["d2"]))


def _p_two_seasons(m: re.Match[str]) -> _Raw:
    """'the summer and autumn of 1804': from the first season's first month to the second's last."""
    year = int(m["y"])
    first = SEASON_FIRST_MONTH[SEASON_CODES[m["s1"].lower()]]
    last_first = SEASON_FIRST_MONTH[SEASON_CODES[m["s2"].lower()]]
    end_year, end_month = (year + 1, 2) if last_first == 12 else (year, last_first + 2)
    return _abs(m, edtf_month(year, first), edtf_month(end_year, end_month), "season")


_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|by|until|till|before|after|since|over|from|of|in|upon|during|and|or)\s+$",
                                 re.IGNORECASE)


def _feast(m: re.Match[str], text: str) -> _Raw | None:
    if re.match(r"\s+[A-Z][a-z]", text[m.end():]) and not _PREPOSITION_BEFORE.search(text, 0, m.start("f")):
        return None  # a name: 'the Good Friday Agreement', 'the Michaelmas Term'
    key = feast_key(m["f"])
    if m["y"]:
        month, day = feast_day(key, int(m["y"]))
        value = edtf_day(int(m["y"]), month, day)
        return _Raw(m.start("f"), m.end(), "absolute", "day", value, value)
    month = feast_day(key, 2001)[0]  # Easter's month in a common year, for 'later in the sentence' only
    return _Raw(m.start("f"), m.end("f"), "yearless", "day", month=month, feast=key)


def _p_day_only(m: re.Match[str]) -> _Raw:
    """'on the 16th', 'On Thursday, the 22d', 'the 21st of the same month': month and year from the story."""
    groups = m.groupdict()
    day = day_word(groups["dw"]) if groups.get("dw") else _int_day(groups["d"])
    which = (groups.get("which") or "").lower()
    mode = "next" if which in ("following", "next", "succeeding", "ensuing") else "same" if which else ""
    last = _int_day(groups["d2"]) if groups.get("d2") else None  # 'On the 26th and 27th'
    return _Raw(m.start(), m.end(), "dayonly", "days" if last else "day", day=day, day2=last, mode=mode)


def _p_this_day(m: re.Match[str]) -> _Raw:
    """'This day our captain … took command': in a journal, the day of the sentence before."""
    return _relative(m, "day", 0, "same")

_DAY_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|d)(?![A-Za-z\d])"
_OF_MONTH = r"(?:\s+of\s+(?:the\s+)?(?P<which>same|that|this|following|next|succeeding|ensuing)\s+month)"
_NOT_A_DAY = "|".join(NOT_A_DAY_AFTER)
_Handler = Callable[..., "_Raw | None"]
_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"), _p_iso),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?P<which>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<m>{_MONTH})"
                rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?"), _p_week_of_month),
    (re.compile(rf"\b(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"), _p_days_month_year),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR})"), _p_days_month_year),
    (re.compile(rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_RANGE}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR})"),
     _p_day_month_day_month_year),
    (re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR})"),
     _p_day_month_day_month_year),
    (re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"), _p_day),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,\s*|\s+)(?P<y>{_YEAR})"), _p_day),
    (re.compile(rf"\b(?:the\s+)?(?P<dw>{DAY_WORD})\s+(?:day\s+)?of\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?", re.IGNORECASE),
     _p_day_word),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>[Il][Il0-9]?|[0-9][Il])(?:,\s*(?P<y>{_YEAR}))?(?=[.,;:)]|\s*$)"),
     _p_ocr_day),
    (re.compile(rf"\b(?P<f>{FEAST_NAMES})(?:(?:,\s*|\s+|\s+of\s+)(?P<y>{_YEAR}))?(?![\w’'])"), _feast),
    (re.compile(rf"\b(?:[Oo]n|[Aa]t|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ss]ince|[Oo]ver|[Ff]rom)\s+"
                rf"(?P<f>{BARE_FEAST_NAMES})(?:(?:,\s*|\s+|\s+of\s+)(?P<y>{_YEAR}))?(?![\w’'])(?!\s+[A-Z])"
                r"(?!\s+(?:trees?|cards?|carols?|presents?|dinner|holidays?|season|break|markets?|truce|eggs?|vacation|recess|term)\b)"),
     _feast),
    (re.compile(rf"\b(?P<m1>{_MONTH}){_RANGE}(?P<m2>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})"), _p_month_range_year),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?P<s1>{_SEASONS})\s+and\s+(?:the\s+)?(?P<s2>{_SEASONS})\s+of\s+(?P<y>{_YEAR})"),
     _p_two_seasons),
    (re.compile(rf"\b(?:[Tt]he\s+)?{_MOD}?{_SEASON}\s+(?:of\s+)?(?P<y>{_YEAR})(?:\s*[–—/-]\s*(?P<y2>\d{{1,4}}))?(?![\d])"),
     _p_season),
    (re.compile(rf"\b{_MOD}?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})"), _p_month_year),
    (re.compile(r"\b(?:[Tt]he\s+)?" + _MOD + r"?(?P<y>\d{3}0)s\b"), _p_decade),
    (re.compile(r"\b(?:the\s+)?(?P<part>(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|last|final)"
                r"\s+quarter|beginning|start|turn|middle|end|close)\s+of\s+the\s+" + _CENTURY + r"[\s-]+century\b",
                re.IGNORECASE), _p_century_part),
    (re.compile(r"\b(?P<part>early|mid|middle|late)\s+(?:in|during|of)\s+the\s+" + _CENTURY + r"[\s-]+century\b",
                re.IGNORECASE), _p_century_part),
    (re.compile(r"\b(?:[Tt]he\s+)?" + _MOD + r"?(?P<c>\d{1,2}(?:st|nd|rd|th)|"
                + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")\s+[Cc]entury\b", re.IGNORECASE),
     _p_century),
    (re.compile(rf"\b(?P<y1>{_YEAR})\s?/\s?(?P<y2>\d{{4}}|\d{{1,2}})(?![\d/])"), _p_split_year),
    (re.compile(rf"\b(?P<y1>{_YEAR})\s*[–—-]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d])"), _p_year_range),
    (re.compile(rf"\b(?:[Tt]he\s+|[Aa]t\s+the\s+)?(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|beginning|start|middle|end)(?:-|\s+)(?:of\s+)?(?P<y>{_YEAR})"),
     _p_part_of_year),
    (re.compile(rf"\b(?:c\.|ca\.|[Cc]irca|[Aa]round|[Aa]bout|[Aa]pproximately)\s*(?P<y>{_YEAR})"), _p_approximate_year),
    (re.compile(r"\b(?:(?P<y>\d{1,4})\s?(?P<era>BCE|BC|CE|AD|B\.C\.|A\.D\.)(?![A-Za-z])|(?P<era2>AD|A\.D\.)\s?(?P<y2>\d{1,4})\b)"),
     _p_era_year),
    (re.compile(rf"(?<![\w.,/-])(?P<y>{_YEAR})(?!,\d|\.\d|[-–]\d)"), _p_year),
    (re.compile(r"\b[Ii]n\s+(?:the\s+year\s+)?(?P<y>[1-9]\d{2})(?=,|\s+(?:during|when|under|while|after|before|the|he|she|"
                r"they|it|its|his|her|their|a|an)\b)"), _p_short_year),
    (re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})"), _p_yearless_cross_month),
    (re.compile(rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}){_RANGE}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})"),
     _p_yearless_cross_month),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})"), _p_yearless_days),
    (re.compile(rf"\b(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"), _p_yearless_days),
    (re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"), _p_yearless_day),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?!\s*[:.]\d)"), _p_yearless_day),
    (re.compile(rf"\b(?:[Ii]n|[Bb]y|[Dd]uring|[Uu]ntil|[Ss]ince|[Tt]hat|[Bb]etween|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)"
                rf"(?:{_MOD})?(?P<m>{_FULL_MONTH})\b(?!\s+\d)"), _p_yearless_month),
    (re.compile(rf"\b[Tt]he\s+(?:(?P<dw>{DAY_WORD})|(?P<d>{_DAY_ORDINAL})){_OF_MONTH}"), _p_day_only),
    (re.compile(rf"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Uu]pon|[Bb]efore|[Aa]fter|"
                rf"(?:morning|forenoon|afternoon|evening|night|noon)\s+of)\s+"
                rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?the\s+(?P<d>{_DAY_ORDINAL})"
                rf"(?:\s*(?:and|to|till|until|[–—-])\s*(?:the\s+)?(?P<d2>{_DAY_ORDINAL}))?{_OF_MONTH}?"
                rf"(?!\s+of\b)(?!\s*-)(?!\s+(?i:{_NOT_A_DAY})\b)(?!\s+[a-z]+est\b)"), _p_day_only),
    (re.compile(r"^\W*(?:[Oo]n\s+)?[Tt]his\s+(?:same\s+|very\s+)?day\b"), _p_this_day),
    (re.compile(rf"\b{_NUMBER}\s+(?P<u>day|week|month|year)s?\s+(?P<dir>later|afterwards|after that|earlier|before that|"
                r"previously|(?:had\s+|have\s+)?(?:passed|elapsed|gone\s+by)|went\s+by)\b", re.IGNORECASE), _p_rel_offset),
    (re.compile(r"\b(?:[Tt]he\s+|[Bb]y\s+the\s+)?(?P<which>[Nn]ext|[Ff]ollowing|previous|preceding)\s+"
                r"(?P<u>day|week|month|year|spring|summer|autumn|fall|winter)\b"), _p_rel_next),
    (re.compile(r"\b[Tt]he\s+(?P<u>day|week|month|year)\s+(?P<dir>after|before)\b(?!\s+(?:the|his|her|its|their|a|an)\b)"),
     _p_rel_unit_after),
    (re.compile(r"\b(?:(?P<which>[Ll]ater|[Ee]arlier)\s+that|[Tt]hat\s+(?:same\s+)?|[Tt]he\s+same)\s*"
                r"(?P<u>day|month|year|spring|summer|autumn|fall|winter)\b"), _p_rel_that),
]


_NEEDS_TEXT: set[_Handler] = {_p_year, _p_approximate_year, _p_year_range, _p_split_year, _p_rel_next, _p_short_year, _feast}


def _scan(text: str) -> list[_Raw]:
    taken: list[tuple[int, int]] = []
    found: list[_Raw] = []
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            raw = handler(match, text) if handler in _NEEDS_TEXT else handler(match)
            if raw is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(raw)
    found.sort(key=lambda r: r.start)
    return _merge_ranges(text, found)


def _merge_ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """'between 1954 and 1960', 'from March 1954 to June 1956': one interval."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        first = raws[i]
        if i + 1 < len(raws):
            second = raws[i + 1]
            joiner = text[first.end:second.start]
            opener = re.search(r"\b(between|from)\s+$", text[:first.start], re.IGNORECASE)
            joined = opener and re.fullmatch(r"\s*(?:and|to|until|till|through|[–—-])\s*", joiner)
            # 'from December 8, 1805 until their departure on March 23, 1806': one stay, its end named
            named_end = (opener and opener.group(1).lower() == "from"
                         and re.fullmatch(r"\s+(?:to|until|till)\s+(?:[a-z’']+\s+){1,4}(?:on|in)\s+", joiner))
            # '(1603 – 10 October 1659)': a life or a reign, two whole dates either side of a dash
            dashed = first.kind == "absolute" and re.fullmatch(r"\s*[–—]\s*", joiner)
            if (second.kind == "absolute" and first.kind in ("absolute", "yearless") and (joined or named_end)
                    or dashed and second.kind == "absolute"):
                if first.kind == "yearless":
                    first = _with_year(first, _first_year(_text(second.lower)))
                lower, upper, note = _text(first.lower), _text(second.upper), None
                lower, upper = lower + ("~" if first.approximate else ""), upper + ("~" if second.approximate else "")
                if _starts_after(lower, _text(second.lower)):  # "between 1990 and 1988": the same two years
                    lower, upper = _text(second.lower), _text(first.upper)
                    note = "the article gives the later end first; read as the span between them"
                out.append(_Raw(first.start, second.end, "absolute", "range", lower, upper, note=note))
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _text(value: str | None) -> str:
    """An absolute date's bound (always set; None only on yearless and relative ones)."""
    if value is None:
        raise UnreadableDate("a date bound is missing")
    return value


def _starts_after(first: str, second: str) -> bool:
    try:
        return parse_date(first).start > parse_date(second).start
    except DateError:
        return False


def _with_year(raw: _Raw, year: int) -> _Raw:
    """A yearless date completed with a year."""
    month = raw.month or 1
    if raw.feast:
        month, day = feast_day(raw.feast, year)
        value = edtf_day(year, month, day)
        return _Raw(raw.start, raw.end, "absolute", "day", value, value, note=raw.note)
    if raw.month2:  # "March 17–May 20": the second month may fall in the next year
        upper_year = year + (1 if raw.month2 < month else 0)
        return _Raw(raw.start, raw.end, "absolute", "days", edtf_day(year, month, raw.day or 1),
                    edtf_day(upper_year, raw.month2, raw.day2 or 1), note=raw.note)
    if raw.precision == "month":
        lower = upper = edtf_month(year, month)
    elif raw.precision == "part of month":
        lower, upper = _part_of_month(year, month, raw.mod or "mid")
    elif raw.precision == "days":
        last = min(raw.day2 or 1, days_in_month(year, month)) if raw.day2 and raw.day2 >= 28 else raw.day2 or 1
        lower, upper = edtf_day(year, month, raw.day or 1), edtf_day(year, month, last)
    else:
        lower = upper = edtf_day(year, month, raw.day or 1)
    return _Raw(raw.start, raw.end, "absolute", raw.precision, lower, upper, note=raw.note)


def _first_year(edtf_value: str) -> int:
    match = re.match(r"(-?\d{4})", edtf_value)
    if match is None:
        raise UnreadableDate(f"no year in {edtf_value!r}")
    return int(match.group(1))


# A date in a clause like these is background to the story, not a step of it: "…, founded by Berrio in 1592",
# "Fort Clatsop, known since the expedition of 1805/06".  Such a date is still an event, but a later
# date without a year ("on 4 April") or a relative one ("two years later") is not counted from it.
_BACKGROUND_CUE = re.compile(  # opening a clause after the main one: ", founded by Berrio in 1592"
    r"^\W*(?:founded|established|built|erected|constructed|created|settled|dating|dated|known|first\s+"
    r"(?:mentioned|recorded|attested|described)|born|formerly|previously|since)\b", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\s+(?:already\s+)?been\b", re.IGNORECASE)  # "the post had been abandoned in 1805"
_RELATIVE_CLAUSE = re.compile(r"^\W*(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def _clause_before(text: str, start: int) -> tuple[str, bool]:
    """The clause up to ``start`` (from the last comma, semicolon, colon, dash or bracket) and whether it opens the sentence."""
    cut = max(text.rfind(mark, 0, start) for mark in (",", ";", ":", "(", " – ", " — "))
    return text[cut + 1:start], cut < 0


class DateReader:
    """Reads sentences in document order, resolving dates against the ones before them."""

    def __init__(self) -> None:
        self.history: list[tuple[DateMention, str]] = []  # (mention, section id) in document order
        self.skipped: list[tuple[str, str]] = []  # (phrase, reason)

    def read(self, text: str, section: str = "", ahead: str = "") -> list[DateMention]:
        """The dates in one sentence; unreadable or unanchored ones go to :attr:`skipped`.

        ``ahead`` is the text after the sentence (its paragraph's rest): a day without a year at the very start of
        a story ("sail on 10 May, … left on 13 May 1787") takes the year of the first date there.
        """
        raws = _scan(text)
        mentions: list[DateMention] = []
        for index, raw in enumerate(raws):
            phrase = text[raw.start:raw.end]
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
            if self._is_background(text, raw, mention):
                mention = replace(mention, background=True)
            mentions.append(mention)
            self.history.append((mention, section))
        return mentions

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
        if candidate.span.end < anchor.span.start:  # the story moves forward: "on 31 January" after December
            year += 1
            candidate = self._absolute(_with_year(raw, year), phrase)
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
