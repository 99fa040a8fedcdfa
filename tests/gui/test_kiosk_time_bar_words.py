"""The time bar's event title ends in "…" where it is too long, not cut in mid-word at the edge.

Seen on Xvfb at 1280×720 in large type: "Nazarbayev and Shchadov meet the" — the last word gone,
nothing to say so. The label's text stays whole (screen readers, the presenter); only its painting
is shortened. Checked by pixels: no letter touches the label's right edge.
"""

from __future__ import annotations

import pytest
from page_helpers import delete_windows, show_kiosk_windowed
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from test_kiosk import kiosk_config

from chronomap.kiosk.shell import KioskWindow
from chronomap.qt import theme
from helpers.fake_map import FakeMapView
from helpers.views import views_shown

pytestmark = pytest.mark.gui


def ink_at_the_right_edge(label) -> int:
    shot = label.grab().toImage()
    background = theme.STANDARD.panel
    count = 0
    for x in range(shot.width() - 3, shot.width()):
        for y in range(shot.height()):
            seen = QColor(shot.pixel(x, y))
            count += max(abs(seen.red() - background.red()), abs(seen.green() - background.green()),
                         abs(seen.blue() - background.blue())) > 60
    return count


def test_a_long_event_title_in_the_time_bar_ends_in_an_ellipsis(qtbot, monkeypatch, exhibit):
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    kiosk = KioskWindow(exhibit, kiosk_config(language="en", large_type=True))
    show_kiosk_windowed(qtbot, kiosk, 1280, 720)
    try:
        kiosk.model.go_to_event("karaganda-moratorium")
        views_shown(kiosk.presenter)
        QCoreApplication.processEvents()
        label = kiosk.event_label
        assert label.text() == "Nazarbayev and Shchadov meet the miners"  # whole, for a screen reader
        assert label.fontMetrics().horizontalAdvance(label.text()) > label.width()  # (too long here)
        assert not ink_at_the_right_edge(label), "the title is cut at the label's edge"
        assert label.shown_text().endswith("…")
        kiosk.model.go_to_event("august-coup")  # a short one is shown whole
        views_shown(kiosk.presenter)
        QCoreApplication.processEvents()
        assert label.shown_text() == label.text()
    finally:
        delete_windows(qtbot, [kiosk], prepare=lambda k: k.allow_close())
