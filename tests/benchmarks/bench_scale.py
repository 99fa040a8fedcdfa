"""How the engine scales: generated exhibits of 15 to 10,000 events and 10 KB to 20 MB articles.

Prints ONE JSON line.  Every command runs in-process through ``chronomap.cli.main``
(stdout and stderr swallowed), so only the engine's own cost is measured, not
Python's start-up.  App start and draft/import are measured by their own benchmarks.

    PYTHONPATH=desktop python tests/benchmarks/bench_scale.py            # everything
    ... bench_scale.py --sizes 15,200 --articles 10KB,100KB              # a subset (e.g. on old code)
    ... bench_scale.py --build-max 200                                   # skip slow timeline builds
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

#: events → places, as the issue pairs them
SIZES = {15: 7, 200: 50, 2000: 500, 10000: 2000}
ARTICLES = {"10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000, "20MB": 20_000_000}
SENTENCES = ("In {y} the miners of Karaganda met again in the square.", "They spoke of coal, of bread and of the long winter.",
             "Dr. Kolbin was not there; St. Petersburg was far away.", "“Nobody listened,” wrote A. Abenov later.",
             "The strike spread to the Kuzbass within days!", "Was it the end of the old order?")


def _article(size: int, one_paragraph: bool = False) -> tuple[str, int]:
    """Wiki-style text of about *size* bytes, in paragraphs of six sentences (or one long paragraph,
    the splitter's worst case); and the paragraph count."""
    parts = ["= A generated exhibit =\n\n"]
    total, paragraphs = len(parts[0]), 0
    while total < size:
        paragraph = " ".join(s.format(y=1987 + paragraphs % 4) for s in SENTENCES) + (" " if one_paragraph else "\n\n")
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
        paragraphs += 1
    return "".join(parts) + "\n", 1 if one_paragraph else paragraphs


def _date(rng: random.Random, i: int) -> str:
    year, month, day = 1987 + i % 4, 1 + i % 12, 1 + i % 28
    kind = i % 10
    if kind == 7:
        return f"{year}-{month:02d}"
    if kind == 8:
        return f"{year}-{21 + i % 4}"
    if kind == 9:
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{min(day + rng.randint(1, 3), 28):02d}"
    return f"{year}-{month:02d}-{day:02d}" + ("?" if kind == 6 else "")


def make_exhibit(folder: Path, n_events: int, n_places: int, article_bytes: int, one_paragraph: bool = False) -> Path:
    rng = random.Random(n_events)
    folder.mkdir(parents=True)
    text, n_paragraphs = _article(article_bytes, one_paragraph)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    places = [{"id": f"p{i}", "kind": "city", "names": {"en": f"Place {i}"},
               "point": {"lat": round(40 + rng.random() * 15, 4), "lon": round(50 + rng.random() * 40, 4)}}
              for i in range(n_places)]
    events = []
    for i in range(n_events):
        event = {"id": f"e{i}", "title": f"Event {i}", "summary": f"What happened, the {i}th time.",
                 "places": [{"place": f"p{(i + k) % n_places}", "role": "where it happened"} for k in range(3)],
                 "passages": [f"intro.p{1 + i % n_paragraphs}", f"intro.p{1 + (i * 7) % n_paragraphs}.s2"]}
        if i % 50 == 49:
            event["relative"] = {"after": f"e{i - 1}", "days": 3, "phrase": "Three days later"}
        else:
            event["date"] = _date(rng, i)
        events.append(event)
    story = {"schema": "chronomap.story/1", "places": places, "events": events}
    exhibit = {"schema": "chronomap.exhibit/1", "id": "generated", "language": "en", "title": "Generated",
               "period": "1986/1991", "map": {"bounds": [[36.0, 22.0], [62.0, 100.0]]}}
    (folder / "story.json").write_text(json.dumps(story), encoding="utf-8")
    (folder / "exhibit.json").write_text(json.dumps(exhibit), encoding="utf-8")
    return folder


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return round(time.perf_counter() - start, 4), result


def _cli(*argv: str) -> int:
    from chronomap.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(argv))


def bench_size(root: Path, n_events: int, build: bool) -> dict:
    from chronomap.story.loader import load_exhibit
    from chronomap.story.timeline import Timeline

    folder = make_exhibit(root / f"e{n_events}", n_events, SIZES[n_events], ARTICLES["10KB"])
    out: dict = {"places": SIZES[n_events]}
    out["check_s"], status = _timed(lambda: _cli("check", str(folder)))
    out["check_exit"] = status
    out["events_s"], _ = _timed(lambda: _cli("events", "--story", str(folder)))
    if not build:
        return out
    out["load_build_s"], timeline = _timed(lambda: Timeline(load_exhibit(folder)))
    rng = random.Random(7)
    times = []
    for _ in range(200):
        day = rng.randint(timeline.start, timeline.end)
        start = time.perf_counter()
        timeline.moment_at(day)
        times.append(time.perf_counter() - start)
    out["moment_at_median_ms"] = round(statistics.median(times) * 1000, 4)
    return out


def bench_article(root: Path, name: str) -> dict:
    folder = make_exhibit(root / f"a{name}", 15, 7, ARTICLES[name], one_paragraph=True)
    seconds, status = _timed(lambda: _cli("check", str(folder)))
    return {"check_s": seconds, "check_exit": status}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="event counts, of " + ", ".join(map(str, SIZES)))
    parser.add_argument("--articles", default="10KB,1MB,20MB", help="article sizes, of " + ", ".join(ARTICLES))
    parser.add_argument("--build-max", type=int, default=10**9, help="build timelines only up to this many events")
    args = parser.parse_args(argv)
    result: dict = {"bench": "scale", "events": {}, "articles": {}}
    with tempfile.TemporaryDirectory(prefix="chronomap-bench-") as tmp:
        root = Path(tmp)
        for size in (int(s) for s in args.sizes.split(",") if s):
            result["events"][str(size)] = bench_size(root, size, size <= args.build_max)
        for name in (a for a in args.articles.split(",") if a):
            result["articles"][name] = bench_article(root, name)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
