"""The Python → page protocol builds JavaScript from JSON, never from raw text."""

from __future__ import annotations

import json
import math
import re

import pytest

from chronomap.map.bridge import (
    SNAPSHOT_SCRIPT,
    apply_state_script,
    js_call,
    js_literal,
    parse_snapshot,
    set_legend_script,
)

CALL_RE = re.compile(r"^(?P<fn>[A-Za-z_$][\w$.]*)\((?P<args>.*)\)$", re.S)


def _args(script: str) -> list:
    match = CALL_RE.match(script)
    assert match, script
    return json.loads(f"[{match.group('args')}]")


def test_js_call_shape():
    assert js_call("chronomap.applyState", {"seq": 1}) == 'chronomap.applyState({"seq":1})'
    assert js_call("f") == "f()"
    assert js_call("a.b.c", 1, "x", None, True) == 'a.b.c(1,"x",null,true)'


@pytest.mark.parametrize(
    "name",
    ["", "1abc", "a..b", "a.", ".a", "a b", "a(1)", "a;b", "alert('x')//", "a-b", "a[0]", "x\n.y", "абв"],
)
def test_js_call_rejects_names_that_are_not_dotted_identifiers(name):
    with pytest.raises(ValueError):
        js_call(name, 1)


def test_js_call_accepts_dollar_and_underscore():
    assert js_call("$._x.y1", 2) == "$._x.y1(2)"


def test_quotes_and_backslashes_are_escaped():
    value = """He said "stop" and 'go' \\ then `tick` ${x}"""
    script = js_call("chronomap.setTitle", value)
    assert _args(script) == [value]
    # every double quote inside the literal is escaped
    inner = script[len("chronomap.setTitle(") : -1]
    assert inner.startswith('"') and inner.endswith('"')
    assert '"' not in inner[1:-1].replace('\\"', "")


def test_script_close_tag_cannot_appear():
    value = "</script><script>alert(1)</script><!--"
    script = js_call("chronomap.applyState", {"seq": 1, "places": {"a": {"label": value}}})
    assert "</script" not in script.lower()
    assert "<!--" not in script
    assert "<" not in script and ">" not in script and "&" not in js_literal("a&b")
    assert _args(script)[0]["places"]["a"]["label"] == value


def test_unicode_round_trips():
    label = "Желтоқсан 1986 — Алма-Ата «Almaty»"
    script = apply_state_script({"seq": 7, "places": {"almaty": {"status": "current", "label": label}}})
    assert label in script  # readable, not \u-escaped
    assert _args(script)[0]["places"]["almaty"]["label"] == label


def test_line_separators_are_escaped():
    script = js_literal("a\u2028b\u2029c\nd")
    assert "\u2028" not in script and "\u2029" not in script and "\n" not in script
    assert json.loads(script) == "a\u2028b\u2029c\nd"


def test_non_json_values_are_refused():
    with pytest.raises(ValueError):
        js_literal(math.nan)
    with pytest.raises(ValueError):
        js_literal({"x": math.inf})
    with pytest.raises(TypeError):
        js_literal({"x": object()})


def test_apply_state_script():
    state = {
        "seq": 3,
        "places": {"almaty": {"status": "current", "label": "Alma-Ata (Almaty)"}},
        "basemap": {"classes": {"KAZ": "focus"}, "ussr_border": True},
        "focus": [[43.0, 76.0], [44.0, 78.0]],
        "animate": False,
    }
    script = apply_state_script(state)
    assert script.startswith("chronomap.applyState(")
    assert _args(script) == [state]


@pytest.mark.parametrize("state", [{}, {"seq": "1"}, {"seq": 1.5}, {"seq": True}, {"seq": None}])
def test_apply_state_needs_an_int_seq(state):
    with pytest.raises(ValueError):
        apply_state_script(state)


def test_apply_state_needs_a_dict():
    with pytest.raises(TypeError):
        apply_state_script([("seq", 1)])  # type: ignore[arg-type]


def test_snapshot_script_and_parse():
    assert "chronomap.snapshot()" in SNAPSHOT_SCRIPT
    assert "JSON.stringify" in SNAPSHOT_SCRIPT
    assert parse_snapshot(None) is None
    assert parse_snapshot('{"seq": 2, "statuses": {}}') == {"seq": 2, "statuses": {}}
    assert parse_snapshot({"seq": 2}) == {"seq": 2}
    assert parse_snapshot("[1, 2]") is None
    assert parse_snapshot(42) is None


def test_set_legend_script_takes_texts_only():
    script = set_legend_script({"title": "Легенда", "note": "</script>"})
    assert script.startswith("chronomap.setLegend(") and "</script>" not in script and "Легенда" in script
    with pytest.raises(TypeError):
        set_legend_script({"title": 1})
