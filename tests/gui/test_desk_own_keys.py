"""A focused control keeps Space and the arrows it uses; elsewhere they stay the window's keys.

Found by keyboard: Space on the focused Next button started playing instead of pressing it (and an
editor's buttons and check boxes did nothing on Space).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


def _focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_space_on_the_focused_next_button_presses_it(qtbot, window):
    window.model.go_to_event("kunaev-dismissed")
    _focus(qtbot, window, window.next_button)
    QTest.keyClick(window.next_button, Qt.Key.Key_Space)
    assert not window.is_playing()
    assert window.model.moment.focus.id != "kunaev-dismissed"


def test_space_elsewhere_still_plays(qtbot, window):
    _focus(qtbot, window, window.slider)
    QTest.keyClick(window.slider, Qt.Key.Key_Space)
    assert window.is_playing()
    QTest.keyClick(window.slider, Qt.Key.Key_Space)
    assert not window.is_playing()


def test_a_list_and_a_button_in_a_panel_keep_their_keys(qtbot, window):
    pressed = []
    button = QPushButton("Add", window)
    button.clicked.connect(lambda: pressed.append(True))
    checks = QListWidget(window)
    item = QListWidgetItem("A sentence", checks)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    checks.setCurrentItem(item)
    button.show()
    checks.show()
    _focus(qtbot, window, button)
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert pressed == [True] and not window.is_playing()
    _focus(qtbot, window, checks)
    QTest.keyClick(checks, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked and not window.is_playing()
    before = window.model.moment.focus.id if window.model.moment.focus else None
    QTest.keyClick(checks, Qt.Key.Key_Right)
    assert (window.model.moment.focus.id if window.model.moment.focus else None) == before
