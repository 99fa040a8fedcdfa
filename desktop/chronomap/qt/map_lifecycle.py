"""The map page's life: loading, becoming ready, coming back after a crash, renewal, release.

:class:`PageLifecycle` knows which document the view shows and whether it is
ready; it reloads the page after its render process died (with a back-off
when crashes repeat) and can show the same page in a fresh render process
(:meth:`renew`). What the page shows (the state) is the map view's business:
it hears ``document_ready`` and calls :meth:`finish_recovery` once the
restored state is confirmed. Meanwhile a :class:`~chronomap.qt.map_curtain.MapCurtain`
holds the map's last picture over the view, from the crash (or renewal) until
the new page has painted its first state.

Where a crash's time goes (Xvfb, the kiosk): the crash is heard in ~50 ms, the
first reload waited 500 ms, the new page is ready ~0.9 s after it starts and
confirms its state ~0.1 s later, then it glides 1.2 s to the state's focus.
The first retry is now quick (:data:`RECOVERY_DELAY_MS`); the back-off starts
with the second crash in a row (:data:`RECOVERY_DELAYS_MS`); the curtain goes
up as soon as the restored state is painted, so the glide is the live map.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from chronomap.qt.map_curtain import MapCurtain
from chronomap.qt.map_page import MapWeb

log = logging.getLogger("chronomap.ui")

#: Delay before reloading the page after its render process died (the first crash in a row): one
#: turn of the event loop and a breath for Chromium; a longer wait only keeps the visitor waiting.
RECOVERY_DELAY_MS = 50
#: The default back-off: the delay before the reload after the 1st, 2nd, ... crash in a row (the last repeats).
RECOVERY_DELAYS_MS = (RECOVERY_DELAY_MS, 2_000, 10_000, 30_000)
#: Whether the curtain waits for the restored state's glide to end (seamless, but the map stays a still
#: picture ~1.2 s longer; the restored state glides from the page's first frame to its focus).
LIFT_WHEN_STILL = False
#: After a recovery, the page must stay up this long before a new crash counts as the first again.
RECOVERY_STABLE_MS = 60_000
#: The script that gives each document its number before its own scripts run (``window.chronomapPageId``);
#: the page sends it back with ``pageReady``, so a late ready from an older document is told apart.
PAGE_ID_SCRIPT = "chronomap-page-id"


class PageLifecycle(QObject):
    """Load, readiness and recovery of the page in one :class:`MapWeb`.

    Signals:
      document_ready()    the page of the current document called ``pageReady`` (once per document; a ready
                          from an older document, late, is ignored: it names its document)
      recovered()         :meth:`finish_recovery` after a crash or a renewal
      load_failed(str)    the page's own file did not load; a message

    :attr:`curtain` is the picture over the view while a crash or renewal lasts.
    """

    document_ready = Signal()
    recovered = Signal()
    load_failed = Signal(str)

    def __init__(self, web: MapWeb):
        super().__init__(web)
        self._web = web
        self.url: QUrl | None = None
        self.ready = False
        self.recovering = False
        #: counts the documents shown: a new load, a renewal, a crash (an answer from an older one is stale)
        self.document = 0
        self.last_load_seconds: float | None = None
        self._load_started_at: float | None = None
        self._loading = False  # a load we started has not finished (a refused navigation also ends in a failed load)
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self._reload_after_crash)
        self._recovery_delays: tuple[int, ...] = RECOVERY_DELAYS_MS
        self.crash_streak = 0  # crashes since the page was last stable
        self._stable_timer = QTimer(self)
        self._stable_timer.setSingleShot(True)
        self._stable_timer.setInterval(RECOVERY_STABLE_MS)
        self._stable_timer.timeout.connect(self._on_stable)
        self.curtain = MapCurtain(web, lambda: self.ready and not self.recovering)
        page = web.page
        assert page is not None
        web.host.page_ready.connect(self._on_page_ready)
        page.loadFinished.connect(self._on_load_finished)
        page.renderProcessTerminated.connect(self._on_render_process_terminated)

    def load(self, path: Path) -> None:
        page = self._web.page
        if page is None:
            raise RuntimeError("MapView was released at application quit")
        url = QUrl.fromLocalFile(str(Path(path).resolve()))
        self.url = url
        page.home = url
        self.ready = False
        self.recovering = False
        self._recovery_timer.stop()
        self._load_started_at = time.perf_counter()
        self._next_document()
        log.info("loading map page %s", url.toString())
        self._loading = True
        page.load(url)

    def renew(self) -> bool:
        """Show the same page in a fresh render process (``document_ready``, then the view restores
        its state and calls :meth:`finish_recovery`). False when there is no page to renew."""
        page, view = self._web.page, self._web.view
        if page is None or view is None or self.url is None:
            return False
        shown = view.isVisible()
        self.ready = False
        self.recovering = True
        self._recovery_timer.stop()
        self._load_started_at = time.perf_counter()
        self._next_document()
        log.info("renewing the map page in a fresh render process")
        self.curtain.drop()
        view.hide()  # only a hidden page may be discarded
        page.setLifecycleState(QWebEnginePage.LifecycleState.Discarded)
        if page.lifecycleState() == QWebEnginePage.LifecycleState.Discarded:
            page.setLifecycleState(QWebEnginePage.LifecycleState.Active)  # reloads in a new process
        else:
            log.warning("the map page could not be discarded; reloading it in place")
            self._loading = True
            page.load(self.url)
        if shown:
            view.show()
        return True

    def finish_recovery(self) -> None:
        self.recovering = False
        self._stable_timer.start()
        log.info("map page recovered")
        self.recovered.emit()

    def release(self) -> None:
        """Stop the timers and delete the page (at application quit, or before a quit without an event loop)."""
        self._recovery_timer.stop()
        self._stable_timer.stop()
        self.ready = False
        self.curtain.release()
        self._web.release()

    # -- recovery back-off ------------------------------------------------------------

    def set_recovery_delays(self, delays_ms: Sequence[int], stable_ms: int = RECOVERY_STABLE_MS) -> None:
        delays = tuple(int(d) for d in delays_ms)
        if not delays or any(d < 0 for d in delays):
            raise ValueError("delays must be a non-empty sequence of non-negative milliseconds")
        self._recovery_delays = delays
        self._stable_timer.setInterval(int(stable_ms))

    def next_recovery_delay_ms(self) -> int:
        return self._recovery_delays[min(self.crash_streak, len(self._recovery_delays) - 1)]

    def _next_document(self) -> None:
        """Count the document about to be shown and tell it its number (before its scripts run)."""
        self.document += 1
        page = self._web.page
        if page is None:
            return
        scripts = page.scripts()
        for old in scripts.find(PAGE_ID_SCRIPT):
            scripts.remove(old)
        script = QWebEngineScript()
        script.setName(PAGE_ID_SCRIPT)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(f"window.chronomapPageId = {self.document};")
        scripts.insert(script)

    # -- the page's signals --------------------------------------------------------------

    def _on_page_ready(self, page_id: int) -> None:
        if page_id != self.document:  # e.g. the page before a load said so after it: this one is not drawn yet
            log.info("a late 'page ready' from an older page (%s; showing %s) ignored", page_id, self.document)
            return
        if self.ready:
            return
        self.ready = True
        # our document has loaded, whatever Qt's loadFinished (which may come after this) says: a navigation
        # the page starts from now on and that ends without loading is not our load failing
        self._loading = False
        if self._load_started_at is not None:
            self.last_load_seconds = time.perf_counter() - self._load_started_at
            log.info("map page ready in %.0f ms", self.last_load_seconds * 1000)
            self._load_started_at = None
        self.curtain.watch()
        self.document_ready.emit()
        # after every listener: the state a new document gets is in the page's queue ahead of the checks
        self.curtain.lift(when_still=LIFT_WHEN_STILL)

    def _on_stable(self) -> None:
        if not self.recovering:
            self.crash_streak = 0

    def _on_load_finished(self, ok: bool) -> None:
        page = self._web.page
        ours, self._loading = self._loading, False
        if ok or self.recovering or self.url is None or page is None:
            return
        if not ours:
            log.info("a navigation the page started ended without loading (refused)")
            return
        if page.url() == self.url:
            log.error("map page failed to load: %s", self.url.toString())
            self.load_failed.emit(f"page failed to load: {self.url.toString()}")

    def _on_render_process_terminated(self, status: Any, exit_code: int) -> None:
        Status = QWebEnginePage.RenderProcessTerminationStatus
        if status == Status.NormalTerminationStatus:
            log.info("map render process ended normally")
            return
        delay = self.next_recovery_delay_ms()
        self.crash_streak += 1
        self._next_document()
        self._stable_timer.stop()
        log.error(
            "map render process terminated (%s, exit code %s); reloading in %d ms",
            getattr(status, "name", status),
            exit_code,
            delay,
        )
        self.ready = False
        self.recovering = True
        self.curtain.drop()
        self._recovery_timer.start(delay)

    def _reload_after_crash(self) -> None:
        page = self._web.page
        if self.url is None or page is None:
            return
        self._load_started_at = time.perf_counter()
        self._loading = True
        page.load(self.url)
