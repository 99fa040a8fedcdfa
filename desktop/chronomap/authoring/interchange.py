"""Import and export files of other tools, and open any of them as an exhibit folder.

``import_file`` detects TimelineJS3 (or TimelineJS2) JSON or Linked Places
Format (a FeatureCollection, JSON Lines of Features, or plain GeoJSON with
name properties), builds an exhibit folder atomically (with a generated article, since neither format
carries one) and reports what the source held that Chronomap cannot keep;
``export_data`` writes an exhibit's events or places out and reports what the
format cannot carry; ``open_any`` is the app's File → Open.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronomap.atomic import write_text_atomic
from chronomap.authoring import lpf, timelinejs, timelinejs_csv
from chronomap.authoring.drafter import BASEMAP_CREDIT, GEONAMES_CREDIT, MAP_LIBRARY_CREDIT
from chronomap.authoring.errors import EXIT_USAGE, AuthoringError, fail
from chronomap.authoring.frame import map_bounds, period_edtf
from chronomap.authoring.gazetteer_index import GazetteerIndex, GazetteerPlace, build_index
from chronomap.authoring.generated_article import article_for
from chronomap.authoring.ids import IdMaker, make_id
from chronomap.authoring.places_in_text import PlaceFinder
from chronomap.authoring.reading import read_json_file, read_json_lines
from chronomap.authoring.timelinejs_media import MediaCarrier
from chronomap.authoring.writer import ensure_writable_target, write_exhibit_folder
from chronomap.files import ReadError, resolve_inside
from chronomap.resources import data_path
from chronomap.story.article import split_sentences
from chronomap.story.dates import parse_date
from chronomap.story.gazetteer import GAZETTEER_FILE, distance_km, load_gazetteer

FORMATS = {"timelinejs": timelinejs.FORMAT_NAME, "lpf": lpf.FORMAT_NAME}

#: Spreadsheets read as TimelineJS (Google Sheets' CSV and TSV downloads), told apart by their suffix.
SHEET_SUFFIXES = (".csv", ".tsv")
#: Every file :func:`import_file` reads, by suffix (File → Open's filter shows these): JSON documents are
#: told apart by their shape (TimelineJS3/2, LPF GeoJSON or JSON-LD, JSON Lines of Features), sheets by suffix.
IMPORT_SUFFIXES = (".json", ".geojson", ".jsonld", ".jsonl", *SHEET_SUFFIXES)
SLIDE_LOCATION_SOURCE = "the slide's own location (TimelineJS 'location')"


@dataclass
class ConversionReport:
    """What an import or export did, and what the target could not carry (printed as a list)."""

    action: str
    format: str
    source: Path
    target: Path
    events: int = 0
    places: int = 0
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.action} {self.source} ({self.format}) → {self.target}: {self.events} event"
               f"{'s' if self.events != 1 else ''}, {self.places} place{'s' if self.places != 1 else ''}"]
        target = "Chronomap" if self.action == "imported" else self.format
        if self.not_carried:
            out.append(f"Not carried by {target} ({len(self.not_carried)}):")
            out.extend(f"  - {line}" for line in self.not_carried)
        else:
            out.append(f"Not carried by {target}: nothing")
        if self.notes:
            out.append(f"Notes ({len(self.notes)}):")
            out.extend(f"  - {line}" for line in self.notes)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def detect_format(document: Any) -> str | None:
    """'timelinejs', 'lpf' or None, from the shape of a parsed JSON document."""
    if isinstance(document, dict) and isinstance(document.get("events"), list):
        return "timelinejs"
    if timelinejs.is_timelinejs2(document):
        return "timelinejs"
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        return "lpf"
    return None


_WHAT = "a TimelineJS3 JSON file or a Linked Places Format (GeoJSON) file"


def _read_document(path: Path) -> tuple[Any, str]:
    if path.suffix.lower() in SHEET_SUFFIXES:  # a TimelineJS spreadsheet, as Google Sheets downloads it
        return timelinejs_csv.read_sheet(path), "timelinejs"
    try:
        document = read_json_file(path, _WHAT)
    except AuthoringError as exc:
        if "Extra data" not in str(exc):
            raise
        document = _feature_lines(path)  # JSON Lines: one LPF Feature a line, as WHG's sample data
    fmt = detect_format(document)
    if fmt is None:
        kind = type(document).__name__ if not isinstance(document, dict) else f"an object with keys {sorted(document)[:6]}"
        raise fail(str(path), f"found {kind}; expected TimelineJS3 JSON (an object with an 'events' list) or Linked "
                              "Places Format (a GeoJSON FeatureCollection)")
    return document, fmt


def _feature_lines(path: Path) -> dict[str, Any]:
    """A JSON Lines file of GeoJSON Features, as one FeatureCollection; anything else is refused by its line."""
    lines = read_json_lines(path, "Linked Places Format as JSON Lines (one GeoJSON Feature a line)")
    for number, value in enumerate(lines, start=1):
        if not isinstance(value, dict) or value.get("type") != "Feature":
            found = f"an object of type {value.get('type')!r}" if isinstance(value, dict) else type(value).__name__
            raise fail(str(path), f"found {found}; expected one GeoJSON Feature a line (Linked Places Format as JSON "
                                  "Lines) or a single JSON document", f"JSON line {number}")
    return {"type": "FeatureCollection", "features": lines, "_json_lines": True}


def _exhibit(exhibit_id: str, title: str, subtitle: str | None, source: Path, fmt: str, edtfs: list[str],
             points: list[tuple[float, float]], geonames: bool) -> dict:
    credits = [{"what": "Data", "text": f"Imported from {source.name} ({fmt}); author, source and licence not stated"}]
    if geonames:
        credits.append(GEONAMES_CREDIT)
    credits += [BASEMAP_CREDIT, MAP_LIBRARY_CREDIT]
    return {
        "schema": "chronomap.exhibit/1", "id": exhibit_id, "title": title, "subtitle": subtitle,
        "period": period_edtf(parse_date(e) for e in edtfs),
        "article": {"file": "article.txt", "title": title, "source": None, "licence": None,
                    "note": f"Generated on import from {source.name}: one paragraph per item, since {fmt} carries no article."},
        "story": "story.json",
        "map": {"bounds": map_bounds(points), "note": f"Imported from {fmt}; the frame fits the places."},
        "credits": credits,
    }


def _files(article_text: str, exhibit: dict, story: dict) -> dict[str, str]:
    return {"article.txt": article_text,
            "exhibit.json": json.dumps(exhibit, ensure_ascii=False, indent=2) + "\n",
            "story.json": json.dumps(story, ensure_ascii=False, indent=2) + "\n"}


# --- TimelineJS -----------------------------------------------------------------------------------

def _resolve_default_place(name: str, index: GazetteerIndex) -> Any:
    candidates = index.lookup(name)
    if not candidates:
        raise fail("--place", f"found {name!r}, which the gazetteer does not know; expected a city or country name "
                              f"({index.status})", exit_code=EXIT_USAGE)
    return max(candidates, key=lambda c: (c.via == "cache", c.place.population)).place


def _location_place(location: timelinejs.SlideLocation, named: list[GazetteerPlace],
                    known: list[GazetteerPlace]) -> GazetteerPlace:
    """A place for a slide's own location: its name (or the nearest place its text names), at its point.

    Slides that give the same name within 25 km share one place ('Florida, Missouri' on two slides).
    """
    point = (location.lat, location.lon)
    name = location.name
    if name is None:
        near = [p for p in named if distance_km(point, (p.lat, p.lon)) <= 100]
        name = min(near, key=lambda p: distance_km(point, (p.lat, p.lon))).name if near else \
            f"{location.lat:.4f}, {location.lon:.4f}"
    for place in known:
        if place.name == name and distance_km(point, (place.lat, place.lon)) <= 25:
            return place
    place = GazetteerPlace(key=f"location:{len(known)}:{name}", name=name, kind="city", lat=location.lat,
                           lon=location.lon, source=SLIDE_LOCATION_SOURCE)
    known.append(place)
    return place


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)+")
#: A city inside a longer name is taken only when it is this large and no namesake comes close.
BIG_CITY = 1_000_000


def _places_inside_names(text: str, index: GazetteerIndex) -> list[GazetteerPlace]:
    """Countries and very large cities that open a longer capitalised name: 'Seoul Olympics', 'United States Army'.

    The article reader leaves such names alone (they are events and institutions); a slide that names no other
    place is better placed at them than at the timeline's fallback.  Only the exact name counts (no alternate
    spellings: 'Soul Train' is not Seoul), and a city only when no namesake has a tenth of its population.
    """
    found: dict[str, GazetteerPlace] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        for size in range(len(words) - 1, 0, -1):
            candidates = [c.place for c in index.lookup(" ".join(words[:size])) if c.via == "name"]
            countries = [p for p in candidates if p.key.startswith("country:")]
            cities = sorted((p for p in candidates if p.kind == "city"), key=lambda p: -p.population)
            if len(countries) == 1:
                found.setdefault(countries[0].key, countries[0])
                break
            if cities and cities[0].population >= BIG_CITY and \
                    all(p.population * 10 < cities[0].population for p in cities[1:]):
                found.setdefault(cities[0].key, cities[0])
                break
    return list(found.values())


_HEADLINE_PARTS = re.compile(r"\s*(?:,|&|;|\band\b)\s*")


def _places_in_headline(headline: str, index: GazetteerIndex) -> list[GazetteerPlace]:
    """The places a headline made only of place names names: 'Maine', 'Missouri, Minnesota, Colorado'.

    TimelineJS slides are often headed by the place they are about; such a headline is taken at its word even
    when the name has namesakes the article reader would not risk ('Maine' is also an alternate name of Des
    Plaines).  Every part must be a gazetteer name: one country or state, or a city without a namesake a tenth
    its size; otherwise the headline says nothing here.
    """
    parts = [p for p in _HEADLINE_PARTS.split(headline.strip().rstrip(".")) if p]
    if not parts or len(parts) > 6:
        return []
    out: list[GazetteerPlace] = []
    for part in parts:
        named = [c.place for c in index.lookup(part) if c.via == "name" and c.place.name == part]
        areas = [p for p in named if p.kind != "city"]
        cities = sorted((p for p in named if p.kind == "city"), key=lambda p: -p.population)
        if len(areas) == 1:
            out.append(areas[0])
        elif not areas and cities and all(p.population * 10 < cities[0].population for p in cities[1:]):
            out.append(cities[0])
        else:
            return []
    return out


def _import_timelinejs(document: Any, source: Path, out_dir: Path, force: bool, default_place: str | None,
                       index: GazetteerIndex, fetch_media: bool = False) -> ConversionReport:
    """A TimelineJS document into an exhibit; a spreadsheet's messages name its rows, not 'events[i]'."""
    rows = document.get("_rows") if isinstance(document, dict) else None
    if rows is None:
        return _import_slides(document, source, out_dir, force, default_place, index, fetch_media)
    try:
        report = _import_slides(document, source, out_dir, force, default_place, index, fetch_media)
    except AuthoringError as exc:
        raise AuthoringError(timelinejs_csv.problems_by_row(list(exc.problems), rows), exc.exit_status) from None
    report.not_carried = [timelinejs_csv.by_row(line, rows) for line in report.not_carried]
    report.not_carried.extend(document.get("_not_carried", []))
    report.notes = [timelinejs_csv.by_row(line, rows) for line in report.notes]
    return report


def _import_slides(document: Any, source: Path, out_dir: Path, force: bool, default_place: str | None,
                   index: GazetteerIndex, fetch_media: bool) -> ConversionReport:
    imported = timelinejs.timelinejs_to_events(document, str(source))
    title = imported.title or source.stem.replace("_", " ").replace("-", " ").strip().title() or "Imported timeline"
    paragraphs = [f"{e.title}. {e.summary}" if e.summary != e.title else e.title for e in imported.events]
    article_text, paragraph_ids = article_for(title, imported.subtitle, "Timeline", paragraphs)
    finder = PlaceFinder(index, article_text)
    found: list[list[GazetteerPlace]] = []
    located: list[GazetteerPlace | None] = []
    locations: list[GazetteerPlace] = []
    for event in imported.events:
        finder.set_context(event.place_text)  # as the drafter reads an article: the slide is the paragraph,
        mentions = [m for start, end in split_sentences(event.place_text)  # each sentence read in turn
                    for m in finder.find(event.place_text[start:end])[0]]
        headed = _places_in_headline(event.title, index)
        named = list({p.key: p for p in (*(m.place for m in mentions), *headed)}.values())
        own = _location_place(event.location, named, locations) if event.location else None
        if not named and own is None:  # a slide is short: 'the Seoul Olympics' is all it says of a place
            named = _places_inside_names(event.place_text, index)
        if own is not None:  # the text's name for the same spot is the location itself
            named = [p for p in named if distance_km((p.lat, p.lon), (own.lat, own.lon)) > 25]
        found.append(named)
        located.append(own)
    counts = Counter(p.key for places in found for p in places)
    counts.update(p.key for p in located if p is not None)
    fallback = _resolve_default_place(default_place, index) if default_place else None
    if fallback is None and counts:
        key = counts.most_common(1)[0][0]
        fallback = next(p for places in (*found, [p for p in located if p]) for p in places if p.key == key)
    if fallback is None:
        raise fail(str(source), f"found {len(imported.events)} events but no place the gazetteer knows in their text, and "
                                "no slide has a location; expected place names in the slides, or give one with "
                                f"--place NAME ({index.status})")
    report = ConversionReport("imported", imported.format, source, out_dir, not_carried=imported.not_carried,
                              notes=list(imported.notes))
    place_ids: dict[str, str] = {}
    place_records: list[dict] = []
    pid_maker, eid_maker = IdMaker(), IdMaker()

    def place_id(place: GazetteerPlace) -> str:
        if place.key not in place_ids:
            pid = pid_maker(place.name, "place")
            place_ids[place.key] = pid
            origin = "the slide's own location" if place.source == SLIDE_LOCATION_SOURCE else \
                f"found in the timeline's text; coordinates from {place.source}"
            record: dict[str, Any] = {"id": pid, "kind": place.kind, "names": {"en": place.name},
                                      "point": {"lat": round(place.lat, 5), "lon": round(place.lon, 5)},
                                      "description": f"{origin[0].upper()}{origin[1:]}. Check."}
            if place.cache_key:
                record["gazetteer"] = place.cache_key
            if place.iso3:
                record["region"] = {"basemap": [place.iso3]}
            place_records.append(record)
        return place_ids[place.key]

    events: list[dict[str, Any]] = []
    for event, places, own, passage in zip(imported.events, found, located, paragraph_ids, strict=True):
        wanted = event.id or event.title
        eid = eid_maker(wanted, "event")
        if event.id and eid != event.id:
            report.notes.append(f"unique_id {event.id!r} became {eid!r} (Chronomap ids are lower-case letters, digits, '-')")
        refs = [{"place": place_id(own), "role": "the slide's location"}] if own is not None else []
        refs += [{"place": place_id(p), "role": "named in the slide"} for p in places]
        if not refs:
            refs = [{"place": place_id(fallback), "role": "no place named in the slide; the timeline's main place — check"}]
            report.notes.append(f"{eid}: no place named in the slide; given {fallback.name}")
        events.append({"id": eid, "title": event.title, "summary": event.summary, "date": event.edtf,
                       "places": refs, "passages": [passage]})
    # every file is read (or fetched) before anything is written: a failure leaves no folder behind
    media = MediaCarrier(source, fetch_media).carry([e.media for e in imported.events])
    for record, items in zip(events, media.records, strict=True):
        if items:
            record["media"] = items
    report.not_carried[:0] = media.not_carried
    report.notes.extend(media.notes)
    exhibit_id = make_id(out_dir.name or title, "exhibit")
    geonames = any(not r.get("gazetteer") for r in place_records) and index.full
    exhibit = _exhibit(exhibit_id, title, imported.subtitle, source, imported.format, [str(e["date"]) for e in events],
                       [(r["point"]["lat"], r["point"]["lon"]) for r in place_records], geonames)
    story = {"schema": "chronomap.story/1", "places": place_records, "events": events}
    write_exhibit_folder(out_dir, {**_files(article_text, exhibit, story), **media.files}, force=force)
    report.events, report.places = len(events), len(place_records)
    report.notes.append(f"places: {sum(p is not None for p in located)} slide(s) placed at their own location; the "
                        "other places were found in the slides' text with the gazetteer")
    return report


# --- LPF ------------------------------------------------------------------------------------------

def _import_lpf(document: Any, source: Path, out_dir: Path, force: bool, into: Path | None) -> ConversionReport:
    imported = lpf.lpf_to_places(document, str(source))
    if document.get("_json_lines"):
        imported.notes.insert(0, f"read as JSON Lines: {len(document['features'])} features, one a line")
    report = ConversionReport("imported", lpf.FORMAT_NAME, source, into or out_dir, places=len(imported.places),
                              not_carried=imported.not_carried, notes=imported.notes)
    if into is not None:
        return _merge_places(imported, report, into)
    if not imported.whens:
        raise fail(str(source), f"found {len(imported.places)} place(s) but no dates (no feature has a 'when' timespan); "
                                "expected at least one dated place, since an exhibit needs events — or add these places "
                                "to an existing exhibit with --into EXHIBIT")
    title = document.get("title") if isinstance(document.get("title"), str) else None
    title = title or source.stem.replace("_", " ").replace("-", " ").strip().title() or "Imported places"
    paragraphs = [f"{imported.titles[p['id']]}. {p.get('description', '')}".strip() for p in imported.places]
    article_text, paragraph_ids = article_for(title, None, "Places", paragraphs)
    by_place = dict(zip([p["id"] for p in imported.places], paragraph_ids, strict=True))
    ids = IdMaker()
    events = [{"id": ids(imported.titles[pid], "event"), "title": imported.titles[pid],
               "summary": next((p.get("description") for p in imported.places if p["id"] == pid), None)
               or f"{imported.titles[pid]}: the time span its gazetteer record gives.",
               "date": edtf, "places": [{"place": pid, "role": "the place this record describes"}],
               "passages": [by_place[pid]]}
              for pid, edtf in imported.whens.items()]
    exhibit = _exhibit(make_id(out_dir.name or title, "exhibit"), title, None, source, lpf.FORMAT_NAME,
                       list(imported.whens.values()), [(p["point"]["lat"], p["point"]["lon"]) for p in imported.places], False)
    story = {"schema": "chronomap.story/1", "places": imported.places, "events": events}
    write_exhibit_folder(out_dir, _files(article_text, exhibit, story), force=force)
    report.events = len(events)
    undated = len(imported.places) - len(imported.whens)
    if undated:
        report.notes.append(f"{undated} place(s) have no 'when', so no event; they are on the map only when an event names them")
    return report


def _keep_what_lpf_cannot_carry(existing: dict, imported: dict, cache: dict) -> tuple[dict, list[str]]:
    """The imported record, with the existing one's base-map region, notes and gazetteer key kept.

    ``cache`` maps gazetteer keys to (lat, lon): an imported point equal to the
    cached one is dropped again, so the record reads as it did before export.
    """
    merged, kept = dict(imported), []
    old_region = existing.get("region") if isinstance(existing.get("region"), dict) else None
    if old_region and old_region.get("basemap") and "region" not in merged:
        merged["region"] = old_region
        kept.append("region.basemap")
    elif old_region and old_region.get("note") and isinstance(merged.get("region"), dict):
        merged["region"] = {**merged["region"], "note": old_region["note"]}
        kept.append("region.note")
    if existing.get("gazetteer") and "gazetteer" not in merged:
        merged["gazetteer"] = existing["gazetteer"]
        kept.append("the gazetteer key")
        cached, point = cache.get(existing["gazetteer"]), merged.get("point") or {}
        if "point" not in existing and cached and abs(cached[0] - point.get("lat", 999)) < 1e-6 \
                and abs(cached[1] - point.get("lon", 999)) < 1e-6:
            merged.pop("point")
    notes = {h.get("until"): h.get("note") for h in existing.get("historical_names") or [] if isinstance(h, dict)}
    if any(notes.values()):
        history = []
        for record in merged.get("historical_names") or []:
            note = notes.get(record.get("until"))
            history.append({**record, "note": note} if note else record)
        merged["historical_names"] = history
        kept.append("historical name notes")
    return merged, kept


def _merge_places(imported: lpf.LpfImport, report: ConversionReport, exhibit_dir: Path) -> ConversionReport:
    from chronomap.story.loader import EXHIBIT_FILE

    meta = read_json_file(exhibit_dir / EXHIBIT_FILE, "an exhibit.json")
    story_name = meta.get("story", "story.json") if isinstance(meta, dict) else "story.json"
    try:  # exhibit.json names the story file: it must not lead outside the folder we are about to rewrite
        story_path = resolve_inside(exhibit_dir, story_name, file=exhibit_dir / EXHIBIT_FILE, where="story",
                                    what="the story file")
    except ReadError as exc:
        raise fail(exc.file, exc.message, exc.where) from None
    story = read_json_file(story_path, "a story.json")
    if not isinstance(story, dict) or not isinstance(story.get("places"), list):
        raise fail(str(story_path), "found no 'places' list; expected a Chronomap story.json")
    by_id = {p.get("id"): i for i, p in enumerate(story["places"]) if isinstance(p, dict)}
    own_cache = exhibit_dir / GAZETTEER_FILE
    try:
        entries = load_gazetteer(own_cache if own_cache.is_file() else data_path(GAZETTEER_FILE)).entries
    except (OSError, ValueError):
        entries = {}
    cache = {key: (entry.lat, entry.lon) for key, entry in entries.items()}
    replaced = 0
    kept: dict[str, list[str]] = {}
    for record in imported.places:
        if record["id"] in by_id:
            position = by_id[record["id"]]
            merged, fields = _keep_what_lpf_cannot_carry(story["places"][position], record, cache)
            story["places"][position] = merged
            for name in fields:
                kept.setdefault(name, []).append(record["id"])
            replaced += 1
        else:
            story["places"].append(record)
    for name, ids in kept.items():
        report.notes.append(f"kept {name} from the exhibit's own record ({', '.join(ids)}): LPF cannot carry it")
    write_exhibit_folder(exhibit_dir, {story_name: json.dumps(story, ensure_ascii=False, indent=2) + "\n"},
                         force=True, base=exhibit_dir)
    report.notes.append(f"{replaced} place(s) replaced, {len(imported.places) - replaced} added; events were left as they were")
    if imported.whens:
        report.not_carried.append(f"'when' of {len(imported.whens)} feature(s): places in an exhibit have no dates of their own")
    return report


# --- entry points ---------------------------------------------------------------------------------

def import_file(path: Path, out_dir: Path | None, *, force: bool = False, place: str | None = None,
                into: Path | None = None, index: GazetteerIndex | None = None,
                fetch_media: bool = False) -> ConversionReport:
    """Import a TimelineJS3 or LPF file into a new exhibit folder (or LPF places ``into`` an exhibit).

    *fetch_media*: download a slide's media URL once, now (the only network use of any command but
    ``geocode``); without it a URL is listed as not carried and a local file is copied in."""
    path = Path(path)
    if into is None and out_dir is None:
        raise fail("--out", "missing; expected the folder to create (or --into EXHIBIT for LPF places)", exit_code=EXIT_USAGE)
    if out_dir is not None:
        ensure_writable_target(Path(out_dir), force)
    document, fmt = _read_document(path)
    if fmt == "timelinejs":
        if into is not None:
            raise fail("--into", "is for LPF places; a TimelineJS file becomes a new exhibit (use --out DIR)",
                       exit_code=EXIT_USAGE)
        if out_dir is None:
            raise fail("--out", "missing; a TimelineJS file becomes a new exhibit (use --out DIR)", exit_code=EXIT_USAGE)
        return _import_timelinejs(document, path, Path(out_dir), force, place, index or build_index(), fetch_media)
    target = Path(out_dir) if out_dir is not None else Path(into) if into is not None else path.parent
    return _import_lpf(document, path, target, force, Path(into) if into is not None else None)


def export_data(story: Path, fmt: str, out: Path) -> ConversionReport:
    """Write an exhibit's events (TimelineJS3) or places (LPF) to ``out``; report what the format cannot carry."""
    from chronomap.story.loader import load_exhibit

    if fmt not in FORMATS:
        raise fail("--format", f"found {fmt!r}; expected one of: {', '.join(FORMATS)}", exit_code=EXIT_USAGE)
    exhibit = load_exhibit(story)
    document, lost = (timelinejs.exhibit_to_timelinejs if fmt == "timelinejs" else lpf.exhibit_to_lpf)(exhibit)
    out = Path(out)
    if out.is_dir():
        raise fail(str(out), "is a folder; expected a file name to write", exit_code=EXIT_USAGE)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    report = ConversionReport("exported", FORMATS[fmt], Path(story), out, not_carried=lost,
                              events=len(exhibit.events) if fmt == "timelinejs" else 0,
                              places=len(exhibit.places) if fmt == "lpf" else 0)
    return report


def open_any(path: Path) -> Path:
    """An exhibit folder for File → Open: a folder as is; a TimelineJS or LPF file converted into a cache folder.

    The conversion goes to a folder under the system's temporary directory named
    after the file and its size and modification time, so opening the same file
    again reuses it.  Raises :class:`AuthoringError` (an ``ExhibitError``) with a
    clear message when the file cannot be converted.
    """
    path = Path(path)
    if path.is_dir():
        return path
    if path.name == "exhibit.json" and path.is_file():
        return path.parent  # the exhibit's own file stands for its folder
    if not path.exists():
        raise fail(str(path), "not found; expected an exhibit folder, a TimelineJS3 JSON file or an LPF file")
    if path.suffix.lower() in (".txt", ".md", ".wiki"):
        raise fail(str(path), "found a text file; expected an exhibit folder, a TimelineJS3 JSON file or an LPF file "
                              "(to make an exhibit from an article, use New exhibit from article / chronomap draft)")
    stat = path.stat()
    digest = hashlib.sha256(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / "chronomap-open" / f"{make_id(path.stem, 'import')}-{digest}"
    if (target / "exhibit.json").is_file():
        return target
    import_file(path, target, force=True)
    return target

