"""Ctrl-C while a start from the memo shows the map and reads the exhibit (issue 16.4): exit 130, one line."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time

import pytest

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
    proc = subprocess.Popen([sys.executable, "-m", "chronomap"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, env=env)
    assert proc.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + 120
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stderr, selectors.EVENT_READ)
        # the frame is shown and its page loading: the exhibit is being read now
        while not any("early/index.html" in line for line in seen):
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the start never showed the early page:\n" + "".join(seen[-20:]))
            if selector.select(timeout=1):
                seen.append(proc.stderr.readline())
    proc.send_signal(signal.SIGINT)
    rest = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130, rest
    assert [line for line in rest.splitlines() if line.startswith("error:")] == ["error: interrupted; no file was left half-written"]
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest, rest
