"""Edit mode of the desk: the exhibit editor docked beside the explorer's own map, article and timeline.

Input → :class:`~chronomap.authoring.edits.ExhibitEditor` (the Qt-free model:
commands, undo, validation, save) → the explorer's session and presenter →
the views. After each edit the documents are loaded by the engine's loader;
what it accepts is shown at once on the same map, card, article and slider a
visitor will see, what it refuses is listed (click a problem to go to its
event) and nothing is saved until it loads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import Change, ExhibitEditor, SaveRefused
from chronomap.desk.studio_events import EventPanel
from chronomap.desk.studio_exhibit import ExhibitPanel
from chronomap.desk.studio_map import EditingSurfaces, show_in_window
from chronomap.desk.studio_media import add_media_tab
from chronomap.desk.studio_passages import PassagePanel
from chronomap.desk.studio_places import PlacePanel
from chronomap.desk.studio_problems import ProblemList
from chronomap.desk.studio_review import ReviewPanel
from chronomap.desk.studio_undo import StudioUndo
from chronomap.story.model import Exhibit, ExhibitError, Problem

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow

log = logging.getLogger("chronomap.studio")
#: Typing is shown on the map after this pause (each check loads the whole exhibit: ~10 ms here).
PREVIEW_DELAY_MS = 150


def ask_unsaved_choice(parent: QWidget, title: str, text: str, can_cancel: bool = True) -> str:
    """'save', 'discard' or 'cancel': what to do with unsaved edits (one function, so tests can answer it)."""
    buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
    if can_cancel:
        buttons |= QMessageBox.StandardButton.Cancel
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Save)
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")


def ask_yes(parent: QWidget, title: str, text: str) -> bool:
    """A yes-or-no question (one function, so tests can answer it)."""
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


class StudioPanel(QWidget):
    """Events, the selected event's form, its translations and places, problems, undo and save.

    The tabs are a list (:meth:`add_tab`): a panel for a new subject is one more page, with its title.
    """

    saved = Signal(list)  # names written
    ended = Signal()  # the window opened another exhibit: edit mode is over

    def __init__(self, window: MainWindow, editor: ExhibitEditor, search: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.editor = editor
        self._redraw_page = False
        self.applying = False  # the window's exhibit is being replaced by this editor's
        self.exhibit: Exhibit | None = None
        self.undo_stack = StudioUndo(editor, window, window.edit_menu)
        self.act_undo, self.act_redo = self.undo_stack.act_undo, self.undo_stack.act_redo
        self.event_tab = EventPanel(window, editor, lambda: self.exhibit, self)
        tab = self.event_tab  # the events' widgets, by the names the studio has always had
        self.events, self.buttons, self.title, self.summary, self.date = tab.events, tab.buttons, tab.title, tab.summary, tab.date
        self.date_note, self.translations = tab.date_note, tab.translations
        self.relative_to, self.relative_days = tab.relative_to, tab.relative_days
        self.relative_phrase, self.relative_apply = tab.relative_phrase, tab.relative_apply
        self.places = PlacePanel(editor, search, self)
        self.places.drawn_at = self._drawn_at
        self.review = ReviewPanel(editor, self.places.search_index, self)
        self.exhibit_panel = ExhibitPanel(editor, self)
        self.passages = PassagePanel(editor, self)
        self.surfaces = EditingSurfaces(window, editor, self.places, self.passages, self._tab_candidates, self.show_problem,
                                        self.undo_stack.keys.watch)
        self.problems = ProblemList(self)
        self.status = QLabel(self)
        self.status.setObjectName("studioStatus")
        self.status.setWordWrap(True)
        self.undo_button, self.redo_button, self.save_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        window.addAction(self.act_save)  # Ctrl+S wherever the focus is in the window, the map too

        # layout: list and its buttons | the tabs
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.event_tab, 3)
        save_row = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.save_button):
            save_row.addWidget(button)
        left_layout.addLayout(save_row)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.problems, 1)
        self.tabs = QTabWidget(self)
        self._tab_titles: list[tuple[QScrollArea, Callable[[], str]]] = []
        for page, title in ((tab.form_page, lambda: self.tr("Event")), (tab.grid_page, lambda: self.tr("Translations")),
                            (self.places, lambda: self.tr("Places")), (self.passages, lambda: self.tr("Passages")),
                            (self.review, lambda: self.tr("Review")), (self.exhibit_panel, lambda: self.tr("Exhibit"))):
            self.add_tab(page, title)
        self.media_panel = add_media_tab(self)  # issue 15: the Media tab (desk/studio_media.py)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(splitter)

        # input → the model
        tab.shown.connect(self._event_shown)
        tab.problem.connect(self.show_problem)
        tab.added.connect(lambda: self.tabs.setCurrentIndex(0))
        self.places.wants_centre.connect(lambda place: self.surfaces.place_at_centre(place, self._no_centre))
        self.exhibit_panel.wants_view.connect(self.surfaces.current_view)
        self.review.place_selected.connect(self.window_.presenter.show_place)
        self.review.attach(window, show=lambda: self.show_tab(self.review), places=self.places,
                           show_places=lambda: self.show_tab(self.places))
        self.review.events_changed.connect(lambda: self.event_tab.fill())
        self.passages.event_added.connect(lambda event_id: self.event_tab.fill(select=event_id))
        self.problems.go_to.connect(self._go_to_problem)
        self.tabs.currentChanged.connect(lambda _index: self.surfaces.show_candidates(self._tab_candidates()))
        for button, act in ((self.undo_button, self.act_undo), (self.redo_button, self.act_redo), (self.save_button, self.act_save)):
            button.clicked.connect(act.trigger)
        self.undo_stack.replayed.connect(self._replayed)
        for act in (self.act_undo, self.act_redo):
            act.changed.connect(self._button_tips)
        self.act_save.triggered.connect(self.save)
        self.surfaces.redraw_needed.connect(self._redraw)

        # the model → the views
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        editor.listeners.append(self._changed)
        window.exhibit_changed.connect(self._exhibit_changed)
        self._follow_session()
        self.undo_stack.keys.watch([*self.findChildren(QLineEdit), *self.findChildren(QPlainTextEdit),
                                    *self.findChildren(QAbstractSpinBox)])
        self.surfaces.arm()
        self.retranslate()
        if editor.recovered() is not None and ask_yes(
                window, self.tr("Unsaved work found"),
                self.tr("Changes to this exhibit were not saved when Chronomap last stopped. Restore them?")):
            editor.restore_recovery()
            self._redraw_page = True
        self.preview()  # first, so the list shows the dates as visitors will read them
        self.event_tab.fill(select=self._focus_id())

    def add_tab(self, page: QWidget, title: Callable[[], str], index: int | None = None) -> None:
        """One more tab: *page* (scrolled, so the events list keeps its room) named by *title* in the interface
        language. What the page has is wired: ``retranslate()`` is called with the studio's words, a
        ``problem(str)`` signal goes to the status line, ``candidates_found(list)`` and ``map_candidates()``
        put numbered rings on the map while the tab is in front."""
        area = _scrolled(page)
        problem = getattr(page, "problem", None)  # a refused edit, said in the status line
        if isinstance(problem, SignalInstance):
            problem.connect(self.show_problem)
        found = getattr(page, "candidates_found", None)  # rings on the map while the tab is in front
        if isinstance(found, SignalInstance):
            found.connect(lambda candidates, source=page: self._show_candidates(source, candidates))
        if index is None:
            self.tabs.addTab(area, title())
        else:
            self.tabs.insertTab(index, area, title())
        self._tab_titles.append((area, title))

    # -- words ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for area, title in self._tab_titles:
            self.tabs.setTabText(self.tabs.indexOf(area), title())
            words = getattr(area.widget(), "retranslate", None)  # a tab's page with words of its own
            if callable(words):
                words()
        self.problems.setAccessibleName(self.tr("Problems that stop a save"))
        self.status.setAccessibleName(self.tr("Editor status"))
        self.act_save.setText(self.tr("Save"))
        self.undo_stack.retranslate_steps()
        for button, act, text in ((self.undo_button, self.act_undo, self.tr("Undo")),
                                  (self.redo_button, self.act_redo, self.tr("Redo")),
                                  (self.save_button, self.act_save, self.tr("Save"))):
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self._button_tips()

    def _button_tips(self) -> None:
        for button, act in ((self.undo_button, self.act_undo), (self.redo_button, self.act_redo)):
            button.setToolTip(act.toolTip())
            button.setEnabled(act.isEnabled())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list and the form -----------------------------------------------------------------
    def _exhibit_changed(self, _exhibit: Exhibit) -> None:
        self._follow_session()
        self.surfaces.arm()
        if not self.applying:  # File → Open or New: another exhibit took the window
            self.ask_unsaved(can_cancel=False)
            self.ended.emit()

    def ask_unsaved(self, can_cancel: bool = True) -> bool:
        """Unsaved edits are saved or discarded as the curator says; False to stay (cancel, or a refused save)."""
        if not self.editor.dirty:
            return True
        choice = ask_unsaved_choice(self, self.tr("Unsaved changes"),
                                    self.tr("The exhibit has changes that are not saved. Save them?"), can_cancel)
        if choice == "save":
            return self.save() or not can_cancel
        return choice == "discard"

    def _follow_session(self) -> None:
        """The list follows the explorer's moment (slider, keys, article clicks); the window's session
        is new after the page is drawn again, so this is wired again each time."""
        self.window_.model.changed.connect(self._moment_changed)
        self.window_.model.language_changed.connect(lambda _lang: self.event_tab.refresh_labels(self.exhibit))

    def _moment_changed(self, moment: Any) -> None:
        focus = moment.focus
        if focus is not None and focus.id != self.event_id():
            self.event_tab.select(focus.id)

    def _event_shown(self, event_id: str | None) -> None:
        self.places.show_event(event_id)
        self.passages.show_event(event_id, self.exhibit)
        self.exhibit_panel.refresh()

    def show_tab(self, page: QWidget) -> None:
        """Bring one of the tabs (its page, inside the scroll area that holds it) to the front."""
        for index in range(self.tabs.count()):
            area = self.tabs.widget(index)
            if isinstance(area, QScrollArea) and area.widget() is page:
                self.tabs.setCurrentIndex(index)
                return

    def _focus_id(self) -> str | None:
        focus = self.window_.model.moment.focus
        return focus.id if focus else None

    def event_id(self) -> str | None:
        return self.event_tab.event_id()

    def _drawn_at(self, place_id: str) -> tuple[float, float] | None:
        place = self.exhibit.places.get(place_id) if self.exhibit is not None else None
        return (place.lat, place.lon) if place is not None else None

    def _no_centre(self) -> None:
        self.show_problem(self.tr("The map did not say where it is looking; try again."))

    def _tab_candidates(self) -> list:
        """What the tab in front lists (the Places tab's search, the Review tab's place), for the map."""
        listed = getattr(self._front_page(), "map_candidates", None)
        return list(listed()) if callable(listed) else []

    def _front_page(self) -> QWidget | None:
        area = self.tabs.currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else None

    def _show_candidates(self, source: QWidget, candidates: list) -> None:
        if source is self._front_page():
            self.surfaces.show_candidates(candidates)

    # -- undo and save -------------------------------------------------------------------------
    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def _replayed(self) -> None:
        self.event_tab.seal()
        self.event_tab.fill()

    def save(self) -> bool:
        self._timer.stop()
        problem = self.event_tab.date_problem()
        if problem:
            self.show_problem(self.tr("Not saved: the date field holds a date the timeline cannot read ({problem}).").format(
                problem=problem))
            return False
        self.event_tab.seal()  # the saved date is where the next refused typing falls back to
        outside = self.editor.changed_on_disk() if self.editor.dirty else []
        if outside and not ask_yes(self, self.tr("Changed on disk"),
                                   self.tr("{files} changed on disk since the editor opened it. Overwrite it with "
                                           "your version?").format(files=", ".join(outside))):
            self.show_problem(self.tr("Not saved: {files} changed on disk; reopen the exhibit to see that version.").format(
                files=", ".join(outside)))
            return False
        try:
            written = self.editor.save(overwrite_changes=bool(outside))
        except SaveRefused as exc:
            self.show_problem(str(exc))
            return False
        except OSError as exc:
            self.show_problem(self.tr("Not saved: {reason}").format(reason=exc))
            return False
        self.status.setText(self.tr("Saved: {files}").format(files=", ".join(written)) if written
                            else self.tr("Nothing to save: the files are unchanged."))
        self.saved.emit(written)
        return True

    def show_problem(self, message: str) -> None:
        self.status.setText(message)

    # -- the model → the explorer's views ----------------------------------------------------
    def _changed(self, change: Change | None) -> None:
        if change is not None:
            self._redraw_page = self.surfaces.note_change(change) or self._redraw_page
            self._timer.start()
        self._update_title()

    def _redraw(self) -> None:
        self._redraw_page = True
        self._timer.start()

    def _update_title(self) -> None:
        title = self.window_.windowTitle().removesuffix(" *")
        self.window_.setWindowTitle(title + (" *" if self.editor.dirty else ""))

    def preview(self) -> None:
        """Load the documents; show what loads on the explorer's views, list what does not."""
        self._timer.stop()
        try:
            self.editor.write_recovery()
        except OSError as exc:
            log.warning("could not keep unsaved work for recovery: %s", exc)
        try:
            exhibit = self.editor.load()
        except ExhibitError as exc:
            self._list_problems(exc.problems)
            return
        self._list_problems([])
        first = self.exhibit is None
        self.exhibit = exhibit
        if not first or self._redraw_page:
            self.applying = True
            try:
                show_in_window(self.window_, exhibit, self.event_id(), self._redraw_page)
            finally:
                self.applying = False
            if not self._redraw_page:
                self.surfaces.move_points(exhibit)
        self._redraw_page = False
        self.places.show_point()  # a point undone back to the gazetteer's, as the exhibit now draws it
        self.passages.show_event(self.event_id(), exhibit)
        self.event_tab.refresh_labels(exhibit)
        self._update_title()

    def _list_problems(self, problems: list[Problem]) -> None:
        self.problems.show_problems(problems)
        if problems:
            self.status.setText(self.tr("%n problem(s): the map shows the last version that loaded.", "", len(problems)))
        elif self.status.text().startswith(("not saved", "Not saved")) or self.problems.count() == 0:
            self.status.setText("")

    def _go_to_problem(self, index: int, field: str) -> None:
        records = self.editor.story["events"]
        if index < len(records):
            self.event_tab.select(str(records[index].get("id")), quiet=False)
            self.tabs.setCurrentIndex(0)
            self.event_tab.focus_field(field)

    def close_undo(self) -> None:
        """Edit mode over: the window's Undo, Redo and Save are the editor's no longer."""
        self.undo_stack.close()
        self.window_.removeAction(self.act_save)


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea(page.parentWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


def __getattr__(name: str) -> Any:
    """``StudioDock`` and ``open_studio`` live in :mod:`~chronomap.desk.studio_dock` (which builds on this
    module); they are still found here, where they were first."""
    if name in ("StudioDock", "open_studio"):
        from chronomap.desk import studio_dock

        return getattr(studio_dock, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
