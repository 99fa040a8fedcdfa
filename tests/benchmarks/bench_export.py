"""Export benchmark: ``python tests/benchmarks/bench_export.py`` (offscreen, no network needed).

(a) one 1920x1080 PNG from a cold start: the ``chronomap export`` command as a user runs it;
(b) the per-image time of ``--all-events`` at 1920x1080: the page is loaded once and reused,
    so this is measured from the first image to the last, loading excluded.
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


def cold_png_seconds(folder: Path, runs: int = 3) -> float:
    times = []
    for i in range(runs):
        out = folder / f"cold{i}.png"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "chronomap", "export", "--at", "1986-12-17", "--out", str(out)],
                       check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - start)
        assert out.stat().st_size > 0
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = cold_png_seconds(folder)

        from chronomap.qt.webengine import configure_webengine

        configure_webengine()
        from PySide6.QtWidgets import QApplication

        from chronomap.export.cli import write_batch
        from chronomap.export.options import SnapshotOptions
        from chronomap.export.snapshotter import Snapshotter
        from chronomap.resources import default_exhibit_path
        from chronomap.story.loader import load_exhibit

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
        exhibit = load_exhibit(default_exhibit_path())
        load_start = time.perf_counter()
        snapshotter = Snapshotter(exhibit, SnapshotOptions(1920, 1080, 1.0))
        load = time.perf_counter() - load_start
        start = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                entries = write_batch(snapshotter, snapshotter.timeline, folder / "batch", "png")
            finally:
                sys.stdout = stdout
        batch = time.perf_counter() - start
        snapshotter.close()
    print(json.dumps({"cold_png_s": round(cold, 3), "batch_per_image_s": round(batch / len(entries), 3),
                      "images": len(entries), "page_load_s": round(load, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
