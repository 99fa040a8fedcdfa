"""Score drafting and import on the real-file corpus: one JSON line per file.

    PYTHONPATH=desktop python tests/benchmarks/bench_drafting.py [--dir tests/data/corpus]

Articles (``*.txt``): date recall and precision against the hand-made dated
statements, and place recall and precision for the places named in each
event's own sentence (a place is right within the truth's radius — 25 km for a
city — of a true or acceptable place; recall counts only places an offline
city-and-country gazetteer can hold).  Places drafted with no point (names the gazetteer could not place,
left for the curator) are counted as ``places_unplaced`` and are in neither place figure.  An article the
drafter refuses because it names no place at all keeps its error and zero place figures, and its dates are
scored as the date reader reads its sentences.  Undated paragraphs bracketed between
dates are flagged for the curator and left out of the date figures.

TimelineJS files: the same place figures per slide, plus how many slides got
the timeline's fallback place and how many of those name a known place (the
issue's target: none).  LPF files: places read and placed right, and the
record-level time spans read right.  Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))

from chronomap.authoring.drafter import draft_from_text  # noqa: E402
from chronomap.authoring.errors import AuthoringError  # noqa: E402
from chronomap.authoring.gazetteer_index import build_index  # noqa: E402
from chronomap.story.dates import DateError, parse_date  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def _near(point: tuple[float, float], truth: dict) -> bool:
    return _km(point, (truth["lat"], truth["lon"])) <= truth.get("km", 25)


def _span(edtf: str) -> tuple[int, int] | None:
    try:
        span = parse_date(edtf)
    except (DateError, Exception):  # an open end may not parse here
        return None
    return span.start, span.end


def dates_match(drafted: tuple[int, int] | None, truth: str) -> bool:
    """Same span within a quarter of its length (a day at least): 'late 1594' read as Sep–Dec is right, 1595 for Feb 1595 is not."""
    if drafted is None:
        return False
    if truth.endswith("/.."):
        start = _span(truth[:-3])
        return start is not None and abs(drafted[0] - start[0]) <= 1
    want = _span(truth)
    if want is None:
        return False
    slack = max(1, (want[1] - want[0]) // 4)
    return abs(drafted[0] - want[0]) <= slack and abs(drafted[1] - want[1]) <= slack


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _norm(text: str) -> str:
    return " ".join(text.split())


def _event_spans(events: list[dict]) -> dict[str, tuple[int, int] | None]:
    spans: dict[str, tuple[int, int] | None] = {}
    by_id = {e["id"]: e for e in events}

    def resolve(eid: str, depth: int = 0) -> tuple[int, int] | None:
        if eid in spans:
            return spans[eid]
        event = by_id[eid]
        if event.get("date"):
            spans[eid] = _span(event["date"])
        elif event.get("relative") and depth < 50 and event["relative"].get("after") in by_id:
            anchor = resolve(event["relative"]["after"], depth + 1)
            spans[eid] = None if anchor is None else (anchor[0] + event["relative"]["days"],) * 2
        else:
            spans[eid] = None
        return spans[eid]

    for e in events:
        resolve(e["id"])
    return spans


class _PlaceTally:
    def __init__(self) -> None:
        self.right = self.drafted = self.found = self.wanted = 0

    def add(self, points: list[tuple[float, float]], truth: list[dict], acceptable: list[dict]) -> None:
        for p in points:
            if any(_near(p, t) for t in (*truth, *acceptable)):
                self.right += 1
            self.drafted += 1
        for t in truth:
            if t.get("gazetteer", True):
                self.wanted += 1
                self.found += any(_near(p, t) for p in points)

    def figures(self) -> dict[str, Any]:
        return {"place_recall": _ratio(self.found, self.wanted), "place_precision": _ratio(self.right, self.drafted),
                "places_right": self.right, "places_drafted": self.drafted, "places_found": self.found,
                "places_wanted": self.wanted}


def _dates_read(text: str) -> list[dict]:
    """The events a draft would hold, dates only: for an article refused because no place in it is known."""
    from chronomap.authoring.dates_in_text import DateReader
    from chronomap.story.article import parse_article

    reader, events = DateReader(), []
    for section in parse_article(text).sections:
        for paragraph in section.paragraphs:
            for sentence in paragraph.sentences:
                ahead = paragraph.text[sentence.end - paragraph.start:]
                for mention in reader.read(sentence.text, section.id, ahead):
                    events.append({"id": f"e{len(events)}", "date": mention.edtf, "summary": sentence.text,
                                   "places": []})
    return events


def score_article(path: Path, truth: dict, index) -> dict[str, Any]:
    started = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    row: dict[str, Any] = {"file": path.name, "kind": "article"}
    try:
        draft = draft_from_text(text, index=index, exhibit_id="corpus", source_name=path.name)
    except AuthoringError as exc:
        row.update(error=str(exc).splitlines()[0], place_recall=0.0, place_precision=0.0)
        if "no place the gazetteer knows" not in str(exc):
            row.update(date_recall=0.0, date_precision=0.0)
            return row
        draft = None  # refused for its places alone: its dates are still scored, as the reader reads them
    if draft is None:
        events, points = _dates_read(text), {}
    else:
        events = draft.story["events"]
        points = {p["id"]: (p["point"]["lat"], p["point"]["lon"]) for p in draft.story["places"] if p.get("point")}
    spans = _event_spans(events)
    scored = [e for e in events if not str(e.get("date_note", "")).startswith("Not dated in the article")]
    statements = truth["statements"]
    matched: set[int] = set()
    right = counted = 0
    chosen: dict[int, dict] = {}
    for event in scored:
        summary = _norm(event["summary"])
        mine = [i for i, s in enumerate(statements) if _norm(s["quote"]) in summary]
        hit = next((i for i in mine if i not in matched and dates_match(spans[event["id"]], statements[i]["date"])), None)
        if hit is not None:
            matched.add(hit)
            chosen[hit] = event
            right += 1
            counted += 1
        elif any(dates_match(spans[event["id"]], d) for i in mine for d in statements[i].get("acceptable_dates", [])):
            continue  # neither right nor wrong
        else:
            counted += 1
            for i in mine:
                chosen.setdefault(i, event)
    places = _PlaceTally()
    for i, statement in enumerate(statements):
        event = chosen.get(i)
        named = [points[r["place"]] for r in (event or {}).get("places", []) if r["role"] == "named in the sentence"
                 and r["place"] in points]
        places.add(named, statement["places"], statement.get("acceptable", []))
    row.update(date_recall=_ratio(len(matched), len(statements)), date_precision=_ratio(right, counted),
               dates_right=right, dates_drafted=counted, dates_wanted=len(statements), **places.figures(),
               unresolved_with_candidates=len(getattr(draft.report, "candidates", []) or []) if draft else 0,
               places_unplaced=sum(1 for p in draft.story["places"] if not p.get("point") and not p.get("gazetteer"))
               if draft else 0,
               seconds=round(time.perf_counter() - started, 2))
    return row


def _slide_texts(document: dict) -> list[tuple[str, str]]:
    from chronomap.authoring.timelinejs import plain_text

    slides = document.get("events") or (document.get("timeline") or {}).get("date") or []
    out = []
    for slide in slides:
        text = slide.get("text") if isinstance(slide.get("text"), dict) else {"headline": slide.get("headline"),
                                                                              "text": slide.get("text")}
        out.append((plain_text(text.get("headline"))[0], plain_text(text.get("text"))[0]))
    return out


def score_timeline(path: Path, truth: dict, index) -> dict[str, Any]:
    from chronomap.authoring.interchange import import_file

    started = time.perf_counter()
    row: dict[str, Any] = {"file": path.name, "kind": "timelinejs"}
    if path.suffix == ".csv":  # a TimelineJS spreadsheet: the slides its rows stand for
        from chronomap.authoring.timelinejs_csv import read_sheet

        document = read_sheet(path)
    else:
        document = json.loads(path.read_text(encoding="utf-8"))
    slides = _slide_texts(document)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            report = import_file(path, Path(tmp) / "out", force=True, index=index, place=truth.get("place_option"))
        except AuthoringError as exc:
            first = str(exc).splitlines()[0]
            row.update(error=first, format_named="TimelineJS2" in str(exc), slides=len(slides), imported=0,
                       fallback=0, fallback_where_place_named=0, place_recall=0.0, place_precision=0.0)
            return row
        story = json.loads((Path(tmp) / "out" / "story.json").read_text(encoding="utf-8"))
    points = {p["id"]: (p["point"]["lat"], p["point"]["lon"]) for p in story["places"] if p.get("point")}
    by_slide = truth["places_by_slide"]
    places = _PlaceTally()
    fallback = fallback_named = 0
    used: set[int] = set()
    dated: dict[int, str] = {}
    with_media: set[int] = set()
    for event in story["events"]:
        index_ = next((i for i, (h, b) in enumerate(slides) if i not in used
                       and (event["title"] == h or not h and _norm(event["summary"]) == _norm(b))), None)
        if index_ is None:
            index_ = next((i for i, (h, b) in enumerate(slides) if i not in used and _norm(b) == _norm(event["summary"])), None)
        if index_ is None:
            continue
        used.add(index_)
        dated[index_] = event.get("date", "")
        with_media.add(index_) if event.get("media") else None
        want = by_slide.get(str(index_), [])
        is_fallback = any("no place named" in r["role"] for r in event["places"])
        if is_fallback:
            fallback += 1
            fallback_named += any(t.get("gazetteer", True) or "location" in t["name"] for t in want)
            named: list[tuple[float, float]] = []
        else:
            named = [points[r["place"]] for r in event["places"] if r["place"] in points]
        places.add(named, want, [])
    row.update(format_named=None, slides=len(slides), imported=report.events, fallback=fallback,
               fallback_where_place_named=fallback_named, **places.figures(),
               not_carried=len(report.not_carried), seconds=round(time.perf_counter() - started, 2))
    if "dates_by_slide" in truth:  # each slide's date as Chronomap should read it (null: left out, and said so)
        want_dates = {int(k): v for k, v in truth["dates_by_slide"].items()}
        right = sum(1 for i, d in want_dates.items() if d is not None and dated.get(i) == d)
        wanted = sum(1 for d in want_dates.values() if d is not None)
        listed = sum(1 for i, d in want_dates.items() if d is None and i not in dated
                     and any(f"events[{i}]" in n and "left out" in n for n in report.notes))
        row.update(date_recall=_ratio(right, wanted), date_precision=_ratio(right, len(dated)),
                   left_out_and_listed=_ratio(listed, sum(1 for d in want_dates.values() if d is None)))
    if "media_by_slide" in truth:  # every slide's media carried into the exhibit or listed, by slide, as not carried
        media = [int(k) for k, v in truth["media_by_slide"].items() if v]
        accounted = sum(1 for i in media if i in with_media or any(f"events[{i}]" in line for line in report.not_carried))
        row.update(media_accounted=_ratio(accounted, len(media)), media_carried=len(with_media))
    return row


def score_lpf(path: Path, truth: dict) -> dict[str, Any]:
    from chronomap.authoring import interchange, lpf

    row: dict[str, Any] = {"file": path.name, "kind": "lpf"}
    try:
        document, _ = interchange._read_document(path)
        imported = lpf.lpf_to_places(document, str(path))
    except AuthoringError as exc:
        row.update(error=str(exc).splitlines()[0], lines=len(str(exc).splitlines()), place_recall=0.0,
                   place_precision=0.0, when_recall=0.0)
        return row
    wanted = truth["places"]
    read = [(imported.titles[p["id"]], (p["point"]["lat"], p["point"]["lon"]), imported.whens.get(p["id"]), p)
            for p in imported.places]
    right = sum(any(t["title"] == title and _near(point, t) for t in wanted) for title, point, _, _ in read)
    found = sum(any(t["title"] == title and _near(point, t) for title, point, _, _ in read) for t in wanted)
    dated = [t for t in wanted if t["when"]]
    when_ok = sum(any(t["title"] == title and when and dates_match(_span(when) if not when.endswith("/..")
                                                                    else _span(when[:-3]), t["when"])
                      for title, _, when, _ in read) for t in dated)
    spurious = sum(1 for t in wanted if not t["when"] for title, _, when, _ in read if title == t["title"] and when)
    lapsed = sum(len(p.get("historical_names") or []) for _, _, _, p in read)
    row.update(places=len(read), place_recall=_ratio(found, len(wanted)), place_precision=_ratio(right, len(read)),
               when_recall=_ratio(when_ok, len(dated)), spurious_whens=spurious, lapsed_names=lapsed,
               not_carried=len(imported.not_carried))
    if truth.get("unlocated"):  # records without geometry: listed by title as not carried, never placed
        listed = sum(1 for t in truth["unlocated"] if any(f"'{t}'" in line for line in imported.not_carried)
                     and all(title != t for title, _, _, _ in read))
        row.update(unlocated_listed=_ratio(listed, len(truth["unlocated"])))
    other = [(t["title"], v) for t in wanted for v in (t.get("names") or {}).values()]
    if other:  # names in other languages kept (by language where Chronomap has it, else as alternatives)
        kept = sum(1 for title, v in other for t2, _, _, p in read if t2 == title
                   and any(v == n or (isinstance(n, list) and v in n) for n in p["names"].values()))
        row.update(names_kept=_ratio(kept, len(other)))
    return row


def score_all(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    index = build_index()
    rows = []
    for truth_path in sorted(corpus.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        path = corpus / truth["file"]
        if path.suffix == ".txt":
            rows.append(score_article(path, truth, index))
        elif truth.get("format", "").startswith("timelinejs"):
            rows.append(score_timeline(path, truth, index))
        else:
            rows.append(score_lpf(path, truth))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    for row in score_all(args.dir):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
