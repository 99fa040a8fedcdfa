"""Pictures and recordings on events and places: each file checked by its bytes, its texts by language.

The shape is declared in :class:`~chronomap.story.schema.MediaRecord`; this is the loader's second
look, with the folder at hand: the file lies inside the exhibit folder and is what Chronomap can
show or play (images JPEG, PNG or WebP, verified by Pillow; audio MP3, Ogg or WAV, by their magic
bytes — what Qt Multimedia plays offline); an image says what it shows (``alt``) and a recording what
it says (a transcript, inline or a text file). A missing credit or licence is only a warning
(:func:`media_warnings`): the museum must clear the rights, and Chronomap never fills them in.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronomap.files import MB, ReadError, read_bytes, read_text, resolve_inside
from chronomap.story.model import Problem
from chronomap.story.quoting import quote
from chronomap.story.schema import MediaRecord, MediaTranslation, StoryFile

if TYPE_CHECKING:
    from chronomap.story.model import Exhibit

#: A photograph, a scan or a recording of a few minutes; larger files belong in a catalogue, not a gallery.
MAX_MEDIA_BYTES = 100 * MB
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
AUDIO_FORMATS = ("MP3", "Ogg", "WAV")
#: The text each kind must carry, for visitors who cannot see or hear it.
EXPECTED_TEXT = {"image": "'alt'", "audio": "'transcript' or 'transcript_file'"}
EXPECTED = {
    "image": "an image: JPEG, PNG or WebP",
    "audio": "a recording: MP3, Ogg or WAV",
}


@dataclass(frozen=True, slots=True)
class MediaTexts:
    """One language's texts of a media item, transcript read from its file."""

    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    transcript: str | None = None


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A checked picture or recording; ``where`` is its place in the story file (for warnings)."""

    file: str
    path: Path
    kind: str
    format: str
    texts: MediaTexts
    licence: str | None = None
    size: tuple[int, int] | None = None
    where: str = ""
    source: str = ""
    translations: dict[str, MediaTexts] = field(default_factory=dict, hash=False)

    def _in(self, lang: str, name: str) -> str | None:
        translation = self.translations.get(lang)
        return (getattr(translation, name) if translation else None) or getattr(self.texts, name)

    @property
    def credit(self) -> str | None:
        return self.texts.credit

    def caption_in(self, lang: str) -> str | None:
        return self._in(lang, "caption")

    def credit_in(self, lang: str) -> str | None:
        return self._in(lang, "credit")

    def alt_in(self, lang: str) -> str | None:
        return self._in(lang, "alt")

    def transcript_in(self, lang: str) -> str | None:
        return self._in(lang, "transcript")


# -- what a file is, by its bytes ----------------------------------------------------------------


def audio_format(head: bytes) -> str | None:
    """'MP3', 'Ogg' or 'WAV' by the file's first bytes; None for anything else."""
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "WAV"
    if head.startswith(b"OggS"):
        return "Ogg"
    if head.startswith(b"ID3"):
        return "MP3"
    # an MPEG audio frame: 11 sync bits, a version that is not 'reserved', a layer (ADTS AAC has layer 0)
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x18 != 0x08 and head[1] & 0x06:
        return "MP3"
    return None


_OTHER_KINDS = ((b"fLaC", "a FLAC recording"), (b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"),
                (b"PK\x03\x04", "a ZIP archive (or an office document)"), (b"\x1aE\xdf\xa3", "a Matroska/WebM file"))


def _describe(data: bytes) -> str:
    """What unsupported bytes look like, said for a curator."""
    if not data:
        return "an empty file"
    if data[4:8] == b"ftyp":
        return "an MP4/M4A/HEIC file"
    for magic, words in _OTHER_KINDS:
        if data.startswith(magic):
            return words
    return f"data that is neither a supported image nor a recording (it starts with {data[:8].hex(' ')})"


def _image(data: bytes) -> tuple[str, tuple[int, int]] | str:
    """(format, size) of a supported, undamaged image; else what was found instead.

    Pillow is imported here, at the first picture, not with the loader: most exhibits start without one.
    """
    from PIL import Image, UnidentifiedImageError

    # Pillow's own decompression-bomb limit (~89 megapixels): a 24-megapixel photograph is well inside it.
    max_pixels = Image.MAX_IMAGE_PIXELS or 89_478_485
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                name, size = image.format or "", image.size
                if name not in IMAGE_FORMATS:
                    return f"a {name} image"
                image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return f"an image of more than {max_pixels / 1e6:.0f} megapixels"
    except UnidentifiedImageError:
        audio = audio_format(data[:16])
        return f"a {audio} recording" if audio else _describe(data)
    except (OSError, SyntaxError, ValueError) as exc:  # what Pillow raises for a damaged file
        return f"a damaged image ({exc})"
    if size[0] * size[1] > max_pixels:
        return f"an image of {size[0]}×{size[1]} pixels, more than {max_pixels / 1e6:.0f} megapixels"
    return IMAGE_FORMATS[name], size


def _audio(data: bytes) -> str:
    """The format of a supported recording; raises ValueError saying what was found instead."""
    found = audio_format(data[:16])
    if found:
        return found
    image = _image(data)
    raise ValueError(f"a {image[0]} image" if isinstance(image, tuple) else image)


# -- checking and resolving ---------------------------------------------------------------------


class _Checker:
    """Collects problems for one story file; *folder* is the exhibit folder."""

    def __init__(self, folder: Path, label: str, language: str, problems: list[Problem]):
        self.folder = folder
        self.label = label
        self.language = language
        self.problems = problems

    def refuse(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.label, where, message))

    def _file(self, name: str, where: str, what: str) -> Path | None:
        try:
            path = resolve_inside(self.folder, name, file=self.label, where=where, what=what)
        except ReadError as exc:
            self.refuse(exc.where, exc.message)
            return None
        if not os.path.lexists(path):
            self.refuse(where, f"found {quote(name)}, but there is no such file at {path}; expected {what} in the exhibit folder")
            return None
        return path

    def _transcript(self, inline: str | None, name: str | None, where: str) -> tuple[bool, str | None]:
        """(all right, text) of an inline transcript or a transcript file."""
        if inline is not None and name is not None:
            self.refuse(f"{where}.transcript_file", f"found both 'transcript' and 'transcript_file' ({quote(name)}); "
                        "expected one of them")
            return False, None
        if name is None:
            return True, inline
        what = "the transcript: a UTF-8 text file"
        path = self._file(name, f"{where}.transcript_file", what)
        if path is None:
            return False, None
        try:
            text = read_text(path, what=what).strip()
        except ReadError as exc:
            self.refuse(f"{where}.transcript_file", f"{quote(name)}: {exc.message}")
            return False, None
        if not text:
            self.refuse(f"{where}.transcript_file", f"found {quote(name)}, an empty file; expected what the recording says")
            return False, None
        return True, text

    def item(self, record: MediaRecord, where: str) -> MediaItem | None:
        ok = True
        if record.kind == "image":
            if record.alt is None:
                self.refuse(f"{where}.alt", f"missing for the image {quote(record.file)}; expected a few words saying what it "
                            "shows, for visitors who cannot see it")
                ok = False
            for name in ("transcript", "transcript_file"):
                if getattr(record, name) is not None:
                    self.refuse(f"{where}.{name}", "found a transcript on an image; expected 'alt' (a transcript is for audio)")
                    ok = False
        else:
            if record.alt is not None:
                self.refuse(f"{where}.alt", "found 'alt' on a recording; expected 'transcript' or 'transcript_file' "
                            "('alt' is for images)")
                ok = False
            if record.transcript is None and record.transcript_file is None:
                self.refuse(f"{where}.transcript", f"missing for the recording {quote(record.file)}; expected what it says, "
                            "inline ('transcript') or as a text file ('transcript_file'), for visitors who cannot hear it")
                ok = False
        transcript_ok, transcript = self._transcript(record.transcript, record.transcript_file, where)
        translations = self._translations(record, where)
        described = self._check_file(record, where)
        if not (ok and transcript_ok and described and translations is not None):
            return None
        path, media_format, size = described
        texts = MediaTexts(record.caption, record.credit, record.alt, transcript)
        return MediaItem(record.file, path, record.kind, media_format, texts, record.licence, size, where, self.label, translations)

    def _check_file(self, record: MediaRecord, where: str) -> tuple[Path, str, tuple[int, int] | None] | None:
        """The file's absolute path, format and (for an image) size in pixels; None when refused."""
        what = EXPECTED[record.kind]
        path = self._file(record.file, f"{where}.file", what)
        if path is None:
            return None
        try:
            data = read_bytes(path, what=what, limit=MAX_MEDIA_BYTES)
        except ReadError as exc:
            self.refuse(f"{where}.file", f"{quote(record.file)}: {exc.message}")
            return None
        if record.kind == "image":
            found = _image(data)
            if isinstance(found, str):
                self.refuse(f"{where}.file", f"found {quote(record.file)}, {found}; expected {what}")
                return None
            return path, *found
        try:
            return path, _audio(data), None
        except ValueError as exc:
            self.refuse(f"{where}.file", f"found {quote(record.file)}, {exc}; expected {what}")
            return None

    def _translations(self, record: MediaRecord, where: str) -> dict[str, MediaTexts] | None:
        out: dict[str, MediaTexts] = {}
        ok = True
        for lang, translation in record.translations.items():
            here = f"{where}.translations.{lang}"
            if lang == self.language:
                self.refuse(here, f"found {lang!r}, the exhibit's main language; expected translations into other languages only")
                ok = False
                continue
            ok = self._fits(record, translation, here) and ok
            good, transcript = self._transcript(translation.transcript, translation.transcript_file, here)
            ok = ok and good
            out[lang] = MediaTexts(translation.caption, translation.credit, translation.alt, transcript)
        return out if ok else None

    def _fits(self, record: MediaRecord, translation: MediaTranslation, where: str) -> bool:
        """A translation gives only the texts its item's kind has."""
        wrong = ("transcript", "transcript_file") if record.kind == "image" else ("alt",)
        for name in wrong:
            if getattr(translation, name) is not None:
                self.refuse(f"{where}.{name}", f"found {name!r} on {'an image' if record.kind == 'image' else 'a recording'}; "
                            f"expected {EXPECTED_TEXT[record.kind]}")
                return False
        return True

    def items(self, records: Iterable[MediaRecord], where: str) -> tuple[MediaItem, ...]:
        checked = (self.item(record, f"{where}.media[{j}]") for j, record in enumerate(records))
        return tuple(item for item in checked if item is not None)


def resolve_media(folder: Path, story: StoryFile, language: str, label: str, problems: list[Problem]
                  ) -> tuple[dict[str, tuple[MediaItem, ...]], dict[str, tuple[MediaItem, ...]]]:
    """Every place's and event's media, checked; problems are added to *problems*.

    Returns the media of places and of events by id (records without media are left out).
    """
    checker = _Checker(folder, label, language, problems)
    places = {p.id: checker.items(p.media, f"places[{i}]") for i, p in enumerate(story.places) if p.media}
    events = {e.id: checker.items(e.media, f"events[{i}]") for i, e in enumerate(story.events) if e.media}
    return places, events


def media_warnings(exhibit: Exhibit) -> list[Problem]:
    """Media whose rights the museum has not recorded: no credit, or no licence (never filled in for it)."""
    items = [m for p in exhibit.places.values() for m in p.media] + [m for e in exhibit.events for m in e.media]
    out = []
    for item in sorted(items, key=lambda m: (m.source, m.where.partition("[")[0], [int(n) for n in re.findall(r"\d+", m.where)])):
        if item.credit is None:
            out.append(Problem(item.source, f"{item.where}.credit", f"missing for {quote(item.file)}; expected who made it "
                               "(the museum must clear the rights before showing it)"))
        if item.licence is None:
            out.append(Problem(item.source, f"{item.where}.licence", f"missing for {quote(item.file)}; expected the licence "
                               "it is shown under, or written permission (left empty: Chronomap never guesses one)"))
    return out
