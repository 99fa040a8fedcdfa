"""The map's zoom buttons in the kiosk: large touch targets, and no hover look.

Asked of the page itself (the buttons' boxes and computed colours, through the
view's evaluate), with a real mouse over the "+" button: a finger leaves the
last button it touched ":hover", so a hover look made it seem pressed for the
next visitor.
"""

from __future__ import annotations

import json

import pytest
import test_kiosk as base
from page_helpers import STEP_TIMEOUT
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView

from helpers.page import run_js

pytestmark = pytest.mark.gui

make_kiosk = base.make_kiosk

BUTTONS = """JSON.stringify(["in", "out"].map(function (which) {
  var a = document.querySelector(".leaflet-control-zoom-" + which);
  var r = a.getBoundingClientRect(), s = getComputedStyle(a);
  return {x: r.left, y: r.top, width: r.width, height: r.height, hovered: a.matches(":hover"),
          background: s.backgroundColor, color: s.color, locked: document.documentElement.classList.contains("cm-locked"),
          pageWidth: window.innerWidth};
}))"""


def buttons(qtbot, kiosk) -> list[dict]:
    return json.loads(run_js(qtbot, kiosk.map_view, BUTTONS, timeout=STEP_TIMEOUT))


def test_the_zoom_buttons_are_large_and_do_not_change_under_a_pointer(qtbot, make_kiosk):
    kiosk = make_kiosk()
    before = buttons(qtbot, kiosk)
    for button in before:
        assert button["locked"]
        assert button["width"] >= 48 and button["height"] >= 48, button  # CSS px (the page's zoom is 1)
    zoom_in = before[0]
    view = kiosk.map_view.findChild(QWebEngineView)
    assert zoom_in["pageWidth"] == view.width()  # the page's zoom is 1: CSS px are the view's px
    centre = QPoint(round(zoom_in["x"] + zoom_in["width"] / 2), round(zoom_in["y"] + zoom_in["height"] / 2))
    target = view.focusProxy() or view
    for step in (QPoint(centre.x() + 40, centre.y() + 40), centre):  # moved onto it, as a finger or a mouse does
        QTest.mouseMove(target, step)
        QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: buttons(qtbot, kiosk)[0]["hovered"], timeout=STEP_TIMEOUT)
    after = buttons(qtbot, kiosk)
    assert (after[0]["background"], after[0]["color"]) == (before[0]["background"], before[0]["color"])
    assert after[0]["width"] == before[0]["width"] and after[0]["height"] == before[0]["height"]
    assert Qt.WindowState.WindowFullScreen & kiosk.windowState()
