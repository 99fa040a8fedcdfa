"""Memory benchmark: ``python tests/benchmarks/bench_memory.py [--changes N]`` (offscreen).

Resident memory of the desk explorer and its Qt WebEngine processes (the app, the render
process, the GPU/viz and utility processes, every descendant), summed from /proc, at start (the
first map on screen) and after N changes of the moment (default 10,000, each confirmed by the
page); against the floor measured in the same run: a fresh process showing a blank page in a
QWebEngineView of the same size, after the same number of changes of one text.

Both RSS (what each process holds, shared pages counted in each) and PSS (shared pages split
between the processes sharing them: the sum is what the family costs) are reported, with each
process kind's share at start. Ends with one JSON line; the target is
``pss_after_mb - floor_pss_after_mb <= 150`` (and the same at start).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FAMILY = r'''
import os
from pathlib import Path

def _kb(path, field):
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

def _kind(pid):
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "gone"
    for arg in cmd:
        if arg.startswith(b"--type="):
            kind = arg[7:].decode()
            if kind == "utility":
                sub = next((a for a in cmd if a.startswith(b"--utility-sub-type=")), b"")
                return "utility:" + sub.split(b"=", 1)[1].decode().rsplit(".", 1)[-1] if sub else kind
            return kind
    return "app" if pid == os.getpid() else "other"

def family():
    """{kind: [rss_mb, pss_mb]} for this process and every descendant (the render processes are
    forked from the zygote, whose command line they keep: "zygote" is the zygote and its renderers)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, stack = {}, [os.getpid()]
    while stack:
        pid = stack.pop()
        kind = _kind(pid)
        rss = _kb(f"/proc/{pid}/status", "VmRSS") / 1024
        pss = _kb(f"/proc/{pid}/smaps_rollup", "Pss") / 1024
        prev = out.get(kind, [0.0, 0.0])
        out[kind] = [prev[0] + rss, prev[1] + pss]
        stack.extend(children.get(pid, []))
    return out
'''

BLANK_CHILD = FAMILY + r'''
import json, sys
from chronomap.qt.webengine import configure_webengine
configure_webengine()
from PySide6.QtCore import QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
changes = int(sys.argv[1])
view = QWebEngineView()
view.resize(1000, 820)
view.setHtml("<!doctype html><html><body style='margin:0;background:#fff'><div id=t>0</div><script>"
             "function change(i){document.getElementById('t').textContent='change '+i;return i;}</script></body></html>")
view.show()
result = {}
state = {"i": 0}
def step(value=None):
    if state["i"] >= changes:
        result["after"] = family()
        print("RESULT " + json.dumps(result), flush=True)
        app.quit()
        return
    state["i"] += 1
    view.page().runJavaScript(f"change({state['i']})", 0, step)
def started(ok):
    def measure(_value):
        result["start"] = family()
        step()
    view.page().runJavaScript("new Promise(function(r){requestAnimationFrame(function(){r(1);});}); 1", 0,
                              lambda v: QTimer.singleShot(200, lambda: measure(v)))
view.loadFinished.connect(started)
app.exec()
'''

APP_CHILD = FAMILY + r'''
import json, sys
from chronomap.qt.webengine import configure_webengine
configure_webengine()
from PySide6.QtCore import QSettings, QTemporaryDir, QTimer
from PySide6.QtWidgets import QApplication
from chronomap.desk.main_window import MainWindow
from chronomap.resources import default_exhibit_path
from chronomap.story.loader import load_exhibit
app = QApplication(sys.argv[:1])
changes = int(sys.argv[1])
scratch = QTemporaryDir()
window = MainWindow(load_exhibit(default_exhibit_path()), QSettings(scratch.filePath("s.ini"), QSettings.Format.IniFormat))
window.resize(1440, 900)
window.show()
days = []
events = window.timeline.events
for a, b in zip(events, events[1:]):
    days += [a.span.start, (a.span.start + b.span.start) // 2]
result = {"flags": os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")}
state = {"i": 0, "waiting": None}
def step():
    if state["i"] >= changes:
        result["after"] = family()
        print("RESULT " + json.dumps(result), flush=True)
        app.quit()
        return
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
def started():
    def measure():
        result["start"] = family()
        step()
    window.map_view.when_settled(lambda: QTimer.singleShot(200, measure))
window.map_view.ready.connect(started)
app.exec()
'''


def _child(code: str, changes: int) -> dict:
    out = subprocess.run([sys.executable, "-c", code, str(changes)], capture_output=True, text=True, timeout=3600)
    line = next((line for line in out.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"the child printed no result:\n{out.stdout}\n{out.stderr[-2000:]}")
    return json.loads(line[len("RESULT "):])


def _total(family: dict, column: int) -> float:
    return round(sum(v[column] for v in family.values()), 1)


def main() -> int:
    changes = int(sys.argv[sys.argv.index("--changes") + 1]) if "--changes" in sys.argv else 10_000
    started = time.perf_counter()
    blank = _child(BLANK_CHILD, changes)
    app = _child(APP_CHILD, changes)
    result = {
        "changes": changes,
        "floor_rss_start_mb": _total(blank["start"], 0),
        "floor_pss_start_mb": _total(blank["start"], 1),
        "floor_pss_after_mb": _total(blank["after"], 1),
        "rss_start_mb": _total(app["start"], 0),
        "pss_start_mb": _total(app["start"], 1),
        "rss_after_mb": _total(app["after"], 0),
        "pss_after_mb": _total(app["after"], 1),
        "pss_over_floor_start_mb": round(_total(app["start"], 1) - _total(blank["start"], 1), 1),
        "pss_over_floor_after_mb": round(_total(app["after"], 1) - _total(blank["after"], 1), 1),
        "rss_by_process_start_mb": {k: round(v[0], 1) for k, v in sorted(app["start"].items())},
        "rss_by_process_after_mb": {k: round(v[0], 1) for k, v in sorted(app["after"].items())},
        "floor_rss_by_process_start_mb": {k: round(v[0], 1) for k, v in sorted(blank["start"].items())},
        "pss_by_process_start_mb": {k: round(v[1], 1) for k, v in sorted(app["start"].items())},
        "pss_by_process_after_mb": {k: round(v[1], 1) for k, v in sorted(app["after"].items())},
        "floor_pss_by_process_start_mb": {k: round(v[1], 1) for k, v in sorted(blank["start"].items())},
        "flags": app.get("flags", ""),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
