"""Visitor statistics (opt-in, local): which events were viewed, how long, how often the loop was interrupted.

The kiosk appends one JSON object per line to a local file, flushed on each write::

    {"ts": "2025-05-01T10:12:03Z", "kind": "view", "event": "december-events", "title": "…", "seconds": 14.2}
    {"ts": "…", "kind": "attract_start"}
    {"ts": "…", "kind": "attract_interrupted", "after_seconds": 312.5}
    {"ts": "…", "kind": "lost", "records": 3}

A write that fails (a full disk) loses only that record: the next one tries
again, and the first that succeeds is preceded by a ``lost`` record with the
count, so a gap in the statistics is never silent (issue 14, item 8).

Only a visitor's own views are recorded (not what the attract loop shows), and
nothing that identifies a person. A view ends when the visitor moves to another
event, when “Still there?” appears, or when the kiosk stops; views shorter than
:data:`MIN_VIEW_SECONDS` (scrubbing past an event) are not counted.

``chronomap stats FILE`` (:func:`stats_main`) summarises a file as CSV. No Qt here.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from chronomap.errors import UsageError, report

log = logging.getLogger("chronomap.kiosk")

MIN_VIEW_SECONDS = 1.0
CSV_HEADER = ("event_id", "title", "views", "total_seconds", "mean_seconds")


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def append_text(path: Path, text: str) -> None:
    """Append *text* to *path* (its folder made if need be), flushed and closed: one write per record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()


class StatsRecorder:
    """Appends visitor statistics to *path*; every write is flushed and closed.

    A record that cannot be written is counted and logged, never raised:
    statistics never stop the kiosk, and they resume with the next record that
    can be written, behind a ``lost`` record with the count. *clock* is
    monotonic seconds and *append* the writer (tests inject both).
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.monotonic, wall: Callable[[], str] = _now_iso,
                 append: Callable[[Path, str], None] = append_text):
        self.path = Path(path)
        self._clock = clock
        self._wall = wall
        self._append = append
        self._view: tuple[str, str, float] | None = None
        self._attract_since: float | None = None
        self._lost = 0  # records not written since the last one that was

    @property
    def records_lost(self) -> int:
        """Records that could not be written and are not yet reported in the file."""
        return self._lost

    def write(self, kind: str, **fields) -> None:
        line = json.dumps({"ts": self._wall(), "kind": kind, **fields}, ensure_ascii=False) + "\n"
        text = line
        if self._lost:
            # a failed write may have left half a line: start on a fresh one, and say what is missing
            lost = json.dumps({"ts": self._wall(), "kind": "lost", "records": self._lost}) + "\n"
            text = "\n" + lost + line
        try:
            self._append(self.path, text)
        except OSError as exc:
            if not self._lost:
                log.error("visitor statistics cannot be written to %s: %s; trying again with the next record",
                          self.path, exc)
            self._lost += 1
            return
        if self._lost:
            log.warning("visitor statistics are written to %s again; %d record%s could not be written",
                        self.path, self._lost, "s" if self._lost != 1 else "")
            self._lost = 0

    # -- what the kiosk reports ----------------------------------------------------------
    def view_started(self, event_id: str, title: str) -> None:
        if self._view is not None and self._view[0] == event_id:
            return
        self.view_ended()
        self._view = (event_id, title, self._clock())

    def view_ended(self) -> None:
        if self._view is None:
            return
        event_id, title, since = self._view
        self._view = None
        seconds = self._clock() - since
        if seconds >= MIN_VIEW_SECONDS:
            self.write("view", event=event_id, title=title, seconds=round(seconds, 1))

    def attract_started(self) -> None:
        self.view_ended()
        self._attract_since = self._clock()
        self.write("attract_start")

    def attract_interrupted(self) -> None:
        after = None if self._attract_since is None else round(self._clock() - self._attract_since, 1)
        self._attract_since = None
        self.write("attract_interrupted", after_seconds=after)

    def close(self) -> None:
        self.view_ended()


# -- the summary -------------------------------------------------------------------------


def summarise(lines) -> tuple[list[tuple[str, str, int, float]], dict[str, int], int]:
    """(per-event rows (id, title, views, seconds), counters, unreadable lines) from JSON lines."""
    views: dict[str, list] = {}
    counters = {"attract_interruptions": 0, "attract_loops_started": 0}
    bad = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
            kind = record["kind"]
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        if kind == "view":
            try:
                event_id = str(record["event"])
                seconds = float(record["seconds"])
            except (KeyError, TypeError, ValueError):
                bad += 1
                continue
            entry = views.setdefault(event_id, [str(record.get("title") or ""), 0, 0.0])
            if record.get("title"):
                entry[0] = str(record["title"])
            entry[1] += 1
            entry[2] += seconds
        elif kind == "attract_interrupted":
            counters["attract_interruptions"] += 1
        elif kind == "attract_start":
            counters["attract_loops_started"] += 1
        elif kind == "lost":  # only where the kiosk could not write some records (a full disk)
            try:
                counters["records_lost"] = counters.get("records_lost", 0) + int(record["records"])
            except (KeyError, TypeError, ValueError):
                bad += 1
    rows = [(eid, title, n, total) for eid, (title, n, total) in views.items()]
    rows.sort(key=lambda r: (-r[2], -r[3], r[0]))
    return rows, counters, bad


def write_csv(rows, counters: dict[str, int], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for event_id, title, n, total in rows:
        writer.writerow((event_id, title, n, f"{total:.1f}", f"{total / n:.1f}"))
    writer.writerow(())
    writer.writerow(("metric", "value"))
    for name, value in counters.items():
        writer.writerow((name, value))


def stats_main(path: Path, out: TextIO | None = None) -> int:
    """``chronomap stats FILE``: the statistics file summarised as CSV on *out* (stdout)."""
    out = sys.stdout if out is None else out
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            rows, counters, bad = summarise(handle)
    except FileNotFoundError:
        return report(UsageError(f"{path}: no such file"))  # exit 2, as every file that cannot be read
    except IsADirectoryError:
        return report(UsageError(f"{path}: is a folder; expected the kiosk's statistics file (JSON lines)"))
    except OSError as exc:
        return report(UsageError(f"{path}: cannot be read: {exc.strerror or exc}"))
    if bad:
        print(f"warning: {path}: {bad} unreadable line{'s' if bad != 1 else ''} skipped", file=sys.stderr)
    write_csv(rows, counters, out)
    return 0
