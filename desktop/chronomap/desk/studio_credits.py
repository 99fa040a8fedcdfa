"""The exhibit's credits in the editor: each line (what it is for, its text, licence, the map's short form)
and its translations, added, edited and removed.

A field left empty is not stated (never filled in); what a credit is for and
its text are required in the main language and optional in a translation,
where the visitor then reads the main language's words.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from chronomap.authoring.edits import CREDIT_FIELDS, EditError, ExhibitEditor
from chronomap.i18n import LANGUAGES, NATIVE_NAMES

#: Fields of a credit a translation carries.
TRANSLATED = ("what", "text")


class CreditPanel(QWidget):
    """``problem(str)`` reports a refused edit."""

    problem = Signal(str)

    def __init__(self, editor: ExhibitEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.others = [lang for lang in LANGUAGES if lang != editor.main_language]
        self.list = QListWidget(self)
        self.list.setObjectName("studioCredits")
        self.list.setMaximumHeight(110)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.fields: dict[tuple[str, str], QLineEdit] = {}
        for field in CREDIT_FIELDS:
            self.fields[(editor.main_language, field)] = QLineEdit(self)
        for lang in self.others:
            for field in TRANSLATED:
                self.fields[(lang, field)] = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label above its field
        self.labels: dict[tuple[str, str], QLabel] = {}
        for key, edit in self.fields.items():
            label = QLabel(self)
            label.setBuddy(edit)
            self.labels[key] = label
            form.addRow(label, edit)
            edit.textEdited.connect(lambda text, where=key: self._edited(where, text))
            edit.editingFinished.connect(editor.seal)
        layout.addLayout(form)
        self.list.currentRowChanged.connect(lambda _row: self._show())
        self.add_button.clicked.connect(self.add_credit)
        self.remove_button.clicked.connect(self.remove_credit)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        names = {"what": self.tr("Credit for"), "text": self.tr("Credit text"), "licence": self.tr("Licence"),
                 "short": self.tr("Short form on the map")}
        for (lang, field), edit in self.fields.items():
            text = f"{names[field]} — {NATIVE_NAMES.get(lang, lang)}" if field in TRANSLATED else names[field]
            self.labels[(lang, field)].setText(text)
            edit.setAccessibleName(text)
        for field in ("licence", "short"):
            self.fields[(self.editor.main_language, field)].setPlaceholderText(self.tr("not stated"))
        self.list.setAccessibleName(self.tr("Credits"))
        self.add_button.setText(self.tr("Add credit"))
        self.add_button.setAccessibleName(self.tr("Add a credit line"))
        self.remove_button.setText(self.tr("Remove credit"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected credit line"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """The documents' credits in the list and the fields (never an edit)."""
        row = max(self.list.currentRow(), 0)
        credits = self.editor.credits()
        self.list.blockSignals(True)
        self.list.clear()
        for credit in credits:
            self.list.addItem(f"{credit.get('what', '')} — {credit.get('text', '')}")
        self.list.setCurrentRow(min(row, len(credits) - 1) if credits else -1)
        self.list.blockSignals(False)
        self._show()

    def _show(self) -> None:
        credits = self.editor.credits()
        row = self.list.currentRow()
        credit = credits[row] if 0 <= row < len(credits) else None
        for (lang, field), edit in self.fields.items():
            source = (credit or {}) if lang == self.editor.main_language else \
                (credit or {}).get("translations", {}).get(lang, {})
            text = str(source.get(field) or "")
            if edit.text() != text:
                edit.setText(text)
            edit.setEnabled(credit is not None)
        self.remove_button.setEnabled(credit is not None)

    def _edited(self, where: tuple[str, str], text: str) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        lang, field = where
        try:
            self.editor.set_credit(row, field, text, lang)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        credit = self.editor.credits()[row]
        item = self.list.item(row)
        if item is not None:
            item.setText(f"{credit.get('what', '')} — {credit.get('text', '')}")

    def add_credit(self) -> None:
        """A new line, named for the curator to overwrite ('Credit' / 'not stated yet')."""
        index = self.editor.add_credit(self.tr("Credit"), self.tr("not stated yet"))
        self.refresh()
        self.list.setCurrentRow(index)
        self.fields[(self.editor.main_language, "what")].setFocus()
        self.fields[(self.editor.main_language, "what")].selectAll()

    def remove_credit(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        try:
            self.editor.remove_credit(row)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.refresh()
