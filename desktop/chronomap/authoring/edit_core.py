"""The editing model's core: an exhibit folder's JSON documents, one undo history, checking, saving, recovery.

Every command (:mod:`~chronomap.authoring.edit_events`, :mod:`~chronomap.authoring.edit_places`,
:mod:`~chronomap.authoring.edit_exhibit`) changes a copy of the documents through :meth:`EditorCore._apply`,
which keeps it as one step of the history. The whole exhibit is checked by the same loader
``chronomap check`` uses; a save writes only the documents that differ from what is on disk, each
atomically, and nothing while check would refuse. Pure Python, no Qt.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronomap.atomic import write_bytes_atomic, write_text_atomic
from chronomap.files import ReadError, read_json
from chronomap.story.dates import DateError, parse_date
from chronomap.story.loader import EXHIBIT_FILE, WHAT, load_exhibit
from chronomap.story.model import Exhibit, ExhibitError, Problem
from chronomap.user_dirs import state_dir

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
#: A credit's fields (exhibit.json ``credits``); ``what`` and ``text`` are translated.
CREDIT_FIELDS = ("what", "text", "licence", "short")
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
    return state_dir("recovery")


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


class EditorCore:
    """An exhibit folder open for editing: documents, history, validation, save and recovery.

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
        self._opened = copy.deepcopy(self._docs)  # as first read: undone back to it, a save writes the bytes read
        self._opened_bytes = {name: (self.folder / name).read_bytes() for name in self._docs}
        self._fingerprints = {name: _digest(data) for name, data in self._opened_bytes.items()}
        self._history: list[Change] = []
        self._index = 0  # changes before it are applied
        self._sealed = True
        self.listeners: list[Callable[[Change | None], object]] = []
        self._staging: Path | None = None

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

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._history)

    def current_step(self) -> Change | None:
        """The step an undo would take back (a view keeping its own list of steps compares with it)."""
        return self._history[self._index - 1] if self._index else None

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
            data = self._opened_bytes[name] if self._docs[name] == self._opened[name] else text.encode("utf-8")
            write_bytes_atomic(self.folder / name, data)  # every edit undone: the file as it was, to the byte
            self._fingerprints[name] = _digest(data)
            written.append(name)
        self._saved = copy.deepcopy(self._docs)
        self.discard_recovery()
        self._notify(None)
        return written

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
