"""How a place is drawn, in the Places tab: its point (typed, or nudged with the arrow keys), a point only
or one of the exhibit's own outlines or a base-map country; and the names it had until a day.

A part of :class:`~chronomap.desk.studio_places.PlacePanel` (it holds the widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QListWidget

from chronomap.authoring.edits import EditError, ExhibitEditor
from chronomap.authoring.review import is_unplaced
from chronomap.files import read_json
from chronomap.resources import asset_path

_OUTLINE = "place:"  # a region choice that is another place's outline, not a base-map country


def basemap_countries() -> list[tuple[str, str]]:
    """(ISO code, name) of every base-map country, by name: what a place can be drawn as."""
    document = read_json(asset_path("basemap", "countries.geojson"), what="the base map's countries (GeoJSON)")
    found = {f["properties"]["iso"]: f["properties"].get("name") or f["properties"]["iso"] for f in document["features"]}
    return sorted(found.items(), key=lambda item: item[1])


class PlaceLooks:
    """The region box and the historical names; the panel provides the widgets (words in its context)."""

    editor: ExhibitEditor
    region: QComboBox
    history: QListWidget
    old_name: QLineEdit
    old_until: QLineEdit
    problem: Any
    _outline_ids: list[str] | None

    point: QLabel
    lat: QDoubleSpinBox
    lon: QDoubleSpinBox
    place_chosen: Any
    drawn_at: Callable[[str], tuple[float, float] | None]
    _showing: bool

    def place_id(self) -> str | None:
        raise NotImplementedError

    def _show_place(self) -> None:
        raise NotImplementedError

    def _fill_regions(self) -> None:
        """A point only, the exhibit's own outlines, then every base-map country (refilled when the outlines change)."""
        outlines = self.editor.outlines()
        if outlines == self._outline_ids:
            return
        self._outline_ids = outlines
        self.region.clear()
        self.region.addItem(QCoreApplication.translate("PlacePanel", "a point only"), "")
        for place_id in outlines:
            name = str(self.editor.place(place_id)["names"].get("en", place_id))
            words = QCoreApplication.translate("PlacePanel", "{name} — this exhibit's outline")
            self.region.addItem(words.format(name=name), _OUTLINE + place_id)
        for iso, name in basemap_countries():
            self.region.addItem(f"{name} ({iso})", iso)

    def _show_region(self, record: dict | None) -> None:
        self._fill_regions()
        region = (record or {}).get("region") or {}
        codes = region.get("basemap") or []
        index = self.region.findData(codes[0]) if len(codes) == 1 else (0 if not region else -1)
        if region.get("geometry") is not None:  # its own outline, or a copy of another place's
            same = [pid for pid in self._outline_ids or [] if self.editor.place(pid).get("region") == region]
            own = record.get("id") if record and record.get("id") in same else (same[0] if same else None)
            index = self.region.findData(_OUTLINE + str(own)) if own else -1
        if index < 0 and codes:  # several countries (a union): shown as they are, chosen in the file
            self.region.setItemText(0, ", ".join(codes))
            index = 0
        elif self.region.count():
            self.region.setItemText(0, QCoreApplication.translate("PlacePanel", "a point only"))
        self.region.setCurrentIndex(max(index, 0))
        self.region.setEnabled(record is not None)

    def _region_chosen(self, index: int) -> None:
        place_id = self.place_id()
        if place_id is None:
            return
        code = str(self.region.itemData(index) or "")
        try:
            if code.startswith(_OUTLINE):
                self.editor.set_place_outline(place_id, code.removeprefix(_OUTLINE))
            else:
                self.editor.set_place_region(place_id, [code] if code else [])
        except EditError as exc:
            self.problem.emit(exc.message)
            self._show_region(self.editor.place(place_id))

    def add_historical(self) -> None:
        place_id = self.place_id()
        if place_id is None:
            return
        try:
            self.editor.add_historical_name(place_id, self.old_name.text(), self.old_until.text().strip())
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.old_name.clear()
        self.old_until.clear()
        self._show_place()

    def remove_historical(self) -> None:
        place_id = self.place_id()
        if place_id is None or self.history.currentRow() < 0:
            return
        try:
            self.editor.remove_historical_name(place_id, self.history.currentRow())
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self._show_place()

    def show_point(self) -> None:
        """The selected place's point in the coordinate fields and the line above them (never an edit);
        a point from the gazetteer cache as the loaded exhibit draws it."""
        place_id = self.place_id()
        record = self.editor.place(place_id) if place_id else None
        point = (record or {}).get("point")
        shown = (float(point["lat"]), float(point["lon"])) if point else (self.drawn_at(place_id) if place_id else None)
        unplaced = record is not None and is_unplaced(record)
        if unplaced:
            shown = (0.0, 0.0)  # not a position: the fields start at zero for the curator's degrees
        self._showing = True
        try:
            for box, value in zip((self.lat, self.lon), shown or (None, None), strict=True):
                box.setEnabled(shown is not None)  # typing needs a point to start from
                if value is not None and box.value() != value:
                    box.setValue(value)
        finally:
            self._showing = False
        if point:
            words = QCoreApplication.translate("PlacePanel", "Point: {lat:.4f}, {lon:.4f}")
            self.point.setText(words.format(lat=point["lat"], lon=point["lon"]))
        elif unplaced:
            self.point.setText(QCoreApplication.translate(
                "PlacePanel", "Not placed yet: the map leaves it out until you place it (click the map, type its "
                              "degrees or choose a gazetteer candidate)"))
        elif record and record.get("gazetteer"):
            words = QCoreApplication.translate("PlacePanel", "Point from the gazetteer cache: {key}")
            self.point.setText(words.format(key=record["gazetteer"]))
        else:
            self.point.setText("")

    def _typed_point(self) -> None:
        """Coordinates typed or nudged with the keys: the point follows, one undo step per visit to the field."""
        place_id = self.place_id()
        if self._showing or place_id is None:
            return
        try:
            self.editor.set_place_point(place_id, self.lat.value(), self.lon.value(), typing=True)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.show_point()
        self.place_chosen.emit(place_id)  # the handle on the map follows
