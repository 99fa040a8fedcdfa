"""Forms real Linked Places files use beside the spec's own, read here so :mod:`lpf` stays about the spec.

Peripleo and Locating-a-National-Collection exports write a record's time as a string in its
properties (``"when": ">=730"``, ``"1850-1859"``) rather than an LPF ``when`` object, and Pleiades
exports keep their names in decomposed Unicode (``Yu\\u0308ntdag\\u0306``), which displays and
compares badly; both are normalised here.  Qt-free.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from chronomap.story.dates import DateError, parse_date

_YEAR = r"-?\d{1,4}"
_BOUND = re.compile(rf"^\s*(>=|≥|<=|≤|>|<|after|before|from|until|c\.|ca\.|circa)?\s*({_YEAR})\s*$", re.IGNORECASE)
_RANGE = re.compile(rf"^\s*({_YEAR})\s*(?:-|–|/|to)\s*({_YEAR})\s*$")


def nfc(text: str) -> str:
    """The composed Unicode form of a name (what fonts, search and ids expect)."""
    return unicodedata.normalize("NFC", text)


def _year(text: str) -> str:
    value = int(text)
    return f"-{abs(value):04d}" if value < 0 else f"{value:04d}"


def property_when(value: Any) -> tuple[str, str] | None:
    """A ``properties.when`` string as (EDTF, what was made of it), or None when it is not a year form.

    ``730`` and ``c. 730`` are the year; ``>=730`` (and ``after``, ``from``) and ``<=730`` (``before``,
    ``until``) are read as the year they name, since a Chronomap event needs a closed span and that year is
    the only one the record gives; ``1850-1859`` is the span.
    """
    if not isinstance(value, str) or len(value) > 40:
        return None
    text = value.strip()
    edtf: str | None = None
    how = "the year it gives"
    bound = _BOUND.match(text)
    if bound:
        edtf = _year(bound.group(2))
        word = (bound.group(1) or "").lower()
        if word in (">=", "≥", ">", "after", "from"):
            how = f"from {int(bound.group(2))}: taken as that year (an event needs a closed span)"
        elif word in ("<=", "≤", "<", "before", "until"):
            how = f"until {int(bound.group(2))}: taken as that year (an event needs a closed span)"
        elif word:
            edtf += "~"
            how = "an approximate year"
    else:
        span = _RANGE.match(text)
        if span and int(span.group(1)) <= int(span.group(2)):
            edtf = f"{_year(span.group(1))}/{_year(span.group(2))}"
            how = "the span it gives"
    if edtf is None:
        return None
    try:
        parse_date(edtf)
    except DateError:
        return None
    return edtf, how
