"""The map does not claim an event is happening long after it ended (issue 14.13), asked of the page."""

from __future__ import annotations

import pytest
from page_helpers import STEP_TIMEOUT, query_page

from chronomap.story.dates import day_number

pytestmark = pytest.mark.gui


def _show_day(qtbot, window, day: int) -> dict:
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT):
        window.model.set_day(day)
    expected = window.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["seq"] == expected, timeout=STEP_TIMEOUT)
    return query_page(qtbot, window.map_view)


def test_long_after_the_december_events_the_page_draws_them_as_told(qtbot, window):
    snapshot = _show_day(qtbot, window, day_number(1988, 4, 3))
    assert snapshot["statuses"]["almaty"] == "told"
    assert "current" not in snapshot["statuses"].values()
    assert "Happening now" not in snapshot["legend"]
    assert "Happening on this day" in snapshot["legend"]
    assert "The event told, over by this day" in snapshot["legend"]

    snapshot = _show_day(qtbot, window, day_number(1986, 12, 17))
    assert snapshot["statuses"]["almaty"] == "current"
