"""File → Open opens an exhibit folder, whether the folder or its exhibit.json is chosen (issue 14.11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from chronomap.desk.main_window import ExhibitOpenDialog

pytestmark = pytest.mark.gui


def _type_into(qtbot, dialog: ExhibitOpenDialog, text: str) -> None:
    """Type a path into the dialog's file name box and press Enter, as a person would."""
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None, "Qt's own (non-native) dialog"
    edit.setText(text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_entering_an_exhibit_folder_chooses_it(qtbot, exhibit_copy):
    dialog = ExhibitOpenDialog()
    dialog.setOption(ExhibitOpenDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(exhibit_copy.folder.parent))
    dialog.open()
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        _type_into(qtbot, dialog, exhibit_copy.folder.name)
    assert dialog.chosen() == exhibit_copy.folder


def test_double_clicking_an_exhibit_folder_chooses_it(qtbot, exhibit_copy):
    dialog = ExhibitOpenDialog()
    dialog.setOption(ExhibitOpenDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(exhibit_copy.folder))
    dialog.open()
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.directoryEntered.emit(str(exhibit_copy.folder))  # what a double-click on the folder sends
    assert dialog.chosen() == exhibit_copy.folder


def test_entering_an_ordinary_folder_only_steps_inside(qtbot, tmp_path):
    (tmp_path / "photos").mkdir()
    dialog = ExhibitOpenDialog()
    dialog.setOption(ExhibitOpenDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(tmp_path))
    dialog.open()
    _type_into(qtbot, dialog, "photos")
    qtbot.waitUntil(lambda: dialog.directory().absolutePath() == str(tmp_path / "photos"), timeout=5_000)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.chosen() != tmp_path / "photos"
    dialog.reject()


def test_choosing_exhibit_json_opens_its_folder(qtbot, window, exhibit_copy):
    exhibit_copy.edit("exhibit.json", lambda doc: doc.update(id="a-copy"))
    assert window.open_exhibit(exhibit_copy.folder / "exhibit.json")
    assert window.exhibit.meta.id == "a-copy"
    assert getattr(window, "error_box", None) is None


def _patterns(name_filter: str) -> list[str]:
    """``Label (*.a *.b)`` → ``['*.a', '*.b']``, as Qt reads a name filter."""
    return name_filter[name_filter.rindex("(") + 1:name_filter.rindex(")")].split()


def test_the_filter_shows_every_file_the_importer_reads(qtbot):
    """The corpus's TimelineJS, Google-Sheets and Linked Places files (CSV, JSON Lines and JSON-LD among
    them) and a TSV sheet all pass the dialog's first filter, which is the one it opens with."""
    import fnmatch
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus"
    inputs = [p.name for p in corpus.iterdir() if p.suffix != ".txt" and not p.name.endswith(".truth.json")
              and p.name != "SOURCES.md"]
    assert {Path(name).suffix for name in inputs} >= {".json", ".geojson", ".jsonld", ".jsonl", ".csv"}
    dialog = ExhibitOpenDialog()
    qtbot.addWidget(dialog)
    patterns = _patterns(dialog.nameFilters()[0])
    for name in [*inputs, "sheet.tsv"]:
        assert any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns), (name, patterns)
    assert not any(fnmatch.fnmatchcase("article.txt", pattern) for pattern in patterns)  # drafted, not imported
