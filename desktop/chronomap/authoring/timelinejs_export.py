"""An exhibit's timeline as TimelineJS3 JSON, and what TimelineJS cannot carry of it (places, passages, notes)."""

from __future__ import annotations

import html
from typing import Any

from chronomap.authoring.timelinejs_dates import slide_dates
from chronomap.authoring.timelinejs_media import slide_media


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def exhibit_to_timelinejs(exhibit) -> tuple[dict, list[str]]:
    """The timeline of a loaded exhibit as TimelineJS3 JSON, and what it could not carry."""
    events = []
    lost: dict[str, list[str]] = {}

    def note(what: str, event_id: str) -> None:
        lost.setdefault(what, []).append(event_id)

    for event in exhibit.events:
        start, end, display, approximated = slide_dates(event.span)
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
    return document, export_losses(lost, exhibit)


def _ids(ids: list[str], limit: int = 4) -> str:
    return ", ".join(ids[:limit]) + (f", … ({len(ids)} in all)" if len(ids) > limit else "")


def export_losses(lost: dict[str, list[str]], exhibit) -> list[str]:
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
