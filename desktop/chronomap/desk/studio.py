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
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import Change, EditError, ExhibitEditor, SaveRefused
from chronomap.desk.studio_dates import DateField
from chronomap.desk.studio_exhibit import ExhibitPanel
from chronomap.desk.studio_media import add_media_tab
from chronomap.desk.studio_passages import PassagePanel
from chronomap.desk.studio_places import PlacePanel
from chronomap.desk.studio_review import ReviewPanel
from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.story.model import Exhibit, ExhibitError, Problem
from chronomap.story.schema import MAX_OFFSET_DAYS

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow

log = logging.getLogger("chronomap.studio")
#: Typing is shown on the map after this pause (each check loads the whole exhibit: ~10 ms here).
PREVIEW_DELAY_MS = 150
#: The events list keeps at least this height (px) above the form, which scrolls.
EVENTS_MIN_HEIGHT = 170
#: The editor keeps at least this width beside the map (px).
EDITOR_MIN_WIDTH = 420
_EVENT_PATH = re.compile(r"^events\[(\d+)\]")


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


class StudioPanel(QWidget):
    """Events, the selected event's form, its translations and places, problems, undo and save."""

    saved = Signal(list)  # names written
    ended = Signal()  # the window opened another exhibit: edit mode is over

    def __init__(self, window: MainWindow, editor: ExhibitEditor, search: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.editor = editor
        self._redraw_page = False
        self._loading = False
        self.applying = False  # the window's exhibit is being replaced by this editor's
        self.exhibit: Exhibit | None = None
        languages = [lang for lang in LANGUAGES if lang != editor.main_language]

        self.events = QListWidget(self)
        self.events.setObjectName("studioEvents")
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.buttons = {key: QPushButton(self) for key in ("add", "duplicate", "delete", "up", "down")}
        self.title = QLineEdit(self)
        self.title.setObjectName("studioTitle")
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("studioSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(140)
        self.date = DateField(editor.check_date, self)
        self.date_note = QLineEdit(self)
        self.relative = QWidget(self)
        self.relative_to = QComboBox(self.relative)
        self.relative_days = QSpinBox(self.relative)
        self.relative_days.setRange(-MAX_OFFSET_DAYS, MAX_OFFSET_DAYS)
        self.relative_phrase = QLineEdit(self.relative)
        self.relative_apply = QPushButton(self.relative)
        self.relative_to.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.relative_to.setMinimumContentsLength(24)
        relative_grid = QGridLayout(self.relative)
        relative_grid.setContentsMargins(0, 0, 0, 0)
        relative_grid.addWidget(self.relative_to, 0, 0, 1, 3)
        relative_grid.addWidget(self.relative_days, 1, 0)
        relative_grid.addWidget(self.relative_phrase, 1, 1)
        relative_grid.addWidget(self.relative_apply, 1, 2)
        relative_grid.setColumnStretch(1, 1)
        self.translations: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        self.places = PlacePanel(editor, search, self)
        self.review = ReviewPanel(editor, self.places.search_index, self)
        self.exhibit_panel = ExhibitPanel(editor, self)
        self.passages = PassagePanel(editor, self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("studioProblems")
        self.status = QLabel(self)
        self.status.setObjectName("studioStatus")
        self.status.setWordWrap(True)
        self.undo_button, self.redo_button, self.save_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.act_undo = QAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = QAction(self)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        for act in (self.act_undo, self.act_redo, self.act_save):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)

        # layout: list and its buttons | form, translations, places
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.events, 3)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        left_layout.addLayout(row)
        save_row = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.save_button):
            save_row.addWidget(button)
        left_layout.addLayout(save_row)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.problems, 1)
        self.problems.hide()

        form_page = QWidget(self)
        self.form = QFormLayout(form_page)
        self.form_labels = []
        for row_widget in (self.title, self.summary, self.date, self.relative, self.date_note):
            label = QLabel(form_page)
            label.setBuddy({self.date: self.date.edit, self.relative: self.relative_to}.get(row_widget, row_widget))
            self.form_labels.append(label)
            self.form.addRow(label, row_widget)
        grid_page = QWidget(self)
        grid = QGridLayout(grid_page)
        self._column_titles = []
        for column, lang in enumerate([editor.main_language, *languages]):
            heading = QLabel(NATIVE_NAMES.get(lang, lang), grid_page)
            grid.addWidget(heading, 0, column)
            self._column_titles.append(heading)
            for row_index, field in enumerate(("title", "summary", "date_note"), start=1):
                widget: QLineEdit | QPlainTextEdit
                if field == "summary":
                    widget = QPlainTextEdit(grid_page)
                    widget.setTabChangesFocus(True)
                else:
                    widget = QLineEdit(grid_page)
                if lang == editor.main_language:
                    widget.setReadOnly(True)  # the main texts are edited in the form; shown here to translate from
                grid.addWidget(widget, row_index, column)
                self.translations[(lang, field)] = widget
        self.tabs = QTabWidget(self)
        # every tab scrolls, so the events list keeps its room and the window fits a small screen
        for page in (form_page, grid_page, self.places, self.passages, self.review, self.exhibit_panel):
            self.tabs.addTab(_scrolled(page), "")
        self.media_panel = add_media_tab(self)  # issue 15: the Media tab (desk/studio_media.py)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.events.setMinimumHeight(EVENTS_MIN_HEIGHT)  # about ten events in view
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(splitter)

        # input → the model
        self.events.currentItemChanged.connect(lambda *_: self._event_selected())
        self.buttons["add"].clicked.connect(self.add_event)
        self.buttons["duplicate"].clicked.connect(lambda: self._command(lambda eid: self.editor.duplicate_event(eid)))
        self.buttons["delete"].clicked.connect(self.delete_event)
        self.buttons["up"].clicked.connect(lambda: self._command(lambda eid: self.editor.move_event(eid, -1)))
        self.buttons["down"].clicked.connect(lambda: self._command(lambda eid: self.editor.move_event(eid, 1)))
        self.title.textEdited.connect(lambda text: self._set_text("title", text))
        self.summary.textChanged.connect(lambda: self._set_text("summary", self.summary.toPlainText()))
        self.date.date_edited.connect(self._set_date)
        self.date.date_refused.connect(self._date_refused)
        self.relative_apply.clicked.connect(self.set_relative)
        self._date_start: str | None = None  # the date when this typing began, restored while the text is refused
        self.date_note.textEdited.connect(lambda text: self._set_text("date_note", text))
        for (lang, field), widget in self.translations.items():
            if lang == editor.main_language:
                continue
            if isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda w=widget, code=lang, f=field: self._set_text(f, w.toPlainText(), code))
            else:
                widget.textEdited.connect(lambda text, code=lang, f=field: self._set_text(f, text, code))
        for widget in (self.title, self.date.edit, self.date_note):
            widget.editingFinished.connect(self._seal)
        self.places.problem.connect(self.show_problem)
        self.places.wants_centre.connect(self._place_at_centre)
        self.places.wants_click.connect(self._wait_for_click)
        self.places.place_chosen.connect(lambda _pid: self._show_handle())
        self.places.candidates_found.connect(lambda found: self._show_candidates(self.places, found))
        self.review.candidates_found.connect(lambda found: self._show_candidates(self.review, found))
        self.review.problem.connect(self.show_problem)
        self.exhibit_panel.problem.connect(self.show_problem)
        self.passages.problem.connect(self.show_problem)
        self.review.place_selected.connect(self._show_place)
        self.problems.itemActivated.connect(self._problem_activated)
        self.tabs.currentChanged.connect(lambda _index: self.window_.map_view.show_candidates(self._tab_candidates()))
        self.problems.itemClicked.connect(self._problem_activated)
        for button, act in ((self.undo_button, self.act_undo), (self.redo_button, self.act_redo), (self.save_button, self.act_save)):
            button.clicked.connect(act.trigger)
        self.act_undo.triggered.connect(self.undo)
        self.act_redo.triggered.connect(self.redo)
        self.act_save.triggered.connect(self.save)

        # the model → the views
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        editor.listeners.append(self._changed)
        window.exhibit_changed.connect(self._exhibit_changed)
        self._follow_session()
        self._click: Callable[[float, float], None] | None = None  # what the next click on the map does
        self._armed_view: Any = None
        self._armed_article: Any = None
        self._arm_map()
        self.retranslate()
        if editor.recovered() is not None and ask_yes(
                window, self.tr("Unsaved work found"),
                self.tr("Changes to this exhibit were not saved when Chronomap last stopped. Restore them?")):
            editor.restore_recovery()
            self._redraw_page = True
        self.preview()  # first, so the list shows the dates as visitors will read them
        self._fill_events(select=self._focus_id())

    # -- words ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        words = {"add": (self.tr("Add"), self.tr("Add an event after the selected one")),
                 "duplicate": (self.tr("Duplicate"), self.tr("Duplicate the selected event")),
                 "delete": (self.tr("Delete"), self.tr("Delete the selected event")),
                 "up": (self.tr("Earlier"), self.tr("Move before the other event on the same day")),
                 "down": (self.tr("Later"), self.tr("Move after the other event on the same day"))}
        for key, (text, tip) in words.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
            self.buttons[key].setAccessibleName(tip)
        self.events.setAccessibleName(self.tr("Events in time order"))
        self.title.setAccessibleName(self.tr("Title"))
        self.summary.setAccessibleName(self.tr("Summary"))
        self.date_note.setAccessibleName(self.tr("Date note"))
        self.relative_to.setAccessibleName(self.tr("The event this date is counted from"))
        self.relative_days.setAccessibleName(self.tr("Days after it (negative: before)"))
        self.relative_days.setSuffix(self.tr(" days"))
        self.relative_phrase.setAccessibleName(self.tr("The article's words for it"))
        self.relative_phrase.setPlaceholderText(self.tr("Nine days later"))
        self.relative_apply.setText(self.tr("Count from it"))
        self.relative_apply.setAccessibleName(self.tr("Date this event counted from the chosen one"))
        self.date_note.setToolTip(self.tr("Where the date comes from, when the article does not give it"))
        for label, text in zip(self.form_labels, (self.tr("&Title"), self.tr("S&ummary"), self.tr("&Date"),
                                                  self.tr("&Or counted from"), self.tr("Date &note")), strict=True):
            label.setText(text)
        names = {"title": self.tr("Title"), "summary": self.tr("Summary"), "date_note": self.tr("Date note")}
        for (lang, field), widget in self.translations.items():
            widget.setAccessibleName(f"{names[field]} — {NATIVE_NAMES.get(lang, lang)}")
        self.tabs.setTabText(0, self.tr("Event"))
        self.tabs.setTabText(1, self.tr("Translations"))
        self.tabs.setTabText(2, self.tr("Places"))
        self.tabs.setTabText(3, self.tr("Passages"))
        self.tabs.setTabText(4, self.tr("Review"))
        self.tabs.setTabText(5, self.tr("Exhibit"))
        self.problems.setAccessibleName(self.tr("Problems that stop a save"))
        self.status.setAccessibleName(self.tr("Editor status"))
        for button, act, text in ((self.undo_button, self.act_undo, self.tr("Undo")),
                                  (self.redo_button, self.act_redo, self.tr("Redo")),
                                  (self.save_button, self.act_save, self.tr("Save"))):
            act.setText(text)
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(f"{text} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.date.retranslate()
        self.places.retranslate()
        self.review.retranslate()
        self.exhibit_panel.retranslate()
        self.passages.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list and the form -----------------------------------------------------------------
    def _exhibit_changed(self, _exhibit: Exhibit) -> None:
        self._follow_session()
        self._arm_map()
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
        self.window_.model.language_changed.connect(self._language_changed)

    def _language_changed(self, _lang: str) -> None:
        """The events list names dates and titles in the interface language, as the explorer does."""
        self._refresh_list_labels()

    def _moment_changed(self, moment: Any) -> None:
        focus = moment.focus
        if focus is None or focus.id == self.event_id():
            return
        for row in range(self.events.count()):
            if self.events.item(row).data(Qt.ItemDataRole.UserRole) == focus.id:
                self._seal()
                self.events.blockSignals(True)
                self.events.setCurrentRow(row)
                self.events.blockSignals(False)
                self._show_form()
                return

    def show_tab(self, page: QWidget) -> None:
        """Bring one of the tabs (its page, inside the scroll area that holds it) to the front."""
        for index in range(self.tabs.count()):
            area = self.tabs.widget(index)
            if isinstance(area, QScrollArea) and area.widget() is page:
                self.tabs.setCurrentIndex(index)
                return

    def _show_place(self, place_id: str) -> None:
        self.window_.presenter.show_place(place_id)

    def _focus_id(self) -> str | None:
        focus = self.window_.model.moment.focus
        return focus.id if focus else None

    def event_id(self) -> str | None:
        item = self.events.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _fill_events(self, select: str | None = None) -> None:
        select = select or self.event_id()
        lang = self.window_.model.language
        spans = {e.id: e.span for e in self.exhibit.events} if self.exhibit else {}
        self.events.blockSignals(True)
        self.events.clear()
        for event_id in self.editor.event_ids():
            record = self.editor.event(event_id)
            title = self.editor.event_text(event_id, "title", lang) or self.editor.event_text(event_id, "title")
            span = spans.get(event_id)
            date = span.label(lang) if span else str(record.get("date") or "")
            untitled = self.tr("(no title yet)")
            item = QListWidgetItem(f"{date} — {title or untitled}")
            item.setData(Qt.ItemDataRole.UserRole, event_id)
            self.events.addItem(item)
            if event_id == select:
                self.events.setCurrentItem(item)
        if self.events.currentRow() < 0 and self.events.count():
            self.events.setCurrentRow(0)
        self.events.blockSignals(False)
        self._show_form()

    def _seal(self) -> None:
        self.editor.seal()
        self._date_start = None

    def _event_selected(self) -> None:
        self._seal()
        self._show_form()
        event_id = self.event_id()
        if event_id and self.exhibit is not None and self.exhibit.has_event(event_id):
            self.window_.model.go_to_event(event_id)

    def _show_form(self) -> None:
        """The model's texts in the form (never an edit)."""
        event_id = self.event_id()
        self._loading = True
        try:
            record = self.editor.event(event_id) if event_id else {}
            _set(self.title, str(record.get("title", "")))
            _set(self.summary, str(record.get("summary", "")))
            _set(self.date_note, str(record.get("date_note", "")))
            relative = record.get("relative") or {}
            self.date.set_text(str(record.get("date") or ""))
            self._show_relative(event_id, relative)
            if relative and not record.get("date"):
                note = self.tr("Given relative to another event: “{phrase}”").format(phrase=relative.get("phrase", ""))
                if self.exhibit is not None and event_id and self.exhibit.has_event(event_id):
                    self.date.show_span(self.exhibit.event(event_id).span, note)
                else:
                    self.date.error.setText(note)
            for (lang, field), widget in self.translations.items():
                _set(widget, self.editor.event_text(event_id, field, lang) if event_id else "")
            self.places.show_event(event_id)
            self.passages.show_event(event_id, self.exhibit)
            self.exhibit_panel.refresh()
        finally:
            self._loading = False

    # -- commands --------------------------------------------------------------------------
    def _command(self, run: Any) -> None:
        event_id = self.event_id()
        if event_id is None:
            return
        try:
            result = run(event_id)
        except EditError as exc:
            self.show_problem(exc.message)
            return
        self._fill_events(select=result if isinstance(result, str) else event_id)

    def add_event(self) -> None:
        new = self.editor.add_event(after=self.event_id())
        self._fill_events(select=new)
        self.tabs.setCurrentIndex(0)
        self.title.setFocus()

    def delete_event(self) -> None:
        order = self.editor.event_ids()
        event_id = self.event_id()
        if event_id is None:
            return
        neighbour = order[order.index(event_id) - 1] if order.index(event_id) else (order[1] if len(order) > 1 else None)
        try:
            self.editor.delete_event(event_id)
        except EditError as exc:
            self.show_problem(exc.message)
            return
        self._fill_events(select=neighbour)

    def _set_text(self, field: str, text: str, lang: str | None = None) -> None:
        event_id = self.event_id()
        if self._loading or event_id is None:
            return
        try:
            self.editor.set_event_text(event_id, field, text, lang)
        except EditError as exc:
            self.show_problem(exc.message)

    def _set_date(self, text: str) -> None:
        event_id = self.event_id()
        if self._loading or event_id is None:
            return
        if self._date_start is None:
            self._date_start = str(self.editor.event(event_id).get("date") or "")
        try:
            self.editor.set_event_date(event_id, text)
        except EditError as exc:
            self.date.error.setText(exc.message)

    def _show_relative(self, event_id: str | None, relative: dict) -> None:
        self.relative_to.clear()
        for other in self.editor.event_ids():
            if other != event_id:
                self.relative_to.addItem(self.editor.event_text(other, "title") or other, other)
        index = self.relative_to.findData(relative.get("after")) if relative else -1
        self.relative_to.setCurrentIndex(max(index, 0))
        self.relative_days.setValue(int(relative.get("days", 0)) if relative else 0)
        _set(self.relative_phrase, str(relative.get("phrase", "")) if relative else "")

    def set_relative(self) -> None:
        """This event's date counted from the chosen one ('Nine days later')."""
        event_id = self.event_id()
        after = self.relative_to.currentData()
        if event_id is None or after is None:
            return
        try:
            self.editor.set_event_relative(event_id, after, self.relative_days.value(), self.relative_phrase.text())
        except EditError as exc:
            self.date.error.setText(exc.message)
            return
        self._fill_events(select=event_id)

    def _date_refused(self, _text: str) -> None:
        """A refused text goes nowhere: the date the typing began from stands until a valid one is typed."""
        event_id = self.event_id()
        if self._loading or event_id is None or not self._date_start:
            return
        if self.editor.event(event_id).get("date") != self._date_start:
            self.editor.set_event_date(event_id, self._date_start)

    def _place_at_centre(self, place: Any) -> None:
        def answer(snapshot: dict | None) -> None:
            centre = (snapshot or {}).get("center")
            if centre:
                place(float(centre[0]), float(centre[1]))
            else:
                self.show_problem(self.tr("The map did not say where it is looking; try again."))

        self.window_.map_view.query(answer)

    # -- the map as an editing surface ---------------------------------------------------------
    def _arm_map(self) -> None:
        """The window's map view and article (new ones each time the page is drawn again) report clicks,
        drags and selections here."""
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
        view.place_moved.connect(self._handle_dropped)
        view.ready.connect(self._map_ready)  # after every load, a recovery too
        if view.is_ready:
            self._map_ready()

    def _map_ready(self) -> None:
        view = self.window_.map_view
        view.set_editing(True)
        self._show_handle()
        view.show_candidates(self._tab_candidates())

    def disarm_map(self) -> None:
        """Edit mode over: the page reports no clicks and shows no handle or candidates."""
        view = self._armed_view
        if view is not None and shiboken6.isValid(view):
            view.map_clicked.disconnect(self._map_clicked)
            view.place_moved.disconnect(self._handle_dropped)
            view.ready.disconnect(self._map_ready)
            view.set_editing(False)
        self._armed_view = None

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

    def _show_handle(self) -> None:
        """The draggable handle on the selected place, where the model has it now."""
        place_id = self.places.place_id()
        view = self.window_.map_view
        if place_id is None or not view.is_ready:
            return
        point = self.editor.place(place_id).get("point")
        if point:
            view.move_place(place_id, float(point["lat"]), float(point["lon"]))
        elif self.exhibit is not None and place_id in self.exhibit.places:
            place = self.exhibit.places[place_id]
            view.move_place(place_id, place.lat, place.lon)

    def _tab_candidates(self) -> list:
        """What the tab in front lists (the Places tab's search, the Review tab's place), for the map."""
        page = self._front_page()
        if page is self.places:
            return self.places.map_candidates()
        return self.review.map_candidates() if page is self.review else []

    def _front_page(self) -> QWidget | None:
        area = self.tabs.currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else None

    def _show_candidates(self, source: QWidget, candidates: list) -> None:
        if source is self._front_page():
            self.window_.map_view.show_candidates(candidates)

    def _wait_for_click(self, then: Callable[[float, float], None] | None) -> None:
        self._click = then
        if then is not None:
            self.status.setText(self.tr("Click the map where the place is."))

    def _map_clicked(self, lat: float, lon: float) -> None:
        then, self._click = self._click, None
        if then is not None:
            self.status.setText("")
            then(lat, lon)

    def _handle_dropped(self, place_id: str, lat: float, lon: float) -> None:
        self.places.place_point(place_id, lat, lon)

    def undo(self) -> None:
        self._date_start = None
        if self.editor.undo():
            self._fill_events()

    def redo(self) -> None:
        self._date_start = None
        if self.editor.redo():
            self._fill_events()

    def save(self) -> bool:
        self._timer.stop()
        if self.date.problem() and self.date.text().strip():
            self.show_problem(self.tr("Not saved: the date field holds a date the timeline cannot read ({problem}).").format(
                problem=self.date.problem()))
            return False
        self._seal()  # the saved date is where the next refused typing falls back to
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
            self._redraw_page = self._redraw_page or change.places
            self._timer.start()
        self._update_actions()

    def _update_actions(self) -> None:
        self.act_undo.setEnabled(self.editor.can_undo())
        self.act_redo.setEnabled(self.editor.can_redo())
        self.undo_button.setEnabled(self.editor.can_undo())
        self.redo_button.setEnabled(self.editor.can_redo())
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
        self._redraw_page = False
        self.passages.show_event(self.event_id(), exhibit)
        self._refresh_list_labels()
        self._update_actions()

    def _refresh_list_labels(self) -> None:
        lang = self.window_.model.language
        spans = {e.id: e for e in self.exhibit.events} if self.exhibit else {}
        for row in range(self.events.count()):
            item = self.events.item(row)
            event = spans.get(item.data(Qt.ItemDataRole.UserRole))
            if event is not None:
                item.setText(f"{event.span.label(lang)} — {event.title_in(lang)}")

    def _list_problems(self, problems: list[Problem]) -> None:
        self.problems.clear()
        self.problems.setVisible(bool(problems))
        for problem in problems:
            item = QListWidgetItem(f"{problem.path}: {problem.message}" if problem.path else problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem.path)
            item.setToolTip(str(problem))
            self.problems.addItem(item)
        if problems:
            self.status.setText(self.tr("%n problem(s): the map shows the last version that loaded.", "", len(problems)))
        elif self.status.text().startswith(("not saved", "Not saved")) or self.problems.count() == 0:
            self.status.setText("")

    def _problem_activated(self, item: QListWidgetItem) -> None:
        match = _EVENT_PATH.match(str(item.data(Qt.ItemDataRole.UserRole) or ""))
        if match is None:
            return
        records = self.editor.story["events"]
        index = int(match[1])
        if index < len(records):
            event_id = records[index].get("id")
            for row in range(self.events.count()):
                if self.events.item(row).data(Qt.ItemDataRole.UserRole) == event_id:
                    self.events.setCurrentRow(row)
            field = item.data(Qt.ItemDataRole.UserRole).split(".")[1:2]
            target = {"title": self.title, "summary": self.summary, "date": self.date.edit}.get(field[0] if field else "")
            self.tabs.setCurrentIndex(0)
            (target or self.title).setFocus()


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea(page.parentWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


def _set(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif widget.text() != text:
        widget.setText(text)


class StudioDock(QDockWidget):
    """The editor docked in the desk window; closing it ends edit mode (unsaved work stays until then)."""

    def __init__(self, window: MainWindow, editor: ExhibitEditor, search: Any = None):
        super().__init__(window)
        self.setObjectName("studioDock")
        self.editor = editor
        self.panel = StudioPanel(window, editor, search, self)
        self.setWidget(self.panel)
        self.setMinimumWidth(EDITOR_MIN_WIDTH)  # a long title on the card must not squeeze the form as you type
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.retranslate()
        self.window_ = window
        self._ended = False
        window.installEventFilter(self)
        self.panel.ended.connect(lambda: self.end(reopen=False))
        self.destroyed.connect(lambda *_: editor.close())

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802
        """The window closing with unsaved edits asks first (Cancel keeps it open)."""
        if watched is self.window_ and event.type() == QEvent.Type.Close and not self._ended:
            if not self.panel.ask_unsaved():
                event.ignore()
                return True
            self._ended = True
        return False

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        if not self._ended and not self.panel.ask_unsaved():
            event.ignore()
            return
        super().closeEvent(event)
        self.end(reopen=True)

    def end(self, reopen: bool) -> None:
        """Edit mode over: the window shows the exhibit as saved (from its own folder), the editor goes."""
        if self._ended and not reopen:
            return
        self._ended = True
        self.panel._timer.stop()  # no late preview over what the window shows next
        self.panel.disarm_map()
        self.editor.discard_recovery()  # saved or discarded as the curator said
        self.window_.removeEventFilter(self)
        if reopen and shiboken6.isValid(self.window_):
            self.panel.applying = True  # not 'another exhibit': this one, as it is on disk
            self.window_.open_exhibit(self.editor.folder)
        self.deleteLater()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exhibit editor"))
        self.setAccessibleName(self.windowTitle())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_studio(window: MainWindow, search: Any = None) -> StudioDock | None:
    """Edit the window's exhibit in a dock beside its map; None (and one message) when it cannot be edited."""
    existing = window.findChild(StudioDock)
    if existing is not None:
        existing.show()
        existing.raise_()
        return existing
    try:
        editor = ExhibitEditor(window.exhibit.path)
    except ExhibitError as exc:
        window.show_exhibit_errors(window.exhibit.path, exc)
        return None
    dock = StudioDock(window, editor, search)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.show()
    dock.panel.events.setFocus()
    return dock
