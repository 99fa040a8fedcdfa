"""Seasons below the equator: 'the winter of 1915' at Punta Arenas is June to August, not December to February.

The date reader reads a season the northern way (it knows no places); the
drafter, which knows the places of each statement, hands a season here with
their latitudes.  A text that says 'the southern winter' is read so wherever
its places are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronomap.authoring.date_edtf import edtf_month
from chronomap.authoring.dates_in_text import DateMention
from chronomap.story.dates import from_day_number, parse_date

#: A statement whose places all lie south of this latitude has the southern seasons (the tropics have none to speak of).
SOUTH_OF = -15.0
_SEASON_WORD = re.compile(r"\b(spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
_SAID_SOUTHERN = re.compile(r"\b(?:southern|austral)\s+(?:spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
# the months of each southern season; its summer runs from the December of its year into the next
_SOUTH_MONTHS = {"spring": (9, 11), "summer": (12, 2), "autumn": (3, 5), "fall": (3, 5), "winter": (6, 8)}


def southern_season(mention: DateMention, sentence: str, latitudes: list[float]) -> DateMention | None:
    """The season re-read for the southern hemisphere, or None when it is not a season or not in the south."""
    words = _SEASON_WORD.findall(mention.text)
    if mention.precision != "season" or len(words) != 1:
        return None
    said = _SAID_SOUTHERN.search(sentence) is not None
    if not said and not (latitudes and all(lat < SOUTH_OF for lat in latitudes)):
        return None
    first, last = _SOUTH_MONTHS[words[0].lower()]
    year = from_day_number(mention.span.start)[0]
    value = f"{edtf_month(year, first)}/{edtf_month(year + (last < first), last)}"
    span = parse_date(value)
    if mention.how == "relative" and mention.anchor is not None and span.start <= mention.anchor.span.end:
        year += 1  # 'the following winter' comes after the date it is counted from
        value = f"{edtf_month(year, first)}/{edtf_month(year + (last < first), last)}"
        span = parse_date(value)
    why = "the text says the southern season" if said else "its places lie south of the equator"
    note = f"read as the southern {words[0].lower()} ({why})"
    return replace(mention, edtf=value, span=span, note=f"{mention.note}; {note}" if mention.note else note)
