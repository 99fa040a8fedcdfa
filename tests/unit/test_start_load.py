"""The exhibit is read on a thread while Qt's loop turns (chronomap.desk.start_load)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from chronomap.desk.start_load import run_beside_the_loop


def test_the_work_runs_on_another_thread_while_the_loop_turns(qapp):
    ticks: list[int] = []
    ticked = threading.Event()

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 3:
            ticked.set()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    started = threading.Event()

    def work() -> str:
        started.set()
        assert ticked.wait(timeout=10), "the main thread's loop did not turn meanwhile"
        return threading.current_thread().name

    try:
        assert run_beside_the_loop(work, ("json",)) == "chronomap-start"
    finally:
        timer.stop()
    assert started.is_set() and len(ticks) >= 3


def test_an_error_on_the_thread_is_raised_here(qapp):
    def work() -> None:
        raise ValueError("broken exhibit")

    with pytest.raises(ValueError, match="broken exhibit"):
        run_beside_the_loop(work)


def test_the_loop_turns_until_the_signal(qapp):
    from PySide6.QtCore import QObject, Signal

    from chronomap.desk.start_load import turn_the_loop_until

    class Source(QObject):
        said = Signal()

    source = Source()
    QTimer.singleShot(0, source, source.said.emit)
    assert turn_the_loop_until(source.said, 10_000) is True
    assert turn_the_loop_until(source.said, 1) is False  # nobody says it: the loop ends at the timeout
