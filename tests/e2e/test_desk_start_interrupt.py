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
