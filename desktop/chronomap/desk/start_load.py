"""Read the exhibit on a thread while the map page loads and paints (a cold start with a memo).

Why: Chromium's browser side runs on the app's main thread; Python work there (importing the
story's model, reading and checking the exhibit) holds the page's load up. On a thread, with the
main thread turning Qt's event loop, the two go side by side on two cores. Only pure Python runs
on the thread: the modules the filled window needs are imported and the exhibit is read and its
start resolved there; every widget is made on the main thread afterwards.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

#: How often the main thread looks whether the thread is done (it runs Qt's loop meanwhile).
POLL_MS = 5


@dataclass
class _Outcome:
    value: Any = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


def run_beside_the_loop(work: Callable[[], Any], modules: tuple[str, ...] = ()) -> Any:
    """*work()* on a thread, after importing *modules* there, while this thread turns Qt's event loop;
    its value, or its exception raised here."""
    outcome = _Outcome()

    def body() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
            outcome.value = work()
        except BaseException as exc:  # noqa: BLE001 (handed to the main thread, raised there)
            outcome.error = exc
        finally:
            outcome.done.set()

    thread = threading.Thread(target=body, name="chronomap-start", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)
    def check() -> None:
        if outcome.done.is_set():
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not outcome.done.is_set():
        loop.exec()
    timer.stop()
    thread.join()
    if outcome.error is not None:
        raise outcome.error
    return outcome.value
