"""Review a drafted exhibit's places, Recogito-style: each place with the gazetteer's candidates, confirm or choose.

The drafter writes every place it guessed with a description ending "Check
before publishing." and its point from the candidate it took. Here each place
is looked up again by every name the article used for it; the candidate under
its point is the drafter's choice, the others are the alternatives, nearest
names first. Confirming drops the drafter's warning; choosing another moves the
place there (drawn as that country's outline when it is one) and says in the
description where the point now comes from. Both are single undoable edits.
Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronomap.authoring.edits import ExhibitEditor
from chronomap.authoring.gazetteer_index import GazetteerPlace, normalise
from chronomap.authoring.place_search import Found, PlaceSearch
from chronomap.story.gazetteer import distance_km

#: The drafter's words on a place it guessed (authoring/drafter.py).
DRAFT_MARK = "Check before publishing."
#: A candidate this close to a place's point is the one it was placed by.
SAME_PLACE_KM = 5.0
#: Candidates listed per place.
LISTED = 8

TO_CHECK, REVIEWED, OWN = "to check", "reviewed", "own point"
#: No point and no gazetteer key: a name the gazetteer did not know, or an empty start's placeholder. The map
#: leaves it out (``chronomap check`` warns) until a candidate, a click or typed degrees place it.
UNPLACED = "not placed yet"
#: What the review still asks the curator to do something about, listed first and counted as left.
LEFT = (UNPLACED, TO_CHECK)


def is_unplaced(record: dict) -> bool:
    """A place record the loader leaves off the map: neither a point nor a gazetteer key."""
    return not record.get("point") and not record.get("gazetteer")


@dataclass(frozen=True)
class Candidate:
    found: Found
    km: float | None  # from the place's current point

    @property
    def place(self) -> GazetteerPlace:
        return self.found.place


@dataclass(frozen=True)
class PlaceReview:
    place_id: str
    name: str
    status: str  # TO_CHECK (the drafter's guess), REVIEWED, or OWN (no candidate at its point)
    candidates: tuple[Candidate, ...]
    chosen: int | None  # index of the candidate at the place's point

    @property
    def alternatives(self) -> tuple[Candidate, ...]:
        return tuple(c for i, c in enumerate(self.candidates) if i != self.chosen)


def review(editor: ExhibitEditor, search: PlaceSearch) -> list[PlaceReview]:
    """Every place of the exhibit, the ones still to check first (in the story's order)."""
    out = [review_place(editor, search, place_id) for place_id in editor.place_ids()]
    return sorted(out, key=lambda r: r.status not in LEFT)


def review_place(editor: ExhibitEditor, search: PlaceSearch, place_id: str) -> PlaceReview:
    record = editor.place(place_id)
    names = record.get("names", {})
    spellings = [names.get("en", place_id), *names.get("alt", ())]
    point = record.get("point")
    found: dict[str, Found] = {}
    for spelling in spellings:
        for hit in search.search(spelling, limit=LISTED):
            if normalise(hit.matched) == normalise(spelling):  # this very name, not names that begin with it
                found.setdefault(hit.place.key, hit)
    here = (point["lat"], point["lon"]) if point else None
    candidates = [Candidate(f, distance_km(here, (f.place.lat, f.place.lon)) if here else None) for f in found.values()]
    chosen = min((i for i, c in enumerate(candidates) if c.km is not None and c.km <= SAME_PLACE_KM),
                 key=lambda i: candidates[i].km or 0.0, default=None)
    description = str(record.get("description") or "")
    if is_unplaced(record):
        status = UNPLACED
    elif DRAFT_MARK in description:
        status = TO_CHECK
    else:
        status = REVIEWED if chosen is not None or not point else OWN
    return PlaceReview(place_id, str(names.get("en", place_id)), status, tuple(candidates[:LISTED]), chosen)


def confirm(editor: ExhibitEditor, place_id: str) -> None:
    """The drafter's choice is right: its warning goes, the point stays."""
    record = editor.place(place_id)
    description = str(record.get("description") or "")
    cleaned = description.replace(DRAFT_MARK, "").strip()
    point = record.get("point") or {}
    if "lat" not in point:
        return  # a place from the cache has no point of its own to confirm; its key stays
    editor.choose_place(place_id, point["lat"], point["lon"], description=cleaned, label="Confirm place")


def choose(editor: ExhibitEditor, place_id: str, candidate: Candidate) -> None:
    """The place is this candidate: moved there, drawn as its country when it is one, its origin said."""
    place = candidate.place
    if place.key.startswith("country:"):
        kind, basemap = "state", place.iso3
        origin = f"GeoNames country {place.country}"
    else:
        kind, basemap = ("region" if place.kind == "region" else "city"), None
        origin = (f"the project's gazetteer cache entry “{place.cache_key}”" if place.cache_key else
                  f"GeoNames {place.kind} {place.geonameid or place.key}, {place.country or '?'}"
                  + (f", population {place.population:,}" if place.population else ""))
    editor.choose_place(place_id, place.lat, place.lon, kind=kind, basemap=basemap,
                        description=f"Placed by the curator at {place.name}: {origin}.", label="Choose candidate")
