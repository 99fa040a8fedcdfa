"""Memory benchmark: ``python tests/benchmarks/bench_memory.py [--changes N] [--extra-flags "..."]`` (offscreen).

Resident memory of the desk explorer and its Qt WebEngine processes (the app, the render
process, the zygotes, any GPU/utility process: every descendant, from /proc) at four points:

* ``start``: the first map on screen, settled;
* ``busy``: right after N changes of the moment (default 10,000, each confirmed by the page;
  the last one's glide is usually still under way);
* ``after``: once the map has settled after them (0.2 s after its last frame);
* ``rested``: 15 s later, once V8's memory reducer has run (it starts some seconds after the
  last change and frees the garbage the changes left in the render process's V8 and Oilpan heaps,
  and the base map's canvases have freed their spare buffers).

Each against the floor measured in the same run, the same way: a fresh process showing a blank
page in a QWebEngineView of the same size, after the same number of changes of one text.

RSS (shared pages counted in each process) and PSS (split between the processes sharing them;
it moves with whatever else runs Qt WebEngine on the machine) are reported per process kind, and
``resident``: the family's physical pages, each counted once however many of its processes map it
(from /proc/<pid>/pagemap, which gives page frames to root only: null otherwise). Summed RSS counts a
canvas buffer twice (the render process draws it, the app's compositor reads it) and the zygotes'
pages in each child; the resident figure is the memory the family holds. Per process kind, with
``shm``: the RSS of the shared-memory segments in which the render process hands its canvases
to the compositor (in the app's process), counted in the RSS of both. The page says what it holds
(DOM elements, Leaflet layers and listeners, frame marks kept, V8 heap) at each point, so growth
can be told apart from a leak, and the render process's shared-memory segments are listed (each
canvas buffer is one). ``page_alloc_kb`` is what the page's JavaScript allocates per full redraw of
the base map, per projection for a new zoom and per change (a third process, with a precise heap
size). Every child keeps its page in a page cache of the bench's own, built by a first start
(``page_cache``: warm). Ends with one JSON line. The target (issue 16) is the family's resident memory
at most 150 MB over the floor's, at start and right after the changes: ``target`` gives it on the
``resident`` figure, the memory the family holds, each physical page once. Summed RSS
(``rss_over_floor_*``) is reported beside it; it counts a page once per process that maps it (each canvas
buffer twice, the WebEngine library's code pages in the app and again in the render process), so it
grows with what the page draws even where no more memory is used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TESTS = Path(__file__).resolve().parents[1]
#: How long "rested" waits after the map settled: V8's memory reducer starts 8 s after the last change, and
#: a canvas frees its spare buffers 5-10 s after their last use (Canvas2DReclaimUnusedResources).
REST_MS = 15_000
#: Issue 16: the family's resident memory over the floor's, at start and right after the changes.
TARGET_OVER_FLOOR_MB = 150

#: What the page holds; the blank page has no chronomap and answers with its DOM and heap only.
PAGE_PROBE = r"""(function () {
  var out = {nodes: document.getElementsByTagName("*").length};
  if (performance.memory) { out.js_heap_mb = Math.round(performance.memory.usedJSHeapSize / 104857.6) / 10; }
  var cm = window.chronomap, map = cm && cm.shared && cm.shared.map;
  if (map) {
    var count = function (o) {
      var n = 0;
      Object.keys((o && o._events) || {}).forEach(function (k) { n += o._events[k].length; });
      return n;
    };
    var layers = Object.keys(map._layers);
    out.layers = layers.length;
    out.listeners = layers.reduce(function (n, k) { return n + count(map._layers[k]); }, count(map));
    var frames = cm.snapshot().frames;
    out.frame_marks = frames.marks.length;
    out.redraws = frames.redraws;  // full redraws of the base map's canvases so far
    out.glides = frames.glides;
  }
  return JSON.stringify(out);
})()"""

COMMON = r'''
import json, os, sys
sys.path.insert(0, sys.argv[2])
from helpers.processes import family_resident_mb, family_usage
from chronomap.qt.webengine import configure_webengine
configure_webengine()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
changes = int(sys.argv[1])
PROBE = sys.argv[3]
REST_MS = int(sys.argv[4])
result = {"flags": os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")}

def segments(pid):
    """The render process's shared-memory segments resident now (MB each, largest first): canvas
    and tile buffers handed to the compositor."""
    sizes, shared = [], False
    try:
        with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                head = line.split(None, 1)[0]
                if not head.endswith(":"):
                    shared = "/dev/shm/" in line or "/memfd:" in line
                elif head == "Rss:" and shared and int(line.split()[1]) >= 512:
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
    except OSError:
        pass
    return sorted(sizes, reverse=True)

def measure(page, key, then):
    """The family's memory (the render process named) and what the page holds, as result[key]."""
    def got(value):
        pid = page.renderProcessPid()
        result[key] = {"family": family_usage(named={pid: "renderer"}), "resident": family_resident_mb(),
                       "segments": segments(pid),
                       "page": json.loads(value) if isinstance(value, str) else None}
        then()
    page.runJavaScript(PROBE, 0, got)

def rest():
    """Idle a while: V8's memory reducer frees the page's garbage some seconds after the last change."""
    QTimer.singleShot(REST_MS, lambda: measure(PAGE, "rested", finish))

def finish():
    print("RESULT " + json.dumps(result), flush=True)
    app.quit()
'''

BLANK_CHILD = COMMON + r'''
from PySide6.QtWebEngineWidgets import QWebEngineView
view = QWebEngineView()
view.resize(1000, 820)
view.setHtml("<!doctype html><html><body style='margin:0;background:#fff'><div id=t>0</div><script>"
             "function change(i){document.getElementById('t').textContent='change '+i;return i;}</script></body></html>")
view.show()
PAGE = view.page()
state = {"i": 0}
def settled(key, then):
    view.page().runJavaScript("new Promise(function(r){requestAnimationFrame(function(){r(1);});}); 1", 0,
                              lambda _v: QTimer.singleShot(200, lambda: measure(view.page(), key, then)))
def step(value=None):
    if state["i"] >= changes:
        measure(view.page(), "busy", lambda: settled("after", rest))
        return
    state["i"] += 1
    view.page().runJavaScript(f"change({state['i']})", 0, step)
view.loadFinished.connect(lambda ok: settled("start", step))
app.exec()
'''

WINDOW = r'''
from PySide6.QtCore import QSettings, QTemporaryDir
from chronomap.desk.main_window import MainWindow
from chronomap.resources import default_exhibit_path
from chronomap.story.loader import load_exhibit
scratch = QTemporaryDir()
window = MainWindow(load_exhibit(default_exhibit_path()), QSettings(scratch.filePath("s.ini"), QSettings.Format.IniFormat))
window.resize(1440, 900)
window.show()
page = PAGE = window.map_view.web_page
days = []
events = window.timeline.events
for a, b in zip(events, events[1:]):
    days += [a.span.start, (a.span.start + b.span.start) // 2]
state = {"i": 0, "waiting": None}
def change():
    day = days[state["i"] % len(days)]
    state["i"] += 1
    if day == window.model.day:
        day += 1
    window.model.set_day(day)
    state["waiting"] = window.map_view.last_state["seq"]
def applied(seq):
    if state["waiting"] is not None and seq >= state["waiting"]:
        state["waiting"] = None
        QTimer.singleShot(0, step)
window.map_view.state_applied.connect(applied)
'''

APP_CHILD = COMMON + WINDOW + r'''
def settled(key, then):
    window.map_view.when_settled(lambda: QTimer.singleShot(200, lambda: measure(page, key, then)))
def step():
    if state["i"] >= changes:
        measure(page, "busy", lambda: settled("after", rest))
        return
    change()
window.map_view.ready.connect(lambda: settled("start", step))
app.exec()
'''

#: What the page's JavaScript allocates (V8 heap growth, KB) per full redraw of the base map's
#: canvases, per projection for a new zoom, and per change of the moment: measured in a process
#: of its own with a precise heap size, gc() and a young generation large enough that no
#: collection runs inside a measurement. The first of each is left out (code being compiled).
ALLOC_FLAGS = "--enable-precise-memory-info --js-flags=--expose-gc,--min-semi-space-size=256,--max-semi-space-size=256"
ALLOC_PROBE = r'''(function () {
  var map = window.chronomap.shared.map, canvases = [];
  Object.keys(map._layers).forEach(function (k) {
    var r = map._layers[k]._renderer;
    if (r instanceof L.Canvas && canvases.indexOf(r) < 0) { canvases.push(r); }
  });
  function kb(fn) {
    var out = [];
    for (var i = 0; i < 6; i++) {
      gc(); gc();
      var before = performance.memory.usedJSHeapSize;
      fn();
      out.push((performance.memory.usedJSHeapSize - before) / 1024);
    }
    out = out.slice(1).sort(function (a, b) { return a - b; });
    return Math.round(out[2]);
  }
  return JSON.stringify({
    redraw_kb: kb(function () { canvases.forEach(function (r) { r._update(); }); }),
    zoom_kb: kb(function () { canvases.forEach(function (r) { r._onZoomEnd(); }); })
  });
})()'''
ALLOC_CHANGES = 300

ALLOC_CHILD = COMMON + WINDOW + r'''
HEAP = "(function () { gc(); gc(); return performance.memory.usedJSHeapSize; })()"
def probe():
    page.runJavaScript(sys.argv[5], 0, lambda value: (result.update(json.loads(value)), per_change()))
def per_change():
    page.runJavaScript(HEAP, 0, lambda heap: (state.update(heap=heap, first=state["i"]), step()))
def step():
    if state["i"] - state["first"] >= int(sys.argv[6]):
        page.runJavaScript("performance.memory.usedJSHeapSize", 0, done)
        return
    change()
def done(heap):
    result["change_kb"] = round((heap - state["heap"]) / 1024 / int(sys.argv[6]), 1)
    finish()
window.map_view.ready.connect(lambda: window.map_view.when_settled(lambda: QTimer.singleShot(200, probe)))
app.exec()
'''


def _child(code: str, changes: int, extra_flags: str, *more: str, cache: str, rest_ms: int = REST_MS) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    if extra_flags:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (env.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " " + extra_flags).strip()
    out = subprocess.run([sys.executable, "-c", code, str(changes), str(TESTS), PAGE_PROBE, str(rest_ms), *more],
                         capture_output=True, text=True, timeout=3600, env=env)
    line = next((line for line in out.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"the child printed no result:\n{out.stdout}\n{out.stderr[-2000:]}")
    return json.loads(line[len("RESULT "):])


def main() -> int:
    sys.path.insert(0, str(TESTS))
    from helpers.processes import total_mb

    changes = int(sys.argv[sys.argv.index("--changes") + 1]) if "--changes" in sys.argv else 10_000
    extra = sys.argv[sys.argv.index("--extra-flags") + 1] if "--extra-flags" in sys.argv else ""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as cache:
        # The app is measured as a user starts it, with its page in the page cache: a page built
        # anew imports folium and renders it, ~35 MB more in the app for the rest of its life; the
        # shared cache keeps the last few pages any checkout built, so without a cache of its own the
        # bench measured one start or the other depending on what else ran.
        _child(APP_CHILD, 0, extra, cache=cache, rest_ms=0)
        blank = _child(BLANK_CHILD, changes, extra, cache=cache)
        app = _child(APP_CHILD, changes, extra, cache=cache)
        alloc = _child(ALLOC_CHILD, changes, (extra + " " + ALLOC_FLAGS).strip(), ALLOC_PROBE, str(ALLOC_CHANGES), cache=cache)
    result: dict = {"changes": changes, "page_cache": "warm"}
    for when in ("start", "busy", "after", "rested"):
        for column in ("rss", "pss"):
            floor, own = total_mb(blank[when]["family"], column), total_mb(app[when]["family"], column)
            result[f"floor_{column}_{when}_mb"] = floor
            result[f"{column}_{when}_mb"] = own
            result[f"{column}_over_floor_{when}_mb"] = round(own - floor, 1)
    for when in ("start", "busy", "after", "rested"):
        floor, own = blank[when]["resident"], app[when]["resident"]
        result[f"floor_resident_{when}_mb"] = floor
        result[f"resident_{when}_mb"] = own
        result[f"resident_over_floor_{when}_mb"] = None if floor is None or own is None else round(own - floor, 1)
    for when in ("start", "busy", "after", "rested"):
        result[f"by_process_{when}"] = app[when]["family"]
        result[f"renderer_shm_segments_{when}_mb"] = app[when]["segments"]
        result[f"page_{when}"] = app[when]["page"]
    result["floor_by_process_start"] = blank["start"]["family"]
    result["floor_by_process_after"] = blank["after"]["family"]
    result["floor_by_process_rested"] = blank["rested"]["family"]
    result["target"] = {"measure": "resident_over_floor_mb", "limit_mb": TARGET_OVER_FLOOR_MB,
                        "met": None if None in (result["resident_over_floor_start_mb"], result["resident_over_floor_busy_mb"])
                        else max(result["resident_over_floor_start_mb"], result["resident_over_floor_busy_mb"]) <= TARGET_OVER_FLOOR_MB}
    result["page_alloc_kb"] = {k: alloc[k] for k in ("redraw_kb", "zoom_kb", "change_kb")}
    result["flags"] = app.get("flags", "")
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
