"""The studio's Media tab: the pictures and recordings of the selected event or of a place.

Attach a file (it is copied into the exhibit's ``media/`` when the exhibit is saved), put the items
in order (the first picture is the one the card and an export show), take one off, and write what
each says — caption, credit, alt text for a picture, transcript for a recording — in every language
of the exhibit; the licence is one for all. Every change is a command of the Qt-free editing model
(:mod:`chronomap.authoring.edit_media`), so undo, redo, the check and the save treat it like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edit_media import Owner
from chronomap.authoring.edits import EditError, ExhibitEditor
from chronomap.desk.studio_places import GuardedCombo
from chronomap.i18n import LANGUAGES, NATIVE_NAMES

FILE_FILTER = "*.jpg *.jpeg *.png *.webp *.mp3 *.ogg *.oga *.wav"


def owner_key(owner: Owner) -> str:
    """'event:<id>' or 'place:<id>': how an owner is kept in the combo box (ids hold no colon)."""
    return f"{owner[0]}:{owner[1]}"


class StudioMediaPanel(QWidget):
    """Media of one owner (the event, or one of the exhibit's places); ``problem(str)`` reports a refused edit."""

    problem = Signal(str)

    def __init__(self, editor: ExhibitEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("studioMedia")
        self.editor = editor
        self._event_id: str | None = None
        self._loading = False
        self.event_source: Callable[[], str | None] | None = None  # the studio's selected event
        self.owner_box = GuardedCombo(self)
        self.items = QListWidget(self)
        self.items.setObjectName("studioMediaItems")
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.buttons = {key: QPushButton(self) for key in ("attach", "up", "down", "remove")}
        self.language = GuardedCombo(self)
        main = editor.main_language
        for lang in (main, *[code for code in LANGUAGES if code != main]):
            self.language.addItem(NATIVE_NAMES.get(lang, lang), lang)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {
            "caption": QLineEdit(self), "credit": QLineEdit(self), "licence": QLineEdit(self), "alt": QLineEdit(self),
            "transcript": QPlainTextEdit(self)}
        transcript = self.fields["transcript"]
        assert isinstance(transcript, QPlainTextEdit)
        transcript.setTabChangesFocus(True)
        transcript.setMinimumHeight(90)
        self.file_label = QLabel(self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.owner_box)
        row = QHBoxLayout()
        row.addWidget(self.items, 1)
        column = QVBoxLayout()
        for button in self.buttons.values():
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        layout.addLayout(row)
        self.form = QFormLayout()
        self.form_labels = {key: QLabel(self) for key in ("language", "file", *self.fields)}
        self.form_labels["language"].setBuddy(self.language)  # its '&L' is a shortcut, not a letter to show
        self.form.addRow(self.form_labels["language"], self.language)
        self.form.addRow(self.form_labels["file"], self.file_label)
        for key, widget in self.fields.items():
            self.form_labels[key].setBuddy(widget)
            self.form.addRow(self.form_labels[key], widget)
        layout.addLayout(self.form)
        layout.addStretch(1)

        self.owner_box.currentIndexChanged.connect(lambda _i: self._show_items())
        self.items.currentRowChanged.connect(lambda _row: self._show_fields())
        self.language.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.buttons["attach"].clicked.connect(self.ask_attach)
        self.buttons["up"].clicked.connect(lambda: self.move_item(-1))
        self.buttons["down"].clicked.connect(lambda: self.move_item(1))
        self.buttons["remove"].clicked.connect(self.remove)
        for key, widget in self.fields.items():
            if isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda w=widget, k=key: self._typed(k, w.toPlainText()))
            else:
                widget.textEdited.connect(lambda text, k=key: self._typed(k, text))
                widget.editingFinished.connect(editor.seal)
        editor.listeners.append(self._changed)
        self.retranslate()
        self._show_items()

    # -- words ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        words = {"attach": (self.tr("Attach…"), self.tr("Attach a picture or a recording; it is copied into the "
                                                           "exhibit's media folder when you save")),
                 "up": (self.tr("Up"), self.tr("Move the selected item up (the first picture is the one shown "
                                               "and exported)")),
                 "down": (self.tr("Down"), self.tr("Move the selected item down")),
                 "remove": (self.tr("Remove"), self.tr("Take the selected item off (its file stays in the folder)"))}
        for key, (text, tip) in words.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
            self.buttons[key].setAccessibleName(text)
            self.buttons[key].setAccessibleDescription(tip)
        labels = {"language": self.tr("&Language"), "file": self.tr("File"), "caption": self.tr("&Caption"),
                  "credit": self.tr("C&redit"), "licence": self.tr("L&icence"), "alt": self.tr("&Alt text"),
                  "transcript": self.tr("&Transcript")}
        for key, text in labels.items():
            self.form_labels[key].setText(text)
        names = {"caption": self.tr("Caption"), "credit": self.tr("Credit: who made it"),
                 "licence": self.tr("Licence (one for every language; leave empty when not known)"),
                 "alt": self.tr("Alt text: what the picture shows, for visitors who cannot see it"),
                 "transcript": self.tr("Transcript: what the recording says, for visitors who cannot hear it")}
        for key, widget in self.fields.items():
            widget.setAccessibleName(names[key])
            widget.setToolTip(names[key])
        self.owner_box.setAccessibleName(self.tr("Whose media: the event or a place"))
        self.items.setAccessibleName(self.tr("Pictures and recordings, in order"))
        self.language.setAccessibleName(self.tr("Language of the texts"))
        self._fill_owners()  # "Event: …", "Place: …" in the new language

    def title(self) -> str:
        """The tab's name in the interface language."""
        return self.tr("Media")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Brought to the front: show the event selected now (the list may have been filled silently)."""
        if self.event_source is not None and self.event_source() != self._event_id:
            self.show_event(self.event_source())
        super().showEvent(event)

    # -- what is shown -------------------------------------------------------------------------
    def show_event(self, event_id: str | None) -> None:
        """The owners offered: the selected event, then every place of the exhibit."""
        self._event_id = event_id
        self._fill_owners(keep=False)

    def _fill_owners(self, keep: bool = True) -> None:
        """*keep*: stay on the place shown (the places changed); else show the event."""
        current = self.owner() if keep else None
        self._loading = True
        try:
            self.owner_box.clear()
            if self._event_id is not None:
                title = self.editor.event_text(self._event_id, "title") or self._event_id
                self.owner_box.addItem(self.tr("Event: {title}").format(title=title), owner_key(("event", self._event_id)))
            for place_id in self.editor.place_ids():
                name = self.editor.place(place_id).get("names", {}).get("en") or place_id
                self.owner_box.addItem(self.tr("Place: {name}").format(name=name), owner_key(("place", place_id)))
            found = self.owner_box.findData(owner_key(current)) if current and current[0] == "place" else -1
            self.owner_box.setCurrentIndex(max(0, found))
        finally:
            self._loading = False
        self._show_items()

    def owner(self) -> Owner | None:
        data = self.owner_box.currentData()
        kind, _, record_id = str(data or "").partition(":")
        return (kind, record_id) if record_id else None

    def _lang(self) -> str:
        return str(self.language.currentData() or self.editor.main_language)

    def _show_items(self, select: int | None = None) -> None:
        owner = self.owner()
        row = self.items.currentRow() if select is None else select
        self._loading = True
        try:
            self.items.clear()
            records = self._records(owner)
            for number, record in enumerate(records):
                item = QListWidgetItem(self._label(owner, number, record))
                item.setToolTip(item.text())
                self.items.addItem(item)
            if records:
                self.items.setCurrentRow(max(0, min(row, len(records) - 1)))
        finally:
            self._loading = False
        self._show_fields()

    def _records(self, owner: Owner | None) -> list[dict[str, Any]]:
        try:
            return self.editor.media(owner) if owner else []
        except EditError:
            return []

    def _show_fields(self) -> None:
        owner, index = self.owner(), self.items.currentRow()
        records = self._records(owner)
        chosen = records[index] if owner and 0 <= index < len(records) else None
        lang = self._lang()
        main = lang == self.editor.main_language
        self._loading = True
        try:
            self.file_label.setText(str(chosen.get("file", "")) if chosen else "")
            for key, widget in self.fields.items():
                text = self.editor.media_text(owner, index, key, None if key == "licence" else lang) \
                    if chosen and owner else ""
                if isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != text:
                        widget.setPlainText(text)
                elif widget.text() != text:
                    widget.setText(text)
                    widget.setCursorPosition(0)  # a long alt text shows its beginning
                kind_fits = chosen is not None and (key != "alt" or chosen.get("kind") == "image") \
                    and (key != "transcript" or chosen.get("kind") == "audio")
                widget.setEnabled(kind_fits and (main or key != "licence"))
                self.form_labels[key].setEnabled(widget.isEnabled())
            for key in ("up", "down", "remove"):
                self.buttons[key].setEnabled(chosen is not None)
            self.buttons["attach"].setEnabled(owner is not None)
        finally:
            self._loading = False

    # -- edits ---------------------------------------------------------------------------------
    def _typed(self, field: str, text: str) -> None:
        owner, index = self.owner(), self.items.currentRow()
        if self._loading or owner is None or index < 0:
            return
        try:
            self.editor.set_media_text(owner, index, field, text, None if field == "licence" else self._lang())
        except EditError as exc:
            self.problem.emit(exc.message)

    def ask_attach(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a picture or a recording"), str(self.editor.folder),
                                                self.tr("Pictures and recordings") + f" ({FILE_FILTER})")
        if chosen:
            self.attach(Path(chosen))

    def attach(self, path: Path) -> bool:
        owner = self.owner()
        if owner is None:
            return False
        try:
            index = self.editor.attach_media(owner, path)
        except EditError as exc:
            self.problem.emit(exc.message)
            return False
        self._show_items(select=index)
        return True

    def move_item(self, delta: int) -> None:
        owner, index = self.owner(), self.items.currentRow()
        if owner is not None and index >= 0:
            self._show_items(select=self.editor.move_media(owner, index, delta))

    def remove(self) -> None:
        owner, index = self.owner(), self.items.currentRow()
        if owner is not None and index >= 0:
            self.editor.remove_media(owner, index)
            self._show_items(select=max(0, index - 1))

    def _changed(self, change: Any) -> None:
        """Undo, redo or another panel's edit: show the model again (not while this panel is typing)."""
        if self._loading:
            return
        if change is not None and change.key and change.key[:1] == ("media",):
            self._show_list_labels()
            return
        shown = {str(self.owner_box.itemData(i)) for i in range(self.owner_box.count())}
        if {k for k in shown if k.startswith("place:")} != {owner_key(("place", p)) for p in self.editor.place_ids()}:
            self._fill_owners()
        else:
            self._show_items()

    def _show_list_labels(self) -> None:
        owner = self.owner()
        for row, record in enumerate(self._records(owner)):
            item = self.items.item(row)
            if item is not None:
                item.setText(self._label(owner, row, record))

    def _label(self, owner: Owner | None, row: int, record: dict[str, Any]) -> str:
        """'Picture · media/x.png — its caption' in the chosen language."""
        kind = self.tr("Picture") if record.get("kind") == "image" else self.tr("Recording")
        caption = self.editor.media_text(owner, row, "caption", self._lang()) if owner else ""
        return f"{kind} · {record.get('file', '')}" + (f" — {caption}" if caption else "")


def add_media_tab(studio: Any) -> StudioMediaPanel:
    """The Media tab in the studio (named, retranslated and its refusals said through ``add_tab``),
    following the studio's selected event."""
    panel = StudioMediaPanel(studio.editor)
    studio.add_tab(panel, panel.title)
    panel.event_source = studio.event_id
    studio.events.currentItemChanged.connect(lambda *_: panel.show_event(studio.event_id()))
    panel.show_event(studio.event_id())
    return panel
