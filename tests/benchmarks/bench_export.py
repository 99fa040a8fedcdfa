"""Export benchmark: ``python tests/benchmarks/bench_export.py`` (offscreen, no network needed).

(a) cold: one 1920x1080 PNG and one A4 300 dpi PDF, each from a fresh process running the
    ``chronomap export`` command (``chronomap.cli.main``, as ``python -m chronomap`` does), with
    its phases: Python's start, imports, the exhibit read, Qt up, the page loaded, its scale taken,
    the state shown (and grabbed), the file encoded and written (or printed), the process's exit, and
    the CPU time it and its WebEngine processes had used by then (``cpu_s``);
(b) the per-image time of ``--all-events`` at 1920x1080: the page is loaded once and reused,
    so this is measured from the first image to the last, loading excluded; with the CPU time the
    process and its WebEngine processes used per image (on a shared machine the wall time mostly
    measures the others) and the median of its phases (state shown and grabbed; encoded and written,
    on a worker while the next image renders);
(c) an A4 300 dpi PDF warm (the page loaded);
(d) the per-image time of ``--all-events --with-media`` on the media sample.
Floors measured in the same run: for the cold figures a fresh process that loads a blank page of the
same size and grabs and writes it (PNG) or prints it on the same sheet (PDF); for the batch, grabbing
a settled 1920x1080 frame when nothing changed plus encoding one PNG. Cold figures are reported as
ratios to their floors, the batch as a ratio to the sum of its floors.
Issue 16's targets: a batch image <= 0.3 s at 1920x1080, an A4 300 dpi PDF <= 3 s.
Ends with one JSON line.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.processes import cpu_used_s, process_tree_cpu_s  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"

# A fresh export process whose steps are stamped (wall clock, so the launcher can set them against its own).
PHASES_CHILD = r"""
import json, sys, time
marks = {"launch": float(sys.argv[1]), "python": time.time()}
import chronomap.cli
import chronomap.export.snapshotter as sn
marks["imports"] = time.time()
sys.path.insert(0, sys.argv[2])
from helpers.processes import cpu_used_s, process_tree_cpu_s
from chronomap.story import loader

def stamp(owner, name, mark, at_entry=False):
    real = getattr(owner, name)
    def timed(*args, **kwargs):
        if at_entry:
            marks.setdefault(mark, time.time())
        try:
            return real(*args, **kwargs)
        finally:
            if not at_entry:
                marks.setdefault(mark, time.time())
    setattr(owner, name, timed)

stamp(loader, "load_exhibit", "exhibit")
stamp(sn.Snapshotter, "__init__", "qt_up", at_entry=True)
stamp(sn.Snapshotter, "_apply_scale", "page_loaded", at_entry=True)
stamp(sn.Snapshotter, "_apply_scale", "scale_taken")
stamp(sn.Snapshotter, "show", "state_shown")
stamp(sn.Snapshotter, "save_png", "written")
stamp(sn.Snapshotter, "save_pdf", "written")
real_close = sn.Snapshotter.close
def close(self):
    marks["cpu_s"] = cpu_used_s({}, process_tree_cpu_s())  # this process and its WebEngine ones, to the file written
    real_close(self)
sn.Snapshotter.close = close
code = chronomap.cli.main(["export", *sys.argv[3:]])
print("MARKS " + json.dumps(marks), flush=True)
sys.exit(code)
"""
PHASES = ("python", "imports", "exhibit", "qt_up", "page_loaded", "scale_taken", "state_shown", "written")

# The least a cold export can cost: a fresh process with Qt WebEngine, a blank page of the same size,
# grabbed and written as a PNG, or printed on the same sheet.
FLOOR_CHILD = r"""
import sys
from chronomap.qt.webengine import configure_webengine
configure_webengine()
from PySide6.QtCore import QMarginsF, QSizeF, QTimer
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
out, width, height, scale, width_pt, height_pt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *map(float, sys.argv[4:7])
app = QApplication(sys.argv[:1])
view = QWebEngineView()
view.resize(width, height)
view.setZoomFactor(scale)
view.show()
def written(*_):
    sys.path.insert(0, sys.argv[7])
    from helpers.processes import cpu_used_s, process_tree_cpu_s
    print("CPU", cpu_used_s({}, process_tree_cpu_s()), flush=True)
    view.deleteLater()
    QTimer.singleShot(0, app.quit)
def loaded(ok):
    if out.endswith(".pdf"):
        size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "floor", QPageSize.SizeMatchPolicy.ExactMatch)
        view.page().pdfPrintingFinished.connect(written)
        view.page().printToPdf(out, QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    else:
        QTimer.singleShot(0, lambda: (view.grab().toImage().save(out, "PNG"), written()))
view.loadFinished.connect(loaded)
view.setHtml("<!doctype html><html><body style='margin:0;background:#f4efe4'><p>blank</p></body></html>")
app.exec()
"""


TESTS = str(Path(__file__).resolve().parents[1])


def cold_runs(folder: Path, suffix: str, *args: str, runs: int = 3) -> tuple[float, dict[str, float]]:
    """Median seconds from launch to exit of a fresh export, and the median of each phase (with ``cpu_s``,
    the CPU time the export and its WebEngine processes had used when the file was written)."""
    totals, phases = [], []
    for i in range(runs):
        out = folder / f"cold{i}{suffix}"
        launch = time.time()
        done = subprocess.run([sys.executable, "-c", PHASES_CHILD, repr(launch), TESTS, *args, "--out", str(out)],
                              check=True, capture_output=True, text=True, timeout=300)
        end = time.time()
        totals.append(end - launch)
        assert out.stat().st_size > 0
        marks = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("MARKS "))[6:])
        stamps = [marks["launch"], *(marks[name] for name in PHASES), end]
        names = [*PHASES, "exit"]
        phases.append({**{f"{name}_s": stamps[k + 1] - stamps[k] for k, name in enumerate(names)}, "cpu_s": marks["cpu_s"]})
    return statistics.median(totals), {key: round(statistics.median(p[key] for p in phases), 3) for key in phases[0]}


def cold_floor(folder: Path, suffix: str, width: int, height: int, scale: float, runs: int = 3) -> tuple[float, float]:
    """(median seconds, median CPU seconds to the file written) of the blank-page floor process."""
    from chronomap.export.options import SnapshotOptions

    width_pt, height_pt = SnapshotOptions(width, height, scale).page_points
    times, cpus = [], []
    for i in range(runs):
        out = folder / f"floor{i}{suffix}"
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", FLOOR_CHILD, str(out), str(width), str(height), str(scale),
                               str(width_pt), str(height_pt), TESTS], check=True, capture_output=True, text=True, timeout=300)
        times.append(time.perf_counter() - start)
        cpus.append(float(next(line for line in done.stdout.splitlines() if line.startswith("CPU "))[4:]))
        assert out.stat().st_size > 0
    return statistics.median(times), statistics.median(cpus)


def quiet_batch(snapshotter, folder: Path) -> tuple[float, int, float, dict[str, float]]:
    """(seconds per image, images, CPU seconds per image, median phases) of a PNG batch, its lines kept off the terminal."""
    import chronomap.export.snapshotter as module
    from chronomap.export.cli import write_batch

    shown, written = [], []
    real_show, real_save = module.Snapshotter.show, module.save_image_atomic

    def show(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return real_show(self, *args, **kwargs)
        finally:
            shown.append(time.perf_counter() - start)

    def save(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real_save(*args, **kwargs)
        finally:
            written.append(time.perf_counter() - start)

    module.Snapshotter.show, module.save_image_atomic = show, save
    cpu = process_tree_cpu_s()
    start = time.perf_counter()
    try:
        with open(os.devnull, "w") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                entries = write_batch(snapshotter, snapshotter.timeline, folder, "png")
            finally:
                sys.stdout = stdout
    finally:
        module.Snapshotter.show, module.save_image_atomic = real_show, real_save
    count = len(entries)
    per_image = (time.perf_counter() - start) / count
    phases = {"state_shown_s": round(statistics.median(shown), 3), "encoded_written_s": round(statistics.median(written), 3)}
    return per_image, count, cpu_used_s(cpu, process_tree_cpu_s()) / count, phases


def floors(snapshotter) -> tuple[float, float, float]:
    """(grab a settled frame with nothing changed, encode one PNG as the export does: encode_image, at its
    PNG_QUALITY), medians of 3; and Qt's own encode at its default level (``png_encode_default_s``), for the record."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from chronomap.export.snapshotter import encode_image

    grabs, encodes, defaults = [], [], []
    for _ in range(3):
        start = time.perf_counter()
        (image,) = snapshotter._wait(lambda done: snapshotter.view.grab_settled(done), 30_000, "no frame")
        grabs.append(time.perf_counter() - start)
        start = time.perf_counter()
        encode_image(image)
        encodes.append(time.perf_counter() - start)
        start = time.perf_counter()
        data = QByteArray()  # kept alive: the buffer writes into it
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        defaults.append(time.perf_counter() - start)
    return statistics.median(grabs), statistics.median(encodes), statistics.median(defaults)


def main() -> int:
    from chronomap.export.options import PRESETS

    a4 = next(p for p in PRESETS if p.key == "a4")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_png, floor_png_cpu = cold_floor(folder, ".png", 1920, 1080, 1.0)
        cold, cold_phases = cold_runs(folder, ".png", "--at", "1986-12-17")
        floor_pdf, floor_pdf_cpu = cold_floor(folder, ".pdf", a4.width, a4.height, a4.scale)
        cold_a4, cold_a4_phases = cold_runs(folder, ".pdf", "--event", "independence", "--paper", "a4")

        from chronomap.qt.webengine import configure_webengine

        configure_webengine()
        from PySide6.QtWidgets import QApplication

        from chronomap.export.moments import start_moment
        from chronomap.export.options import SnapshotOptions
        from chronomap.export.snapshotter import Snapshotter
        from chronomap.resources import default_exhibit_path
        from chronomap.story.loader import load_exhibit

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
        exhibit = load_exhibit(default_exhibit_path())
        load_start = time.perf_counter()
        snapshotter = Snapshotter(exhibit, SnapshotOptions(1920, 1080, 1.0))
        load = time.perf_counter() - load_start
        per_image, images, cpu_per_image, batch_phases = quiet_batch(snapshotter, folder / "batch")
        grab_floor, encode_floor, encode_default = floors(snapshotter)
        snapshotter.close()

        paper = Snapshotter(exhibit, SnapshotOptions(a4.width, a4.height, a4.scale, dpi=a4.dpi), vector=True)
        warm = []
        for event in ("independence", "august-coup", "december-events"):
            start = time.perf_counter()
            paper.save_pdf(start_moment(paper.timeline, None, event), folder / f"{event}.pdf")
            warm.append(time.perf_counter() - start)
        paper.close()

        media = Snapshotter(load_exhibit(SAMPLE), SnapshotOptions(1920, 1080, 1.0, media=True))
        media_per_image, _, media_cpu, _ = quiet_batch(media, folder / "media")
        media.close()
    print(json.dumps({"cold_png_s": round(cold, 3), "floor_cold_png_s": round(floor_png, 3),
                      "cold_png_over_floor": round(cold / floor_png, 2), "cold_png_phases": cold_phases,
                      "floor_cold_png_cpu_s": round(floor_png_cpu, 3),
                      "batch_per_image_s": round(per_image, 3), "batch_cpu_per_image_s": round(cpu_per_image, 3),
                      "images": images, "batch_phases": batch_phases,
                      "page_load_s": round(load, 3), "floor_grab_s": round(grab_floor, 3),
                      "floor_png_encode_s": round(encode_floor, 3), "png_encode_default_s": round(encode_default, 3),
                      "batch_over_floor": round(per_image / (grab_floor + encode_floor), 2),
                      "a4_pdf_cold_s": round(cold_a4, 3), "floor_cold_a4_pdf_s": round(floor_pdf, 3),
                      "a4_pdf_cold_over_floor": round(cold_a4 / floor_pdf, 2), "a4_pdf_cold_phases": cold_a4_phases,
                      "floor_cold_a4_pdf_cpu_s": round(floor_pdf_cpu, 3),
                      "a4_pdf_warm_s": round(statistics.median(warm), 3),
                      "batch_with_media_per_image_s": round(media_per_image, 3),
                      "batch_with_media_cpu_per_image_s": round(media_cpu, 3),
                      "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                      "targets": {"batch_per_image_s": 0.3, "a4_pdf_s": 3.0}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
