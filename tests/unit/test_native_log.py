"""Native stderr goes to the log; Python's stderr still reaches the terminal (issue 14.20)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHILD = r"""
import os, subprocess, sys
from pathlib import Path
from chronomap.native_log import route_native_stderr
with route_native_stderr(Path(sys.argv[1])) as log:
    os.write(2, b"QRhiGles2: Failed to create context\n")          # what Qt and Chromium do
    subprocess.run([sys.executable, "-c", "import os; os.write(2, b'render process noise\\n')"])
    print("Error: the one line the user must read", file=sys.stderr)
print("after", file=sys.stderr)
os.write(2, b"native after\n")
"""


def test_noise_goes_to_the_log_and_messages_to_the_terminal(tmp_path: Path):
    log = tmp_path / "state" / "export.log"
    result = subprocess.run([sys.executable, "-c", CHILD, str(log)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["Error: the one line the user must read", "after", "native after"]
    logged = log.read_text()
    assert "QRhiGles2: Failed to create context" in logged and "render process noise" in logged
    assert "the one line" not in logged


def test_an_unwritable_log_changes_nothing(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = subprocess.run([sys.executable, "-c", CHILD, str(blocker / "export.log")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert "QRhiGles2: Failed to create context" in result.stderr  # kept on the terminal, never lost
    assert "the one line the user must read" in result.stderr


def test_a_big_log_starts_afresh(tmp_path: Path):
    from chronomap import native_log

    log = tmp_path / "export.log"
    log.write_bytes(b"x" * (native_log.MAX_LOG_BYTES + 1))
    subprocess.run([sys.executable, "-c", CHILD, str(log)], capture_output=True, timeout=60, check=True)
    assert log.stat().st_size < 1000
