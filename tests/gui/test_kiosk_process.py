"""The kiosk as systemd runs it: a process that says READY=1, keeps the watchdog fed and stops cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.e2e]

START = ("import sys; from pathlib import Path; from chronomap.kiosk.app import run_kiosk;"
         " sys.exit(run_kiosk(None, Path(sys.argv[1]), None))")


def receive_until(sock: socket.socket, wanted: bytes, proc: subprocess.Popen, seconds: float = 90) -> list[bytes]:
    """Datagrams until one equal to or starting with *wanted* (the process must stay alive meanwhile)."""
    got: list[bytes] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            message = sock.recv(4096)
        except TimeoutError:
            assert proc.poll() is None, proc.communicate()[1][-3000:]
            continue
        got.append(message)
        if message.startswith(wanted):
            return got
    raise AssertionError(f"no {wanted!r} from the kiosk; got {got}")


def test_the_kiosk_process_notifies_systemd_and_stops_on_sigterm(tmp_path):
    notify = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(notify))
    sock.settimeout(1)
    logs = tmp_path / "logs"
    config = tmp_path / "kiosk.toml"
    config.write_text(f'log_dir = "{logs}"\nhide_cursor = false\nstats = true\nidle_seconds = 30\n', encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NOTIFY_SOCKET=str(notify), WATCHDOG_USEC="400000")
    env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen([sys.executable, "-c", START, str(config)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        receive_until(sock, b"READY=1", proc)
        messages = receive_until(sock, b"WATCHDOG=1", proc)
        messages += receive_until(sock, b"WATCHDOG=1", proc)
        assert b"WATCHDOG=1" in messages
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        sock.close()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    text = (logs / "chronomap-kiosk.log").read_text(encoding="utf-8")
    assert "kiosk starting" in text and "kiosk stopped (exit status 0)" in text
    assert "screen saver not inhibited" in text or "screen saver inhibited" in text
