"""Waiting for the page without sleeping: a nested event loop until callbacks have answered.

The export drives the page step by step from plain code (a command line, a batch), so each step
is a call that starts something and a callback that says it is done. :func:`wait_all` starts
several at once and returns when all have answered: the page runs its scripts in the order they
were sent, so a question asked right behind a state is answered about that state, without a round
trip of its own in between.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

from chronomap.export.options import ExportError

Start = Callable[[Callable[..., None]], Any]


def once(signal: Any, done: Callable[..., None]) -> None:
    """Call *done* with the arguments of the next emission of *signal* only."""
    def handler(*args: Any) -> None:
        signal.disconnect(handler)
        done(*args)

    signal.connect(handler)


def wait_all(steps: Sequence[tuple[Start, str]], timeout_ms: int) -> list[tuple]:
    """Start every step (a function given a callback) and return each one's callback arguments.

    Raises :class:`ExportError` naming the first step that had not answered within *timeout_ms*.
    """
    results: list[tuple | None] = [None] * len(steps)
    loop = QEventLoop()

    def answer(index: int) -> Callable[..., None]:
        def done(*args: Any) -> None:
            if results[index] is None:
                results[index] = args
                if all(r is not None for r in results):
                    loop.quit()
        return done

    for index, (start, _) in enumerate(steps):
        start(answer(index))
    if not all(r is not None for r in results):
        guard = QTimer()  # stopped below: a single shot would stay pending (and quit a later loop) for timeout_ms
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(timeout_ms)
        loop.exec()
        guard.stop()
    for (_, what), result in zip(steps, results, strict=True):
        if result is None:
            raise ExportError(f"{what} within {timeout_ms // 1000} s")
    return [r for r in results if r is not None]


def wait(start: Start, timeout_ms: int, what: str) -> tuple:
    """One step: the arguments *start*'s callback was given (:func:`wait_all` of one)."""
    return wait_all([(start, what)], timeout_ms)[0]
