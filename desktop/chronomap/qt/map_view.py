"""MapView: the widget that shows the map page and speaks its protocol.

The one place in the app that owns a QWebEngineView; a facade over small parts:
:mod:`~chronomap.qt.map_page` (the page, its channel and the one runner of
bridge scripts), :mod:`~chronomap.qt.map_lifecycle` (load, readiness, crash
recovery, renewal), :mod:`~chronomap.qt.map_state` (the latest state, sent and
restored), :mod:`~chronomap.qt.map_lockdown` (kiosk),
:mod:`~chronomap.qt.map_frames` (settling, grabbing) and
:mod:`~chronomap.qt.map_pdf`. Every call into the page is a typed
:mod:`chronomap.map.bridge` function.

The page is loaded once (:meth:`MapView.load`); every later change goes
through :meth:`MapView.show_state` (``chronomap.applyState``). The view is
never reloaded for a state change, only to recover from a crashed render
process or to :meth:`~MapView.renew` it.

Call :func:`chronomap.qt.webengine.configure_webengine` before the
QApplication is created.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from chronomap.map import bridge
from chronomap.map.bridge import ChromeOptions, LatLng, MapCandidate, PageState
from chronomap.qt.map_frames import FrameGrabber
from chronomap.qt.map_lifecycle import RECOVERY_DELAY_MS, RECOVERY_STABLE_MS, PageLifecycle
from chronomap.qt.map_lockdown import Lockdown
from chronomap.qt.map_page import MapPage, MapWeb
from chronomap.qt.map_pdf import print_to_pdf
from chronomap.qt.map_picture import PictureCover, same_state
from chronomap.qt.map_state import StateChannel

__all__ = ["RECOVERY_DELAY_MS", "RECOVERY_STABLE_MS", "MapView"]

log = logging.getLogger("chronomap.ui")
js_log = logging.getLogger("chronomap.js")


class MapView(QWidget):
    """The map page in a widget.

    Signals:
      ready()               the page is drawn and the bridge is up (after every load)
      place_clicked(str)    a place was clicked on the map; its id
      state_applied(int)    the page confirmed the state with this seq
      js_error(str)         a JavaScript error (console error, onerror, rejection); each is also
                            logged at ERROR on ``chronomap.js`` (so the test suite fails on it)
      recovered()           the page came back after its render process died (or was renewed)
                            and the last state is applied again
      navigation_refused(str)  the page tried to leave its file; the URL
      map_clicked(float, float)          editing (:meth:`set_editing`): the map was clicked at (lat, lon)
      place_moved(str, float, float)     editing: a place's handle was dropped at (lat, lon); its id
    """

    ready = Signal()
    place_clicked = Signal(str)
    state_applied = Signal(int)
    js_error = Signal(str)
    recovered = Signal()
    navigation_refused = Signal(str)
    map_clicked = Signal(float, float)
    place_moved = Signal(str, float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._web = MapWeb(self)
        self._life = PageLifecycle(self._web)
        self._state = StateChannel(self._web, self._life)  # hears document_ready before the view does
        self._lockdown = Lockdown(self._web, self)
        self._frames = FrameGrabber(self._web)
        page, view = self._web.page, self._web.view
        assert page is not None and view is not None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)

        self._error_count = 0
        self._cover: PictureCover | None = None  # the opening picture while the page loads (cover_with_picture)
        self._picture_painted_at: float | None = None

        self._life.document_ready.connect(self._on_document_ready)
        self._state.applied.connect(self.state_applied)
        self._life.recovered.connect(self.recovered)
        self._life.load_failed.connect(self.js_error)
        self._life.load_failed.connect(lambda *_: self._drop_cover("the page failed to load"))
        self._web.host.place_clicked.connect(self.place_clicked)
        self._web.host.js_error.connect(self._on_js_error)
        self._web.host.map_clicked.connect(self.map_clicked)
        self._web.host.place_moved.connect(self.place_moved)
        page.console_error.connect(self._on_console_error)
        page.navigation_refused.connect(self.navigation_refused)

        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._life.release)

    # -- what it shows --------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        return self._life.ready

    @property
    def page_url(self) -> QUrl | None:
        """The page's own file URL (None before :meth:`load`)."""
        return QUrl(self._life.url) if self._life.url is not None else None

    @property
    def current_url(self) -> QUrl:
        """The URL the web page shows now."""
        page = self._web.page
        return page.url() if page is not None else QUrl()

    @property
    def js_error_count(self) -> int:
        """JavaScript errors reported so far (each one also emitted as js_error)."""
        return self._error_count

    @property
    def last_state(self) -> PageState | None:
        """A copy of the last state given to :meth:`show_state`, with its seq."""
        return self._state.last

    @property
    def last_load_seconds(self) -> float | None:
        """How long the last load took until the page was ready."""
        return self._life.last_load_seconds

    def load(self, page: Path) -> None:
        """Load the page written by :func:`chronomap.map.page.build_page`.

        Forgets any earlier state: call :meth:`show_state` after this.
        """
        self._drop_cover("another page is loaded")
        self._state.forget()
        self._life.load(page)

    def show_state(self, state: PageState | dict[str, Any]) -> int:
        """Show *state* (a :class:`~chronomap.map.bridge.PageState`); returns the seq given to it.

        Any ``seq`` in it is replaced. Before the page is ready only the latest state is
        kept and sent once it is; ``state_applied(seq)`` follows the page's confirmation.
        """
        if self._cover is not None and not same_state(state, self._cover.opening):
            self._drop_cover("the session's moment changed")
        return self._state.show(state)

    def cover_with_picture(self, image: QImage, opening: PageState | dict[str, Any]) -> None:
        """Show *image*, the picture of this page's first frame showing *opening* (:mod:`chronomap.qt.map_picture`),
        over the page until the page has drawn that frame itself (or anything else happens: then at once)."""
        self._drop_cover("another picture")
        if self._life.ready:
            return
        view = self._web.view
        cover = self._cover = PictureCover(self, image, opening, self.input_target() if view is not None else self)
        cover.dropped.connect(lambda *_: self._forget_cover(cover))
        cover.show()

    @property
    def has_picture(self) -> bool:
        """Whether the opening picture is over the page now."""
        return self._cover is not None

    @property
    def picture_painted_at(self) -> float | None:
        """When the opening picture was first painted (wall clock, ``time.time()``); None: none was."""
        if self._cover is not None and self._cover.painted_at is not None:
            return self._cover.painted_at
        return self._picture_painted_at

    def query(self, callback: Callable[[dict | None], Any]) -> None:
        """Call *callback* with the page's ``chronomap.snapshot()`` (None if no page)."""

        def done(result: Any) -> None:
            try:
                snapshot = bridge.parse_snapshot(result)
            except ValueError:
                log.warning("unreadable snapshot from the page: %r", result)
                snapshot = None
            callback(snapshot)

        if not self._web.run(bridge.snapshot(), done):
            callback(None)

    def show_place(self, place_id: str) -> None:
        """Glide the map to a place (its label stays as the state has it)."""
        self._web.run(bridge.show_place(place_id))

    def reset_view(self) -> None:
        """Back to the page's initial frame, popups closed; the next state's focus is framed again."""
        self._web.run(bridge.reset_view())

    def set_chrome(self, options: ChromeOptions, callback: Callable[[Any], Any] | None = None) -> None:
        """The map's furniture for a snapshot (``chronomap.setChrome``); *callback* when applied."""
        self._web.run(bridge.set_chrome(options), callback)

    def set_view(self, center: LatLng, zoom: float, callback: Callable[[Any], Any] | None = None) -> None:
        """Exactly this view, no glide (``chronomap.setView``); *callback* when set."""
        self._web.run(bridge.set_view(center, zoom), callback)

    def caption_text(self, callback: Callable[[str | None], Any]) -> None:
        """*callback* with the caption's text as shown (None when there is none)."""
        self._web.run(bridge.caption_text(), callback)

    def link_hovered(self, callback: Callable[[Any], Any]) -> None:
        """*callback* with whether the pointer is over a link of the page (it then shows its hover look)."""
        if not self._web.run(bridge.link_hovered(), callback):
            callback(None)

    def inner_width(self, callback: Callable[[Any], Any]) -> None:
        """*callback* with the page's width in CSS pixels."""
        self._web.run(bridge.inner_width(), callback)

    def ping(self, callback: Callable[[Any], Any]) -> None:
        """*callback* with the seq of the last state the page applied (−1 without a page script).

        Cheap; a watchdog's proof that the page still answers. No call once the page is released.
        """
        self._web.run(bridge.seq(), callback)

    # -- the editor's map (the desk's exhibit editor only) -------------------------------
    # Each is a no-op before the page is ready (callback None): call them again on ``ready``.

    def set_editing(self, on: bool, callback: Callable[[Any], Any] | None = None) -> bool:
        """Map clicks reported as ``map_clicked``, and the handle of :meth:`move_place`; False if not sent."""
        script = bridge.set_editing(on)
        return self._life.ready and self._web.run(script, callback)

    def show_candidates(self, candidates: Sequence[MapCandidate], callback: Callable[[Any], Any] | None = None) -> bool:
        """Gazetteer candidates as numbered rings while editing (an empty list clears them)."""
        script = bridge.show_candidates(candidates)
        return self._life.ready and self._web.run(script, callback)

    def move_place(self, place_id: str, lat: float, lon: float, callback: Callable[[Any], Any] | None = None) -> bool:
        """The place's point drawn at (lat, lon) with, while editing, a handle that reports ``place_moved``."""
        script = bridge.move_place(place_id, lat, lon)
        return self._life.ready and self._web.run(script, callback)

    def edit_state(self, callback: Callable[[dict | None], Any]) -> None:
        """*callback* with ``chronomap.editState()``: editing, the handle (its place, point and pixel), candidates."""
        def done(result: Any) -> None:
            try:
                state = bridge.parse_snapshot(result)
            except ValueError:  # a page between documents answers ""
                state = None
            callback(state)

        if not self._web.run(bridge.edit_state(), done):
            callback(None)

    # -- frames and files ------------------------------------------------------------

    def grab_frame(self) -> QImage:
        """What the view shows now, as an image (not settled: see :meth:`grab_settled`)."""
        return self._frames.grab_frame()

    def when_settled(self, callback: Callable[[], Any], timeout_ms: int = 10_000) -> None:
        """Call *callback* once no glide is under way and the page has painted since."""
        self._frames.when_settled(callback, timeout_ms)

    def grab_settled(self, callback: Callable[[QImage], Any], timeout_ms: int = 10_000) -> None:
        """Call *callback* with the view's picture once it is settled and painted."""
        self._frames.grab_settled(callback, timeout_ms)

    def set_zoom_factor(self, factor: float) -> None:
        """Device pixels per CSS pixel: exports lay the map out small and draw it finer."""
        if self._web.view is not None:
            self._web.view.setZoomFactor(factor)

    def print_to_pdf(self, path: str, page_layout: QPageLayout, callback: Callable[[bool], Any]) -> None:
        """Print the page to *path* (vectors where the page draws them); *callback(ok)* when done."""
        print_to_pdf(self._web, path, page_layout, callback)

    # -- lifecycle -------------------------------------------------------------------

    def renew(self) -> bool:
        """Show the same page in a fresh render process, the last state restored (``ready`` then
        ``recovered`` follow). A long-running kiosk calls this when nobody is looking: a renderer
        that has drawn thousands of states holds on to memory a new one does not have.
        False when there is no page to renew."""
        return self._life.renew()

    def render_process_pid(self) -> int:
        """The page's render process id (0 when there is none)."""
        page = self._web.page
        return page.renderProcessPid() if page is not None else 0

    def set_recovery_delays(self, delays_ms: Sequence[int], stable_ms: int = RECOVERY_STABLE_MS) -> None:
        """Wait ``delays_ms[n]`` before the reload after the n-th crash in a row (the last delay
        repeats); a page that stays up *stable_ms* after recovering starts the count again.
        The default is :data:`RECOVERY_DELAYS_MS`: a quick first retry, then backing off."""
        self._life.set_recovery_delays(delays_ms, stable_ms)

    @property
    def crash_streak(self) -> int:
        """Render-process crashes since the page was last stable."""
        return self._life.crash_streak

    def next_recovery_delay_ms(self) -> int:
        return self._life.next_recovery_delay_ms()

    @property
    def is_locked_down(self) -> bool:
        return self._lockdown.locked

    def lock_down(self, background: QColor | None = None) -> None:
        """Kiosk mode (see :mod:`chronomap.qt.map_lockdown`); *background* is what the view shows
        while the page (re)loads, instead of white. Cannot be undone."""
        self._lockdown.apply(self.ready, self._life.ready, background)

    def release(self) -> None:
        """Delete the web page now, while the web profile still exists (before a quit
        that never runs the event loop, as in a command-line export)."""
        self._life.release()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # -- test seams (typed; no test reaches into private parts) ----------------------------

    @property
    def web_page(self) -> MapPage | None:
        """The web page, for tests and diagnostics (its signals, settings, profile); None once released."""
        return self._web.page

    @property
    def web_view(self) -> QWebEngineView | None:
        """The web view (its zoom factor, its focus proxy); None once released."""
        return self._web.view

    def input_target(self) -> QWidget:
        """The widget that takes the page's mouse and key events (for simulated input)."""
        view = self._web.view
        if view is None:
            return self
        return view.focusProxy() or view

    # -- internals -------------------------------------------------------------------

    def _on_document_ready(self) -> None:
        if self._cover is not None:  # replaced by the live page once it has drawn its first frame
            cover = self._cover

            def drawn() -> None:
                if cover is self._cover:
                    self._drop_cover("the page is drawn")

            self._frames.when_settled(drawn, 3_000)
        self.ready.emit()
        if self._life.recovering and not self._state.restoring:
            self._life.finish_recovery()  # nothing to restore: back as soon as it is ready

    def _drop_cover(self, why: str) -> None:
        cover, self._cover = self._cover, None
        if cover is not None:
            cover.drop(why)  # (its ``dropped`` keeps when it was painted: _forget_cover)

    def _forget_cover(self, cover: PictureCover) -> None:
        if self._cover is cover:
            self._cover = None
        if cover.painted_at is not None:
            self._picture_painted_at = cover.painted_at

    def _on_js_error(self, message: str) -> None:
        js_log.error("%s", message)
        self._error_count += 1
        self.js_error.emit(message)

    def _on_console_error(self, message: str) -> None:
        self._error_count += 1  # logged by the page already
        self.js_error.emit(message)
