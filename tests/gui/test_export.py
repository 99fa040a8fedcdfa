"""Snapshots are checked by their pixels: the highlight colour where the place is."""

from __future__ import annotations

import json
import math

import pytest
from PySide6.QtGui import QColor, QImage

from chronomap.export.cli import write_batch
from chronomap.export.moments import animation_frames, start_moment
from chronomap.export.options import ExportError, SnapshotOptions
from chronomap.export.snapshotter import Snapshotter, save_image_atomic

pytestmark = pytest.mark.gui

VERMILION = QColor("#cf3f1c")


def pixel_of(image: QImage, lat: float, lon: float) -> tuple[int, int]:
    """Web Mercator position of (lat, lon) in a snapshot, from the bounds it carries."""
    (south, west), (north, east) = json.loads(image.text("chronomap.bounds"))

    def merc(phi):
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    x = (lon - west) / (east - west) * image.width()
    y = (merc(north) - merc(lat)) / (merc(north) - merc(south)) * image.height()
    return round(x), round(y)


def near(color: QColor, target: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color.getRgb()[:3], target.getRgb()[:3], strict=True))


def count_near(image: QImage, centre: tuple[int, int], radius: int, target: QColor) -> int:
    cx, cy = centre
    return sum(near(image.pixelColor(x, y), target)
               for x in range(cx - radius, cx + radius + 1) for y in range(cy - radius, cy + radius + 1)
               if 0 <= x < image.width() and 0 <= y < image.height())


@pytest.fixture(scope="module")
def snapshotter(qapp, exhibit):
    snap = Snapshotter(exhibit, SnapshotOptions(1280, 800, 1.0))
    yield snap
    snap.close()


def test_december_1986_highlights_almaty(snapshotter, exhibit):
    image = snapshotter.render(start_moment(snapshotter.timeline, "1986-12-17", None))
    assert (image.width(), image.height()) == (1280, 800)
    almaty = pixel_of(image, exhibit.places["almaty"].lat, exhibit.places["almaty"].lon)
    assert near(image.pixelColor(*almaty), VERMILION), image.pixelColor(*almaty).name()
    assert count_near(image, almaty, 6, VERMILION) > 40
    assert json.loads(image.text("chronomap.statuses"))["almaty"] == "current"
    assert image.text("Description") == "17–18 December 1986. The December Events (Jeltoqsan). Highlighted: Alma-Ata (Almaty)."


def test_august_1991_highlights_moscow_instead(snapshotter, exhibit):
    image = snapshotter.render(start_moment(snapshotter.timeline, "1991-08", None))
    moscow = pixel_of(image, exhibit.places["moscow"].lat, exhibit.places["moscow"].lon)
    assert count_near(image, moscow, 6, VERMILION) > 40
    almaty = pixel_of(image, exhibit.places["almaty"].lat, exhibit.places["almaty"].lon)
    if 0 <= almaty[0] < image.width() and 0 <= almaty[1] < image.height():
        assert count_near(image, almaty, 6, VERMILION) == 0


def test_the_caption_is_there(snapshotter):
    image = snapshotter.render(start_moment(snapshotter.timeline, None, "december-events"))
    caption = image.text("chronomap.caption")
    assert "Perestroika in Kazakhstan" in caption and "17–18 December 1986" in caption
    assert "The December Events (Jeltoqsan)" in caption
    # the PNG's text chunk keeps the parts apart, one a line, as the caption band shows them
    assert caption.splitlines() == ["Perestroika in Kazakhstan", "17–18 December 1986", "The December Events (Jeltoqsan)"]
    # the caption band is drawn: dark ink on paper in the bottom rows
    band_dark = sum(image.pixelColor(x, y).lightness() < 90 for x in range(0, 500, 2) for y in range(700, 800, 2))
    assert band_dark > 200


def test_same_moment_same_picture(snapshotter):
    moment = start_moment(snapshotter.timeline, None, "sovereignty-declared")
    first = snapshotter.render(moment)
    snapshotter.render(start_moment(snapshotter.timeline, None, "august-coup"))  # go elsewhere in between
    second = snapshotter.render(moment)
    assert first == second


def test_size_and_scale_are_honoured(qapp, exhibit):
    sizes = {}
    for scale in (1.0, 2.0):
        snap = Snapshotter(exhibit, SnapshotOptions(1200, 900, scale))
        try:
            image = snap.render(start_moment(snap.timeline, "1986-12-17", None))
            assert (image.width(), image.height()) == (1200, 900)
            almaty = pixel_of(image, exhibit.places["almaty"].lat, exhibit.places["almaty"].lon)
            sizes[scale] = count_near(image, almaty, 20, VERMILION)
        finally:
            snap.close()
    # the dot is drawn twice as wide at scale 2: about four times the pixels
    assert 2.5 < sizes[2.0] / sizes[1.0] < 6, sizes


def test_batch_writes_one_file_per_event_and_an_index(snapshotter, tmp_path, exhibit):
    entries = write_batch(snapshotter, snapshotter.timeline, tmp_path, "png")
    files = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(files) == len(exhibit.events) == len(entries)
    assert files[0] == "01-kunaev-dismissed.png" and files[-1] == f"{len(files):02d}-ussr-ends.png"
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [e["event"] for e in index["images"]] == [e.id for e in exhibit.events]
    assert index["images"][1] == {"file": "02-december-events.png", "event": "december-events",
                                  "date": "1986-12-17/1986-12-18", "label": "17–18 December 1986",
                                  "start": "1986-12-17", "end": "1986-12-18", "title": "The December Events (Jeltoqsan)"}
    third = QImage(str(tmp_path / files[2]))
    assert third.text("chronomap.event") == exhibit.events[2].id


def test_pdf_keeps_the_caption_as_text(qapp, exhibit, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    snap = Snapshotter(exhibit, SnapshotOptions(1600, 1000, 1.0), vector=True)
    try:
        path = snap.save_pdf(start_moment(snap.timeline, None, "independence"), tmp_path / "independence.pdf")
    finally:
        snap.close()
    document = QPdfDocument()
    document.load(str(path))
    assert document.pageCount() == 1
    size = document.pagePointSize(0)
    assert abs(size.width() - 1200) < 2 and abs(size.height() - 750) < 2
    text = document.getAllText(0).text()
    assert "16 December 1991" in text and "Kazakhstan declares independence" in text
    assert text.count("16 December 1991") == 1  # halos are strokes, not copies of the text


def test_a_failed_write_leaves_the_earlier_picture(tmp_path):
    target = tmp_path / "panel.png"
    target.write_bytes(b"the earlier picture")
    with pytest.raises(ExportError):
        save_image_atomic(QImage(), target)  # a null image cannot be encoded
    assert target.read_bytes() == b"the earlier picture"
    assert [p.name for p in tmp_path.iterdir()] == ["panel.png"]


def test_a_png_is_encoded_faster_than_qt_s_default_and_still_lossless():
    """PNG_QUALITY trades a little file size for encoding time: the pixels and text chunks stay exact."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter

    from chronomap.export.snapshotter import PNG_QUALITY, encode_image

    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#c9d6de"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i in range(40):
        painter.setPen(QColor.fromHsv(i * 9, 200, 180))
        painter.drawEllipse(10 + i * 15, 20 + (i * 37) % 300, 60, 40)
    painter.end()
    image.setText("chronomap.date", "1989-07")
    data = encode_image(image)
    back = QImage.fromData(data, "PNG")
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image  # lossless
    assert back.text("chronomap.date") == "1989-07"
    default = QByteArray()
    buffer = QBuffer(default)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    assert 0 <= PNG_QUALITY <= 100 and len(data) != default.size()  # not Qt's default level


def test_the_animation_starts_at_the_story_start(snapshotter, tmp_path):
    from PIL import Image

    from chronomap.export.animation import write_animation

    frames = animation_frames(snapshotter.timeline, fps=4, hold_seconds=1, steps_between=1)
    assert frames[0].moment.focus.id == snapshotter.timeline.events[0].id
    path = write_animation(snapshotter, frames[:4], tmp_path / "story.gif", "gif", 4)
    with Image.open(path) as gif:
        assert gif.n_frames == 4
        assert gif.info["duration"] == 1000  # the first event is held for its second
        first = gif.convert("RGB")
    reference = snapshotter.render(frames[0].moment)
    # same picture as a snapshot of the first event (up to the GIF palette)
    for x, y in ((100, 100), (640, 400), (1000, 700), (300, 760)):
        expected = reference.pixelColor(x, y)
        r, g, b = first.getpixel((x, y))
        assert abs(r - expected.red()) < 24 and abs(g - expected.green()) < 24 and abs(b - expected.blue()) < 24


def test_a_glide_is_waited_out_before_the_picture_and_its_bounds(snapshotter, monkeypatch, tmp_path):
    """A state is shown without a glide; should one run all the same, the picture and the bounds it
    carries are those of its end, not of a frame on the way (the questions go right behind the state)."""
    import chronomap.export.snapshotter as snapshotter_module

    timeline = snapshotter.timeline
    there, elsewhere = start_moment(timeline, None, "independence"), start_moment(timeline, None, "kunaev-dismissed")
    snapshotter.render(elsewhere)
    still = json.loads(snapshotter.render(there).text("chronomap.bounds"))
    snapshotter.render(elsewhere)
    monkeypatch.setattr(snapshotter_module, "page_state_for",
                        lambda builder, moment: builder.page_state(moment.state, moment.day, animate=True))
    glided = json.loads(snapshotter.render(there).text("chronomap.bounds"))
    assert all(abs(a - b) < 0.05 for a, b in zip(sum(still, []), sum(glided, []), strict=True)), (still, glided)
    snapshotter.render(elsewhere)
    snapshotter.save_pdf(there, tmp_path / "glided.pdf")  # printed from a hidden page, which draws no glide
    printed = json.loads(snapshotter.last_metadata["chronomap.bounds"])
    assert all(abs(a - b) < 0.05 for a, b in zip(sum(still, []), sum(printed, []), strict=True)), (still, printed)


def test_a_state_left_unanswered_stays_out_of_the_next_picture(snapshotter, monkeypatch):
    """After a step failed with its state still unanswered, the next state waits behind it: the questions and
    the paint mark sent right behind the next state would otherwise be answered about the old one."""
    import chronomap.export.snapshotter as snapshotter_module

    timeline = snapshotter.timeline
    there, elsewhere = start_moment(timeline, None, "independence"), start_moment(timeline, None, "kunaev-dismissed")
    expected = snapshotter.render(there).text("chronomap.bounds")
    real = snapshotter_module.wait_all

    def fails_once(steps, timeout_ms):
        monkeypatch.setattr(snapshotter_module, "wait_all", real)
        raise ExportError("stopped")  # as a timeout or Ctrl-C would, before the page answered the state

    monkeypatch.setattr(snapshotter_module, "wait_all", fails_once)
    with pytest.raises(ExportError, match="stopped"):
        snapshotter.render(elsewhere)
    assert snapshotter.render(there).text("chronomap.bounds") == expected


def test_a_page_whose_render_process_stops_while_it_loads_is_loaded_again_in_a_new_view(
        qapp, exhibit, monkeypatch, caplog):
    """An export whose page never became ready waited out its 60 s and failed (seen in full parallel test runs)."""
    import os
    import signal

    from PySide6.QtWebEngineCore import QWebEnginePage

    from chronomap.export import snapshotter as snapshotter_module

    monkeypatch.setattr(snapshotter_module, "LOAD_RETRY_MS", 1_500)
    stopped: list[int] = []
    real_load = snapshotter_module.MapView.load

    def load_and_stop(view, page):
        real_load(view, page)
        web_page = view.web_page

        def stop_renderer(*_progress: int) -> None:  # the first render process hangs as the page loads
            pid = web_page.renderProcessPid()
            if not stopped and pid > 0:
                stopped.append(pid)
                os.kill(pid, signal.SIGSTOP)

        web_page.loadStarted.connect(stop_renderer)
        web_page.loadProgress.connect(stop_renderer)

    monkeypatch.setattr(snapshotter_module.MapView, "load", load_and_stop)
    try:
        snap = Snapshotter(exhibit, SnapshotOptions(800, 600, 1.0))
    finally:
        for pid in stopped:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    try:
        assert stopped and snap.view.render_process_pid() not in (0, stopped[0])
        assert any("loading it again in a new view" in r.getMessage() for r in caplog.records)
        image = snap.render(start_moment(snap.timeline, "1986-12-17", None))
        almaty = pixel_of(image, exhibit.places["almaty"].lat, exhibit.places["almaty"].lon)
        assert count_near(image, almaty, 6, VERMILION) > 40
        assert snap.view.web_page.lifecycleState() == QWebEnginePage.LifecycleState.Active
    finally:
        snap.close()
