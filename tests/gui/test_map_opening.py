"""The map page opens on the window's first state (issue 16.4): the page holds it and its base map,
so the first frame it commits shows both, framed where the state frames them, with no glide, and
the same state given to the view afterwards draws nothing again.

The page is asked what it did (``chronomap.snapshot().frames``: its frame marks, its start marks,
the canvases' full redraws); nothing sleeps or times anything.
"""

from __future__ import annotations

import json

import pytest
from page_helpers import STEP_TIMEOUT, delete_windows, query_page

from chronomap.desk.main_window import MainWindow
from helpers.page import run_js

pytestmark = pytest.mark.gui

OPENING_JS = "document.getElementById('cm-opening').textContent"


def _confirmed(qtbot, window) -> dict:
    """The page once it has applied the app's latest state (and drawn a frame with it)."""
    seq = window.map_view.last_state["seq"]

    def shown() -> bool:
        marks = query_page(qtbot, window.map_view)["frames"]["marks"]
        return any(m[0] >= seq for m in marks)

    qtbot.waitUntil(shown, timeout=STEP_TIMEOUT)
    return query_page(qtbot, window.map_view)


SIZE_JS = "JSON.stringify([window.innerWidth, window.innerHeight])"


def _no_redraw_since_drawn(qtbot, window, snap: dict) -> None:
    """The base map was not drawn again after the page drew it, unless the view was resized since
    (a window laid out after its page had drawn, as on a loaded machine: that redraw is the resize's)."""
    frames = snap["frames"]
    if json.loads(run_js(qtbot, window.map_view, SIZE_JS)) == frames["start"]["size"]:
        assert frames["redraws"] == frames["start"]["redraws"], "the app's first state drew the base map again"


def _same_state(a: dict, b: dict) -> bool:
    drop = ("seq", "animate")
    a, b = json.loads(json.dumps(a)), json.loads(json.dumps(b))  # tuples as the page has them: lists
    return {k: v for k, v in a.items() if k not in drop} == {k: v for k, v in b.items() if k not in drop}


def test_the_first_frame_shows_the_opening_state_with_the_base_map(qtbot, window):
    snap = _confirmed(qtbot, window)
    frames = snap["frames"]
    start = frames["start"]
    first = frames["marks"][0]
    assert first[0] == 0, "the first state the page applied is the opening it holds"
    assert first[1] <= start["drawn"] <= first[2], "applied before the base map was drawn, shown after it"
    assert frames["glides"] == 0 and snap["moving"] is False


def test_the_opening_is_the_windows_first_state_and_costs_no_redraw(qtbot, window):
    snap = _confirmed(qtbot, window)
    assert _same_state(json.loads(run_js(qtbot, window.map_view, OPENING_JS)), window.map_view.last_state)
    _no_redraw_since_drawn(qtbot, window, snap)
    (south, west), (north, east) = window.map_view.last_state["focus"]
    lat, lon = snap["center"]
    assert south < lat < north and west < lon < east


@pytest.mark.parametrize("how", ["start", "restore"])
def test_a_start_moment_is_the_opening(qtbot, exhibit, settings, how):
    """``--at``/``--event`` and the moment saved last time open the page there, not at the story's start."""
    from chronomap.story.timeline import Timeline

    timeline = Timeline(exhibit)
    event = timeline.events[len(timeline.events) // 2]
    if how == "restore":
        settings.setValue(f"exhibits/{exhibit.meta.id}/event", event.id)
        window = MainWindow(exhibit, settings, restore=True)
    else:
        window = MainWindow(exhibit, settings, start=timeline.moment_for_event(event.id))
    try:
        window.resize(1280, 800)
        with qtbot.waitSignal(window.map_view.ready, timeout=STEP_TIMEOUT * 3):
            window.show()
        assert window.model.moment.focus is not None and window.model.moment.focus.id == event.id
        snap = _confirmed(qtbot, window)
        opening = json.loads(run_js(qtbot, window.map_view, OPENING_JS))
        assert _same_state(opening, window.map_view.last_state), json.dumps(opening)[:200]
        _no_redraw_since_drawn(qtbot, window, snap)
        assert snap["frames"]["glides"] == 0
    finally:
        delete_windows(qtbot, [window])


@pytest.mark.expected_errors(r"chronomap\.init called twice")
def test_an_error_in_a_script_the_page_holds_names_its_file_and_line(qtbot, window):
    """The page's scripts are written into it (chronomap.map.page_inline); an error still says where it is."""
    from chronomap.resources import asset_path
    from helpers.page import run_js_later

    source = asset_path("map", "js", "main.js").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if "chronomap.init called twice" in text)
    with qtbot.waitSignal(window.map_view.js_error, timeout=STEP_TIMEOUT, check_params_cb=lambda m: "twice" in m) as got:
        run_js_later(window.map_view, "setTimeout(chronomap.init, 0); 0")
    assert f"/assets/map/js/main.js:{line}" in got.args[0]


def test_before_its_page_paints_the_view_shows_the_sea(qtbot, window):
    """Not a white frame between the window and the map (the sea is the map's own background)."""
    from PySide6.QtGui import QColor

    page = window.map_view.web_page
    assert page is not None and page.backgroundColor() == QColor("#c9d6da")
