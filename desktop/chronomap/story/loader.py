"""Open an exhibit folder: read, validate, cross-check, resolve.

Every problem is collected, not just the first, and each names the file, the
place inside it, what was found and what was expected, so ``chronomap check``
can list them all for the curator in one go.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chronomap.resources import data_path
from chronomap.story.article import Article, ArticleError, ArticleMismatch, align_article, parse_article
from chronomap.story.dates import DateSpan, iso_day, parse_date
from chronomap.story.gazetteer import GAZETTEER_FILE, Gazetteer, load_gazetteer
from chronomap.story.model import Event, Exhibit, ExhibitError, Place, PlaceInEvent, Problem
from chronomap.story.schema import LANG_PATTERN, EventRecord, ExhibitFile, PlaceRecord, StoryFile

EXHIBIT_FILE = "exhibit.json"
M = TypeVar("M", bound=BaseModel)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        pattern = (item.get("ctx") or {}).get("pattern")
        if item["type"] == "string_pattern_mismatch" and pattern in _PATTERN_WORDS:
            problems.append(Problem(file, path, f"found {_short(item.get('input'))}; expected {_PATTERN_WORDS[pattern]}"))
        elif item["type"] == "missing":
            problems.append(Problem(file, path, "missing; this field is required"))
        else:
            problems.append(Problem(file, path, f"found {_short(item.get('input'))}; expected {message[:1].lower() + message[1:]}"))
    return problems


def _read_json(path: Path, model: type[M], problems: list[Problem], label: str) -> M | None:
    if not path.is_file():
        problems.append(Problem(label, "", f"file not found at {path}"))
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, "", f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start})"))
        return None
    except json.JSONDecodeError as exc:
        problems.append(Problem(label, f"line {exc.lineno} column {exc.colno}", f"malformed JSON: {exc.msg}"))
        return None
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        problems.extend(_validation_problems(label, exc))
        return _salvage_story(document) if model is StoryFile else None


def _salvage_story(document: Any) -> StoryFile | None:
    """Keep the records that are valid on their own, so cross-checks still report on them.

    The problems with the invalid records have already been listed.
    """
    if not isinstance(document, dict):
        return None
    kept: dict[str, Any] = {"schema": "chronomap.story/1"}
    for key, record_model in (("places", PlaceRecord), ("events", EventRecord)):
        records = []
        for raw in document.get(key) or []:
            try:
                records.append(record_model.model_validate(raw))
            except ValidationError:
                continue
        if not records:
            return None
        kept[key] = records
    return StoryFile.model_validate(kept)


def _read_article(path: Path, label: str, problems: list[Problem]) -> Article | None:
    if not path.is_file():
        problems.append(Problem(label, "", f"article file not found at {path}"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, "", f"not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}); save it as UTF-8"))
        return None
    try:
        return parse_article(text.removeprefix("\ufeff"))
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
        path = folder / info.file
        if info.file == meta.article.file:
            problems.append(Problem(label, where, f"found {info.file!r}, the main article; expected the file of the "
                                    f"article translated into {lang!r}"))
            continue
        if not path.is_file():
            problems.append(Problem(label, where, f"found {info.file!r}, but there is no such file at {path}; "
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
    for key, records in (("places", story.places), ("events", story.events)):
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
    own = folder / GAZETTEER_FILE
    path = own if own.is_file() else data_path(GAZETTEER_FILE)
    try:
        return load_gazetteer(path)
    except json.JSONDecodeError as exc:
        problems.append(Problem(str(path), f"line {exc.lineno} column {exc.colno}", f"malformed JSON: {exc.msg}"))
    except ValidationError as exc:
        problems.extend(_validation_problems(str(path), exc))
    return None


def _resolve_places(records: tuple[PlaceRecord, ...], gazetteer: Gazetteer | None, label: str,
                    problems: list[Problem]) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for index, record in enumerate(records):
        path = f"places[{index}]"
        if record.point is not None:
            lat, lon, source = record.point.lat, record.point.lon, "exhibit"
        elif record.gazetteer and gazetteer and (entry := gazetteer.lookup(record.gazetteer)):
            lat, lon, source = entry.lat, entry.lon, entry.source
        else:
            where = f"gazetteer key {record.gazetteer!r} is not in the cache" if record.gazetteer else "no 'point' and no 'gazetteer' key"
            problems.append(Problem(label, f"{path}.point", f"place {record.id!r} has no coordinates: {where}; "
                                    "expected a point {lat, lon} or a cached gazetteer entry (run 'chronomap geocode')"))
            continue
        historical = tuple((h, parse_date(h.until)) for h in record.historical_names)
        places[record.id] = Place(record.id, record.kind, record.names, historical, lat, lon, source,
                                  record.region, record.description, dict(record.translations))
    return places


def _resolve_dates(records: tuple[EventRecord, ...], label: str, problems: list[Problem]) -> dict[str, DateSpan]:
    spans: dict[str, DateSpan] = {}
    by_id = {r.id: (i, r) for i, r in enumerate(records)}
    resolving: set[str] = set()

    def resolve(event_id: str) -> DateSpan | None:
        if event_id in spans:
            return spans[event_id]
        index, record = by_id[event_id]
        if record.relative is None:
            spans[event_id] = parse_date(record.date)  # shape already validated
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
        resolved = parse_date(iso_day(day))
        if record.date is not None and parse_date(record.date).start != day:
            problems.append(Problem(label, f"events[{index}].date",
                                    f"found {record.date!r}; expected {iso_day(day)} ({rel.phrase!r} after {rel.after!r})"))
        spans[event_id] = resolved
        return resolved

    for record in records:
        resolve(record.id)
    return spans


def load_exhibit(folder: Path | str) -> Exhibit:
    """Load and check an exhibit folder; raise :class:`ExhibitError` listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        raise ExhibitError([Problem(str(folder), "", "exhibit folder not found; expected a folder holding exhibit.json")])
    meta = _read_json(folder / EXHIBIT_FILE, ExhibitFile, problems, str(folder / EXHIBIT_FILE))
    if meta is None:
        raise ExhibitError(problems)
    story_label = str(folder / meta.story)
    article_label = str(folder / meta.article.file)
    article = _read_article(folder / meta.article.file, article_label, problems)
    translated_articles, article_notes = _read_translated_articles(folder, meta, article, problems)
    story = _read_json(folder / meta.story, StoryFile, problems, story_label)
    gazetteer = _gazetteer_for(folder, problems)
    if story is None or article is None:
        raise ExhibitError(problems)
    _check_translation_keys(story, meta.language, story_label, problems)

    for index, place_id in _duplicates([p.id for p in story.places]):
        problems.append(Problem(story_label, f"places[{index}].id", f"found {place_id!r} a second time; expected unique place ids"))
    for index, event_id in _duplicates([e.id for e in story.events]):
        problems.append(Problem(story_label, f"events[{index}].id", f"found {event_id!r} a second time; expected unique event ids"))

    places = _resolve_places(story.places, gazetteer, story_label, problems)
    known_place_ids = {p.id for p in story.places}
    spans = _resolve_dates(story.events, story_label, problems)
    period = parse_date(meta.period)

    events: list[Event] = []
    for index, record in enumerate(story.events):
        path = f"events[{index}]"
        for j, ref in enumerate(record.places):
            if ref.place not in known_place_ids:
                problems.append(Problem(story_label, f"{path}.places[{j}].place",
                                        f"found {ref.place!r}; expected one of the place ids: {', '.join(sorted(known_place_ids))}"))
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
        ))

    if meta.distance_from and meta.distance_from not in known_place_ids:
        problems.append(Problem(str(folder / EXHIBIT_FILE), "distance_from",
                                f"found {meta.distance_from!r}; expected one of the place ids in {meta.story}"))
    if problems:
        raise ExhibitError(problems)
    events.sort(key=lambda e: (e.span.start, e.order))
    return Exhibit(path=folder, meta=meta, article=article, places=places, events=tuple(events), period=period,
                   translated_articles=translated_articles, article_notes=article_notes)


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
    meta = _read_json(folder / EXHIBIT_FILE, ExhibitFile, problems, str(folder / EXHIBIT_FILE))
    story = _read_json(folder / (meta.story if meta else "story.json"), StoryFile, problems, str(folder / "story.json"))
    gazetteer = _gazetteer_for(folder, problems)
    if problems or story is None or gazetteer is None:
        raise ExhibitError(problems)
    keys = [p.gazetteer for p in story.places if p.point is None and p.gazetteer and not gazetteer.lookup(p.gazetteer)]
    return gazetteer, list(dict.fromkeys(keys))
