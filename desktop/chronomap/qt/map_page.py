"""The map's web page: its settings, its channel back to Python, and the one runner of bridge scripts.

:class:`MapWeb` owns the QWebEngineView, the :class:`MapPage` in it and the
QWebChannel the page calls (:class:`PageHost`). :meth:`MapPage.run` is the only
place in the app that runs JavaScript, and it takes only a
:data:`chronomap.map.bridge.Script`. The other parts of the map view
(lifecycle, lockdown, frames, PDF) work on a :class:`MapWeb`; after
:meth:`MapWeb.release` its ``page`` and ``view`` are ``None`` and every part
becomes a harmless no-op.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QFile, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from chronomap.map.bridge import HOST_OBJECT, Script

log = logging.getLogger("chronomap.ui")
js_log = logging.getLogger("chronomap.js")

_ALWAYS_ALLOWED_SCHEMES = {"data", "qrc"}

#: The map's sea (``assets/map/chronomap.css``): what the view shows before its page paints, instead of white.
SEA = QColor("#c9d6da")


class PageHost(QObject):
    """The QWebChannel object the page calls as ``chronomapHost`` (see :data:`chronomap.map.bridge.HOST_METHODS`)."""

    page_ready = Signal(int)  # the document's number (qt.map_lifecycle gives each one)
    place_clicked = Signal(str)
    js_error = Signal(str)
    map_clicked = Signal(float, float)  # lat, lon (editing only)
    place_moved = Signal(str, float, float)  # id, lat, lon (editing only)
    #: To the page (chronomap.map.bridge.HOST_STATE_SENT): a state's seq and JSON text, applied by the script after it.
    stateSent = Signal(int, str)  # noqa: N815 (JavaScript-facing name)

    @Slot(int)
    def pageReady(self, page_id: int) -> None:  # noqa: N802 (JavaScript-facing name)
        self.page_ready.emit(int(page_id))

    @Slot(str)
    def placeClicked(self, place_id: str) -> None:  # noqa: N802
        self.place_clicked.emit(str(place_id))

    @Slot(str)
    def jsError(self, message: str) -> None:  # noqa: N802
        self.js_error.emit(str(message))

    @Slot(float, float)
    def mapClicked(self, lat: float, lon: float) -> None:  # noqa: N802
        self.map_clicked.emit(float(lat), float(lon))

    @Slot(str, float, float)
    def placeMoved(self, place_id: str, lat: float, lon: float) -> None:  # noqa: N802
        self.place_moved.emit(str(place_id), float(lat), float(lon))


class MapPage(QWebEnginePage):
    """A page that stays on its own file, routes console messages to logging and runs bridge scripts."""

    console_error = Signal(str)
    navigation_refused = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.home: QUrl | None = None
        self.locked = False  # set by the lockdown: no JavaScript dialogs, no file chooser

    def run(self, script: Script, callback: Callable[[Any], Any] | None = None) -> None:
        """Run a script built by :mod:`chronomap.map.bridge`; *callback* gets its value."""
        if callback is None:
            self.runJavaScript(script, 0)
        else:
            self.runJavaScript(script, 0, callback)

    # -- JavaScript dialogs and the file chooser (refused once locked) -------------------

    def javaScriptAlert(self, origin: QUrl | str, message: str) -> None:  # noqa: N802
        if self.locked:
            log.info("page alert suppressed: %s", message)
            return
        super().javaScriptAlert(origin, message)

    def javaScriptConfirm(self, origin: QUrl | str, message: str) -> bool:  # noqa: N802
        if self.locked:
            log.info("page confirm suppressed (answered no): %s", message)
            return False
        return super().javaScriptConfirm(origin, message)

    def javaScriptPrompt(self, origin: QUrl | str, message: str, default: str) -> Any:  # noqa: N802
        if self.locked:
            log.info("page prompt suppressed (cancelled): %s", message)
            return False, ""
        return super().javaScriptPrompt(origin, message, default)

    def chooseFiles(self, mode: Any, old_files: Any, accepted_mime_types: Any) -> list[str]:  # noqa: N802
        if self.locked:
            log.info("page file chooser refused")
            return []
        return super().chooseFiles(mode, old_files, accepted_mime_types)

    # -- navigation ---------------------------------------------------------------------

    def _is_home(self, url: QUrl) -> bool:
        if self.home is None:
            return False
        # Same local file; a fragment or query on it doesn't make it another page.
        return url.isLocalFile() and url.toLocalFile() == self.home.toLocalFile()

    def is_allowed(self, url: QUrl) -> bool:
        """Whether the page may navigate to *url*: its own file, ``about:blank``, ``data:`` and ``qrc:``."""
        if url.toString() == "about:blank":
            return True
        if url.scheme() in _ALWAYS_ALLOWED_SCHEMES:
            return True
        return self._is_home(url)

    def acceptNavigationRequest(self, url: QUrl | str, nav_type: Any, is_main_frame: bool) -> bool:  # noqa: N802
        url = QUrl(url)
        if self.is_allowed(url):
            return True
        text = url.toString()
        log.warning("refused navigation to %s (%s)", text, getattr(nav_type, "name", nav_type))
        self.navigation_refused.emit(text)
        return False

    def createWindow(self, window_type: Any) -> Any:  # noqa: N802
        log.warning("refused to open a new window (%s)", getattr(window_type, "name", window_type))
        return None

    def javaScriptConsoleMessage(self, level: Any, message: str, line: int, source: str) -> None:  # noqa: N802
        Level = QWebEnginePage.JavaScriptConsoleMessageLevel
        where = f"{source}:{line}" if source else f"line {line}"
        if level == Level.ErrorMessageLevel:
            js_log.error("%s (%s)", message, where)
            self.console_error.emit(f"{message} ({where})")
        elif level == Level.WarningMessageLevel:
            js_log.warning("%s (%s)", message, where)
        else:
            js_log.info("%s (%s)", message, where)


class MapWeb(QObject):
    """The web view, its page and the channel, made and released together."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.view: QWebEngineView | None = QWebEngineView(parent)
        self.page: MapPage | None = MapPage(self.view)
        self.view.setPage(self.page)
        self.page.setBackgroundColor(SEA)  # a start shows the sea, then the map: no white frame before it
        _configure(self.page.settings())
        self.host = PageHost(self)
        self._channel = QWebChannel(self.page)
        self._channel.registerObject(HOST_OBJECT, self.host)
        self.page.setWebChannel(self._channel)

    def run(self, script: Script, callback: Callable[[Any], Any] | None = None) -> bool:
        """Run *script* in the page; False (and no callback) once the page is released or deleted (a window
        closed while a state was in flight: its answer arrives after the page has gone)."""
        if self.page is None or not shiboken6.isValid(self.page):
            return False
        self.page.run(script, callback)
        return True

    def send_state(self, seq: int, text: str) -> bool:
        """Hand the page a state's JSON text through the channel (applied by ``bridge.apply_sent_state(seq)``,
        run after it); False once the page is released."""
        if self.page is None or not shiboken6.isValid(self.page):
            return False
        self.host.stateSent.emit(seq, text)
        return True

    def zoom_factor(self) -> float:
        return self.view.zoomFactor() if self.view is not None else 1.0

    def release(self) -> None:
        """Delete the view and page (later, by Qt) while the web profile still exists."""
        if self.view is None:
            return
        view, self.view, self.page = self.view, None, None
        view.hide()
        view.deleteLater()  # the page is the view's child


def webchannel_source() -> str | None:
    """Qt's ``qwebchannel.js`` (the page's side of the channel, :data:`chronomap.map.page.QWEBCHANNEL_URL`),
    read from Qt's resources; None when it cannot be read."""
    resource = QFile(":/qtwebchannel/qwebchannel.js")
    if not resource.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    try:
        return bytes(resource.readAll().data()).decode("utf-8")
    except UnicodeDecodeError:
        return None
    finally:
        resource.close()


def _configure(settings: QWebEngineSettings) -> None:
    attr = QWebEngineSettings.WebAttribute
    settings.setAttribute(attr.LocalContentCanAccessFileUrls, True)
    settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, False)
    settings.setAttribute(attr.JavascriptCanOpenWindows, False)
    settings.setAttribute(attr.JavascriptCanAccessClipboard, False)
    settings.setAttribute(attr.PluginsEnabled, False)
    settings.setAttribute(attr.ErrorPageEnabled, False)
    settings.setAttribute(attr.ShowScrollBars, False)
    settings.setAttribute(attr.FullScreenSupportEnabled, False)
