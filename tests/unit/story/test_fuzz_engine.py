"""Property-based fuzzing of the engine: random exhibit files, EDTF strings and article text.

Whatever comes in, the loader loads it or raises ExhibitError — nothing else, and soon.
Examples and deadlines are bounded so the whole file stays well under 20 seconds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronomap.story.article import ArticleError, parse_article
from chronomap.story.dates import DateError, parse_date
from chronomap.story.loader import load_exhibit
from chronomap.story.model import ExhibitError

STEPPE = Path(__file__).resolve().parents[2] / "data" / "exhibits" / "test-steppe"
FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
edtf_like = st.text(alphabet="0123456789-/?~%.XYTS:[]{},", max_size=30) | st.from_regex(
    r"-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?([?~%])?(/(\.\.|[0-9]{4}(-[0-9]{2})?)?)?", fullmatch=True)


def _loads_or_refuses(folder: Path) -> None:
    try:
        load_exhibit(folder)
    except ExhibitError as exc:
        assert exc.problems and all(len(str(p)) < 2000 for p in exc.problems)


def _mutate(document, path: list, value):
    target = document
    for key in path[:-1]:
        if isinstance(target, dict) and key in target:
            target = target[key]
        elif isinstance(target, list) and isinstance(key, int) and -len(target) <= key < len(target):
            target = target[key]
        else:
            return document
    if isinstance(target, dict):
        target[path[-1] if isinstance(path[-1], str) else str(path[-1])] = value
    elif isinstance(target, list) and target:
        target[path[-1] % len(target) if isinstance(path[-1], int) else 0] = value
    return document


keys = st.sampled_from(["schema", "id", "places", "events", "date", "relative", "days", "after", "point", "lat", "lon",
                        "region", "geometry", "coordinates", "basemap", "map", "bounds", "story", "article", "file",
                        "period", "translations", "passages", "title"])
paths = st.lists(keys | st.integers(min_value=0, max_value=3), min_size=1, max_size=5)


@FAST
@given(name=st.sampled_from(["exhibit.json", "story.json"]), path=paths, value=json_values)
def test_random_changes_to_an_exhibit_load_or_are_refused(tmp_path_factory, name, path, value):
    folder = tmp_path_factory.mktemp("fuzz") / "exhibit"
    shutil.copytree(STEPPE, folder)
    document = json.loads((folder / name).read_text(encoding="utf-8"))
    (folder / name).write_text(json.dumps(_mutate(document, path, value)), encoding="utf-8")
    _loads_or_refuses(folder)


@FAST
@given(value=json_values)
def test_any_json_as_story_loads_or_is_refused(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("fuzz") / "exhibit"
    shutil.copytree(STEPPE, folder)
    (folder / "story.json").write_text(json.dumps(value), encoding="utf-8")
    _loads_or_refuses(folder)


@FAST
@given(raw=st.binary(max_size=200))
def test_any_bytes_as_a_file_load_or_are_refused(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("fuzz") / "exhibit"
    shutil.copytree(STEPPE, folder)
    (folder / "story.json").write_bytes(raw)
    _loads_or_refuses(folder)


@settings(max_examples=300, deadline=1000)
@given(text=edtf_like)
def test_edtf_strings_parse_or_raise_date_error(text):
    try:
        span = parse_date(text)
    except DateError as exc:
        assert len(str(exc)) < 400
    else:
        assert span.start <= span.end


@settings(max_examples=200, deadline=1000)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400)
       | st.text(alphabet="= .?!A\"'\n\tab", max_size=400))
def test_article_text_parses_or_raises_article_error(text):
    try:
        article = parse_article(text)
    except ArticleError:
        return
    for paragraph in article.paragraphs():
        for sentence in paragraph.sentences:
            assert paragraph.start <= sentence.start <= sentence.end <= paragraph.end
