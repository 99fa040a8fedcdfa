"""Periods longer than a year: decades, centuries, their parts, and the spans and counts of them texts give.

Kept apart from the other patterns (date_scan) so each stays small.
"""

from __future__ import annotations

import re

from chronomap.authoring.date_edtf import _abs, _mod_key, _Raw, _y
from chronomap.authoring.date_words import NUMBER_WORDS, ORDINAL_WORDS

# 'the 3rd century BC': a century counted back from the era's start
BC = r"(?P<bc>\s*(?:BCE|BC|B\.\s?C\.)(?![A-Za-z]))?"
CENTURY = r"(?P<c>\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"


def p_decade(m: re.Match) -> _Raw:
    decade, mod = int(m["y"]), _mod_key(m["mod"])
    if mod is None:
        value = f"{decade // 10}X"
        return _abs(m, value, value, "decade")
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (5, 9)}[mod]
    return _abs(m, _y(decade + first), _y(decade + last), "part of decade")


def p_century(m: re.Match[str]) -> _Raw | None:
    number = _century_number(m["c"])
    if number is None:
        return None
    base, mod = _century_start(number, m["bc"]), _mod_key(m["mod"])
    if mod is None and not m["bc"]:
        value = f"{base // 100:02d}XX"
        return _abs(m, value, value, "century")
    if mod is None:
        return _abs(m, _y(base), _y(base + 99), "century")
    first, last = {"early": (0, 33), "mid": (33, 66), "late": (66, 99)}[mod]
    return _abs(m, _y(base + first), _y(base + last), "part of century")


def _century_start(number: int, bc: str | None) -> int:
    """The first year of the century (astronomical years: the 3rd century BC runs from -299 to -200)."""
    return 1 - number * 100 if bc else (number - 1) * 100


def _century_number(raw: str) -> int | None:
    raw = raw.lower()
    digits = re.match(r"\d+", raw)
    number = int(digits.group()) if digits else ORDINAL_WORDS.get(raw)
    return number if number and number <= 21 else None


_CENTURY_PARTS = {
    "early": (0, 33), "beginning": (0, 10), "start": (0, 10), "turn": (0, 10), "mid": (33, 66), "middle": (33, 66),
    "late": (66, 99), "end": (90, 99), "close": (90, 99),
    "first half": (0, 49), "second half": (50, 99), "latter half": (50, 99), "last half": (50, 99),
    "first quarter": (0, 24), "second quarter": (25, 49), "third quarter": (50, 74), "last quarter": (75, 99),
    "final quarter": (75, 99), "fourth quarter": (75, 99),
}


def p_century_part(m: re.Match[str]) -> _Raw | None:
    """'early in the 12th century', 'the second half of the nineteenth century', 'the end of the 18th century'."""
    number = _century_number(m["c"])
    if number is None:
        return None
    part = " ".join(m["part"].lower().split())
    first, last = _CENTURY_PARTS[part]
    base = _century_start(number, m["bc"])
    return _abs(m, _y(base + first), _y(base + last), "part of century")


_DECADE_HALVES = {"first half": (0, 4), "second half": (5, 9), "latter half": (5, 9), "last half": (5, 9),
                  "beginning": (0, 2), "start": (0, 2), "turn": (0, 2), "middle": (3, 6), "end": (7, 9), "close": (7, 9)}


def p_decade_part(m: re.Match[str]) -> _Raw:
    """'the first half of the 1990s', 'the end of the 1980s': the years of that part of the decade."""
    decade = int(m["y"])
    first, last = _DECADE_HALVES[" ".join(m["part"].lower().split())]
    return _abs(m, _y(decade + first), _y(decade + last), "part of decade")


def p_centuries(m: re.Match[str]) -> _Raw | None:
    """'the 18th and 19th centuries', 'the 16th–17th centuries': from the first's first year to the second's last."""
    first, last = _century_number(m["c"]), _century_number(m["c2"])
    if first is None or last is None or first == last or (first > last) != bool(m["bc"]):
        return None  # AD centuries run up, BC ones down ('the 5th–3rd centuries BC')
    if m["bc"]:
        return _abs(m, _y(_century_start(first, "BC")), _y(_century_start(last, "BC") + 99), "centuries")
    return _abs(m, _y((first - 1) * 100 + 1), _y(last * 100), "centuries")


def p_rel_long(m: re.Match[str]) -> _Raw:
    """'Two decades later', 'a century earlier': years counted from the date before, as '… years later' is."""
    amount = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
    years = amount * (10 if m["u"].lower() == "decade" else 100)
    return _Raw(m.start(), m.end(), "relative", "relative", unit="year", amount=sign * years, mode="offset")
