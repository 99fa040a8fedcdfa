"""A new exhibit folder from an article, drafted or started empty (File → New exhibit…, ``chronomap edit NEW``).

The folder is written all at once by :func:`~chronomap.authoring.writer.write_exhibit_folder` (built beside
the target, checked by the loader, then renamed), so a refusal leaves nothing behind. Every refusal is one
:class:`AuthoringError` line naming the folder or the article. The schema wants at least one event and one
place (an event needs a place, a date and a passage), so "start empty" writes one placeholder of each, named
so, for the curator to retitle, date and place: an exhibit with nothing in it is not one the loader, the
timeline or the kiosk can show. The placeholder place has no point, as a drafted name the gazetteer does not
know has none: the map leaves such a place out until it is placed, so no visitor sees a made-up position.
Pure Python, no Qt.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from chronomap.authoring.dates_in_text import DateReader
from chronomap.authoring.edit_core import format_json
from chronomap.authoring.errors import AuthoringError, fail
from chronomap.authoring.frame import WORLD_BOUNDS, period_edtf
from chronomap.authoring.ids import make_id
from chronomap.authoring.writer import write_exhibit_folder
from chronomap.story.article import Article, ArticleError, parse_article
from chronomap.story.dates import parse_date
from chronomap.story.loader import EXHIBIT_FILE

PLACEHOLDER_EVENT = "New event"
PLACEHOLDER_PLACE = "New place"


def check_new_folder(folder: Path) -> None:
    """Refuse a folder that holds anything (an exhibit or not), is a file, or cannot be written."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise fail(str(folder), "is a file; expected a new or empty folder for the exhibit")
    if (folder / EXHIBIT_FILE).is_file():
        raise fail(str(folder), "already holds an exhibit; expected a new or empty folder (File → Edit exhibit opens it)")
    if folder.is_dir() and any(folder.iterdir()):
        raise fail(str(folder), "is not empty and holds no exhibit; expected a new or empty folder")
    parent = next((p for p in (folder, *folder.absolute().parents) if p.exists()), None)
    if parent is None or not os.access(parent, os.W_OK | os.X_OK):
        raise fail(str(folder), f"cannot be written ({parent} is read-only); expected a folder you may write to")


def read_article(text: str, source_name: str) -> Article:
    """The article as the loader will read it; one line when it has no paragraph."""
    try:
        return parse_article(text)
    except ArticleError as exc:
        raise fail(source_name, f"{exc}; expected a plain or wiki-style article with at least one paragraph") from None


def empty_documents(exhibit_id: str, title: str, article: Article, today: datetime.date | None = None) -> dict[str, Any]:
    """exhibit.json and story.json for an empty start: one placeholder event at one placeholder place.

    The event is dated by the first date the drafter's reader finds in the article, else this year,
    and tells the article's first sentence; its date note says the date is a placeholder."""
    first = article.paragraphs()[0]
    passage = first.sentences[0].id if first.sentences else first.id
    reader = DateReader()
    found = next((m for p in article.paragraphs() for s in p.sentences for m in reader.read(s.text) if not m.background), None)
    date = found.edtf if found is not None else f"{(today or datetime.date.today()).year:04d}"
    event = {"id": "new-event", "title": PLACEHOLDER_EVENT, "summary": PLACEHOLDER_EVENT, "date": date,
             "date_note": "A placeholder: set the date, or delete this event once the exhibit has another",
             "places": [{"place": "new-place", "role": "where it happened"}], "passages": [passage]}
    # no point: the place is not placed yet (the map leaves it out, ``check`` warns) until the curator places it
    place = {"id": "new-place", "kind": "city", "names": {"en": PLACEHOLDER_PLACE}}
    meta = {"schema": "chronomap.exhibit/1", "id": exhibit_id, "title": title,
            "period": period_edtf([parse_date(date)]),
            "article": {"file": "article.txt", "title": article.title or title, "source": None, "licence": None},
            "story": "story.json", "map": {"bounds": [list(c) for c in WORLD_BOUNDS]}, "credits": []}
    return {EXHIBIT_FILE: meta, "story.json": {"schema": "chronomap.story/1", "places": [place], "events": [event]}}


def drafted_documents(exhibit_id: str, title: str | None, text: str, source_name: str) -> dict[str, Any]:
    """The drafter's exhibit.json and story.json (``chronomap draft``), with the project's gazetteer."""
    from chronomap.authoring.drafter import draft_from_text
    from chronomap.authoring.gazetteer_index import build_index, default_cache_paths

    draft = draft_from_text(text, index=build_index(default_cache_paths()), exhibit_id=exhibit_id, title=title,
                            source_name=source_name)
    return {EXHIBIT_FILE: draft.exhibit, "story.json": draft.story}


def create_exhibit(folder: Path, text: str, *, draft: bool, title: str | None = None,
                   source_name: str = "article.txt") -> Path:
    """Write a new exhibit into *folder* (new or empty) from the article *text*; its absolute path.

    ``draft`` proposes events and places as ``chronomap draft`` does; otherwise one placeholder
    event and place (see the module). Raises :class:`AuthoringError` (one line) with nothing written."""
    folder = Path(folder).absolute()
    check_new_folder(folder)
    article = read_article(text, source_name)
    exhibit_id = make_id(folder.name or (title or "exhibit"), "exhibit")
    name = title or article.title or folder.name or "New exhibit"
    documents = drafted_documents(exhibit_id, title, text, source_name) if draft else empty_documents(exhibit_id, name, article)
    files = {"article.txt": text if text.endswith("\n") else text + "\n",
             **{doc_name: format_json(doc) for doc_name, doc in documents.items()}}
    try:
        write_exhibit_folder(folder, files)
    except AuthoringError:
        raise
    except OSError as exc:
        raise fail(str(folder), f"cannot be written ({exc.strerror or exc}); expected a folder you may write to") from None
    return folder
