"""The exhibit as the engine uses it: resolved, cross-checked, immutable."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from chronomap.story.article import Article
from chronomap.story.dates import DateSpan
from chronomap.story.schema import ExhibitFile, HistoricalName, Names, Region


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an exhibit, said so that a curator can fix it."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class ExhibitError(Exception):
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

    def name_at(self, day: int | None, lang: str = "en") -> str:
        """The name in use on ``day`` (the modern one when no historical name applies)."""
        if day is not None:
            for record, until in self.historical_names:
                if day <= until.end:
                    return getattr(record, lang, None) or record.en
        return getattr(self.names, lang, None) or self.names.en

    def label_at(self, day: int | None, lang: str = "en") -> str:
        """'Alma-Ata (Almaty)': the period name, with the modern one alongside when it differs."""
        then = self.name_at(day, lang)
        now = self.name_at(None, lang)
        return then if then == now else f"{then} ({now})"


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

    @property
    def place_ids(self) -> tuple[str, ...]:
        return tuple(p.place.id for p in self.places)


@dataclass(frozen=True)
class Exhibit:
    path: Path
    meta: ExhibitFile
    article: Article
    places: dict[str, Place]
    events: tuple[Event, ...]
    period: DateSpan
    _by_id: dict[str, Event] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.events})

    @property
    def title(self) -> str:
        return self.meta.title

    def event(self, event_id: str) -> Event:
        return self._by_id[event_id]

    def has_event(self, event_id: str) -> bool:
        return event_id in self._by_id
