"""A command-line export keeps stderr for what the user must read (issue 14.20).

Chromium and Qt's graphics back ends print to file descriptor 2 ("QRhiGles2: Failed to create
context", D-Bus errors); the export routes that to its log. Qt's own debug category for the web
engine context is switched on so the run has native noise to route whatever the machine is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _export(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), QT_LOGGING_RULES="qt.webenginecontext.debug=true",
               QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "chronomap", "export", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_native_noise_goes_to_the_log_not_the_terminal(tmp_path: Path):
    out = tmp_path / "map.png"
    result = _export(tmp_path, "--event", "december-events", "--size", "800x600", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert result.stderr == ""  # before: the web engine's and the GPU's lines, between the user and the result
    log = (tmp_path / "state" / "chronomap" / "export.log").read_text(encoding="utf-8", errors="replace")
    assert "qt.webenginecontext" in log


def test_a_refusal_still_reaches_the_terminal_in_one_line(tmp_path: Path):
    result = _export(tmp_path, "--event", "no-such-event", "--out", str(tmp_path / "map.png"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no-such-event" in result.stderr


def test_paper_sets_a_real_sheet(tmp_path: Path):
    from PySide6.QtGui import QImage

    out = tmp_path / "a4.png"
    result = _export(tmp_path, "--event", "independence", "--paper", "a4", "--out", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (3508, 2480)
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    both = _export(tmp_path, "--event", "independence", "--paper", "a4", "--size", "800x600", "--out", str(out))
    assert both.returncode == 2 and "--paper a4 sets the size and scale" in both.stderr
