"""The desk, like the kiosk, restarts a map page that stops answering: before, only the kiosk watched
its page, and a desk whose render process wedged kept a dead map until the app was restarted."""

from __future__ import annotations

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, query_page

from chronomap.desk import main_window
from helpers.page import run_js_later

pytestmark = pytest.mark.gui


@pytest.mark.expected_errors(r"map render process terminated", r"the map page did not answer within",
                             r"restarting the map page")
def test_a_page_stuck_in_a_loop_is_restarted_with_its_moment(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(main_window, "PAGE_CHECK_MS", 200)
    monkeypatch.setattr(main_window, "PAGE_TIMEOUT_MS", 1500)
    window = make_window()
    qtbot.waitUntil(lambda: window.page_watch.pings_answered >= 2, timeout=STEP_TIMEOUT)
    window.model.go_to_event(window.timeline.events[4].id)
    seq = window.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["seq"] == seq, timeout=STEP_TIMEOUT)
    hung_pid = window.map_view.render_process_pid()
    with qtbot.waitSignal(window.map_view.recovered, timeout=LOAD_TIMEOUT):
        run_js_later(window.map_view, "setTimeout(function () { for (;;) {} }, 0); 0")
    assert window.map_view.render_process_pid() not in (0, hung_pid)
    assert query_page(qtbot, window.map_view)["seq"] == seq  # the same moment, on the new page


def test_a_closed_window_stops_watching(qtbot, make_window):
    window = make_window()
    assert window.page_watch._timer.isActive()
    window.close()
    assert not window.page_watch._timer.isActive()


def test_without_a_render_process_to_kill_the_page_is_renewed_with_its_moment(qtbot, make_window, monkeypatch):
    window = make_window()
    window.model.go_to_event(window.timeline.events[4].id)
    seq = window.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["seq"] == seq, timeout=STEP_TIMEOUT)
    monkeypatch.setattr(main_window, "restart_hung_page", lambda _view, _why: False)
    with qtbot.waitSignal(window.map_view.recovered, timeout=LOAD_TIMEOUT):
        window.page_watch.hung.emit("the map page does not answer")
    assert query_page(qtbot, window.map_view)["seq"] == seq
