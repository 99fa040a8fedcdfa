"""The explorer's map and article as the editor's surfaces: clicks place points, a handle drags them,
candidates show as rings, a selection in the article picks sentences.

The window makes a new map view and article when it draws its page again, so
they are wired again each time (:meth:`EditingSurfaces.arm`). A place whose
point is all that changed is moved on the page as it is (``chronomap.movePlace``):
no new page, no lost pan or zoom; anything else about places draws the page again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from chronomap.authoring.edits import Change, ExhibitEditor
from chronomap.desk.studio_passages import PassagePanel
from chronomap.desk.studio_places import PlacePanel
from chronomap.story.model import Exhibit

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow

#: Keys of a place record the page can take without being drawn again (where its point is).
MOVABLE_KEYS = frozenset({"point", "gazetteer"})


def moved_places(change: Change, story_name: str) -> set[str] | None:
    """The places *change* only moved (their point, nothing else in any document), or None when the page
    must be drawn again."""
    def without_points(docs: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        docs = copy.deepcopy(docs)
        points = {}
        for record in docs.get(story_name, {}).get("places", []):
            points[str(record.get("id"))] = {k: record.pop(k) for k in sorted(MOVABLE_KEYS & record.keys())}
        return docs, points

    (before, old), (after, new) = without_points(change.before), without_points(change.after)
    if before != after:
        return None
    return {place_id for place_id in old if old[place_id] != new.get(place_id)}


class EditingSurfaces(QObject):
    """Clicks, drags, candidates and the article's selection, between the window's views and the panels.

    ``redraw_needed()`` asks the studio to draw the page again (a place the page did not know).
    """

    redraw_needed = Signal()

    def __init__(self, window: MainWindow, editor: ExhibitEditor, places: PlacePanel, passages: PassagePanel,
                 candidates: Callable[[], list], status: Callable[[str], None],
                 keys: Callable[[list[QWidget]], None] = lambda widgets: None):
        super().__init__(window)
        self.window_ = window
        self.editor = editor
        self.places = places
        self.passages = passages
        self._candidates = candidates
        self._status = status
        self._keys = keys  # the editor's undo keys, on the page's focus proxy too
        self._click: Callable[[float, float], None] | None = None  # what the next click on the map does
        self._armed_view: Any = None
        self._armed_article: Any = None
        self._moved: set[str] = set()  # places to move on the page once the edited exhibit loads
        self._over = False  # edit mode ended: the reopened page is the explorer's, not ours
        places.wants_click.connect(self.wait_for_click)
        places.place_chosen.connect(lambda _pid: self.show_handle())

    # -- wiring ------------------------------------------------------------------------------
    def arm(self) -> None:
        """The window's map view and article (new ones each time the page is drawn again) report here."""
        if self._over:
            return
        article = self.window_.article
        if article is not self._armed_article:
            self._armed_article = article
            article.selectionChanged.connect(self._article_selection_changed)
            self._article_selection_changed()
        view = self.window_.map_view
        if view is self._armed_view:
            return
        self._armed_view = view
        view.map_clicked.connect(self._map_clicked)
        view.place_clicked.connect(self._place_clicked)
        view.place_moved.connect(self._handle_dropped)
        view.ready.connect(self._map_ready)  # after every load, a recovery too
        if view.is_ready:
            self._map_ready()

    def disarm(self) -> None:
        """Edit mode over: the page reports no clicks and shows no handle or candidates."""
        view = self._armed_view
        if view is not None and shiboken6.isValid(view):
            view.map_clicked.disconnect(self._map_clicked)
            view.place_clicked.disconnect(self._place_clicked)
            view.place_moved.disconnect(self._handle_dropped)
            view.ready.disconnect(self._map_ready)
            view.set_editing(False)
        self._armed_view = None
        self._over = True  # the window reopening the saved folder must not arm the page again
        self.deleteLater()

    def _map_ready(self) -> None:
        self._moved.clear()  # a page drawn from the new exhibit has every point where it is
        view = self.window_.map_view
        self._keys([view.input_target()])
        view.set_editing(True)
        self.show_handle()
        view.show_candidates(self._candidates())

    # -- points ------------------------------------------------------------------------------
    def note_change(self, change: Change) -> bool:
        """Whether the page must be drawn again for *change*; the places it only moved are moved later."""
        if not change.places:
            return False
        moved = moved_places(change, self.editor.story_name)
        if moved is None:
            return True
        self._moved |= moved
        return False

    def move_points(self, exhibit: Exhibit) -> None:
        """The places moved since the last look, where the loaded exhibit has them now, on the page as it is."""
        view = self.window_.map_view
        moved, self._moved = self._moved, set()
        if not view.is_ready:
            return
        for place_id in sorted(moved):
            place = exhibit.places.get(place_id)
            if place is None:
                continue

            def known(result: Any) -> None:
                if result is not True:
                    self.redraw_needed.emit()

            view.move_place(place_id, place.lat, place.lon, known)
        self.show_handle(exhibit)

    def show_handle(self, exhibit: Exhibit | None = None) -> None:
        """The draggable handle on the selected place, where the model has it now."""
        place_id = self.places.place_id()
        view = self.window_.map_view
        if place_id is None or not view.is_ready:
            return
        point = self.editor.place(place_id).get("point")
        exhibit = exhibit or self.window_.exhibit
        if point:
            view.move_place(place_id, float(point["lat"]), float(point["lon"]))
        elif exhibit is not None and place_id in exhibit.places:
            place = exhibit.places[place_id]
            view.move_place(place_id, place.lat, place.lon)

    def show_candidates(self, candidates: list) -> None:
        self.window_.map_view.show_candidates(candidates)

    def place_at_centre(self, place: Callable[[float, float], None], failed: Callable[[], None],
                        again: bool = True) -> None:
        """*place* at the centre of the map as the page shows it; a page being drawn again is asked once it is."""
        view = self.window_.map_view
        if not view.is_ready:  # the last edit is being drawn: its page knows the centre once it is ready
            view.ready.connect(lambda: self.place_at_centre(place, failed, again),
                               Qt.ConnectionType.SingleShotConnection)
            return

        def answer(snapshot: dict | None) -> None:
            centre = (snapshot or {}).get("center")
            if centre:
                place(float(centre[0]), float(centre[1]))
            elif again and not self.window_.map_view.is_ready:  # the page went away under the question
                self.place_at_centre(place, failed, again=False)
            else:
                failed()

        view.query(answer)

    def current_view(self, then: Callable[[list | None], None]) -> None:
        """The page's view as ``[[south, west], [north, east]]`` (None when the page did not say)."""
        self.window_.map_view.query(lambda snapshot: then((snapshot or {}).get("bounds")))

    # -- clicks and drags --------------------------------------------------------------------
    def wait_for_click(self, then: Callable[[float, float], None] | None) -> None:
        self._click = then
        if then is not None:
            self._status(self.tr("Click the map where the place is."))

    def _map_clicked(self, lat: float, lon: float) -> None:
        then, self._click = self._click, None
        if then is not None:
            self._status("")
            then(lat, lon)

    def _place_clicked(self, place_id: str) -> None:
        """A click waited for that lands on a place's dot or label (they take the click from the map): the
        point goes where that place is drawn. An area (a country, an outline) passes the click on to the map,
        which says where in it. Not waiting for a click, it selects that place among the event's places."""
        exhibit = self.window_.exhibit
        place = exhibit.places.get(place_id) if exhibit is not None else None
        if self._click is not None and place is not None and place.region is None:
            self._map_clicked(place.lat, place.lon)
        elif self._click is None:  # a plain click on a place in edit mode: that place in the Places tab
            self.places.select_place(place_id)

    def _handle_dropped(self, place_id: str, lat: float, lon: float) -> None:
        self.places.place_point(place_id, lat, lon)

    # -- the article -------------------------------------------------------------------------
    def _article_selection_changed(self) -> None:
        """The sentences the selection in the article panel touches (of the article shown: a translation's
        own sentences are not the story's)."""
        article = self.window_.article
        cursor = article.textCursor()
        touched: list[str] = []
        if cursor.hasSelection() and article.shown_language == article.exhibit.language:
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            for sentence_id in self.passages.article_sentence_ids():
                try:
                    first, last = article.sentence_range(sentence_id)
                except KeyError:
                    continue
                if first < end and last > start:
                    touched.append(sentence_id)
        self.passages.set_article_selection(touched)


def show_in_window(window: MainWindow, exhibit: Exhibit, event_id: str | None, redraw_page: bool) -> None:
    """Show an edited exhibit in the window's views, at *event_id*.

    Texts and dates go through the presenter into the existing views (the page is not
    reloaded); new or moved places need the page drawn again, which the window does.
    """
    if redraw_page:
        window.replace_exhibit(exhibit)
        timeline = window.model.timeline
        if event_id and exhibit.has_event(event_id):
            window.model.set_moment(timeline.moment_for_event(event_id))
        window.presenter.refresh()
        return
    presenter = window.presenter
    presenter.replace_exhibit(exhibit, event_id)
    # the window's own names for what it shows (its export and About read them)
    window.exhibit, window.timeline, window.builder = exhibit, presenter.session.timeline, presenter.builder
