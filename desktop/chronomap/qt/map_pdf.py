"""Printing the map page to PDF: the map as vectors where the page draws them, text as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QPageLayout

from chronomap.qt.map_page import MapWeb


def print_to_pdf(web: MapWeb, path: str, page_layout: QPageLayout, callback: Callable[[bool], Any]) -> None:
    """Print the page to *path*; *callback(ok)* when done (at once with False once the page is released)."""
    page = web.page
    if page is None:
        callback(False)
        return

    def finished(file_path: str, ok: bool) -> None:
        if file_path == path:
            page.pdfPrintingFinished.disconnect(finished)
            callback(ok)

    page.pdfPrintingFinished.connect(finished)
    page.printToPdf(path, page_layout)
