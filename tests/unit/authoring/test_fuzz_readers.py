"""Property-based fuzzing of the TimelineJS and Linked Places readers (``chronomap import``).

Whatever document comes in — random JSON, or something shaped like the format with hostile
values where dates, texts, names and coordinates go — the reader returns an import or raises
:class:`AuthoringError`, one line per problem naming the file; never any other exception.
Examples are bounded so the file stays within a few seconds; CI runs them derandomized
(tests/conftest.py, profile "ci").
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from chronomap.authoring.cli import import_main
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.lpf import lpf_to_places
from chronomap.authoring.lpf_forms import property_when
from chronomap.authoring.timelinejs import timelinejs_to_events
from chronomap.authoring.timelinejs_media import MediaCarrier, SlideMedia
from chronomap.errors import ChronomapError, report
from chronomap.story.dates import parse_date

FILE = "/imports/in.json"
#: The examples are the same every run (a failure is reproducible, never a coin toss); the budget is max_examples.
SEED = 20261201
FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

scalars = (st.none() | st.booleans() | st.integers(min_value=-10**20, max_value=10**20)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12))
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=16,
)
numberish = st.integers(min_value=-100_000, max_value=100_000) | st.floats(allow_nan=False, allow_infinity=False) \
    | st.sampled_from(["1989", "12", "", "x", None, True, [], {}])
small_ints = st.integers(min_value=-3, max_value=40)


def _junk_or(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(strategy, strategy, json_values)  # mostly the shape, sometimes anything


media_urls = st.one_of(
    st.sampled_from(["https://youtu.be/2n5yakw5jgo", "//farm8.staticflickr.com/7001/x.jpg", "/static/img/x.png",
                     "<blockquote>“Words”</blockquote>", "<iframe src='https://x.org/'></iframe>", "<", "< >",
                     "examples/taylor/born.jpg", "../../etc/passwd", "pic\x00.jpg", "C:\\x.jpg", "file:///dev/zero",
                     "https://www.google.com/maps/@42,-87,15z", "x" * 5000, "", " ", "data:image/png;base64,AAAA"]),
    st.text(max_size=40), st.text(alphabet="/<>.:\\ab%\x00", max_size=20),
)
slide_media = st.one_of(json_values, st.fixed_dictionaries(
    {"url": _junk_or(media_urls)}, optional={"caption": _junk_or(st.text(max_size=20)), "credit": json_values,
                                             "alt": _junk_or(st.text(max_size=20)), "thumbnail": json_values}))


# --- TimelineJS3 -------------------------------------------------------------------------------------

date_objects = _junk_or(st.fixed_dictionaries(
    {"year": st.integers(min_value=-20_000, max_value=20_000) | numberish},
    optional={"month": small_ints | numberish, "day": small_ints | numberish, "hour": small_ints,
              "minute": small_ints, "display_date": st.text(max_size=20), "format": st.text(max_size=5)},
))
slides = _junk_or(st.fixed_dictionaries(
    {"start_date": date_objects},
    optional={"end_date": date_objects,
              "text": _junk_or(st.fixed_dictionaries({}, optional={"headline": _junk_or(st.text(max_size=30)),
                                                                 "text": _junk_or(st.text(max_size=60))})),
              "display_date": _junk_or(st.text(max_size=20)), "unique_id": _junk_or(st.text(max_size=12)),
              "media": slide_media, "group": json_values, "background": json_values, "autolink": json_values},
))
timelines = _junk_or(st.fixed_dictionaries(
    {"events": _junk_or(st.lists(slides, max_size=5))},
    optional={"title": _junk_or(slides), "eras": json_values, "scale": _junk_or(st.sampled_from(["human", "cosmological"]))},
))

# --- Linked Places Format ----------------------------------------------------------------------------

positions = _junk_or(st.lists(numberish, min_size=0, max_size=3))
rings = st.lists(positions, max_size=5)
wkt = st.one_of(
    st.builds("POINT({} {})".format, numberish, numberish),
    st.builds("POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {1}))".format, numberish, numberish, numberish, numberish),
    st.sampled_from(["POINT EMPTY", "POLYGON EMPTY", "POLYGON((0 0, 1 1, 0 0))", "MULTIPOLYGON(((1 1)))",
                     "GEOMETRYCOLLECTION(POINT(1 2))", "LINESTRING(0 0, 1 1)", "POINT(1)", "POINT(nan nan)", "POINT(1e400 0)"]),
    st.text(alphabet="POINTLYGE()0123456789 ,.-", max_size=40),
)
geometries = _junk_or(st.one_of(
    st.fixed_dictionaries({"type": _junk_or(st.sampled_from(["Point", "Polygon", "MultiPolygon"]))},
                          optional={"geowkt": _junk_or(wkt), "geo_wkt": _junk_or(wkt)}),
    st.fixed_dictionaries({"type": st.just("Point"), "coordinates": positions}),
    st.fixed_dictionaries({"type": st.just("Polygon"), "coordinates": _junk_or(st.lists(rings, max_size=2))}),
    st.fixed_dictionaries({"type": st.just("MultiPolygon"),
                           "coordinates": _junk_or(st.lists(st.lists(rings, max_size=2), max_size=2))}),
    st.fixed_dictionaries({"type": st.just("GeometryCollection"),
                           "geometries": _junk_or(st.lists(json_values | st.fixed_dictionaries(
                               {"type": st.just("Point"), "coordinates": positions}), max_size=3))}),
))
property_whens = st.one_of(
    st.sampled_from([">=730", "<=800", "≥ 730", "c. 730", "1850-1859", "1859-1850", "[s.a.]", "-300", "0", "after 9999",
                     ">=" + "9" * 50, "10000", "-10001", "730/", "/730"]),
    st.builds("{}{}".format, st.sampled_from([">=", "<=", "c. ", "", "before ", "from "]),
              st.integers(min_value=-20_000, max_value=20_000)),
    st.text(alphabet="0123456789-/<>=~ .c", max_size=12),
)
whens = _junk_or(st.fixed_dictionaries({}, optional={
    "timespans": _junk_or(st.lists(_junk_or(st.fixed_dictionaries({}, optional={
        "start": _junk_or(st.fixed_dictionaries({}, optional={"in": _junk_or(st.text(max_size=12)),
                                                              "earliest": _junk_or(st.text(max_size=12))})),
        "end": _junk_or(st.fixed_dictionaries({}, optional={"in": _junk_or(st.text(max_size=12)),
                                                            "latest": _junk_or(st.text(max_size=12))})),
    })), max_size=2))}))
features = _junk_or(st.fixed_dictionaries(
    {"type": st.just("Feature")},
    optional={"@id": _junk_or(st.text(max_size=20)),
              "properties": _junk_or(st.fixed_dictionaries({}, optional={"title": _junk_or(st.text(max_size=20)),
                                                                       "ccodes": json_values,
                                                                       "when": _junk_or(property_whens)})),
              "names": _junk_or(st.lists(_junk_or(st.fixed_dictionaries(
                  {"toponym": _junk_or(st.text(max_size=20))},
                  optional={"lang": _junk_or(st.text(max_size=4)), "when": whens, "citations": json_values})), max_size=3)),
              "types": _junk_or(st.lists(json_values, max_size=2)),
              "geometry": st.none() | geometries, "when": whens,
              "descriptions": _junk_or(st.lists(_junk_or(st.fixed_dictionaries(
                  {"value": _junk_or(st.text(max_size=20))}, optional={"lang": _junk_or(st.text(max_size=4))})), max_size=2)),
              "relations": json_values, "depictions": json_values, "links": json_values},
))


collections = _junk_or(st.fixed_dictionaries(
    {"type": _junk_or(st.just("FeatureCollection")),
     "features": _junk_or(st.lists(features, max_size=4))},
    optional={"@context": json_values},
))


def _reads_or_refuses(read: Callable[[Any, str], object], document: Any) -> None:
    try:
        read(document, FILE)
    except AuthoringError as exc:  # the one documented refusal; anything else fails the test with its input
        assert isinstance(exc, ChronomapError)
        err = io.StringIO()
        assert report(exc, err) == 2
        lines = err.getvalue().splitlines()  # what a person sees: one line per problem, whatever the titles hold
        assert lines and len(lines) == len(exc.problems), lines
        for line in lines:
            assert line.startswith(f"error: {FILE}"), line
            assert len(line) < 2000, f"{len(line)} characters"


@seed(SEED)
@FAST
@given(timelines)
def test_the_timelinejs_reader_imports_or_refuses_in_lines(document):
    _reads_or_refuses(timelinejs_to_events, document)


@seed(SEED)
@FAST
@given(collections)
def test_the_lpf_reader_imports_or_refuses_in_lines(document):
    _reads_or_refuses(lpf_to_places, document)


@seed(SEED)
@settings(max_examples=60, deadline=2000)
@given(json_values)
def test_either_reader_refuses_any_json_in_lines(document):
    _reads_or_refuses(timelinejs_to_events, document)
    _reads_or_refuses(lpf_to_places, document)


def _feature(**fields: Any) -> dict:
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "names": [{"toponym": "Almaty"}], **fields}]}


#: Minimal inputs on which this fuzzer found lpf_to_places raising something other than AuthoringError.
#: Shapes this fuzzer once found crashing lpf_to_places; now each is read or refused in one line.
KNOWN_LPF_CRASHES = {
    "names-not-a-list": {"type": "FeatureCollection", "features": [{"type": "Feature", "names": 1}]},
    "collection-geometries-not-a-list": _feature(geometry={"type": "GeometryCollection", "geometries": 1}),
    "polygon-empty-ring": _feature(geometry={"type": "Polygon", "coordinates": [[]]}),
    "polygon-empty-position": _feature(geometry={"type": "Polygon", "coordinates": [[[]]]}),
    "polygon-null-ring": _feature(geometry={"type": "Polygon", "coordinates": [None]}),
    "polygon-null-position": _feature(geometry={"type": "Polygon", "coordinates": [[None]]}),
    "multipolygon-empty": _feature(geometry={"type": "MultiPolygon", "coordinates": [[]]}),
    "multipolygon-number": _feature(geometry={"type": "MultiPolygon", "coordinates": [0.0]}),
}


@pytest.mark.parametrize("document", [pytest.param(document, id=name) for name, document in sorted(KNOWN_LPF_CRASHES.items())])
def test_known_lpf_crashes(document):
    _reads_or_refuses(lpf_to_places, document)


def test_a_title_with_control_characters_is_still_one_line_a_problem():
    document = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"title": "Alma\nAta\x1e\x1b[2J"}}]}
    _reads_or_refuses(lpf_to_places, document)


file_texts = st.one_of(
    st.builds(json.dumps, timelines), st.builds(json.dumps, collections),
    st.builds(lambda docs: "\n".join(json.dumps(d) for d in docs), st.lists(features, max_size=3)),  # JSON Lines
    st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


@seed(SEED)
@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(file_texts)
def test_chronomap_import_of_any_file_is_an_exhibit_or_lines_and_exit_2(text):
    """The whole command (format detection included): exit 0 with a folder, or exit 2, only ``error:`` lines, no folder."""
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "in.json", Path(folder) / "out"
        source.write_text(text, encoding="utf-8", errors="surrogateescape")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = import_main([str(source), "--out", str(out)])
        lines = err.getvalue().splitlines()
        assert "Traceback" not in err.getvalue()
        if status == 0:
            assert (out / "exhibit.json").is_file()
        else:
            assert status == 2 and lines and all(line.startswith("error: ") for line in lines), lines
            assert not out.exists()


@seed(SEED)
@settings(max_examples=150, deadline=2000)
@given(st.lists(media_urls, max_size=4), st.booleans())
def test_any_slide_media_is_carried_listed_or_refused_in_one_line(urls, caption):
    """Whatever a slide's media url holds, the carrier copies it, lists it in one line, or refuses in one line."""
    items = [SlideMedia(f"events[{i}].media", f"Slide {i}", url, "A caption" if caption else None)
             for i, url in enumerate(urls) if url.strip()]
    with tempfile.TemporaryDirectory() as folder:
        try:
            carried = MediaCarrier(Path(folder) / "in.json", fetch_media=False, progress=None).carry(items)
        except AuthoringError as exc:
            assert len(exc.problems) == 1 and "\n" not in str(exc)
            return
    assert len(carried.records) == len(items)
    for line in carried.not_carried:
        assert line.startswith("media of events[") and "— not carried:" in line, line


@seed(SEED)
@settings(max_examples=300, deadline=1000)
@given(property_whens | st.text(max_size=40))
def test_a_properties_when_is_a_valid_date_or_nothing(value):
    read = property_when(value)
    if read is not None:
        parse_date(read[0])  # raises DateError for anything invalid


sheet_cells = st.one_of(st.sampled_from(["", "1219", "-300", "12", "31", "14:30", "title", "era", "#ff0000", "\"q\"",
                                         "https://youtu.be/x", "<blockquote>w</blockquote>", "1e400", "9" * 30]),
                        st.text(alphabet="0123456789-:,\"\n abcé<>/", max_size=12))
sheet_texts = st.builds(
    lambda header, rows: "\n".join([",".join(header), *(",".join(r) for r in rows)]),
    st.permutations(["Year", "Month", "Day", "Time", "End Year", "Headline", "Text", "Media", "Type", "Extra"]),
    st.lists(st.lists(sheet_cells, min_size=0, max_size=11), max_size=5),
)


@seed(SEED)
@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(sheet_texts | st.text(max_size=200))
def test_chronomap_import_of_any_spreadsheet_is_an_exhibit_or_lines_and_exit_2(text):
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "in.csv", Path(folder) / "out"
        source.write_text(text, encoding="utf-8", errors="surrogateescape")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = import_main([str(source), "--out", str(out), "--place", "Almaty"])
        lines = err.getvalue().splitlines()
        assert "Traceback" not in err.getvalue()
        if status == 0:
            assert (out / "exhibit.json").is_file()
        else:
            assert status == 2 and lines and all(line.startswith("error: ") for line in lines), lines
            assert not out.exists()
