"""A scripted curator session: from a draft to a checked exhibit through the editor's review, counting the actions.

    PYTHONPATH=desktop python tests/benchmarks/bench_review.py [--dir tests/data/corpus] [--only NAME]

For the built-in article (truth: the Perestroika exhibit's own places) and each
corpus article (truth: its hand-made ``*.truth.json``), the article is drafted,
then a curator who knows the truth reviews every drafted place as the Review tab
offers it, with the clicks the tab takes:

* select the place (1 click); right where the drafter put it: Confirm (1);
* a listed candidate is right: select it and Use this candidate (2);
* no candidate is right: pan the map there (1 map move) and Put the place at
  the map's centre (1);
* no true place has that name (a person, an album): Not a place (1).

Places the draft missed are added in the Places tab: select the event (1), type
the name and Enter (keys), then Add as a new place (2) when a candidate is right
(and its English name retyped when the candidate has another: Donbas found as Donetsk),
else a map move and New place at the map's centre (1). A drafted place is right
within its true place's radius (25 km for a city). The edits go through the same
commands the editor's buttons call (no window); the session ends with a save,
which ``chronomap check`` must accept. One JSON line per article.

The dated statements are reviewed first, as the Review tab's second page offers
them (truth: for the built-in article the Perestroika exhibit's own events, each
with its sentences and its date; for a corpus article its truth's statements,
each a quote with its date and the dates also accepted; a drafted event is right
when a true event telling one of its sentences has the same first and last day). For each, in
time order: select it (1 click), then

* the true event it tells (of those telling its sentences, the one whose dates
  are nearest its own) has its date, and no earlier event was kept for it: Accept (1);
* it has another date: click the date field (1), select all (1 key), type the
  true EDTF and Enter (keys);
* an earlier event was kept for it: merge into that one: open the list of events
  to merge into, choose, Merge (3) — or Drop (1) when that one is not offered;
* no true event tells its sentences (a background date): Drop (1).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))

from chronomap.authoring.draft import draft_exhibit  # noqa: E402
from chronomap.authoring.edits import EditError, ExhibitEditor  # noqa: E402
from chronomap.authoring.gazetteer_index import normalise  # noqa: E402
from chronomap.authoring.place_search import PlaceSearch  # noqa: E402
from chronomap.authoring.review import choose, confirm, review  # noqa: E402
from chronomap.authoring.review_events import accept, drop, fix_date, merge, merge_targets, read_article  # noqa: E402
from chronomap.story.article import parse_article  # noqa: E402
from chronomap.story.dates import DateError, parse_date  # noqa: E402
from chronomap.story.gazetteer import distance_km, load_gazetteer  # noqa: E402
from chronomap.story.loader import check_exhibit, load_exhibit  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
BUILT_IN = ROOT / "data" / "perestroika-kazakhstan"
RADIUS_KM = {"city": 25, "region": 300, "republic": 1000, "state": 1000}


def _names(*names: str) -> set[str]:
    out = set()
    for name in names:
        out.add(normalise(name))
        out.add(normalise(name.split(",")[0]))
    return out


def built_in_truth() -> list[dict[str, Any]]:
    """The Perestroika exhibit's places: every name it knows them by, where they are, how near is right."""
    story = json.loads((BUILT_IN / "story.json").read_text(encoding="utf-8"))
    cache = load_gazetteer(ROOT / "data" / "gazetteer.json")
    out = []
    for place in story["places"]:
        names = place["names"]
        point = place.get("point")
        if point is None:
            entry = cache.lookup(place["gazetteer"])
            point = {"lat": entry.lat, "lon": entry.lon}
        out.append({"name": names["en"], "names": _names(names["en"], *names.get("alt", ()),
                                                          *(h["en"] for h in place.get("historical_names", ()))),
                    "lat": point["lat"], "lon": point["lon"], "km": RADIUS_KM[place["kind"]], "gazetteer": True})
    return out


def corpus_truth(path: Path) -> list[dict[str, Any]]:
    truth = json.loads(path.read_text(encoding="utf-8"))
    seen: dict[str, dict[str, Any]] = {}
    for statement in truth.get("statements", ()):
        for place in (*statement.get("places", ()), *statement.get("acceptable", ())):
            seen.setdefault(place["name"], {**place, "names": _names(place["name"])})
    return list(seen.values())


@dataclass(frozen=True)
class TruthSpan:
    """A true date as days: *start* and *end*, or None for an open end ('1157/..': from 1157 on).

    An open end is a truth the timeline cannot show (it refuses open ends), so a drafted date is right
    when it begins (or, for '../1931', ends) within the known end, and the curator fixing a date types
    that known end (*edtf*): '1157'.
    """

    start: int | None
    end: int | None
    edtf: str

    def matches(self, span: tuple[int, int]) -> bool:
        if self.start is not None and self.end is not None:
            return span == (self.start, self.end)
        known = parse_date(self.edtf)
        day = span[0] if self.end is None else span[1]
        return known.start <= day <= known.end

    def distance(self, span: tuple[int, int]) -> tuple[bool, int]:
        """Spans that share a day first, then by how far their known ends are apart."""
        start = span[0] if self.start is None else self.start
        end = span[1] if self.end is None else self.end
        return _distance((start, end), span)


def truth_span(text: str) -> TruthSpan:
    """A truth's EDTF: the engine's days for a closed date, the edtf library's reading of an open interval."""
    try:
        date = parse_date(text)
    except DateError:
        import edtf

        parsed = edtf.parse_edtf(text)  # a truth that is not EDTF at all is the truth file's bug: let it raise
        lower, upper = str(getattr(parsed, "lower", "")), str(getattr(parsed, "upper", ""))
        if lower not in ("", "..") and upper in ("", ".."):
            return TruthSpan(parse_date(lower).start, None, lower)
        if upper not in ("", "..") and lower in ("", ".."):
            return TruthSpan(None, parse_date(upper).end, upper)
        raise
    return TruthSpan(date.start, date.end, date.edtf)


def built_in_date_truth() -> list[dict[str, Any]]:
    """The Perestroika exhibit's events: the sentences each tells and its first and last day (written by its curators)."""
    exhibit = load_exhibit(BUILT_IN)
    return [{"id": e.id, "sentences": set(e.sentence_ids),
             "spans": [TruthSpan(e.span.start, e.span.end, e.span.edtf)], "edtf": e.span.edtf} for e in exhibit.events]


def corpus_date_truth(path: Path, article: Path) -> list[dict[str, Any]]:
    """A corpus article's dated statements (its hand-made truth): the sentences holding each quote, its date
    and the other dates its authors accept ('1603/1659-10-10', or '1603' for the birth alone)."""
    truth = json.loads(path.read_text(encoding="utf-8"))
    sentences = [s for p in parse_article(article.read_text(encoding="utf-8")).paragraphs() for s in p.sentences]
    out = []
    for number, statement in enumerate(truth.get("statements", ())):
        quote = " ".join(statement["quote"].split())
        spans = [truth_span(d) for d in [statement["date"], *statement.get("acceptable_dates", ())]]
        out.append({"id": f"s{number}", "sentences": {s.id for s in sentences if quote in " ".join(s.text.split())},
                    "spans": spans, "edtf": spans[0].edtf})
    return out


def _date_truths(editor: ExhibitEditor, event_id: str, truth: list[dict[str, Any]]) -> list[dict[str, Any]]:
    article = read_article(editor)
    assert article is not None
    sentences = {s for p in editor.event(event_id)["passages"] for s in article.sentence_ids(p)}
    return [t for t in truth if t["sentences"] & sentences]


def _date_score(editor: ExhibitEditor, truth: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(events, right, true events some event has right) of the exhibit as the loader reads it."""
    exhibit = editor.load()
    right = 0
    found: set[str] = set()
    for event in exhibit.events:
        hits = [t for t in _date_truths(editor, event.id, truth) if _dated_right((event.span.start, event.span.end), t)]
        right += bool(hits)
        found.update(t["id"] for t in hits)
    return len(exhibit.events), right, len(found)


def _dated_right(span: tuple[int, int], truth: dict[str, Any]) -> bool:
    return any(t.matches(span) for t in truth["spans"])


def _distance(a: tuple[int, int], b: tuple[int, int]) -> tuple[bool, int]:
    """Spans that share a day first, then by how far their ends are apart."""
    return (a[1] < b[0] or b[1] < a[0], abs(a[0] - b[0]) + abs(a[1] - b[1]))


def review_dates(editor: ExhibitEditor, truth: list[dict[str, Any]]) -> dict[str, Any]:
    """The curator's walk through the dated statements (see the module's docstring), counting the actions."""
    events_before, right_before, found_before = _date_score(editor, truth)
    clicks = keys = 0
    decided = {"accepted": 0, "fixed": 0, "merged": 0, "dropped": 0, "left": 0}
    kept: dict[str, str] = {}  # true event id → the drafted event kept for it
    spans = {e.id: (e.span.start, e.span.end) for e in editor.load().events}
    for event_id in editor.event_ids():
        if event_id not in editor.event_ids():
            continue  # merged or dropped already
        clicks += 1
        truths = _date_truths(editor, event_id, truth)
        try:
            if not truths:
                clicks += 1
                drop(editor, event_id)
                decided["dropped"] += 1
                continue
            # what the curator knows it tells: of the true events in its sentences, the one nearest its dates
            best = min(truths, key=lambda t: min(span.distance(spans[event_id]) for span in t["spans"]))
            if best["id"] not in kept and _dated_right(spans[event_id], best):
                clicks += 1
                accept(editor, event_id)
                decided["accepted"] += 1
            elif best["id"] not in kept:
                clicks += 1
                keys += 1 + len(best["edtf"]) + 1
                fix_date(editor, event_id, best["edtf"])
                decided["fixed"] += 1
            elif kept[best["id"]] in merge_targets(editor, event_id):
                clicks += 3
                merge(editor, event_id, kept[best["id"]])
                decided["merged"] += 1
                continue
            else:
                clicks += 1
                drop(editor, event_id)
                decided["dropped"] += 1
                continue
            kept[best["id"]] = event_id
        except EditError:
            decided["left"] += 1  # refused (another event is counted from it): left for the curator
    events_after, right_after, found_after = _date_score(editor, truth)
    return {
        "drafted_events": events_before, "dates_right_before": right_before,
        "date_precision_before": round(right_before / events_before, 3) if events_before else None,
        "true_events": len(truth), "true_events_dated_right_before": found_before,
        "date_review_clicks": clicks, "date_review_keystrokes": keys, **{f"events_{k}": v for k, v in decided.items()},
        "events_after": events_after, "dates_right_after": right_after,
        "date_precision_after": round(right_after / events_after, 3) if events_after else None,
        "true_events_dated_right_after": found_after,
    }


def _truths_for(record: dict[str, Any], truth: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = _names(record["names"]["en"], *record["names"].get("alt", ()))
    return [t for t in truth if t["names"] & names]


def _right(lat: float, lon: float, truths: list[dict[str, Any]]) -> bool:
    return any(distance_km((lat, lon), (t["lat"], t["lon"])) <= t["km"] for t in truths)


def _score(editor: ExhibitEditor, truth: list[dict[str, Any]]) -> tuple[int, int]:
    """(places, right) among the exhibit's places."""
    right = 0
    for place_id in editor.place_ids():
        record = editor.place(place_id)
        point = record.get("point")
        if point and _right(point["lat"], point["lon"], _truths_for(record, truth)):
            right += 1
    return len(editor.place_ids()), right


def session(article: Path, truth: list[dict[str, Any]], search: PlaceSearch,
            date_truth: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="chronomap-review-") as tmp:
        folder = Path(tmp) / "draft"
        draft_exhibit(article, folder)
        editor = ExhibitEditor(folder, recovery=Path(tmp) / "recovery")
        dates = review_dates(editor, date_truth) if date_truth is not None else {}
        drafted, right_before = _score(editor, truth)
        clicks = keys = moves = removed = left = 0
        for item in review(editor, search):
            clicks += 1  # select it in the list
            record = editor.place(item.place_id)
            truths = _truths_for(record, truth)
            point = record.get("point") or {}
            if not truths:
                clicks += 1
                try:
                    editor.delete_place(item.place_id)
                    removed += 1
                except EditError:
                    left += 1  # the only place of an event: the event itself needs the curator
            elif point and _right(point["lat"], point["lon"], truths):
                clicks += 1
                confirm(editor, item.place_id)
            elif (candidate := next((c for c in item.candidates if _right(c.place.lat, c.place.lon, truths)), None)):
                clicks += 2
                choose(editor, item.place_id, candidate)
            else:
                moves += 1
                clicks += 1
                editor.set_place_point(item.place_id, truths[0]["lat"], truths[0]["lon"])
        drafted_names = set().union(*(_names(editor.place(p)["names"]["en"], *editor.place(p)["names"].get("alt", ()))
                                      for p in editor.place_ids())) if editor.place_ids() else set()
        missed = [t for t in truth if t.get("gazetteer", True) and not t["names"] & drafted_names
                  and not t.get("acceptable")]
        add_clicks = add_keys = add_moves = 0
        first_event = editor.event_ids()[0]
        for place in missed:
            add_clicks += 1
            add_keys += len(place["name"]) + 1
            hit = next((f for f in search.search(place["name"]) if _right(f.place.lat, f.place.lon, [place])), None)
            if hit is not None:
                add_clicks += 2
                if normalise(hit.place.name) not in place["names"]:  # found by another name (Donbas → Donetsk): rename it
                    add_clicks += 1
                    add_keys += len(place["name"])
                editor.add_place(place["name"], hit.place.lat, hit.place.lon, event_id=first_event)
            else:
                add_moves += 1
                add_clicks += 1
                editor.add_place(place["name"], place["lat"], place["lon"], event_id=first_event)
        places_after, right_after = _score(editor, truth)
        editor.save()
        problems = check_exhibit(folder)
        editor.close()
    return {
        "article": article.name, "drafted_places": drafted, "right_before": right_before,
        "precision_before": round(right_before / drafted, 3) if drafted else None,
        "review_clicks": clicks, "review_keystrokes": keys, "review_map_moves": moves,
        "not_places_removed": removed, "not_places_left": left,
        "missed_places_added": len(missed), "add_clicks": add_clicks, "add_keystrokes": add_keys, "add_map_moves": add_moves,
        "places_after": places_after, "right_after": right_after,
        "precision_after": round(right_after / places_after, 3) if places_after else None,
        **dates, "check_ok": not problems, "seconds": round(time.perf_counter() - started, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=CORPUS)
    parser.add_argument("--only", help="run one article (file name)")
    args = parser.parse_args(argv)
    search = PlaceSearch.for_exhibit(None, use_geonames=True)
    runs: list[tuple[Path, list[dict[str, Any]], list[dict[str, Any]] | None]] = [
        (BUILT_IN / "article.txt", built_in_truth(), built_in_date_truth())]
    for text in sorted(args.dir.glob("*.txt")):
        truth = text.with_suffix(".truth.json")
        if truth.exists():
            runs.append((text, corpus_truth(truth), corpus_date_truth(truth, text)))
    for article, truth, date_truth in runs:
        if args.only and article.name != args.only:
            continue
        print(json.dumps(session(article, truth, search, date_truth), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
