"""``export --with-media``: the map beside the event's first picture, its caption and credit, checked by pixels.

The credit must be on every exported picture that shows a photograph: its box (where the layout put
it) holds exactly that line as drawn alone, and it is not empty.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from chronomap.export.cli import write_batch
from chronomap.export.media_layout import plan
from chronomap.export.moments import start_moment
from chronomap.export.options import PRESETS, ExportError, SnapshotOptions
from chronomap.export.snapshotter import Snapshotter
from chronomap.qt import theme
from chronomap.session import Look
from chronomap.story.loader import load_exhibit
from helpers.text_pixels import text_as_drawn

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
CREDIT = "Credit: Chronomap project · CC0-1.0"
STEPPE = QColor(217, 190, 112)  # the generated map panel's ochre plain
A4_POINTS = (841.89, 595.28)


@pytest.fixture(scope="module")
def sample():
    return load_exhibit(SAMPLE)


@pytest.fixture(scope="module")
def media_snapshotter(qapp, sample):
    snap = Snapshotter(sample, SnapshotOptions(1920, 1080, 1.0, media=True))
    yield snap
    snap.close()



def inked(image: QImage) -> int:
    paper = theme.colours(Look()).paper
    paper = QColor(paper)
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if abs(image.pixelColor(x, y).lightness() - paper.lightness()) > 40)


def test_the_credit_is_on_the_exported_picture(media_snapshotter, sample, tmp_path):
    moment = start_moment(media_snapshotter.timeline, None, "work-begins")
    path = media_snapshotter.save_png(moment, tmp_path / "panel.png")
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (1920, 1080)  # the size asked for, picture column included
    item = sample.event("work-begins").media[0]
    # where the layout puts the credit beside a map of the export's map width: known without the exported file
    layout = plan(QSize(*SnapshotOptions(1920, 1080, 1.0, media=True).map_size), item, "en")
    assert layout.credit == CREDIT
    box = image.copy(layout.credit_rect)
    assert inked(box) > 50  # not an empty region
    assert box == text_as_drawn(layout.credit_rect, CREDIT, layout.credit_font, theme.colours(Look()).muted_text)
    assert abs(image.pixelColor(layout.picture_rect.center()).red() - STEPPE.red()) < 12  # the photograph itself
    assert image.text("chronomap.credit") == CREDIT and image.text("chronomap.media") == "media/map-panel.png"
    assert "An ochre plain" in image.text("Description")


def test_an_event_without_a_picture_is_the_plain_map(media_snapshotter, sample, qapp):
    moment = start_moment(media_snapshotter.timeline, None, "karaganda-follows")
    with_media = media_snapshotter.render(moment)
    assert media_snapshotter.last_layout is None and with_media.text("chronomap.credit") == ""
    plain = Snapshotter(sample, SnapshotOptions(1920, 1080, 1.0))
    try:
        alone = plain.render(moment)
    finally:
        plain.close()
    assert (with_media.width(), with_media.height()) == (1920, 1080)
    # the same map at the full width (after the narrower map of a panel, Leaflet may sit a sub-pixel off: edges only)
    assert differing(with_media, alone) < 0.002


def differing(a: QImage, b: QImage, step: int = 4) -> float:
    """The share of sampled pixels that differ by more than a faint anti-aliasing step."""
    samples = [(x, y) for y in range(0, a.height(), step) for x in range(0, a.width(), step)]
    off = 0
    for x, y in samples:
        p, q = a.pixelColor(x, y), b.pixelColor(x, y)
        off += max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > 40
    return off / len(samples)


def test_an_a4_sheet_with_media_is_a4_with_the_credit_as_text(qapp, sample, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    a4 = next(p for p in PRESETS if p.key == "a4")
    snap = Snapshotter(sample, SnapshotOptions(a4.width, a4.height, a4.scale, dpi=a4.dpi, media=True), vector=True)
    try:
        pdf = snap.save_pdf(start_moment(snap.timeline, None, "work-begins"), tmp_path / "a4.pdf")
    finally:
        snap.close()
    document = QPdfDocument()
    document.load(str(pdf))
    assert document.pageCount() == 1
    size = document.pagePointSize(0)
    assert abs(size.width() - A4_POINTS[0]) < 1 and abs(size.height() - A4_POINTS[1]) < 1, size
    text = " ".join(document.getAllText(0).text().split())
    assert CREDIT in text and "The line from Town A to Town B" in text
    page = document.render(0, QSize(1169, 827)).convertToFormat(QImage.Format.Format_RGB32)
    document.close()
    # the photograph sits in the right-hand column of the sheet, the map to its left
    column = [page.pixelColor(x, y) for x in range(700, 1160, 10) for y in range(20, 300, 10)]
    assert sum(abs(c.red() - STEPPE.red()) < 15 and abs(c.blue() - STEPPE.blue()) < 15 for c in column) > 100


def test_a_batch_with_media(qapp, sample, tmp_path):
    snap = Snapshotter(sample, SnapshotOptions(1280, 720, 1.0, media=True))
    try:
        entries = write_batch(snap, snap.timeline, tmp_path, "png")
    finally:
        snap.close()
    by_event = {e["event"]: e for e in entries}
    assert by_event["work-begins"]["credit"] == CREDIT and by_event["work-begins"]["media"] == "media/map-panel.png"
    assert by_event["line-finished"]["media"] == "media/engine.webp"
    assert "credit" not in by_event["karaganda-follows"]  # no picture: the plain map
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [i["event"] for i in index["images"]] == [e["event"] for e in entries]
    for entry in entries:
        image = QImage(str(tmp_path / entry["file"]))
        assert (image.width(), image.height()) == (1280, 720), entry["file"]
        assert image.text("chronomap.credit") == entry.get("credit", "")
    line = QImage(str(tmp_path / by_event["line-finished"]["file"])).convertToFormat(QImage.Format.Format_RGB32)
    layout = plan(QSize(*SnapshotOptions(1280, 720, 1.0, media=True).map_size), sample.event("line-finished").media[0], "en")
    assert line.copy(layout.credit_rect) == text_as_drawn(layout.credit_rect, CREDIT, layout.credit_font,
                                                        theme.colours(Look()).muted_text)


def test_a_size_too_narrow_for_map_and_picture_is_refused():
    with pytest.raises(ExportError, match=r"--with-media: a 400x300 picture leaves the map 175 px wide"):
        SnapshotOptions(400, 300, 1.0, media=True).validate()
    SnapshotOptions(400, 300, 1.0).validate()


def test_a_write_that_fails_on_the_worker_stops_the_batch_in_the_main_thread(media_snapshotter, tmp_path, monkeypatch):
    """PNGs are written on a worker while the next event renders: its failure still stops the batch, and
    no index is written for pictures that are not all there."""
    import chronomap.export.snapshotter as snapshotter_module

    real = snapshotter_module.save_image_atomic

    def full_disk_on_the_second(image, path):
        if "02-" in path.name:
            raise ExportError(f"{path}: no space left on device")
        return real(image, path)

    monkeypatch.setattr(snapshotter_module, "save_image_atomic", full_disk_on_the_second)
    with pytest.raises(ExportError, match="no space left"):
        write_batch(media_snapshotter, media_snapshotter.timeline, tmp_path, "png")
    assert (tmp_path / "01-work-begins.png").is_file()
    assert not (tmp_path / "index.json").exists()
    assert not list(tmp_path.glob("*karaganda*"))


def test_a_wide_picture_and_its_label_stand_in_the_middle_of_the_column(media_snapshotter):
    """A picture wider than the column needs less than its height: the picture, caption and credit stand
    in the middle, with as much paper above them as below, not hung from the top over an empty half."""
    image = media_snapshotter.render(start_moment(media_snapshotter.timeline, None, "line-finished"))
    layout = media_snapshotter.last_layout
    assert layout is not None and layout.picture_rect.width() > layout.picture_rect.height()  # the wide case
    paper = theme.colours(Look()).paper
    left = layout.map_rect.width() + 2  # past the line between map and column
    inked = [y for y in range(image.height())
             if any(max(abs(c.red() - paper.red()), abs(c.green() - paper.green()), abs(c.blue() - paper.blue())) > 30
                    for c in (image.pixelColor(x, y) for x in range(left, image.width(), 3)))]
    above, below = inked[0], image.height() - 1 - inked[-1]
    assert above > 0.1 * image.height()  # not at the top
    assert abs(above - below) < 0.03 * image.height(), (above, below)
