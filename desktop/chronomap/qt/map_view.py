"""MapView: the widget that shows the map page and speaks its protocol.

The one place in the app that owns a QWebEngineView. The page is loaded once
(:meth:`MapView.load`); every later change goes through
:meth:`MapView.show_state`, which runs ``chronomap.applyState`` in the page.
The view is never reloaded for a state change; it is reloaded only to recover
from a crashed render process.

Call :func:`chronomap.qt.webengine.configure_webengine` before the
QApplication is created.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from chronomap.map.bridge import HOST_OBJECT, SNAPSHOT_SCRIPT, apply_state_script, js_call, parse_snapshot

log = logging.getLogger("chronomap.ui")
js_log = logging.getLogger("chronomap.js")

#: Delay before reloading the page after its render process died.
RECOVERY_DELAY_MS = 500
#: After a recovery, the page must stay up this long before a new crash counts as the first again
#: (see :meth:`MapView.set_recovery_delays`).
RECOVERY_STABLE_MS = 60_000
SETTLE_POLL_MS = 30

_ALWAYS_ALLOWED_SCHEMES = {"data", "qrc"}


class _PageHost(QObject):
    """The QWebChannel object the page calls as ``chronomapHost``."""

    page_ready = Signal()
    place_clicked = Signal(str)
    js_error = Signal(str)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 (JavaScript-facing name)
        self.page_ready.emit()

    @Slot(str)
    def placeClicked(self, place_id: str) -> None:  # noqa: N802
        self.place_clicked.emit(str(place_id))

    @Slot(str)
    def jsError(self, message: str) -> None:  # noqa: N802
        self.js_error.emit(str(message))


class _MapPage(QWebEnginePage):
    """A page that stays on its own file and routes console messages to logging."""

    console_error = Signal(str)
    navigation_refused = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.home: QUrl | None = None
        self.locked = False  # MapView.lock_down(): no JavaScript dialogs, no file chooser

    def javaScriptAlert(self, origin, message: str) -> None:  # noqa: N802
        if self.locked:
            log.info("page alert suppressed: %s", message)
            return
        super().javaScriptAlert(origin, message)

    def javaScriptConfirm(self, origin, message: str) -> bool:  # noqa: N802
        if self.locked:
            log.info("page confirm suppressed (answered no): %s", message)
            return False
        return super().javaScriptConfirm(origin, message)

    def javaScriptPrompt(self, origin, message: str, default: str):  # noqa: N802
        if self.locked:
            log.info("page prompt suppressed (cancelled): %s", message)
            return False, ""
        return super().javaScriptPrompt(origin, message, default)

    def chooseFiles(self, mode, old_files, accepted_mime_types) -> list[str]:  # noqa: N802
        if self.locked:
            log.info("page file chooser refused")
            return []
        return super().chooseFiles(mode, old_files, accepted_mime_types)

    def _is_home(self, url: QUrl) -> bool:
        if self.home is None:
            return False
        # Same local file; a fragment or query on it doesn't make it another page.
        return url.isLocalFile() and url.toLocalFile() == self.home.toLocalFile()

    def is_allowed(self, url: QUrl) -> bool:
        if url.toString() == "about:blank":
            return True
        if url.scheme() in _ALWAYS_ALLOWED_SCHEMES:
            return True
        return self._is_home(url)

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
        if self.is_allowed(url):
            return True
        text = url.toString()
        log.warning("refused navigation to %s (%s)", text, getattr(nav_type, "name", nav_type))
        self.navigation_refused.emit(text)
        return False

    def createWindow(self, window_type):  # noqa: N802
        log.warning("refused to open a new window (%s)", getattr(window_type, "name", window_type))
        return None

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        Level = QWebEnginePage.JavaScriptConsoleMessageLevel
        where = f"{source}:{line}" if source else f"line {line}"
        if level == Level.ErrorMessageLevel:
            js_log.error("%s (%s)", message, where)
            self.console_error.emit(f"{message} ({where})")
        elif level == Level.WarningMessageLevel:
            js_log.warning("%s (%s)", message, where)
        else:
            js_log.info("%s (%s)", message, where)


class MapView(QWidget):
    """The map page in a widget.

    Signals:
      ready()               the page is drawn and the bridge is up (after every load)
      place_clicked(str)    a place was clicked on the map; its id
      state_applied(int)    the page confirmed the state with this seq
      js_error(str)         a JavaScript error (console error, onerror, rejection)
      recovered()           the page came back after its render process died and
                            the last state is applied again
      navigation_refused(str)  the page tried to leave its file; the URL
    """

    ready = Signal()
    place_clicked = Signal(str)
    state_applied = Signal(int)
    js_error = Signal(str)
    recovered = Signal()
    navigation_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._view = QWebEngineView(self)
        self._page = _MapPage(self._view)
        self._view.setPage(self._page)
        self._configure_settings()

        self._host = _PageHost(self)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject(HOST_OBJECT, self._host)
        self._page.setWebChannel(self._channel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self._url: QUrl | None = None
        self._ready = False
        self._seq = 0
        self._last_state: dict | None = None  # the latest state given, with its seq
        self._pending = False  # the latest state still has to be sent
        self._recovering = False
        self._recover_seq: int | None = None
        self._load_started_at: float | None = None
        self._settle_token = 0
        self._error_count = 0
        self.last_load_seconds: float | None = None

        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self._reload_after_crash)
        self._recovery_delays: tuple[int, ...] = (RECOVERY_DELAY_MS,)
        self._crash_streak = 0  # crashes since the page was last stable
        self._stable_timer = QTimer(self)
        self._stable_timer.setSingleShot(True)
        self._stable_timer.setInterval(RECOVERY_STABLE_MS)
        self._stable_timer.timeout.connect(self._on_stable)
        self._locked = False
        self._document = 0  # counts the documents shown: a new load, a renewal, a crash

        self._host.page_ready.connect(self._on_page_ready)
        self._host.place_clicked.connect(self.place_clicked)
        self._host.js_error.connect(self._on_js_error)
        self._page.console_error.connect(self._on_console_error)
        self._page.navigation_refused.connect(self.navigation_refused)
        self._page.loadFinished.connect(self._on_load_finished)
        self._page.renderProcessTerminated.connect(self._on_render_process_terminated)

        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._release_page)

    # -- set-up ----------------------------------------------------------------------

    def _configure_settings(self) -> None:
        attr = QWebEngineSettings.WebAttribute
        settings = self._page.settings()
        settings.setAttribute(attr.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attr.JavascriptCanOpenWindows, False)
        settings.setAttribute(attr.JavascriptCanAccessClipboard, False)
        settings.setAttribute(attr.PluginsEnabled, False)
        settings.setAttribute(attr.ErrorPageEnabled, False)
        settings.setAttribute(attr.ShowScrollBars, False)
        settings.setAttribute(attr.FullScreenSupportEnabled, False)

    # -- public API ------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def page_url(self) -> QUrl | None:
        """The page's own file URL (None before :meth:`load`)."""
        return QUrl(self._url) if self._url is not None else None

    @property
    def current_url(self) -> QUrl:
        """The URL the web page shows now."""
        return self._page.url() if self._page is not None else QUrl()

    @property
    def js_error_count(self) -> int:
        """JavaScript errors reported so far (each one also emitted as js_error)."""
        return self._error_count

    @property
    def last_state(self) -> dict | None:
        """A copy of the last state given to :meth:`show_state`, with its seq."""
        return copy.deepcopy(self._last_state)

    def load(self, page: Path) -> None:
        """Load the page written by :func:`chronomap.map.page.build_page`.

        Forgets any earlier state: call :meth:`show_state` after this.
        """
        if self._page is None:
            raise RuntimeError("MapView was released at application quit")
        url = QUrl.fromLocalFile(str(Path(page).resolve()))
        self._url = url
        self._page.home = url
        self._ready = False
        self._last_state = None
        self._pending = False
        self._recovering = False
        self._recovery_timer.stop()
        self._load_started_at = time.perf_counter()
        self._document += 1
        log.info("loading map page %s", url.toString())
        self._page.load(url)

    def show_state(self, state: dict) -> int:
        """Show *state*; returns the seq given to it.

        *state*: ``{"places": {id: {"status": "current"|"past"|"upcoming",
        "label": str}}, "basemap": {"classes": {ISO: class}, "ussr_border": bool},
        "focus": [[s, w], [n, e]] | None, "animate": bool}``. Any ``seq`` in it is
        replaced. Before the page is ready only the latest state is kept and sent
        once it is; ``state_applied(seq)`` follows the page's confirmation.
        """
        if not isinstance(state, dict):
            raise TypeError("state must be a dict")
        self._seq += 1
        state = copy.deepcopy(state)
        state["seq"] = self._seq
        script = apply_state_script(state)  # validates before anything is kept
        self._last_state = state
        if self._ready:
            self._pending = False
            self._send(script, self._seq)
        else:
            self._pending = True
        return self._seq

    def query(self, callback: Callable[[dict | None], Any]) -> None:
        """Call *callback* with the page's ``chronomap.snapshot()`` (None if no page)."""

        def done(result: Any) -> None:
            try:
                snapshot = parse_snapshot(result)
            except ValueError:
                log.warning("unreadable snapshot from the page: %r", result)
                snapshot = None
            callback(snapshot)

        if self._page is None:
            callback(None)
            return
        self._page.runJavaScript(SNAPSHOT_SCRIPT, 0, done)

    def evaluate(self, script: str, callback: Callable[[Any], Any] | None = None) -> None:
        """Run *script* in the page (for diagnostics and tests)."""
        if self._page is None:
            return
        if callback is None:
            self._page.runJavaScript(script, 0)
        else:
            self._page.runJavaScript(script, 0, callback)

    def when_settled(self, callback: Callable[[], Any], timeout_ms: int = 10_000) -> None:
        """Call *callback* once no glide is under way and the page has painted since.

        Polls the page (``chronomap.isMoving`` then a paint mark two animation frames
        later) on a short timer; after *timeout_ms* the callback runs anyway, logged.
        """
        self._settle(lambda token: callback(), timeout_ms, marker=False)

    def grab_settled(self, callback: Callable[[QImage], Any], timeout_ms: int = 10_000) -> None:
        """Call *callback* with the view's picture once it is settled and painted.

        A grab can return an older compositor frame than the page has drawn; so the
        page paints a corner mark coloured by a fresh token, and grabs are repeated
        until the mark shows that token. The mark's pixels are then given their
        neighbour's colour, and the page hides it again.
        """
        deadline = time.perf_counter() + timeout_ms / 1000

        def settled(token: int) -> None:
            expected = (token & 255, (token >> 8) & 255, 90)
            image = self.render()
            w, h = image.width(), image.height()
            found = image.pixelColor(w - 1, h - 1).getRgb()[:3] if w and h else None
            if found == expected or time.perf_counter() > deadline:
                if found != expected:
                    log.warning("the grabbed frame never showed paint mark %d (found %s)", token, found)
                self.evaluate("chronomap.hidePaintMark()")
                callback(_erase_marker(image, self._zoom_factor()))
            else:
                QTimer.singleShot(SETTLE_POLL_MS // 2, lambda: settled(token))

        self._settle(settled, timeout_ms, marker=True)

    def _zoom_factor(self) -> float:
        return self._view.zoomFactor() if self._view is not None else 1.0

    def _settle(self, callback: Callable[[int], Any], timeout_ms: int, marker: bool) -> None:
        self._settle_token = self._settle_token % 60_000 + 1
        token = self._settle_token
        deadline = time.perf_counter() + timeout_ms / 1000

        def poll_moving() -> None:
            if time.perf_counter() > deadline:
                log.warning("map did not settle within %d ms", timeout_ms)
                callback(token)
                return
            self._page.runJavaScript("(typeof chronomap === 'object' && chronomap.isMoving) ? chronomap.isMoving() : true",
                                     0, after_moving)

        def after_moving(moving: Any) -> None:
            if moving is False:
                script = f"chronomap.requestPaintMark({token}, {'true' if marker else 'false'})"
                self._page.runJavaScript(script, 0, lambda _: poll_mark())
            else:
                QTimer.singleShot(SETTLE_POLL_MS, poll_moving)

        def poll_mark() -> None:
            self._page.runJavaScript("chronomap.paintMark", 0, after_mark)

        def after_mark(mark: Any) -> None:
            if mark == token:
                # one more turn of Qt's loop so the compositor's frame reaches the widget
                QTimer.singleShot(SETTLE_POLL_MS, lambda: callback(token))
            elif time.perf_counter() > deadline:
                log.warning("map did not paint within %d ms", timeout_ms)
                callback(token)
            else:
                QTimer.singleShot(SETTLE_POLL_MS // 2, poll_mark)

        poll_moving()

    def render(self) -> QImage:
        """What the view shows now, as an image."""
        if self._view is None:
            return QImage()
        return self._view.grab().toImage()

    def show_place(self, place_id: str) -> None:
        """Glide the map to a place (its label stays as the state has it)."""
        self.evaluate(js_call("chronomap.showPlace", place_id))

    def reset_view(self) -> None:
        """Back to the page's initial frame, popups closed; the next state's focus is framed again."""
        self.evaluate("(typeof chronomap === 'object' && chronomap.resetView) ? chronomap.resetView() : false")

    def renew(self) -> bool:
        """Show the same page in a fresh render process, the last state restored (``ready`` then
        ``recovered`` follow). A long-running kiosk calls this when nobody is looking: a renderer
        that has drawn thousands of states holds on to memory a new one does not have.
        False when there is no page to renew."""
        if self._page is None or self._url is None:
            return False
        view, page = self._view, self._page
        shown = view.isVisible()
        self._ready = False
        self._recovering = True  # _on_page_ready re-sends the last state, then emits recovered
        self._recover_seq = None
        self._recovery_timer.stop()
        self._load_started_at = time.perf_counter()
        self._document += 1
        log.info("renewing the map page in a fresh render process")
        view.hide()  # only a hidden page may be discarded
        page.setLifecycleState(QWebEnginePage.LifecycleState.Discarded)
        if page.lifecycleState() == QWebEnginePage.LifecycleState.Discarded:
            page.setLifecycleState(QWebEnginePage.LifecycleState.Active)  # reloads in a new process
        else:
            log.warning("the map page could not be discarded; reloading it in place")
            page.load(self._url)
        if shown:
            view.show()
        return True

    def render_process_pid(self) -> int:
        """The page's render process id (0 when there is none)."""
        return self._page.renderProcessPid() if self._page is not None else 0

    # -- recovery back-off -------------------------------------------------------------

    def set_recovery_delays(self, delays_ms, stable_ms: int = RECOVERY_STABLE_MS) -> None:
        """Wait ``delays_ms[n]`` before the reload after the n-th crash in a row (the last delay
        repeats); a page that stays up *stable_ms* after recovering starts the count again.
        The default is one delay of :data:`RECOVERY_DELAY_MS`."""
        delays = tuple(int(d) for d in delays_ms)
        if not delays or any(d < 0 for d in delays):
            raise ValueError("delays must be a non-empty sequence of non-negative milliseconds")
        self._recovery_delays = delays
        self._stable_timer.setInterval(int(stable_ms))

    @property
    def crash_streak(self) -> int:
        """Render-process crashes since the page was last stable."""
        return self._crash_streak

    def next_recovery_delay_ms(self) -> int:
        return self._recovery_delays[min(self._crash_streak, len(self._recovery_delays) - 1)]

    # -- kiosk lockdown ----------------------------------------------------------------

    @property
    def is_locked_down(self) -> bool:
        return self._locked

    def lock_down(self, background: QColor | None = None) -> None:
        """Kiosk mode: no context menu, dialogs, file chooser, downloads, permissions, full screen,
        printing, drops or page zoom; the page disables text selection (``chronomap.lockDown``)
        after every load. The map keeps its own bounded pan and zoom. *background* is what the
        view shows while the page (re)loads, instead of white. Cannot be undone."""
        if self._locked or self._page is None:
            return
        self._locked = True
        page, view = self._page, self._view
        page.locked = True
        if background is not None:
            page.setBackgroundColor(background)
        for widget in (self, view):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            widget.setAcceptDrops(False)
        attr = QWebEngineSettings.WebAttribute
        settings = page.settings()
        for name, on in (("NavigateOnDropEnabled", False), ("JavascriptCanPaste", False), ("PdfViewerEnabled", False),
                         ("ScreenCaptureEnabled", False), ("AllowWindowActivationFromJavaScript", False),
                         ("FocusOnNavigationEnabled", False), ("HyperlinkAuditingEnabled", False),
                         ("TouchIconsEnabled", False)):
            if hasattr(attr, name):
                settings.setAttribute(getattr(attr, name), on)
        view.setZoomFactor(1.0)
        if hasattr(page, "permissionRequested"):  # Qt 6.8+ (it covers what the old signal asked too)
            page.permissionRequested.connect(self._deny_permission)
        else:  # before 6.8; connecting both would answer twice, the second time through a deprecated call
            page.featurePermissionRequested.connect(self._deny_feature)
        page.fullScreenRequested.connect(self._refuse_request)
        for signal_name in ("fileSystemAccessRequested", "registerProtocolHandlerRequested"):
            if hasattr(page, signal_name):
                getattr(page, signal_name).connect(self._refuse_request)
        page.printRequested.connect(lambda: log.info("page print request ignored"))
        if hasattr(page, "printRequestedByFrame"):
            page.printRequestedByFrame.connect(lambda *_: log.info("page print request ignored"))
        page.windowCloseRequested.connect(lambda: log.info("page asked to close its window; ignored"))
        page.profile().downloadRequested.connect(self._cancel_download)
        self.ready.connect(self._lock_page)
        if self._ready:
            self._lock_page()

    def _lock_page(self) -> None:
        if self._view is None:
            return
        self._view.setZoomFactor(1.0)
        proxy = self._view.focusProxy()
        if proxy is not None:
            proxy.setAcceptDrops(False)
            proxy.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.evaluate("(typeof chronomap === 'object' && chronomap.lockDown) ? chronomap.lockDown() : false")

    def _deny_permission(self, permission) -> None:
        log.info("page permission request denied: %s", getattr(permission.permissionType(), "name", "?"))
        permission.deny()

    def _deny_feature(self, url, feature) -> None:
        if self._page is None:
            return
        log.info("page permission request denied: %s", getattr(feature, "name", feature))
        self._page.setFeaturePermission(url, feature, QWebEnginePage.PermissionPolicy.PermissionDeniedByUser)

    def _refuse_request(self, request) -> None:
        log.info("page request refused: %s", type(request).__name__)
        request.reject()

    def _cancel_download(self, download) -> None:
        log.warning("download refused: %s", download.url().toString())
        download.cancel()

    def set_zoom_factor(self, factor: float) -> None:
        """Device pixels per CSS pixel: exports lay the map out small and draw it finer."""
        if self._view is not None:
            self._view.setZoomFactor(factor)

    def print_to_pdf(self, path: str, page_layout, callback: Callable[[bool], Any]) -> None:
        """Print the page to *path* (vectors where the page draws them); *callback(ok)* when done."""
        page = self._page

        def finished(file_path: str, ok: bool) -> None:
            if file_path == path:
                page.pdfPrintingFinished.disconnect(finished)
                callback(ok)

        page.pdfPrintingFinished.connect(finished)
        page.printToPdf(path, page_layout)

    # -- internals -------------------------------------------------------------------

    def _send(self, script: str, seq: int) -> None:
        if self._page is None:
            return
        document = self._document

        def done(result: Any) -> None:
            if isinstance(result, (int, float)) and not isinstance(result, bool):
                confirmed = int(result)
                self.state_applied.emit(confirmed)
                if self._recovering and self._recover_seq is not None and confirmed >= self._recover_seq:
                    self._finish_recovery()
            elif document != self._document:
                log.debug("state %d went to a page since replaced; the new one gets the latest state", seq)
            else:
                log.warning("the page did not confirm state %d (got %r)", seq, result)

        self._page.runJavaScript(script, 0, done)

    def _on_page_ready(self) -> None:
        if self._ready:
            return
        self._ready = True
        if self._load_started_at is not None:
            self.last_load_seconds = time.perf_counter() - self._load_started_at
            log.info("map page ready in %.0f ms", self.last_load_seconds * 1000)
            self._load_started_at = None
        resend = self._last_state is not None and (self._pending or self._recovering)
        if resend:
            self._pending = False
            state = self._last_state
            if self._recovering:
                self._recover_seq = state["seq"]
            self._send(apply_state_script(state), state["seq"])
        self.ready.emit()
        if self._recovering and not resend:
            self._finish_recovery()

    def _finish_recovery(self) -> None:
        self._recovering = False
        self._recover_seq = None
        self._stable_timer.start()
        log.info("map page recovered")
        self.recovered.emit()

    def _on_stable(self) -> None:
        if not self._recovering:
            self._crash_streak = 0

    def _on_js_error(self, message: str) -> None:
        js_log.error("%s", message)
        self._error_count += 1
        self.js_error.emit(message)

    def _on_console_error(self, message: str) -> None:
        self._error_count += 1  # logged by the page already
        self.js_error.emit(message)

    def _on_load_finished(self, ok: bool) -> None:
        if ok or self._recovering or self._url is None:
            return
        if self._page.url() == self._url:
            log.error("map page failed to load: %s", self._url.toString())
            self.js_error.emit(f"page failed to load: {self._url.toString()}")

    def release(self) -> None:
        """Delete the web page now, while the web profile still exists (before a quit
        that never runs the event loop, as in a command-line export)."""
        from PySide6.QtCore import QEvent

        self._release_page()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _release_page(self) -> None:
        """At application quit: delete the web view and page while the web
        profile still exists (a page outliving it makes Chromium complain)."""
        if self._page is None:
            return
        self._recovery_timer.stop()
        self._stable_timer.stop()
        self._ready = False
        view, self._view, self._page = self._view, None, None
        view.hide()
        view.deleteLater()  # the page is the view's child

    def _on_render_process_terminated(self, status, exit_code: int) -> None:
        Status = QWebEnginePage.RenderProcessTerminationStatus
        if status == Status.NormalTerminationStatus:
            log.info("map render process ended normally")
            return
        delay = self.next_recovery_delay_ms()
        self._crash_streak += 1
        self._document += 1
        self._stable_timer.stop()
        log.error(
            "map render process terminated (%s, exit code %s); reloading in %d ms",
            getattr(status, "name", status),
            exit_code,
            delay,
        )
        self._ready = False
        self._recovering = True
        self._recovery_timer.start(delay)

    def _reload_after_crash(self) -> None:
        if self._url is None or self._page is None:
            return
        self._load_started_at = time.perf_counter()
        self._page.load(self._url)


def _erase_marker(image: QImage, zoom: float) -> QImage:
    """Paint the paint mark's corner with the colour just left of it."""
    from math import ceil

    size = ceil(2 * zoom) + 1
    w, h = image.width(), image.height()
    if w <= size + 2 or h <= size:
        return image
    for y in range(h - size, h):
        colour = image.pixelColor(w - size - 2, y)
        for x in range(w - size - 1, w):
            image.setPixelColor(x, y, colour)
    return image
