"""What the page shows: the latest state, sent once the page is ready, and sent again to a new document.

:class:`StateChannel` numbers each state (``seq``), keeps only the latest while
the page is not ready, confirms what the page applied (``applied(seq)``) and,
after a crash or a renewal, restores the last state and then tells the
lifecycle the recovery is complete.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from chronomap.map import bridge
from chronomap.map.bridge import PageState, Script
from chronomap.qt.map_lifecycle import PageLifecycle
from chronomap.qt.map_page import MapWeb

log = logging.getLogger("chronomap.ui")


class StateChannel(QObject):
    """Signals: applied(int), the page confirmed the state with this seq."""

    applied = Signal(int)

    def __init__(self, web: MapWeb, life: PageLifecycle):
        super().__init__(web)
        self._web = web
        self._life = life
        self._seq = 0
        self._last: PageState | None = None  # the latest state given, with its seq
        self._pending = False  # the latest state still has to be sent
        self._recover_seq: int | None = None
        life.document_ready.connect(self._on_document_ready)

    @property
    def last(self) -> PageState | None:
        return copy.deepcopy(self._last)

    def forget(self) -> None:
        """A new page: no state until the next :meth:`show` (and no restore awaited)."""
        self._last = None
        self._pending = False
        self._recover_seq = None

    def show(self, state: PageState | dict[str, Any]) -> int:
        if not isinstance(state, dict):
            raise TypeError("state must be a dict")
        self._seq += 1
        kept: PageState = copy.deepcopy(state)  # type: ignore[assignment]
        kept["seq"] = self._seq
        script = bridge.apply_state(kept)  # validates before anything is kept
        self._last = kept
        if self._life.ready:
            self._pending = False
            self._send(script, self._seq)
        else:
            self._pending = True
        return self._seq

    def _send(self, script: Script, seq: int) -> None:
        document = self._life.document

        def done(result: Any) -> None:
            if isinstance(result, (int, float)) and not isinstance(result, bool):
                confirmed = int(result)
                self.applied.emit(confirmed)
                if self._life.recovering and self._recover_seq is not None and confirmed >= self._recover_seq:
                    self._recover_seq = None
                    self._life.finish_recovery()
            elif document != self._life.document:
                log.debug("state %d went to a page since replaced; the new one gets the latest state", seq)
            else:
                log.warning("the page did not confirm state %d (got %r)", seq, result)

        self._web.run(script, done)

    def _on_document_ready(self) -> None:
        """Before the view says ``ready``: the page gets the latest state (if it has not got it yet)."""
        state = self._last
        resend = state is not None and (self._pending or self._life.recovering)
        if state is not None and resend:
            self._pending = False
            if self._life.recovering:
                self._recover_seq = state["seq"]
            self._send(bridge.apply_state(state), state["seq"])
        else:
            self._recover_seq = None

    @property
    def restoring(self) -> bool:
        """A state sent to a recovered page awaits its confirmation (which completes the recovery)."""
        return self._recover_seq is not None
