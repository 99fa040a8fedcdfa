"""Commands on events: add, duplicate, delete, reorder, texts and translations, dates, passages, places and roles.

Pure Python, no Qt; each command is one undoable step of :class:`~chronomap.authoring.edit_core.EditorCore`.
"""

from __future__ import annotations

import copy
from typing import Any

from chronomap.authoring.edit_core import (
    EVENT_TEXTS,
    EditError,
    EditorCore,
    new_id,
)
from chronomap.story.dates import DateError, parse_date
from chronomap.story.model import Exhibit
from chronomap.story.schema import MAX_OFFSET_DAYS


class EventCommands(EditorCore):
    """Events and what links them to the article and the places."""

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

    def set_passages(self, event_id: str, passages: list[str]) -> None:
        """The article's sentences or paragraphs (by id) that tell this event; ``check`` refuses unknown ids."""
        self._event(event_id)
        if not passages:
            raise EditError("passages", "an event needs at least one passage of the article")

        def mutate(docs: dict[str, Any]) -> None:
            self._event(event_id, docs)["passages"] = list(dict.fromkeys(passages))

        self._apply("Link passages", mutate)

    def link_place(self, event_id: str, place_id: str, role: str = "location") -> None:
        self._place(place_id)
        if not role.strip():
            raise EditError("role", "a place's role in the event is required (what happened there)")
        if any(r["place"] == place_id for r in self._event(event_id)["places"]):
            raise EditError("places", f"{place_id!r} is already a place of this event")
        self._apply("Link place", lambda docs: self._event(event_id, docs)["places"].append({"place": place_id, "role": role.strip()}))

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
