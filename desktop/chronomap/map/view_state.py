"""From the pure timeline state to what the map page is told (no Qt).

The explorer, the export and the kiosk all go through :class:`MapStateBuilder`,
so a snapshot shows exactly what the explorer shows for the same moment.
Everything it says is in its language: place names and exhibit texts from the
exhibit, the legend's and the description's own words from :class:`MapWords`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from chronomap.files import read_json
from chronomap.map.page import ANTIMERIDIAN_WRAP, MapPlace, MapSpec
from chronomap.map.words import MapWords
from chronomap.resources import asset_path
from chronomap.story.model import Exhibit, Place
from chronomap.story.timeline import TimelineState

Bounds = tuple[tuple[float, float], tuple[float, float]]

#: Half-size in degrees of the box that frames a lone city: enough to show its region.
CITY_MARGIN = (7.0, 11.0)


#: The farthest north a frame reaches. Mercator stretches the Arctic: the Union's box up to
#: Franz Josef Land (81.9 N) is as tall on screen as it is wide, and a 16:9 view that holds
#: it spans half the northern hemisphere. To 78 N (Cape Chelyuskin, 77.7 N, inside) the box
#: is 16:9 itself; the islands beyond stay on the map, in the frame's margin.
FRAME_MAX_LAT = 78.0


@lru_cache(maxsize=4)
def basemap_bounds(path: Path | None = None) -> dict[str, Bounds]:
    """Bounding box of each base-map country, east of 30 W, as the page draws it: a polygon
    beyond the antimeridian (Chukotka's tip) counts 360 degrees east, next to its coast."""
    path = path or asset_path("basemap", "countries.geojson")
    document = read_json(Path(path), what="the base map's countries (GeoJSON)")
    out: dict[str, Bounds] = {}
    for feature in document["features"]:
        lats: list[float] = []
        lons: list[float] = []
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            far = any(point[0] < ANTIMERIDIAN_WRAP for ring in polygon for point in ring)
            _collect(polygon, lats, lons, shift=360.0 if far else 0.0)
        if lats:
            out[feature["properties"]["iso"]] = ((min(lats), min(lons)), (max(lats), max(lons)))
    return out


def _collect(coords, lats: list[float], lons: list[float], shift: float = 0.0) -> None:
    if coords and isinstance(coords[0], (int, float)):
        lon = coords[0] + shift
        if lon >= -30:
            lons.append(lon)
            lats.append(coords[1])
        return
    for item in coords:
        _collect(item, lats, lons, shift)


def _union(boxes: list[Bounds]) -> Bounds | None:
    if not boxes:
        return None
    return ((min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)),
            (max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)))


class MapStateBuilder:
    """Builds the page spec once and the page state for any timeline state."""

    def __init__(self, exhibit: Exhibit, lang: str = "en", words: MapWords | None = None):
        self.exhibit = exhibit
        self._countries = basemap_bounds()
        self._place_bounds = {pid: self._bounds_of(place) for pid, place in exhibit.places.items()}
        map_info = exhibit.meta.map
        self._union_members = tuple(map_info.union.members) if map_info.union else ()
        self._union_ends = self._start_of(map_info.union.ends) if map_info.union else None
        self._focus_iso = map_info.focus.iso if map_info.focus else None
        self._focus_free = self._start_of(map_info.focus.independent_from) if map_info.focus and map_info.focus.independent_from else None
        self.appearance = {"highContrast": False, "large": False}
        self.set_language(lang, words)

    def set_language(self, lang: str, words: MapWords | None = None) -> None:
        """Speak *lang* from now on: labels, legend, description and the next spec."""
        self.lang = lang
        self.words = words or MapWords()
        self._legend = self.legend()  # once per language, not on every move

    def set_appearance(self, high_contrast: bool, large: bool) -> None:
        """The look the page is told with every state (high contrast, large type)."""
        self.appearance = {"highContrast": bool(high_contrast), "large": bool(large)}

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
                label=p.label_at(start, self.lang),
                kind=p.kind,
                lat=p.lat,
                lon=p.lon,
                geometry=p.region.geometry if p.region else None,
                basemap_isos=tuple(p.region.basemap) if p.region else (),
            )
            for p in self.exhibit.places.values()
        )
        credits = " · ".join(c.short for c in self.exhibit.meta.credits if c.short)
        return MapSpec(title=self.exhibit.title_in(self.lang), places=places, bounds=self.exhibit.meta.map.bounds,
                       attribution=credits, legend=self.legend())

    def legend(self) -> dict[str, str]:
        """The legend's words in the current language; the swatches come from the page's own styles.

        An already-loaded page takes new ones through ``bridge.set_legend``.
        """
        map_info = self.exhibit.meta.map
        words, lang = self.words, self.lang
        # "lang" picks the base map's own notes (the water outlines) in that language on the page
        texts = {"title": words.legend_title, "current": words.current, "told": words.told, "past": words.past,
                 "upcoming": words.upcoming, "lang": lang, "km": words.kilometres, "m": words.metres,
                 "zoomIn": words.zoom_in, "zoomOut": words.zoom_out, "mapName": words.map_name}
        focus_place = next((p for p in self.exhibit.places.values()
                            if p.region and map_info.focus and tuple(p.region.basemap) == (map_info.focus.iso,)), None)
        if focus_place is not None and map_info.focus is not None:  # a focus place implies a focus
            texts["focus"] = focus_place.name_at(self.exhibit.period.start, lang)
            if map_info.focus.independent_from:
                texts["focusIndependent"] = words.focus_independent.format(name=focus_place.name_at(None, lang))
        if map_info.union:
            union = self._union_name()
            texts["union"] = (words.union_others if focus_place else words.union_all).format(union=union)
            texts["ussr"] = words.union_frontier.format(union=union)
        note = self.exhibit.map_note_in(lang)
        if note:
            texts["note"] = note
        return texts

    def _union_name(self) -> str:
        """The union's short name in the current language, else its full name there, else the main-language ones."""
        translation = self.exhibit.meta.translations.get(self.lang)
        translated = translation and (translation.union_short_name or translation.union_name)
        if translated:
            return translated
        return self.exhibit.union_short_name_in(self.lang) or self.exhibit.union_name_in(self.lang) or ""

    # -- the page state, on every move ----------------------------------------
    def basemap_classes(self, day: int) -> dict[str, str]:
        union_alive = self._union_ends is None or day < self._union_ends
        classes = {iso: "union" if union_alive else "independent" for iso in self._union_members}
        if self._focus_iso:
            free = self._focus_free is not None and day >= self._focus_free
            classes[self._focus_iso] = "focus-independent" if free or not union_alive else "focus"
        return classes

    def focus_bounds(self, state: TimelineState) -> Bounds | None:
        """The box the page frames for a state: its focus places', no farther north than FRAME_MAX_LAT."""
        if state.focus is None:
            return None
        box = _union([self._place_bounds[pid] for pid in state.focus.place_ids])
        if box is None:
            return None
        (south, west), (north, east) = box
        return ((south, west), (max(south + 1.0, min(north, FRAME_MAX_LAT)), east))

    def page_state(self, state: TimelineState, day: int, animate: bool = True) -> dict:
        """The JSON-able state the page's ``chronomap.applyState`` takes."""
        union_alive = self._union_ends is None or day < self._union_ends
        return {
            "places": {
                pid: {"status": status.value, "label": self.exhibit.places[pid].label_at(day, self.lang)}
                for pid, status in state.places.items()
            },
            "basemap": {"classes": self.basemap_classes(day), "ussr_border": bool(self._union_members) and union_alive},
            "focus": self.focus_bounds(state),
            "animate": animate,
            # the legend's words and the look ride with every state, so a page reloaded after a
            # crash or a renewal gets them back with it
            "legend": self._legend,
            "appearance": self.appearance,
        }

    def opening_state(self, state: TimelineState, day: int) -> dict:
        """The state written into a page before it loads, drawn in its first frame: no glide, sequence 0."""
        return {**self.page_state(state, day, animate=False), "seq": 0}

    def describe(self, state: TimelineState, day: int, date_label: str) -> str:
        """The map in words, for screen readers and picture descriptions; *date_label* already in the language."""
        focus = state.focus
        words = self.words
        if focus is None:
            return _fill(words.before_story, date=date_label)
        names = [self.exhibit.places[pid].label_at(day, self.lang) for pid in state.current_place_ids]
        return _fill(words.moment, date=date_label, event=focus.title_in(self.lang),
                     places=words.separator.join(names) or words.no_places)


def _fill(template: str, **values: str) -> str:
    """``template.format(**values)``, without a second full stop after a value that ends with one ("1930 г.")."""
    for name, value in values.items():
        if value.endswith("."):
            template = template.replace(f"{{{name}}}.", f"{{{name}}}")
    return template.format(**values)
