"""The editor's place handle never hides the name of the place it moves (edit.js makes the label room).

At 25 December 1991 the Soviet Union's red handle sat in the middle of "SOVIET UNION": a state's label is
centred on its point, and the handle is drawn on that point.
"""

from __future__ import annotations

import pytest
from page_helpers import STEP_TIMEOUT
from PySide6.QtCore import Qt

from helpers.page import run_js

pytestmark = pytest.mark.gui


def _select(panel, event_id: str) -> None:
    rows = [row for row in range(panel.events.count())
            if panel.events.item(row).data(Qt.ItemDataRole.UserRole) == event_id]
    panel.events.setCurrentRow(rows[0])


def _apart(a: list[float], b: list[float]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def _handle_on(qtbot, window, place_id: str) -> dict:
    seen: dict = {}

    def shown() -> bool:
        window.map_view.edit_state(lambda state: seen.__setitem__("state", state))
        handle = (seen.get("state") or {}).get("handle") or {}
        return handle.get("id") == place_id and handle.get("label") is not None and _apart(handle["box"], handle["label"])

    qtbot.waitUntil(shown, timeout=STEP_TIMEOUT)
    return seen["state"]["handle"]


@pytest.mark.parametrize(("event_id", "place_id"), [("ussr-ends", "ussr"), ("miners-strike-begins", None)])
def test_the_handle_leaves_its_place_label_readable(qtbot, studio, event_id, place_id):
    window, panel = studio
    _select(panel, event_id)
    if place_id is None:  # a city: the one the Places tab puts the handle on
        panel.show_tab(panel.places)
        place_id = panel.places.place_id()
    handle = _handle_on(qtbot, window, place_id)
    box, label = handle["box"], handle["label"]
    # moved only as far as it must: still beside the handle, not thrown across the map
    gap = max(label[0] - box[2], box[0] - label[2], label[1] - box[3], box[1] - label[3])
    assert 0 <= gap <= 8, (box, label)
    if place_id == "ussr":  # a centred label goes up, still centred over its point
        assert label[3] <= box[1] and (label[0] + label[2]) / 2 == pytest.approx(handle["x"], abs=2)
    # out of edit mode the handle goes, and the label is back where the layout put it
    moved = f"chronomap.shared.places[{place_id!r}].labelEl.style.translate"
    assert run_js(qtbot, window.map_view, moved) != ""
    assert run_js(qtbot, window.map_view, f"chronomap.setEditing(false); {moved}") == ""
