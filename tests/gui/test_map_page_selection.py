"""Ctrl+A on the focused desk map selects nothing: the page's legend, notes and attribution are
chrome, not text to copy (issue 14.18; the kiosk locks the page down further)."""

from __future__ import annotations

import pytest
from page_helpers import STEP_TIMEOUT
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpers.page import run_js

pytestmark = pytest.mark.gui


def _ask(qtbot, window, script: str):
    return run_js(qtbot, window.map_view, script, timeout=STEP_TIMEOUT)


def test_select_all_on_the_map_selects_no_legend_or_attribution_text(qtbot, window):
    page_text = _ask(qtbot, window, "document.body.innerText")
    assert "Legend" in page_text and "Natural Earth" in page_text  # there is text to select
    _ask(qtbot, window, "window.cmKeys = []; document.addEventListener('keydown', e => cmKeys.push(e.key), true); 1")
    window.activateWindow()
    target = window.map_view.input_target()  # the widget the web view takes keys through
    target.setFocus()
    qtbot.waitUntil(target.hasFocus, timeout=STEP_TIMEOUT)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "a" in _ask(qtbot, window, "cmKeys.join(' ')").split(), timeout=STEP_TIMEOUT)  # the page had it
    assert _ask(qtbot, window, "window.getSelection().toString()") == ""
