"""Run Python code in a fresh interpreter where importing PySide6 fails.

The engine, the authoring tools and the kiosk's settings/statistics must work
on a machine without Qt; this is the one place that blocks it for their tests.
"""

from __future__ import annotations

import subprocess
import sys

PRELUDE = """
import sys
class _BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, _BlockQt())
"""


def run_without_qt(code: str, *args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PRELUDE + code, *args], capture_output=True, text=True, timeout=timeout)
