"""A state makes the page lay itself out as little as it can before it answers (issue 16): each
read of the layout after a write (a label's size, the legend's box) makes the browser lay the page
out there and then, inside ``applyState``, and again for the frame.

The page is asked what it read (test-only probes round the page's own functions); nothing is timed.
"""

from __future__ import annotations

import json

import pytest
from page_helpers import STEP_TIMEOUT, query_page

from chronomap.map import bridge
from helpers.page import run_js

pytestmark = pytest.mark.gui


def _settled(qtbot, window) -> None:
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as done:
        window.map_view.when_settled(done)


def _state_at(window, day: int, **changes) -> dict:
    state = window.builder.page_state(window.timeline.state_at(day), day, animate=False)
    state["seq"] = window.map_view.last_state["seq"]
    state.update(changes)
    return state


def _apply_counting_label_reads(qtbot, window, state: dict) -> int:
    """Apply *state* in the page; how many times it read a label's size from the layout."""
    script = bridge.apply_state(state)
    got = run_js(qtbot, window.map_view, f"""(function () {{
        var reads = 0, proto = HTMLElement.prototype;
        var width = Object.getOwnPropertyDescriptor(proto, "offsetWidth");
        Object.defineProperty(proto, "offsetWidth", {{configurable: true, get: function () {{
            if (this.classList && this.classList.contains("cm-label")) {{ reads++; }}
            return width.get.call(this);
        }}}});
        try {{ var seq = {script}; }} finally {{ Object.defineProperty(proto, "offsetWidth", width); }}
        return JSON.stringify({{seq: seq, reads: reads}});
    }})()""")
    got = json.loads(got)
    assert got["seq"] == state["seq"]
    return got["reads"]


def _two_days_with_other_statuses(window) -> tuple[int, int]:
    events = window.timeline.events
    first, last = events[0].span.start, events[-1].span.start
    a = window.builder.page_state(window.timeline.state_at(first), first)["places"]
    b = window.builder.page_state(window.timeline.state_at(last), last)["places"]
    assert a != b  # the labels change looks between them
    return first, last


def test_labels_in_a_look_seen_before_are_not_measured_again(qtbot, window):
    _settled(qtbot, window)
    first, last = _two_days_with_other_statuses(window)
    # the view holds still (no focus): only the labels' statuses change; each look is shown once
    # (the page may have measured the opening's labels before the map had its classes and scale)
    for day in (first, last, first):
        _apply_counting_label_reads(qtbot, window, _state_at(window, day, focus=None))
    for day in (last, first):
        assert _apply_counting_label_reads(qtbot, window, _state_at(window, day, focus=None)) == 0, \
            "labels whose text and look were measured before were measured again"
    # the sizes kept are the ones the page lays out now
    assert run_js(qtbot, window.map_view, """chronomap.shared.order.every(function (id) {
        var p = chronomap.shared.places[id];
        return p.size && p.size.w === p.labelEl.offsetWidth && p.size.h === p.labelEl.offsetHeight;
    })""") is True


def _apply_counting_calls(qtbot, window, state: dict, before: str = "") -> list[str]:
    """Apply *state* in the page (after the script *before*, in the same task); the legend box reads and
    the restyles it made, in order."""
    script = bridge.apply_state(state)
    return json.loads(run_js(qtbot, window.map_view, f"""(function () {{
        var calls = [], legend = chronomap.legend, places = chronomap.places;
        var box = legend.box, restyle = places.restyle;
        legend.box = function () {{ calls.push("legend box"); return box.apply(this, arguments); }};
        places.restyle = function () {{ calls.push("restyle"); return restyle.apply(this, arguments); }};
        try {{ {before}; {script}; }} finally {{ legend.box = box; places.restyle = restyle; }}
        return JSON.stringify(calls);
    }})()"""))


def _new_focus_state(window) -> dict:
    _first, last = _two_days_with_other_statuses(window)
    state = _state_at(window, last)
    assert state["focus"] != window.map_view.last_state["focus"]  # framed anew
    return state


def test_a_new_focus_never_reads_the_layout_after_the_state_writes(qtbot, window):
    _settled(qtbot, window)
    state = _new_focus_state(window)
    calls = _apply_counting_calls(qtbot, window, state)
    assert "restyle" in calls and "legend box" not in calls[calls.index("restyle"):], \
        f"the frame read the layout after the state's writes: {calls}"
    assert query_page(qtbot, window.map_view)["seq"] == state["seq"]
    _settled(qtbot, window)


def test_a_new_focus_frames_with_the_legend_read_after_the_last_frame(qtbot, window):
    """Read inside the state, the legend's box made the browser lay the page out there (the state before
    it still unpainted); the reading taken after the last frame is used instead."""
    _settled(qtbot, window)
    calls = _apply_counting_calls(qtbot, window, _new_focus_state(window))
    assert calls == ["restyle"], f"the state read the legend's box again: {calls}"
    _settled(qtbot, window)


def test_a_legend_folded_in_the_same_task_is_read_again(qtbot, window):
    """The reading is forgotten as soon as the furniture changes, even just before the state."""
    _settled(qtbot, window)
    fold = "document.querySelector('.cm-legend-toggle').click()"
    calls = _apply_counting_calls(qtbot, window, _new_focus_state(window), before=fold)
    assert calls[:2] == ["legend box", "restyle"], f"the folded legend was not read again: {calls}"
    assert query_page(qtbot, window.map_view)["legendBox"]["collapsed"] is not None
    _settled(qtbot, window)
