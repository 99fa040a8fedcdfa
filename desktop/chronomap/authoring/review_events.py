"""Review a draft's dated statements: each proposed event with the sentence it came from; accept, fix, merge or drop.

The drafter makes one event per date it read, titled and summarised from its
sentence; an import makes one per item. Neither is a curator's word, so every
event of such an exhibit (its article note says it was drafted or imported) is
*to check* until the curator accepts it, fixes its date, merges it into another
or drops it. What the curator decided is kept where visitors read where a date
comes from, the event's ``date_note``, ending in :data:`CHECKED_MARK`; so the
review survives a save, and every action here is one undoable step of the
editor's history. Pure Python, no Qt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chronomap.authoring.dates_in_text import DateMention, DateReader
from chronomap.authoring.edit_core import EditError
from chronomap.authoring.edits import ExhibitEditor
from chronomap.story.article import Article, ArticleError, Paragraph, parse_article

#: Said at the end of an event's date note once the curator has checked it.
CHECKED_MARK = "Checked by the curator."
#: The drafter's request on a bracketed date (authoring/drafter.py), dropped once checked.
DRAFT_REQUEST = "Check and narrow it."
#: How the article note of a drafted or imported exhibit begins (drafter.py, interchange.py).
MACHINE_NOTES = ("Drafted automatically", "Generated on import")
#: Events offered to merge into, nearest first.
MERGE_OFFERED = 6

TO_CHECK, ACCEPTED = "to check", "accepted"


@dataclass(frozen=True)
class EventReview:
    event_id: str
    title: str
    date: str  # the EDTF date, or '' when it is counted from another event
    relative: str  # the article's words for a relative date ('Nine days later'), or ''
    passage: str  # the passage id it came from (a sentence, or a whole paragraph)
    sentence: str  # that passage's text
    phrase: str  # the words of the sentence the date was read from ('' when none is found)
    status: str  # TO_CHECK or ACCEPTED
    date_note: str

    @property
    def phrase_at(self) -> tuple[int, int] | None:
        """Where the date's words are in :attr:`sentence` (to show them), or None."""
        if not self.phrase:
            return None
        start = self.sentence.find(self.phrase)
        return (start, start + len(self.phrase)) if start >= 0 else None


def is_machine_made(editor: ExhibitEditor) -> bool:
    """The exhibit is a draft or an import: its events are proposals until a curator checks them."""
    note = str((editor.meta.get("article") or {}).get("note") or "")
    return note.startswith(MACHINE_NOTES)


def read_article(editor: ExhibitEditor) -> Article | None:
    """The exhibit's main article, or None when it cannot be read (the loader will say why)."""
    path = editor.folder / str((editor.meta.get("article") or {}).get("file") or "article.txt")
    try:
        return _parsed(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ArticleError):
        return None


@lru_cache(maxsize=4)
def _parsed(text: str) -> Article:
    return parse_article(text)


@lru_cache(maxsize=4)
def _dates_by_sentence(article: Article) -> dict[str, tuple[DateMention, ...]]:
    """Every date the drafter's reader finds, by sentence id, read in document order as the drafter reads them."""
    reader = DateReader()
    out: dict[str, tuple[DateMention, ...]] = {}
    for section in article.sections:
        for paragraph in section.paragraphs:
            for sentence in paragraph.sentences:
                out[sentence.id] = tuple(reader.read(sentence.text, section.id))
    return out


def _passage_text(article: Article | None, passage: str) -> str:
    item = article.find(passage) if article is not None else None
    if item is None:
        return ""
    if isinstance(item, Paragraph):
        return " ".join(s.text for s in item.sentences)
    return item.text


def _phrase(article: Article | None, passage: str, record: dict[str, Any]) -> str:
    relative = record.get("relative")
    if isinstance(relative, dict) and relative.get("phrase"):
        return str(relative["phrase"])
    if article is None:
        return ""
    mentions = _dates_by_sentence(article).get(passage, ())
    date = record.get("date")
    return next((m.text for m in mentions if m.edtf == date), mentions[0].text if mentions else "")


def event_review(editor: ExhibitEditor, event_id: str, article: Article | None = None) -> EventReview:
    record = editor.event(event_id)
    passage = str((record.get("passages") or [""])[0])
    note = str(record.get("date_note") or "")
    status = ACCEPTED if not is_machine_made(editor) or note.endswith(CHECKED_MARK) else TO_CHECK
    relative = record.get("relative")
    relative = relative if isinstance(relative, dict) else {}
    return EventReview(event_id, str(record.get("title") or ""), str(record.get("date") or ""),
                       str(relative.get("phrase") or ""), passage, _passage_text(article, passage),
                       _phrase(article, passage, record), status, note)


def review_events(editor: ExhibitEditor) -> list[EventReview]:
    """Every event in time order (the timeline's), each with the sentence it came from and its status."""
    article = read_article(editor)
    return [event_review(editor, event_id, article) for event_id in editor.event_ids()]


def progress(reviews: list[EventReview]) -> tuple[int, int]:
    """(left to check, all events)."""
    return sum(1 for r in reviews if r.status == TO_CHECK), len(reviews)


def _record(editor: ExhibitEditor, docs: dict[str, Any], event_id: str) -> dict[str, Any]:
    return next(e for e in docs[editor.story_name]["events"] if e.get("id") == event_id)


def _checked_note(note: str) -> str:
    kept = note.replace(DRAFT_REQUEST, "").replace(CHECKED_MARK, "").strip()
    return f"{kept} {CHECKED_MARK}" if kept else CHECKED_MARK


def accept(editor: ExhibitEditor, event_id: str) -> None:
    """The drafter's date is right: the event is marked checked, its date stays."""
    editor.event(event_id)

    def mutate(docs: dict[str, Any]) -> None:
        record = _record(editor, docs, event_id)
        record["date_note"] = _checked_note(str(record.get("date_note") or ""))

    editor._apply("Accept event", mutate)


def fix_date(editor: ExhibitEditor, event_id: str, text: str) -> None:
    """The date is *text* (EDTF, refused in the engine's words), and the event is checked: one step."""
    value = editor.check_date(text)
    editor.event(event_id)

    def mutate(docs: dict[str, Any]) -> None:
        record = _record(editor, docs, event_id)
        record["date"] = value
        record.pop("relative", None)
        record["date_note"] = CHECKED_MARK  # the drafter's account of the date it read no longer holds

    editor._apply("Fix date", mutate)


def merge_targets(editor: ExhibitEditor, event_id: str) -> list[str]:
    """The events this one could be merged into: nearest in time first, then in the article."""
    starts = editor._starts()
    order = editor.event_ids()
    here = starts.get(event_id)
    position = order.index(event_id)
    others = [e for e in order if e != event_id]
    return sorted(others, key=lambda e: (abs(starts[e] - here) if here is not None and e in starts else float("inf"),
                                         abs(order.index(e) - position)))[:MERGE_OFFERED]


def merge(editor: ExhibitEditor, event_id: str, into: str) -> None:
    """*event_id* tells the same event as *into*: its passages and places go there, and it goes. One step."""
    if event_id == into:
        raise EditError("merge", "an event cannot be merged into itself")
    source, target = editor.event(event_id), editor.event(into)
    dependants = [e for e in editor.event_ids() if (editor.event(e).get("relative") or {}).get("after") == event_id]
    if dependants:
        raise EditError("merge", f"the date of {', '.join(dependants)} is given relative to it; "
                                 "give them a date of their own first")
    passages = list(dict.fromkeys([*target["passages"], *source["passages"]]))
    linked = {r["place"] for r in target["places"]}
    places = [*target["places"], *(copy.deepcopy(r) for r in source["places"] if r["place"] not in linked)]

    def mutate(docs: dict[str, Any]) -> None:
        events = docs[editor.story_name]["events"]
        record = _record(editor, docs, into)
        record["passages"] = passages
        record["places"] = places
        events[:] = [e for e in events if e.get("id") != event_id]

    editor._apply("Merge events", mutate)


def drop(editor: ExhibitEditor, event_id: str) -> None:
    """Not an event of the story (a background date, a count read as a year): out, as Delete does."""
    editor.delete_event(event_id)


__all__ = ["ACCEPTED", "CHECKED_MARK", "TO_CHECK", "EventReview", "accept", "drop", "event_review", "fix_date",
           "is_machine_made", "merge", "merge_targets", "progress", "read_article", "review_events"]
