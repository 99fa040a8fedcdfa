"""Paper presets give real paper: an A4 PDF is 842 × 595 pt, an A4 PNG is tagged 300 dpi (issue 14.19)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from chronomap.export.moments import start_moment
from chronomap.export.options import PRESETS, SnapshotOptions
from chronomap.export.snapshotter import Snapshotter

pytestmark = pytest.mark.gui

A4_POINTS = (841.89, 595.28)  # 297 × 210 mm
A3_POINTS = (1190.55, 841.89)


def _options(key: str) -> SnapshotOptions:
    preset = next(p for p in PRESETS if p.key == key)
    return SnapshotOptions(preset.width, preset.height, preset.scale, dpi=preset.dpi)


def test_the_a4_preset_is_a4_paper(qapp, exhibit, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    snap = Snapshotter(exhibit, _options("a4"), vector=True)
    try:
        moment = start_moment(snap.timeline, None, "independence")
        pdf = snap.save_pdf(moment, tmp_path / "a4.pdf")
        png = snap.render(moment)
    finally:
        snap.close()
    document = QPdfDocument()
    document.load(str(pdf))
    assert document.pageCount() == 1  # the map fits the sheet: nothing spills onto a second page
    size = document.pagePointSize(0)
    assert abs(size.width() - A4_POINTS[0]) < 1 and abs(size.height() - A4_POINTS[1]) < 1, size
    assert "16 December 1991" in document.getAllText(0).text()  # the caption is on the sheet, not cut off
    assert (png.width(), png.height()) == (3508, 2480)
    assert round(png.dotsPerMeterX() * 0.0254) == 300 and round(png.dotsPerMeterY() * 0.0254) == 300


def test_paper_sizes_from_the_presets():
    for key, points in (("a4", A4_POINTS), ("a3", A3_POINTS)):
        width, height = _options(key).page_points
        assert abs(width - points[0]) < 1 and abs(height - points[1]) < 1, key


def test_a_screen_picture_keeps_the_css_page_and_96_dpi_per_scale():
    options = SnapshotOptions(1600, 1000, 1.0)
    assert options.print_dpi == 96 and options.page_points == (1200, 750)
    assert SnapshotOptions(3840, 2160, 2.0).print_dpi == 192


def test_map_labels_are_in_the_pdf_once_each(qapp, exhibit, tmp_path):
    """Issue 14.20: every halo copy and stroke was text of its own, so 'KAZAKHSTAN' read 'KA K AZ ZA…'."""
    from PySide6.QtPdf import QPdfDocument

    snap = Snapshotter(exhibit, SnapshotOptions(1600, 1000, 1.0), vector=True)
    try:
        pdf = snap.save_pdf(start_moment(snap.timeline, None, "independence"), tmp_path / "labels.pdf")
    finally:
        snap.close()
    document = QPdfDocument()
    document.load(str(pdf))
    text = document.getAllText(0).text()
    letters = "".join(text.split())
    assert "KAZAKHSTAN" in letters, text[:200]
    assert letters.count("Alma-Ata") == 1 and letters.count("Karaganda") == 1


def test_the_sheet_printed_from_the_hidden_page_is_the_one_the_shown_page_prints(qapp, exhibit, tmp_path, monkeypatch):
    """A page for print is hidden once loaded (it rasters no frame on screen): the sheet is the same."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    def sheet(name: str) -> tuple[QImage, bool]:
        snap = Snapshotter(exhibit, SnapshotOptions(1600, 1000, 1.0), vector=True)
        try:
            pdf = snap.save_pdf(start_moment(snap.timeline, None, "august-coup"), tmp_path / f"{name}.pdf")
            drawn = snap.view.isVisible()
        finally:
            snap.close()
        document = QPdfDocument()
        document.load(str(pdf))
        page = document.render(0, QSize(1200, 750))
        document.close()
        return page, drawn

    hidden, drawn = sheet("hidden")
    assert not drawn
    monkeypatch.setattr(Snapshotter, "_draw_frames", lambda self, on: self.view.setVisible(True))
    shown, drawn = sheet("shown")
    assert drawn
    assert hidden == shown
