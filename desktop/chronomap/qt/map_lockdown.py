"""Kiosk lockdown of the map page: what a visitor must not reach through the web view.

Once :meth:`Lockdown.apply` has run, the page has no context menu, JavaScript
dialogs, file chooser, downloads, permissions, full screen, printing, drops or
page zoom, and after every load the page script disables text selection
(``chronomap.lockDown``). It cannot be undone.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWidgets import QWidget

from chronomap.map import bridge
from chronomap.qt.map_page import MapWeb

log = logging.getLogger("chronomap.ui")

#: Settings switched off, by name (some exist only in newer Qt versions).
LOCKED_OFF = ("NavigateOnDropEnabled", "JavascriptCanPaste", "PdfViewerEnabled", "ScreenCaptureEnabled",
              "AllowWindowActivationFromJavaScript", "FocusOnNavigationEnabled", "HyperlinkAuditingEnabled",
              "TouchIconsEnabled")


class Lockdown(QObject):
    """Locks a :class:`MapWeb` down and keeps it locked across loads (connect ``ready`` to :meth:`relock`)."""

    def __init__(self, web: MapWeb, widget: QWidget):
        super().__init__(web)
        self._web = web
        self._widget = widget
        self.locked = False

    def apply(self, ready: SignalInstance, is_ready: bool, background: QColor | None = None) -> None:
        """Lock the page now; :meth:`relock` runs on every *ready* after this (and at once if *is_ready*)."""
        page, view = self._web.page, self._web.view
        if self.locked or page is None or view is None:
            return
        self.locked = True
        page.locked = True
        if background is not None:
            page.setBackgroundColor(background)
        for widget in (self._widget, view):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            widget.setAcceptDrops(False)
        attr = QWebEngineSettings.WebAttribute
        settings = page.settings()
        for name in LOCKED_OFF:
            if hasattr(attr, name):
                settings.setAttribute(getattr(attr, name), False)
        view.setZoomFactor(1.0)
        if hasattr(page, "permissionRequested"):  # Qt 6.8+ (it covers what the old signal asked too)
            page.permissionRequested.connect(_deny_permission)
        else:  # before 6.8; connecting both would answer twice, the second time through a deprecated call
            page.featurePermissionRequested.connect(self._deny_feature)
        page.fullScreenRequested.connect(_refuse_request)
        for signal_name in ("fileSystemAccessRequested", "registerProtocolHandlerRequested"):
            if hasattr(page, signal_name):
                getattr(page, signal_name).connect(_refuse_request)
        page.printRequested.connect(lambda: log.info("page print request ignored"))
        if hasattr(page, "printRequestedByFrame"):
            page.printRequestedByFrame.connect(lambda *_: log.info("page print request ignored"))
        page.windowCloseRequested.connect(lambda: log.info("page asked to close its window; ignored"))
        page.profile().downloadRequested.connect(_cancel_download)
        ready.connect(self.relock)
        if is_ready:
            self.relock()

    def relock(self) -> None:
        """What a new document needs again: page zoom 1, the focus proxy locked, ``chronomap.lockDown()``."""
        view = self._web.view
        if view is None:
            return
        view.setZoomFactor(1.0)
        proxy = view.focusProxy()
        if proxy is not None:
            proxy.setAcceptDrops(False)
            proxy.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._web.run(bridge.lock_down())

    def _deny_feature(self, url: Any, feature: Any) -> None:
        page = self._web.page
        if page is None:
            return
        log.info("page permission request denied: %s", getattr(feature, "name", feature))
        page.setFeaturePermission(url, feature, QWebEnginePage.PermissionPolicy.PermissionDeniedByUser)


def _deny_permission(permission: Any) -> None:
    log.info("page permission request denied: %s", getattr(permission.permissionType(), "name", "?"))
    permission.deny()


def _refuse_request(request: Any) -> None:
    log.info("page request refused: %s", type(request).__name__)
    request.reject()


def _cancel_download(download: Any) -> None:
    log.warning("download refused: %s", download.url().toString())
    download.cancel()
