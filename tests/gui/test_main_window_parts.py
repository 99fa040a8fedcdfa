"""The desk window put together from its parts (desk/window_*.py): each part's words are translated, and the
window is still one sound Qt object.

Before the split, every string was in MainWindow's context; a part's strings now live in the part's own context
(lupdate reads the class they are written in) and the window finds them through its bases."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from chronomap.desk.main_window import MainWindow
from chronomap.desk.window_exhibits import WindowExhibits
from chronomap.desk.window_snapshots import WindowSnapshots
from chronomap.desk.window_time_bar import WindowTimeBar
from chronomap.qt.language import language_service

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Qt's translators are application-wide: leave them as found."""
    yield
    language_service().set_language("en")


def test_the_window_is_one_qt_object_with_its_parts_first(window):
    """Two bases that each derived from QMainWindow crashed Shiboken on the window's QPaintDevice calls."""
    assert window.devicePixelRatio() >= 1 and window.grab().width() == window.width()
    assert [base for base in MainWindow.__mro__[1:] if issubclass(base, QMainWindow)] == [QMainWindow]


@pytest.mark.parametrize(("part", "source", "russian"), [
    (WindowTimeBar, "Pause", "Пауза"),
    (WindowSnapshots, "Export failed", "Экспорт не удался"),
    (WindowExhibits, "This exhibit cannot be opened", "Эту выставку нельзя открыть"),
])
def test_each_part_speaks_russian(window, part, source, russian):
    window.model.set_language("ru")
    assert window.tr(source) == russian, part.__name__


def test_play_and_about_in_russian(window):
    window.model.set_language("ru")
    window._playing_changed(True)
    assert window.act_play.text() == "Пауза"
    assert "Выставка:" in window.about_html()
