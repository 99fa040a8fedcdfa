"""Commands on places: add, move, choose from the gazetteer, regions, names and historical names, delete.

Pure Python, no Qt; each command is one undoable step of :class:`~chronomap.authoring.edit_core.EditorCore`.
"""

from __future__ import annotations

import copy
from typing import Any

from chronomap.authoring.edit_core import (
    NAME_LANGUAGES,
    PLACE_KINDS,
    EditError,
    EditorCore,
    new_id,
)
from chronomap.story.basemap import basemap_codes, unknown_code_message
from chronomap.story.dates import DateError, parse_date


class PlaceCommands(EditorCore):
    """Places, their points, names and the way the map draws them."""

    def add_place(self, name: str, lat: float, lon: float, *, kind: str = "city", event_id: str | None = None,
                  role: str = "location", names: dict[str, str] | None = None) -> str:
        """A new place at a point, linked to *event_id* with *role* when given."""
        if not name.strip():
            raise EditError("name", "a place needs an English name")
        point = self._point(lat, lon)
        if event_id is not None:
            self._event(event_id)
            if not role.strip():
                raise EditError("role", "a place's role in the event is required (what happened there)")
        place_id = new_id(name, set(self.place_ids()), "place")
        record: dict[str, Any] = {"id": place_id, "kind": kind,
                                  "names": {"en": name.strip(), **{k: v for k, v in (names or {}).items() if v and k != "en"}},
                                  "point": point}

        def mutate(docs: dict[str, Any]) -> None:
            docs[self.story_name]["places"].append(record)
            if event_id is not None:
                self._event(event_id, docs)["places"].append({"place": place_id, "role": role.strip()})

        self._apply("Add place", mutate, places=True)
        return place_id

    def set_place_point(self, place_id: str, lat: float, lon: float, *, typing: bool = False) -> None:
        """The place drawn at this point (from the gazetteer or the map); a gazetteer key it had is dropped.

        *typing*: coordinates typed or nudged with the keys, one step until the field is left (:meth:`seal`)."""
        point = self._point(lat, lon)
        self._place(place_id)

        def mutate(docs: dict[str, Any]) -> None:
            record = self._place(place_id, docs)
            record["point"] = point
            record.pop("gazetteer", None)

        self._apply("Move place", mutate, places=True, key=("point", place_id) if typing else None)

    def choose_place(self, place_id: str, lat: float, lon: float, *, kind: str | None = None,
                     basemap: str | None = None, description: str | None = None, label: str = "Choose place") -> None:
        """One step for a reviewed place: its point, and optionally its kind, its base-map country
        (a country drawn as its outline; None keeps a point only) and its description."""
        point = self._point(lat, lon)
        self._place(place_id)
        if kind is not None and kind not in PLACE_KINDS:
            raise EditError("kind", f"found {kind!r}; expected one of {', '.join(PLACE_KINDS)}")

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            target["point"] = point
            target.pop("gazetteer", None)
            if kind is not None:
                target["kind"] = kind
                region = target.get("region") or {}
                if basemap:
                    target["region"] = {**{k: v for k, v in region.items() if k == "note"}, "basemap": [basemap]}
                elif region.get("basemap"):
                    del target["region"]  # it was drawn as a country it is not
            if description is not None:
                if description:
                    target["description"] = description
                else:
                    target.pop("description", None)

        self._apply(label, mutate, places=True)

    def set_place_region(self, place_id: str, isos: list[str]) -> None:
        """Draw the place as these base-map countries (ISO 3166-1 alpha-3); none: its point only.

        A place drawn by its own outline (``geometry``) keeps it: that is edited in the file for now (one drawn
        by a copy of another place's outline may change)."""
        known = basemap_codes()
        for code in isos:
            if code not in known:
                raise EditError("region", unknown_code_message(code))
        record = self._place(place_id)
        geometry = (record.get("region") or {}).get("geometry")
        shared = any((p.get("region") or {}).get("geometry") == geometry for p in self.story["places"] if p is not record)
        if geometry is not None and not shared:  # the exhibit's only copy of a hand-drawn outline is not thrown away
            raise EditError("region", "this place is drawn by its own outline (region.geometry); change it in story.json")

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            old = target.get("region") or {}
            note = old.get("note") if old.get("geometry") is None else None  # an outline's note is about the outline
            if isos:
                target["region"] = {"basemap": list(dict.fromkeys(isos)), **({"note": note} if note else {})}
            else:
                target.pop("region", None)

        self._apply("Set region", mutate, places=True)

    def outlines(self) -> list[str]:
        """Places drawn by an outline of the exhibit's own (``region.geometry``), one per outline (a region's
        before a place that borrowed it): what another place can be drawn as."""
        out: list[str] = []
        seen: list[Any] = []
        for record in sorted(self.story["places"], key=lambda p: p.get("kind") != "region"):
            geometry = (record.get("region") or {}).get("geometry")
            if isinstance(geometry, dict) and geometry not in seen:
                seen.append(geometry)
                out.append(str(record["id"]))
        return out

    def set_place_outline(self, place_id: str, source_id: str) -> None:
        """Draw the place as the outline another place of the exhibit is drawn by (a copy of it, with its note)."""
        self._place(place_id)
        region = self._place(source_id).get("region") or {}
        if not isinstance(region.get("geometry"), dict):
            raise EditError("region", f"{source_id!r} has no outline of its own (region.geometry) to draw another place by")

        def mutate(docs: dict[str, Any]) -> None:
            self._place(place_id, docs)["region"] = copy.deepcopy(region)

        self._apply("Set region", mutate, places=True)

    def add_historical_name(self, place_id: str, name: str, until: str, *, kk: str = "", ru: str = "") -> None:
        """A name the place had until a day (inclusive): the map shows it for dates up to then."""
        if not name.strip():
            raise EditError("historical name", "a historical name needs its English form")
        try:
            value = parse_date(until).edtf
        except DateError as exc:
            raise EditError("until", str(exc)) from None
        self._place(place_id)
        entry = {"en": name.strip(), **({"kk": kk.strip()} if kk.strip() else {}), **({"ru": ru.strip()} if ru.strip() else {}),
                 "until": value}

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            names = target.setdefault("historical_names", [])
            names.append(entry)
            names.sort(key=lambda h: parse_date(h["until"]).end)  # the earliest that applies is shown

        self._apply("Add historical name", mutate, places=True)

    def remove_historical_name(self, place_id: str, index: int) -> None:
        names = self._place(place_id).get("historical_names") or []
        if not 0 <= index < len(names):
            raise EditError("historical name", f"found no historical name number {index + 1}")

        def mutate(docs: dict[str, Any]) -> None:
            target = self._place(place_id, docs)
            del target["historical_names"][index]
            if not target["historical_names"]:
                del target["historical_names"]

        self._apply("Remove historical name", mutate, places=True)

    def set_place_name(self, place_id: str, lang: str, name: str) -> None:
        if lang not in NAME_LANGUAGES:
            raise EditError("name", f"found {lang!r}; expected one of {', '.join(NAME_LANGUAGES)}")
        if lang == "en" and not name.strip():
            raise EditError("name", "the English name is required")
        self._place(place_id)

        def mutate(docs: dict[str, Any]) -> None:
            names = self._place(place_id, docs)["names"]
            if name.strip():
                names[lang] = name.strip()
            else:
                names.pop(lang, None)

        self._apply("Rename place", mutate, places=True, key=("name", place_id, lang))

    def delete_place(self, place_id: str) -> None:
        """A place taken out of the exhibit and every event naming it ('not a place': a person, an album).

        Refused while it is the only place of an event, or the place distances are measured from."""
        self._place(place_id)
        alone = [e["id"] for e in self.story["events"] if [r["place"] for r in e["places"]] == [place_id]]
        if alone:
            raise EditError("places", f"it is the only place of {', '.join(alone)}; give "
                                      f"{'that event' if len(alone) == 1 else 'those events'} another place first")
        if self.meta.get("distance_from") == place_id:
            raise EditError("places", "distances are measured from it (exhibit.json distance_from)")

        def mutate(docs: dict[str, Any]) -> None:
            story = docs[self.story_name]
            story["places"] = [p for p in story["places"] if p.get("id") != place_id]
            for record in story["events"]:
                if any(r["place"] == place_id for r in record["places"]):
                    record["places"] = [r for r in record["places"] if r["place"] != place_id]
                    for translation in record.get("translations", {}).values():
                        translation.get("roles", {}).pop(place_id, None)

        self._apply("Delete place", mutate, places=True)
