"""Ctrl-C to a running ``chronomap`` command, as a user at a terminal gives it: the command started, its
stderr read until it says it is where the test wants it, then SIGINT, and how it ended.

Why one helper: the desk's start (tests/e2e/test_cli.py) and its start from the memo
(tests/e2e/test_desk_start_interrupt.py) are interrupted the same way and must end the same way."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

#: The one line the command line's handler says for Ctrl-C (chronomap.errors), exit 130.
INTERRUPTED_LINE = "error: interrupted; no file was left half-written"


@dataclass(frozen=True)
class Ended:
    returncode: int
    stderr: str  # what the command said after the signal
    seconds: float  # from the signal to its exit


def interrupt_when(says: str, *args: str, timeout: float = 120) -> Ended:
    """Run ``chronomap *args`` (offscreen) until a line of its stderr contains *says*, then send it SIGINT."""
    proc = subprocess.Popen([sys.executable, "-m", "chronomap", *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stderr, selectors.EVENT_READ)
        while not any(says in line for line in seen):
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                proc.communicate()
                pytest.fail(f"the command never said {says!r}:\n" + "".join(seen[-20:]))
            if selector.select(timeout=1):
                seen.append(proc.stderr.readline())
    signalled = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        rest = proc.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:  # Ctrl-C lost: fail here, and leave no process behind for a later test to trip on
        signals = _signal_state(proc.pid)
        proc.kill()
        said = proc.communicate()[1]
        pytest.fail(f"the command was still running 60 s after Ctrl-C ({signals}); it said after {says!r}:\n{said[-3000:]}")
    return Ended(proc.returncode, rest, time.monotonic() - signalled)


def _signal_state(pid: int) -> str:
    """How the process and its threads take SIGINT (blocked, ignored, caught), for a failure message."""
    bit = 1 << (signal.SIGINT - 1)
    states = []
    for task in sorted(os.listdir(f"/proc/{pid}/task")):
        try:
            text = Path(f"/proc/{pid}/task/{task}/status").read_text(encoding="utf-8")
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        states.append("".join(k[3].lower() if int(fields[k], 16) & bit else "-" for k in ("SigBlk", "SigIgn", "SigCgt")))
    return f"SIGINT per thread, b(locked) i(gnored) c(aught): {' '.join(states)}"


def assert_ended_in_one_line(ended: Ended) -> None:
    """Exit 130 and the one line: no traceback, no KeyboardInterrupt."""
    assert ended.returncode == 130, ended.stderr
    assert [line for line in ended.stderr.splitlines() if line.startswith("error:")] == [INTERRUPTED_LINE]
    assert "Traceback" not in ended.stderr and "KeyboardInterrupt" not in ended.stderr, ended.stderr
