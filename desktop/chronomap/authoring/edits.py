"""The exhibit as editable documents, with undoable commands and a save that ``check`` would accept.

The editor in the desk app is only a face on this: every change a curator
makes is one of the commands below, applied to the exhibit's own JSON
documents (``exhibit.json`` and its ``story.json``) and kept on one history
for undo and redo. Dates are refused with the engine's own date parser and
its own words, at the field; the whole exhibit is re-checked by the same
loader ``chronomap check`` uses before anything is written, and a save writes
only the documents that differ from what is on disk, each atomically.

Pure Python, no Qt.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronomap.atomic import write_text_atomic
from chronomap.files import ReadError, read_json
from chronomap.story.basemap import basemap_codes, unknown_code_message
from chronomap.story.dates import DateError, parse_date
from chronomap.story.loader import EXHIBIT_FILE, WHAT, load_exhibit
from chronomap.story.model import Exhibit, ExhibitError, Problem
from chronomap.story.schema import MAX_OFFSET_DAYS

#: Languages whose place names the story file carries (``names.en`` is required).
NAME_LANGUAGES = ("en", "kk", "ru")
#: What a place can be (story.json's ``kind``).
PLACE_KINDS = ("city", "region", "republic", "state")
#: Event texts a curator edits, per language.
EVENT_TEXTS = ("title", "summary", "date_note")
#: The exhibit's own texts a curator edits, per language.
EXHIBIT_TEXTS = ("title", "subtitle")
#: The article's provenance in exhibit.json (null when not known).
ARTICLE_FIELDS = ("source", "licence")
#: A line is written on one line when it fits in this many characters (the hand-written files' style).
LINE_WIDTH = 110
_ID_WORDS = re.compile(r"[^a-z0-9]+")


class EditError(ValueError):
    """An edit the engine refuses; ``field`` names the form field so the editor can say it there."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class SaveRefused(Exception):
    """Nothing was written: ``chronomap check`` would refuse the exhibit, or another program changed it."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        self.problems = problems or []
        super().__init__(message)


@dataclass
class Change:
    """One step of the history: the documents before and after, and what the views must redraw."""

    label: str
    before: dict[str, Any]
    after: dict[str, Any]
    places: bool  # place records changed: the map's markers must be drawn again
    key: tuple[str, ...] | None = None  # consecutive changes with the same key (typing) are one step


def format_json(value: Any) -> str:
    """Stable, readable JSON: a value on one line when it fits, else one item per line; UTF-8 as written."""
    return _format(value, 0) + "\n"


def _format(value: Any, indent: int) -> str:
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, (dict, list)) or not value or indent + len(flat) <= LINE_WIDTH and indent > 0:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_format(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    return "[\n" + ",\n".join(pad + _format(v, indent + 2) for v in value) + "\n" + " " * indent + "]"


def recovery_dir() -> Path:
    """Where unsaved work waits after a crash: ``$XDG_STATE_HOME/chronomap/recovery``."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "chronomap" / "recovery"


def _read(path: Path, what: str) -> Any:
    """A document through the safe reader; its refusal as the loader would say it."""
    try:
        return read_json(path, what=what)
    except ReadError as exc:
        raise ExhibitError([Problem(exc.file, exc.where, exc.message)]) from None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_id(text: str, taken: set[str], fallback: str) -> str:
    """A lower-case id from *text* ('Alma-Ata' → 'alma-ata'), numbered when taken."""
    base = _ID_WORDS.sub("-", text.casefold()).strip("-")
    base = base if base and base[0].isascii() and base[0].isalnum() else fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class ExhibitEditor:
    """An exhibit folder open for editing: documents, history, validation and save.

    ``listeners`` are called with each :class:`Change` after it is applied, undone or
    redone (and with ``None`` after a save), so a view can follow without polling.
    """

    def __init__(self, folder: Path | str, recovery: Path | None = None):
        self.folder = Path(folder).absolute()
        self.recovery_file = (recovery or recovery_dir()) / f"{_digest(str(self.folder).encode('utf-8'))[:20]}.json"
        exhibit_path = self.folder / EXHIBIT_FILE
        meta = _read(exhibit_path, WHAT["exhibit"])
        if not isinstance(meta, dict) or not isinstance(meta.get("story", "story.json"), str):
            raise ExhibitError([Problem(str(exhibit_path), "", "found no exhibit metadata object; expected exhibit.json")])
        self.story_name: str = meta.get("story", "story.json")
        story = _read(self.folder / self.story_name, WHAT["story"])
        if not isinstance(story, dict) or not isinstance(story.get("events"), list) or not isinstance(story.get("places"), list):
            raise ExhibitError([Problem(str(self.folder / self.story_name), "",
                                        "found no list of places and events; expected a story.json")])
        self._docs: dict[str, Any] = {EXHIBIT_FILE: meta, self.story_name: story}
        self._saved = copy.deepcopy(self._docs)
        self._fingerprints = {name: _digest((self.folder / name).read_bytes()) for name in self._docs}
        self._history: list[Change] = []
        self._index = 0  # changes before it are applied
        self._sealed = True
        self.listeners: list[Callable[[Change | None], object]] = []
        self._staging: Path | None = None

    # -- reading -------------------------------------------------------------------------
    @property
    def meta(self) -> dict[str, Any]:
        return self._docs[EXHIBIT_FILE]

    @property
    def story(self) -> dict[str, Any]:
        return self._docs[self.story_name]

    @property
    def main_language(self) -> str:
        return str(self.meta.get("language", "en"))

    def documents(self) -> dict[str, str]:
        """Each document as it would be written."""
        return {name: format_json(doc) for name, doc in self._docs.items()}

    def event(self, event_id: str) -> dict[str, Any]:
        """The event's record (a copy: change it only through the commands)."""
        return copy.deepcopy(self._event(event_id))

    def place(self, place_id: str) -> dict[str, Any]:
        return copy.deepcopy(self._place(place_id))

    def event_ids(self) -> list[str]:
        """Events in time order: by first day, events sharing a day in file order; undated ones last."""
        starts = self._starts()
        order = list(enumerate(self.story["events"]))
        order.sort(key=lambda item: (starts.get(item[1].get("id"), float("inf")), item[0]))
        return [e["id"] for _, e in order]

    def place_ids(self) -> list[str]:
        return [p["id"] for p in self.story["places"]]

    def event_text(self, event_id: str, field: str, lang: str | None = None) -> str:
        """A text of an event in *lang* ('' where it has none); the main language when *lang* is None or main."""
        record = self._event(event_id)
        if lang is None or lang == self.main_language:
            return str(record.get(field) or "")
        return str(record.get("translations", {}).get(lang, {}).get(field) or "")

    @property
    def dirty(self) -> bool:
        """The documents differ from the files as last loaded or saved."""
        return self._docs != self._saved

    # -- history --------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._history)

    def undo_label(self) -> str | None:
        return self._history[self._index - 1].label if self.can_undo() else None

    def redo_label(self) -> str | None:
        return self._history[self._index].label if self.can_redo() else None

    def undo(self) -> bool:
        if not self.can_undo():
            return False
        self._index -= 1
        change = self._history[self._index]
        self._docs = copy.deepcopy(change.before)
        self._sealed = True
        self._notify(change)
        return True

    def redo(self) -> bool:
        if not self.can_redo():
            return False
        change = self._history[self._index]
        self._index += 1
        self._docs = copy.deepcopy(change.after)
        self._sealed = True
        self._notify(change)
        return True

    def seal(self) -> None:
        """The next change starts a new undo step even if it edits the same field (the field lost focus)."""
        self._sealed = True

    def _notify(self, change: Change | None) -> None:
        for listener in list(self.listeners):
            listener(change)

    def _apply(self, label: str, mutate: Callable[[dict[str, Any]], object], *, places: bool = False,
               key: tuple[str, ...] | None = None) -> Change | None:
        """Run *mutate* on a copy of the documents; keep it as one step unless it changed nothing."""
        after = copy.deepcopy(self._docs)
        mutate(after)
        if after == self._docs:
            return None
        last = self._history[self._index - 1] if self._index else None
        if key is not None and not self._sealed and last is not None and last.key == key and self._index == len(self._history):
            last.after = copy.deepcopy(after)
            change = last
            if after == last.before:  # typed back to where the step began: no step at all
                self._history.pop()
                self._index -= 1
        else:
            del self._history[self._index:]
            change = Change(label, copy.deepcopy(self._docs), copy.deepcopy(after), places, key)
            self._history.append(change)
            self._index += 1
        self._docs = after
        self._sealed = key is None
        self._notify(change)
        return change

    # -- events ---------------------------------------------------------------------------
    def add_event(self, after: str | None = None) -> str:
        """A new event after *after* (same date, places and passages, so it sits there); its title and
        summary are left empty for the curator: ``check`` refuses to save it until they are written."""
        source = self._event(after) if after else self._event(self.event_ids()[-1])
        taken = {e["id"] for e in self.story["events"]}
        event_id = new_id("new event", taken, "event")
        record: dict[str, Any] = {"id": event_id, "title": "", "summary": ""}
        for name in ("date", "relative"):
            if name in source:
                record[name] = copy.deepcopy(source[name])
        record["places"] = copy.deepcopy(source["places"])
        record["passages"] = copy.deepcopy(source["passages"])

        def mutate(docs: dict[str, Any]) -> None:
            events = docs[self.story_name]["events"]
            events.insert(self._index_of(events, source["id"]) + 1, record)

        self._apply("Add event", mutate)
        return event_id

    def duplicate_event(self, event_id: str) -> str:
        source = self._event(event_id)
        taken = {e["id"] for e in self.story["events"]}
        copy_id = new_id(f"{event_id}-copy", taken, "event")
        record = {**copy.deepcopy(source), "id": copy_id}

        def mutate(docs: dict[str, Any]) -> None:
            events = docs[self.story_name]["events"]
            events.insert(self._index_of(events, event_id) + 1, record)

        self._apply("Duplicate event", mutate)
        return copy_id

    def delete_event(self, event_id: str) -> None:
        self._event(event_id)
        if len(self.story["events"]) == 1:
            raise EditError("events", "this is the only event; an exhibit needs at least one")
        dependants = [e["id"] for e in self.story["events"] if (e.get("relative") or {}).get("after") == event_id]
        if dependants:
            raise EditError("events", f"the date of {', '.join(dependants)} is given relative to it; "
                                      "give them a date of their own first")

        def mutate(docs: dict[str, Any]) -> None:
            events = docs[self.story_name]["events"]
            del events[self._index_of(events, event_id)]

        self._apply("Delete event", mutate)

    def move_event(self, event_id: str, step: int) -> None:
        """Move an event before (-1) or after (+1) the next event on the same day; dates order the rest."""
        starts = self._starts()
        day = starts.get(event_id)
        order = self.event_ids()
        position = order.index(event_id)
        neighbour_at = position + (1 if step > 0 else -1)
        if day is None or not 0 <= neighbour_at < len(order) or starts.get(order[neighbour_at]) != day:
            raise EditError("order", "only events on the same day can be moved past each other; "
                                     "their dates order the rest")
        neighbour = order[neighbour_at]

        def mutate(docs: dict[str, Any]) -> None:
            events = docs[self.story_name]["events"]
            i, j = self._index_of(events, event_id), self._index_of(events, neighbour)
            events[i], events[j] = events[j], events[i]

        self._apply("Move event", mutate)

    def set_event_text(self, event_id: str, field: str, text: str, lang: str | None = None) -> None:
        """Title, summary or date note in the main language (*lang* None or main) or a translation.

        An empty translation is removed (the main text shows instead); an empty main title or
        summary is kept, and ``check`` refuses to save it."""
        if field not in EVENT_TEXTS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(EVENT_TEXTS)}")
        self._event(event_id)
        main = lang is None or lang == self.main_language

        def mutate(docs: dict[str, Any]) -> None:
            record = self._event(event_id, docs)
            if main:
                if text or field != "date_note":
                    record[field] = text
                else:
                    record.pop(field, None)
                return
            translations = record.setdefault("translations", {})
            entry = translations.setdefault(lang, {})
            if text:
                entry[field] = text
            else:
                entry.pop(field, None)
            if not entry:
                del translations[lang]
            if not translations:
                del record["translations"]

        self._apply(f"Edit {field.replace('_', ' ')}", mutate, key=("text", event_id, field, lang or self.main_language))

    def check_date(self, text: str) -> str:
        """*text* as the timeline will read it, or :class:`EditError` with the engine's own words."""
        try:
            span = parse_date(text)
        except DateError as exc:
            raise EditError("date", str(exc)) from None
        period = self.meta.get("period")
        try:
            whole = parse_date(period) if isinstance(period, str) else None
        except DateError:
            whole = None
        if whole is not None and not (whole.start <= span.start and span.end <= whole.end):
            raise EditError("date", f"found {span.edtf!r}; expected a date within the exhibit period {period!r}")
        return span.edtf

    def set_event_date(self, event_id: str, text: str) -> None:
        """An EDTF date; it replaces a date given relative to another event."""
        value = self.check_date(text)
        self._event(event_id)

        def mutate(docs: dict[str, Any]) -> None:
            record = self._event(event_id, docs)
            record["date"] = value
            record.pop("relative", None)

        self._apply("Set date", mutate, key=("date", event_id))

    def set_event_relative(self, event_id: str, after: str, days: int, phrase: str) -> None:
        """A date the article gives relative to another event ('Nine days later'); it replaces a written date."""
        self._event(event_id)
        if after == event_id:
            raise EditError("relative", "an event cannot be dated relative to itself")
        self._event(after)
        if not isinstance(days, int) or abs(days) > MAX_OFFSET_DAYS:
            raise EditError("relative", f"found {days!r} days; expected a whole number from -{MAX_OFFSET_DAYS:,} to {MAX_OFFSET_DAYS:,}")
        if not phrase.strip():
            raise EditError("relative", "give the article's own words for it, such as 'Nine days later'")
        starts = self._starts()
        if after not in starts or self._depends_on(after, event_id):
            raise EditError("relative", f"{after!r} has no date of its own to count from, or is counted from this event")

        def mutate(docs: dict[str, Any]) -> None:
            record = self._event(event_id, docs)
            record.pop("date", None)
            record["relative"] = {"after": after, "days": days, "phrase": phrase.strip()}

        self._apply("Set relative date", mutate, key=("relative", event_id))

    def _depends_on(self, event_id: str, on: str) -> bool:
        """*event_id*'s date is counted, through any chain, from *on*."""
        records = {e.get("id"): e for e in self.story["events"]}
        seen: set[Any] = set()
        current: Any = event_id
        while current in records and current not in seen:
            if current == on:
                return True
            seen.add(current)
            relative = records[current].get("relative")
            current = relative.get("after") if isinstance(relative, dict) else None
        return False

    # -- places ---------------------------------------------------------------------------
    def add_place(self, name: str, lat: float, lon: float, *, kind: str = "city", event_id: str | None = None,
                  role: str = "location", names: dict[str, str] | None = None) -> str:
        """A new place at a point, linked to *event_id* with *role* when given."""
        if not name.strip():
            raise EditError("name", "a place needs an English name")
        point = self._point(lat, lon)
        if event_id is not None:
            self._event(event_id)
            if not role.strip():
                raise EditError("role", "a place's role in the event is required (what happened there)")
        place_id = new_id(name, set(self.place_ids()), "place")
        record: dict[str, Any] = {"id": place_id, "kind": kind,
                                  "names": {"en": name.strip(), **{k: v for k, v in (names or {}).items() if v and k != "en"}},
                                  "point": point}

        def mutate(docs: dict[str, Any]) -> None:
            docs[self.story_name]["places"].append(record)
            if event_id is not None:
                self._event(event_id, docs)["places"].append({"place": place_id, "role": role.strip()})

        self._apply("Add place", mutate, places=True)
        return place_id

    def set_place_point(self, place_id: str, lat: float, lon: float) -> None:
        """The place drawn at this point (from the gazetteer or the map); a gazetteer key it had is dropped."""
        point = self._point(lat, lon)
        self._place(place_id)

        def mutate(docs: dict[str, Any]) -> None:
            record = self._place(place_id, docs)
            record["point"] = point
            record.pop("gazetteer", None)

        self._apply("Move place", mutate, places=True)

    def choose_place(self, place_id: str, lat: float, lon: float, *, kind: str | None = None,
                     basemap: str | None = None, description: str | None = None, label: str = "Choose place") -> None:
        """One step for a reviewed place: its point, and optionally its kind, its base-map country
        (a country drawn as its outline; None keeps a point only) and its description."""
        point = self._point(lat, lon)
        self._place(place_id)
        if kind is not None and kind not in PLACE_KINDS:
            raise EditError("kind", f"found {kind!r}; expected one of {', '.join(PLACE_KINDS)}")

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            target["point"] = point
            target.pop("gazetteer", None)
            if kind is not None:
                target["kind"] = kind
                region = target.get("region") or {}
                if basemap:
                    target["region"] = {**{k: v for k, v in region.items() if k == "note"}, "basemap": [basemap]}
                elif region.get("basemap"):
                    del target["region"]  # it was drawn as a country it is not
            if description is not None:
                if description:
                    target["description"] = description
                else:
                    target.pop("description", None)

        self._apply(label, mutate, places=True)

    def set_place_region(self, place_id: str, isos: list[str]) -> None:
        """Draw the place as these base-map countries (ISO 3166-1 alpha-3); none: its point only.

        A place drawn by its own outline (``geometry``) keeps it: that is edited in the file for now."""
        known = basemap_codes()
        for code in isos:
            if code not in known:
                raise EditError("region", unknown_code_message(code))
        record = self._place(place_id)
        if (record.get("region") or {}).get("geometry") is not None:
            raise EditError("region", "this place is drawn by its own outline (region.geometry); change it in story.json")

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            note = (target.get("region") or {}).get("note")
            if isos:
                target["region"] = {"basemap": list(dict.fromkeys(isos)), **({"note": note} if note else {})}
            else:
                target.pop("region", None)

        self._apply("Set region", mutate, places=True)

    def add_historical_name(self, place_id: str, name: str, until: str, *, kk: str = "", ru: str = "") -> None:
        """A name the place had until a day (inclusive): the map shows it for dates up to then."""
        if not name.strip():
            raise EditError("historical name", "a historical name needs its English form")
        try:
            value = parse_date(until).edtf
        except DateError as exc:
            raise EditError("until", str(exc)) from None
        self._place(place_id)
        entry = {"en": name.strip(), **({"kk": kk.strip()} if kk.strip() else {}), **({"ru": ru.strip()} if ru.strip() else {}),
                 "until": value}

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            names = target.setdefault("historical_names", [])
            names.append(entry)
            names.sort(key=lambda h: parse_date(h["until"]).end)  # the earliest that applies is shown

        self._apply("Add historical name", mutate, places=True)

    def remove_historical_name(self, place_id: str, index: int) -> None:
        names = self._place(place_id).get("historical_names") or []
        if not 0 <= index < len(names):
            raise EditError("historical name", f"found no historical name number {index + 1}")

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            del target["historical_names"][index]
            if not target["historical_names"]:
                del target["historical_names"]

        self._apply("Remove historical name", mutate, places=True)

    def set_place_name(self, place_id: str, lang: str, name: str) -> None:
        if lang not in NAME_LANGUAGES:
            raise EditError("name", f"found {lang!r}; expected one of {', '.join(NAME_LANGUAGES)}")
        if lang == "en" and not name.strip():
            raise EditError("name", "the English name is required")
        self._place(place_id)

        def mutate(docs: dict[str, Any]) -> None:
            names = self._place(place_id, docs)["names"]
            if name.strip():
                names[lang] = name.strip()
            else:
                names.pop(lang, None)

        self._apply("Rename place", mutate, places=True, key=("name", place_id, lang))

    def link_place(self, event_id: str, place_id: str, role: str = "location") -> None:
        self._place(place_id)
        if not role.strip():
            raise EditError("role", "a place's role in the event is required (what happened there)")
        if any(r["place"] == place_id for r in self._event(event_id)["places"]):
            raise EditError("places", f"{place_id!r} is already a place of this event")
        self._apply("Link place", lambda docs: self._event(event_id, docs)["places"].append({"place": place_id, "role": role.strip()}))

    def delete_place(self, place_id: str) -> None:
        """A place taken out of the exhibit and every event naming it ('not a place': a person, an album).

        Refused while it is the only place of an event, or the place distances are measured from."""
        self._place(place_id)
        alone = [e["id"] for e in self.story["events"] if [r["place"] for r in e["places"]] == [place_id]]
        if alone:
            raise EditError("places", f"it is the only place of {', '.join(alone)}; give "
                                      f"{'that event' if len(alone) == 1 else 'those events'} another place first")
        if self.meta.get("distance_from") == place_id:
            raise EditError("places", "distances are measured from it (exhibit.json distance_from)")

        def mutate(docs: dict[str, Any]) -> None:
            story = docs[self.story_name]
            story["places"] = [p for p in story["places"] if p.get("id") != place_id]
            for record in story["events"]:
                if any(r["place"] == place_id for r in record["places"]):
                    record["places"] = [r for r in record["places"] if r["place"] != place_id]
                    for translation in record.get("translations", {}).values():
                        translation.get("roles", {}).pop(place_id, None)

        self._apply("Delete place", mutate, places=True)

    def set_role(self, event_id: str, place_id: str, role: str, lang: str | None = None) -> None:
        """What a place is in an event ('where the strike began'), in the main language or a translation."""
        if not any(r["place"] == place_id for r in self._event(event_id)["places"]):
            raise EditError("places", f"{place_id!r} is not a place of this event")
        main = lang is None or lang == self.main_language
        if main and not role.strip():
            raise EditError("role", "a place's role in the event is required (what happened there)")

        def mutate(docs: dict[str, Any]) -> None:
            record = self._event(event_id, docs)
            if main:
                next(r for r in record["places"] if r["place"] == place_id)["role"] = role.strip()
                return
            translations = record.setdefault("translations", {})
            roles = translations.setdefault(lang, {}).setdefault("roles", {})
            if role.strip():
                roles[place_id] = role.strip()
            else:
                roles.pop(place_id, None)
            if not roles:
                del translations[lang]["roles"]
            if not translations[lang]:
                del translations[lang]
            if not translations:
                del record["translations"]

        self._apply("Edit role", mutate, key=("role", event_id, place_id, lang or self.main_language))

    def set_passages(self, event_id: str, passages: list[str]) -> None:
        """The article's sentences or paragraphs (by id) that tell this event; ``check`` refuses unknown ids."""
        self._event(event_id)
        if not passages:
            raise EditError("passages", "an event needs at least one passage of the article")

        def mutate(docs: dict[str, Any]) -> None:
            self._event(event_id, docs)["passages"] = list(dict.fromkeys(passages))

        self._apply("Link passages", mutate)

    # -- the exhibit's own texts ----------------------------------------------------------------
    def set_exhibit_text(self, field: str, text: str, lang: str | None = None) -> None:
        """The exhibit's title or subtitle, in the main language or a translation (empty: none)."""
        if field not in EXHIBIT_TEXTS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(EXHIBIT_TEXTS)}")
        main = lang is None or lang == self.main_language
        if main and field == "title" and not text.strip():
            raise EditError("title", "an exhibit needs a title")

        def mutate(docs: dict[str, Any]) -> None:
            meta = docs[EXHIBIT_FILE]
            target = meta if main else meta.setdefault("translations", {}).setdefault(lang, {})
            if text.strip():
                target[field] = text
            else:
                target.pop(field, None)
            if not main and not target:
                del meta["translations"][lang]
                if not meta["translations"]:
                    del meta["translations"]

        self._apply(f"Edit exhibit {field}", mutate, key=("exhibit", field, lang or self.main_language))

    def set_article_info(self, field: str, text: str) -> None:
        """Where the article comes from and its licence; empty stays empty (null), never invented."""
        if field not in ARTICLE_FIELDS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(ARTICLE_FIELDS)}")

        def mutate(docs: dict[str, Any]) -> None:
            docs[EXHIBIT_FILE].setdefault("article", {})[field] = text.strip() or None

        self._apply(f"Edit article {field}", mutate, key=("article", field))

    def set_period(self, text: str) -> None:
        """The exhibit's period (EDTF); ``check`` then says which events fall outside it."""
        try:
            value = parse_date(text).edtf
        except DateError as exc:
            raise EditError("period", str(exc)) from None

        def mutate(docs: dict[str, Any]) -> None:
            docs[EXHIBIT_FILE]["period"] = value

        self._apply("Set period", mutate, key=("period",))

    def unlink_place(self, event_id: str, place_id: str) -> None:
        roles = self._event(event_id)["places"]
        if not any(r["place"] == place_id for r in roles):
            raise EditError("places", f"{place_id!r} is not a place of this event")
        if len(roles) == 1:
            raise EditError("places", "an event needs at least one place")

        def mutate(docs: dict[str, Any]) -> None:
            record = self._event(event_id, docs)
            record["places"] = [r for r in record["places"] if r["place"] != place_id]
            for translation in record.get("translations", {}).values():
                translation.get("roles", {}).pop(place_id, None)

        self._apply("Unlink place", mutate)

    # -- checking and saving --------------------------------------------------------------
    def load(self) -> Exhibit:
        """The exhibit as the explorer would open it from these documents; :class:`ExhibitError` otherwise."""
        staging = self._staging_folder()
        for name, text in self.documents().items():
            (staging / name).write_text(text, encoding="utf-8")
        try:
            return load_exhibit(staging)
        except ExhibitError as exc:
            raise ExhibitError([self._here(p) for p in exc.problems]) from None

    def problems(self) -> list[Problem]:
        try:
            self.load()
        except ExhibitError as exc:
            return exc.problems
        return []

    def changed_on_disk(self) -> list[str]:
        """Documents another program changed since they were loaded or saved here."""
        out = []
        for name, digest in self._fingerprints.items():
            try:
                now = _digest((self.folder / name).read_bytes())
            except OSError:
                now = ""
            if now != digest:
                out.append(name)
        return out

    def save(self, *, overwrite_changes: bool = False) -> list[str]:
        """Write the documents that changed, each atomically, once ``check`` accepts the whole exhibit.

        Returns the names written (none when nothing changed: the files stay byte-identical).
        Raises :class:`SaveRefused` with one line when check would refuse, or when another
        program changed a file since it was opened (unless *overwrite_changes*)."""
        problems = self.problems()
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise SaveRefused(f"not saved: {problems[0]}{more}", problems)
        outside = self.changed_on_disk()
        if outside and not overwrite_changes:
            raise SaveRefused(f"not saved: {', '.join(outside)} changed on disk since it was opened; "
                              "save again to overwrite it, or reopen the exhibit")
        written = []
        for name, text in self.documents().items():
            if self._docs[name] == self._saved[name] and name not in outside:
                continue
            write_text_atomic(self.folder / name, text)
            self._fingerprints[name] = _digest(text.encode("utf-8"))
            written.append(name)
        self._saved = copy.deepcopy(self._docs)
        self.discard_recovery()
        self._notify(None)
        return written

    # -- recovery after a crash -------------------------------------------------------------
    def write_recovery(self) -> None:
        """Keep the unsaved documents beside the user's state (removed once nothing is unsaved)."""
        if not self.dirty:
            self.discard_recovery()
            return
        self.recovery_file.parent.mkdir(parents=True, exist_ok=True)
        record = {"folder": str(self.folder), "fingerprints": self._fingerprints, "documents": self._docs}
        write_text_atomic(self.recovery_file, json.dumps(record, ensure_ascii=False))

    def recovered(self) -> dict[str, Any] | None:
        """Unsaved documents an earlier session left for this folder, when they differ from it."""
        try:
            record = read_json(self.recovery_file, what="a Chronomap recovery file")
        except ReadError:
            return None
        documents = record.get("documents") if isinstance(record, dict) else None
        if (not isinstance(documents, dict) or set(documents) != set(self._docs) or record.get("folder") != str(self.folder)
                or documents == self._docs):
            return None
        return documents

    def restore_recovery(self) -> bool:
        """Bring back the recovered documents as one undoable step; False when there are none."""
        documents = self.recovered()
        if documents is None:
            return False

        def mutate(docs: dict[str, Any]) -> None:
            docs.clear()
            docs.update(copy.deepcopy(documents))

        self._apply("Restore unsaved work", mutate, places=True)
        return True

    def discard_recovery(self) -> None:
        self.recovery_file.unlink(missing_ok=True)

    def close(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    # -- helpers ---------------------------------------------------------------------------
    def _staging_folder(self) -> Path:
        """A private copy of the folder the loader reads (the documents themselves are rewritten per check)."""
        if self._staging is None:
            staging = Path(tempfile.mkdtemp(prefix="chronomap-edit-"))
            weakref.finalize(self, shutil.rmtree, staging, True)
            for item in self.folder.iterdir():
                if item.name in self._docs or item.name.startswith("."):
                    continue
                if item.is_dir() and not item.is_symlink():
                    shutil.copytree(item, staging / item.name, symlinks=True)
                else:
                    shutil.copy2(item, staging / item.name, follow_symlinks=False)
            self._staging = staging
        return self._staging

    def _here(self, problem: Problem) -> Problem:
        staging = str(self._staging)
        return Problem(problem.file.replace(staging, str(self.folder)), problem.path,
                       problem.message.replace(staging, str(self.folder)))

    def _event(self, event_id: str, docs: dict[str, Any] | None = None) -> dict[str, Any]:
        for record in (docs or self._docs)[self.story_name]["events"]:
            if record.get("id") == event_id:
                return record
        raise EditError("event", f"found no event {event_id!r} in this exhibit")

    def _place(self, place_id: str, docs: dict[str, Any] | None = None) -> dict[str, Any]:
        for record in (docs or self._docs)[self.story_name]["places"]:
            if record.get("id") == place_id:
                return record
        raise EditError("place", f"found no place {place_id!r} in this exhibit")

    @staticmethod
    def _index_of(records: list[dict[str, Any]], record_id: str) -> int:
        return next(i for i, r in enumerate(records) if r.get("id") == record_id)

    @staticmethod
    def _point(lat: float, lon: float) -> dict[str, float]:
        if not (isinstance(lat, (int, float)) and -90 <= lat <= 90):
            raise EditError("point", f"found latitude {lat!r}; expected a number from -90 to 90")
        if not (isinstance(lon, (int, float)) and -180 <= lon <= 180):
            raise EditError("point", f"found longitude {lon!r}; expected a number from -180 to 180")
        return {"lat": round(float(lat), 5), "lon": round(float(lon), 5)}

    def _starts(self) -> dict[str, int]:
        """First day of each event that has a usable date (relative ones through their anchors)."""
        records = {e.get("id"): e for e in self.story["events"]}
        out: dict[str, int] = {}

        def start(event_id: Any, seen: frozenset[Any]) -> int | None:
            if event_id in out:
                return out[event_id]
            record = records.get(event_id)
            if record is None or event_id in seen:
                return None
            relative = record.get("relative")
            day: int | None = None
            if isinstance(relative, dict):
                anchor = start(relative.get("after"), seen | {event_id})
                days = relative.get("days")
                day = anchor + days if anchor is not None and isinstance(days, int) else None
            elif isinstance(record.get("date"), str):
                try:
                    day = parse_date(record["date"]).start
                except DateError:
                    day = None
            if day is not None:
                out[event_id] = day
            return day

        for event_id in records:
            start(event_id, frozenset())
        return out


def sentences_told(exhibit: Exhibit) -> dict[str, list[str]]:
    """Each sentence id of the main article with the events that tell it (an empty list: none yet)."""
    told: dict[str, list[str]] = {s.id: [] for p in exhibit.article.paragraphs() for s in p.sentences}
    for event in exhibit.events:
        for sentence_id in event.sentence_ids:
            told.setdefault(sentence_id, []).append(event.id)
    return told


def compact_passages(sentence_ids: list[str], exhibit: Exhibit) -> list[str]:
    """Sentence ids as the story writes them: a paragraph's id where all its sentences are chosen, in article order."""
    chosen = set(sentence_ids)
    out: list[str] = []
    for paragraph in exhibit.article.paragraphs():
        ids = [s.id for s in paragraph.sentences]
        if ids and chosen.issuperset(ids):
            out.append(paragraph.id)
        else:
            out.extend(i for i in ids if i in chosen)
    return out


def iter_texts(editor: ExhibitEditor, event_id: str, languages: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(language, field, text) of an event for each language, the main one first: what the form shows side by side."""
    for lang in languages:
        for field in EVENT_TEXTS:
            yield lang, field, editor.event_text(event_id, field, lang)
