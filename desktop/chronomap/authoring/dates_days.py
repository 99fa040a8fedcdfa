"""Days named without a number or a month: feast days, ordinal words, and a day number alone.

Narratives of voyages and campaigns date a step as "on Christmas Day", "upon the
seventh of April", "at Easter" or "on the 16th" and leave the month and year to
the sentences before.  This module knows the words and the calendar (Easter by
the Julian computus before 1583, the Gregorian after, as the texts' own dates
run) and the patterns' handlers for these forms; :mod:`chronomap.authoring.date_scan`
lists the patterns and :mod:`chronomap.authoring.dates_in_text` resolves them against the story.
"""

from __future__ import annotations

import re

from chronomap.authoring.date_edtf import (
    SEASON_CODES,
    SEASON_FIRST_MONTH,
    _abs,
    _int_day,
    _month_number,
    _Raw,
    edtf_day,
    edtf_month,
)

# Fixed feasts as (month, day); the regex alternatives accept "St"/"St."/"Saint" and straight or curly apostrophes.
FIXED_FEASTS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "twelfth night": (1, 5), "epiphany": (1, 6),
    "candlemas": (2, 2), "lady day": (3, 25), "midsummer day": (6, 24), "midsummer's day": (6, 24),
    "michaelmas": (9, 29), "all saints' day": (11, 1), "all souls' day": (11, 2), "martinmas": (11, 11),
    "st. john's day": (6, 24), "st. stephen's day": (12, 26), "st. andrew's day": (11, 30),
    "st. george's day": (4, 23), "st. patrick's day": (3, 17), "st. bartholomew's day": (8, 24),
}
# Movable feasts as days after Easter Sunday.
EASTER_OFFSETS: dict[str, int] = {
    "shrove tuesday": -47, "ash wednesday": -46, "palm sunday": -7, "maundy thursday": -3, "good friday": -2,
    "easter saturday": -1, "easter sunday": 0, "easter day": 0, "easter": 0, "easter monday": 1,
    "ascension day": 39, "whit sunday": 49, "whitsunday": 49, "whitsun": 49, "pentecost": 49, "whit monday": 50,
    "trinity sunday": 56,
}


def _alternative(name: str) -> str:
    words = []
    for word in name.split():
        if word == "st.":
            words.append(r"(?:St\.?|Saint)")
        else:
            word = word.replace("'", "[’']")
            words.append(word[0].upper() + word[1:] if word[0].isalpha() else word)
    return r"\s+".join(words)


# "Christmas" and "Easter" alone only after a preposition, and never before a name ("Christmas Island",
# "the Easter Rising") or a thing ("a Christmas tree"): see the feast patterns in date_scan.
_BARE = {"christmas", "easter", "whitsun", "pentecost", "epiphany"}
FEAST_NAMES = r"|".join(_alternative(n) for n in sorted({*FIXED_FEASTS, *EASTER_OFFSETS} - _BARE, key=len, reverse=True))
BARE_FEAST_NAMES = r"|".join(_alternative(n) for n in sorted(_BARE, key=len, reverse=True))


def feast_key(text: str) -> str:
    """The table key for a feast as written ('Saint John’s Day' → "st. john's day")."""
    key = " ".join(text.lower().replace("’", "'").split())
    for saint in ("saint ", "st "):
        if key.startswith(saint):
            key = "st. " + key[len(saint):]
    return key


def easter(year: int) -> tuple[int, int]:
    """Easter Sunday as (month, day): Julian computus before 1583, Gregorian (Meeus/Butcher) from 1583."""
    if year < 1583:
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return month, day + 1
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return month, day + 1


def feast_day(key: str, year: int) -> tuple[int, int]:
    """(month, day) of the feast ``key`` in ``year``."""
    if key in FIXED_FEASTS:
        return FIXED_FEASTS[key]
    from chronomap.story.dates import day_number, from_day_number

    month, day = easter(year)
    _, month, day = from_day_number(day_number(year, month, day) + EASTER_OFFSETS[key])
    return month, day


_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth")
DAY_WORDS: dict[str, int] = {w: n for n, w in enumerate(_UNITS, start=1)}
DAY_WORDS.update({w: n for n, w in enumerate(_TEENS, start=10)})
DAY_WORDS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31})
DAY_WORDS.update({f"twenty{sep}{w}": 20 + n for n, w in enumerate(_UNITS, start=1) for sep in ("-", " ")})
DAY_WORD = r"(?:" + "|".join(w.replace(" ", r"\s+") for w in sorted(DAY_WORDS, key=len, reverse=True)) + ")"


def day_word(text: str) -> int:
    return DAY_WORDS[" ".join(text.lower().split())]


# Words that make "the 8th" a rank, not a day of the month ("the 4th regiment", "the 19th century").
NOT_A_DAY_AFTER = (
    "century", "centuries", "millennium", "day", "days", "time", "times", "year", "years", "anniversary", "birthday",
    "floor", "place", "regiment", "battalion", "division", "brigade", "corps", "army", "fleet", "squadron", "company",
    "dynasty", "edition", "amendment", "congress", "parliament", "session", "earl", "duke", "baron", "marquess",
    "lord", "king", "grade", "class", "row", "round", "stage", "verse", "chapter", "article", "street", "avenue",
    "legion", "infantry", "cavalry", "artillery", "hussars", "dragoons", "foot", "mile", "miles", "degree", "parallel",
    "island", "islands", "ship", "ships", "man", "men", "attempt", "attempts", "voyage", "voyages", "expedition",
    "generation", "volume", "part", "section", "battle", "wave", "crusade", "son", "daughter", "wife", "husband",
    "president", "prime", "minister", "emperor", "caliph", "pope", "book", "letter", "visit", "journey", "term",
)  # and any superlative ('the 2nd largest'): see the day-alone pattern
DAY_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|d)(?![A-Za-z\d])"
OF_MONTH = r"(?:\s+of\s+(?:the\s+)?(?P<which>same|that|this|following|next|succeeding|ensuing)\s+month)"
NOT_A_DAY = "|".join(NOT_A_DAY_AFTER)


def p_day_word(m: re.Match[str]) -> _Raw:
    """'upon the seventh of April, 1805', 'the first of May': a day written as an ordinal word."""
    day, month = day_word(m["dw"]), _month_number(m["m"])
    if m["y"]:
        value = edtf_day(int(m["y"]), month, day)
        return _abs(m, value, value, "day")
    return _Raw(m.start(), m.end(), "yearless", "day", month=month, day=day)


def p_ocr_day(m: re.Match[str]) -> _Raw | None:
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


def p_yearless_cross_month(m: re.Match[str]) -> _Raw:
    """'(March 17–May 20)', '17 March to 20 May': days in two months, the year from the story."""
    return _Raw(m.start(), m.end(), "yearless", "days", month=_month_number(m["m1"]), day=_int_day(m["d1"]),
                month2=_month_number(m["m2"]), day2=_int_day(m["d2"]))


def p_two_seasons(m: re.Match[str]) -> _Raw:
    """'the summer and autumn of 1804': from the first season's first month to the second's last."""
    year = int(m["y"])
    first = SEASON_FIRST_MONTH[SEASON_CODES[m["s1"].lower()]]
    last_first = SEASON_FIRST_MONTH[SEASON_CODES[m["s2"].lower()]]
    end_year, end_month = (year + 1, 2) if last_first == 12 else (year, last_first + 2)
    return _abs(m, edtf_month(year, first), edtf_month(end_year, end_month), "season")


_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|by|until|till|before|after|since|over|from|of|in|upon|during|and|or)\s+$",
                                 re.IGNORECASE)


def p_feast(m: re.Match[str], text: str) -> _Raw | None:
    if re.match(r"\s+[A-Z][a-z]", text[m.end():]) and not _PREPOSITION_BEFORE.search(text, 0, m.start("f")):
        return None  # a name: 'the Good Friday Agreement', 'the Michaelmas Term'
    key = feast_key(m["f"])
    if m["y"]:
        month, day = feast_day(key, int(m["y"]))
        value = edtf_day(int(m["y"]), month, day)
        return _Raw(m.start("f"), m.end(), "absolute", "day", value, value)
    month = feast_day(key, 2001)[0]  # Easter's month in a common year, for 'later in the sentence' only
    return _Raw(m.start("f"), m.end("f"), "yearless", "day", month=month, feast=key)


def p_day_only(m: re.Match[str]) -> _Raw:
    """'on the 16th', 'On Thursday, the 22d', 'the 21st of the same month': month and year from the story."""
    groups = m.groupdict()
    day = day_word(groups["dw"]) if groups.get("dw") else _int_day(groups["d"])
    which = (groups.get("which") or "").lower()
    mode = "next" if which in ("following", "next", "succeeding", "ensuing") else "same" if which else ""
    if groups.get("inst"):  # a letter's 'the 3d instant' (this month) and 'the 20th ult.' (last month)
        mode = "same" if groups["inst"].lower().startswith("inst") else "previous"
    last = _int_day(groups["d2"]) if groups.get("d2") else None  # 'On the 26th and 27th'
    return _Raw(m.start(), m.end(), "dayonly", "days" if last else "day", day=day, day2=last, mode=mode)


def p_this_day(m: re.Match[str]) -> _Raw:
    """'This day our captain … took command': in a journal, the day of the sentence before."""
    return _Raw(m.start(), m.end(), "relative", "relative", unit="day", amount=0, mode="same")
