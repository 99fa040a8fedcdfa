"""The editor's exhibit tab: title and subtitle in each language, the period, the article's source and licence.

Source and licence left empty are written as null ("not stated"), never
filled in; the period is read by the engine's date parser, which refuses at
the field what it cannot read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from chronomap.authoring.edits import EditError, ExhibitEditor
from chronomap.desk.studio_credits import CreditPanel
from chronomap.i18n import LANGUAGES, NATIVE_NAMES


class ExhibitPanel(QWidget):
    """``problem(str)`` reports a refused edit; ``wants_view(callback)`` asks for the map's view as
    ``[[south, west], [north, east]]`` (the frame "Use this view" sets)."""

    problem = Signal(str)
    wants_view = Signal(object)

    def __init__(self, editor: ExhibitEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.languages = [editor.main_language, *(lang for lang in LANGUAGES if lang != editor.main_language)]
        self.texts = {(lang, field): QLineEdit(self) for lang in self.languages for field in ("title", "subtitle")}
        self.period = QLineEdit(self)
        self.period.setObjectName("exhibitPeriod")
        self.period_error = QLabel(self)
        self.period_error.setObjectName("periodError")
        self.period_error.setWordWrap(True)
        self.period_error.setStyleSheet("color: #b00020;")
        self.source = QLineEdit(self)
        self.licence = QLineEdit(self)
        self.frame = QLabel(self)
        self.frame.setObjectName("exhibitFrame")
        self.frame.setWordWrap(True)
        self.use_view = QPushButton(self)
        self.use_view.setObjectName("useThisView")
        self.credits = CreditPanel(editor, self)
        self.form = QFormLayout(self)
        self.labels: dict[object, QLabel] = {}
        for (lang, field), edit in self.texts.items():
            self._row((lang, field), edit)
            edit.textEdited.connect(lambda text, code=lang, name=field: self._text(name, text, code))
            edit.editingFinished.connect(editor.seal)
        for key, widget in (("period", self.period), ("period_error", self.period_error), ("source", self.source),
                            ("licence", self.licence), ("frame", self.frame), ("use_view", self.use_view),
                            ("credits", self.credits)):
            self._row(key, widget)
        self.period.textEdited.connect(self._set_period)
        self.use_view.clicked.connect(lambda: self.wants_view.emit(self._use_view))
        self.credits.problem.connect(self.problem)
        self.source.textEdited.connect(lambda text: self._article("source", text))
        self.licence.textEdited.connect(lambda text: self._article("licence", text))
        for edit in (self.period, self.source, self.licence):
            edit.editingFinished.connect(self._seal)
        self._period_start: str | None = None  # the period when this typing began, restored while refused
        self.retranslate()
        self.refresh()

    def _row(self, key: object, widget: QWidget) -> None:
        label = QLabel(self)
        label.setBuddy(widget)
        self.labels[key] = label
        self.form.addRow(label, widget)

    def retranslate(self) -> None:
        for (lang, field), edit in self.texts.items():
            what = self.tr("Exhibit title") if field == "title" else self.tr("Subtitle")
            text = f"{what} — {NATIVE_NAMES.get(lang, lang)}"
            self.labels[(lang, field)].setText(text)
            edit.setAccessibleName(text)
        for key, widget, text in (("period", self.period, self.tr("Period (EDTF)")),
                                  ("source", self.source, self.tr("Article source")),
                                  ("licence", self.licence, self.tr("Article licence"))):
            self.labels[key].setText(text)
            widget.setAccessibleName(text)
        self.source.setPlaceholderText(self.tr("not stated"))
        self.licence.setPlaceholderText(self.tr("not stated"))
        self.period_error.setAccessibleName(self.tr("Period problem"))
        self.labels["frame"].setText(self.tr("Map frame"))
        self.frame.setAccessibleName(self.tr("The map's first frame"))
        self.use_view.setText(self.tr("Use this view"))
        self.use_view.setAccessibleName(self.tr("Make the map's current view the exhibit's first frame"))
        self.labels["credits"].setText(self.tr("Credits"))
        self.credits.retranslate()
        self._show_frame()

    def refresh(self) -> None:
        """The documents' values in the fields (never an edit)."""
        meta = self.editor.meta
        for (lang, field), edit in self.texts.items():
            source = meta if lang == self.editor.main_language else meta.get("translations", {}).get(lang, {})
            _set(edit, str(source.get(field) or ""))
        _set(self.period, str(meta.get("period") or ""))
        article = meta.get("article") or {}
        _set(self.source, str(article.get("source") or ""))
        _set(self.licence, str(article.get("licence") or ""))
        self._show_frame()
        self.credits.refresh()

    def _show_frame(self) -> None:
        bounds = (self.editor.meta.get("map") or {}).get("bounds")
        if isinstance(bounds, list) and len(bounds) == 2:
            (south, west), (north, east) = bounds
            self.frame.setText(self.tr("{south}° to {north}° north, {west}° to {east}° east").format(
                south=south, north=north, west=west, east=east))
        else:
            self.frame.setText("")

    def _use_view(self, bounds: list | None) -> None:
        """The view the map answered with becomes the exhibit's first frame (one undo step)."""
        if not bounds:
            self.problem.emit(self.tr("The map did not say where it is looking; try again."))
            return
        (south, west), (north, east) = bounds
        try:
            self.editor.set_map_bounds(max(south, -90), max(west, -180), min(north, 90), min(east, 180))
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self._show_frame()

    def _text(self, field: str, text: str, lang: str) -> None:
        try:
            self.editor.set_exhibit_text(field, text, lang)
        except EditError as exc:
            self.problem.emit(exc.message)

    def _article(self, field: str, text: str) -> None:
        self.editor.set_article_info(field, text)

    def _seal(self) -> None:
        self.editor.seal()
        self._period_start = None

    def _set_period(self, text: str) -> None:
        """A period the engine reads is applied as typed; a refused one leaves the one typing began from."""
        if self._period_start is None:
            self._period_start = str(self.editor.meta.get("period") or "")
        try:
            self.editor.set_period(text.strip())
        except EditError as exc:
            self.period_error.setText(exc.message)
            if self._period_start and self.editor.meta.get("period") != self._period_start:
                self.editor.set_period(self._period_start)
            return
        self.period_error.setText("")


def _set(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
