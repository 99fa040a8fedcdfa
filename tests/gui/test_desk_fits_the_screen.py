"""The desk on HiDPI and small screens (issue 14.14): the first window fits the available screen, the
time bar reflows instead of widening the window, and the card scrolls instead of eating the article."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from page_helpers import STEP_TIMEOUT, delete_windows
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication

from chronomap.desk.main_window import MainWindow, first_size
from chronomap.qt.language import language_service
from helpers.views import views_shown

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Qt's translators are application-wide: leave them as found."""
    yield
    language_service().set_language("en")


def rect_in(window, widget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def settled(window) -> bool:
    """The card's area has been given the height it asks for (layouts run on posted events)."""
    area = window.card_area
    return area.height() == area.sizeHint().height() and area.widget().width() == area.viewport().width()


def test_the_first_size_is_the_preferred_one_only_where_it_fits():
    assert first_size(QSize(2560, 1400)) == (1440, 900)
    width, height = first_size(QSize(1280, 680))  # QT_SCALE_FACTOR=2 on 2560×1440, less a panel
    assert width <= 1280 and height <= 680 and width >= 1200 and height >= 600


SHOW_AND_MEASURE = """
import json, sys
from chronomap.qt.webengine import configure_webengine
configure_webengine()
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from chronomap.desk.main_window import MainWindow
from chronomap.resources import default_exhibit_path
from chronomap.story.loader import load_exhibit
window = MainWindow(load_exhibit(default_exhibit_path()), QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
app.processEvents()
def rect(w):
    r = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
    return [r.x(), r.y(), r.width(), r.height()]
available = window.screen().availableGeometry()
frame = window.frameGeometry()
print(json.dumps({"available": [available.x(), available.y(), available.width(), available.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "window": [window.width(), window.height()], "ratio": window.devicePixelRatio(),
                  "parts": {name: rect(getattr(window, name)) for name in
                            ("slider", "next_button", "speed", "article", "card_area", "map_view")}}))
window.close()
"""


def test_at_scale_factor_2_on_a_2560_by_1440_screen_the_window_and_its_parts_fit(tmp_path):
    """Before: 1440×900 logical pixels on a 1280×720 screen, the time bar and the article off-screen."""
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "hidpi", "x": 0, "y": 0, "width": 2560, "height": 1440,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}", QT_SCALE_FACTOR="2")
    done = subprocess.run([sys.executable, "-c", SHOW_AND_MEASURE, str(tmp_path / "settings.ini")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 2 and found["available"][2:] == [1280, 720]
    available, frame = QRect(*found["available"]), QRect(*found["frame"])
    assert available.contains(frame), found
    inside = QRect(0, 0, *found["window"])
    for name, part in found["parts"].items():
        assert inside.contains(QRect(*part)), (name, part, found["window"])


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_large_text_keeps_the_minimum_width_within_1000_pixels(qtbot, window, lang):
    """Before: 1129 px and more (1408 in Russian): a 1024-px screen could not show the window."""
    window.model.set_language(lang)
    window.set_appearance(large=True)
    window.model.go_to_event("december-events")
    assert window.minimumSizeHint().width() <= 1000
    window.resize(1000, 700)
    parts = [window.date_label, window.event_label, window.prev_button, window.play_button, window.next_button,
             window.speed_label, window.speed, window.slider]

    def rects() -> dict[str, QRect]:
        return {part.objectName() or part.accessibleName(): rect_in(window, part) for part in parts}

    def overlaps() -> list[tuple[str, str]]:
        found = rects()
        names = list(found)
        return [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if found[a].intersects(found[b])]

    qtbot.waitUntil(lambda: window.width() == 1000 and not overlaps(), timeout=STEP_TIMEOUT)  # laid out again
    for name, rect in rects().items():
        assert window.rect().contains(rect), (lang, name, rect)
    assert window.time_row.stacked  # the date and event above the buttons: it reflowed


def test_the_time_bar_reflows_when_its_words_change_without_a_resize(qtbot, window):
    """A longer date and title at the same window width: the row stacks (and back), nothing resized."""
    widths = {}
    for event in window.timeline.events:
        window.model.go_to_event(event.id)
        views_shown(window.presenter)
        widths[event.id] = window.time_row.sizeHint().width()
    short, long = min(widths, key=widths.get), max(widths, key=widths.get)
    margins = window.width() - window.time_row.width()
    window.resize((widths[short] + widths[long]) // 2 + margins, 760)
    window.model.go_to_event(short)
    qtbot.waitUntil(lambda: not window.time_row.stacked and rows(window) == 1, timeout=STEP_TIMEOUT)
    size = window.size()
    window.model.go_to_event(long)
    qtbot.waitUntil(lambda: window.time_row.stacked and rows(window) == 2, timeout=STEP_TIMEOUT)
    window.model.go_to_event(short)
    qtbot.waitUntil(lambda: rows(window) == 1, timeout=STEP_TIMEOUT)
    assert window.size() == size


def rows(window) -> int:
    """How many rows the date, the title and the buttons are drawn in, by where they are."""
    date, event, buttons = (rect_in(window, w) for w in (window.date_label, window.event_label, window.prev_button))
    if date.intersects(event) or event.intersects(buttons) or event.width() < window.event_label.sizeHint().width():
        return 0  # not laid out (yet)
    return 1 if buttons.top() < date.bottom() else 2


def test_a_wide_window_keeps_the_time_bar_in_one_row(qtbot, window):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.time_row.width() > 1200, timeout=STEP_TIMEOUT)
    assert not window.time_row.stacked
    assert rect_in(window, window.date_label).center().y() == pytest.approx(rect_in(window, window.next_button).center().y(), abs=6)


def test_in_russian_with_large_text_the_card_scrolls_and_the_article_keeps_its_room(qtbot, window):
    """Before: a long card in large Russian type left four lines of article on a 1024×700 screen."""
    window.model.set_language("ru")
    window.set_appearance(large=True)
    window.resize(1024, 700)
    window.model.go_to_event("august-coup")
    window.show_place_details("ussr")
    side = window.card_area.parentWidget()
    qtbot.waitUntil(lambda: window.width() == 1024 and settled(window), timeout=STEP_TIMEOUT)
    assert window.card_area.verticalScrollBar().maximum() > 0  # the card is longer than its room: it scrolls
    assert window.card_area.height() <= side.height() * 0.35 + 1
    lines = window.article.viewport().height() / window.article.fontMetrics().lineSpacing()
    assert lines >= 7, lines  # before: 4


def test_a_short_card_is_shown_whole(qtbot, window):
    window.model.go_to_event("december-events")
    views_shown(window.presenter)
    qtbot.waitUntil(lambda: settled(window), timeout=STEP_TIMEOUT)
    assert window.card_area.height() == window.card.heightForWidth(window.card_area.viewport().width())
    assert window.card_area.verticalScrollBar().maximum() == 0


def test_a_geometry_saved_on_a_larger_screen_is_brought_onto_this_one(qtbot, exhibit, settings):
    """Qt's restoreGeometry does this; the guard is that nothing after it undoes it."""
    available = QGuiApplication.primaryScreen().availableGeometry()
    first = MainWindow(exhibit, settings)
    windows = [first]
    try:
        first.setGeometry(available.x() + 200, available.y() + 100, available.width() + 600, available.height() + 400)
        first.save_settings()
        second = MainWindow(exhibit, settings)
        windows.append(second)
        second.show()
        assert available.contains(second.geometry()), (second.geometry(), available)
    finally:
        delete_windows(qtbot, windows, prepare=lambda window: window.stop_playing())


def test_the_tool_bars_overflow_button_is_named(qtbot, window):
    """In a narrow window the tool bar folds its buttons behind Qt's extension button, which had no name."""
    from PySide6.QtWidgets import QAbstractButton

    extension = window.toolbar.findChild(QAbstractButton, "qt_toolbar_ext_button")
    assert extension.accessibleName() == "More tools"
    window.model.set_language("kk")
    qtbot.waitUntil(lambda: extension.accessibleName() == "Басқа құралдар", timeout=STEP_TIMEOUT)  # on LanguageChange
