"""The editor's review tab: a draft's places and its dated statements, each walked one by one.

Places: each with the drafter's choice and the alternatives; confirm or choose
in one click. The ranking and the edits are the engine's
(:mod:`chronomap.authoring.review`); this lists them, shows the selected place on
the map, and says how much is left. Dated statements: the second page
(:mod:`chronomap.desk.studio_event_review`). While the review is open the article
beside the map marks every place name the machine found with its status
(:mod:`chronomap.authoring.review_marks`); a click on one selects it here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import Change, EditError, ExhibitEditor
from chronomap.authoring.place_search import PlaceSearch
from chronomap.authoring.review import LEFT, OWN, REVIEWED, TO_CHECK, UNPLACED, Candidate, PlaceReview, choose, confirm, review
from chronomap.authoring.review_events import read_article
from chronomap.authoring.review_marks import PlaceMark, place_marks, unresolved_names
from chronomap.desk.studio_event_review import EventReviewPanel
from chronomap.desk.studio_places import PlacePanel
from chronomap.map.bridge import MapCandidate
from chronomap.qt.article_panel import ArticlePanel

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow


class ReviewPanel(QWidget):
    """``place_selected(id)`` asks the window to show a place; ``problem(str)`` reports a refused edit."""

    place_selected = Signal(str)
    problem = Signal(str)
    candidates_found = Signal(list)  # [MapCandidate]: the listed candidates, for the map
    events_changed = Signal()  # the dated statements' review merged, dropped or re-dated an event

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
        self.search_button = QPushButton(self)
        self.kinds = QTabWidget(self)
        self.kinds.setObjectName("reviewKinds")
        self.places_page = QWidget(self.kinds)
        self.dates = EventReviewPanel(editor, self.kinds)
        self.kinds.addTab(self.places_page, "")
        self.kinds.addTab(self.dates, "")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.kinds)
        layout = QVBoxLayout(self.places_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.candidates, 1)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.choose_button)
        row.addWidget(self.not_place_button)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.places.currentItemChanged.connect(lambda *_: self._place_chosen())
        self.candidates.itemActivated.connect(lambda *_: self.choose_candidate())
        self.confirm_button.clicked.connect(self.confirm_place)
        self.choose_button.clicked.connect(self.choose_candidate)
        self.not_place_button.clicked.connect(self.not_a_place)
        self.search_button.clicked.connect(self.search_place)
        self.dates.problem.connect(self.problem)
        self.dates.edited.connect(self.events_changed)
        self.dates.progress_changed.connect(lambda *_: self._name_pages())
        self.kinds.currentChanged.connect(lambda _i: self.candidates_found.emit(self.map_candidates()))
        self._article: ArticlePanel | None = None
        self._window: MainWindow | None = None
        self._show: Callable[[], None] = lambda: None
        self._search_name: Callable[[str], None] = lambda _name: None
        self._unresolved: dict[str, list[str]] | None = None
        self._places_left = (0, 0)
        editor.listeners.append(self._changed)
        self.retranslate()

    # -- the article beside the map --------------------------------------------------------
    def attach(self, window: MainWindow, *, show: Callable[[], None], places: PlacePanel,
               show_places: Callable[[], None]) -> None:
        """Mark the window's article while reviewing; *show* brings this tab to the front; an unresolved
        name is searched in *places* (the Places tab, *show_places*). The window builds a new article
        panel and session whenever the editor's exhibit is drawn again: the marks follow them."""
        self._window, self._show = window, show

        def search_name(name: str) -> None:
            show_places()
            places.query.setText(name)
            places.run_search()

        self._search_name = search_name
        self.dates.event_selected.connect(self._go_to_event)
        window.exhibit_changed.connect(self._window_rebuilt)
        self._follow_article()

    def _follow_article(self) -> None:
        article = self._window.article if self._window is not None else None
        if article is not None and article is not self._article:
            self._article = article
            article.review_mark_clicked.connect(self._mark_clicked)

    def _window_rebuilt(self, _exhibit: object) -> None:
        had_marks = self._article is not None and shiboken6.isValid(self._article) and self._article.review_marks() is not None
        self._follow_article()
        if had_marks or self.isVisible():
            self._show_marks()

    def _show_marks(self) -> None:
        if self._article is not None and shiboken6.isValid(self._article):
            self._article.set_review_marks(self.marks())

    def _go_to_event(self, event_id: str) -> None:
        window = self._window
        if window is not None and window.exhibit.has_event(event_id):
            window.model.go_to_event(event_id)

    def detach(self) -> None:
        """Edit mode over: visitors' article again, without review marks."""
        if self._window is not None:
            self._window.exhibit_changed.disconnect(self._window_rebuilt)
            self._window = None
        if self._article is not None and shiboken6.isValid(self._article):
            self._article.review_mark_clicked.disconnect(self._mark_clicked)
            self._article.set_review_marks(None)
        self._article = None

    def marks(self) -> list[PlaceMark]:
        article = read_article(self.editor)
        if article is None:
            return []
        if self._unresolved is None:  # the article does not change in the editor: read it once
            self._unresolved = unresolved_names(article, self._search().index)
        return place_marks(self.editor, article, self._unresolved)

    def _mark_clicked(self, mark: PlaceMark) -> None:
        if mark.place_id is None:
            self._search_name(mark.name)
            return
        self._show()
        self.kinds.setCurrentWidget(self.places_page)
        for index in range(self.places.topLevelItemCount()):
            item = self.places.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == mark.place_id:
                self.places.setCurrentItem(item)
                self.places.setFocus()

    def _name_pages(self) -> None:
        left, total = self._places_left
        self.kinds.setTabText(0, self.tr("Places ({left} of {total} left)").format(left=left, total=total))
        left, total = self.dates.left()
        self.kinds.setTabText(1, self.tr("Dated statements ({left} of {total} left)").format(left=left, total=total))

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
        self.search_button.setText(self.tr("Search…"))
        self.search_button.setAccessibleName(self.tr("Search the gazetteer for this name in the Places tab"))
        self.progress.setAccessibleName(self.tr("Review progress"))
        self.kinds.setAccessibleName(self.tr("What to review"))
        self.dates.retranslate()
        self._name_pages()
        if self.reviews:
            self.refresh()

    def _status_word(self, status: str) -> str:
        return {TO_CHECK: self.tr("to check"), REVIEWED: self.tr("reviewed"), OWN: self.tr("own point"),
                UNPLACED: self.tr("not placed yet")}[status]

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
            where = (f"{chosen.place.name}, {chosen.found.country}" if chosen else
                     self.tr("nowhere: not on the map until placed") if item_review.status == UNPLACED else
                     self.tr("its own point"))
            item = QTreeWidgetItem([item_review.name, self._status_word(item_review.status), where])
            item.setData(0, Qt.ItemDataRole.UserRole, item_review.place_id)
            self.places.addTopLevelItem(item)
            if item_review.place_id == current:
                self.places.setCurrentItem(item)
        first = self.places.topLevelItem(0)
        if self.places.currentItem() is None and first is not None:
            self.places.setCurrentItem(first)
        self.places.blockSignals(False)
        left = sum(1 for r in self.reviews.values() if r.status in LEFT)
        self.progress.setText(self.tr("%n place(s) left to check", "", left) + f" / {len(self.reviews)}")
        self._places_left = (left, len(self.reviews))
        self._name_pages()
        self._show_candidates()
        self._show_marks()

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
        if place_review is None or self.kinds.currentWidget() is not self.places_page:
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

    def search_place(self) -> None:
        """None of the candidates is right: look the name up in the Places tab, by any spelling."""
        place_review = self.reviews.get(self.place_id() or "")
        if place_review is not None:
            self._search_name(place_review.name)

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
        if not self.dates.isVisible():
            self.dates.refresh()  # its count in its page's title, before the page is opened
