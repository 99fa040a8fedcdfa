"""Visitor statistics: JSON lines appended and flushed, summarised as CSV (no Qt)."""

from __future__ import annotations

import io
import json
import logging

from chronomap.kiosk.stats import StatsRecorder, stats_main, summarise


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


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
    assert stats_main(tmp_path / "nope.jsonl", io.StringIO()) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.jsonl'}: no such file\n"


def test_titles_with_commas_are_quoted(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"kind": "view", "event": "e", "title": "Strikes, talks", "seconds": 3}) + "\n")
    out = io.StringIO()
    assert stats_main(path, out) == 0
    assert 'e,"Strikes, talks",1,3.0,3.0' in out.getvalue()
