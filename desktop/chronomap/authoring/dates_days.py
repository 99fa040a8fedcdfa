"""Days named without a number or a month: feast days, ordinal words, and a day number alone.

Narratives of voyages and campaigns date a step as "on Christmas Day", "upon the
seventh of April", "at Easter" or "on the 16th" and leave the month and year to
the sentences before.  This module knows the words and the calendar (Easter by
the Julian computus before 1583, the Gregorian after, as the texts' own dates
run); :mod:`chronomap.authoring.dates_in_text` resolves them against the story.
"""

from __future__ import annotations

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
    "trinity sunday": 56, "corpus christi": 60,
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
# "the Easter Rising") or a thing ("a Christmas tree"): see FEAST_PATTERN in dates_in_text.
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
