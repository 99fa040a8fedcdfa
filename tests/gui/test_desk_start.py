"""A cold start shows the map before the exhibit is read (issue 16.4), and never trusts the memo that lets it.

``chronomap.desk.start_memo`` keeps the page the last start opened with; the next start with the same
exhibit files, app, options and settings shows it at once in the window's frame
(``MainWindow(None, early=...)``) while ``chronomap.desk.start_load`` reads the exhibit; the filled window
keeps the page only when it is the one it would build. Each test has its own settings and caches.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, delete_windows, query_page
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from chronomap.desk import app as desk_app
from chronomap.desk import start_memo
from helpers.page import run_js

pytestmark = pytest.mark.gui



def _closed(qtbot, window, story: Path, **options) -> None:
    """As run_explorer does at quit: the window closed (settings saved), then the memo written."""
    window.close()
    start_memo.remember(window, story, options.get("at"), options.get("event"), window.start_moment)


def _early_shown(window) -> bool:
    url = window.map_view.page_url
    return url is not None and url.toLocalFile().endswith("/early/index.html")


def test_a_second_start_shows_the_page_before_the_exhibit_and_keeps_it(qtbot, opened, story):
    first = opened(story)
    assert not _early_shown(first)  # nothing remembered yet: read first, then shown
    _closed(qtbot, first, story)
    # (a window's geometry saved for the first time comes back a few pixels other: the next memo has that)
    warm = opened(story)
    _closed(qtbot, warm, story)
    second = opened(story)
    assert _early_shown(second), "the page the last start opened with was shown early and kept"
    assert second.installed
    seq = second.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: any(m[0] >= seq for m in query_page(qtbot, second.map_view)["frames"]["marks"]),
                    timeout=LOAD_TIMEOUT)
    snap = query_page(qtbot, second.map_view)
    frames = snap["frames"]
    assert frames["marks"][0][0] == 0  # its first frame was the opening
    # filled around the map without moving it: no resize since the base map was drawn, no redraw, no glide
    assert json.loads(run_js(qtbot, second.map_view, "JSON.stringify([innerWidth, innerHeight])")) == frames["start"]["size"]
    assert frames["redraws"] == frames["start"]["redraws"] and frames["glides"] == 0
    size = second.map_view.size()
    assert (size.width(), size.height()) == start_memo.lookup(story, None, None, second.settings).map_size


def test_the_early_page_links_nothing_it_waits_for(qtbot, opened, story):
    """Qt's channel script is written into the memo's page: a linked ``qrc:`` script is served on the app's main
    thread, busy building the window while the early page is parsed. The page still reaches its host."""
    first = opened(story)
    _closed(qtbot, first, story)
    html = start_memo._memo_path(story).with_suffix(".html").read_text(encoding="utf-8")
    assert "<script src=" not in html
    assert "sourceURL=qrc:///qtwebchannel/qwebchannel.js" in html
    second = opened(story)  # ready: its channel is up
    assert _early_shown(second)


def test_a_page_ready_before_the_window_is_not_waited_for(qtbot, opened, story, monkeypatch):
    """The early page may be drawn while the window's modules are imported: its ``ready`` has gone by then, and
    waiting for it again held the exhibit's reading for the whole EARLY_PAGE_WAIT_MS."""
    from chronomap.desk import start_load
    from chronomap.qt.map_view import MapView

    first = opened(story)
    _closed(qtbot, first, story)
    run, turn = start_load.run_beside_the_loop, start_load.turn_the_loop_until
    waits: list[object] = []

    def imports_until_the_page_is_ready(work, modules=()):
        value = run(work, modules)
        if modules == ("chronomap.desk.main_window",):  # the early view's page loads meanwhile: let it be drawn
            early = [w for w in QApplication.topLevelWidgets() if isinstance(w, MapView) and w.parent() is None]
            qtbot.waitUntil(lambda: early[0].is_ready, timeout=LOAD_TIMEOUT)
        return value

    def waited(signal, timeout_ms):
        waits.append(signal)
        return turn(signal, timeout_ms)

    monkeypatch.setattr(start_load, "run_beside_the_loop", imports_until_the_page_is_ready)
    monkeypatch.setattr(start_load, "turn_the_loop_until", waited)
    second = opened(story)
    assert _early_shown(second) and second.installed
    assert waits == []


def test_the_frame_holds_the_map_where_the_window_has_it(qtbot, opened, story):
    """Before the exhibit is in, the map view is at the size the filled window gives it (no resize, no reframe)."""
    first = opened(story)
    size = first.map_view.size()
    _closed(qtbot, first, story)
    early = start_memo.lookup(story, None, None, QSettings("Chronomap", "Chronomap"))
    assert early is not None and early.map_size == (size.width(), size.height())
    from chronomap.desk.main_window import MainWindow

    frame = MainWindow(None, QSettings("Chronomap", "Chronomap"), early=early)
    try:
        frame.show()
        frame.load_early_page()
        assert not frame.installed
        assert (frame.map_view.width(), frame.map_view.height()) == early.map_size
        assert not any(act.isEnabled() for act in frame.actions())  # nothing to act on yet
        with qtbot.waitSignal(frame.map_view.ready, timeout=LOAD_TIMEOUT):
            pass
    finally:
        delete_windows(qtbot, [frame])


@pytest.mark.parametrize("change", ["exhibit file", "language", "start option"])
def test_anything_changed_means_no_early_page(qtbot, opened, story, change):
    first = opened(story)
    _closed(qtbot, first, story)
    settings = QSettings("Chronomap", "Chronomap")
    at = None
    assert start_memo.lookup(story, at, None, settings) is not None
    if change == "exhibit file":
        story_file = story / "story.json"
        story_file.write_text(story_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "language":
        settings.setValue("ui/language", "ru" if settings.value("ui/language") != "ru" else "kk")
    else:
        at = "1989-07"
    assert start_memo.lookup(story, at, None, settings) is None


def test_a_memo_page_that_is_not_the_exhibits_is_replaced(qtbot, opened, story):
    """The memo only decides what shows first: a page that is not the one the window would build goes."""
    first = opened(story)
    _closed(qtbot, first, story)
    memo_file = start_memo._memo_path(story)
    memo = json.loads(memo_file.read_text(encoding="utf-8"))
    memo["identity"] = "not-this-page"
    memo_file.write_text(json.dumps(memo), encoding="utf-8")
    second = opened(story)
    assert not _early_shown(second), "the window loaded the page it builds"
    seq = second.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, second.map_view)["seq"] >= seq, timeout=LOAD_TIMEOUT)


def test_a_refusal_while_the_early_page_shows_closes_the_frame(qtbot, opened, story, monkeypatch):
    from chronomap.desk.main_window import MainWindow
    from chronomap.story.model import ExhibitError, Problem

    first = opened(story)
    _closed(qtbot, first, story)
    refusal = ExhibitError([Problem("story.json", "events", "found nothing; expected events")])

    def refuse(*_args):
        raise refusal

    monkeypatch.setattr(desk_app, "_read", refuse)
    shown_before = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    with pytest.raises(ExhibitError):
        desk_app.open_explorer(story)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert shown == shown_before, "the frame opened early is gone with the refusal"
    qtbot.waitUntil(lambda: not any(isinstance(w, MainWindow) and not w.installed for w in QApplication.topLevelWidgets()),
                    timeout=STEP_TIMEOUT)


@pytest.mark.fake_map
@pytest.mark.parametrize("early", [False, True])
def test_the_side_panel_shares_a_narrower_window_as_before(qtbot, make_window, story, settings, early):
    """A stretch factor is the widget's size policy: the side panel put in the frame's place keeps the frame's."""
    from chronomap.desk.main_window import MainWindow
    from chronomap.desk.start_memo import EarlyPage

    if early:
        page = story.parent / "early.html"
        page.write_text("<!doctype html><title>early</title>", encoding="utf-8")
        window = MainWindow(None, settings, early=EarlyPage(page, "x", (900, 600), 120, ""))
        from chronomap.story.loader import load_exhibit

        window.install(load_exhibit(story))
        made = [window]
    else:
        window = make_window(wait=False)
        made = []
    try:
        assert window.splitter.widget(1).objectName() == "sidePanel"
        assert window.splitter.widget(1).sizePolicy().horizontalStretch() == 1
        assert window.splitter.widget(0).sizePolicy().horizontalStretch() == 3
    finally:
        delete_windows(qtbot, made)
