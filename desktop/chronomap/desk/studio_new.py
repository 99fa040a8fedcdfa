"""File → New exhibit…: a folder, an article (a file or typed), drafted or started empty; then the editor.

The dialog only gathers; :func:`chronomap.authoring.edit_new.create_exhibit` writes the folder all at
once (nothing is left behind when it refuses), and its refusal is the one line under the form. Once
written, the window opens the exhibit and docks the editor on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edit_new import create_exhibit
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.reading import read_text_file

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow


class NewExhibitDialog(QDialog):
    """Names the folder and gives the article; :attr:`created` is the folder written (None until then)."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setObjectName("newExhibitDialog")
        self.created: Path | None = None
        self.source_name = "article.txt"
        self.folder = QLineEdit(str(folder) if folder else "")
        self.choose_folder = QPushButton()
        self.choose_folder.clicked.connect(self._pick_folder)
        self.choose_article = QPushButton()
        self.choose_article.clicked.connect(self._pick_article)
        self.article = QPlainTextEdit()
        self.article.setTabChangesFocus(True)
        self.article.setMinimumHeight(160)
        self.draft = QRadioButton()
        self.empty = QRadioButton()
        self.draft.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("newExhibitError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # its own button: a standard Ok button's words are put back to "OK" when the dialog is shown (seen on X)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        self.folder_label, self.article_label = QLabel(), QLabel()
        self.folder_label.setBuddy(self.folder)
        self.article_label.setBuddy(self.article)
        form = QFormLayout()
        form.addRow(self.folder_label, folder_row)
        form.addRow(self.article_label, self.choose_article)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.article, 1)
        layout.addWidget(self.draft)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(640, 520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New exhibit"))
        self.folder_label.setText(self.tr("&Folder:"))
        self.folder.setAccessibleName(self.tr("Folder for the new exhibit (new or empty)"))
        self.folder.setPlaceholderText(self.tr("a new or empty folder"))
        self.choose_folder.setText(self.tr("C&hoose…"))
        self.choose_folder.setAccessibleName(self.tr("Choose the folder"))
        self.article_label.setText(self.tr("&Article:"))
        self.choose_article.setText(self.tr("Open an article &file…"))
        self.article.setAccessibleName(self.tr("The article's text"))
        self.article.setPlaceholderText(self.tr("Type or paste the article here: '= Title =' on the first line, "
                                                "'==Section==' headings, a blank line between paragraphs"))
        self.draft.setText(self.tr("&Draft events and places from the article"))
        self.empty.setText(self.tr("&Start empty (one placeholder event and place to change)"))
        self.create_button.setText(self.tr("&Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new exhibit (an empty one)"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _pick_article(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("The article"), "",
                                                self.tr("Articles") + " (*.txt *.md *.wiki);;" + self.tr("All files") + " (*)")
        if chosen:
            self.load_article(Path(chosen))

    def load_article(self, path: Path) -> bool:
        """Put the article file's text in the box (where it can still be changed); a refusal under the form."""
        try:
            text = read_text_file(path, "a UTF-8 plain or wiki-style article")
        except AuthoringError as exc:
            self.error.setText(str(exc.problems[0]))
            return False
        self.article.setPlainText(text)
        self.source_name = str(path)
        self.error.clear()
        return True

    def accept(self) -> None:
        """Create pressed: write the exhibit, or say in one line why not and stay open."""
        if not self.folder.text().strip():
            self.error.setText(self.tr("Name a folder for the new exhibit."))
            self.folder.setFocus()
            return
        try:
            self.created = create_exhibit(Path(self.folder.text().strip()).expanduser(), self.article.toPlainText(),
                                          draft=self.draft.isChecked(), source_name=self.source_name)
        except AuthoringError as exc:
            self.error.setText(str(exc.problems[0]))
            return
        super().accept()


def new_exhibit(window: MainWindow, folder: Path | None = None) -> NewExhibitDialog:
    """Open the dialog (not modal for the event loop's sake: tests and the curator answer it alike)."""
    dialog = NewExhibitDialog(window, folder)
    dialog.accepted.connect(lambda: _open_created(window, dialog))
    dialog.open()
    return dialog


def _open_created(window: MainWindow, dialog: NewExhibitDialog) -> None:
    from chronomap.desk.studio_dock import open_studio

    if dialog.created is not None and window.open_exhibit(dialog.created):
        window.stop_playing()
        open_studio(window)
