"""What the exhibit says about one place at one moment, for the desk's and the kiosk's place details."""

from __future__ import annotations

from dataclasses import dataclass

from chronomap.i18n import LANGUAGES
from chronomap.story.gazetteer import distance_km
from chronomap.story.model import Event, Place
from chronomap.story.timeline import Timeline


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    place_id: str
    label: str  # the name of the time, with today's beside it
    kind: str
    #: (language, name) in the other interface languages, where the exhibit gives one.
    other_names: tuple[tuple[str, str], ...]
    #: (the date the name lapsed, at its precision in the language; the name).
    historical_names: tuple[tuple[str, str], ...]
    description: str
    #: Geodesic distance from the exhibit's ``distance_from`` place, between two points only (see
    #: :func:`distance_between_points`); None for an area, for the reference itself, or with no reference.
    distance_km: float | None
    distance_from: str
    events: tuple[Event, ...]


def distance_between_points(place: Place, reference: Place) -> float | None:
    """Kilometres between two places drawn as points (cities), else None.

    A distance from a city to a state or a region is not one number: its point is only where the
    label sits (the Soviet Union's is in Siberia, "2 318 km from Almaty" while Almaty lay inside it),
    and the distance to its edge is zero from within. So an area gets no distance at all.
    """
    if place.region is not None or reference.region is not None:
        return None
    return distance_km((place.lat, place.lon), (reference.lat, reference.lon))


def place_facts(timeline: Timeline, place_id: str, day: int, lang: str) -> PlaceFacts:
    exhibit = timeline.exhibit
    place = exhibit.places[place_id]
    others = tuple((other, value) for other in LANGUAGES if other != lang
                   for value in [getattr(place.names, other, None)] if value)
    historical = tuple((until.label(lang), getattr(h, lang, None) or h.en) for h, until in place.historical_names)
    distance, reference = None, ""
    ref_id = exhibit.meta.distance_from
    if ref_id and ref_id != place_id and ref_id in exhibit.places:
        ref = exhibit.places[ref_id]
        distance = distance_between_points(place, ref)
        reference = ref.label_at(day, lang) if distance is not None else ""
    return PlaceFacts(place_id=place_id, label=place.label_at(day, lang), kind=place.kind, other_names=others,
                      historical_names=historical, description=place.description_in(lang) or "",
                      distance_km=distance, distance_from=reference,
                      events=tuple(e for e in timeline.events if place_id in e.place_ids))
