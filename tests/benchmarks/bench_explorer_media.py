"""Explorer benchmark with media: ``python tests/benchmarks/bench_explorer_media.py`` (offscreen).

Issue 15: a 24-megapixel photograph must not stall the slider. Two copies of the test exhibit
``tests/data/media/steppe-with-media`` are made in a temporary folder: *plain*, its media taken
out, and *media*, every event carrying a 24-megapixel JPEG (6000 x 4000, noise over gradients so it
does not compress to nothing, made with Pillow here) as its first picture. Each is opened in the real
desk window, in this process, and driven as ``bench_explorer.py`` drives it (the model's day set to
every event's start and a day between, cycling), measuring:
  - change -> the map page confirms it (median, p95), and change -> its first frame (median, p95);
  - the GUI thread's longest stall: the worst gap of a 5 ms heartbeat timer from each change until
    it is shown (p95 over the changes, and the worst);
  - for *media*, the same again with the decoded-picture cache emptied before every change
    ("cold": every event change decodes the 24 MP picture), change -> the card's picture shown;
  - the picture's decode: ``decode`` timed on this thread, and a loader request -> ``loaded`` round trip.
Each is driven twice, in turn; the second round is reported (the first warms the process up).
Ends with one JSON line; the figures with media are also given as ratios over the plain exhibit's.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_explorer import percentile, shown_lags  # noqa: E402 (beside this file)

SOURCE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
PHOTO = "media/photo-24mp.jpg"
CHANGES = 120


def make_photo(path: Path) -> None:
    """A 6000 x 4000 JPEG that compresses like a photograph: gradients under grain."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(15)
    y, x = np.mgrid[0:4000, 0:6000]
    base = np.stack([x * 255 // 6000, y * 255 // 4000, (x + y) * 255 // 10000], axis=-1)
    grain = rng.integers(-40, 40, size=(4000, 6000, 3))
    Image.fromarray(np.clip(base + grain, 0, 255).astype(np.uint8)).save(path, quality=90)


def make_exhibits(root: Path) -> tuple[Path, Path]:
    """(plain, media): the test exhibit without its media, and with the 24 MP photograph first on every event."""
    plain, media = root / "plain", root / "media"
    for target in (plain, media):
        shutil.copytree(SOURCE, target)
    make_photo(media / PHOTO)
    photo = {"file": PHOTO, "kind": "image", "caption": "A 24-megapixel photograph (made by the benchmark)",
             "credit": "Chronomap project", "licence": "CC0-1.0", "alt": "Colour gradients under grain."}
    for target, with_photo in ((plain, False), (media, True)):
        story = json.loads((target / "story.json").read_text(encoding="utf-8"))
        for record in [*story["events"], *story["places"]]:
            record["media"] = [photo, *record.get("media", [])] if with_photo and record in story["events"] else []
        (target / "story.json").write_text(json.dumps(story, ensure_ascii=False), encoding="utf-8")
    return plain, media


class Runner:
    """One QEventLoop to wait in, and a 5 ms heartbeat whose worst gap is the GUI thread's longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        self.loop = QEventLoop()
        self.beat = QTimer()
        self.beat.setTimerType(Qt.TimerType.PreciseTimer)
        self.beat.setInterval(5)
        self.beat.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst_ms = 0.0
        self.beat.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self.last) * 1000)
        self.last = now

    def reset_stall(self) -> None:
        self.last, self.worst_ms = time.perf_counter(), 0.0

    def wait_until(self, predicate: Callable[[], bool], timeout_ms: int = 60_000, poll_ms: int = 0) -> None:
        from PySide6.QtCore import QTimer

        deadline = time.perf_counter() + timeout_ms / 1000
        while not predicate():
            if time.perf_counter() > deadline:
                raise RuntimeError("timed out")
            QTimer.singleShot(poll_ms, self.loop.quit)
            self.loop.exec()


def drive(runner: Runner, exhibit_dir: Path, cold: bool) -> dict[str, Any]:
    """Open *exhibit_dir* in the desk window and drive its day; with *cold*, forget decoded pictures before each change."""
    from PySide6.QtCore import QSettings, QTemporaryDir

    from chronomap.desk.main_window import MainWindow
    from chronomap.qt import media_image
    from chronomap.story.loader import load_exhibit

    scratch = QTemporaryDir()
    window = MainWindow(load_exhibit(exhibit_dir), QSettings(scratch.filePath("s.ini"), QSettings.Format.IniFormat))
    window.resize(1440, 900)
    ready: list[bool] = []
    window.map_view.ready.connect(lambda *a: ready.append(True))
    window.show()
    runner.wait_until(lambda: bool(ready))
    days: list[int] = []
    for a, b in zip(window.timeline.events, window.timeline.events[1:], strict=False):
        days += [a.span.start, (a.span.start + b.span.start) // 2]
    days.append(window.timeline.events[-1].span.start)

    def frames_now() -> dict:
        got: list[dict] = []
        window.map_view.query(lambda snap: got.append(snap or {}))
        runner.wait_until(lambda: bool(got))
        return got[0].get("frames") or {}

    def lead_shown() -> bool:
        panel = window.card.media
        return not panel.isVisible() or not panel.buttons or not panel.buttons[0].image.isNull()

    settled: list[bool] = []
    window.map_view.when_settled(lambda: settled.append(True))
    runner.wait_until(lambda: bool(settled))
    trips = []  # page clock minus ours (ms), from the quickest of a few round trips
    for _ in range(15):
        before = time.time() * 1000
        page_ms = float(frames_now()["clock"])
        after = time.time() * 1000
        trips.append((after - before, page_ms - (before + after) / 2))
    offset = min(trips)[1]
    confirmed: list[float] = []
    shown: list[float] = []
    pictured: list[float] = []
    stalls: list[float] = []  # per change, the heartbeat's worst gap from the change until it is shown
    for i in range(20 + CHANGES):  # 20 to warm up
        day = days[i % len(days)]
        if day == window.model.day:
            day += 1
        runner.reset_stall()
        if cold:
            media_image.clear_cache()
        t0_wall, t0 = time.time() * 1000, time.perf_counter()
        window.model.set_day(day)  # the slider's own path into the model
        seq = window.map_view.last_state["seq"]
        marks: list = []
        applied: list[float] = []

        def on_applied(s: int, seq: int = seq, applied: list[float] = applied) -> None:
            if s >= seq and not applied:
                applied.append(time.perf_counter())

        window.map_view.state_applied.connect(on_applied)
        picture: list[float] = []

        def seen(seq: int = seq, marks: list = marks, picture: list[float] = picture, applied: list[float] = applied) -> bool:
            if not picture and lead_shown():
                picture.append(time.perf_counter())
            marks[:] = frames_now().get("marks") or []
            return bool(applied) and bool(picture) and any(int(m[0]) >= seq for m in marks)

        runner.wait_until(seen, poll_ms=5)
        window.map_view.state_applied.disconnect(on_applied)
        if i >= 20:
            confirmed.append((applied[0] - t0) * 1000)
            shown += shown_lags([(t0_wall, seq)], marks, offset)
            pictured.append((picture[0] - t0) * 1000)
            stalls.append(runner.worst_ms)
    window.close()
    window.deleteLater()
    confirmed.sort()
    shown.sort()
    pictured.sort()
    stalls.sort()
    return {"confirmed_ms_median": statistics.median(confirmed), "confirmed_ms_p95": percentile(confirmed, 0.95),
            "shown_ms_median": statistics.median(shown), "shown_ms_p95": percentile(shown, 0.95),
            "picture_ms_median": statistics.median(pictured), "picture_ms_p95": percentile(pictured, 0.95),
            "stall_ms_p95": percentile(stalls, 0.95), "stall_ms_max": stalls[-1]}


def decode_times(runner: Runner, path: Path) -> tuple[float, float]:
    """(decode on this thread, loader request -> loaded), ms, the median of five, for the card's size."""
    from chronomap.qt import media_image

    direct, loaded = [], []
    for _ in range(5):
        start = time.perf_counter()
        media_image.decode(path, media_image.CARD_DECODE)
        direct.append((time.perf_counter() - start) * 1000)
        media_image.clear_cache()
        got: list[float] = []
        loader = media_image.image_loader()

        def done(*_args: object, got: list[float] = got) -> None:
            got.append(time.perf_counter())

        loader.loaded.connect(done)
        start = time.perf_counter()
        loader.request(path, media_image.CARD_DECODE)
        runner.wait_until(lambda got=got: bool(got))
        loader.loaded.disconnect(done)
        loaded.append((got[0] - start) * 1000)
    return statistics.median(direct), statistics.median(loaded)


def main() -> int:
    from chronomap.qt.webengine import configure_webengine

    configure_webengine()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (must outlive the windows)
    with tempfile.TemporaryDirectory() as tmp:
        plain_dir, media_dir = make_exhibits(Path(tmp))
        runner = Runner()
        for _round in range(2):  # the first round warms the process up (WebEngine, caches); the second is reported
            plain = drive(runner, plain_dir, cold=False)
            media = drive(runner, media_dir, cold=False)
            cold = drive(runner, media_dir, cold=True)
        decode_ms, loader_ms = decode_times(runner, media_dir / PHOTO)
        photo_mb = (media_dir / PHOTO).stat().st_size / 1e6
    result: dict[str, Any] = {"changes": CHANGES, "photo": "6000x4000 JPEG", "photo_mb": round(photo_mb, 1),
                              "decode_ms": round(decode_ms, 1), "loader_ms": round(loader_ms, 1)}
    for name, figures in (("plain", plain), ("media", media), ("cold", cold)):
        for key, value in figures.items():
            if name == "plain" and key.startswith("picture"):
                continue
            result[f"{name}_{key}"] = round(value, 1)
    for name in ("media", "cold"):
        for key in ("confirmed_ms_p95", "shown_ms_p95", "stall_ms_p95", "stall_ms_max"):
            result[f"{name}_over_plain_{key}"] = round(result[f"{name}_{key}"] / max(result[f"plain_{key}"], 0.1), 2)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
