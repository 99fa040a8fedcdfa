"""The date patterns, most specific first, and the scan that finds them in one sentence.

Each pattern gives a raw date (:class:`chronomap.authoring.date_edtf._Raw`): absolute, without a year, a day
alone, or relative.  :class:`chronomap.authoring.dates_in_text.DateReader` resolves them against the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chronomap.authoring.date_edtf import (
    _DAY,
    _FULL_MONTH,
    _MOD,
    _MONTH,
    _RANGE,
    _SEASON,
    _SEASONS,
    _YEAR,
    SEASON_CODES,
    UnreadableDate,
    _abs,
    _int_day,
    _mod_key,
    _month_number,
    _part_of_month,
    _part_of_year,
    _Raw,
    _y,
    edtf_day,
    edtf_month,
)
from chronomap.authoring.date_periods import (
    BC,
    CENTURY,
    p_centuries,
    p_century,
    p_century_part,
    p_decade,
    p_decade_part,
    p_rel_long,
)
from chronomap.authoring.date_words import NUMBER, NUMBER_WORDS, ORDINAL_WORDS, is_quantity, year_context_ok
from chronomap.authoring.dates_days import (
    BARE_FEAST_NAMES,
    DAY_ORDINAL,
    DAY_WORD,
    FEAST_NAMES,
    NOT_A_DAY,
    OF_MONTH,
    feast_day,
    p_day_only,
    p_day_word,
    p_feast,
    p_ocr_day,
    p_this_day,
    p_two_seasons,
    p_yearless_cross_month,
)
from chronomap.story.dates import DateError, days_in_month, parse_date


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


def _p_year_range(m: re.Match[str], text: str) -> _Raw | None:
    if is_quantity(text, m.start(), m.end()):  # "1500–2000 men"
        return None
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last <= first:
        return None
    return _abs(m, _y(first), _y(last), "years")


def _p_split_year(m: re.Match[str], text: str) -> _Raw | None:
    """'1852/3', '1805/06': a year that runs into the next (a fiscal year, a winter, or one of the two)."""
    if is_quantity(text, m.start(), m.end()):
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
    if is_quantity(text, m.start("y"), m.end()):  # "about 1300 miles"
        return None
    value = _y(int(m["y"]))
    return _abs(m, value, value, "year", approximate=True)


def _p_era_year(m: re.Match) -> _Raw:
    number = int(m["y"] or m["y2"])
    era = (m["era"] or m["era2"]).upper().replace(".", "").replace(" ", "")
    year = 1 - number if era in ("BC", "BCE") else number
    return _abs(m, _y(year), _y(year), "year")


def _p_year(m: re.Match, text: str) -> _Raw | None:
    if not year_context_ok(text, m.start(), m.end()):
        return None
    value = _y(int(m["y"]))
    return _abs(m, value, value, "year")


def _p_short_year(m: re.Match[str], text: str) -> _Raw | None:
    """'In 781 during the Tang Dynasty', 'in 364, the': a year of three digits, only where a year must stand."""
    if is_quantity(text, m.start("y"), m.end("y")):
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
    amount = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    sign = -1 if m["dir"].lower() in ("earlier", "before", "before that", "previously") else 1
    return _relative(m, m["u"].lower(), sign * amount)


def _p_age(m: re.Match) -> _Raw:
    """'When he was eight years old', 'at the age of 13', 'aged 61': years counted from the birth the text gave."""
    amount = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    return _Raw(m.start(), m.end(), "relative", "year", unit="year", amount=amount, mode="age")


def _p_rel_next(m: re.Match[str], text: str) -> _Raw | None:
    unit = m["u"].lower()
    if unit not in SEASON_CODES and re.search(r"\b(?:for|over)\s+$", text[:m.start()], re.IGNORECASE):
        return None  # 'for the next year or so' says how long (but 'laid up for the following winter' says when)
    sign = -1 if m["which"].lower() in ("previous", "preceding") else 1
    return _relative(m, str(SEASON_CODES[unit]) if unit in SEASON_CODES else unit, sign)


def _p_rel_unit_after(m: re.Match) -> _Raw:
    return _relative(m, m["u"].lower(), -1 if m["dir"].lower() == "before" else 1)


def _p_rel_that(m: re.Match) -> _Raw:
    which = (m["which"] or "").lower()
    unit = m["u"].lower()
    mode = {"later": "later-that", "earlier": "earlier-that"}.get(which, "same")
    return _relative(m, str(SEASON_CODES[unit]) if unit in SEASON_CODES else unit, 0, mode)


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


_Handler = Callable[..., "_Raw | None"]
# A three-digit number is a year only where a clause goes on after it ('in 781 during', 'About 710 they fell').
_CLAUSE_AFTER_SHORT_YEAR = (r"(?![,.]\d)(?=,|\s+(?:during|when|under|while|after|before|the|he|she|they|it|its|his|her|their|a|an)"
                            r"\b)")
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
     p_day_word),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>[Il][Il0-9]?|[0-9][Il])(?:,\s*(?P<y>{_YEAR}))?(?=[.,;:)]|\s*$)"),
     p_ocr_day),
    (re.compile(rf"\b(?P<f>{FEAST_NAMES})(?:(?:,\s*|\s+|\s+of\s+)(?P<y>{_YEAR}))?(?![\w’'])"), p_feast),
    (re.compile(rf"\b(?:[Oo]n|[Aa]t|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ss]ince|[Oo]ver|[Ff]rom)\s+"
                rf"(?P<f>{BARE_FEAST_NAMES})(?:(?:,\s*|\s+|\s+of\s+)(?P<y>{_YEAR}))?(?![\w’'])(?!\s+[A-Z])"
                r"(?!\s+(?:trees?|cards?|carols?|presents?|dinner|holidays?|season|break|markets?|truce|eggs?|vacation|recess|term)\b)"),
     p_feast),
    (re.compile(rf"\b(?P<m1>{_MONTH}){_RANGE}(?P<m2>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})"), _p_month_range_year),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?P<s1>{_SEASONS})\s+and\s+(?:the\s+)?(?P<s2>{_SEASONS})\s+of\s+(?P<y>{_YEAR})"),
     p_two_seasons),
    (re.compile(rf"\b(?:[Tt]he\s+)?{_MOD}?{_SEASON}\s+(?:of\s+)?(?P<y>{_YEAR})(?:\s*[–—/-]\s*(?P<y2>\d{{1,4}}))?(?![\d])"),
     _p_season),
    (re.compile(rf"\b{_MOD}?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})"), _p_month_year),
    (re.compile(r"\b(?:the\s+)?(?P<part>(?:first|second|latter|last)\s+half|beginning|start|turn|middle|end|close)\s+of\s+"
                r"the\s+(?P<y>\d{3}0)s\b", re.IGNORECASE), p_decade_part),
    (re.compile(r"\b(?:[Tt]he\s+)?" + _MOD + r"?(?P<y>\d{3}0)s\b"), p_decade),
    (re.compile(r"\b(?:[Tt]he\s+)?" + CENTURY + r"\s*(?:and|to|[–—-])\s*(?:the\s+)?"
                + CENTURY.replace("?P<c>", "?P<c2>") + r"\s+centuries\b" + BC, re.IGNORECASE), p_centuries),
    (re.compile(r"\b(?:the\s+)?(?P<part>(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|last|final)"
                r"\s+quarter|beginning|start|turn|middle|end|close)\s+of\s+the\s+" + CENTURY + r"[\s-]+century\b" + BC,
                re.IGNORECASE), p_century_part),
    (re.compile(r"\b(?P<part>early|mid|middle|late)\s+(?:in|during|of)\s+the\s+" + CENTURY + r"[\s-]+century\b" + BC,
                re.IGNORECASE), p_century_part),
    (re.compile(r"\b(?:[Tt]he\s+)?" + _MOD + r"?(?P<c>\d{1,2}(?:st|nd|rd|th)|"
                + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\s+[Cc]entury\b" + BC, re.IGNORECASE),
     p_century),
    (re.compile(rf"\b(?P<y1>{_YEAR})\s?/\s?(?P<y2>\d{{4}}|\d{{1,2}})(?![\d/])"), _p_split_year),
    (re.compile(rf"\b(?P<y1>{_YEAR})\s*[–—-]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d])"), _p_year_range),
    (re.compile(rf"\b(?:[Tt]he\s+|[Aa]t\s+the\s+)?(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|beginning|start|middle|end)(?:-|\s+)(?:of\s+)?(?P<y>{_YEAR})"),
     _p_part_of_year),
    (re.compile(rf"\b(?P<mod>[Ee]arly|[Ll]ate)\s+in\s+(?P<y>{_YEAR})"), _p_part_of_year),  # 'Late in 1945'
    (re.compile(rf"\b(?:c\.|ca\.|[Cc]irca|[Aa]round|[Aa]bout|[Aa]pproximately)\s*(?P<y>{_YEAR})"), _p_approximate_year),
    (re.compile(r"\b(?:(?P<y>\d{1,4})\s?(?P<era>BCE|BC|CE|AD|B\.\s?C\.|A\.\s?D\.)(?![A-Za-z])|(?P<era2>AD|A\.\s?D\.)\s?(?P<y2>\d{1,4})\b)"),
     _p_era_year),
    (re.compile(rf"(?<![\w.,/-])(?P<y>{_YEAR})(?!,\d|\.\d|[-–]\d)"), _p_year),
    (re.compile(r"\b[Ii]n\s+(?:the\s+year\s+)?(?P<y>[1-9]\d{2})" + _CLAUSE_AFTER_SHORT_YEAR), _p_short_year),
    (re.compile(r"\b(?:c\.|ca\.|[Cc]irca|[Aa]round|[Aa]bout)\s*(?P<y>[1-9]\d{2})" + _CLAUSE_AFTER_SHORT_YEAR),
     _p_approximate_year),
    (re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})"), p_yearless_cross_month),
    (re.compile(rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}){_RANGE}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})"),
     p_yearless_cross_month),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})"), _p_yearless_days),
    (re.compile(rf"\b(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"), _p_yearless_days),
    (re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"), _p_yearless_day),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?!\s*[:.]\d)"), _p_yearless_day),
    (re.compile(rf"\b(?:[Ii]n|[Bb]y|[Dd]uring|[Uu]ntil|[Ss]ince|[Tt]hat|[Bb]etween|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)"
                rf"(?:{_MOD})?(?P<m>{_FULL_MONTH})\b(?!\s+\d)"), _p_yearless_month),
    (re.compile(rf"\b[Tt]he\s+(?:(?P<dw>{DAY_WORD})|(?P<d>{DAY_ORDINAL})){OF_MONTH}"), p_day_only),
    (re.compile(rf"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Uu]pon|[Bb]efore|[Aa]fter|"
                rf"(?:morning|forenoon|afternoon|evening|night|noon)\s+of)\s+"
                rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?the\s+(?P<d>{DAY_ORDINAL})"
                rf"(?:\s*(?:and|to|till|until|[–—-])\s*(?:the\s+)?(?P<d2>{DAY_ORDINAL}))?"
                rf"(?:{OF_MONTH}|\s+(?P<inst>instant|inst\.|ultimo|ult\.))?"
                rf"(?!\s+of\b)(?!\s*-)(?!\s+(?i:{NOT_A_DAY})\b)(?!\s+[a-z]+est\b)"), p_day_only),
    (re.compile(r"^\W*(?:[Oo]n\s+)?[Tt]his\s+(?:same\s+|very\s+)?day\b"), p_this_day),
    (re.compile(rf"\b{NUMBER}\s+(?P<u>decade|century)(?:s|ies)?\s+(?P<dir>later|afterwards|earlier|before)\b",
                re.IGNORECASE), p_rel_long),
    (re.compile(rf"\b{NUMBER}\s+(?P<u>day|week|month|year)s?\s+(?P<dir>later|afterwards|after that|earlier|before that|"
                r"previously|(?:had\s+|have\s+)?(?:passed|elapsed|gone\s+by)|went\s+by)\b", re.IGNORECASE), _p_rel_offset),
    (re.compile(rf"\b(?:[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Uu]ntil)\s+(?:he|she)\s+was\s+(?:only\s+|just\s+)?{NUMBER}"
                r"(?:\s+years?\s+old|\s+years\s+of\s+age|(?=\s*[,;.]))"), _p_age),
    (re.compile(rf"\b(?:[Aa]t\s+the\s+age\s+of|[Aa]ged)\s+{NUMBER}\b(?!\s+(?:days?|weeks?|months?)\b)"), _p_age),
    (re.compile(r"\b(?:[Tt]he\s+|[Bb]y\s+the\s+)?(?P<which>[Nn]ext|[Ff]ollowing|previous|preceding)\s+"
                r"(?P<u>day|week|month|year|spring|summer|autumn|fall|winter)\b"), _p_rel_next),
    (re.compile(r"\b[Tt]he\s+(?P<u>day|week|month|year)\s+(?P<dir>after|before|following|ensuing|succeeding)\b(?!\s+(?:the|his|her|its|their|a|an)\b)"),
     _p_rel_unit_after),
    (re.compile(r"\b(?:[Tt]he\s+)?(?P<which>)(?P<u>spring|summer|autumn|fall|winter)\s+of\s+(?:that|the\s+same)\s+year\b",
                re.IGNORECASE), _p_rel_that),
    (re.compile(r"\b(?:(?P<which>[Ll]ater|[Ee]arlier)\s+that|[Tt]hat\s+(?:same\s+)?|[Tt]he\s+same)\s*"
                r"(?P<u>day|month|year|spring|summer|autumn|fall|winter)\b"), _p_rel_that),
]


_NEEDS_TEXT: set[_Handler] = {_p_year, _p_approximate_year, _p_year_range, _p_split_year, _p_rel_next, _p_short_year, p_feast}


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
