"""Knight Lab TimelineJS3 JSON ⇄ Chronomap events.

The format (timeline.knightlab.com/docs/json-format.html): an object with
``events`` (slides: ``start_date``, ``end_date``, ``text`` {``headline``,
``text``}, ``media``, ``group``, ``display_date``, ``background``,
``autolink``, ``unique_id``), an optional ``title`` slide, ``eras`` and
``scale``; a date object has ``year`` and optionally ``month``, ``day``,
``hour``, ``minute``, ``second``, ``millisecond``, ``display_date``, ``format``.

What one side cannot hold is listed, never dropped silently: TimelineJS has no
places, passages or date notes; Chronomap has no groups, eras or times of day.
A slide's ``media`` is read here (:class:`~chronomap.authoring.timelinejs_media.SlideMedia`)
and carried into the exhibit's ``media/`` by :mod:`chronomap.authoring.timelinejs_media`;
export writes an event's first picture or recording back as its slide's media.
Seasons and approximate dates go out as month or year bounds with a ``display_date`` (``autumn 1990``, ``c. 1950``) and come back from it.

Years before the common era.  TimelineJS writes a BCE year as a negative
number and shows it as that number without its sign: its Language.formatJSDate
prints ``Math.abs(year)`` with the "BCE" suffix, so ``{"year": -300}`` reads
"300 BCE" on the slide.  EDTF (like ISO 8601 and the astronomers) has a year 0,
which is 1 BCE, so 300 BCE is EDTF ``-0299``.  Import therefore adds one to a
negative TimelineJS year and export subtracts one from an EDTF year of 0 or
less: the year a curator reads is the year TimelineJS shows.  (TimelineJS's own
time axis builds a JavaScript Date from the raw number, which is astronomical,
so its axis stands a year off its labels; the label is what people read and
type.)  A TimelineJS year 0 is shown there as "0"; it is read as 1 BCE.

Ends.  TimelineJS reads a date object without a day as the first day of its
month or year, so an end written ``{"year": 1986, "month": 12}`` would end on
1 December.  Export writes a month or year end as its last day and keeps the
precision in ``display_date``; import reads that back.

A slide's ``location`` {``lat``, ``lon``, ``name``} (as TimelineJS examples
carry it, from StoryMapJS) becomes the event's place.  TimelineJS2 files
(``{"timeline": {"date": [...]}}``) are read too and said to be TimelineJS2.
A slide outside the years Chronomap supports is listed and left out; the rest
of the file is imported.

This module reads slides; beside it, :mod:`timelinejs_export` writes them, :mod:`timelinejs_dates`
turns date objects to EDTF and back, :mod:`timelinejs2` reshapes TimelineJS2 files, :mod:`timelinejs_media`
reads and carries media and :mod:`timelinejs_csv` reads Google Sheets' CSV/TSV.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.timelinejs2 import is_timelinejs2, timelinejs2_to_3
from chronomap.authoring.timelinejs_csv import FORMAT_NAME_CSV
from chronomap.authoring.timelinejs_dates import OutOfRange, edtf_from_date, restore_from_display, shown
from chronomap.authoring.timelinejs_dates import slide_dates as _dates  # noqa: F401  (tests read it from here)
from chronomap.authoring.timelinejs_export import exhibit_to_timelinejs
from chronomap.authoring.timelinejs_media import SlideMedia, read_slide_media
from chronomap.story.dates import DateError, parse_date
from chronomap.story.model import Problem

#: What other modules import from here: the format's reader, and the writer and TimelineJS2 test beside it.
__all__ = ["FORMAT_NAME", "FORMAT_NAME_V2", "ImportedEvent", "SlideLocation", "TimelineImport", "exhibit_to_timelinejs",
           "is_timelinejs2", "plain_text", "timelinejs_to_events"]

FORMAT_NAME = "TimelineJS3 JSON"
FORMAT_NAME_V2 = "TimelineJS2 JSON"
_SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id",
                 "location"}
_LOCATION_KEPT = {"lat", "lon", "name"}
#: The longest headline and text a slide may have (Knight Lab's examples: under 100 and 2,000 characters).
MAX_HEADLINE_CHARS = 1_000
MAX_TEXT_CHARS = 100_000


@dataclass(frozen=True)
class SlideLocation:
    """A slide's own ``location``: its point, and its name when the slide gives one."""

    lat: float
    lon: float
    name: str | None


@dataclass
class ImportedEvent:
    id: str | None
    title: str
    summary: str
    edtf: str
    place_text: str  # the slide's words, for finding places
    location: SlideLocation | None = None
    media: SlideMedia | str | None = None  # a description when it has no url


@dataclass
class TimelineImport:
    title: str | None
    subtitle: str | None
    events: list[ImportedEvent]
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    format: str = FORMAT_NAME


def plain_text(value: Any) -> tuple[str, bool]:
    """HTML from a slide as plain text, and whether markup was removed."""
    if not isinstance(value, str):
        return "", False
    value = unicodedata.normalize("NFC", value)
    stripped = re.sub(r"<br\s*/?>|</p>", " ", value, flags=re.IGNORECASE)
    without_tags = re.sub(r"<[^>]+>", "", stripped)
    text = " ".join(html.unescape(without_tags).split())
    return text, without_tags != stripped




def _too_long(file: str, where: str, headline: str, body: str) -> Problem | None:
    """A headline or text far beyond any slide's (a title of megabytes is hostile or broken input, not a story)."""
    for field_, value, limit in (("headline", headline, MAX_HEADLINE_CHARS), ("text", body, MAX_TEXT_CHARS)):
        if len(value) > limit:
            return Problem(file, f"{where}.text.{field_}", f"found {len(value):,} characters ({shown(value[:40])}…); "
                                                           f"expected at most {limit:,} for a slide's {field_}")
    return None




def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _location(slide: dict, counts: dict[str, int]) -> SlideLocation | None:
    """The slide's ``location`` when its lat and lon are real coordinates; anything else is counted, not fatal."""
    raw = slide.get("location")
    if raw in (None, "", {}):
        return None
    if not isinstance(raw, dict):
        counts["unreadable location"] = counts.get("unreadable location", 0) + 1
        return None
    lat, lon = _number(raw.get("lat")), _number(raw.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        counts["unreadable location"] = counts.get("unreadable location", 0) + 1
        return None
    if set(raw) - _LOCATION_KEPT:
        counts["location extras"] = counts.get("location extras", 0) + 1
    name = raw.get("name") if isinstance(raw.get("name"), str) and raw["name"].strip() else None
    return SlideLocation(lat, lon, plain_text(name)[0] if name else None)


def timelinejs_to_events(document: Any, file: str) -> TimelineImport:
    """Read a TimelineJS3 (or TimelineJS2) document; every invalid slide is reported at once (AuthoringError).

    A slide dated outside the supported years is listed in the notes and left out; the rest is kept.
    """
    problems: list[Problem] = []
    fmt = FORMAT_NAME_CSV if isinstance(document, dict) and document.get("_format") == FORMAT_NAME_CSV else FORMAT_NAME
    if is_timelinejs2(document):
        document, fmt = timelinejs2_to_3(document), FORMAT_NAME_V2
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise AuthoringError([Problem(file, "events", "found no 'events' list; expected a TimelineJS3 JSON object "
                                                      "{\"events\": [{\"start_date\": {\"year\": …}, \"text\": {…}}, …]}")])
    counts: dict[str, int] = {}
    lost_fields: dict[str, int] = {}
    skipped: list[str] = []
    markup = 0
    events: list[ImportedEvent] = []
    for index, slide in enumerate(document["events"]):
        where = f"events[{index}]"
        if not isinstance(slide, dict):
            problems.append(Problem(file, where, f"found {shown(slide)}; expected a slide object"))
            continue
        if "start_date" not in slide:
            problems.append(Problem(file, f"{where}.start_date", "missing; every slide except the title needs a start_date"))
            continue
        if slide.get("text") not in (None, "") and not isinstance(slide.get("text"), dict):
            problems.append(Problem(file, f"{where}.text", f"found {shown(slide['text'])}; expected an object "
                                                           "{\"headline\": …, \"text\": …}"))
            continue
        text = _dict(slide.get("text"))
        headline, had_markup_h = plain_text(text.get("headline"))
        body, had_markup_b = plain_text(text.get("text"))
        too_long = _too_long(file, where, headline, body)
        if too_long is not None:
            problems.append(too_long)
            continue
        title = headline or (body[:60] + "…" if len(body) > 60 else body) or f"Event {index + 1}"
        try:
            start = edtf_from_date(slide.get("start_date"), file, f"{where}.start_date", problems, counts)
        except OutOfRange as exc:
            skipped.append(f"{exc.where} (“{title}”): {exc.message}; this slide was left out")
            continue
        has_end = slide.get("end_date") not in (None, {})
        try:
            end = edtf_from_date(slide["end_date"], file, f"{where}.end_date", problems, counts) if has_end else None
        except OutOfRange as exc:  # a start that reads well is kept: the slide loses only its end ('196002152034')
            skipped.append(f"{exc.where} (“{title}”): {exc.message}; the end was left out and the slide kept at its start")
            end, has_end = None, False
        if start is None or (has_end and end is None):
            continue
        edtf = start if end is None or end == start else f"{start}/{end}"
        try:
            if end is not None and parse_date(end).end < parse_date(start).start:
                raise DateError("ends first")
            parse_date(edtf)
        except DateError:
            problems.append(Problem(file, f"{where}.end_date", f"found an end {end} before the start {start}; expected "
                                                               "the end on or after the start"))
            continue
        display = slide.get("display_date") if isinstance(slide.get("display_date"), str) else None
        written = edtf
        edtf = restore_from_display(edtf, display)
        if display and edtf == written and display.strip() != parse_date(edtf).label():
            lost_fields["display_date"] = lost_fields.get("display_date", 0) + 1
        markup += had_markup_h or had_markup_b
        if not headline:
            counts["no_headline"] = counts.get("no_headline", 0) + 1
        unique = slide.get("unique_id") if isinstance(slide.get("unique_id"), str) and slide["unique_id"].strip() else None
        media = read_slide_media(slide.get("media"), f"{where}.media", title, lambda v: plain_text(v)[0])
        events.append(ImportedEvent(unique, title, body or title, edtf, f"{headline}. {body}", _location(slide, counts),
                                    media))
        for key in ("group", "background", "autolink"):
            if slide.get(key) not in (None, "", {}):
                lost_fields[key] = lost_fields.get(key, 0) + 1
        extra = set(slide) - _SLIDE_FIELDS
        for key in extra:
            lost_fields[f"unknown field '{key}'"] = lost_fields.get(f"unknown field '{key}'", 0) + 1
    if problems:
        raise AuthoringError(problems)
    if not events:
        found = f"{len(skipped)} slide(s), all outside the supported years ({skipped[0]})" if skipped else \
            "an empty 'events' list"
        raise AuthoringError([Problem(file, "events", f"found {found}; expected at least one dated slide")])
    title_slide = _dict(document.get("title"))
    title_text = _dict(title_slide.get("text"))
    title, _ = plain_text(title_text.get("headline"))
    subtitle, _ = plain_text(title_text.get("text"))
    result = TimelineImport(title or None, subtitle or None, events, format=fmt)
    result.not_carried = _import_losses(document, lost_fields, counts, title_slide)
    if fmt == FORMAT_NAME_V2:
        result.notes.append("read as TimelineJS2 JSON (a 'timeline' object with a 'date' list), the format before "
                            "TimelineJS3")
    result.notes.extend(skipped)
    if markup:
        result.notes.append(f"HTML markup in {markup} slide(s) was reduced to plain text")
    if counts.get("no_headline"):
        result.notes.append(f"{counts['no_headline']} slide(s) have no headline; titled from their text")
    if counts.get("year 0"):
        result.notes.append(f"{counts['year 0']} date(s) with year 0, which TimelineJS shows as '0': read as 1 BCE")
    return result


def _import_losses(document: dict, lost: dict[str, int], counts: dict[str, int], title_slide: dict) -> list[str]:
    labels = {
        "group": "group: Chronomap has no event groups",
        "background": "background (colour or image)",
        "autolink": "autolink",
        "display_date": "display_date text (the dates themselves are kept)",
    }
    lines = [f"{labels.get(key, key)} — {n} slide{'s' if n != 1 else ''}" for key, n in sorted(lost.items())]
    if counts.get("time"):
        lines.append(f"hour, minute, second, millisecond — {counts['time']} date(s): Chronomap dates are whole days")
    for key in ("display_date", "format"):
        if counts.get(key):
            lines.append(f"date-level {key} — {counts[key]} date(s)")
    if counts.get("location extras"):
        lines.append(f"location icon, zoom and line — {counts['location extras']} slide(s) (the point and name are kept)")
    if counts.get("unreadable location"):
        lines.append(f"location without usable lat and lon — {counts['unreadable location']} slide(s)")
    eras = document.get("eras")
    if isinstance(eras, list) and eras:
        lines.append(f"eras — {len(eras)}: Chronomap has no labelled eras")
    if document.get("scale") not in (None, "human"):
        lines.append(f"scale {document.get('scale')!r}: Chronomap uses one calendar scale")
    for key in ("media", "background"):
        if title_slide.get(key):
            lines.append(f"the title slide's {key}")
    return lines
