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
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from chronomap.authoring.dates_in_text import SEASON_CODES, edtf_day, edtf_month, span_edtf
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.timelinejs_csv import FORMAT_NAME_CSV
from chronomap.authoring.timelinejs_media import SlideMedia, read_slide_media, slide_media
from chronomap.story.dates import MAX_YEAR, MIN_YEAR, DateError, DateSpan, days_in_month, parse_date
from chronomap.story.model import Problem

FORMAT_NAME = "TimelineJS3 JSON"
FORMAT_NAME_V2 = "TimelineJS2 JSON"
_SIMPLE = re.compile(r"(-?\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
_TIME_PARTS = ("hour", "minute", "second", "millisecond")
_SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id",
                 "location"}
_LOCATION_KEPT = {"lat", "lon", "name"}
#: The longest headline and text a slide may have (Knight Lab's examples: under 100 and 2,000 characters).
MAX_HEADLINE_CHARS = 1_000
MAX_TEXT_CHARS = 100_000


# --- export ----------------------------------------------------------------------------------------

def to_timelinejs_year(year: int) -> int:
    """An EDTF (astronomical) year as TimelineJS writes it: 0 → -1 (1 BCE), -299 → -300 (300 BCE)."""
    return year - 1 if year <= 0 else year


def from_timelinejs_year(year: int) -> int:
    """A TimelineJS year as EDTF: -300 (shown '300 BCE') → -299; 0 (shown '0') → 0, that is 1 BCE."""
    return year + 1 if year < 0 else year


def _date_object(side: str, end: bool = False) -> dict:
    """A TimelineJS date object; an ``end`` of month or year precision is written as its last day."""
    match = _SIMPLE.fullmatch(side)
    if match is None:
        raise ValueError(f"not a plain ISO date: {side!r}")
    year_text, month, day = match.groups()
    year = int(year_text)
    obj: dict[str, int] = {"year": to_timelinejs_year(year)}
    if end and not day:
        last_month = int(month) if month else 12
        return {**obj, "month": last_month, "day": days_in_month(year, last_month)}
    if month:
        obj["month"] = int(month)
    if day:
        obj["day"] = int(day)
    return obj


def _dates(span: DateSpan) -> tuple[dict, dict | None, str | None, bool]:
    """start_date, end_date, a display_date, and whether the EDTF is more than TimelineJS dates can say."""
    sides = span.edtf.split("/")
    if all(_SIMPLE.fullmatch(s) for s in sides):
        simple, display = sides, None
    else:
        simple, display = span_edtf(span.start, span.end).split("/"), span.label()
    approximated = display is not None
    start = _date_object(simple[0])
    end = _date_object(simple[1], end=True) if len(simple) > 1 else None
    if end is not None and len(simple[1].lstrip("-")) < 10:
        display = display or span.label()  # the end is written as its last day; say the real precision
    return start, end, display, approximated


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def exhibit_to_timelinejs(exhibit) -> tuple[dict, list[str]]:
    """The timeline of a loaded exhibit as TimelineJS3 JSON, and what it could not carry."""
    events = []
    lost: dict[str, list[str]] = {}

    def note(what: str, event_id: str) -> None:
        lost.setdefault(what, []).append(event_id)

    for event in exhibit.events:
        start, end, display, approximated = _dates(event.span)
        slide: dict[str, Any] = {"start_date": start}
        if end:
            slide["end_date"] = end
        if display:
            slide["display_date"] = display
        if approximated:
            note("display", event.id)
        slide["text"] = {"headline": _html(event.title), "text": _html(event.summary)}
        section_id = event.passages[0].split(".")[0]
        heading = next((s.heading for s in exhibit.article.sections if s.id == section_id), None)
        if heading:
            slide["group"] = heading  # derived from the article, so nothing is lost when it is not read back
        slide["unique_id"] = event.id
        if event.media:
            slide["media"] = {k: (v if k == "url" else _html(v)) for k, v in slide_media(event.media[0]).items()}
            if len(event.media) > 1:
                note("more media", event.id)
        events.append(slide)
        if event.places:
            note("places", event.id)
        note("passages", event.id)
        if event.date_note:
            note("date_note", event.id)
        if event.relative_phrase:
            note("relative", event.id)
        if event.translations:
            note("translations", event.id)
    document: dict[str, Any] = {
        "title": {"text": {"headline": _html(exhibit.meta.title), "text": _html(exhibit.meta.subtitle or "")},
                  "unique_id": exhibit.meta.id},
        "events": events,
        "scale": "human",
    }
    return document, _export_losses(lost, exhibit)


def _ids(ids: list[str], limit: int = 4) -> str:
    return ", ".join(ids[:limit]) + (f", … ({len(ids)} in all)" if len(ids) > limit else "")


def _export_losses(lost: dict[str, list[str]], exhibit) -> list[str]:
    lines = []
    if "places" in lost:
        lines.append(f"places: {len(lost['places'])} events name {len(exhibit.places)} places (with roles and coordinates); "
                     "TimelineJS slides have no place field")
    if "passages" in lost:
        lines.append(f"passages: the links of {len(lost['passages'])} events to article sentences; the article is not exported")
    if "date_note" in lost:
        lines.append(f"date_note: {len(lost['date_note'])} events' notes on where their date comes from ({_ids(lost['date_note'])})")
    if "relative" in lost:
        lines.append(f"relative dates ({_ids(lost['relative'])}): written as the day they resolve to, without the phrase "
                     "or the event they count from")
    if "display" in lost:
        lines.append(f"seasons, decades and approximate or uncertain dates ({_ids(lost['display'])}): written as month or "
                     "year bounds, with the exact meaning only in display_date")
    if "more media" in lost:
        lines.append(f"media after the first of {len(lost['more media'])} events ({_ids(lost['more media'])}): a "
                     "TimelineJS slide holds one")
    if any(p.media for p in exhibit.places.values()):
        lines.append("media of places: TimelineJS slides have no places")
    if any(m for e in exhibit.events for m in e.media):
        lines.append("media licences, transcripts and translated captions; media urls are relative to the exhibit "
                     "folder (put its media/ beside the timeline file)")
    if "translations" in lost or exhibit.meta.translations:
        langs = sorted({*exhibit.meta.translations, *(lang for e in exhibit.events for lang in e.translations)})
        lines.append(f"translations ({', '.join(langs)}): only the main language ({exhibit.language}) is written")
    lines.append("the exhibit's period, map frame, credits, article source and licence, and place list "
                 "(title and subtitle go in the title slide)")
    return lines


# --- import ----------------------------------------------------------------------------------------

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


def _expect(found: Any) -> str:
    text = repr(found)
    return text if len(text) <= 80 else text[:79] + "…"


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def _too_long(file: str, where: str, headline: str, body: str) -> Problem | None:
    """A headline or text far beyond any slide's (a title of megabytes is hostile or broken input, not a story)."""
    for field_, value, limit in (("headline", headline, MAX_HEADLINE_CHARS), ("text", body, MAX_TEXT_CHARS)):
        if len(value) > limit:
            return Problem(file, f"{where}.text.{field_}", f"found {len(value):,} characters ({_expect(value[:40])}…); "
                                                           f"expected at most {limit:,} for a slide's {field_}")
    return None


class _OutOfRange(Exception):
    """A slide dated outside the years the timeline supports: listed and left out, not a reason to refuse the file."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where, self.message = where, message


def _edtf_from_date(obj: Any, file: str, where: str, problems: list[Problem], counts: dict[str, int]) -> str | None:
    expected = "a date object with a whole-number year, and month 1–12 and day when known, e.g. {\"year\": 1986, \"month\": 12}"
    if not isinstance(obj, dict):
        problems.append(Problem(file, where, f"found {_expect(obj)}; expected {expected}"))
        return None
    year, month, day = _whole(obj.get("year")), obj.get("month"), obj.get("day")
    if year is None:
        problems.append(Problem(file, f"{where}.year", f"found {_expect(obj.get('year'))}; expected a whole-number year "
                                                       "(negative for BCE)"))
        return None
    month = _whole(month) if month not in (None, "") else None
    day = _whole(day) if day not in (None, "") else None
    if obj.get("month") not in (None, "") and (month is None or not 1 <= month <= 12):
        problems.append(Problem(file, f"{where}.month", f"found {_expect(obj.get('month'))}; expected a month number 1–12"))
        return None
    if day is not None and month is None:
        problems.append(Problem(file, where, f"found a day without a month in {_expect(obj)}; expected a month with the day"))
        return None
    if year == 0:
        counts["year 0"] = counts.get("year 0", 0) + 1
    year = from_timelinejs_year(year)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _OutOfRange(f"{where}.year", f"found {_expect(obj.get('year'))}; Chronomap's timeline holds the years "
                                           f"{to_timelinejs_year(MIN_YEAR)} to {MAX_YEAR}")
    if month is None:
        value = f"-{abs(year):04d}" if year < 0 else f"{year:04d}"
    else:
        value = edtf_day(year, month, day) if day is not None else edtf_month(year, month)
    try:
        parse_date(value)
    except DateError:
        problems.append(Problem(file, where, f"found {_expect(obj)}, which is not a real calendar date; expected a day "
                                             "that exists in that month"))
        return None
    for part in _TIME_PARTS:
        if obj.get(part) not in (None, ""):
            counts["time"] = counts.get("time", 0) + 1
            break
    for part in ("display_date", "format"):
        if obj.get(part) not in (None, ""):
            counts[part] = counts.get(part, 0) + 1
    return value


def _coarser_ends(edtf: str) -> list[str]:
    """The readings of a range whose end day is the last of its month or year: '…/1988-02-29' → '…/1988-02'."""
    sides = edtf.split("/")
    if len(sides) != 2 or not re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", sides[1]):
        return []
    year, month, day = _ymd(sides[1])
    out = []
    if day == days_in_month(year, month):
        out.append(f"{sides[0]}/{sides[1][:-3]}")
        if month == 12:
            out.append(f"{sides[0]}/{sides[1][:-6]}")
    span = parse_date(edtf)
    out.append(span_edtf(span.start, span.end))
    return out


def _ymd(iso_day: str) -> tuple[int, int, int]:
    negative = iso_day.startswith("-")
    year, month, day = (int(x) for x in iso_day.lstrip("-").split("-"))
    return (-year if negative else year), month, day


def _restore_from_display(edtf: str, display: str | None) -> str:
    """'autumn 1990' over Sep–Nov 1990 → 1990-23; 'c. 1950' → 1950~; 'June–December 1986' over 1986-06/1986-12-31
    → 1986-06/1986-12: what the export wrote, read back."""
    if not display:
        return edtf
    text = display.strip()
    approximate = text.startswith("c. ")
    uncertain = text.endswith(" (uncertain)")
    core = text.removeprefix("c. ").removesuffix(" (uncertain)")
    season = re.fullmatch(r"(spring|summer|autumn|fall|winter) (\d{4})", core, re.IGNORECASE)
    value = next((c for c in _coarser_ends(edtf) if parse_date(c).label() == core), edtf)
    if season:
        candidate = f"{int(season.group(2)):04d}-{SEASON_CODES[season.group(1).lower()]}"
        try:
            if (parse_date(candidate).start, parse_date(candidate).end) == (parse_date(edtf).start, parse_date(edtf).end):
                value = candidate
        except DateError:
            pass
    if (approximate or uncertain) and "/" not in value:
        value += "%" if approximate and uncertain else "~" if approximate else "?"
    return value


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
            problems.append(Problem(file, where, f"found {_expect(slide)}; expected a slide object"))
            continue
        if "start_date" not in slide:
            problems.append(Problem(file, f"{where}.start_date", "missing; every slide except the title needs a start_date"))
            continue
        if slide.get("text") not in (None, "") and not isinstance(slide.get("text"), dict):
            problems.append(Problem(file, f"{where}.text", f"found {_expect(slide['text'])}; expected an object "
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
            start = _edtf_from_date(slide.get("start_date"), file, f"{where}.start_date", problems, counts)
        except _OutOfRange as exc:
            skipped.append(f"{exc.where} (“{title}”): {exc.message}; this slide was left out")
            continue
        has_end = slide.get("end_date") not in (None, {})
        try:
            end = _edtf_from_date(slide["end_date"], file, f"{where}.end_date", problems, counts) if has_end else None
        except _OutOfRange as exc:  # a start that reads well is kept: the slide loses only its end ('196002152034')
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
        edtf = _restore_from_display(edtf, display)
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


# --- TimelineJS2 -----------------------------------------------------------------------------------

def is_timelinejs2(document: Any) -> bool:
    """A TimelineJS2 file: ``{"timeline": {"date": [...], ...}}``."""
    return isinstance(document, dict) and isinstance(document.get("timeline"), dict) \
        and isinstance(document["timeline"].get("date"), list)


_V2_PARTS = ("year", "month", "day", "hour", "minute", "second")
_V2_US = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(-?\d{1,6})\s*$")  # the TimelineJS2 spreadsheet's M/D/YYYY
_V2_ISO = re.compile(r"^\s*(-?\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?\S*)?\s*$")


def _v2_date(value: Any) -> Any:
    """A TimelineJS2 date as a TimelineJS3 date object; anything else as found, to be reported.

    TimelineJS2 (VMM.Date.parse) read '1963,8,9' and '2011,12,10,07,02,10' (with the time of day), '1978',
    '8/9/1963' (month first, as its spreadsheet wrote dates) and ISO '1963-08-09'.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return {"year": value}
    if not isinstance(value, str) or not value.strip():
        return value
    us, iso = _V2_US.match(value), _V2_ISO.match(value)
    if us:
        return {"year": us.group(3), "month": us.group(1), "day": us.group(2)}
    if iso:
        return {k: v for k, v in zip(_V2_PARTS, iso.groups(), strict=True) if v is not None}
    parts = [p.strip() for p in value.split(",")]
    if not 1 <= len(parts) <= 6 or not all(re.fullmatch(r"-?\d+", p) for p in parts if p):
        return value
    return dict(zip(_V2_PARTS, (p for p in parts if p), strict=False))


def timelinejs2_to_3(document: dict) -> dict:
    """The same timeline in the TimelineJS3 shape: 'date' items become slides, 'asset' their media."""
    timeline = document["timeline"]
    events = []
    for item in timeline["date"]:
        if not isinstance(item, dict):
            events.append(item)
            continue
        slide: dict[str, Any] = {"text": {"headline": item.get("headline"), "text": item.get("text")}}
        if "startDate" in item:
            slide["start_date"] = _v2_date(item["startDate"])
        if item.get("endDate") not in (None, ""):
            slide["end_date"] = _v2_date(item["endDate"])
        if item.get("asset") not in (None, "", {}):
            asset = item["asset"]
            slide["media"] = {"url": asset.get("media"), "caption": asset.get("caption")} if isinstance(asset, dict) \
                else asset
        for key in ("tag", "classname"):
            if item.get(key):
                slide["group" if key == "tag" else key] = item[key]
        events.append(slide)
    title: dict[str, Any] = {"text": {"headline": timeline.get("headline"), "text": timeline.get("text")}}
    if timeline.get("asset"):
        title["media"] = timeline["asset"]
    out: dict[str, Any] = {"title": title, "events": events}
    if isinstance(timeline.get("era"), list) and timeline["era"]:
        out["eras"] = timeline["era"]
    return out
