"""Read the exhibit on a thread while the map page loads and paints (a cold start with a memo).

Why: Chromium's browser side runs on the app's main thread; Python work there (importing the
story's model, reading and checking the exhibit) holds the page's load up. On a thread, with the
main thread turning Qt's event loop, the two go side by side on two cores. Only pure Python runs
on the thread: the modules the filled window needs are imported and the exhibit is read and its
start resolved there; every widget is made on the main thread afterwards. The thread says it is
done with a queued signal, so the main thread runs no Python meanwhile (a poll would take the
interpreter's lock from the thread two hundred times a second).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal, SignalInstance


class _Done(QObject):
    finished = Signal()


def run_beside_the_loop(work: Callable[[], Any], modules: tuple[str, ...] = ()) -> Any:
    """*work()* on a thread, after importing *modules* there, while this thread turns Qt's event loop;
    its value, or its exception raised here."""
    outcome: dict[str, Any] = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def body() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 (handed to the main thread, raised there)
            outcome["error"] = exc
        finally:
            done.finished.emit()

    thread = threading.Thread(target=body, name="chronomap-start", daemon=True)
    thread.start()
    loop.exec()  # (a signal emitted before this starts is queued: it ends the loop at once)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def turn_the_loop_until(signal: SignalInstance, timeout_ms: int) -> bool:
    """Turn Qt's event loop until *signal* is emitted, at most *timeout_ms*; whether it was."""
    heard: list[bool] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)

    def on_signal() -> None:
        heard.append(True)
        loop.quit()

    signal.connect(on_signal)
    timer.start(timeout_ms)
    loop.exec()
    timer.stop()
    signal.disconnect(on_signal)
    return bool(heard)
