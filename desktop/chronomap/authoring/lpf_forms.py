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


def short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


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


def _position(value: Any) -> tuple[float, float] | None:
    if isinstance(value, list) and len(value) >= 2 and all(isinstance(c, int | float) and not isinstance(c, bool)
                                                            for c in value[:2]):
        lon, lat = float(value[0]), float(value[1])
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return lat, lon
    return None


def line_point(geometry: dict) -> tuple[float, float] | None:
    """(lat, lon) on a LineString, MultiLineString or MultiPoint: its middle vertex (a river or road is drawn
    as a place there; the line itself is listed as not carried).  None when it holds no usable position."""
    coords = geometry.get("coordinates")
    if not isinstance(coords, list):
        return None
    if geometry.get("type") == "MultiLineString":
        coords = max((c for c in coords if isinstance(c, list)), key=len, default=[])
    elif geometry.get("type") not in ("LineString", "MultiPoint"):
        return None
    positions = [p for p in (_position(c) for c in coords) if p is not None]
    return positions[len(positions) // 2] if positions else None


#: Properties Chronomap reads (the rest are listed as not carried, by name).
READ_PROPERTIES = {"title", "ccodes", "ccode", "fclasses", "when", "description", "name", "Name", "NAME", "toponym",
                   "label"}


def property_description(value: Any) -> str | None:
    """A ``properties.description`` as Peripleo exports write it (a string, or a list of strings), when the record
    has no LPF ``descriptions``."""
    parts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    text = "; ".join(" ".join(p.split()) for p in parts if isinstance(p, str) and p.strip())
    return text or None
