"""The Places tab's gazetteer: search the offline gazetteer by any name, list the candidates (for the map
too), move the selected place onto one or add one, or add a place no gazetteer holds where the map looks.

A part of :class:`~chronomap.desk.studio_places.PlacePanel` (it holds the widgets); kept apart because
searching is its own subject.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QTreeWidget, QTreeWidgetItem

from chronomap.authoring.edits import EditError, ExhibitEditor
from chronomap.authoring.place_search import Found, PlaceSearch
from chronomap.map.bridge import MapCandidate

#: Gazetteer kinds as the story file names them.
KINDS = {"city": "city", "region": "region", "state": "state"}


class GazetteerSearch:
    """The search and its candidates; the panel provides the widgets and the event's places."""

    editor: ExhibitEditor
    event_id: str | None
    query: QLineEdit
    role: QLineEdit
    candidates: QTreeWidget
    places: QListWidget
    problem: Any
    candidates_found: Any
    _search: PlaceSearch | None
    _make_search: Callable[[], PlaceSearch]
    _timer: Any

    def show_event(self, event_id: str | None) -> None:
        raise NotImplementedError

    def _place_at(self, lat: float, lon: float) -> None:
        raise NotImplementedError

    def map_candidates(self) -> list[MapCandidate]:
        """The listed candidates, numbered as in the list, for the map."""
        out: list[MapCandidate] = []
        for row in range(self.candidates.topLevelItemCount()):
            item = self.candidates.topLevelItem(row)
            if item is None:
                continue
            found = item.data(0, Qt.ItemDataRole.UserRole)
            out.append({"lat": float(found.place.lat), "lon": float(found.place.lon), "label": found.place.name})
        return out


    def add_at(self, lat: float, lon: float) -> None:
        """A place no gazetteer holds (a coal basin, a village): named as typed in the search box, put where the map looks."""
        if self.event_id is None:
            return
        try:
            new = self.editor.add_place(self.query.text(), lat, lon, kind="city", event_id=self.event_id,
                                        role=self.role.text())
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.show_event(self.event_id)
        for row in range(self.places.count()):
            if self.places.item(row).data(Qt.ItemDataRole.UserRole) == new:
                self.places.setCurrentRow(row)


    def search_index(self) -> PlaceSearch:
        if self._search is None:
            self._search = self._make_search()
        return self._search

    def run_search(self) -> None:
        self._timer.stop()
        self.candidates.clear()
        for found in self.search_index().search(self.query.text()):
            place = found.place
            via = "" if found.via in ("name", "cache") else f" ({found.matched})"
            item = QTreeWidgetItem([place.name + via, found.country, place.kind,
                                    f"{place.population:,}" if place.population else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, found)
            self.candidates.addTopLevelItem(item)
        first = self.candidates.topLevelItem(0)
        if first is not None:
            self.candidates.setCurrentItem(first)
        self.candidates_found.emit(self.map_candidates())

    def candidate(self) -> Found | None:
        item = self.candidates.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def use_candidate(self) -> None:
        """The selected place moves onto the chosen candidate."""
        found = self.candidate()
        if found is not None:
            self._place_at(found.place.lat, found.place.lon)

    def add_candidate(self) -> None:
        """The chosen candidate becomes a new place of this event, with the role typed beside the button."""
        found = self.candidate()
        if found is None or self.event_id is None:
            return
        try:
            new = self.editor.add_place(found.place.name, found.place.lat, found.place.lon,
                                        kind=KINDS.get(found.place.kind, "city"), event_id=self.event_id,
                                        role=self.role.text())
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.show_event(self.event_id)
        for row in range(self.places.count()):
            if self.places.item(row).data(Qt.ItemDataRole.UserRole) == new:
                self.places.setCurrentRow(row)
