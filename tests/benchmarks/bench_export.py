"""Export benchmark: ``python tests/benchmarks/bench_export.py`` (offscreen, no network needed).

(a) one 1920x1080 PNG from a cold start: the ``chronomap export`` command as a user runs it;
(b) the per-image time of ``--all-events`` at 1920x1080: the page is loaded once and reused,
    so this is measured from the first image to the last, loading excluded;
(c) an A4 300 dpi PDF: cold (the command) and warm (the page loaded);
(d) the per-image time of ``--all-events --with-media`` on the media sample.
Floors measured in the same run: grabbing a settled 1920x1080 frame when nothing changed (what any
picture costs the compositor) and encoding one PNG; the batch is reported as a ratio to their sum.
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


SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"


def cold_seconds(folder: Path, suffix: str, *args: str, runs: int = 3) -> float:
    times = []
    for i in range(runs):
        out = folder / f"cold{i}{suffix}"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "chronomap", "export", *args, "--out", str(out)],
                       check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - start)
        assert out.stat().st_size > 0
    return statistics.median(times)


def quiet_batch(snapshotter, folder: Path) -> tuple[float, int]:
    """Seconds per image of a PNG batch, its lines kept off the terminal."""
    from chronomap.export.cli import write_batch

    start = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            entries = write_batch(snapshotter, snapshotter.timeline, folder, "png")
        finally:
            sys.stdout = stdout
    return (time.perf_counter() - start) / len(entries), len(entries)


def floors(snapshotter) -> tuple[float, float]:
    """(grab a settled frame with nothing changed, encode one PNG), medians of 3."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    grabs, encodes = [], []
    for _ in range(3):
        start = time.perf_counter()
        (image,) = snapshotter._wait(lambda done: snapshotter.view.grab_settled(done), 30_000, "no frame")
        grabs.append(time.perf_counter() - start)
        start = time.perf_counter()
        data = QByteArray()  # kept alive: the buffer writes into it
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        encodes.append(time.perf_counter() - start)
    return statistics.median(grabs), statistics.median(encodes)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = cold_seconds(folder, ".png", "--at", "1986-12-17")
        cold_a4 = cold_seconds(folder, ".pdf", "--event", "independence", "--paper", "a4")

        from chronomap.qt.webengine import configure_webengine

        configure_webengine()
        from PySide6.QtWidgets import QApplication

        from chronomap.export.moments import start_moment
        from chronomap.export.options import PRESETS, SnapshotOptions
        from chronomap.export.snapshotter import Snapshotter
        from chronomap.resources import default_exhibit_path
        from chronomap.story.loader import load_exhibit

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
        exhibit = load_exhibit(default_exhibit_path())
        load_start = time.perf_counter()
        snapshotter = Snapshotter(exhibit, SnapshotOptions(1920, 1080, 1.0))
        load = time.perf_counter() - load_start
        per_image, images = quiet_batch(snapshotter, folder / "batch")
        grab_floor, encode_floor = floors(snapshotter)
        snapshotter.close()

        a4 = next(p for p in PRESETS if p.key == "a4")
        paper = Snapshotter(exhibit, SnapshotOptions(a4.width, a4.height, a4.scale, dpi=a4.dpi), vector=True)
        warm = []
        for event in ("independence", "august-coup", "december-events"):
            start = time.perf_counter()
            paper.save_pdf(start_moment(paper.timeline, None, event), folder / f"{event}.pdf")
            warm.append(time.perf_counter() - start)
        paper.close()

        media = Snapshotter(load_exhibit(SAMPLE), SnapshotOptions(1920, 1080, 1.0, media=True))
        media_per_image, _ = quiet_batch(media, folder / "media")
        media.close()
    print(json.dumps({"cold_png_s": round(cold, 3), "batch_per_image_s": round(per_image, 3), "images": images,
                      "page_load_s": round(load, 3), "floor_grab_s": round(grab_floor, 3),
                      "floor_png_encode_s": round(encode_floor, 3),
                      "batch_over_floor": round(per_image / (grab_floor + encode_floor), 2),
                      "a4_pdf_cold_s": round(cold_a4, 3), "a4_pdf_warm_s": round(statistics.median(warm), 3),
                      "batch_with_media_per_image_s": round(media_per_image, 3),
                      "targets": {"batch_per_image_s": 0.3, "a4_pdf_s": 3.0}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
