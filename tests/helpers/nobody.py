"""Run a command as the unprivileged user nobody when the tests run as root.

As root, file permissions do not refuse anything, so a test of "cannot read" or "cannot write"
would prove nothing. These helpers drop to nobody (``setpriv``), from this source tree, with a
home of its own outside the test's folders (which lie under root's 0700 temporary folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NOBODY = 65534


def as_nobody(command: list[str]) -> list[str]:
    """``command`` run as nobody when this process is root, else as it is."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]


def open_folder(prefix: str) -> Path:
    """A new folder under the system's temporary folder that nobody may enter and read."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def run_python_as_nobody(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python *args`` as nobody (or as this user, when not root), with this source tree first."""
    import chronomap

    source = Path(chronomap.__file__).resolve().parents[1]
    home = Path(tempfile.mkdtemp(prefix="chronomap-nobody-"))  # its logs and caches
    home.chmod(0o777)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(source), "HOME": str(home),
           "XDG_STATE_HOME": str(home), "XDG_CACHE_HOME": str(home), "LANG": "C.UTF-8"}
    try:
        return subprocess.run(as_nobody([sys.executable, *args]), env=env, capture_output=True, text=True,
                              timeout=timeout)
    finally:
        shutil.rmtree(home, ignore_errors=True)
