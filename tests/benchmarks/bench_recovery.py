"""Render-process crash recovery, as the screen sees it: ``python tests/benchmarks/bench_recovery.py``.

Starts the kiosk (or the desk explorer, ``--app desk``) on the built-in
exhibit, waits until the map is settled, then SIGKILLs the page's render
process ``--crashes`` times (each after the last recovery) and, for each crash,
measures from the kill:

* ``noticed_ms``: ``renderProcessTerminated`` reached the page;
* ``ready_ms``: the new document called ``pageReady`` (``MapView.ready``);
* ``recovered_ms``: the page confirmed the restored state (``MapView.recovered``);
* ``map_ms``: the first grab of the web view itself that shows the map as it was before the
  crash (at least ``MATCH`` of the sampled pixels equal to the settled frame grabbed before);
* ``live_ms``: the first grab, once the page is ready, with nothing over the web view and the
  web view's own frame neither mostly black nor mostly white: the live map is on the screen
  (maybe still gliding back to where it was);
* ``black``/``white``/``like``/``other``: how many grabs of the map area as a whole (``MapView``,
  with whatever covers the web view) were mostly black, mostly white (or the widgets' light
  grey), like the settled frame before the crash, or something else (a glide, a sea-coloured
  curtain), from the kill until both ``map_ms`` and ``live_ms``.

Grabs are taken every ``--frame-ms`` by a QTimer. The crash back-off is turned off for the
run (every crash is "the first" again), so each crash measures the first quick retry.
Ends with one JSON line (medians over the crashes, and each crash's figures).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.append(str(ROOT / "desktop"))  # after PYTHONPATH: another tree can be measured with this script

from helpers.event_loop import wait_until  # noqa: E402
from helpers.pictures import KINDS, kind, likeness, samples  # noqa: E402

#: Share of sampled pixels equal to the settled frame for "the map is back" (the web view itself).
MATCH = 0.95


@dataclass
class Crash:
    killed: float
    noticed: float | None = None
    ready: float | None = None
    recovered: float | None = None
    map: float | None = None
    live: float | None = None
    kinds: list[str] = field(default_factory=list)  # the composite grabs, classified, until the map is back

    def figures(self) -> dict:
        def ms(t: float | None) -> float | None:
            return None if t is None else round((t - self.killed) * 1000, 1)

        return {"noticed_ms": ms(self.noticed), "ready_ms": ms(self.ready), "recovered_ms": ms(self.recovered),
                "map_ms": ms(self.map), "live_ms": ms(self.live), "frames": len(self.kinds),
                **{k: self.kinds.count(k) for k in KINDS}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", choices=("kiosk", "desk"), default="kiosk")
    parser.add_argument("--crashes", type=int, default=3)
    parser.add_argument("--frame-ms", type=int, default=16)
    parser.add_argument("--size", default="1280x720", help="window size (the desk; the kiosk fills its screen)")
    parser.add_argument("--label", default="", help="a word for the JSON line (before/after)")
    parser.add_argument("--first-delay", type=int, default=None,
                        help="reload this many ms after a crash (default: what the app sets)")
    parser.add_argument("--verbose", action="store_true", help="log chronomap.ui at INFO on stderr")
    args = parser.parse_args(argv)
    if args.verbose:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="%(relativeCreated)7.0f %(name)s %(message)s")

    from chronomap.qt.webengine import configure_webengine

    configure_webengine()
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit

    app = QApplication(sys.argv[:1])
    exhibit = load_exhibit(default_exhibit_path())
    scratch = tempfile.TemporaryDirectory(prefix="chronomap-bench-recovery-")
    if args.app == "kiosk":
        from chronomap.kiosk.config import KioskConfig
        from chronomap.kiosk.shell import KioskWindow

        config = KioskConfig().model_copy(update=dict(
            language="en", hide_cursor=False, idle_seconds=3600, countdown_seconds=3600, attract_min_seconds=3600,
            hang_check_seconds=3600, hang_timeout_seconds=3600, log_dir=scratch.name))
        window = KioskWindow(exhibit, config, state_dir=scratch.name)
        view = window.map_view
        window.show_on_screen()
    else:
        from chronomap.desk.main_window import MainWindow

        window = MainWindow(exhibit, QSettings(os.path.join(scratch.name, "s.ini"), QSettings.Format.IniFormat))
        view = window.map_view
        w, h = (int(v) for v in args.size.split("x"))
        window.resize(w, h)
        window.show()

    def settled_frame():
        got: list = []
        view.grab_settled(got.append)
        if not wait_until(lambda: bool(got), 30):
            raise SystemExit("the map never settled")
        return got[0]

    if not wait_until(lambda: view.is_ready, 60):
        print(json.dumps({"error": "the map page never became ready"}))
        return 1
    last = view.last_state
    applied = {"seq": 0}
    view.state_applied.connect(lambda seq: applied.__setitem__("seq", max(applied["seq"], seq)))
    wait_until(lambda: last is None or applied["seq"] >= (view.last_state or {"seq": 0})["seq"], 30)
    first = args.first_delay if args.first_delay is not None else view.next_recovery_delay_ms()
    view.set_recovery_delays((first,), stable_ms=0)  # every crash is the first in a row

    crashes: list[Crash] = []
    current: dict[str, Crash | None] = {"crash": None}
    reference: dict[str, list] = {}

    def on_terminated(*_args) -> None:
        crash = current["crash"]
        if crash is not None and crash.noticed is None:
            crash.noticed = time.perf_counter()

    def on_ready() -> None:
        crash = current["crash"]
        if crash is not None and crash.ready is None:
            crash.ready = time.perf_counter()

    def on_recovered() -> None:
        crash = current["crash"]
        if crash is not None and crash.recovered is None:
            crash.recovered = time.perf_counter()

    page = view.web_page
    assert page is not None
    page.renderProcessTerminated.connect(on_terminated)
    view.ready.connect(on_ready)
    view.recovered.connect(on_recovered)

    def covered() -> bool:
        web = view.web_view
        return web is not None and any(
            child.isVisible() and child is not web and child.geometry().intersects(web.geometry())
            for child in view.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly))

    def tick() -> None:
        crash = current["crash"]
        if crash is None or (crash.map is not None and crash.live is not None):
            return
        now = time.perf_counter()
        crash.kinds.append(kind(samples(view.grab().toImage()), reference["map"]))  # like: the map as it was
        web = view.web_view
        if crash.ready is None or web is None:
            return
        own = samples(web.grab().toImage())
        if crash.map is None and likeness(own, reference["map"]) >= MATCH:
            crash.map = now
        if crash.live is None and not covered() and kind(own) not in ("black", "white"):
            crash.live = now

    ticker = QTimer()
    ticker.setInterval(args.frame_ms)
    ticker.timeout.connect(tick)
    try:
        from chronomap.qt.map_curtain import MapCurtain

        curtain = view.findChild(MapCurtain)
    except ImportError:  # measuring the tree before the curtain
        curtain = None
    pictures = {"n": 0}
    if curtain is not None:  # a crash comes once the map has been still a while: it has its picture by then
        curtain.captured.connect(lambda: pictures.__setitem__("n", pictures["n"] + 1))
    for _ in range(args.crashes):
        reference["map"] = samples(settled_frame())
        taken = pictures["n"]
        if curtain is not None:
            wait_until(lambda t=taken: pictures["n"] > t, 5)
        pid = view.render_process_pid()
        crash = Crash(killed=time.perf_counter())
        current["crash"] = crash
        crashes.append(crash)
        ticker.start()
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda c=crash: c.recovered is not None and c.map is not None and c.live is not None, 60)
        ticker.stop()
        current["crash"] = None

    each = [c.figures() for c in crashes]

    def median(key: str) -> float | None:
        values = [f[key] for f in each if f[key] is not None]
        return round(statistics.median(values), 1) if values else None

    result = {"bench": "recovery", "label": args.label, "app": args.app, "crashes": len(crashes),
              "frame_ms": args.frame_ms, "noticed_ms": median("noticed_ms"), "ready_ms": median("ready_ms"),
              "recovered_ms": median("recovered_ms"), "map_ms": median("map_ms"), "live_ms": median("live_ms"),
              "first_delay_ms": first, "frames": sum(f["frames"] for f in each),
              **{f"{k}_frames": sum(f[k] for f in each) for k in KINDS}, "each": each}
    if args.app == "kiosk":
        window.allow_close()  # type: ignore[attr-defined]
    view.release()
    window.close()
    window.deleteLater()
    app.processEvents()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
