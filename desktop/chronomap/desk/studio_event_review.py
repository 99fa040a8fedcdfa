"""The review of a draft's dated statements: each proposed event with its sentence; accept, fix, merge or drop.

The statuses and the edits are the engine's (:mod:`chronomap.authoring.review_events`);
this lists the events in time order, shows the sentence each came from with the
words its date was read from in bold, and walks on to the next one left after
each decision. The date is fixed in the editor's own date field, which refuses
what the engine refuses in the engine's words.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import Change, EditError, ExhibitEditor
from chronomap.authoring.review_events import (
    TO_CHECK,
    EventReview,
    accept,
    drop,
    fix_date,
    merge,
    merge_targets,
    progress,
    review_events,
)
from chronomap.desk.studio_dates import DateField


class EventReviewPanel(QWidget):
    """``event_selected(id)`` asks the window to show an event; ``problem(str)`` reports a refused edit."""

    event_selected = Signal(str)
    problem = Signal(str)
    progress_changed = Signal(int, int)  # left to check, all events
    edited = Signal()  # a decision was applied: events may be gone or in another order

    def __init__(self, editor: ExhibitEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.reviews: dict[str, EventReview] = {}
        self.progress = QLabel(self)
        self.progress.setObjectName("eventReviewProgress")
        self.events = QTreeWidget(self)
        self.events.setObjectName("eventReviewList")
        self.events.setRootIsDecorated(False)
        self.events.setColumnCount(3)
        header = self.events.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title; date and status as wide as they are
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # the list gives way to the sentence, the date and the buttons in a short dock (it scrolls)
        self.events.setMinimumHeight(110)
        self.events.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.sentence_caption = QLabel(self)
        self.sentence = QLabel(self)
        self.sentence.setObjectName("eventReviewSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                              | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.date = DateField(editor.check_date, self)
        self.accept_button = QPushButton(self)
        self.fix_button = QPushButton(self)
        self.merge_target = QComboBox(self)
        self.merge_target.setObjectName("eventReviewMergeTarget")
        self.merge_target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.merge_target.setMinimumContentsLength(20)
        self.merge_button = QPushButton(self)
        self.drop_button = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.events, 1)
        layout.addWidget(self.sentence_caption)
        layout.addWidget(self.sentence)
        layout.addWidget(self.date)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.fix_button)
        row.addWidget(self.drop_button)
        layout.addLayout(row)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_target, 1)
        merge_row.addWidget(self.merge_button)
        layout.addLayout(merge_row)
        self.events.currentItemChanged.connect(lambda *_: self._event_chosen())
        self.events.itemActivated.connect(lambda *_: self.accept_event())  # Enter on an event: the date is right
        self.accept_button.clicked.connect(self.accept_event)
        self.fix_button.clicked.connect(self.fix_event_date)
        self.date.edit.returnPressed.connect(self.fix_event_date)
        self.date.edit.textEdited.connect(lambda _t: self._update_buttons())
        self.merge_button.clicked.connect(self.merge_event)
        self.drop_button.clicked.connect(self.drop_event)
        editor.listeners.append(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.events.setHeaderLabels([self.tr("Event"), self.tr("Date"), self.tr("Status")])
        self.events.setAccessibleName(self.tr("Dated statements to review"))
        self.events.setAccessibleDescription(self.tr("Each event the draft proposes, in time order; Enter accepts it"))
        self.sentence_caption.setText(self.tr("The sentence it came from:"))
        self.sentence.setAccessibleName(self.tr("The sentence the event came from"))
        self.accept_button.setText(self.tr("Accept"))
        self.accept_button.setAccessibleName(self.tr("Accept the event and its date"))
        self.fix_button.setText(self.tr("Fix the date"))
        self.fix_button.setAccessibleName(self.tr("Give the event the date typed above"))
        self.merge_target.setAccessibleName(self.tr("Event to merge into"))
        self.merge_button.setText(self.tr("Merge"))
        self.merge_button.setAccessibleName(self.tr("Merge the event into the one chosen: its sentences and places go there"))
        self.drop_button.setText(self.tr("Drop"))
        self.drop_button.setAccessibleName(self.tr("Drop the event: it is not part of the story"))
        self.progress.setAccessibleName(self.tr("Review progress of the dated statements"))
        self.date.retranslate()
        if self.reviews:
            self.refresh()

    def _status_word(self, status: str) -> str:
        return self.tr("to check") if status == TO_CHECK else self.tr("accepted")

    # -- filling ---------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Review every event again (after an edit), keeping the selected one or going to *select*."""
        current = select or self.event_id()
        reviews = review_events(self.editor)
        self.reviews = {r.event_id: r for r in reviews}
        self.events.blockSignals(True)
        self.events.clear()
        for item_review in reviews:
            date = item_review.date or item_review.relative
            item = QTreeWidgetItem([item_review.title, date, self._status_word(item_review.status)])
            item.setData(0, Qt.ItemDataRole.UserRole, item_review.event_id)
            item.setToolTip(0, item_review.title)
            self.events.addTopLevelItem(item)
            if item_review.event_id == current:
                self.events.setCurrentItem(item)
        first = self._next_item(None)
        if self.events.currentItem() is None and first is not None:
            self.events.setCurrentItem(first)
        self.events.blockSignals(False)
        left, total = progress(reviews)
        self.progress.setText(self.tr("{left} of {total} events left to check").format(left=left, total=total))
        self.progress_changed.emit(left, total)
        self._show_event()

    def left(self) -> tuple[int, int]:
        return progress(list(self.reviews.values()))

    def _next_item(self, after: str | None) -> QTreeWidgetItem | None:
        """The first event still to check after *after* (wrapping round), else the first event."""
        ids = list(self.reviews)
        start = ids.index(after) + 1 if after in ids else 0
        for event_id in ids[start:] + ids[:start]:
            if self.reviews[event_id].status == TO_CHECK:
                return self._item(event_id)
        return self.events.topLevelItem(0)

    def _item(self, event_id: str) -> QTreeWidgetItem | None:
        for index in range(self.events.topLevelItemCount()):
            item = self.events.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == event_id:
                return item
        return None

    def select(self, event_id: str) -> None:
        item = self._item(event_id)
        if item is not None:
            self.events.setCurrentItem(item)

    def event_id(self) -> str | None:
        item = self.events.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _event_chosen(self) -> None:
        self._show_event()
        event_id = self.event_id()
        if event_id is not None:
            self.event_selected.emit(event_id)

    def _show_event(self) -> None:
        item_review = self.reviews.get(self.event_id() or "")
        self.merge_target.clear()
        if item_review is None:
            self.sentence.setText("")
            self.date.set_text("")
            self._update_buttons()
            return
        self.sentence.setText(_sentence_html(item_review))
        self.date.set_text(item_review.date)
        for target in merge_targets(self.editor, item_review.event_id):
            other = self.reviews.get(target)
            if other is not None:
                self.merge_target.addItem(f"{other.date or other.relative} · {other.title}", target)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.event_id() is not None
        self.accept_button.setEnabled(chosen)
        self.drop_button.setEnabled(chosen)
        self.merge_button.setEnabled(chosen and self.merge_target.count() > 0)
        self.fix_button.setEnabled(chosen and bool(self.date.text().strip()) and not self.date.problem())

    # -- one decision each -----------------------------------------------------------------
    def accept_event(self) -> None:
        event_id = self.event_id()
        if event_id is not None:
            self._run(event_id, lambda: accept(self.editor, event_id))

    def fix_event_date(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            return
        text = self.date.text().strip()
        self._run(event_id, lambda: fix_date(self.editor, event_id, text))

    def merge_event(self) -> None:
        event_id, into = self.event_id(), self.merge_target.currentData()
        if event_id is not None and into:
            self._run(event_id, lambda: merge(self.editor, event_id, str(into)))

    def drop_event(self) -> None:
        event_id = self.event_id()
        if event_id is not None:
            self._run(event_id, lambda: drop(self.editor, event_id))

    def _run(self, event_id: str, edit: Callable[[], None]) -> None:
        """Apply one decision, then walk on to the next event left to check."""
        ids = list(self.reviews)
        try:
            edit()
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.edited.emit()
        self.refresh()
        # the next one left after this one (this one may be gone: merged or dropped)
        position = ids.index(event_id)
        anchor = next((e for e in reversed(ids[:position + 1]) if e in self.reviews), None)
        target = self._next_item(anchor)
        if target is not None:
            self.events.setCurrentItem(target)

    def _changed(self, change: Change | None) -> None:
        if change is not None and (self.isVisible() or self.reviews):  # shown once: its count stays true
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()


def _sentence_html(review: EventReview) -> str:
    """The sentence, the date's words in bold (as text, never as markup from the article)."""
    where = review.phrase_at
    if where is None:
        return html.escape(review.sentence)
    a, b = where
    return f"{html.escape(review.sentence[:a])}<b>{html.escape(review.sentence[a:b])}</b>{html.escape(review.sentence[b:])}"
