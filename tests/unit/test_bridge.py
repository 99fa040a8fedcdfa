"""The Python → page protocol builds JavaScript from JSON, never from raw text."""

from __future__ import annotations

import json
import math
import re

import pytest

from chronomap.map import bridge
from chronomap.map.bridge import (
    apply_state,
    js_call,
    js_literal,
    parse_snapshot,
    set_legend,
)

CALL_RE = re.compile(r"^(?P<fn>[A-Za-z_$][\w$.]*)\((?P<args>.*)\)$", re.S)

HOSTILE = [
    "</script><script>alert(1)</script><!--",
    "a\u2028b\u2029c",
    """He said "stop" and 'go' \\ then `tick` ${x}""",
    "&amp; <b>bold</b> -->",
    "line\nbreak\r\ttab\x00nul",
]


def _call(script: str) -> tuple[str, list]:
    match = CALL_RE.match(script)
    assert match, script
    return match.group("fn"), json.loads(f"[{match.group('args')}]")


def _args(script: str) -> list:
    return _call(script)[1]


def _assert_inert(script: str) -> None:
    """Nothing in the script can end a <script> element, start an HTML comment or break a JavaScript line."""
    assert "<" not in script and ">" not in script and "&" not in script
    assert "\u2028" not in script and "\u2029" not in script and "\n" not in script and "\r" not in script


STATE = {
    "seq": 3,
    "places": {"almaty": {"status": "current", "label": "Alma-Ata (Almaty)"}, "moscow": {"status": "past"}},
    "basemap": {"classes": {"KAZ": "focus"}, "ussr_border": True},
    "focus": [[43.0, 76.0], [44.0, 78.0]],
    "animate": False,
    "legend": {"title": "Legend", "current": "Now", "lang": "en", "km": "km", "m": "m"},
    "appearance": {"highContrast": False, "large": True},
}


# -- the escaping helper ------------------------------------------------------------------


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
    script = apply_state({"seq": 7, "places": {"almaty": {"status": "current", "label": label}}})
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


# -- every page function: its exact script ----------------------------------------------------


def test_apply_state():
    script = apply_state(STATE)
    assert script.startswith("chronomap.applyState({")
    assert _call(script) == ("chronomap.applyState", [STATE])
    assert isinstance(script, str)  # a bridge.Script is a str to everything but the type checker


def test_a_state_sent_through_the_channel_is_its_json_and_a_script_of_its_seq():
    text = bridge.state_text(STATE)
    assert json.loads(text) == STATE
    assert "<" not in bridge.state_text({"seq": 3, "places": {"almaty": {"status": "current", "label": "</script>"}}})
    assert bridge.apply_sent_state(STATE["seq"]) == f"chronomap.applySentState({STATE['seq']})"
    with pytest.raises(TypeError):
        bridge.apply_sent_state(True)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        bridge.state_text({"seq": "1"})  # type: ignore[typeddict-item]


def test_apply_state_takes_tuples_as_the_builder_gives_them():
    state = {"seq": 1, "focus": ((43.0, 76.0), (44.0, 78.0))}
    assert apply_state(state) == 'chronomap.applyState({"seq":1,"focus":[[43.0,76.0],[44.0,78.0]]})'


def test_apply_state_leaves_unknown_words_to_the_page():
    # the page warns about an unknown status, place or class and carries on; tests rely on that
    state = {"seq": 2, "places": {"nowhere": {"status": "burning"}}, "basemap": {"classes": {"XXX": "purple"}}}
    assert _args(apply_state(state)) == [state]


@pytest.mark.parametrize("state", [{}, {"seq": "1"}, {"seq": 1.5}, {"seq": True}, {"seq": None}])
def test_apply_state_needs_an_int_seq(state):
    with pytest.raises(ValueError):
        apply_state(state)


def test_apply_state_needs_a_dict():
    with pytest.raises(TypeError):
        apply_state([("seq", 1)])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("patch", "error"),
    [
        ({"places": []}, TypeError),
        ({"places": {"a": "current"}}, TypeError),
        ({"places": {"a": {"status": 1}}}, TypeError),
        ({"places": {"a": {}}}, TypeError),
        ({"places": {"a": {"status": "current", "label": None}}}, TypeError),
        ({"places": {"a": {"status": "current", "colour": "red"}}}, ValueError),
        ({"places": {1: {"status": "current"}}}, TypeError),
        ({"basemap": {"classes": {"KAZ": None}}}, TypeError),
        ({"basemap": {"ussr_border": 1}}, TypeError),
        ({"basemap": {"borders": True}}, ValueError),
        ({"focus": "everywhere"}, TypeError),
        ({"focus": [[1, 2], [3]]}, TypeError),
        ({"focus": [[1, 2], [3, "4"]]}, TypeError),
        ({"focus": [[1, 2], [3, math.nan]]}, ValueError),
        ({"focus": [[1, 2], [3, True]]}, TypeError),
        ({"animate": "yes"}, TypeError),
        ({"legend": {"title": 3}}, TypeError),
        ({"legend": {"titel": "Legend"}}, ValueError),
        ({"appearance": {"highContrast": 1}}, TypeError),
        ({"appearance": {"dark": True}}, ValueError),
        ({"zoom": 4}, ValueError),
    ],
)
def test_apply_state_refuses_bad_types_and_unknown_keys(patch, error):
    with pytest.raises(error):
        apply_state({"seq": 1, **patch})


def test_set_legend():
    texts = {"title": "Легенда", "note": "</script>", "focusIndependent": "Kazakhstan, independent"}
    script = set_legend(texts)
    assert script == 'chronomap.setLegend({"title":"Легенда","note":"\\u003c/script\\u003e","focusIndependent":"Kazakhstan, independent"})'
    assert _call(script) == ("chronomap.setLegend", [texts])
    assert set_legend(None) == "chronomap.setLegend(null)"  # no legend at all


@pytest.mark.parametrize(("texts", "error"), [({"title": 1}, TypeError), ("Legend", TypeError), ({"colour": "red"}, ValueError)])
def test_set_legend_takes_known_texts_only(texts, error):
    with pytest.raises(error):
        set_legend(texts)


def test_set_chrome():
    options = {"legend": True, "attribution": False, "scaleBar": True, "zoomControl": False,
               "caption": {"title": "Perestroika", "date": "July 1989", "event": "Miners strike"}}
    script = bridge.set_chrome(options)
    assert script.startswith('chronomap.setChrome({"legend":true,"attribution":false,')
    assert _call(script) == ("chronomap.setChrome", [options])
    assert bridge.set_chrome({}) == "chronomap.setChrome({})"
    assert bridge.set_chrome({"caption": None}) == 'chronomap.setChrome({"caption":null})'


@pytest.mark.parametrize(
    "options",
    [None, {"legend": "no"}, {"scaleBar": 1}, {"caption": "July"}, {"caption": {"title": 1}}, {"caption": {"subtitle": "x"}}, {"zoom": 1}],
)
def test_set_chrome_refuses_bad_options(options):
    with pytest.raises((TypeError, ValueError)):
        bridge.set_chrome(options)


def test_set_view():
    assert bridge.set_view((48.5, 67.25), 4.5) == "chronomap.setView([48.5,67.25],4.5)"
    assert bridge.set_view([48, 67], 5) == "chronomap.setView([48,67],5)"
    assert bridge.set_view((48.5, 67.25), 4.5) == js_call("chronomap.setView", [48.5, 67.25], 4.5)  # as the export wrote it


@pytest.mark.parametrize(
    ("center", "zoom", "error"),
    [("48,67", 4, TypeError), ((48,), 4, TypeError), ((48, 67, 0), 4, TypeError), ((48, None), 4, TypeError),
     ((48, 67), "4", TypeError), ((48, 67), True, TypeError), ((48, 67), math.inf, ValueError), ((math.nan, 67), 4, ValueError)],
)
def test_set_view_refuses_bad_types(center, zoom, error):
    with pytest.raises(error):
        bridge.set_view(center, zoom)


def test_show_place():
    assert bridge.show_place("donbas") == 'chronomap.showPlace("donbas")'
    assert bridge.show_place("kazakh-ssr") == js_call("chronomap.showPlace", "kazakh-ssr")  # as the desk and kiosk wrote it
    for bad in (None, 3, ["donbas"]):
        with pytest.raises(TypeError):
            bridge.show_place(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_cross_inert_and_whole(hostile):
    scripts = [
        bridge.show_place(hostile),
        apply_state({"seq": 1, "places": {hostile: {"status": hostile, "label": hostile}}, "legend": {"note": hostile}}),
        set_legend({"title": hostile, "note": hostile}),
        bridge.set_chrome({"caption": {"title": hostile, "date": hostile, "event": hostile}}),
        bridge.init("map_1", {"title": hostile, "places": [{"label": hostile}]}),
    ]
    for script in scripts:
        _assert_inert(script)
    assert _args(scripts[0]) == [hostile]
    assert _args(scripts[1])[0]["places"][hostile]["label"] == hostile
    assert _args(scripts[3])[0]["caption"]["event"] == hostile


def test_init():
    config = {"title": "Perestroika", "places": [], "bounds": [[38, 28], [60, 92]]}
    script = bridge.init("map_0a1b", config)
    assert script == 'chronomap.init(map_0a1b,{"title":"Perestroika","places":[],"bounds":[[38,28],[60,92]]})'
    for name in ("", "map 1", "map_1;alert(1)", "window.map", "1map", None):
        with pytest.raises(ValueError):
            bridge.init(name, config)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        bridge.init("map_1", [config])  # type: ignore[arg-type]


def test_queries_without_arguments():
    # exactly the scripts the app sent before these functions existed
    assert bridge.snapshot() == (
        "(typeof chronomap === 'object' && chronomap && typeof chronomap.snapshot === 'function')"
        " ? JSON.stringify(chronomap.snapshot()) : null"
    )
    assert bridge.is_moving() == "(typeof chronomap === 'object' && chronomap.isMoving) ? chronomap.isMoving() : true"
    assert bridge.reset_view() == "(typeof chronomap === 'object' && chronomap.resetView) ? chronomap.resetView() : false"
    assert bridge.lock_down() == "(typeof chronomap === 'object' && chronomap.lockDown) ? chronomap.lockDown() : false"
    assert bridge.seq() == "(typeof chronomap === 'object' && chronomap) ? chronomap.seq : -1"
    assert bridge.ready() == "(typeof chronomap === 'object' && chronomap) ? chronomap.ready === true : false"
    assert bridge.caption_text() == "chronomap.captionText()"
    assert bridge.hide_paint_mark() == "chronomap.hidePaintMark()"
    assert bridge.paint_mark() == "chronomap.paintMark"
    assert bridge.locked() == "chronomap.locked"
    assert bridge.appearance() == "JSON.stringify(chronomap.appearance())"
    assert bridge.inner_width() == "window.innerWidth"
    assert bridge.link_hovered() == "document.querySelector('a:hover') !== null"


def test_request_paint_mark():
    assert bridge.request_paint_mark(5) == "chronomap.requestPaintMark(5,false)"
    assert bridge.request_paint_mark(60_000, True) == "chronomap.requestPaintMark(60000,true)"
    for token, marker, error in ((True, False, TypeError), ("5", False, TypeError), (5.0, False, TypeError),
                                 (-1, False, ValueError), (1 << 31, False, ValueError), (5, 1, TypeError), (5, "yes", TypeError)):
        with pytest.raises(error):
            bridge.request_paint_mark(token, marker)  # type: ignore[arg-type]


def test_every_page_function_has_its_python_function():
    """The public chronomap.* names the page defines, each with the bridge function named after it."""
    from chronomap.resources import asset_path

    files = [*asset_path("map").glob("*.js"), *asset_path("map", "js").glob("*.js")]
    source = "\n".join(p.read_text(encoding="utf-8") for p in files)
    defined = set(re.findall(r"^\s*cm\.([a-z][A-Za-z]*) = function", source, re.M))
    assert {"applyState", "snapshot", "showPlace", "lockDown", "resetView", "init"} <= defined
    for name in defined:
        snake = re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)
        assert callable(getattr(bridge, snake, None)), f"chronomap.{name} has no bridge.{snake}"
    for value in ("seq", "ready", "locked", "paintMark"):
        snake = re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), value)
        assert f"chronomap.{value}" in getattr(bridge, snake)()


# -- the other way --------------------------------------------------------------------------


def test_host_protocol_names():
    assert bridge.HOST_OBJECT == "chronomapHost"
    assert bridge.HOST_METHODS == ("pageReady", "placeClicked", "jsError", "mapClicked", "placeMoved")


def test_the_editor_map_calls():
    assert bridge.set_editing(True) == "chronomap.setEditing(true)"
    assert bridge.move_place("almaty", 43.25, 76.9) == 'chronomap.movePlace("almaty",43.25,76.9)'
    shown = bridge.show_candidates([{"lat": 48.8, "lon": 2.35, "label": "Paris </script>"}])
    assert shown == 'chronomap.showCandidates([{"lat":48.8,"lon":2.35,"label":"Paris \\u003c/script\\u003e"}])'
    assert bridge.show_candidates([]) == "chronomap.showCandidates([])"
    assert "chronomap.editState()" in bridge.edit_state()


@pytest.mark.parametrize(("call", "error"), [
    (lambda: bridge.set_editing(1), TypeError),
    (lambda: bridge.move_place(3, 0, 0), TypeError),
    (lambda: bridge.move_place("a", 91, 0), ValueError),
    (lambda: bridge.move_place("a", 0, float("nan")), ValueError),
    (lambda: bridge.move_place("a", "1", 0), TypeError),
    (lambda: bridge.show_candidates({"lat": 1, "lon": 2, "label": ""}), TypeError),
    (lambda: bridge.show_candidates("paris"), TypeError),
    (lambda: bridge.show_candidates([{"lat": 1, "lon": 200, "label": ""}]), ValueError),
    (lambda: bridge.show_candidates([{"lat": 1, "lon": 2, "label": "", "colour": "red"}]), ValueError),
    (lambda: bridge.show_candidates([{"lat": 1, "lon": 2, "label": 5}]), TypeError),
])
def test_the_editor_map_calls_refuse_bad_values(call, error):
    with pytest.raises(error):
        call()


def test_snapshot_script_and_parse():
    assert "chronomap.snapshot()" in bridge.snapshot()
    assert "JSON.stringify" in bridge.snapshot()
    assert parse_snapshot(None) is None
    assert parse_snapshot('{"seq": 2, "statuses": {}}') == {"seq": 2, "statuses": {}}
    assert parse_snapshot({"seq": 2}) == {"seq": 2}
    assert parse_snapshot("[1, 2]") is None
    assert parse_snapshot(42) is None
