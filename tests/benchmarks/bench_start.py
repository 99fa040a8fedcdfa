"""Start benchmark: ``python tests/benchmarks/bench_start.py [--runs N] [--no-bytecode]`` (offscreen).

Cold start of the desk explorer to the first map on screen, against the floor measured in the
same run: a fresh process that opens a blank page in a QWebEngineView of the map view's size
(``map_size``; the offscreen screen has room for the 1440x900 window) and shows its first frame.
Each run is a new process, launched from here, with caches and settings of this run only; times
are seconds from the launch.

The explorer's child runs the real start (``chronomap.cli.main``, then ``chronomap.desk.app.run_explorer``), watched: the window
``open_explorer`` returns is polled, and closed once measured, as a visitor closes it (the settings
and the start memo are written at quit, as at every quit). Its phases: Python up, the first import,
the page's start (its document), the base map read and parsed, the base map drawn, the window filled
with the exhibit (``window_installed_s``), and the first frame committed with the page's first
state (applied: ``page_applied_s``; shown: ``map_shown_s``, read from the page's frame marks,
``chronomap.snapshot().frames``). The page holds its opening state (``chronomap.map.page_inline``): its frame
counts as the first state's only when the opening is the state the window gave the view
(``opening_is_first_state``), else the first frame of that state is taken. ``early_page``: every
measured start found its start memo (``chronomap.desk.start_memo``) and showed the page before the
exhibit was read. ``heaviest_imports`` lists the biggest packages the filled window imports
(``-X importtime``, cumulative ms).

The first start of a run has no page cached and no memo (``map_shown_uncached_s``); the others find
the page and the memo the one before left.

Python runs as it does for a visitor: bytecode is written at the first import and read after
(``bytecode_cached``). An installed wheel has it compiled at install; ``PYTHONDONTWRITEBYTECODE``,
set in some shells, would have every start compile the app's ~40 start modules again (~25 ms of CPU
here), so it is left out of the children's environment (``--no-bytecode`` keeps it, for comparison).

Ends with one JSON line; ``start_over_floor`` is ``map_shown_s / floor_shown_s`` (target <= 1.5).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FRAME_MARK = """
var marks = [];
requestAnimationFrame(function () {
  var channel = new MessageChannel();
  channel.port1.onmessage = function () { marks.push(performance.timeOrigin + performance.now()); };
  channel.port2.postMessage(0);
});
"""

BLANK_CHILD = r"""
import json, os, sys, time
t0 = float(sys.argv[1])
from chronomap.qt.webengine import configure_webengine
configure_webengine()
from PySide6.QtCore import QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
view = QWebEngineView()
view.resize(int(sys.argv[3]), int(sys.argv[4]))  # the explorer's map view's size
view.setHtml("<!doctype html><html><body style='margin:0;background:#fff'><div>0</div><script>"
             + sys.argv[2] + "</script></body></html>")
view.show()
def poll():
    view.page().runJavaScript("JSON.stringify({marks: marks, origin: performance.timeOrigin})", 0, got)
def got(value):
    data = json.loads(value) if value else {"marks": []}
    if data["marks"]:
        print("RESULT " + json.dumps({"shown_s": data["marks"][0] / 1000 - t0, "origin_s": data["origin"] / 1000 - t0,
                                            "answered_s": time.time() - t0}),
              flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, poll)
view.loadFinished.connect(lambda ok: poll())
app.exec()
"""

APP_CHILD = r"""
import json, os, sys, time
t0 = float(sys.argv[1])
WAIT_PICTURE = os.environ.pop("BENCH_WAIT_PICTURE", "") == "1"
phases = {"python_s": time.time() - t0}
import chronomap.cli as cli
import chronomap.desk.app as desk_app
from chronomap.desk import start_memo
phases["imports_s"] = time.time() - t0
opened = []
open_explorer = desk_app.open_explorer
def observed(*args, **kwargs):  # the real start (run_explorer), watched: the window it opens is polled
    window = open_explorer(*args, **kwargs)
    phases["window_installed_s"] = time.time() - t0
    opened.append(window)
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, poll)
    return window
desk_app.open_explorer = observed
lookup = start_memo.lookup
def looked_up(*args, **kwargs):
    early = lookup(*args, **kwargs)
    phases["early_page"] = early is not None
    return early
start_memo.lookup = looked_up
OPENING = "(document.getElementById('cm-opening') || {}).textContent || null"
opening = []
def same(a, b):
    drop = ("seq", "animate")
    a, b = json.loads(json.dumps(a)), json.loads(json.dumps(b))
    return {k: v for k, v in a.items() if k not in drop} == {k: v for k, v in b.items() if k not in drop}
def poll():
    window = opened[0]
    if not opening:
        window.map_view.web_page.runJavaScript(OPENING, 0, lambda text: (opening.append(json.loads(text) if text else None), poll()))
        return
    window.map_view.query(got)
def got(snap):
    from PySide6.QtCore import QTimer
    window = opened[0]
    frames = (snap or {}).get("frames") or {}
    last = window.map_view.last_state or {}
    seq = last.get("seq")
    # the page's opening counts as the first state only when it is the state the app gave the view
    opened_right = opening[0] is not None and seq is not None and same(opening[0], last)
    phases["opening_is_first_state"] = opened_right
    marks = [m for m in frames.get("marks") or [] if seq is not None and (m[0] >= seq or (opened_right and m[0] == 0))]
    if snap and snap.get("ready") and marks:
        start = frames.get("start") or {}
        for name in ("origin", "fetched", "drawn"):
            phases["page_" + name + "_s"] = start[name] / 1000 - t0 if start.get(name) else None
        phases["page_applied_s"] = marks[0][1] / 1000 - t0
        phases["live_map_shown_s"] = marks[0][2] / 1000 - t0
        painted = window.map_view.picture_painted_at
        phases["picture_shown_s"] = painted - t0 if painted is not None else None
        phases["map_shown_s"] = min(phases["live_map_shown_s"], phases["picture_shown_s"] or float("inf"))
        phases["answered_s"] = time.time() - t0
        phases["map_size"] = [window.map_view.width(), window.map_view.height()]
        print("RESULT " + json.dumps(phases), flush=True)
        from PySide6.QtCore import QObject
        capture = window.map_view.findChild(QObject, "mapPictureCapture")
        if WAIT_PICTURE and capture is not None:  # a visitor who stays a while: the picture is taken for the next start
            capture.finished.connect(lambda path: window.close())
        else:
            window.close()  # as a visitor would: the settings and the start memo are written as at every quit
    else:
        QTimer.singleShot(5, poll)
sys.exit(cli.main([]))  # as `chronomap` does: the command line parsed, then run_explorer
"""


#: The offscreen screen: room for the explorer's preferred 1440x900 window (desk.main_window.first_size).
SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
          "screens": [{"name": "bench", "x": 0, "y": 0, "width": 1600, "height": 1000, "logicalDpiX": 96,
                       "logicalDpiY": 96, "dpr": 1}]}


#: Whether the opening picture is taken (by a start that waits for it) before the measured starts.
PICTURE = "--no-picture" not in sys.argv

#: Whether the children may write and read bytecode, as a visitor's Python does (see the module docstring).
BYTECODE = "--no-bytecode" not in sys.argv


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(code: str, *args: str, cache: str | None = None, wait_picture: bool = False) -> dict:
    env = _env()
    if wait_picture:
        env["BENCH_WAIT_PICTURE"] = "1"
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] == "offscreen" and cache is not None:
        screen = os.path.join(cache, "screen.json")
        with open(screen, "w", encoding="utf-8") as handle:
            json.dump(SCREEN, handle)
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    if cache is not None:  # the page cache, the start memo and the settings of this run only
        env["XDG_CACHE_HOME"] = os.path.join(cache, "cache")
        env["XDG_CONFIG_HOME"] = os.path.join(cache, "config")
    out = subprocess.run([sys.executable, "-c", code, repr(time.time()), *args], capture_output=True, text=True,
                         timeout=120, env=env)
    line = next((line for line in out.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"the child printed no result:\n{out.stdout}\n{out.stderr[-2000:]}")
    return json.loads(line[len("RESULT "):])


def heaviest_imports(top: int = 6) -> dict[str, float]:
    """The biggest top-level packages the desk start imports (cumulative ms, ``-X importtime``)."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c",
                          "import chronomap.desk.main_window, chronomap.story.loader"],
                         capture_output=True, text=True, timeout=120, env=_env())
    sizes: dict[str, float] = {}
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        depth = len(name) - len(name.lstrip())
        name = name.strip()
        if depth <= 4 and not name.startswith("_"):  # imported by the start itself or one level below
            sizes[name] = max(sizes.get(name, 0.0), int(parts[1]) / 1000)
    ranked = sorted(sizes.items(), key=lambda kv: -kv[1])
    return {name: round(ms, 1) for name, ms in ranked[:top]}


def main() -> int:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    blank, app = [], []
    with tempfile.TemporaryDirectory() as cache:
        uncached = _child(APP_CHILD, cache=cache)  # the first start: the page is rendered (and cached)
        size = [str(n) for n in uncached["map_size"]]  # the floor's view is the map view's size
        # the second: from the memo, no picture yet; the visitor stays until the opening picture is taken
        unpictured = _child(APP_CHILD, cache=cache, wait_picture=PICTURE)
        for _ in range(runs):  # interleaved, so a busy moment of the machine falls on both
            blank.append(_child(BLANK_CHILD, FRAME_MARK, *size, cache=cache))
            app.append(_child(APP_CHILD, cache=cache))

    def median(rows: list[dict], key: str) -> float | None:
        values = [r[key] for r in rows if r.get(key) is not None]
        return round(statistics.median(values), 3) if values else None

    floor = median(blank, "shown_s")
    shown = median(app, "map_shown_s")
    result = {
        "runs": runs,
        "floor_shown_s": floor,
        "floor_page_origin_s": median(blank, "origin_s"),
        "floor_answered_s": median(blank, "answered_s"),
        "map_shown_s": shown,
        "start_over_floor": round(shown / floor, 2) if shown and floor else None,
        "live_map_shown_s": median(app, "live_map_shown_s"),
        "live_over_floor": round(median(app, "live_map_shown_s") / floor, 2) if floor else None,
        "picture_shown_s": median(app, "picture_shown_s"),
        "picture_shown": all(r.get("picture_shown_s") is not None for r in app),
        "map_shown_unpictured_s": round(unpictured["map_shown_s"], 3),
        "map_shown_uncached_s": round(uncached["map_shown_s"], 3),
        "map_size": uncached["map_size"],
        "opening_is_first_state": all(r.get("opening_is_first_state") for r in app),
        "early_page": all(r.get("early_page") for r in app),
        "bytecode_cached": BYTECODE,
        **{key: median(app, key) for key in ("python_s", "imports_s", "page_origin_s", "page_fetched_s", "page_drawn_s",
                                             "page_applied_s", "window_installed_s", "answered_s")},
        "heaviest_imports": heaviest_imports(),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
