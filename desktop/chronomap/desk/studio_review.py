"""The editor's review tab: each place with the drafter's choice and the alternatives; confirm or choose in one click.

The ranking and the edits are the engine's (:mod:`chronomap.authoring.review`);
this lists them, shows the selected place on the map, and says how much is left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from chronomap.authoring.edits import Change, EditError, ExhibitEditor
from chronomap.authoring.place_search import PlaceSearch
from chronomap.authoring.review import OWN, REVIEWED, TO_CHECK, Candidate, PlaceReview, choose, confirm, review
from chronomap.map.bridge import MapCandidate


class ReviewPanel(QWidget):
    """``place_selected(id)`` asks the window to show a place; ``problem(str)`` reports a refused edit."""

    place_selected = Signal(str)
    problem = Signal(str)
    candidates_found = Signal(list)  # [MapCandidate]: the listed candidates, for the map

    def __init__(self, editor: ExhibitEditor, search: Callable[[], PlaceSearch], parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self._search = search
        self.reviews: dict[str, PlaceReview] = {}
        self.progress = QLabel(self)
        self.progress.setObjectName("reviewProgress")
        self.places = QTreeWidget(self)
        self.places.setObjectName("reviewPlaces")
        self.places.setRootIsDecorated(False)
        self.places.setColumnCount(3)
        self.candidates = QTreeWidget(self)
        self.candidates.setObjectName("reviewCandidates")
        self.candidates.setRootIsDecorated(False)
        self.candidates.setColumnCount(5)
        self.confirm_button = QPushButton(self)
        self.choose_button = QPushButton(self)
        self.not_place_button = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.candidates, 1)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.choose_button)
        row.addWidget(self.not_place_button)
        layout.addLayout(row)
        self.places.currentItemChanged.connect(lambda *_: self._place_chosen())
        self.candidates.itemActivated.connect(lambda *_: self.choose_candidate())
        self.confirm_button.clicked.connect(self.confirm_place)
        self.choose_button.clicked.connect(self.choose_candidate)
        self.not_place_button.clicked.connect(self.not_a_place)
        editor.listeners.append(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.places.setHeaderLabels([self.tr("Place"), self.tr("Status"), self.tr("Placed at")])
        self.candidates.setHeaderLabels([self.tr("Name"), self.tr("Country"), self.tr("Kind"), self.tr("Population"),
                                         self.tr("Distance")])
        self.places.setAccessibleName(self.tr("Places to review"))
        self.candidates.setAccessibleName(self.tr("Gazetteer candidates for the place"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.confirm_button.setAccessibleName(self.tr("Confirm the place where it is"))
        self.choose_button.setText(self.tr("Use this candidate"))
        self.choose_button.setAccessibleName(self.tr("Move the place to the selected candidate"))
        self.not_place_button.setText(self.tr("Not a place"))
        self.not_place_button.setAccessibleName(self.tr("Not a place: take it out of the exhibit"))
        self.progress.setAccessibleName(self.tr("Review progress"))
        if self.reviews:
            self.refresh()

    def _status_word(self, status: str) -> str:
        return {TO_CHECK: self.tr("to check"), REVIEWED: self.tr("reviewed"), OWN: self.tr("own point")}[status]

    # -- filling ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Review every place again (after an edit), keeping the selected one."""
        current = self.place_id()
        index = self._search()
        self.reviews = {r.place_id: r for r in review(self.editor, index)}
        self.places.blockSignals(True)
        self.places.clear()
        for item_review in self.reviews.values():
            chosen = item_review.candidates[item_review.chosen] if item_review.chosen is not None else None
            where = f"{chosen.place.name}, {chosen.found.country}" if chosen else self.tr("its own point")
            item = QTreeWidgetItem([item_review.name, self._status_word(item_review.status), where])
            item.setData(0, Qt.ItemDataRole.UserRole, item_review.place_id)
            self.places.addTopLevelItem(item)
            if item_review.place_id == current:
                self.places.setCurrentItem(item)
        first = self.places.topLevelItem(0)
        if self.places.currentItem() is None and first is not None:
            self.places.setCurrentItem(first)
        self.places.blockSignals(False)
        left = sum(1 for r in self.reviews.values() if r.status == TO_CHECK)
        self.progress.setText(self.tr("%n place(s) left to check", "", left) + f" / {len(self.reviews)}")
        self._show_candidates()

    def place_id(self) -> str | None:
        item = self.places.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _place_chosen(self) -> None:
        self._show_candidates()
        place_id = self.place_id()
        if place_id is not None:
            self.place_selected.emit(place_id)

    def map_candidates(self) -> list[MapCandidate]:
        """The candidates listed for the place under review, numbered as in the list."""
        place_review = self.reviews.get(self.place_id() or "")
        if place_review is None:
            return []
        return [{"lat": float(c.place.lat), "lon": float(c.place.lon), "label": c.place.name}
                for c in place_review.candidates]

    def _show_candidates(self) -> None:
        self.candidates.clear()
        place_review = self.reviews.get(self.place_id() or "")
        self.candidates_found.emit(self.map_candidates())
        if place_review is None:
            return
        for index, candidate in enumerate(place_review.candidates):
            place = candidate.place
            distance = self.tr("here") if index == place_review.chosen else (
                f"{candidate.km:,.0f} km" if candidate.km is not None else "")
            item = QTreeWidgetItem([place.name, candidate.found.country, place.kind,
                                    f"{place.population:,}" if place.population else "", distance])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.candidates.addTopLevelItem(item)
        alternative = next((i for i in range(len(place_review.candidates)) if i != place_review.chosen), None)
        target = self.candidates.topLevelItem(alternative if alternative is not None else 0)
        if target is not None:
            self.candidates.setCurrentItem(target)

    def candidate(self) -> Candidate | None:
        place_review = self.reviews.get(self.place_id() or "")
        item = self.candidates.currentItem()
        if place_review is None or item is None:
            return None
        return place_review.candidates[int(item.data(0, Qt.ItemDataRole.UserRole))]

    # -- one click -------------------------------------------------------------------------
    def confirm_place(self) -> None:
        place_id = self.place_id()
        if place_id is not None:
            self._run(lambda: confirm(self.editor, place_id))

    def choose_candidate(self) -> None:
        place_id, candidate = self.place_id(), self.candidate()
        if place_id is not None and candidate is not None:
            self._run(lambda: choose(self.editor, place_id, candidate))

    def not_a_place(self) -> None:
        """The drafter took a person's or an album's name for a place: out of the exhibit and its events."""
        place_id = self.place_id()
        if place_id is not None:
            self._run(lambda: self.editor.delete_place(place_id))

    def _run(self, edit: Callable[[], None]) -> None:
        try:
            edit()
        except EditError as exc:
            self.problem.emit(exc.message)

    def _changed(self, change: Change | None) -> None:
        if change is not None and change.places and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()
