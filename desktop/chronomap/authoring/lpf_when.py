"""Time in Linked Places files: OWL-Time/ISO 8601 values and ``when`` timespans as EDTF, and which names lapsed.

A record's or a name's ``when`` holds timespans whose ends are ``{"in"|"earliest"|"latest": ISO}``; a start
alone is the interval it names, as the spec says.
"""

from __future__ import annotations

import re
from typing import Any

from chronomap.story.dates import DateError, parse_date

ISO_VALUE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+Z?)?([~?%]?)$")


def iso_to_edtf(value: Any) -> str | None:
    """An OWL-Time/ISO 8601 value from LPF ('1832', '1832-08-01', '-0500~') as EDTF, or None."""
    if not isinstance(value, str):
        return None
    match = ISO_VALUE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, qualifier = match.groups()
    text = year + (f"-{month}" if month else "") + (f"-{day}" if day else "") + qualifier
    try:
        parse_date(text)
    except DateError:
        return None
    return text


def _bound(value: Any, first: bool) -> str | None:
    """One end of a timespan: {"in"|"earliest"|"latest": ISO} or, as the spec's geometry example writes it, a bare ISO."""
    if isinstance(value, str):
        return iso_to_edtf(value)
    if not isinstance(value, dict):
        return None
    order = ("in", "earliest", "latest") if first else ("in", "latest", "earliest")
    return next((e for e in (iso_to_edtf(value.get(key)) for key in order) if e), None)


def timespans(when: Any) -> list[tuple[int, int, str, str]]:
    """Each readable timespan as (first day, last day, start EDTF, end EDTF).

    As the LPF spec says, a timespan without an end is the interval its start describes: {"start": {"in": "1832"}}
    is 'during 1832'.
    """
    if not isinstance(when, dict) or not isinstance(when.get("timespans"), list):
        return []
    out = []
    for span in when["timespans"]:
        if not isinstance(span, dict):
            continue
        first = _bound(span.get("start"), True)
        last = _bound(span.get("end"), False) or first
        first = first or last
        if first is None or last is None:
            continue
        try:
            a, b = parse_date(first), parse_date(last)
        except DateError:
            continue
        if b.end >= a.start:
            out.append((a.start, b.end, first, last))
    return out


def span_edtf(spans: list[tuple[int, int, str, str]]) -> str | None:
    """The one span from the earliest start to the latest end, at the precision they were written."""
    if not spans:
        return None
    start = min(spans, key=lambda s: s[0])[2]
    end = max(spans, key=lambda s: s[1])[3]
    value = start if start == end else f"{start}/{end}"
    try:
        parse_date(value)
    except DateError:
        return None
    return value


def when_edtf(when: Any) -> str | None:
    return span_edtf(timespans(when))


def name_until(when: Any) -> str | None:
    """The last day a name is attested: the end of its latest timespan."""
    spans = timespans(when)
    return max(spans, key=lambda s: s[1])[3] if spans else None


def lapsed_names(names: list[dict], record_end: int | None) -> set[int]:
    """Which names (by position) had gone out of use: their attestation ended while the place went on.

    A name's ``when`` says when it is attested.  It counts as a historical name, lapsed on the last day of
    that attestation, when another name is given without dates (the name in use), or another name's
    attestation begins after it, or the record's own ``when`` runs on after it.  Otherwise (all names attested
    from the same time, as in World Historical Gazetteer's example) the dates are attestations of current
    names, listed as not carried.
    """
    spans = [timespans(n.get("when")) for n in names]
    out = set()
    for i, mine in enumerate(spans):
        if not mine or from_only(names[i].get("when")):
            continue
        last = max(s[1] for s in mine)
        others = [spans[j] for j in range(len(names)) if j != i]
        if any(not o for o in others) or any(min(s[0] for s in o) > last for o in others if o) \
                or (record_end is not None and last < record_end):
            out.add(i)
    return out


def from_only(when: Any) -> bool:
    """Every timespan gives a start and no end: the name is attested from then on, which says nothing of its lapse."""
    spans = when.get("timespans") if isinstance(when, dict) else None
    return isinstance(spans, list) and bool(spans) and all(isinstance(s, dict) and s.get("start") and not s.get("end")
                                                            for s in spans)
