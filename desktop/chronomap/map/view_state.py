"""From the pure timeline state to what the map page is told (no Qt).

The explorer, the export and the kiosk all go through :class:`MapStateBuilder`,
so a snapshot shows exactly what the explorer shows for the same moment.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from chronomap.map.page import MapPlace, MapSpec
from chronomap.resources import asset_path
from chronomap.story.model import Exhibit, Place
from chronomap.story.timeline import TimelineState

Bounds = tuple[tuple[float, float], tuple[float, float]]

#: Half-size in degrees of the box that frames a lone city: enough to show its region.
CITY_MARGIN = (7.0, 11.0)


@lru_cache(maxsize=4)
def basemap_bounds(path: Path | None = None) -> dict[str, Bounds]:
    """Bounding box of each base-map country, east of 30° W (ignores Chukotka's far side of 180°)."""
    path = path or asset_path("basemap", "countries.geojson")
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    out: dict[str, Bounds] = {}
    for feature in document["features"]:
        lats: list[float] = []
        lons: list[float] = []
        _collect(feature["geometry"]["coordinates"], lats, lons)
        if lats:
            out[feature["properties"]["iso"]] = ((min(lats), min(lons)), (max(lats), max(lons)))
    return out


def _collect(coords, lats: list[float], lons: list[float]) -> None:
    if coords and isinstance(coords[0], (int, float)):
        if coords[0] >= -30:
            lons.append(coords[0])
            lats.append(coords[1])
        return
    for item in coords:
        _collect(item, lats, lons)


def _union(boxes: list[Bounds]) -> Bounds | None:
    if not boxes:
        return None
    return ((min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)),
            (max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)))


class MapStateBuilder:
    """Builds the page spec once and the page state for any timeline state."""

    def __init__(self, exhibit: Exhibit):
        self.exhibit = exhibit
        self._countries = basemap_bounds()
        self._place_bounds = {pid: self._bounds_of(place) for pid, place in exhibit.places.items()}
        map_info = exhibit.meta.map
        self._union_members = tuple(map_info.union.members) if map_info.union else ()
        self._union_ends = self._start_of(map_info.union.ends) if map_info.union else None
        self._focus_iso = map_info.focus.iso if map_info.focus else None
        self._focus_free = self._start_of(map_info.focus.independent_from) if map_info.focus and map_info.focus.independent_from else None

    @staticmethod
    def _start_of(edtf_text: str) -> int:
        from chronomap.story.dates import parse_date

        return parse_date(edtf_text).start

    def _bounds_of(self, place: Place) -> Bounds:
        region = place.region
        if region is not None and region.basemap:
            box = _union([self._countries[iso] for iso in region.basemap if iso in self._countries])
            if box:
                return box
        if region is not None and region.geometry is not None:
            lats: list[float] = []
            lons: list[float] = []
            _collect(region.geometry["coordinates"], lats, lons)
            return ((min(lats), min(lons)), (max(lats), max(lons)))
        dlat, dlon = CITY_MARGIN
        return ((place.lat - dlat, place.lon - dlon), (place.lat + dlat, place.lon + dlon))

    # -- the page, once ------------------------------------------------------
    def spec(self) -> MapSpec:
        start = self.exhibit.events[0].span.start
        places = tuple(
            MapPlace(
                id=p.id,
                label=p.label_at(start),
                kind=p.kind,
                lat=p.lat,
                lon=p.lon,
                geometry=p.region.geometry if p.region else None,
                basemap_isos=tuple(p.region.basemap) if p.region else (),
            )
            for p in self.exhibit.places.values()
        )
        credits = " · ".join(c.short for c in self.exhibit.meta.credits if c.short)
        return MapSpec(title=self.exhibit.title, places=places, bounds=self.exhibit.meta.map.bounds,
                       attribution=credits, legend=self.legend())

    def legend(self) -> dict[str, str]:
        """The legend's words; the swatches come from the page's own styles."""
        map_info = self.exhibit.meta.map
        texts = {"title": "Legend", "current": "Happening now", "past": "Earlier in the story",
                 "upcoming": "Later in the story"}
        focus_place = next((p for p in self.exhibit.places.values()
                            if p.region and map_info.focus and tuple(p.region.basemap) == (map_info.focus.iso,)), None)
        if focus_place is not None:
            texts["focus"] = focus_place.name_at(self.exhibit.period.start)
            if map_info.focus.independent_from:
                texts["focusIndependent"] = f"{focus_place.name_at(None)}, independent"
        if map_info.union:
            union = map_info.union.short_name or map_info.union.name
            texts["union"] = f"{'Other republics' if focus_place else 'Republics'} of the {union}"
            texts["ussr"] = f"Frontier of the {union}"
        if map_info.note:
            texts["note"] = map_info.note
        return texts

    # -- the page state, on every move ----------------------------------------
    def basemap_classes(self, day: int) -> dict[str, str]:
        union_alive = self._union_ends is None or day < self._union_ends
        classes = {iso: "union" if union_alive else "independent" for iso in self._union_members}
        if self._focus_iso:
            free = self._focus_free is not None and day >= self._focus_free
            classes[self._focus_iso] = "focus-independent" if free or not union_alive else "focus"
        return classes

    def focus_bounds(self, state: TimelineState) -> Bounds | None:
        if state.focus is None:
            return None
        return _union([self._place_bounds[pid] for pid in state.focus.place_ids])

    def page_state(self, state: TimelineState, day: int, animate: bool = True) -> dict:
        """The JSON-able state the page's ``chronomap.applyState`` takes."""
        union_alive = self._union_ends is None or day < self._union_ends
        return {
            "places": {
                pid: {"status": status.value, "label": self.exhibit.places[pid].label_at(day)}
                for pid, status in state.places.items()
            },
            "basemap": {"classes": self.basemap_classes(day), "ussr_border": bool(self._union_members) and union_alive},
            "focus": self.focus_bounds(state),
            "animate": animate,
        }

    def describe(self, state: TimelineState, day: int, date_label: str) -> str:
        """The map in words, for screen readers and picture descriptions."""
        focus = state.focus
        if focus is None:
            return f"{date_label}. Before the story begins; no place is highlighted."
        names = [self.exhibit.places[pid].label_at(day) for pid in state.current_place_ids]
        return f"{date_label}. {focus.title}. Highlighted: {', '.join(names) or 'none'}."
