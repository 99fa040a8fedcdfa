"""File → Open: an exhibit folder, chosen as a whole (or an interchange file to convert)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def import_patterns() -> str:
    """``*.json *.csv …``: the importer's own suffixes, so the filter never hides a file it reads.

    Imported here, not at the top: the authoring package is loaded when File → Open is chosen, not at start.
    """
    from chronomap.authoring.interchange import IMPORT_SUFFIXES

    return " ".join(f"*{suffix}" for suffix in IMPORT_SUFFIXES)


class ExhibitOpenDialog(QFileDialog):
    """File → Open. An exhibit is a folder, opened as a whole: entering a folder that holds an
    ``exhibit.json`` chooses it (a plain file dialog would only step inside, and choosing the
    folder itself was impossible), and choosing that ``exhibit.json`` opens its folder."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Open exhibit: a folder, or a TimelineJS / Linked Places file"))
        self.setObjectName("openExhibitDialog")
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setNameFilters([self.tr("Exhibit folder or interchange file") + f" ({import_patterns()})",
                             self.tr("All files") + " (*)"])
        self._exhibit_folder: Path | None = None
        self.directoryEntered.connect(self._entered)

    def _entered(self, folder: str) -> bool:
        if (Path(folder) / "exhibit.json").is_file():
            self._exhibit_folder = Path(folder)
            self.done(QFileDialog.DialogCode.Accepted)
            return True
        return False

    def accept(self) -> None:
        """Open pressed (or Enter) on an exhibit folder, typed or selected, or from inside one."""
        files = self.selectedFiles()
        if files and Path(files[0]).is_dir() and self._entered(files[0]):
            return
        super().accept()

    def chosen(self) -> Path | None:
        """The exhibit folder entered, else the file chosen (None when nothing was)."""
        if self._exhibit_folder is not None:
            return self._exhibit_folder
        files = self.selectedFiles()
        return Path(files[0]) if files else None
