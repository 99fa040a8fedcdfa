"""The editor's events: the list in time order, its buttons, the selected event's form and its translations.

Input here becomes a command of the editing model; the model's texts come
back into the widgets without being edits (``_loading``). A date typed and
refused goes nowhere: the date the typing began from stands until the engine
reads one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import EditError, ExhibitEditor
from chronomap.desk.studio_dates import DateField
from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.story.model import Exhibit
from chronomap.story.schema import MAX_OFFSET_DAYS

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow

#: The events list keeps at least this height (px) above the form, which scrolls.
EVENTS_MIN_HEIGHT = 170


class EventPanel(QWidget):
    """The list and its buttons (this widget); ``form_page`` and ``grid_page`` go into the studio's tabs.

    ``shown(event_id)`` follows every refill of the form (the other tabs show the same event);
    ``problem(str)`` reports a refused edit; ``added()`` a new event whose title wants typing.
    """

    shown = Signal(object)
    problem = Signal(str)
    added = Signal()

    def __init__(self, window: MainWindow, editor: ExhibitEditor, exhibit: Callable[[], Exhibit | None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.editor = editor
        self._exhibit = exhibit
        self._loading = False
        self._date_start: str | None = None  # the date when this typing began, restored while the text is refused
        self.events = QListWidget(self)
        self.events.setObjectName("studioEvents")
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.events.setMinimumHeight(EVENTS_MIN_HEIGHT)  # about ten events in view
        self.buttons = {key: QPushButton(self) for key in ("add", "duplicate", "delete", "up", "down")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.events, 3)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout.addLayout(row)

        self.form_page = QWidget(self)
        self.title = QLineEdit(self.form_page)
        self.title.setObjectName("studioTitle")
        self.summary = QPlainTextEdit(self.form_page)
        self.summary.setObjectName("studioSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(140)
        self.date = DateField(editor.check_date, self.form_page)
        self.date_note = QLineEdit(self.form_page)
        self.relative = QWidget(self.form_page)
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
        self.form = QFormLayout(self.form_page)
        self.form_labels = []
        for row_widget in (self.title, self.summary, self.date, self.relative, self.date_note):
            label = QLabel(self.form_page)
            label.setBuddy({self.date: self.date.edit, self.relative: self.relative_to}.get(row_widget, row_widget))
            self.form_labels.append(label)
            self.form.addRow(label, row_widget)

        self.grid_page = QWidget(self)
        self.translations: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        grid = QGridLayout(self.grid_page)
        languages = [lang for lang in LANGUAGES if lang != editor.main_language]
        for column, lang in enumerate([editor.main_language, *languages]):
            grid.addWidget(QLabel(NATIVE_NAMES.get(lang, lang), self.grid_page), 0, column)
            for row_index, field in enumerate(("title", "summary", "date_note"), start=1):
                widget: QLineEdit | QPlainTextEdit
                if field == "summary":
                    widget = QPlainTextEdit(self.grid_page)
                    widget.setTabChangesFocus(True)
                else:
                    widget = QLineEdit(self.grid_page)
                if lang == editor.main_language:
                    widget.setReadOnly(True)  # the main texts are edited in the form; shown here to translate from
                grid.addWidget(widget, row_index, column)
                self.translations[(lang, field)] = widget

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
        self.date_note.textEdited.connect(lambda text: self._set_text("date_note", text))
        for (lang, field), widget in self.translations.items():
            if lang == editor.main_language:
                continue
            if isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda w=widget, code=lang, f=field: self._set_text(f, w.toPlainText(), code))
            else:
                widget.textEdited.connect(lambda text, code=lang, f=field: self._set_text(f, text, code))
        for widget in (self.title, self.date.edit, self.date_note):
            widget.editingFinished.connect(self.seal)
        self.retranslate()

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
        self.date.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list ----------------------------------------------------------------------------
    def event_id(self) -> str | None:
        item = self.events.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, event_id: str, quiet: bool = True) -> bool:
        """Make *event_id* the selected event (never an edit); *quiet*: the timeline is not moved to it
        (it is already there). False when the list lacks it."""
        for row in range(self.events.count()):
            if self.events.item(row).data(Qt.ItemDataRole.UserRole) == event_id:
                if not quiet:
                    self.events.setCurrentRow(row)
                    return True
                self.seal()
                self.events.blockSignals(True)
                self.events.setCurrentRow(row)
                self.events.blockSignals(False)
                self.show_form()
                return True
        return False

    def fill(self, select: str | None = None) -> None:
        select = select or self.event_id()
        lang = self.window_.model.language
        exhibit = self._exhibit()
        spans = {e.id: e.span for e in exhibit.events} if exhibit else {}
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
        self.show_form()

    def refresh_labels(self, exhibit: Exhibit | None) -> None:
        """Each row's date and title as the explorer labels them in the interface language."""
        lang = self.window_.model.language
        spans = {e.id: e for e in exhibit.events} if exhibit else {}
        for row in range(self.events.count()):
            item = self.events.item(row)
            event = spans.get(item.data(Qt.ItemDataRole.UserRole))
            if event is not None:
                item.setText(f"{event.span.label(lang)} — {event.title_in(lang)}")

    def seal(self) -> None:
        self.editor.seal()
        self._date_start = None

    def _event_selected(self) -> None:
        self.seal()
        self.show_form()
        event_id = self.event_id()
        exhibit = self._exhibit()
        if event_id and exhibit is not None and exhibit.has_event(event_id):
            self.window_.model.go_to_event(event_id)

    def show_form(self) -> None:
        """The model's texts in the form (never an edit)."""
        event_id = self.event_id()
        exhibit = self._exhibit()
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
                if exhibit is not None and event_id and exhibit.has_event(event_id):
                    self.date.show_span(exhibit.event(event_id).span, note)
                else:
                    self.date.error.setText(note)
            for (lang, field), widget in self.translations.items():
                _set(widget, self.editor.event_text(event_id, field, lang) if event_id else "")
            self.shown.emit(event_id)
        finally:
            self._loading = False

    # -- commands ----------------------------------------------------------------------------
    def _command(self, run: Any) -> None:
        event_id = self.event_id()
        if event_id is None:
            return
        try:
            result = run(event_id)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.fill(select=result if isinstance(result, str) else event_id)

    def add_event(self) -> None:
        new = self.editor.add_event(after=self.event_id())
        self.fill(select=new)
        self.added.emit()
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
            self.problem.emit(exc.message)
            return
        self.fill(select=neighbour)

    def _set_text(self, field: str, text: str, lang: str | None = None) -> None:
        event_id = self.event_id()
        if self._loading or event_id is None:
            return
        try:
            self.editor.set_event_text(event_id, field, text, lang)
        except EditError as exc:
            self.problem.emit(exc.message)

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
        self.fill(select=event_id)

    def _date_refused(self, _text: str) -> None:
        """A refused text goes nowhere: the date the typing began from stands until a valid one is typed."""
        event_id = self.event_id()
        if self._loading or event_id is None or not self._date_start:
            return
        if self.editor.event(event_id).get("date") != self._date_start:
            self.editor.set_event_date(event_id, self._date_start)

    def date_problem(self) -> str:
        """What the date field refuses now ('' when it holds a date the timeline reads, or nothing)."""
        return self.date.problem() if self.date.text().strip() else ""

    def focus_field(self, field: str) -> None:
        """Focus the form's field a problem path names ('title', 'summary', 'date'; else the title)."""
        target = {"title": self.title, "summary": self.summary, "date": self.date.edit}.get(field)
        (target or self.title).setFocus()


def _set(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif widget.text() != text:
        widget.setText(text)
