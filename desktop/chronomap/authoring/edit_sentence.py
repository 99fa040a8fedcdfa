"""An event the draft missed, made from one sentence of the article: its title cut as the drafter cuts
one, its date read by the drafter's date reader (the article read up to it, so "In May" takes the year
before it), the sentence as its passage. One undoable step. Pure Python, no Qt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from chronomap.authoring.dates_in_text import DateReader
from chronomap.authoring.edit_core import EditError, new_id
from chronomap.authoring.edit_events import EventCommands
from chronomap.authoring.titles import title_for
from chronomap.story.article import Article


@dataclass(frozen=True)
class SentenceReading:
    """What the drafter reads in one sentence: a title, and the date (EDTF) when it finds one."""

    sentence_id: str
    text: str
    title: str
    date: str | None


def read_sentence(article: Article, sentence_id: str) -> SentenceReading:
    """The drafter's reading of *sentence_id*; :class:`EditError` when the article has no such sentence."""
    reader = DateReader()
    for section in article.sections:
        for paragraph in section.paragraphs:
            for sentence in paragraph.sentences:
                mentions = reader.read(sentence.text, section.id)
                if sentence.id != sentence_id:
                    continue
                dated = next((m for m in mentions if not m.background), mentions[0] if mentions else None)
                others = tuple((m.start, m.end) for m in mentions if m is not dated)
                title = (title_for(sentence.text, dated.start, dated.end, others) if dated is not None
                         else title_for(sentence.text)) or sentence.text[:60]
                return SentenceReading(sentence.id, " ".join(sentence.text.split()), title,
                                       dated.edtf if dated is not None else None)
    raise EditError("passages", f"found no sentence {sentence_id!r} in the article")


class SentenceCommands(EventCommands):
    """Events made from the article's sentences (dates checked as the event form checks them)."""

    def add_event_from_sentence(self, reading: SentenceReading, date: str, like: str | None = None) -> str:
        """A new event telling *reading*'s sentence, dated *date* (checked as the date field checks it),
        at the places of *like* (the selected event: an event needs a place; the curator changes them)."""
        value = self.check_date(date)
        source = self._event(like) if like else self._event(self.event_ids()[0])
        taken = {e["id"] for e in self.story["events"]}
        record: dict[str, Any] = {"id": new_id(reading.title, taken, "event"), "title": reading.title,
                                  "summary": reading.text, "date": value, "places": copy.deepcopy(source["places"]),
                                  "passages": [reading.sentence_id]}
        if reading.date is None:
            record["date_note"] = "The curator's date: the sentence does not give this one"

        def mutate(docs: dict[str, Any]) -> None:
            docs[self.story_name]["events"].append(record)

        self._apply("New event from sentence", mutate)
        return str(record["id"])
