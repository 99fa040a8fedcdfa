"""Helpers for GUI tests: ask the page what it shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6

LOAD_TIMEOUT = 30_000
STEP_TIMEOUT = 10_000


def query_page(qtbot, map_view) -> dict:
    """Ask the page itself what it shows (chronomap.snapshot())."""
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as callback:
        map_view.query(callback)
    snapshot = callback.args[0]
    assert isinstance(snapshot, dict), snapshot
    return snapshot


def delete_windows(qtbot, windows: Iterable, prepare: Callable[[object], None] = lambda w: None) -> None:
    """Close and delete windows a test made, and wait until they are gone: a web page must be
    deleted before the QApplication's web profile, and a test must not leave widgets alive."""
    windows = list(windows)
    for window in windows:
        if shiboken6.isValid(window):
            prepare(window)
            window.close()
            window.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) for w in windows), timeout=STEP_TIMEOUT)


def show_new_day(qtbot, window, day: int) -> None:
    """The window moved to *day* (the day after, if it is there already: always a new state), waited for
    until the page has applied that state."""
    if day == window.model.day:
        day += 1
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT,
                          check_params_cb=lambda seq: seq >= window.map_view.last_state["seq"]):
        window.model.set_day(day)


def show_kiosk_windowed(qtbot, kiosk, width: int, height: int) -> None:
    """Show *kiosk* as a window of *width* × *height* that stays that size.

    Its full-screen keeper is released first: 150 ms after any move or resize it puts the window back
    to the screen's size (800 × 800 offscreen), and under load that came in the middle of a test, whose
    time-bar title then had 63 px ('T…')."""
    kiosk.keeper.release()
    kiosk.resize(width, height)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    assert (kiosk.width(), kiosk.height()) == (width, height)
