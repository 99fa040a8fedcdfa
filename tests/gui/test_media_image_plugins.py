"""The image loader loads every format plugin on the GUI thread before any decode thread runs.

Why: a decode thread loading a plugin (holding Python's lock, waiting for the dynamic loader's) and
the GUI thread loading Qt Multimedia's backend (holding the loader's, logging through a Python
message handler) hung the suite and could hang the kiosk. Checked in a fresh interpreter, where no
earlier test has loaded a plugin already.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

PROBE = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
def plugins():
    with open('/proc/self/maps') as maps:
        return {line.rsplit('/', 1)[-1].strip() for line in maps if '/imageformats/' in line}
before = plugins()
from chronomap.qt.media_image import ImageLoader
loader = ImageLoader()
after = plugins()
print(len(before), ' '.join(sorted(after)))
"""


def test_the_loader_loads_the_format_plugins_before_it_decodes_anything() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    count_before, _, loaded = done.stdout.strip().partition(" ")
    assert count_before == "0"  # nothing had loaded them yet: the loader did it
    for plugin in ("libqjpeg.so", "libqwebp.so", "libqgif.so"):
        assert plugin in loaded.split()
    assert "QTgaHandler" not in done.stderr  # asking a writer makes no plugin read or complain
