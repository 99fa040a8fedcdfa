"""The exhibit as the engine uses it: resolved, cross-checked, immutable.

Plain attributes (``title``, ``summary``, ``article``, ...) hold the main
language; the ``*_in(lang)`` methods give a translation where the exhibit has
one and the main-language text where it has not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronomap.errors import ChronomapError
from chronomap.story.article import Article
from chronomap.story.dates import DateSpan
from chronomap.story.schema import (
    ArticleInfo,
    Credit,
    EventTranslation,
    ExhibitFile,
    ExhibitTranslation,
    HistoricalName,
    Names,
    PlaceTranslation,
    Region,
)

if TYPE_CHECKING:
    from chronomap.story.media import MediaItem


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an exhibit, said so that a curator can fix it."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class ExhibitError(ChronomapError):
    """An exhibit that cannot be opened; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str
    names: Names
    historical_names: tuple[tuple[HistoricalName, DateSpan], ...]
    lat: float
    lon: float
    coordinate_source: str
    region: Region | None = None
    description: str | None = None
    translations: dict[str, PlaceTranslation] = field(default_factory=dict, hash=False)
    media: tuple[MediaItem, ...] = field(default=(), hash=False)

    def name_at(self, day: int | None, lang: str = "en") -> str:
        """The name in use on ``day`` (the modern one when no historical name applies)."""
        if day is not None:
            for record, until in self.historical_names:
                if day <= until.end:
                    return _name_in(record, lang) or record.en
        return _name_in(self.names, lang) or self.names.en

    def description_in(self, lang: str) -> str | None:
        """The description in *lang*, else in the main language."""
        translation = self.translations.get(lang)
        return (translation.description if translation else None) or self.description

    def label_at(self, day: int | None, lang: str = "en") -> str:
        """'Alma-Ata (Almaty)': the period name, with the modern one alongside when it differs."""
        then = self.name_at(day, lang)
        now = self.name_at(None, lang)
        return then if then == now else f"{then} ({now})"


def _name_in(record: Names | HistoricalName, lang: str) -> str | None:
    value = getattr(record, lang, None) if lang in ("en", "kk", "ru") else None
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class PlaceInEvent:
    place: Place
    role: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    order: int
    title: str
    summary: str
    span: DateSpan
    places: tuple[PlaceInEvent, ...]
    passages: tuple[str, ...]
    sentence_ids: tuple[str, ...]
    date_note: str | None = None
    relative_phrase: str | None = None
    translations: dict[str, EventTranslation] = field(default_factory=dict, hash=False)
    language: str = "en"
    media: tuple[MediaItem, ...] = field(default=(), hash=False)

    @property
    def place_ids(self) -> tuple[str, ...]:
        return tuple(p.place.id for p in self.places)

    def _translated(self, lang: str, name: str) -> str | None:
        translation = self.translations.get(lang)
        return getattr(translation, name) if translation else None

    def title_in(self, lang: str) -> str:
        return self._translated(lang, "title") or self.title

    def summary_in(self, lang: str) -> str:
        return self._translated(lang, "summary") or self.summary

    def date_note_in(self, lang: str) -> str | None:
        return self._translated(lang, "date_note") or self.date_note

    def role_in(self, place_id: str, lang: str) -> str:
        """The role of one of this event's places; KeyError for a place not in it."""
        role = next((p.role for p in self.places if p.place.id == place_id), None)
        if role is None:
            raise KeyError(place_id)
        translation = self.translations.get(lang)
        return (translation.roles.get(place_id) if translation else None) or role

    def has_text_in(self, lang: str) -> bool:
        """Title and summary are written in *lang* (the main language, or a translation of both)."""
        return lang == self.language or bool(self._translated(lang, "title") and self._translated(lang, "summary"))


@dataclass(frozen=True)
class Exhibit:
    """``translated_articles`` carry the main article's passage ids; ``article_notes`` say where they line up only by paragraph."""

    path: Path
    meta: ExhibitFile
    article: Article
    places: dict[str, Place]
    events: tuple[Event, ...]
    period: DateSpan
    translated_articles: dict[str, Article] = field(default_factory=dict)
    article_notes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Places not placed yet (no point, no gazetteer key), by id, each with the warning ``check`` prints: they are
    #: not in ``places`` nor in any event's places, so no map, card or kiosk ever shows a made-up position.
    unplaced: dict[str, Problem] = field(default_factory=dict)
    _by_id: dict[str, Event] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.events})

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def language(self) -> str:
        """The language of the main texts."""
        return self.meta.language

    def _translation(self, lang: str) -> ExhibitTranslation | None:
        return self.meta.translations.get(lang)

    def _translated(self, lang: str, name: str) -> str | None:
        translation = self._translation(lang)
        return getattr(translation, name) if translation else None

    def languages_with_article(self) -> tuple[str, ...]:
        """The main language first, then every language with a translated article."""
        return (self.language, *(lang for lang in self.translated_articles if lang != self.language))

    def article_in(self, lang: str) -> tuple[Article, str]:
        """The article in *lang*, or the main one; and the language it is in."""
        if lang in self.translated_articles:
            return self.translated_articles[lang], lang
        return self.article, self.language

    def article_info_in(self, lang: str) -> ArticleInfo:
        """Title, source, licence and translator of the article :meth:`article_in` gives."""
        translation = self._translation(lang)
        if lang in self.translated_articles and translation and translation.article:
            return translation.article
        return self.meta.article

    def title_in(self, lang: str) -> str:
        return self._translated(lang, "title") or self.meta.title

    def subtitle_in(self, lang: str) -> str | None:
        return self._translated(lang, "subtitle") or self.meta.subtitle

    def map_note_in(self, lang: str) -> str | None:
        return self._translated(lang, "map_note") or self.meta.map.note

    def union_name_in(self, lang: str) -> str | None:
        union = self.meta.map.union
        return self._translated(lang, "union_name") or (union.name if union else None)

    def union_short_name_in(self, lang: str) -> str | None:
        union = self.meta.map.union
        return self._translated(lang, "union_short_name") or (union.short_name if union else None)

    def translation_note(self, lang: str) -> str | None:
        """Who made the *lang* texts and whether they were reviewed (None for the main language)."""
        return self._translated(lang, "note")

    def credits_in(self, lang: str) -> tuple[Credit, ...]:
        """The credits with ``what`` and ``text`` in *lang* where translated."""
        out = []
        for credit in self.meta.credits:
            translation = credit.translations.get(lang)
            if translation:
                credit = credit.model_copy(update={"what": translation.what or credit.what,
                                                   "text": translation.text or credit.text})
            out.append(credit)
        return tuple(out)

    def event(self, event_id: str) -> Event:
        return self._by_id[event_id]

    def has_event(self, event_id: str) -> bool:
        return event_id in self._by_id
