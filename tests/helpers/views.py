"""Waiting for the side views: a moment reaches the card, article and date once the page has answered it.

The presenter sends a moment to the map at once and shows it on the other views in the turn after
the page's answer (:mod:`chronomap.qt.presenter`); a test that checks those views after a change
waits for them here, not for a fixed time.
"""

from __future__ import annotations

from typing import Any

from pytestqt.wait_signal import SignalBlocker

TIMEOUT_MS = 10_000


def views_shown(presenter: Any, timeout_ms: int = TIMEOUT_MS) -> None:
    """Return once the views show the moment last sent to the map (at once when none is waiting)."""
    if not presenter.following:
        return
    blocker = SignalBlocker(timeout=timeout_ms, raising=True)
    blocker.connect(presenter.shown)
    blocker.wait()
