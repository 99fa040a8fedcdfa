"""A reader that leaves early (``chronomap events | head -1``) ends the command quietly, as for ``cat``.

The pipe's read end is closed before the command writes, so every write meets EPIPE: with stdout
buffered (the flush at the end) and unbuffered (the first print), through a command of the main
parser and one that parses its own arguments (``draft``, through the authoring entry point).
"""

import os
import subprocess
import sys

import pytest

from chronomap.errors import EXIT_PIPE

pytestmark = pytest.mark.e2e

ARTICLE = os.path.join(os.path.dirname(__file__), "..", "data", "corpus", "abel-tasman-1642.txt")


def run_with_stdout_closed(args: list[str], unbuffered: bool) -> tuple[int, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "chronomap", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first byte
    try:
        err = proc.stderr.read().decode()
        return proc.wait(timeout=120), err
    finally:
        proc.stderr.close()


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", ["events", "events --json", "draft"])
def test_a_closed_stdout_ends_quietly_with_the_sigpipe_status(command: str, unbuffered: bool, tmp_path) -> None:
    args = command.split()
    if command == "draft":
        args += [ARTICLE, "--out", str(tmp_path / "drafted")]
    status, err = run_with_stdout_closed(args, unbuffered)
    assert err == ""  # no "error: Broken pipe", no "Exception ignored … BrokenPipeError"
    assert status == EXIT_PIPE == 141
