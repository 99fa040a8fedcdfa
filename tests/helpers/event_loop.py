"""Waiting in a benchmark or soak script (no pytest-qt there): spin Qt's event loop until a condition holds."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def wait_until(predicate: Callable[[], bool], seconds: float) -> bool:
    """Run the event loop in 5 ms turns until *predicate()* is true (True) or *seconds* have passed (False)."""
    loop = QEventLoop()
    turn = QTimer()
    turn.setSingleShot(True)
    turn.timeout.connect(loop.quit)
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        turn.start(5)
        loop.exec()
    return True
