"""Measure a draft against a curated story: how many curated events it finds, and how many of its own are right.

A curated event is *found by date* when some drafted event's span overlaps
its span, and *found with places* when such an event also shares a place
(same name or spelling, or for cities within 50 km).  Precision is the share
of drafted events that overlap (and share a place with) some curated event.
Because one broad drafted event can "find" several curated ones, the strict
figures also count a one-to-one matching (each drafted event used once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from chronomap.story.gazetteer import distance_km

NEAR_KM = 50.0


@dataclass(frozen=True)
class PlaceView:
    names: frozenset[str]
    lat: float
    lon: float
    area: bool = False  # a country or republic: matched by name only


@dataclass(frozen=True)
class EventView:
    id: str
    start: int
    end: int
    places: tuple[PlaceView, ...] = ()


def _names(*groups) -> frozenset[str]:
    return frozenset(n.casefold() for group in groups for n in group if n)


def views_from_exhibit(exhibit) -> list[EventView]:
    """Events of a loaded :class:`chronomap.story.model.Exhibit` in the form :func:`measure` compares."""
    views = []
    for event in exhibit.events:
        places = []
        for ref in event.places:
            p = ref.place
            names = _names([p.names.en, p.names.kk, p.names.ru], p.names.alt, [h.en for h, _ in p.historical_names])
            places.append(PlaceView(names, p.lat, p.lon, p.kind in ("state", "republic")))
        views.append(EventView(event.id, event.span.start, event.span.end, tuple(places)))
    return views


def same_place(a: PlaceView, b: PlaceView, km: float = NEAR_KM) -> bool:
    if a.names & b.names:
        return True
    if a.area or b.area:
        return False
    return distance_km((a.lat, a.lon), (b.lat, b.lon)) <= km


def overlaps(a: EventView, b: EventView) -> bool:
    return a.start <= b.end and b.start <= a.end


def shares_place(a: EventView, b: EventView) -> bool:
    return any(same_place(p, q) for p in a.places for q in b.places)


def _matching(left: list[EventView], right: list[EventView], ok: Callable[[EventView, EventView], bool]) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths; the lists are small)."""
    edges = [[j for j, r in enumerate(right) if ok(l_, r)] for l_ in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(left)))


@dataclass
class Measure:
    reference: list[str]
    drafted: int
    found_by_date: list[str] = field(default_factory=list)
    found_with_places: list[str] = field(default_factory=list)
    correct_by_date: int = 0
    correct_with_places: int = 0
    strict_by_date: int = 0
    strict_with_places: int = 0

    @property
    def recall_date(self) -> float:
        return len(self.found_by_date) / len(self.reference) if self.reference else 0.0

    @property
    def recall_places(self) -> float:
        return len(self.found_with_places) / len(self.reference) if self.reference else 0.0

    @property
    def precision_date(self) -> float:
        return self.correct_by_date / self.drafted if self.drafted else 0.0

    @property
    def precision_places(self) -> float:
        return self.correct_with_places / self.drafted if self.drafted else 0.0

    @property
    def missed_by_date(self) -> list[str]:
        return [r for r in self.reference if r not in self.found_by_date]

    @property
    def missed_with_places(self) -> list[str]:
        return [r for r in self.reference if r not in self.found_with_places]

    def summary(self) -> str:
        n, d = len(self.reference), self.drafted
        return (f"recall: {len(self.found_by_date)}/{n} by date ({self.recall_date:.0%}), "
                f"{len(self.found_with_places)}/{n} with places ({self.recall_places:.0%}); "
                f"precision: {self.correct_by_date}/{d} by date ({self.precision_date:.0%}), "
                f"{self.correct_with_places}/{d} with places ({self.precision_places:.0%}); "
                f"one-to-one: {self.strict_by_date}/{n} by date, {self.strict_with_places}/{n} with places; "
                f"missed with places: {', '.join(self.missed_with_places) or 'none'}")


def measure(drafted: list[EventView], reference: list[EventView]) -> Measure:
    def with_place(a: EventView, b: EventView) -> bool:
        return overlaps(a, b) and shares_place(a, b)

    result = Measure([r.id for r in reference], len(drafted))
    result.found_by_date = [r.id for r in reference if any(overlaps(d, r) for d in drafted)]
    result.found_with_places = [r.id for r in reference if any(with_place(d, r) for d in drafted)]
    result.correct_by_date = sum(any(overlaps(d, r) for r in reference) for d in drafted)
    result.correct_with_places = sum(any(with_place(d, r) for r in reference) for d in drafted)
    result.strict_by_date = _matching(reference, drafted, overlaps)
    result.strict_with_places = _matching(reference, drafted, with_place)
    return result
