"""Knight Lab TimelineJS3 JSON ⇄ Chronomap events.

The format (timeline.knightlab.com/docs/json-format.html): an object with
``events`` (slides: ``start_date``, ``end_date``, ``text`` {``headline``,
``text``}, ``media``, ``group``, ``display_date``, ``background``,
``autolink``, ``unique_id``), an optional ``title`` slide, ``eras`` and
``scale``; a date object has ``year`` and optionally ``month``, ``day``,
``hour``, ``minute``, ``second``, ``millisecond``, ``display_date``, ``format``.

What one side cannot hold is listed, never dropped silently: TimelineJS has no
places, passages or date notes; Chronomap has no media, groups, eras or times
of day.  Seasons and approximate dates go out as month or year bounds with a
``display_date`` (``autumn 1990``, ``c. 1950``) and come back from it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from chronomap.authoring.dates_in_text import SEASON_CODES, edtf_day, edtf_month, span_edtf
from chronomap.authoring.errors import AuthoringError
from chronomap.story.dates import DateError, DateSpan, parse_date
from chronomap.story.model import Problem

FORMAT_NAME = "TimelineJS3 JSON"
_SIMPLE = re.compile(r"(-?\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
_TIME_PARTS = ("hour", "minute", "second", "millisecond")
_SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}


# --- export ----------------------------------------------------------------------------------------

def _date_object(side: str) -> dict:
    match = _SIMPLE.fullmatch(side)
    year, month, day = match.groups()
    obj: dict[str, int] = {"year": int(year)}
    if month:
        obj["month"] = int(month)
    if day:
        obj["day"] = int(day)
    return obj


def _dates(span: DateSpan) -> tuple[dict, dict | None, str | None]:
    """start_date, end_date and a display_date when the EDTF is more than TimelineJS dates can say."""
    sides = span.edtf.split("/")
    if all(_SIMPLE.fullmatch(s) for s in sides):
        simple, display = sides, None
    else:
        simple, display = span_edtf(span.start, span.end).split("/"), span.label()
    start = _date_object(simple[0])
    end = _date_object(simple[1]) if len(simple) > 1 else None
    return start, end, display


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def exhibit_to_timelinejs(exhibit) -> tuple[dict, list[str]]:
    """The timeline of a loaded exhibit as TimelineJS3 JSON, and what it could not carry."""
    events = []
    lost: dict[str, list[str]] = {}

    def note(what: str, event_id: str) -> None:
        lost.setdefault(what, []).append(event_id)

    for event in exhibit.events:
        start, end, display = _dates(event.span)
        slide: dict[str, Any] = {"start_date": start}
        if end:
            slide["end_date"] = end
        if display:
            slide["display_date"] = display
            note("display", event.id)
        slide["text"] = {"headline": _html(event.title), "text": _html(event.summary)}
        section_id = event.passages[0].split(".")[0]
        heading = next((s.heading for s in exhibit.article.sections if s.id == section_id), None)
        if heading:
            slide["group"] = heading  # derived from the article, so nothing is lost when it is not read back
        slide["unique_id"] = event.id
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
    if "translations" in lost or exhibit.meta.translations:
        langs = sorted({*exhibit.meta.translations, *(lang for e in exhibit.events for lang in e.translations)})
        lines.append(f"translations ({', '.join(langs)}): only the main language ({exhibit.language}) is written")
    lines.append("the exhibit's period, map frame, credits, article source and licence, and place list "
                 "(title and subtitle go in the title slide)")
    return lines


# --- import ----------------------------------------------------------------------------------------

@dataclass
class ImportedEvent:
    id: str | None
    title: str
    summary: str
    edtf: str
    place_text: str  # the slide's words, for finding places


@dataclass
class TimelineImport:
    title: str | None
    subtitle: str | None
    events: list[ImportedEvent]
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def plain_text(value: Any) -> tuple[str, bool]:
    """HTML from a slide as plain text, and whether markup was removed."""
    if not isinstance(value, str):
        return "", False
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
    if not -9999 <= year <= 9999:
        problems.append(Problem(file, f"{where}.year", f"found {year}; expected a year between -9999 and 9999"))
        return None
    value = edtf_day(year, month, day) if day is not None else edtf_month(year, month) if month else (
        f"-{abs(year):04d}" if year < 0 else f"{year:04d}")
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


def _restore_from_display(edtf: str, display: str | None) -> str:
    """'autumn 1990' over Sep–Nov 1990 → 1990-23; 'c. 1950' → 1950~: what the export wrote, read back."""
    if not display:
        return edtf
    text = display.strip()
    approximate = text.startswith("c. ")
    uncertain = text.endswith(" (uncertain)")
    core = text.removeprefix("c. ").removesuffix(" (uncertain)")
    season = re.fullmatch(r"(spring|summer|autumn|fall|winter) (\d{4})", core, re.IGNORECASE)
    value = edtf
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


def timelinejs_to_events(document: Any, file: str) -> TimelineImport:
    """Read a TimelineJS3 document; every invalid slide is reported at once (AuthoringError)."""
    problems: list[Problem] = []
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise AuthoringError([Problem(file, "events", "found no 'events' list; expected a TimelineJS3 JSON object "
                                                      "{\"events\": [{\"start_date\": {\"year\": …}, \"text\": {…}}, …]}")])
    counts: dict[str, int] = {}
    lost_fields: dict[str, int] = {}
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
        start = _edtf_from_date(slide.get("start_date"), file, f"{where}.start_date", problems, counts)
        end = _edtf_from_date(slide["end_date"], file, f"{where}.end_date", problems, counts) \
            if slide.get("end_date") not in (None, {}) else None
        if start is None or (slide.get("end_date") not in (None, {}) and end is None):
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
        text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
        headline, had_markup_h = plain_text(text.get("headline"))
        body, had_markup_b = plain_text(text.get("text"))
        markup += had_markup_h or had_markup_b
        title = headline or (body[:60] + "…" if len(body) > 60 else body) or f"Event {index + 1}"
        if not headline:
            counts["no_headline"] = counts.get("no_headline", 0) + 1
        unique = slide.get("unique_id") if isinstance(slide.get("unique_id"), str) and slide["unique_id"].strip() else None
        events.append(ImportedEvent(unique, title, body or title, edtf, f"{headline}. {body}"))
        for key in ("media", "group", "background", "autolink"):
            if slide.get(key) not in (None, "", {}):
                lost_fields[key] = lost_fields.get(key, 0) + 1
        extra = set(slide) - _SLIDE_FIELDS
        for key in extra:
            lost_fields[f"unknown field '{key}'"] = lost_fields.get(f"unknown field '{key}'", 0) + 1
    if problems:
        raise AuthoringError(problems)
    if not events:
        raise AuthoringError([Problem(file, "events", "found an empty 'events' list; expected at least one dated slide")])
    title_slide = document.get("title") if isinstance(document.get("title"), dict) else {}
    title_text = title_slide.get("text") if isinstance(title_slide.get("text"), dict) else {}
    title, _ = plain_text(title_text.get("headline"))
    subtitle, _ = plain_text(title_text.get("text"))
    result = TimelineImport(title or None, subtitle or None, events)
    result.not_carried = _import_losses(document, lost_fields, counts, title_slide)
    if markup:
        result.notes.append(f"HTML markup in {markup} slide(s) was reduced to plain text")
    if counts.get("no_headline"):
        result.notes.append(f"{counts['no_headline']} slide(s) have no headline; titled from their text")
    return result


def _import_losses(document: dict, lost: dict[str, int], counts: dict[str, int], title_slide: dict) -> list[str]:
    labels = {
        "media": "media (images, video, maps): Chronomap events have no media",
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
    eras = document.get("eras")
    if isinstance(eras, list) and eras:
        lines.append(f"eras — {len(eras)}: Chronomap has no labelled eras")
    if document.get("scale") not in (None, "human"):
        lines.append(f"scale {document.get('scale')!r}: Chronomap uses one calendar scale")
    for key in ("media", "background"):
        if title_slide.get(key):
            lines.append(f"the title slide's {key}")
    return lines
