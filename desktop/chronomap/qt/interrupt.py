"""Signals while Qt's event loop runs: the handler runs at once, not at the next Python line.

Python only runs a signal handler when the interpreter gets control back, and Qt's loop may
sleep in C++ for as long as nothing happens. :class:`SignalWake` gives Python's signal module
one end of a socket pair (``signal.set_wakeup_fd``) and a :class:`QSocketNotifier` on the
other: the signal's byte wakes the loop, the handler runs. Used by the desk, the kiosk and the
export for Ctrl-C (and the kiosk for SIGTERM); what each handler does stays with its caller.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable, Iterable
from types import FrameType, TracebackType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

Handler = Callable[[int, FrameType | None], Any]


class SignalWake:
    """While installed, each of *signals* calls *handler* promptly inside Qt's loop.

    :meth:`close` (or leaving the ``with`` block) puts the previous handlers and wake-up
    descriptor back; an instance nobody closes keeps working as long as the process lives.
    """

    def __init__(self, parent: QObject, handler: Handler, signals: Iterable[int] = (signal.SIGINT,)):
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._old_handlers = {number: signal.signal(number, handler) for number in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        """Empty the socket: the byte did its job by waking the loop."""
        try:
            while self._reader.recv(64):
                pass
        except OSError:
            pass

    def close(self) -> None:
        for number, old in self._old_handlers.items():
            signal.signal(number, old)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._reader.close()
        self._writer.close()

    def __enter__(self) -> SignalWake:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
