"""The date field of the exhibit editor: EDTF typed or built from a form, read back as visitors will see it.

As the curator types, the date is parsed by the engine's own parser and shown
in every interface language exactly as the explorer will label it; a date the
engine refuses is refused here, under the field, in the engine's words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.story.dates import DateError, DateSpan, from_day_number, iso_day, parse_date

#: The forms the helper offers, in order (the key is what :func:`reshape` understands).
FORMS = ("day", "range", "month", "season", "year", "decade", "approximate", "uncertain")


def reshape(text: str, form: str) -> str:
    """*text* (a valid EDTF date) rewritten in *form*, from its first day: the helper's suggestion."""
    span = parse_date(text)
    year, month, _day = from_day_number(span.start)
    plain = text.rstrip("?~%")
    if form == "day":
        return iso_day(span.start)
    if form == "range":
        return f"{iso_day(span.start)}/{iso_day(max(span.end, span.start + 1))}"
    if form == "month":
        return f"{year:04d}-{month:02d}"
    if form == "season":
        return f"{year:04d}-{21 + ((month - 3) % 12) // 3}"
    if form == "year":
        return f"{year:04d}"
    if form == "decade":
        return f"{year:04d}"[:3] + "X"
    if form == "approximate":
        return plain + "~"
    if form == "uncertain":
        return plain + "?"
    raise ValueError(f"unknown form {form!r}")


class DateField(QWidget):
    """EDTF input, a helper offering each form, the visitor's label per language, and the refusal.

    ``date_edited(text)`` fires for every text the checker accepts; refused texts stay in the field
    with the reason beneath it and go nowhere.
    """

    date_edited = Signal(str)
    date_refused = Signal(str)

    def __init__(self, check: Callable[[str], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._check = check
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateEdit")
        self.form = QComboBox(self)
        self.form.setObjectName("dateForm")
        self.labels = {lang: QLabel(self) for lang in LANGUAGES}
        self.error = QLabel(self)
        self.error.setObjectName("dateError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.edit, 0, 0)
        grid.addWidget(self.form, 0, 1)
        for row, lang in enumerate(LANGUAGES, start=1):
            grid.addWidget(QLabel(NATIVE_NAMES[lang], self), row, 0)
            grid.addWidget(self.labels[lang], row, 1)
        grid.addWidget(self.error, len(LANGUAGES) + 1, 0, 1, 2)
        self.edit.textEdited.connect(self._typed)
        self.form.activated.connect(self._form_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        names = {"day": self.tr("a day"), "range": self.tr("from … to …"), "month": self.tr("a month"),
                 "season": self.tr("a season"), "year": self.tr("a year"), "decade": self.tr("a decade"),
                 "approximate": self.tr("approximate (~)"), "uncertain": self.tr("uncertain (?)")}
        current = self.form.currentIndex()
        self.form.clear()
        self.form.addItem(self.tr("Form of the date…"), "")
        for key in FORMS:
            self.form.addItem(names[key], key)
        self.form.setCurrentIndex(max(0, current))
        self.edit.setAccessibleName(self.tr("Date (EDTF)"))
        self.edit.setAccessibleDescription(self.tr("For example 1986-12-17, 1986-12, 1990-23 (autumn), "
                                                   "1986-12-17/1986-12-18, 1989-06-22? or 1991-08-~19"))
        self.edit.setPlaceholderText("1986-12-17")
        self.form.setAccessibleName(self.tr("Rewrite the date as"))
        self.error.setAccessibleName(self.tr("Date problem"))
        for lang, label in self.labels.items():
            label.setAccessibleName(self.tr("How visitors see the date in {language}").format(language=NATIVE_NAMES[lang]))

    # -- reading and writing ---------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show the model's date (not an edit)."""
        if self.edit.text() != text:
            self.edit.setText(text)
        self._show(text)

    def show_span(self, span: DateSpan, note: str) -> None:
        """A date the field does not hold itself (counted from another event): its labels, and why the field is empty."""
        self.error.setText(note)
        for lang, label in self.labels.items():
            label.setText(span.label(lang))

    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str:
        return self.error.text()

    def _typed(self, text: str) -> None:
        if self._show(text):
            self.date_edited.emit(text.strip())
        else:
            self.date_refused.emit(text)

    def _form_chosen(self, index: int) -> None:
        form = self.form.itemData(index)
        self.form.setCurrentIndex(0)
        if not form:
            return
        try:
            suggestion = reshape(self.edit.text().strip(), form)
        except (DateError, ValueError):
            self.error.setText(self.tr("Type a valid date first; the form is built from its first day."))
            return
        self.edit.setText(suggestion)
        self._typed(suggestion)

    def _show(self, text: str) -> bool:
        """Labels for *text* in every language, or the engine's refusal; True when accepted."""
        try:
            value = self._check(text.strip())
            span = parse_date(value)
        except (DateError, ValueError) as exc:
            message = getattr(exc, "message", str(exc))
            self.error.setText(message)
            for label in self.labels.values():
                label.setText("—")
            return False
        self.error.setText("")
        for lang, label in self.labels.items():
            label.setText(span.label(lang))
        return True
