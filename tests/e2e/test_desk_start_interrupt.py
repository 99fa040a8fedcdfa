"""Ctrl-C while a start from the memo shows the map and reads the exhibit (issue 16.4): exit 130, one line."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers.ctrl_c import assert_ended_in_one_line, interrupt_when

# A start that closes its window once it is filled: run_explorer writes the start memo at quit.
OPEN_AND_CLOSE = """
import chronomap.desk.app as app
from PySide6.QtCore import QTimer
opened = app.open_explorer
def open_then_close(*args, **kwargs):
    window = opened(*args, **kwargs)
    QTimer.singleShot(0, window.close)
    return window
app.open_explorer = open_then_close
raise SystemExit(app.run_explorer())
"""


def test_ctrl_c_while_the_early_page_shows_ends_the_start_in_one_line():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.run([sys.executable, "-c", OPEN_AND_CLOSE], capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr[-2000:]
    # the frame is shown and its page loading: the exhibit is being read now
    assert_ended_in_one_line(interrupt_when("early/index.html"))


# Ctrl-C while the window is being opened, inside a slot Qt calls (as the window's own showing and filling run
# them): Python's handler raised KeyboardInterrupt in that slot, the excepthook logged it, and the app ran on.
CTRL_C_IN_A_SLOT = """
import os, signal
import chronomap.desk.app as app
from chronomap.cli import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
opened = app.open_explorer
def open_with_ctrl_c_in_a_slot(*args, **kwargs):
    window = opened(*args, **kwargs)
    QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGINT))
    QTimer.singleShot(30_000, lambda: QApplication.instance().exit(7))  # the Ctrl-C lost: end the test, not CI
    for _ in range(20):
        QApplication.processEvents()
    return window
app.open_explorer = open_with_ctrl_c_in_a_slot
raise SystemExit(main([]))
"""


def test_ctrl_c_in_a_slot_while_the_window_opens_is_not_lost():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    ended = subprocess.run([sys.executable, "-c", CTRL_C_IN_A_SLOT], capture_output=True, text=True, env=env, timeout=120)
    assert ended.returncode == 130, ended.stderr[-3000:]
    assert [line for line in ended.stderr.splitlines() if line.startswith("error:")] == [
        "error: interrupted; no file was left half-written"], ended.stderr[-3000:]
    assert "Traceback" not in ended.stderr and "KeyboardInterrupt" not in ended.stderr, ended.stderr[-3000:]
