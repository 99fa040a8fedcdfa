"""Commands on the pictures and recordings of an event or a place: attach, caption, reorder, remove.

Pure Python, no Qt; each command is one undoable step of :class:`~chronomap.authoring.edit_core.EditorCore`.
An attached file from outside the exhibit is only *pending* until a save: the check sees it (it is
staged beside the documents the loader reads), and the save copies it into ``media/`` atomically
before the documents that name it are written. Undo an attach and nothing is copied. A file already
inside the exhibit folder is used where it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from chronomap.atomic import write_bytes_atomic
from chronomap.authoring.edit_core import EditError, EditorCore, new_id
from chronomap.authoring.timelinejs_media import EXTENSIONS, kind_of
from chronomap.files import ReadError, read_bytes, read_text
from chronomap.story.media import MAX_MEDIA_BYTES
from chronomap.story.model import Exhibit

#: Texts of a media item a curator edits; ``licence`` is one for all languages, the others translate.
MEDIA_TEXTS = ("caption", "credit", "alt", "transcript")
MEDIA_FIELDS = (*MEDIA_TEXTS, "licence")
#: What an owner is: ("event", id) or ("place", id).
Owner = tuple[str, str]


class MediaCommands(EditorCore):
    """The media lists of events and places, and the files waiting to be copied in on save."""

    def _pending(self) -> dict[str, Path]:
        """media/… name → the file outside the exhibit it will be copied from (set up on first use)."""
        pending: dict[str, Path] | None = getattr(self, "_media_pending", None)
        if pending is None:
            pending = {}
            self._media_pending: dict[str, Path] = pending
        return pending

    def _owner(self, owner: Owner, docs: dict[str, Any] | None = None) -> dict[str, Any]:
        kind, record_id = owner
        if kind == "event":
            return self._event(record_id, docs)
        if kind == "place":
            return self._place(record_id, docs)
        raise EditError("media", f"found {kind!r}; expected an event or a place")

    def media(self, owner: Owner) -> list[dict[str, Any]]:
        """The owner's media records, in order (copies)."""
        return [dict(m) for m in self._owner(owner).get("media", [])]

    def media_text(self, owner: Owner, index: int, field: str, lang: str | None = None) -> str:
        """A text of a media item in *lang* ('' where it has none); a transcript file is read for showing."""
        record = self._item(owner, index)
        main = lang is None or lang == self.main_language
        source = record if main else record.get("translations", {}).get(lang, {})
        if field == "transcript" and not source.get("transcript") and source.get("transcript_file"):
            try:
                return read_text(self.folder / source["transcript_file"], what="a transcript")
            except ReadError:
                return ""
        return str(source.get(field) or "")

    def _item(self, owner: Owner, index: int, docs: dict[str, Any] | None = None) -> dict[str, Any]:
        items = self._owner(owner, docs).get("media", [])
        if not 0 <= index < len(items):
            raise EditError("media", f"found item {index + 1}; expected one of the {len(items)} attached")
        item: dict[str, Any] = items[index]
        return item

    def attach_media(self, owner: Owner, source: Path | str) -> int:
        """Attach a picture or recording (its kind read from its bytes); returns its place in the list."""
        path = Path(source).absolute()
        try:
            data = read_bytes(path, what="a picture or recording", limit=MAX_MEDIA_BYTES)
        except ReadError as exc:
            raise EditError("file", exc.message) from None
        found = kind_of(data)
        if found is None:
            raise EditError("file", f"found {path.name}, which is not a picture (JPEG, PNG, WebP) or a recording "
                                    "(MP3, Ogg, WAV)")
        kind, fmt = found
        self._owner(owner)
        name = self._media_name(path, fmt)
        if not path.resolve().is_relative_to(self.folder.resolve()):
            self._pending()[name] = path
        record = {"file": name, "kind": kind}
        index = len(self._owner(owner).get("media", []))

        def mutate(docs: dict[str, Any]) -> None:
            self._owner(owner, docs).setdefault("media", []).append(record)

        self._apply("Attach media", mutate)
        return index

    def _media_name(self, path: Path, fmt: str) -> str:
        """Where the file lives in the exhibit: itself when inside the folder, else media/<safe name>."""
        folder = self.folder.resolve()
        if path.resolve().is_relative_to(folder):
            return path.resolve().relative_to(folder).as_posix()
        taken = {Path(n).stem for n in self._pending()} | {p.stem for p in (self.folder / "media").glob("*")}
        return f"media/{new_id(path.stem, taken, 'media')}{EXTENSIONS[fmt]}"

    def set_media_text(self, owner: Owner, index: int, field: str, text: str, lang: str | None = None) -> None:
        """Caption, credit, alt or transcript in the main language or a translation; licence (main only).

        An empty text is removed (a translation then falls back to the main one); an inline transcript
        replaces a transcript file."""
        if field not in MEDIA_FIELDS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(MEDIA_FIELDS)}")
        main = lang is None or lang == self.main_language
        if field == "licence" and not main:
            raise EditError("licence", "a licence is one for every language; set it in the main language")
        self._item(owner, index)
        value = text.strip()

        def mutate(docs: dict[str, Any]) -> None:
            record = self._item(owner, index, docs)
            target = record if main else record.setdefault("translations", {}).setdefault(lang, {})
            if value:
                target[field] = text
                if field == "transcript":
                    target.pop("transcript_file", None)
            else:
                target.pop(field, None)
            if not main and not target:
                del record["translations"][lang]
                if not record["translations"]:
                    del record["translations"]

        self._apply("Edit media text", mutate, key=("media", *owner, str(index), field, lang or ""))

    def move_media(self, owner: Owner, index: int, delta: int) -> int:
        """Move an item up (-1) or down (+1); the first picture is the one the card and exports show."""
        items = self._owner(owner).get("media", [])
        self._item(owner, index)
        new = max(0, min(len(items) - 1, index + delta))
        if new == index:
            return index

        def mutate(docs: dict[str, Any]) -> None:
            media = self._owner(owner, docs)["media"]
            media.insert(new, media.pop(index))

        self._apply("Move media", mutate)
        return new

    def remove_media(self, owner: Owner, index: int) -> None:
        """Take an item off (its file stays in the folder, where another may use it)."""
        self._item(owner, index)

        def mutate(docs: dict[str, Any]) -> None:
            record = self._owner(owner, docs)
            del record["media"][index]
            if not record["media"]:
                del record["media"]

        self._apply("Remove media", mutate)

    # -- the pending files, seen by the check and copied in by the save ------------------------
    def _named_pending(self) -> dict[str, Path]:
        named = {m.get("file") for records in (self.story["events"], self.story["places"])
                 for r in records for m in r.get("media", [])}
        return {name: path for name, path in self._pending().items() if name in named}

    def load(self) -> Exhibit:
        staging = self._staging_folder()
        for name, path in self._named_pending().items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, staging / name)
        return super().load()

    def save(self, *, overwrite_changes: bool = False) -> list[str]:
        """Copy the pending files the documents name into media/ (each atomically), then save them."""
        if self.problems():
            return super().save(overwrite_changes=overwrite_changes)  # refuses, and says why
        copied = []
        for name, path in self._named_pending().items():
            write_bytes_atomic(self.folder / name, read_bytes(path, what="a picture or recording", limit=MAX_MEDIA_BYTES))
            copied.append(name)
            del self._pending()[name]
        return copied + super().save(overwrite_changes=overwrite_changes)

