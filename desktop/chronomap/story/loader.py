"""Open an exhibit folder: read, validate, cross-check, resolve.

Every problem is collected, not just the first, and each names the file, the
place inside it, what was found and what was expected, so ``chronomap check``
can list them all for the curator in one go.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chronomap.files import ReadError, read_json, read_text, resolve_inside
from chronomap.resources import data_path
from chronomap.story.article import Article, ArticleError, ArticleMismatch, align_article, parse_article
from chronomap.story.basemap import basemap_codes, unknown_code_message
from chronomap.story.dates import DateError, DateSpan, iso_day, parse_date, span_of_day
from chronomap.story.gazetteer import GAZETTEER_FILE, Gazetteer, load_gazetteer
from chronomap.story.media import resolve_media
from chronomap.story.model import Event, Exhibit, ExhibitError, Place, PlaceInEvent, Problem
from chronomap.story.quoting import quote
from chronomap.story.schema import FOUND_ERROR, LANG_PATTERN, EventRecord, ExhibitFile, PlaceRecord, StoryFile

EXHIBIT_FILE = "exhibit.json"
M = TypeVar("M", bound=BaseModel)

#: What each file should be, for the messages that refuse it.
WHAT = {
    "exhibit": "an exhibit.json (Chronomap exhibit metadata, UTF-8 JSON)",
    "story": "a story.json (the exhibit's places and events, UTF-8 JSON)",
    "article": "the article: UTF-8 wiki-style text",
    "gazetteer": "a gazetteer.json (Chronomap coordinate cache, UTF-8 JSON)",
}
#: Place ids listed in a message before "…": a 2,000-place exhibit must not print them all.
LISTED_IDS = 8


def _some(ids: list[str]) -> str:
    shown = ", ".join(ids[:LISTED_IDS])
    return shown if len(ids) <= LISTED_IDS else f"{shown}, … ({len(ids)} in all)"


def _short(value: Any, limit: int = 60) -> str:
    return quote(value, limit)


def _json_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


#: What a pattern means, said for a person.
_PATTERN_WORDS = {LANG_PATTERN: "a language code: two or three lower-case letters (ISO 639) such as 'ru' or 'kk'"}


def _validation_problems(file: str, error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if p not in ("function-after", "[key]"))
        path = _json_path(loc).replace("schema_", "schema")
        message = item["msg"].removeprefix("Value error, ")
        ctx = item.get("ctx") or {}
        pattern = ctx.get("pattern")
        if item["type"] == FOUND_ERROR:
            where = ctx["where"]
            full = f"{path}{'' if not where or where.startswith('[') else '.'}{where}" if path else where
            problems.append(Problem(file, full, ctx["message"]))
        elif item["type"] == "string_pattern_mismatch" and pattern in _PATTERN_WORDS:
            problems.append(Problem(file, path, f"found {_short(item.get('input'))}; expected {_PATTERN_WORDS[pattern]}"))
        elif item["type"] == "missing":
            problems.append(Problem(file, path, "missing; this field is required"))
        else:
            problems.append(Problem(file, path, f"found {_short(item.get('input'))}; expected {message[:1].lower() + message[1:]}"))
    return problems


def _read_json(path: Path, model: type[M], problems: list[Problem], label: str, what: str,
               broken: set[str] | None = None) -> M | None:
    """The file validated as *model*; a story is salvaged record by record, the ids of the
    records left out (already reported) added to *broken*."""
    try:
        document = read_json(path, what=what)
    except ReadError as exc:
        problems.append(Problem(label, exc.where, exc.message))
        return None
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        problems.extend(_validation_problems(label, exc))
        return _salvage_story(document, broken if broken is not None else set()) if model is StoryFile else None  # type: ignore[return-value]


def _inside(folder: Path, name: str, field: str, what: str, problems: list[Problem]) -> Path | None:
    """The file an exhibit.json field names, if it lies inside the exhibit folder."""
    try:
        return resolve_inside(folder, name, file=folder / EXHIBIT_FILE, where=field, what=what)
    except ReadError as exc:
        problems.append(Problem(exc.file, exc.where, exc.message))
        return None


def _salvage_story(document: Any, broken: set[str]) -> StoryFile | None:
    """Keep the records that are valid on their own, so cross-checks still report on them.

    The problems with the invalid records have already been listed; their ids go
    into *broken*, so an event naming a broken place is not reported a second time.
    """
    if not isinstance(document, dict):
        return None
    kept: dict[str, Any] = {"schema": "chronomap.story/1"}
    for key, record_model in (("places", PlaceRecord), ("events", EventRecord)):
        records = []
        found = document.get(key)
        # a list of records, or nothing to salvage (its problem was listed already)
        for raw in found if isinstance(found, list) else []:
            try:
                records.append(record_model.model_validate(raw))
            except ValidationError:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    broken.add(raw["id"])
                continue
        if not records:
            return None
        kept[key] = records
    return StoryFile.model_validate(kept)


def _read_article(path: Path, label: str, problems: list[Problem]) -> Article | None:
    try:
        text = read_text(path, what=WHAT["article"])
    except ReadError as exc:
        problems.append(Problem(label, exc.where, exc.message))
        return None
    try:
        return parse_article(text)
    except ArticleError as exc:
        problems.append(Problem(label, "", f"{exc}; expected wiki-style text with at least one paragraph"))
        return None


def _read_translated_articles(folder: Path, meta: ExhibitFile, main: Article | None, problems: list[Problem]
                              ) -> tuple[dict[str, Article], dict[str, tuple[str, ...]]]:
    """Each translated article, re-id'd to line up with the main one, and its notes."""
    label = str(folder / EXHIBIT_FILE)
    articles: dict[str, Article] = {}
    notes: dict[str, tuple[str, ...]] = {}
    for lang, translation in meta.translations.items():
        if lang == meta.language:
            problems.append(Problem(label, f"translations.{lang}", f"found {lang!r}, the exhibit's main language; "
                                    "expected translations into other languages only"))
            continue
        info = translation.article
        if info is None:
            continue
        where = f"translations.{lang}.article.file"
        if info.file == meta.article.file:
            problems.append(Problem(label, where, f"found {info.file!r}, the main article; expected the file of the "
                                    f"article translated into {lang!r}"))
            continue
        path = _inside(folder, info.file, where, f"the article translated into {lang!r}", problems)
        if path is None:
            continue
        if not os.path.lexists(path):
            problems.append(Problem(label, where, f"found {quote(info.file)}, but there is no such file at {path}; "
                                    f"expected the article translated into {lang!r}, in the exhibit folder"))
            continue
        article = _read_article(path, str(path), problems)
        if article is None or main is None:
            continue
        try:
            aligned, lang_notes = align_article(article, main)
        except ArticleMismatch as exc:
            problems.extend(Problem(str(path), place, message) for place, message in exc.issues)
            continue
        articles[lang] = aligned
        notes[lang] = tuple(lang_notes)
    return articles, notes


def _check_translation_keys(story: StoryFile, language: str, label: str, problems: list[Problem]) -> None:
    """No translation into the main language; an event's translated roles name its own places."""
    groups: tuple[tuple[str, tuple[PlaceRecord | EventRecord, ...]], ...] = (("places", story.places), ("events", story.events))
    for key, records in groups:
        for index, record in enumerate(records):
            for lang in record.translations:
                if lang == language:
                    problems.append(Problem(label, f"{key}[{index}].translations.{lang}",
                                            f"found {lang!r}, the exhibit's main language; expected translations "
                                            "into other languages only"))
    known = {p.id for p in story.places}
    for index, event in enumerate(story.events):
        own = [r.place for r in event.places]
        if not known.issuperset(own):
            continue  # its unknown place is reported already; its roles would only echo that
        for lang, translation in event.translations.items():
            for place_id in translation.roles:
                if place_id not in own:
                    problems.append(Problem(label, f"events[{index}].translations.{lang}.roles.{place_id}",
                                            f"found {place_id!r}, which is not a place of this event; expected one of "
                                            f"{', '.join(own)}"))


def _duplicates(ids: list[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    out = []
    for index, value in enumerate(ids):
        if value in seen:
            out.append((index, value))
        seen.add(value)
    return out


def _gazetteer_for(folder: Path, problems: list[Problem]) -> Gazetteer | None:
    """The exhibit's own cache if it has one (inside its folder), else the shipped one."""
    own = folder / GAZETTEER_FILE
    if os.path.lexists(own):
        try:
            path = resolve_inside(folder, GAZETTEER_FILE, file=own, where="", what=WHAT["gazetteer"])
        except ReadError as exc:
            problems.append(Problem(exc.file, exc.where, exc.message))
            return None
    else:
        path = data_path(GAZETTEER_FILE)
    try:
        return load_gazetteer(path)
    except ReadError as exc:
        problems.append(Problem(str(path), exc.where, exc.message))
    except ValidationError as exc:
        problems.extend(_validation_problems(str(path), exc))
    return None


def _check_basemap_codes(meta: ExhibitFile, story: StoryFile, exhibit_label: str, story_label: str,
                         problems: list[Problem]) -> None:
    """Every base-map code the exhibit uses is a country of the shipped base map."""
    known = basemap_codes()
    uses: list[tuple[str, str, str]] = []
    if meta.map.union:
        uses += [(exhibit_label, f"map.union.members[{j}]", code) for j, code in enumerate(meta.map.union.members)]
    if meta.map.focus:
        uses.append((exhibit_label, "map.focus.iso", meta.map.focus.iso))
    for index, place in enumerate(story.places):
        if place.region is not None:
            uses += [(story_label, f"places[{index}].region.basemap[{j}]", code) for j, code in enumerate(place.region.basemap)]
    for label, where, code in uses:
        if code not in known:
            problems.append(Problem(label, where, unknown_code_message(code)))


def _unplaced_warning(label: str, index: int, record: PlaceRecord, events: tuple[EventRecord, ...]) -> Problem:
    named_by = [e.id for e in events if any(r.place == record.id for r in e.places)]
    told = f"; its event{'s' if len(named_by) != 1 else ''} ({_some(named_by)}) show without it" if named_by else ""
    return Problem(label, f"places[{index}].point", f"place {record.id!r} ({quote(record.names.en)}) is not placed yet: "
                   f"the map leaves it out{told}; expected a point: place it in the editor (chronomap edit)")


def _resolve_places(records: tuple[PlaceRecord, ...], gazetteer: Gazetteer | None, label: str,
                    problems: list[Problem], events: tuple[EventRecord, ...] = ()) -> tuple[dict[str, Place], dict[str, Problem]]:
    """The places with coordinates, and a warning for each place not placed yet (neither a point nor a
    gazetteer key: a drafted name the gazetteer lacks, an empty start's placeholder), which no map shows."""
    places: dict[str, Place] = {}
    unplaced: dict[str, Problem] = {}
    for index, record in enumerate(records):
        path = f"places[{index}]"
        if record.point is not None:
            lat, lon, source = record.point.lat, record.point.lon, "exhibit"
        elif record.gazetteer and gazetteer and (entry := gazetteer.lookup(record.gazetteer)):
            lat, lon, source = entry.lat, entry.lon, entry.source
        elif not record.gazetteer:
            unplaced[record.id] = _unplaced_warning(label, index, record, events)
            continue
        else:
            problems.append(Problem(label, f"{path}.point", f"place {record.id!r} has no coordinates: gazetteer key "
                                    f"{record.gazetteer!r} is not in the cache; expected a point {{lat, lon}} or a "
                                    "cached gazetteer entry (run 'chronomap geocode')"))
            continue
        historical = tuple((h, parse_date(h.until)) for h in record.historical_names)
        places[record.id] = Place(record.id, record.kind, record.names, historical, lat, lon, source,
                                  record.region, record.description, dict(record.translations))
    return places, unplaced


def _resolve_dates(records: tuple[EventRecord, ...], label: str, problems: list[Problem]) -> dict[str, DateSpan]:
    spans: dict[str, DateSpan] = {}
    by_id = {r.id: (i, r) for i, r in enumerate(records)}
    resolving: set[str] = set()

    def resolve(event_id: str) -> DateSpan | None:
        if event_id in spans:
            return spans[event_id]
        index, record = by_id[event_id]
        if record.relative is None:
            assert record.date is not None  # shape already validated: an event has a date or a relative one
            spans[event_id] = parse_date(record.date)
            return spans[event_id]
        rel = record.relative
        path = f"events[{index}].relative.after"
        if rel.after not in by_id:
            problems.append(Problem(label, path, f"found {rel.after!r}; expected the id of another event"))
            return None
        if event_id in resolving:
            problems.append(Problem(label, path, f"found a cycle through {event_id!r}; expected a chain ending in a dated event"))
            return None
        resolving.add(event_id)
        anchor = resolve(rel.after)
        resolving.discard(event_id)
        if anchor is None:
            return None
        day = anchor.start + rel.days
        try:
            resolved = span_of_day(day)
        except DateError as exc:
            problems.append(Problem(label, f"events[{index}].relative.days",
                                    f"found {rel.days} days after {rel.after!r}: {exc}; expected an offset that stays inside them"))
            return None
        if record.date is not None and parse_date(record.date).start != day:
            problems.append(Problem(label, f"events[{index}].date",
                                    f"found {record.date!r}; expected {iso_day(day)} ({rel.phrase!r} after {rel.after!r})"))
        spans[event_id] = resolved
        return resolved

    for record in records:
        resolve(record.id)
    return spans


def _read_meta(folder: Path, problems: list[Problem]) -> ExhibitFile | None:
    """exhibit.json of *folder*, which must be a folder holding it."""
    if not folder.is_dir():
        found = "found a file, not a folder" if folder.exists() else "exhibit folder not found"
        problems.append(Problem(str(folder), "", f"{found}; expected a folder holding exhibit.json"))
        return None
    label = str(folder / EXHIBIT_FILE)
    try:
        path = resolve_inside(folder, EXHIBIT_FILE, file=label, where="", what=WHAT["exhibit"])
    except ReadError as exc:
        problems.append(Problem(label, "", exc.message))
        return None
    return _read_json(path, ExhibitFile, problems, label, WHAT["exhibit"])


def load_exhibit(folder: Path | str) -> Exhibit:
    """Load and check an exhibit folder; raise :class:`ExhibitError` listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    meta = _read_meta(folder, problems)
    if meta is None:
        raise ExhibitError(problems)
    story_label = str(folder / meta.story)
    article_label = str(folder / meta.article.file)
    article_path = _inside(folder, meta.article.file, "article.file", WHAT["article"], problems)
    article = _read_article(article_path, article_label, problems) if article_path else None
    translated_articles, article_notes = _read_translated_articles(folder, meta, article, problems)
    story_path = _inside(folder, meta.story, "story", WHAT["story"], problems)
    broken: set[str] = set()
    story = _read_json(story_path, StoryFile, problems, story_label, WHAT["story"], broken) if story_path else None
    gazetteer = _gazetteer_for(folder, problems)
    if story is None or article is None:
        raise ExhibitError(problems)
    _check_translation_keys(story, meta.language, story_label, problems)
    _check_basemap_codes(meta, story, str(folder / EXHIBIT_FILE), story_label, problems)
    place_media, event_media = resolve_media(folder, story, meta.language, story_label, problems)

    for index, place_id in _duplicates([p.id for p in story.places]):
        problems.append(Problem(story_label, f"places[{index}].id", f"found {place_id!r} a second time; expected unique place ids"))
    for index, event_id in _duplicates([e.id for e in story.events]):
        problems.append(Problem(story_label, f"events[{index}].id", f"found {event_id!r} a second time; expected unique event ids"))

    places, unplaced = _resolve_places(story.places, gazetteer, story_label, problems, story.events)
    places = {place_id: replace(place, media=place_media.get(place_id, ())) for place_id, place in places.items()}
    known_place_ids = {p.id for p in story.places}
    spans = _resolve_dates(story.events, story_label, problems)
    period = parse_date(meta.period)

    events: list[Event] = []
    for index, record in enumerate(story.events):
        path = f"events[{index}]"
        for j, ref in enumerate(record.places):
            if ref.place not in known_place_ids and ref.place not in broken:
                problems.append(Problem(story_label, f"{path}.places[{j}].place",
                                        f"found {quote(ref.place)}; expected one of the place ids: {_some(sorted(known_place_ids))}"))
        sentence_ids: list[str] = []
        for j, passage in enumerate(record.passages):
            if article.find(passage) is None:
                problems.append(Problem(story_label, f"{path}.passages[{j}]",
                                        f"found {passage!r}, which is not in the article; expected a paragraph or sentence id "
                                        f"such as {article.ids()[0]!r} (see 'chronomap passages')"))
            else:
                sentence_ids.extend(article.sentence_ids(passage))
        span = spans.get(record.id)
        if span is not None and not (period.start <= span.start and span.end <= period.end):
            problems.append(Problem(story_label, f"{path}.date",
                                    f"found {span.edtf!r}; expected a date within the exhibit period {meta.period!r}"))
        if problems or span is None:
            continue
        events.append(Event(
            id=record.id, order=index, title=record.title, summary=record.summary, span=span,
            places=tuple(PlaceInEvent(places[r.place], r.role) for r in record.places if r.place in places),
            passages=record.passages, sentence_ids=tuple(dict.fromkeys(sentence_ids)),
            date_note=record.date_note, relative_phrase=record.relative.phrase if record.relative else None,
            translations=dict(record.translations), language=meta.language,
            media=event_media.get(record.id, ()),
        ))

    if meta.distance_from and meta.distance_from not in known_place_ids | broken:
        problems.append(Problem(str(folder / EXHIBIT_FILE), "distance_from",
                                f"found {meta.distance_from!r}; expected one of the place ids in {meta.story}"))
    elif meta.distance_from in unplaced:
        problems.append(Problem(str(folder / EXHIBIT_FILE), "distance_from",
                                f"found {meta.distance_from!r}, a place not placed yet; expected a place with a point"))
    if problems:
        raise ExhibitError(problems)
    events.sort(key=lambda e: (e.span.start, e.order))
    return Exhibit(path=folder, meta=meta, article=article, places=places, events=tuple(events), period=period,
                   translated_articles=translated_articles, article_notes=article_notes, unplaced=unplaced)


def check_exhibit(folder: Path | str) -> list[Problem]:
    """Every problem with an exhibit folder; an empty list when it loads cleanly."""
    try:
        load_exhibit(folder)
    except ExhibitError as exc:
        return exc.problems
    return []


def missing_gazetteer_keys(folder: Path | str) -> tuple[Gazetteer, list[str]]:
    """The gazetteer an exhibit uses and the keys its places need that the cache lacks."""
    folder = Path(folder)
    problems: list[Problem] = []
    meta = _read_meta(folder, problems)
    story_name = meta.story if meta else "story.json"
    story_path = _inside(folder, story_name, "story", WHAT["story"], problems)
    story = _read_json(story_path, StoryFile, problems, str(folder / story_name), WHAT["story"]) if story_path else None
    gazetteer = _gazetteer_for(folder, problems)
    if problems or story is None or gazetteer is None:
        raise ExhibitError(problems)
    keys = [p.gazetteer for p in story.places if p.point is None and p.gazetteer and not gazetteer.lookup(p.gazetteer)]
    return gazetteer, list(dict.fromkeys(keys))
