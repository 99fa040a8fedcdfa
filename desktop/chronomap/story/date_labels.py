"""Dates at their real precision in English, Russian and Kazakh.

Month names come from CLDR through Babel, kept as data in
:mod:`chronomap.story.month_names` (genitive forms where a language needs them:
"17 декабря"); the word order of each language and the names of
the seasons are this product's own, kept here in one table.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronomap.story.dates import DateError, DateSpan, days_in_month, from_day_number, parse_date
from chronomap.story.month_names import MONTHS

LANGUAGES = ("en", "ru", "kk")

#: Per language: a day, a month, a year, a season; ranges are built from these.
_PATTERNS = {
    "en": {"day": "{d} {month} {y}", "month": "{Month} {y}", "year": "{y}", "years": "{y1}–{y2}", "season": "{season} {y}",
           "days": "{d1}–{d2} {month} {y}", "days_months": "{d1} {month1} – {d2} {month2} {y}",
           "months": "{Month1}–{Month2} {y}", "approx": "c. {text}", "uncertain": "{text} (uncertain)",
           "bce": "{y} BCE"},
    "ru": {"day": "{d} {month} {y} г.", "month": "{Month} {y} г.", "year": "{y} г.", "years": "{y1}–{y2} гг.",
           "season": "{season} {y} г.",
           "days": "{d1}–{d2} {month} {y} г.", "days_months": "{d1} {month1} – {d2} {month2} {y} г.",
           "months": "{Month1} – {Month2} {y} г.", "approx": "ок. {text}", "uncertain": "{text} (неточно)",
           "bce": "{y} до н. э."},
    "kk": {"day": "{y} ж. {d} {month}", "month": "{y} ж. {Month}", "year": "{y} ж.", "years": "{y1}–{y2} жж.",
           "season": "{y} ж. {season}",
           "days": "{y} ж. {d1}–{d2} {month}", "days_months": "{y} ж. {d1} {month1} – {d2} {month2}",
           "months": "{y} ж. {Month1} – {Month2}", "approx": "шамамен {text}", "uncertain": "{text} (анық емес)",
           "bce": "б. з. д. {y}"},
}
_SEASONS = {
    "en": {"spring": "spring", "summer": "summer", "autumn": "autumn", "winter": "winter"},
    "ru": {"spring": "весна", "summer": "лето", "autumn": "осень", "winter": "зима"},
    "kk": {"spring": "көктемі", "summer": "жазы", "autumn": "күзі", "winter": "қысы"},
}


@lru_cache(maxsize=8)
def _months(lang: str) -> tuple[dict[int, str], dict[int, str]]:
    """(month name inside a date, month name standing alone), by month number, from CLDR."""
    names = MONTHS[lang]
    within = dict(enumerate(names[0], start=1))
    alone = dict(enumerate(names[1], start=1))
    if lang == "kk":  # CLDR capitalises the stand-alone form; inside a date it is lower case
        alone = {k: v.lower() for k, v in alone.items()}
    return within, alone


def _check(lang: str) -> str:
    if lang not in _PATTERNS:
        raise ValueError(f"language {lang!r} is not supported; expected one of {', '.join(LANGUAGES)}")
    return lang


def _year(y: int, lang: str) -> str:
    return _PATTERNS[lang]["bce"].format(y=1 - y) if y <= 0 else str(y)


def range_label(start: int, end: int, lang: str = "en") -> str:
    """The span [start, end] named at the coarsest exact precision, in *lang*."""
    p = _PATTERNS[_check(lang)]
    within, alone = _months(lang)
    y1, m1, d1 = from_day_number(start)
    y2, m2, d2 = from_day_number(end)
    whole_months = d1 == 1 and d2 == days_in_month(y2, m2)
    if whole_months and m1 == 1 and m2 == 12:
        if y1 == y2:
            return _year(y1, lang) if y1 <= 0 else p["year"].format(y=y1)
        return p["years"].format(y1=_year(y1, lang), y2=_year(y2, lang))
    if whole_months and y1 == y2:
        if m1 == m2:
            return p["month"].format(Month=alone[m1].capitalize() if lang != "kk" else alone[m1], y=_year(y1, lang))
        return p["months"].format(Month1=alone[m1].capitalize() if lang != "kk" else alone[m1], Month2=alone[m2],
                                  y=_year(y1, lang))
    if start == end:
        return p["day"].format(d=d1, month=within[m1], y=_year(y1, lang))
    if y1 == y2 and m1 == m2:
        return p["days"].format(d1=d1, d2=d2, month=within[m1], y=_year(y1, lang))
    if y1 == y2:
        return p["days_months"].format(d1=d1, month1=within[m1], d2=d2, month2=within[m2], y=_year(y1, lang))
    if whole_months:  # 'December 1759 – February 1760', not the first and last days
        return _joined(_month_label(y1, m1, lang), _month_label(y2, m2, lang), lang)
    return f"{range_label(start, start, lang)} – {range_label(end, end, lang)}"


def _month_label(year: int, month: int, lang: str) -> str:
    alone = _months(lang)[1]
    return _PATTERNS[lang]["month"].format(Month=alone[month].capitalize() if lang != "kk" else alone[month],
                                           y=_year(year, lang))


_PLAIN_SIDE = re.compile(r"-?\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?")


def _precision(side: str) -> int:
    """1 for a year, 2 for a month, 3 for a day; 0 for anything else (a season, a qualifier)."""
    return side.count("-", 1) + 1 if _PLAIN_SIDE.fullmatch(side) else 0


def _mixed_label(edtf: str, lang: str) -> str | None:
    """'1415 – 17 July 1453' for 1415/1453-07-17: each end at its own precision, never a false day."""
    sides = edtf.split("/")
    if len(sides) != 2:
        return None
    first, last = (_precision(side) for side in sides)
    if not first or not last or first == last:
        return None
    try:
        start, end = parse_date(sides[0]), parse_date(sides[1])
    except DateError:
        return None
    if end.start <= start.start and start.end <= end.end:
        # the first end lies inside the last one's month or year ('1986-12-18/1986-12': the rest of
        # December): the plain range says it truly, '18–31 December 1986', not '18 December 1986 – December 1986'
        return None
    return _joined(range_label(start.start, start.end, lang), range_label(end.start, end.end, lang), lang)


def _joined(first: str, second: str, lang: str) -> str:
    """Two ends of a range; in Russian a month name inside a phrase is written lower case."""
    if lang == "ru" and second[:1].isupper():
        second = second[0].lower() + second[1:]
    return f"{first} – {second}"


def span_label(span: DateSpan, lang: str = "en") -> str:
    """A date as written in an exhibit, at its real precision: '17–18 December 1986', 'осень 1990 г.'."""
    p = _PATTERNS[_check(lang)]
    if span.season:
        text = p["season"].format(season=_SEASONS[lang][span.season], y=_year(from_day_number(span.start)[0], lang))
        if lang == "ru":
            text = text[0].upper() + text[1:]
    else:
        text = _mixed_label(span.edtf, lang) or range_label(span.start, span.end, lang)
    text = text.replace("до н. э. гг.", "до н. э.").replace("до н. э. г.", "до н. э.")
    if span.approximate:
        text = p["approx"].format(text=text)
    if span.uncertain:
        text = p["uncertain"].format(text=text)
    return text
