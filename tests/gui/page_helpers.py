"""Helpers for GUI tests: ask the page what it shows."""

from __future__ import annotations

LOAD_TIMEOUT = 30_000
STEP_TIMEOUT = 10_000


def query_page(qtbot, map_view) -> dict:
    """Ask the page itself what it shows (chronomap.snapshot())."""
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as callback:
        map_view.query(callback)
    snapshot = callback.args[0]
    assert isinstance(snapshot, dict), snapshot
    return snapshot
