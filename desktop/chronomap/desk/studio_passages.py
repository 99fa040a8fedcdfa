"""The editor's passages tab: tick the article's sentences that tell the selected event; see what no event tells.

The article panel beside the map stays the visitor's view (a click there still
moves the timeline), but text selected in it can be linked: "Link the selected
sentences" adds every sentence the selection touches to the selected event.
Here every sentence of the main article is listed with a box, checked where
the selected event tells it, and marked where no event tells it yet. A paragraph whose sentences are all ticked is written as the
paragraph's id, as hand-written stories do. "New event from this sentence" adds the event a draft missed: the
sentence selected in the article (or the list's current row, from the keyboard), titled and dated as the
drafter reads it; when it gives no date (or one the exhibit refuses), the curator is asked for one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import EditError, ExhibitEditor, compact_passages, read_sentence, sentences_told
from chronomap.story.model import Exhibit

#: Characters of a sentence shown in the list (the rest is in its tooltip).
SHOWN_CHARS = 110
UNTOLD_MARK = "○ "


def ask_date(parent: QWidget, title: str, label: str) -> str | None:
    """An EDTF date typed by the curator, None when cancelled (one function, so tests can answer it)."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
    return text if ok else None


class PassagePanel(QWidget):
    problem = Signal(str)
    event_added = Signal(str)  # an event made from a sentence: the list selects it

    def __init__(self, editor: ExhibitEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.event_id: str | None = None
        self.exhibit: Exhibit | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("passageSummary")
        self.summary.setWordWrap(True)
        self.sentences = QListWidget(self)
        self.sentences.setObjectName("passageList")
        self.sentences.setWordWrap(True)
        self.link_selected = QPushButton(self)
        self.link_selected.setObjectName("linkSelectedSentences")
        self.link_selected.setEnabled(False)
        self.unlink_selected = QPushButton(self)
        self.unlink_selected.setObjectName("unlinkSelectedSentences")
        self.unlink_selected.setEnabled(False)
        self.new_event = QPushButton(self)
        self.new_event.setObjectName("newEventFromSentence")
        self.new_event.setEnabled(False)
        self._selected: list[str] = []  # sentences the article's selection touches
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.link_selected)
        row.addWidget(self.unlink_selected)
        layout.addLayout(row)
        layout.addWidget(self.new_event)
        layout.addWidget(self.sentences, 1)
        self.sentences.itemChanged.connect(self._ticked)
        self.link_selected.clicked.connect(lambda: self._link(self._selected, True))
        self.unlink_selected.clicked.connect(lambda: self._link(self._selected, False))
        self.new_event.clicked.connect(self.new_event_from_sentence)
        self.sentences.currentRowChanged.connect(lambda _row: self._show_selection())
        self.retranslate()

    def retranslate(self) -> None:
        self.sentences.setAccessibleName(self.tr("Sentences of the article; ticked ones tell the selected event"))
        self.link_selected.setAccessibleName(self.tr("Link the sentences selected in the article to this event"))
        self.unlink_selected.setAccessibleName(self.tr("Unlink the sentences selected in the article from this event"))
        self.new_event.setText(self.tr("New event from this sentence"))
        self.new_event.setAccessibleName(self.tr("Add an event telling the sentence selected in the article or in the list"))
        self._show_selection()
        self._fill()

    # -- a selection in the article panel ----------------------------------------------------
    def article_sentence_ids(self) -> list[str]:
        """The main article's sentences, in order (what a selection in the article can touch)."""
        if self.exhibit is None:
            return []
        return [sentence.id for paragraph in self.exhibit.article.paragraphs() for sentence in paragraph.sentences]

    def set_article_selection(self, sentence_ids: list[str]) -> None:
        """The sentences the curator's selection in the article touches, in the article's order."""
        self._selected = list(sentence_ids)
        self._show_selection()

    def _show_selection(self) -> None:
        count = len(self._selected)
        self.link_selected.setText(self.tr("Link %n selected sentence(s)", "", count) if count
                                   else self.tr("Select sentences in the article to link them"))
        self.unlink_selected.setText(self.tr("Unlink"))
        self.link_selected.setEnabled(bool(count) and self.event_id is not None)
        self.unlink_selected.setEnabled(bool(count) and self.event_id is not None)
        self.new_event.setEnabled(self.sentence_for_new_event() is not None)

    def sentence_for_new_event(self) -> str | None:
        """The first sentence selected in the article, else the list's current one."""
        if self._selected:
            return self._selected[0]
        item = self.sentences.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def new_event_from_sentence(self) -> None:
        """One step: an event telling the sentence, titled and dated as the drafter reads it (else asked)."""
        sentence_id = self.sentence_for_new_event()
        if sentence_id is None or self.exhibit is None:
            return
        try:
            reading = read_sentence(self.exhibit.article, sentence_id)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        date, refused = reading.date, ""
        while True:
            if date is None:
                date = ask_date(self, self.tr("New event from this sentence"),
                                refused + self.tr("“{sentence}”\n\nIts date (EDTF: 1990, 1990-03, 1990-03-03):").format(
                                    sentence=reading.text))
                if date is None:
                    return
            try:
                event_id = self.editor.add_event_from_sentence(reading, date, like=self.event_id)
            except EditError as exc:
                date, refused = None, exc.message + "\n\n"
                continue
            self.event_added.emit(event_id)
            return

    def _link(self, sentence_ids: list[str], on: bool) -> None:
        """One step: the selected event tells these sentences too (or no longer)."""
        if self.event_id is None or self.exhibit is None or not sentence_ids:
            return
        mine = self.checked()
        chosen = [*mine, *(s for s in sentence_ids if s not in mine)] if on else [s for s in mine if s not in sentence_ids]
        ids = self.article_sentence_ids()
        order = {sentence_id: n for n, sentence_id in enumerate(ids)}
        chosen.sort(key=lambda s: order.get(s, len(order)))
        try:
            self.editor.set_passages(self.event_id, compact_passages(chosen, self.exhibit))
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self._fill_ticks(set(chosen))

    def _fill_ticks(self, chosen: set[str]) -> None:
        self.sentences.blockSignals(True)
        for row in range(self.sentences.count()):
            item = self.sentences.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                               else Qt.CheckState.Unchecked)
        self.sentences.blockSignals(False)

    def show_event(self, event_id: str | None, exhibit: Exhibit | None) -> None:
        """The sentences of *exhibit* (the last version that loaded), ticked for *event_id*."""
        self.event_id = event_id
        if exhibit is not None:
            self.exhibit = exhibit
        self._fill()
        self._show_selection()

    def _fill(self) -> None:
        self.sentences.blockSignals(True)
        self.sentences.clear()
        exhibit = self.exhibit
        if exhibit is None:
            self.sentences.blockSignals(False)
            return
        told = sentences_told(exhibit)
        mine: set[str] = set()
        if self.event_id is not None:
            for passage in self.editor.event(self.event_id).get("passages", ()):
                try:
                    mine.update(exhibit.article.sentence_ids(passage))
                except KeyError:
                    continue  # an id the article lacks: listed among the problems
        untold = 0
        for paragraph in exhibit.article.paragraphs():
            for sentence in paragraph.sentences:
                events = told.get(sentence.id, [])
                untold += not events
                text = sentence.text if len(sentence.text) <= SHOWN_CHARS else sentence.text[:SHOWN_CHARS - 1] + "…"
                item = QListWidgetItem((UNTOLD_MARK if not events else "") + text)
                item.setData(Qt.ItemDataRole.UserRole, sentence.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if sentence.id in mine else Qt.CheckState.Unchecked)
                item.setToolTip(f"{sentence.id}\n{sentence.text}\n" + (
                    self.tr("Told by: {events}").format(events=", ".join(events)) if events
                    else self.tr("No event tells this sentence yet")))
                self.sentences.addItem(item)
        self.summary.setText(self.tr("%n sentence(s) no event tells yet (marked ○)", "", untold))
        self.sentences.blockSignals(False)

    def checked(self) -> list[str]:
        return [self.sentences.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.sentences.count())
                if self.sentences.item(row).checkState() == Qt.CheckState.Checked]

    def _ticked(self, _item: QListWidgetItem) -> None:
        if self.event_id is None or self.exhibit is None:
            return
        try:
            self.editor.set_passages(self.event_id, compact_passages(self.checked(), self.exhibit))
        except EditError as exc:
            self.problem.emit(exc.message)
            self._fill()  # the last tick stays: an event keeps at least one passage
