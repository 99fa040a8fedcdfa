"""The editor's passages tab: tick the article's sentences that tell the selected event; see what no event tells.

The article panel beside the map stays the visitor's view (a click there still
moves the timeline); here every sentence of the main article is listed with a
box, checked where the selected event tells it, and marked where no event
tells it yet. A paragraph whose sentences are all ticked is written as the
paragraph's id, as hand-written stories do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from chronomap.authoring.edits import EditError, ExhibitEditor, compact_passages, sentences_told
from chronomap.story.model import Exhibit

#: Characters of a sentence shown in the list (the rest is in its tooltip).
SHOWN_CHARS = 110
UNTOLD_MARK = "○ "


class PassagePanel(QWidget):
    problem = Signal(str)

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.sentences, 1)
        self.sentences.itemChanged.connect(self._ticked)
        self.retranslate()

    def retranslate(self) -> None:
        self.sentences.setAccessibleName(self.tr("Sentences of the article; ticked ones tell the selected event"))
        self._fill()

    def show_event(self, event_id: str | None, exhibit: Exhibit | None) -> None:
        """The sentences of *exhibit* (the last version that loaded), ticked for *event_id*."""
        self.event_id = event_id
        if exhibit is not None:
            self.exhibit = exhibit
        self._fill()

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
