"""The kiosk's map page opens on its first moment, as the desk's does (issue 16.4): the page holds the
opening state, so its first frame shows the story's start framed where it belongs, and the base map is not
drawn a second time when the kiosk's first state arrives (before: drawn at the page's initial view, then
again where the first state framed it, hidden by the curtain).

The page is asked what it did (``chronomap.snapshot().frames``); nothing sleeps."""

from __future__ import annotations

import json

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, delete_windows, query_page

from chronomap.kiosk.config import KioskConfig
from chronomap.kiosk.shell import KioskWindow
from chronomap.qt.language import language_service
from chronomap.story.timeline import Timeline
from helpers.page import run_js

pytestmark = pytest.mark.gui

LONG = 3600
OPENING_JS = "document.getElementById('cm-opening') ? document.getElementById('cm-opening').textContent : 'null'"
SIZE_JS = "JSON.stringify([window.innerWidth, window.innerHeight])"


@pytest.fixture
def open_kiosk(qtbot, exhibit):
    kiosks: list[KioskWindow] = []

    def make(start=None) -> KioskWindow:
        config = KioskConfig().model_copy(update=dict(language="en", hide_cursor=False, idle_seconds=LONG,
                                                      countdown_seconds=LONG, attract_min_seconds=LONG,
                                                      hang_check_seconds=LONG, hang_timeout_seconds=LONG))
        kiosk = KioskWindow(exhibit, config, start=start)
        kiosks.append(kiosk)
        with qtbot.waitSignal(kiosk.map_view.ready, timeout=LOAD_TIMEOUT):
            kiosk.show_on_screen()
        return kiosk

    yield make
    delete_windows(qtbot, kiosks, prepare=lambda kiosk: kiosk.allow_close())
    language_service().set_language("en")


def _confirmed(qtbot, kiosk: KioskWindow) -> dict:
    seq = kiosk.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: any(m[0] >= seq for m in query_page(qtbot, kiosk.map_view)["frames"]["marks"]),
                    timeout=STEP_TIMEOUT)
    return query_page(qtbot, kiosk.map_view)


def _without_seq(state: dict) -> dict:
    state = json.loads(json.dumps(state))
    return {k: v for k, v in state.items() if k not in ("seq", "animate")}


@pytest.mark.parametrize("where", ["story start", "configured event"])
def test_the_kiosk_page_opens_on_its_first_moment_and_draws_the_base_map_once(qtbot, exhibit, open_kiosk, where):
    timeline = Timeline(exhibit)
    event = timeline.events[len(timeline.events) // 2]
    kiosk = open_kiosk(("event", event.id) if where == "configured event" else None)
    snap = _confirmed(qtbot, kiosk)
    frames = snap["frames"]
    assert frames["marks"][0][0] == 0, "the first state the page applied is the opening it holds"
    assert frames["marks"][0][1] <= frames["start"]["drawn"] <= frames["marks"][0][2]
    opening = json.loads(run_js(qtbot, kiosk.map_view, OPENING_JS))
    assert opening is not None and _without_seq(opening) == _without_seq(kiosk.map_view.last_state)
    if json.loads(run_js(qtbot, kiosk.map_view, SIZE_JS)) == frames["start"]["size"]:  # (a later resize draws again)
        assert frames["redraws"] == frames["start"]["redraws"], "the kiosk's first state drew the base map again"
    assert frames["glides"] == 0
