"""The export dialog's "Picture beside the map": a named checkbox, in every language, that the export obeys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from chronomap.desk.export_dialog import ExportDialog
from chronomap.export.media_layout import plan
from chronomap.qt.language import language_service
from chronomap.story.loader import load_exhibit

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
WORDS = {"en": "Picture beside the map (caption and credit)",
         "ru": "Изображение рядом с картой (подпись и источник)",
         "kk": "Картаның қасында сурет (жазуы мен дереккөзі)"}


@pytest.fixture
def language():
    service = language_service()
    before = service.current
    yield service
    service.set_language(before)


def test_the_media_checkbox_is_named_and_asks_for_media(qtbot):
    dialog = ExportDialog((900, 600))
    qtbot.addWidget(dialog)
    assert not dialog.media.isChecked() and dialog.request().options.media is False
    assert dialog.media.accessibleName() == WORDS["en"]
    assert "plain map" in dialog.media.accessibleDescription()
    dialog.media.setChecked(True)
    assert dialog.request().options.media is True


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_media_checkbox_speaks_the_interface_language(qtbot, language, lang):
    language.set_language(lang)
    dialog = ExportDialog((900, 600))
    qtbot.addWidget(dialog)
    assert dialog.media.text() == WORDS[lang]
    assert dialog.media.accessibleDescription() and "plain map" not in dialog.media.accessibleDescription()


def test_the_desk_exports_the_picture_with_its_credit(qtbot, make_window, tmp_path):
    from chronomap.desk.export_dialog import ExportRequest
    from chronomap.export.options import SnapshotOptions

    sample = load_exhibit(SAMPLE)
    window = make_window(exhibit=sample)
    window.model.go_to_event("line-finished")
    options = SnapshotOptions(1600, 900, 1.0, media=True)
    path = tmp_path / "desk.png"
    assert window.export_snapshot(ExportRequest(options, current_view=False), path)
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (1600, 900)
    layout = plan(QSize(*options.map_size), sample.event("line-finished").media[0], "en")
    assert image.text("chronomap.credit") == layout.credit == "Credit: Chronomap project · CC0-1.0"
    box = image.copy(layout.credit_rect)
    assert len({box.pixel(x, y) for x in range(box.width()) for y in range(box.height())}) > 3  # ink, not blank paper
    pdf = tmp_path / "desk.pdf"
    assert window.export_snapshot(ExportRequest(options, current_view=False), pdf)
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    assert "Credit: Chronomap project · CC0-1.0" in " ".join(document.getAllText(0).text().split())
    document.close()
