"""What the exhibit says about one place at one moment, for the desk's and the kiosk's place details."""

from __future__ import annotations

from dataclasses import dataclass

from chronomap.i18n import LANGUAGES
from chronomap.story.gazetteer import distance_km
from chronomap.story.model import Event
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
    #: Geodesic distance from the exhibit's ``distance_from`` place, for a point place only.
    distance_km: float | None
    distance_from: str
    events: tuple[Event, ...]


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
        distance = distance_km((place.lat, place.lon), (ref.lat, ref.lon))
        reference = ref.label_at(day, lang)
    return PlaceFacts(place_id=place_id, label=place.label_at(day, lang), kind=place.kind, other_names=others,
                      historical_names=historical, description=place.description_in(lang) or "",
                      distance_km=distance, distance_from=reference,
                      events=tuple(e for e in timeline.events if place_id in e.place_ids))
