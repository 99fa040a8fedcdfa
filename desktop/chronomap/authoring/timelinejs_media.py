"""A TimelineJS slide's ``media`` into an exhibit's ``media/`` folder, and back out. Qt-free.

A local file (a path relative to the timeline file, never outside its folder) is copied in; a URL
is listed as not carried unless the curator asks for it to be fetched (``chronomap import
--fetch-media``): downloaded once, here, at authoring time, with a progress bar, its URL recorded
as the item's ``source``. The app itself never touches the network.

What an item may say is carried as the slide says it: ``caption`` and ``credit`` (HTML made plain),
``alt`` from the slide's own ``alt`` or else its caption. Nothing is invented: an image with neither,
or a recording (TimelineJS has no transcripts), is copied into ``media/`` but not attached, with a
note saying what it needs; a licence is never guessed (``chronomap check`` warns that it is missing).
"""

from __future__ import annotations

import io
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path, PurePosixPath
from typing import Any

from chronomap.authoring.errors import fail
from chronomap.authoring.ids import IdMaker
from chronomap.files import ReadError, read_bytes
from chronomap.story.media import MAX_MEDIA_BYTES, audio_format
from chronomap.story.quoting import quote

#: TimelineJS media fields Chronomap keeps; the others (thumbnail, title, link) are counted as not carried.
KEPT = {"url", "caption", "credit", "alt"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "MP3": ".mp3", "Ogg": ".ogg", "WAV": ".wav"}
FETCH_TIMEOUT_S = 30
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class SlideMedia:
    """One slide's ``media`` as found: where it is, the slide's title (for messages) and its texts."""

    where: str
    title: str
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    extras: tuple[str, ...] = ()


def read_slide_media(raw: Any, where: str, title: str, plain: Callable[[Any], str]) -> SlideMedia | str | None:
    """A slide's ``media`` object; a description of it when it has no usable url; None when absent."""
    if raw in (None, "", {}):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("url"), str) or not raw["url"].strip():
        return f"{where} “{title}”: {quote(raw) if not isinstance(raw, dict) else 'a media object without a url'}"

    def text(key: str) -> str | None:
        return plain(raw.get(key)) or None

    extras = tuple(sorted(k for k, v in raw.items() if k not in KEPT and v not in (None, "")))
    return SlideMedia(where, title, raw["url"].strip(), text("caption"), text("credit"), text("alt"), extras)


def is_url(url: str) -> bool:
    """A web (or file://) address rather than a path beside the timeline file ('C:' drive letters aside).

    A protocol-relative address (``//upload.wikimedia.org/…``, as TimelineJS examples write them) is one too.
    """
    return url.startswith("//") or bool(_SCHEME.match(url)) and not re.match(r"^[A-Za-z]:[\\/]", url)


#: Hosts (and path starts) whose URLs TimelineJS embeds as pages, never picture or recording files.
PAGES = (("youtube.com/", "a YouTube video"), ("youtu.be/", "a YouTube video"), ("vimeo.com/", "a Vimeo video"),
         ("dailymotion.com/", "a Dailymotion video"), ("vine.co/", "a Vine video"), ("soundcloud.com/", "a SoundCloud page"),
         ("spotify.com/", "a Spotify page"), ("twitter.com/", "a tweet"), ("x.com/", "a tweet"),
         ("instagram.com/", "an Instagram page"), ("flickr.com/photos/", "a Flickr photo page"),
         ("google.com/maps", "a Google map"), ("maps.google.com/", "a Google map"), ("goo.gl/maps", "a Google map"),
         ("docs.google.com/", "a Google document"),
         ("documentcloud.org/", "a DocumentCloud document"), ("wikipedia.org/wiki/", "a Wikipedia article"),
         ("storify.com/", "a Storify story"))


def not_a_file(url: str) -> str | None:
    """Why a slide's media is no file to copy (HTML, or a page TimelineJS embeds); None when it may be one."""
    text = url.lstrip()
    if text.startswith("<"):
        opening = re.match(r"<\s*([A-Za-z]+)", text)
        tag = f"<{opening.group(1).lower()}>" if opening else "markup"
        if tag == "<blockquote>":
            words = " ".join(re.sub(r"<[^>]+>", " ", text).split())
            return (f"a quotation (<blockquote>) shown as the slide's media, “{words[:60]}{'…' if len(words) > 60 else ''}”; "
                    "Chronomap media are pictures and recordings (put the words in the slide's text if they matter)")
        src = re.search(r"src\s*=\s*[\"']([^\"']+)", text)
        return (f"HTML ({tag}{' of ' + src.group(1)[:80] if src else ''}) embedded as the slide's media, not a "
                "picture or recording file")
    address = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*:", "", text).lstrip("/").lower()
    address = address[4:] if address.startswith("www.") else address
    host, _, path = address.partition("/")
    for start, kind in PAGES:
        domain, _, prefix = start.partition("/")
        if (host == domain or host.endswith("." + domain)) and path.startswith(prefix):
            return f"{kind}, a web page TimelineJS embeds, not a picture or recording file (fetching it would give HTML)"
    return None


def kind_of(data: bytes) -> tuple[str, str] | None:
    """('image'|'audio', format) by the bytes; None for anything Chronomap does not show or play."""
    from PIL import Image, UnidentifiedImageError

    audio = audio_format(data[:16])
    if audio:
        return "audio", audio
    try:
        with Image.open(io.BytesIO(data)) as image:
            name = image.format or ""
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    return ("image", name) if name in EXTENSIONS else None


def local_file(folder: Path, url: str, source: Path, where: str) -> Path:
    """The file *url* names beside the timeline file; a path that leaves its folder is refused (exit 2)."""
    base = folder.resolve()
    if "\x00" in url:  # before the path is built: the OS refuses a NUL, and that must not be a crash
        raise fail(str(source), f"found {quote(url)}, a path with a NUL byte in it; expected the name of a picture or "
                                "recording beside the timeline file", where)
    target = (base / url).resolve()
    if not target.is_relative_to(base):
        raise fail(str(source), f"found {quote(url)}, a path that leads outside the timeline file's folder (to "
                                f"{quote(str(target))}); expected a picture or recording in {base} or below it", where)
    return target


def fetch(url: str, source: Path, where: str, progress: Callable[[int | None, str], Any] | None = None) -> bytes:
    """Download *url* once, whole, into memory (at most the media limit); any failure is one line (exit 2)."""
    address = "https:" + url if url.startswith("//") else url
    try:
        with urllib.request.urlopen(address, timeout=FETCH_TIMEOUT_S) as response:  # noqa: S310 (the curator's own URL)
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > MAX_MEDIA_BYTES:
                raise fail(str(source), f"{quote(url)} is {total / 1e6:.0f} MB; expected at most "
                                        f"{MAX_MEDIA_BYTES // 1_000_000} MB", where)
            chunks, size = [], 0
            bar = progress(total, PurePosixPath(url).name or url) if progress else None
            try:
                while chunk := response.read(64 * 1024):
                    size += len(chunk)
                    if size > MAX_MEDIA_BYTES:
                        raise fail(str(source), f"{quote(url)} is larger than {MAX_MEDIA_BYTES // 1_000_000} MB; "
                                                "expected a picture or a recording", where)
                    chunks.append(chunk)
                    if bar is not None:
                        bar.update(len(chunk))
            finally:
                if bar is not None:
                    bar.close()
    except urllib.error.HTTPError as exc:
        raise fail(str(source), f"could not fetch {quote(url)}: HTTP {exc.code} {exc.reason}; nothing was written",
                   where) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise fail(str(source), f"could not fetch {quote(url)}: {reason}; nothing was written", where) from None
    return b"".join(chunks)


def progress_bar(total: int | None, name: str) -> Any:
    """A tqdm bar on stderr (quiet when stderr is not a terminal)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=name, unit="B", unit_scale=True, disable=not sys.stderr.isatty(), leave=False)


@dataclass
class CarriedMedia:
    """What the import writes (``files``), each event's records, and the lines for its report."""

    files: dict[str, bytes] = field(default_factory=dict)
    records: list[list[dict[str, Any]]] = field(default_factory=list)
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class MediaCarrier:
    """Turns the slides' media into files under ``media/`` and records, one pass over the events."""

    def __init__(self, source: Path, fetch_media: bool, progress: Callable[[int | None, str], Any] | None = progress_bar):
        self.source = source
        self.folder = source.parent
        self.fetch_media = fetch_media
        self.progress = progress
        self.out = CarriedMedia()
        self._names = IdMaker()
        self._by_digest: dict[str, str] = {}

    def carry(self, items: list[SlideMedia | str | None]) -> CarriedMedia:
        for item in items:
            self.out.records.append(self._one(item) if item is not None else [])
        return self.out

    def _one(self, item: SlideMedia | str) -> list[dict[str, Any]]:
        if isinstance(item, str):
            self.out.not_carried.append(f"media of {item} — not carried: nothing to copy")
            return []
        label = f"{item.where} “{item.title}”"
        page = not_a_file(item.url)
        if page is not None:
            shown = "HTML" if item.url.lstrip().startswith("<") else item.url
            self.out.not_carried.append(f"media of {label}: {shown} — not carried: {page}")
            return []
        if is_url(item.url) and not self.fetch_media:
            self.out.not_carried.append(f"media of {label}: {item.url} — not carried: a URL (give --fetch-media to "
                                        "download it once now, or put the file beside the timeline)")
            return []
        if is_url(item.url):
            data = fetch(item.url, self.source, f"{item.where}.url", self.progress)
        elif item.url.startswith(("/", "\\")):
            self.out.not_carried.append(f"media of {label}: {item.url} — not carried: a path on the timeline's web "
                                        "site, not a file beside the timeline file")
            return []
        else:
            path = local_file(self.folder, item.url, self.source, f"{item.where}.url")
            try:
                data = read_bytes(path, what="a picture or recording", limit=MAX_MEDIA_BYTES)
            except ReadError as exc:
                self.out.not_carried.append(f"media of {label}: {item.url} — not carried: {exc.message}")
                return []
        kind = kind_of(data)
        if kind is None:
            self.out.not_carried.append(f"media of {label}: {item.url} — not carried: not a picture (JPEG, PNG, WebP) "
                                        "or recording (MP3, Ogg, WAV)")
            return []
        name = self._store(item.url, data, kind[1])
        if item.extras:
            self.out.not_carried.append(f"media {', '.join(item.extras)} of {label} (the file, caption and credit are kept)")
        return self._record(item, label, name, kind[0])

    def _store(self, url: str, data: bytes, fmt: str) -> str:
        """The file's name under media/: from the url's own name, made safe; the same bytes once."""
        digest = sha256(data).hexdigest()
        if digest not in self._by_digest:
            stem = PurePosixPath(url.split("?")[0].split("#")[0]).stem or "media"
            name = f"media/{self._names(stem, 'media')}{EXTENSIONS[fmt]}"
            self.out.files[name] = data
            self._by_digest[digest] = name
        return self._by_digest[digest]

    def _record(self, item: SlideMedia, label: str, name: str, kind: str) -> list[dict[str, Any]]:
        record: dict[str, Any] = {"file": name, "kind": kind}
        record.update({k: v for k, v in (("caption", item.caption), ("credit", item.credit)) if v})
        if is_url(item.url):
            record["source"] = item.url
        if kind == "audio":
            self.out.notes.append(f"{name} ({label}): copied into the exhibit but not attached: a recording needs a "
                                  "transcript, which TimelineJS does not carry; add one and attach it in the studio")
            return []
        alt = item.alt or item.caption
        if not alt:
            self.out.notes.append(f"{name} ({label}): copied into the exhibit but not attached: the slide gives no "
                                  "alt text or caption to say what it shows (none is invented); add alt text and "
                                  "attach it in the studio")
            return []
        if not item.alt:
            self.out.notes.append(f"{name} ({label}): alt text taken from the caption; check that it says what the "
                                  "picture shows")
        if not item.credit:
            self.out.notes.append(f"{name} ({label}): no credit in the slide; left empty (chronomap check warns)")
        record["alt"] = alt
        return [record]


def slide_media(item: Any) -> dict[str, Any]:
    """A TimelineJS ``media`` object for an exhibit's media item: the url relative to the exhibit folder."""
    media: dict[str, Any] = {"url": item.file}
    for key, value in (("caption", item.texts.caption), ("credit", item.texts.credit), ("alt", item.texts.alt)):
        if value:
            media[key] = value
    return media
