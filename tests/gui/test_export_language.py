"""Snapshots in another language and in the high-contrast style, checked by their pixels and text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from test_export import VERMILION, count_near, pixel_of

from chronomap.export.moments import start_moment
from chronomap.export.options import SnapshotOptions
from chronomap.export.snapshotter import Snapshotter
from chronomap.qt.language import language_service
from helpers.page import run_js

pytestmark = pytest.mark.gui

HC_RED = QColor("#b3000c")


@pytest.fixture
def kazakh_high_contrast(qapp, exhibit):
    language_service().set_language("kk")
    snap = Snapshotter(exhibit, SnapshotOptions(1280, 800, 1.0), lang="kk",
                       appearance={"highContrast": True, "large": False})
    yield snap
    snap.close()
    language_service().set_language("en")


def test_a_kazakh_high_contrast_snapshot(kazakh_high_contrast, exhibit):
    image = kazakh_high_contrast.render(start_moment(kazakh_high_contrast.timeline, None, "december-events"))
    assert image.text("chronomap.language") == "kk"
    assert image.text("chronomap.date") == "1986 ж. 17–18 желтоқсан"
    caption = image.text("chronomap.caption")
    assert "1986 ж. 17–18 желтоқсан" in caption and "Perestroika in Kazakhstan" not in caption
    assert image.text("Description").startswith("1986 ж. 17–18 желтоқсан. ") and "Ерекшеленгені:" in image.text("Description")
    almaty = pixel_of(image, exhibit.places["almaty"].lat, exhibit.places["almaty"].lon)
    assert count_near(image, almaty, 6, HC_RED) > 40
    assert count_near(image, almaty, 6, VERMILION) < 10  # the standard vermilion is gone


def test_the_scale_bar_speaks_the_language(qtbot, kazakh_high_contrast):
    kazakh_high_contrast.render(start_moment(kazakh_high_contrast.timeline, None, "independence"))
    text = run_js(qtbot, kazakh_high_contrast.view, "document.querySelector('.leaflet-control-scale-line').textContent")
    assert text.endswith(" км") and text[:-3].isdigit(), text
