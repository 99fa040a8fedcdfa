"""What the desk imports at start: not Qt Multimedia (at the first recording; that import never hangs), nor the rest
the built-in exhibit does not need.

Each check runs in a process of its own: this one has imported Qt Multimedia long since (other
tests play recordings), and a hang must end in a failed test, not a stuck suite (the timeout).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "media" / "steppe-with-media"

START = r"""
import sys
from PySide6.QtCore import QSettings, QTemporaryDir, QTimer
from PySide6.QtWidgets import QApplication
from chronomap.qt.webengine import configure_webengine
from chronomap.desk.main_window import MainWindow
from chronomap.resources import default_exhibit_path
from chronomap.story.loader import load_exhibit
configure_webengine()
app = QApplication(sys.argv[:1])
scratch = QTemporaryDir()
window = MainWindow(load_exhibit(default_exhibit_path()), QSettings(scratch.filePath("s.ini"), QSettings.Format.IniFormat))
window.show()
def done():
    print("CARD", bool(window.card.text()), flush=True)
    heavy = ("PySide6.QtMultimedia", "shapely", "numpy", "edtf", "PIL", "chronomap.desk.media_viewer", "folium")
    print("LOADED", sorted(name for name in heavy if name in sys.modules), flush=True)
    app.quit()
window.map_view.ready.connect(lambda: QTimer.singleShot(0, done))
app.exec()
"""

# Pictures decode in the pool (every one at several sizes, so decodes are running) while the first
# recording imports Qt Multimedia and starts its player (which loads the FFmpeg backend); Qt's log goes
# through a Python message handler, as in the kiosk and under pytest-qt: the set-up that once hung.
AUDIO_WHILE_DECODING = r"""
import sys
from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from chronomap.desk.audio_control import AudioControl
from chronomap.qt.media_image import clear_cache, image_loader
from chronomap.session import Look
from chronomap.story.loader import load_exhibit
logged = []
qInstallMessageHandler(lambda kind, context, message: logged.append(message))
app = QApplication(sys.argv[:1])
exhibit = load_exhibit(sys.argv[1])
items = {item.path: item for event in exhibit.events for item in event.media}.values()
pictures = [item for item in items if item.kind == "image"]
[recording] = [item for item in items if item.kind == "audio"]
clear_cache()
loader = image_loader()
waiting = {(str(p.path), size) for p in pictures for size in range(120, 900, 60)}
print("BEFORE", "PySide6.QtMultimedia" in sys.modules, flush=True)
def loaded(path, size, image):
    waiting.discard((path, size))
    finish()
loader.loaded.connect(loaded)
for path, size in sorted(waiting):
    loader.request(path, size)
audio = AudioControl(recording, "en", Look())
def finish():
    if not waiting and (audio.player is None or audio.seek.maximum() > 0):
        print("PLAYER", audio.player is not None, audio.unavailable, flush=True)
        print("DONE", flush=True)
        app.quit()
audio.seek.rangeChanged.connect(lambda *_: finish())
QTimer.singleShot(0, finish)
app.exec()
"""


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), os.environ.get("PYTHONPATH", "")]),
               QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_the_desk_starts_without_what_the_built_in_exhibit_does_not_need():
    first = _run(START)  # the page and the outlines' judgement are not cached yet (a private $XDG_CACHE_HOME)
    assert "CARD True" in first  # the start got as far as a map page and a card
    assert "LOADED ['folium', 'numpy', 'shapely']" in first
    again = _run(START)
    assert "LOADED []" in again  # nothing for recordings, pictures, outlines judged before, or EDTF's parser


def test_a_recording_opened_while_pictures_decode_does_not_hang():
    out = _run(AUDIO_WHILE_DECODING, str(SAMPLE))
    assert "BEFORE False" in out  # the recording's control is what imports Qt Multimedia
    assert "DONE" in out
