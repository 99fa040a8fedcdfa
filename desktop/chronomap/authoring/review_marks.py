"""Where the article names a place the machine found, and what became of it: confirmed, guessed or unresolved.

A curator reviewing a draft reads the article with every place name marked by
its status, as Recogito marks a text's annotations: *confirmed* (a place of the
exhibit the curator checked, or one the exhibit had already), *guessed* (the
drafter placed it and still asks for a check: ``Check before publishing.``),
*unresolved* (a place-like name the gazetteer finder could not place: the
exhibit has no place for it yet, or one not placed yet, with no point). Pure Python, no Qt: the article panel only
draws these, and a click on one selects it in the review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronomap.authoring.edits import ExhibitEditor
from chronomap.authoring.gazetteer_index import GazetteerIndex
from chronomap.authoring.places_in_text import PlaceFinder
from chronomap.authoring.review import DRAFT_MARK, is_unplaced
from chronomap.story.article import Article

CONFIRMED, GUESSED, UNRESOLVED = "confirmed", "guessed", "unresolved"
STATUSES = (CONFIRMED, GUESSED, UNRESOLVED)


@dataclass(frozen=True)
class PlaceMark:
    sentence_id: str
    start: int  # within the sentence's text
    end: int
    status: str  # CONFIRMED, GUESSED or UNRESOLVED
    place_id: str | None  # the exhibit's place (an unresolved one not placed yet); None for a name it has no place for
    name: str  # as the article writes it


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def place_names(editor: ExhibitEditor) -> list[tuple[str, str, str]]:
    """(name, place id, status) for every English, alternative and historical name, longest first."""
    out: list[tuple[str, str, str]] = []
    for place_id in editor.place_ids():
        record = editor.place(place_id)
        names = record.get("names") or {}
        status = UNRESOLVED if is_unplaced(record) else GUESSED if DRAFT_MARK in str(record.get("description") or "") \
            else CONFIRMED
        spellings = {names.get("en", place_id), *names.get("alt", ()),
                     *(h.get("en") for h in record.get("historical_names") or () if h.get("en"))}
        out.extend((str(name), place_id, status) for name in spellings if name)
    return sorted(out, key=lambda item: -len(item[0]))


def unresolved_names(article: Article, index: GazetteerIndex) -> dict[str, list[str]]:
    """Sentence id → the place-like names the drafter's finder leaves unresolved there (read as the drafter reads)."""
    finder = PlaceFinder(index, article.text)
    out: dict[str, list[str]] = {}
    for paragraph in article.paragraphs():
        finder.set_context(" ".join(s.text for s in paragraph.sentences))
        for sentence in paragraph.sentences:
            _found, unresolved = finder.find(sentence.text)
            if unresolved:
                out[sentence.id] = list(dict.fromkeys(unresolved))
    return out


def place_marks(editor: ExhibitEditor, article: Article, unresolved: dict[str, list[str]] | None = None) -> list[PlaceMark]:
    """Every mark, sentence by sentence in article order; marks never overlap (the longer name wins)."""
    names = place_names(editor)
    patterns = [(_pattern(name), name, place_id, status) for name, place_id, status in names]
    known = {name.casefold() for name, _, _ in names}
    marks: list[PlaceMark] = []
    for paragraph in article.paragraphs():
        for sentence in paragraph.sentences:
            spans: list[PlaceMark] = []

            def add(start: int, end: int, status: str, place_id: str | None, name: str, sentence_id: str = sentence.id,
                    taken: list[PlaceMark] = spans) -> None:
                if all(end <= m.start or start >= m.end for m in taken):
                    taken.append(PlaceMark(sentence_id, start, end, status, place_id, name))

            for pattern, name, place_id, status in patterns:
                for match in pattern.finditer(sentence.text):
                    add(match.start(), match.end(), status, place_id, name)
            for name in (unresolved or {}).get(sentence.id, ()):
                if name.casefold() in known:
                    continue
                for match in _pattern(name).finditer(sentence.text):
                    add(match.start(), match.end(), UNRESOLVED, None, name)
            marks.extend(sorted(spans, key=lambda m: m.start))
    return marks


def counts(marks: list[PlaceMark]) -> dict[str, int]:
    """How many marks of each status (a name written twice counts twice)."""
    return {status: sum(1 for m in marks if m.status == status) for status in STATUSES}
