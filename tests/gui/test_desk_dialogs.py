"""The desk's About box, place card and Export dialog (issue 14.18): credits in the interface
language, distances only between points, the dialog's size remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from chronomap.desk.export_dialog import ExportDialog
from chronomap.qt.language import language_service

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Qt's translators are application-wide: leave them as found."""
    yield
    language_service().set_language("en")


@pytest.mark.parametrize(("lang", "credit", "english"), [
    ("kk", "Негізгі карта", "Base map"), ("ru", "Карта-основа", "Base map"), ("en", "Base map", "Карта")])
def test_the_about_box_gives_the_exhibits_credits_in_the_interface_language(window, lang, credit, english):
    window.model.set_language(lang)
    text = window.about_html()
    assert credit in text and english not in text
    assert window.exhibit.title_in(lang) in text


def test_the_about_box_names_the_translator_of_a_translated_article(window, monkeypatch):
    info = window.exhibit.meta.article.model_copy(update={"translator": "A. Translator"})
    monkeypatch.setattr(type(window.exhibit), "article_info_in", lambda self, lang: info)
    assert "A. Translator" in window.about_html()


def test_the_export_dialog_remembers_its_size(qtbot, window, monkeypatch):
    sizes = []

    def exec_(dialog: ExportDialog) -> int:
        dialog.show()
        sizes.append(dialog.size())
        dialog.resize(dialog.width() + 150, dialog.height() + 90)
        dialog.reject()
        return ExportDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    window.export_snapshot_dialog()
    window.export_snapshot_dialog()
    assert sizes[1] == sizes[0] + QSize(150, 90)


def test_the_export_dialog_geometry_survives_a_restart(qtbot, settings):
    first = ExportDialog((800, 600), settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 480)
    first.accept()
    second = ExportDialog((800, 600), settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == QSize(640, 480)


def test_the_soviet_unions_card_gives_no_distance_from_almaty(window):
    """Before: 'Soviet Union … 2 318 km from Alma-Ata (Almaty)', from the label's point to a city inside it."""
    window.show_place_details("ussr")
    text = window.card.text()
    assert "Soviet Union" in text and " km from " not in text
    window.show_place_details("karaganda")
    assert "784 km from Alma-Ata (Almaty)" in window.card.text()
