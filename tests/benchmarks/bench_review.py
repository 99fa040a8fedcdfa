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
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
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
from chronomap.story.gazetteer import distance_km, load_gazetteer  # noqa: E402
from chronomap.story.loader import check_exhibit  # noqa: E402

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


def session(article: Path, truth: list[dict[str, Any]], search: PlaceSearch) -> dict[str, Any]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="chronomap-review-") as tmp:
        folder = Path(tmp) / "draft"
        draft_exhibit(article, folder)
        editor = ExhibitEditor(folder, recovery=Path(tmp) / "recovery")
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
        "check_ok": not problems, "seconds": round(time.perf_counter() - started, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=CORPUS)
    parser.add_argument("--only", help="run one article (file name)")
    args = parser.parse_args(argv)
    search = PlaceSearch.for_exhibit(None, use_geonames=True)
    runs = [(BUILT_IN / "article.txt", built_in_truth())]
    for text in sorted(args.dir.glob("*.txt")):
        truth = text.with_suffix(".truth.json")
        if truth.exists():
            runs.append((text, corpus_truth(truth)))
    for article, truth in runs:
        if args.only and article.name != args.only:
            continue
        print(json.dumps(session(article, truth, search), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
