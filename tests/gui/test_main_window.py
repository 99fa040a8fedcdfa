"""The desk explorer, driven as a person would: slider, keys, play, article clicks."""

from __future__ import annotations

import pytest
from page_helpers import STEP_TIMEOUT, query_page
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from chronomap.story.dates import day_number
from helpers.page import run_js
from helpers.views import views_shown

pytestmark = pytest.mark.gui


def drag_slider_to(qtbot, window, day: int) -> None:
    """Grab the handle and drag it to ``day``, as a hand would."""
    slider = window.slider
    y = round(slider._track().center().y())
    start = QPoint(round(slider.x_for_day(slider.day)), y)
    end = QPoint(round(slider.x_for_day(day)), y)
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT):
        QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(slider, QPoint((start.x() + end.x()) // 2, y))
        QTest.mouseMove(slider, end)
        QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert abs(window.model.day - day) <= 2


def wait_for_page_state(qtbot, window) -> None:
    """Until the page has confirmed the latest state the window sent."""
    qtbot.waitUntil(lambda: window.map_view.last_state is not None, timeout=STEP_TIMEOUT)
    expected = window.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, window.map_view)["seq"] == expected, timeout=STEP_TIMEOUT)


def test_window_opens_on_the_first_event(qtbot, window):
    wait_for_page_state(qtbot, window)
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["ready"] is True
    assert snapshot["statuses"]["almaty"] == "current"
    assert snapshot["labels"]["almaty"] == "Alma-Ata (Almaty)"
    assert window.date_label.text() == "16 December 1986"
    assert "Perestroika in Kazakhstan" in window.windowTitle()


def test_moving_the_slider_changes_what_the_page_highlights(qtbot, window):
    wait_for_page_state(qtbot, window)
    drag_slider_to(qtbot, window, day_number(1991, 8, 20))
    wait_for_page_state(qtbot, window)
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["statuses"]["moscow"] == "current"
    assert snapshot["statuses"]["almaty"] == "past"
    assert window.date_label.text() == "19–21 August 1991"

    drag_slider_to(qtbot, window, day_number(1989, 7, 15))
    wait_for_page_state(qtbot, window)
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["statuses"]["karaganda"] == "current"
    assert snapshot["statuses"]["moscow"] == "current"  # the coal ministry's part in the talks
    assert snapshot["statuses"]["ussr"] == "upcoming"


@pytest.mark.fake_map
def test_the_article_highlight_follows_the_slider(qtbot, window):
    drag_slider_to(qtbot, window, day_number(1990, 10, 25))
    assert "path-to-independence.p4.s1" in window.article.highlighted_sentences()
    assert "the-december-events.p1.s5" not in window.article.highlighted_sentences()


def test_the_page_is_never_reloaded_on_a_time_change(qtbot, window):
    wait_for_page_state(qtbot, window)
    page = window.map_view.web_page
    with qtbot.assertNotEmitted(page.loadStarted):
        for day in (day_number(1988, 1, 1), day_number(1990, 3, 13), day_number(1991, 12, 20)):
            drag_slider_to(qtbot, window, day)
        wait_for_page_state(qtbot, window)
    assert query_page(qtbot, window.map_view)["basemapClasses"]["KAZ"] == "focus-independent"


@pytest.mark.fake_map
def test_clicking_a_highlighted_passage_moves_the_timeline(qtbot, window):
    article = window.article
    start, end = article.sentence_range("path-to-independence.p4.s1")
    cursor = article.textCursor()
    cursor.setPosition((start + end) // 2)
    article.setTextCursor(cursor)
    article.ensureCursorVisible()
    point = article.cursorRect(cursor).center()
    with qtbot.waitSignal(window.model.changed, timeout=STEP_TIMEOUT):
        QTest.mouseClick(article.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.model.moment.focus.id == "sovereignty-declared"
    assert window.slider.day == day_number(1990, 10, 25)


@pytest.mark.fake_map
def test_keyboard_steps_through_events(qtbot, window):
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.model.moment.focus.id == "december-events"
    QTest.keyClick(window, Qt.Key.Key_End)
    assert window.model.moment.focus.id == "ussr-ends"
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert window.model.moment.focus.id == "independence"
    QTest.keyClick(window, Qt.Key.Key_Home)
    assert window.model.moment.focus.id == "kunaev-dismissed"


@pytest.mark.fake_map
def test_events_sharing_a_day_are_stepped_one_by_one(qtbot, window):
    window.model.go_to_event("nazarbayev-elected")
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.model.moment.focus.id == "nazarbayev-plenary-speech"


@pytest.mark.fake_map
def test_play_and_pause(qtbot, window):
    window.speed.setCurrentIndex(window.speed.count() - 1)  # fastest
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert window.is_playing()
    with qtbot.waitSignal(window.model.changed, timeout=STEP_TIMEOUT):
        pass
    assert window.model.moment.focus.id == "december-events"
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert not window.is_playing()
    with qtbot.assertNotEmitted(window.model.changed, wait=1200):
        pass


@pytest.mark.fake_map
def test_play_stops_at_the_end(qtbot, window):
    window.model.go_to_event("independence")
    window.speed.setCurrentIndex(window.speed.count() - 1)
    window.toggle_play()
    qtbot.waitUntil(lambda: not window.is_playing(), timeout=STEP_TIMEOUT)
    assert window.model.moment.focus.id == "ussr-ends"


def test_a_place_click_on_the_map_shows_its_details(qtbot, window):
    window.model.go_to_event("karaganda-moratorium")
    wait_for_page_state(qtbot, window)
    left, top, right, bottom = query_page(qtbot, window.map_view)["labelRects"]["karaganda"]
    target = window.map_view.input_target()
    with qtbot.waitSignal(window.map_view.place_clicked, timeout=STEP_TIMEOUT) as blocker:
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(int((left + right) / 2), int((top + bottom) / 2)))
    assert blocker.args == ["karaganda"]
    text = window.card.text()
    assert "Karaganda" in text and "784 km from Alma-Ata (Almaty)" in text and "Қарағанды" in text


@pytest.mark.fake_map
def test_a_place_name_in_the_article_shows_it_on_the_map(qtbot, window):
    window.article.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl("place:moscow"))
    assert "Москва" in window.card.text()


@pytest.mark.expected_errors(r"map render process terminated")
def test_render_process_crash_restores_the_date(qtbot, window):
    import os
    import signal

    window.model.go_to_event("august-coup")
    wait_for_page_state(qtbot, window)
    pid = window.map_view.render_process_pid()
    with qtbot.waitSignal(window.map_view.recovered, timeout=30_000):
        os.kill(pid, signal.SIGKILL)
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["statuses"]["moscow"] == "current" and snapshot["statuses"]["almaty"] == "past"


@pytest.mark.fake_map
def test_a_broken_exhibit_shows_errors_and_keeps_the_current_one(qtbot, window, exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][0].update(date="1986-13-01"))
    assert window.open_exhibit(exhibit_copy.folder) is False
    assert window.exhibit.title == "Perestroika in Kazakhstan"
    assert "events[0].date" in window.error_box.detailedText()
    window.error_box.close()


@pytest.mark.fake_map
def test_another_exhibit_opens_in_the_same_window(qtbot, window, exhibit_copy):
    exhibit_copy.edit("exhibit.json", lambda d: d.update(title="A second exhibit", id="second"))
    with qtbot.waitSignal(window.exhibit_changed, timeout=STEP_TIMEOUT):
        assert window.open_exhibit(exhibit_copy.folder) is True
    qtbot.waitSignal(window.map_view.ready, timeout=30_000)
    assert window.windowTitle().startswith("A second exhibit")


@pytest.mark.fake_map
def test_the_last_date_is_remembered(qtbot, make_window, settings):
    first = make_window()
    first.model.go_to_event("third-congress")
    first.close()
    second = make_window()
    second.restore_last_moment()
    assert second.model.moment.focus.id == "third-congress"


# -- snapshots from the app ----------------------------------------------------------


def test_export_from_the_app_shows_what_the_explorer_shows(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    from chronomap.desk.export_dialog import ExportRequest
    from chronomap.export.options import SnapshotOptions

    window.model.go_to_event("august-coup")
    wait_for_page_state(qtbot, window)
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as settled:
        window.map_view.when_settled(settled)
    live = window.map_view.grab_frame()
    w, h = live.width(), live.height()
    bare = SnapshotOptions(w, h, 1.0, caption=False, legend=False, scale_bar=False, attribution=False)
    path = tmp_path / "coup.png"
    assert window.export_snapshot(ExportRequest(bare, current_view=True), path)
    exported = QImage(str(path))
    assert (exported.width(), exported.height()) == (w, h)
    assert exported.text("chronomap.event") == "august-coup"
    # away from the map's controls, the pixels are the explorer's own
    centre = [(x, y) for x in range(w // 3, 2 * w // 3, 7) for y in range(h // 4, 3 * h // 4, 7)]
    differing = sum(exported.pixelColor(x, y).rgb() != live.pixelColor(x, y).rgb() for x, y in centre)
    assert differing <= len(centre) * 0.01, f"{differing} of {len(centre)} pixels differ"


@pytest.mark.expected_errors(r"export to .*missing-folder.* failed")
def test_export_to_pdf_and_a_failure_is_shown_not_raised(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from chronomap.desk.export_dialog import ExportRequest
    from chronomap.export.options import SnapshotOptions

    request = ExportRequest(SnapshotOptions(1000, 700, 1.0), current_view=False)
    assert window.export_snapshot(request, tmp_path / "moment.pdf")
    assert (tmp_path / "moment.pdf").read_bytes().startswith(b"%PDF")
    assert not window.export_snapshot(request, tmp_path / "missing-folder" / "x" / "moment.png")  # and returns at once
    box = window.findChild(QMessageBox, "snapshotFailed")
    assert box is not None and box.isVisible() and "not written" in box.text()
    box.close()


def test_copy_snapshot_puts_the_map_on_the_clipboard(qtbot, window):
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().clear()
    window.act_copy.trigger()
    image = QApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == (window.map_view.width(), window.map_view.height())


@pytest.mark.fake_map
def test_export_dialog_presets(qtbot, window):
    from chronomap.desk.export_dialog import ExportDialog

    dialog = ExportDialog((900, 600), window)
    qtbot.addWidget(dialog)
    dialog.preset.setCurrentIndex(dialog.preset.findData("a4"))
    request = dialog.request()
    # 300 dpi over CSS's 96: the page is laid out on the sheet's own CSS size, and printed at 300 dpi
    assert (request.options.width, request.options.height, request.options.scale) == (3508, 2480, 3.125)
    assert request.options.dpi == 300
    dialog.preset.setCurrentIndex(dialog.preset.findData("current"))
    assert dialog.request().current_view and dialog.request().options.width == 900
    dialog.caption.setChecked(False)
    assert dialog.request().options.caption is False


# -- authoring from the app -------------------------------------------------------------


@pytest.mark.fake_map
def test_open_accepts_a_timelinejs_file(qtbot, window, tmp_path):
    from chronomap.authoring import export_data
    from chronomap.resources import default_exhibit_path

    timeline_file = tmp_path / "perestroika.timeline.json"
    export_data(default_exhibit_path(), "timelinejs", timeline_file)
    with qtbot.waitSignal(window.exhibit_changed, timeout=STEP_TIMEOUT):
        assert window.open_exhibit(timeline_file) is True
    assert [e.id for e in window.exhibit.events] == [e.id for e in window.timeline.events]
    assert window.exhibit.has_event("december-events")


@pytest.mark.fake_map
def test_new_exhibit_from_article_opens_the_draft(qtbot, window, tmp_path):
    from chronomap.resources import default_exhibit_path

    with qtbot.waitSignal(window.exhibit_changed, timeout=60_000):
        assert window.new_exhibit_from_article(default_exhibit_path() / "article.txt", tmp_path / "draft") is True
    assert (tmp_path / "draft" / "story.json").exists()
    assert len(window.exhibit.events) >= 10
    assert "events" in window.draft_box.detailedText()
    window.draft_box.close()


@pytest.mark.fake_map
def test_a_binary_file_is_refused_with_its_name(qtbot, window, tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x00\xff\x00binary")
    assert window.open_exhibit(junk) is False
    assert "junk.json" in window.error_box.detailedText()
    window.error_box.close()


# -- assistive technology -----------------------------------------------------------------


@pytest.mark.fake_map
def test_the_map_state_is_described_for_screen_readers(qtbot, window):
    window.model.go_to_event("august-coup")
    views_shown(window.presenter)
    assert window.map_view.accessibleDescription() == \
        "19–21 August 1991. The August coup fails in Moscow. Highlighted: Moscow."
    window.model.go_to_event("december-events")
    views_shown(window.presenter)
    assert "Highlighted: Alma-Ata (Almaty)" in window.map_view.accessibleDescription()


@pytest.mark.fake_map
def test_every_interactive_widget_has_an_accessible_name(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QComboBox, QTextBrowser, QWidget

    unnamed = []
    for widget in window.findChildren(QWidget):
        interactive = isinstance(widget, (QAbstractButton, QComboBox, QAbstractSlider, QTextBrowser)) \
            or widget is window.slider or widget is window.map_view
        if not interactive or not widget.isVisible():
            continue
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not unnamed, unnamed


@pytest.mark.parametrize("event_id", ["independence", "strike-reaches-karaganda", "august-coup"])
def test_no_label_is_cut_by_the_edge_of_the_map(qtbot, window, event_id):
    """After the glide a label lies wholly inside the map, or is left out (never '…bas' for Donbas)."""
    window.model.go_to_event(event_id)
    wait_for_page_state(qtbot, window)
    with qtbot.waitCallback(timeout=STEP_TIMEOUT) as settled:
        window.map_view.when_settled(settled)
    snapshot = query_page(qtbot, window.map_view)
    import json

    view = json.loads(run_js(qtbot, window.map_view,
                             "JSON.stringify(document.querySelector('.leaflet-container').getBoundingClientRect())"))
    cut = []
    for pid, (left, top, right, bottom) in snapshot["labelRects"].items():
        visible = right > view["left"] and left < view["right"] and bottom > view["top"] and top < view["bottom"]
        whole = left >= view["left"] and right <= view["right"] and top >= view["top"] and bottom <= view["bottom"]
        if visible and not whole and pid not in snapshot["clippedLabels"]:
            cut.append(pid)
    assert not cut, (cut, snapshot["labelRects"], view)
    current = [pid for pid, status in snapshot["statuses"].items() if status == "current"]
    assert not set(current) & set(snapshot["clippedLabels"])  # what happens now is always named
