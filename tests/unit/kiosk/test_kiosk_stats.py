"""Visitor statistics: JSON lines appended and flushed, summarised as CSV (no Qt)."""

from __future__ import annotations

import errno
import io
import json
import logging
import os
from pathlib import Path

import pytest

from chronomap.kiosk.stats import StatsRecorder, stats_main, summarise


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_views_are_timed_and_written_at_once(tmp_path):
    clock = Clock()
    path = tmp_path / "stats" / "visits.jsonl"
    stats = StatsRecorder(path, clock=clock, wall=lambda: "2025-05-01T10:00:00Z")
    stats.view_started("december-events", "The December Events")
    clock.now += 12.34
    stats.view_started("december-events", "The December Events")  # the same event again: one view
    clock.now += 2
    stats.view_started("august-coup", "The August coup")
    assert lines(path) == [{"ts": "2025-05-01T10:00:00Z", "kind": "view", "event": "december-events",
                            "title": "The December Events", "seconds": 14.3}]
    clock.now += 0.4  # scrubbing past an event is not a view
    stats.view_started("independence", "Independence")
    clock.now += 30
    stats.attract_started()
    clock.now += 300
    stats.attract_interrupted()
    stats.close()
    kinds = [(r["kind"], r.get("event"), r.get("seconds"), r.get("after_seconds")) for r in lines(path)]
    assert kinds == [("view", "december-events", 14.3, None), ("view", "independence", 30.0, None),
                     ("attract_start", None, None, None), ("attract_interrupted", None, None, 300.0)]


def test_an_unwritable_file_is_logged_once_and_ignored(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with caplog.at_level(logging.ERROR, logger="chronomap.kiosk"):
        stats = StatsRecorder(blocker / "stats.jsonl", clock=Clock())
        stats.attract_started()
        stats.attract_interrupted()
    assert caplog.text.count("cannot be written") == 1


RECORDS = [
    {"kind": "view", "event": "december-events", "title": "The December Events", "seconds": 10.0},
    {"kind": "view", "event": "august-coup", "title": "The August coup", "seconds": 40.0},
    {"kind": "attract_start"},
    {"kind": "view", "event": "december-events", "title": "The December Events (Jeltoqsan)", "seconds": 20.5},
    {"kind": "attract_interrupted", "after_seconds": 3.0},
    {"kind": "attract_interrupted", "after_seconds": 9.0},
]


def test_summary_counts_views_seconds_and_interruptions():
    rows, counters, bad = summarise([json.dumps(r) for r in RECORDS] + ["", "not json", '{"kind": "view"}'])
    assert rows == [("december-events", "The December Events (Jeltoqsan)", 2, 30.5), ("august-coup", "The August coup", 1, 40.0)]
    assert counters == {"attract_interruptions": 2, "attract_loops_started": 1}
    assert bad == 2


def test_stats_main_prints_csv(tmp_path, capsys):
    path = tmp_path / "visitor-stats.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n{broken\n", encoding="utf-8")
    out = io.StringIO()
    assert stats_main(path, out) == 0
    assert out.getvalue() == (
        "event_id,title,views,total_seconds,mean_seconds\n"
        "december-events,The December Events (Jeltoqsan),2,30.5,15.2\n"
        "august-coup,The August coup,1,40.0,40.0\n"
        "\n"
        "metric,value\n"
        "attract_interruptions,2\n"
        "attract_loops_started,1\n"
    )
    assert "1 unreadable line skipped" in capsys.readouterr().err


def test_stats_main_on_a_missing_file(tmp_path, capsys):
    assert stats_main(tmp_path / "nope.jsonl", io.StringIO()) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.jsonl'}: no such file\n"


def test_titles_with_commas_are_quoted(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"kind": "view", "event": "e", "title": "Strikes, talks", "seconds": 3}) + "\n")
    out = io.StringIO()
    assert stats_main(path, out) == 0
    assert 'e,"Strikes, talks",1,3.0,3.0' in out.getvalue()


class Disk:
    """A writer onto a disk that fills up: a failed write may leave half a line behind."""

    def __init__(self, path):
        self.path = path
        self.full = False

    def __call__(self, path, text):
        assert path == self.path
        if self.full:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(text[: len(text) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def test_statistics_resume_when_the_disk_has_room_again_and_count_what_was_lost(tmp_path, caplog):
    """Issue 14, item 8: after one failed write the statistics stayed off until a restart."""
    path = tmp_path / "s.jsonl"
    disk = Disk(path)
    clock = Clock()
    stats = StatsRecorder(path, clock=clock, wall=lambda: "T", append=disk)
    stats.attract_started()
    disk.full = True
    with caplog.at_level(logging.WARNING, logger="chronomap.kiosk"):
        stats.attract_interrupted()
        stats.attract_started()
        assert stats.records_lost == 2
        disk.full = False
        stats.attract_interrupted()
    assert stats.records_lost == 0
    assert caplog.text.count("cannot be written") == 1
    assert "written to" in caplog.text and "again; 2 records could not be written" in caplog.text
    rows, counters, bad = summarise(path.read_text(encoding="utf-8").splitlines())
    assert counters == {"attract_interruptions": 1, "attract_loops_started": 1, "records_lost": 2}
    assert bad == 2  # the two half lines the full disk took; every whole record reads
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[-2:]]
    assert [r["kind"] for r in records] == ["lost", "attract_interrupted"] and records[0]["records"] == 2


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_dev_full_loses_records_quietly(caplog):
    stats = StatsRecorder(Path("/dev/full"), clock=Clock())
    with caplog.at_level(logging.ERROR, logger="chronomap.kiosk"):
        stats.attract_started()
        stats.attract_interrupted()
    assert stats.records_lost == 2 and caplog.text.count("cannot be written") == 1


@pytest.mark.expected_errors(r"visitor statistics cannot be written")
def test_a_folder_that_appears_later_is_written_to(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    stats = StatsRecorder(blocker / "stats.jsonl", clock=Clock())
    stats.attract_started()
    blocker.unlink()  # the folder can be made now
    stats.attract_interrupted()
    assert [r["kind"] for r in lines(blocker / "stats.jsonl")] == ["lost", "attract_interrupted"]
