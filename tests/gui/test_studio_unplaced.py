"""The studio's review of a draft whose places the gazetteer does not know: listed first as not placed yet, placed
by typing degrees in the Places tab, then on the map (the explorer's window leaves them out until then)."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_helpers import LOAD_TIMEOUT
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from chronomap.authoring.place_search import PlaceSearch
from chronomap.story.loader import load_exhibit

WAGER = Path(__file__).parents[1] / "data" / "corpus" / "wager-kerr-1741.txt"
pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def discard(monkeypatch):
    """Closing the window with unsaved edits asks; the curator discards (no modal dialog in a test)."""
    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", lambda *args, **kwargs: "discard")
    monkeypatch.setattr("chronomap.desk.studio.ask_yes", lambda *args, **kwargs: False)


@pytest.mark.fake_map
def test_places_not_placed_yet_are_reviewed_first_and_placed_by_degrees(qtbot, make_window, tmp_path):
    from chronomap.authoring.draft import draft_exhibit
    from chronomap.desk.studio_dock import open_studio

    folder = tmp_path / "wager"
    draft_exhibit(WAGER, folder)
    window = make_window(load_exhibit(folder))
    assert window.exhibit.places == {}  # nothing drawn at a made-up position
    panel = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=False)).panel
    panel.show_tab(panel.review)
    review = panel.review
    qtbot.waitUntil(lambda: review.places.topLevelItemCount() == 2, timeout=5000)
    assert review.progress.text().startswith("2 places left to check")
    rows = {review.places.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): review.places.topLevelItem(i)
            for i in range(2)}
    assert [(rows[p].text(1), rows[p].text(2)) for p in ("st-catharine", "patagonia")] == \
        [("not placed yet", "nowhere: not on the map until placed")] * 2

    anchor = next(e for e in panel.editor.event_ids() if "19th" in panel.editor.event(e)["summary"])
    panel.events.setCurrentRow(panel.editor.event_ids().index(anchor))
    panel.show_tab(panel.places)
    places = panel.places
    assert places.select_place("patagonia")
    assert places.point.text().startswith("Not placed yet: the map leaves it out")
    assert places.lat.isEnabled() and places.lon.isEnabled()
    for box, value in ((places.lat, "-45"), (places.lon, "-69")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, value)
        QTest.keyClick(box, Qt.Key.Key_Return)
    assert panel.editor.place("patagonia")["point"] == {"lat": -45.0, "lon": -69.0}
    assert places.point.text().startswith("Point: -45.0000, -69.0000")
    qtbot.waitUntil(lambda: "patagonia" in window.exhibit.places, timeout=LOAD_TIMEOUT)
    panel.show_tab(panel.review)
    qtbot.waitUntil(lambda: review.progress.text().startswith("2 places left to check"), timeout=5000)
    status = {review.places.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): review.places.topLevelItem(i).text(1)
              for i in range(2)}
    assert status == {"st-catharine": "not placed yet", "patagonia": "to check"}  # placed; the drafter's words to confirm


@pytest.mark.fake_map
def test_the_not_placed_yet_line_wraps_instead_of_widening_the_places_tab(qtbot, make_window, tmp_path):
    """Seen on Xvfb: the long line pushed the Places tab wider than the dock, behind a horizontal scroll bar."""
    from chronomap.authoring.draft import draft_exhibit
    from chronomap.desk.studio_dock import open_studio

    folder = tmp_path / "wager"
    draft_exhibit(WAGER, folder)
    window = make_window(load_exhibit(folder))
    panel = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=False)).panel
    panel.show_tab(panel.places)
    places = panel.places
    assert places.point.text().startswith("Not placed yet")
    assert places.point.minimumSizeHint().width() < 300
