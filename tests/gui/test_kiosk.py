"""Kiosk mode, driven as visitors and staff would: through the window, by touch, mouse and keys.

Input goes to the kiosk's top-level window (as the platform delivers it), never
straight to a widget. Timer intervals come from the settings, made very short
here; nothing sleeps: every wait is on a signal, a callback or a condition.
"""

from __future__ import annotations

import io
import json
import os
import signal

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, delete_windows, query_page
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenuBar, QPushButton, QScrollArea, QWidget

from chronomap.kiosk.config import KioskConfig
from chronomap.kiosk.modes import Mode
from chronomap.kiosk.pin import PinGate, hash_pin, pin_state_file
from chronomap.kiosk.shell import KioskWindow
from chronomap.kiosk.stats import StatsRecorder, stats_main
from chronomap.map import bridge
from chronomap.qt.article_panel import ArticlePanel
from chronomap.qt.language import language_service
from chronomap.qt.map_view import MapView
from chronomap.qt.timeline_slider import TimelineSlider
from helpers.page import ask, run_js, run_js_later
from helpers.views import views_shown

pytestmark = pytest.mark.gui

LONG = 3600  # seconds: a timer that must not fire during a test
PIN = "2468"
CTRL_ALT_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def kiosk_config(**overrides) -> KioskConfig:
    """Settings for tests: long timers unless a test shortens them (model_copy skips the ≥ 5 s rules)."""
    base = dict(language="en", hide_cursor=False, idle_seconds=LONG, countdown_seconds=LONG, attract_min_seconds=LONG,
                attract_chars_per_second=1e6, hang_check_seconds=LONG, hang_timeout_seconds=LONG)
    return KioskConfig().model_copy(update={**base, **overrides})


@pytest.fixture
def make_kiosk(qtbot, exhibit):
    """Kiosk windows on the built-in exhibit (or another), shown and waited on until the map is ready;
    closed afterwards, and the application's language and look put back to English and standard."""
    kiosks: list[KioskWindow] = []

    def make(stats: StatsRecorder | None = None, start=None, story=None, state_dir=None, **overrides) -> KioskWindow:
        kiosk = KioskWindow(story or exhibit, kiosk_config(**overrides), start=start, stats=stats, state_dir=state_dir)
        kiosks.append(kiosk)
        with qtbot.waitSignal(kiosk.map_view.ready, timeout=LOAD_TIMEOUT):
            kiosk.show_on_screen()
        qtbot.waitExposed(kiosk)
        return kiosk

    yield make
    delete_windows(qtbot, kiosks, prepare=lambda kiosk: kiosk.allow_close())
    language_service().set_language("en")



@pytest.fixture
def kiosk(make_kiosk) -> KioskWindow:
    return make_kiosk()


# -- input as the platform delivers it: to the top-level window ------------------------------------


def at(kiosk: KioskWindow, widget: QWidget, point: QPoint | None = None) -> QPoint:
    return widget.mapTo(kiosk, point if point is not None else widget.rect().center())


def click(kiosk: KioskWindow, widget: QWidget, point: QPoint | None = None) -> None:
    QTest.mouseClick(kiosk.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(kiosk, widget, point))
    QCoreApplication.processEvents()


def touch(kiosk: KioskWindow, device, widget: QWidget, point: QPoint | None = None) -> None:
    pos = at(kiosk, widget, point)
    QTest.touchEvent(kiosk.windowHandle(), device).press(0, pos)
    QTest.touchEvent(kiosk.windowHandle(), device).release(0, pos)
    QCoreApplication.processEvents()


def key(kiosk: KioskWindow, k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(kiosk.windowHandle(), k, modifiers)
    QCoreApplication.processEvents()


def enter_pin(kiosk: KioskWindow, digits: str) -> None:
    for digit in digits:
        click(kiosk, kiosk.pin_pad.keys[digit])
    click(kiosk, kiosk.pin_pad.keys["ok"])


def record_modes(kiosk: KioskWindow) -> list[str]:
    modes: list[str] = []
    kiosk.mode_changed.connect(modes.append)
    return modes


def wait_for_page_state(qtbot, kiosk: KioskWindow) -> dict:
    expected = kiosk.map_view.last_state["seq"]
    qtbot.waitUntil(lambda: query_page(qtbot, kiosk.map_view)["seq"] == expected, timeout=STEP_TIMEOUT)
    return query_page(qtbot, kiosk.map_view)


# -- the window -----------------------------------------------------------------------------------


def test_opens_fullscreen_frameless_on_top_without_menus(qtbot, kiosk):
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert kiosk.screen() is QApplication.primaryScreen()
    assert kiosk.geometry() == QApplication.primaryScreen().geometry()
    assert not kiosk.findChildren(QMenuBar) and not kiosk.actions()
    snapshot = wait_for_page_state(qtbot, kiosk)
    assert snapshot["statuses"]["almaty"] == "current"
    assert kiosk.date_label.text() == "16 December 1986"
    assert kiosk.mode == "active"


@pytest.mark.fake_map
def test_a_missing_screen_falls_back_to_the_primary_one(make_kiosk):
    kiosk = make_kiosk(screen="HDMI-9")
    assert kiosk.screen() is QApplication.primaryScreen()
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen


def test_touch_targets_are_large_and_the_timeline_is_touch_sized(kiosk):
    buttons = [b for b in kiosk.findChildren(QPushButton) if b.isVisible()]
    assert {kiosk.prev_button, kiosk.play_button, kiosk.next_button} <= set(buttons)
    for button in buttons:
        assert button.height() >= 48, button.text()
        assert button.font().pixelSize() >= 20, button.text()
    assert kiosk.slider.height() >= 96 and kiosk.slider._touch
    kiosk.open_pin_pad("test")
    for button in kiosk.pin_pad.keys.values():
        assert button.height() >= 48 and button.width() >= 48
    assert kiosk.date_label.font().pixelSize() >= 32


@pytest.mark.fake_map
def test_the_cursor_is_hidden_when_configured_and_given_back(make_kiosk):
    kiosk = make_kiosk(hide_cursor=True)
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    kiosk.allow_close()
    kiosk.close()
    assert QApplication.overrideCursor() is None


# -- a visitor ---------------------------------------------------------------------------------------


def test_touch_moves_through_the_story(qtbot, kiosk, touch_screen):
    with qtbot.waitSignal(kiosk.next_button.clicked, timeout=STEP_TIMEOUT):
        touch(kiosk, touch_screen, kiosk.next_button)
    assert kiosk.model.moment.focus.id == "december-events"
    snapshot = wait_for_page_state(qtbot, kiosk)
    assert snapshot["statuses"]["almaty"] == "current"
    assert kiosk.card.card_title.text() == "The December Events (Jeltoqsan)"
    key(kiosk, Qt.Key.Key_Right)
    assert kiosk.model.moment.focus.id == "unrest-spreads"
    key(kiosk, Qt.Key.Key_Left)
    assert kiosk.model.moment.focus.id == "december-events"


def test_a_place_chip_shows_the_place(qtbot, kiosk):
    kiosk.model.go_to_event("august-coup")
    chip = next(c for c in kiosk.card.chips if c.isVisible() and c.property("place_id") == "moscow")
    click(kiosk, chip)
    assert kiosk.card.details.isVisible() and "Moscow" in kiosk.card.details.text()

    def arrived():
        lat, lon = query_page(qtbot, kiosk.map_view)["center"]
        assert 53 < lat < 58.5 and 34 < lon < 41

    qtbot.waitUntil(arrived, timeout=STEP_TIMEOUT)


@pytest.mark.fake_map
def test_play_holds_each_event_long_enough_to_read_it(qtbot, make_kiosk):
    kiosk = make_kiosk(attract_min_seconds=0.05, attract_chars_per_second=2000)
    holds: dict[str, int] = {}
    kiosk.player.held.connect(lambda ms: holds.__setitem__(kiosk.model.moment.focus.id, ms))
    click(kiosk, kiosk.play_button)
    assert kiosk.is_playing and kiosk.modes.machine.next_deadline() is None  # watching is not idling
    assert kiosk.play_button.isChecked() and kiosk.play_button.text() == "❚❚  Pause"
    qtbot.waitUntil(lambda: not kiosk.is_playing, timeout=LOAD_TIMEOUT)
    assert kiosk.model.moment.focus.id == kiosk.timeline.events[-1].id
    assert holds == {e.id: max(50, round(len(e.summary) / 2000 * 1000)) for e in kiosk.timeline.events}
    assert kiosk.modes.timer.isActive() and kiosk.modes.machine.next_deadline() is not None  # idle time again


# -- idle, "Still there?", attract -------------------------------------------------------------------


def test_idle_asks_still_there_then_the_story_plays_by_itself(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(idle_seconds=0.3, countdown_seconds=0.6, attract_min_seconds=0.3)
    touch(kiosk, touch_screen, kiosk.next_button)  # a visitor, then nobody
    assert kiosk.model.moment.focus.id == "december-events"
    seen = []
    kiosk.mode_changed.connect(lambda mode: seen.append((mode, kiosk.still_there.isVisible(), kiosk.banner.isVisible(),
                                                         kiosk.model.moment.focus.id, kiosk.still_there.count.text())))
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=LOAD_TIMEOUT)
    (mode1, overlay1, banner1, focus1, count1), (mode2, overlay2, banner2, focus2, _) = seen[:2]
    assert (mode1, overlay1, banner1, focus1) == ("countdown", True, False, "december-events")
    assert "starts again in" in count1
    assert kiosk.still_there.title.text() == "Still there?"
    assert (mode2, overlay2, banner2) == ("attract", False, True)
    assert focus2 == kiosk.timeline.events[0].id  # everything went back to the start
    # and it plays on by itself, round and round
    with qtbot.waitSignal(kiosk.attract_cycle_finished, timeout=LOAD_TIMEOUT):
        pass
    assert kiosk.mode == "attract"
    kiosk.modes.timer.stop()  # hold still to look: the page shows the start again
    qtbot.waitUntil(lambda: kiosk.map_view.is_ready, timeout=LOAD_TIMEOUT)
    assert wait_for_page_state(qtbot, kiosk)["statuses"]["almaty"] == "current"


@pytest.mark.fake_map
def test_nobody_there_means_no_question_the_loop_just_starts(qtbot, make_kiosk):
    kiosk = make_kiosk(idle_seconds=0.2)
    modes = record_modes(kiosk)
    qtbot.waitUntil(lambda: modes == ["attract"], timeout=LOAD_TIMEOUT)


@pytest.mark.parametrize("how", ["touch", "mouse", "key"])
@pytest.mark.fake_map
def test_the_first_input_in_the_loop_only_hands_control_back(qtbot, kiosk, touch_screen, how):
    kiosk.start_attract()
    assert kiosk.mode == "attract"
    start = kiosk.model.moment

    def act():
        if how == "touch":
            touch(kiosk, touch_screen, kiosk.next_button)
        elif how == "mouse":
            click(kiosk, kiosk.next_button)
        else:
            key(kiosk, Qt.Key.Key_Right)

    with qtbot.assertNotEmitted(kiosk.next_button.clicked), qtbot.waitSignal(kiosk.guard.swallowed, timeout=STEP_TIMEOUT):
        act()
    assert kiosk.mode == "active"
    assert kiosk.model.moment == start  # the widget under the finger got nothing
    assert not kiosk.banner.isVisible() and kiosk.modes.mode is Mode.ACTIVE  # the loop steps only in ATTRACT
    act()  # now the same input acts
    assert kiosk.model.moment.focus.id == "december-events"


@pytest.mark.fake_map
def test_a_lost_release_never_leaves_the_kiosk_deaf(qtbot, kiosk, touch_screen):
    """Issue 14.2: the key that wakes the loop is never released (a window manager took the release);
    the next tap must act, not be swallowed while waiting for that release."""
    kiosk.start_attract()
    with qtbot.waitSignal(kiosk.guard.swallowed, timeout=STEP_TIMEOUT):
        QTest.keyPress(kiosk.windowHandle(), Qt.Key.Key_1)  # ... and no keyRelease
    QCoreApplication.processEvents()
    assert kiosk.mode == "active"
    with qtbot.waitSignal(kiosk.next_button.clicked, timeout=STEP_TIMEOUT):
        touch(kiosk, touch_screen, kiosk.next_button)
    assert kiosk.model.moment.focus.id == "december-events"


@pytest.mark.fake_map
def test_a_touch_during_still_there_keeps_the_visitors_place(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(idle_seconds=0.3)
    kiosk.model.go_to_event("august-coup")
    views_shown(kiosk.presenter)  # its passage under the finger
    touch(kiosk, touch_screen, kiosk.article)  # a visitor reading
    with qtbot.waitSignal(kiosk.mode_changed, timeout=LOAD_TIMEOUT, check_params_cb=lambda m: m == "countdown"):
        pass
    assert kiosk.still_there.isVisible()
    with qtbot.assertNotEmitted(kiosk.next_button.clicked):
        touch(kiosk, touch_screen, kiosk.next_button)  # under the overlay: it only dismisses it
    assert kiosk.mode == "active"
    assert not kiosk.still_there.isVisible()
    assert kiosk.model.moment.focus.id == "august-coup"
    # the idle time (0.3 s) runs again, not the countdown (LONG)
    assert kiosk.modes.timer.isActive()
    assert kiosk.modes.machine.next_deadline() == pytest.approx(kiosk.modes.clock.now() + 0.3, abs=0.25)


def test_a_reset_returns_everything_to_the_start(qtbot, make_kiosk):
    kiosk = make_kiosk(start=("event", "december-events"))
    kiosk.model.go_to_event("august-coup")
    kiosk.show_place("moscow")
    bar = kiosk.article.verticalScrollBar()
    bar.setValue(bar.maximum())
    run_js_later(kiosk.map_view, "var k = Object.keys(window).filter(function (n) { return n.indexOf('map_') === 0; })[0];"
                                 " window[k].panBy([400, 300], {animate: false}); 0")
    kiosk.start_attract()
    views_shown(kiosk.presenter)
    focus = kiosk.model.moment.focus
    assert focus.id == "december-events"
    assert not kiosk.card.details.isVisible() and not kiosk.pin_pad.isVisible()
    assert set(focus.sentence_ids) <= set(kiosk.article.highlighted_sentences())
    assert bar.value() < bar.maximum()
    (south, west), (north, east) = kiosk.builder.focus_bounds(kiosk.model.moment.state)

    def framed():
        center = query_page(qtbot, kiosk.map_view)["center"]
        assert center is not None  # (the renewed page may not have its map yet)
        lat, lon = center
        assert south < lat < north and west < lon < east

    qtbot.waitUntil(framed, timeout=STEP_TIMEOUT)


def test_a_reset_starts_the_map_page_afresh_in_a_new_render_process(qtbot, make_kiosk):
    kiosk = make_kiosk(renew_page_every=1)
    pid = kiosk.map_view.render_process_pid()
    kiosk.model.go_to_event("august-coup")
    with qtbot.waitSignals([kiosk.map_view.ready, kiosk.map_view.recovered], timeout=LOAD_TIMEOUT, order="strict"):
        kiosk.start_attract()
    assert kiosk.map_view.render_process_pid() not in (0, pid)
    snapshot = wait_for_page_state(qtbot, kiosk)
    assert kiosk.model.moment.focus.id == kiosk.timeline.events[0].id
    for place, shown in kiosk.map_view.last_state["places"].items():
        assert snapshot["statuses"][place] == shown["status"]
    assert ask(qtbot, kiosk.map_view, bridge.locked()) is True


def test_renewing_the_page_can_be_switched_off(qtbot, make_kiosk):
    kiosk = make_kiosk(renew_page_every=0)
    pid = kiosk.map_view.render_process_pid()
    kiosk.model.go_to_event("august-coup")
    with qtbot.assertNotEmitted(kiosk.map_view.web_page.loadStarted):
        kiosk.start_attract()
        wait_for_page_state(qtbot, kiosk)
    assert kiosk.map_view.render_process_pid() == pid


# -- it stays up and fullscreen -------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "modifiers"), [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
])
@pytest.mark.fake_map
def test_shortcuts_do_nothing(qtbot, kiosk, k, modifiers):
    start = kiosk.model.moment
    with qtbot.waitSignal(kiosk.guard.refused, timeout=STEP_TIMEOUT):
        key(kiosk, k, modifiers)
    assert kiosk.isVisible()
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen
    assert kiosk.model.moment == start


@pytest.mark.fake_map
def test_the_window_cannot_be_closed_minimised_or_leave_full_screen(qtbot, kiosk):
    assert kiosk.close() is False
    assert kiosk.isVisible()
    kiosk.showMinimized()
    qtbot.waitUntil(lambda: kiosk.windowState() == Qt.WindowState.WindowFullScreen, timeout=STEP_TIMEOUT)
    kiosk.showNormal()
    qtbot.waitUntil(lambda: kiosk.windowState() == Qt.WindowState.WindowFullScreen, timeout=STEP_TIMEOUT)
    assert kiosk.isVisible()


# -- staff ------------------------------------------------------------------------------------------------


@pytest.mark.fake_map
def test_the_chord_and_the_right_pin_let_staff_out(qtbot, make_kiosk):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN))
    key(kiosk, Qt.Key.Key_K, CTRL_ALT_SHIFT)
    assert kiosk.pin_pad.isVisible()
    with qtbot.waitSignal(kiosk.staff_exit, timeout=STEP_TIMEOUT):
        enter_pin(kiosk, PIN)
    assert not kiosk.isVisible()


@pytest.mark.fake_map
def test_a_wrong_pin_does_not_and_three_lock_the_pad(qtbot, make_kiosk):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN), pin_attempts=3, pin_lockout_seconds=LONG)
    key(kiosk, Qt.Key.Key_K, CTRL_ALT_SHIFT)
    with qtbot.assertNotEmitted(kiosk.staff_exit):
        enter_pin(kiosk, "1111")
        assert kiosk.pin_pad.message.text() == "Wrong PIN. 2 more tries before the pad locks."
        enter_pin(kiosk, "2222")
        assert kiosk.pin_pad.message.text() == "Wrong PIN. 1 more try before the pad locks."
        enter_pin(kiosk, "3333")
        assert kiosk.pin_pad.message.text().startswith("Too many wrong PINs. Try again in")
        assert not any(b.isEnabled() for b in kiosk.pin_pad.keys.values())
        enter_pin(kiosk, PIN)  # the keys are dead while locked
        assert kiosk.pin_pad.entered == ""
        assert not kiosk.gate.check(PIN)
    assert kiosk.isVisible() and kiosk.windowState() & Qt.WindowState.WindowFullScreen
    click(kiosk, kiosk.pin_pad.cancel_button)
    assert not kiosk.pin_pad.isVisible()


@pytest.mark.fake_map
def test_the_lockout_ends(qtbot, make_kiosk):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN), pin_attempts=1, pin_lockout_seconds=0.3)
    kiosk.open_pin_pad("test")
    enter_pin(kiosk, "1111")
    assert not kiosk.pin_pad.keys["1"].isEnabled()
    qtbot.waitUntil(lambda: kiosk.pin_pad.keys["1"].isEnabled(), timeout=STEP_TIMEOUT)
    with qtbot.waitSignal(kiosk.staff_exit, timeout=STEP_TIMEOUT):
        enter_pin(kiosk, PIN)


@pytest.mark.fake_map
def test_five_taps_in_the_corner_open_the_pin_pad(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN), staff_corner="top-left")
    corner = kiosk.guard.corner_rect().center()
    for _ in range(4):
        touch(kiosk, touch_screen, kiosk, corner)
    touch(kiosk, touch_screen, kiosk.article)  # a tap elsewhere starts the count again
    for _ in range(4):
        touch(kiosk, touch_screen, kiosk, corner)
    assert not kiosk.pin_pad.isVisible()
    with qtbot.waitSignal(kiosk.guard.staff_requested, timeout=STEP_TIMEOUT):
        touch(kiosk, touch_screen, kiosk, corner)
    assert kiosk.pin_pad.isVisible()


def test_five_taps_on_the_maps_zoom_in_do_not_open_the_pin_pad(qtbot, make_kiosk, touch_screen):
    """Issue 14.3: the staff corner sat on the map's "+" button."""
    kiosk = make_kiosk(pin_hash=hash_pin(PIN))  # the default corner, top-left
    x, y = json.loads(run_js(qtbot, kiosk.map_view,
                             "var r = document.querySelector('.leaflet-control-zoom-in').getBoundingClientRect();"
                             " JSON.stringify([r.left + r.width / 2, r.top + r.height / 2])"))
    plus = QPoint(round(x), round(y))
    before = query_page(qtbot, kiosk.map_view)["zoom"]
    with qtbot.assertNotEmitted(kiosk.guard.staff_requested):
        for _ in range(5):
            touch(kiosk, touch_screen, kiosk.map_view, plus)
        qtbot.waitUntil(lambda: query_page(qtbot, kiosk.map_view)["zoom"] > before, timeout=STEP_TIMEOUT)
    assert not kiosk.pin_pad.isVisible()
    assert not kiosk.guard.corner_rect().intersects(kiosk.map_view.geometry())


@pytest.mark.parametrize("corner", ["top-left", "top-right", "bottom-left", "bottom-right"])
def test_the_staff_corner_is_clear_of_every_control(qtbot, make_kiosk, corner, touch_screen):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN), staff_corner=corner, start=("event", "strike-reaches-karaganda"))
    zone = kiosk.guard.corner_rect()
    assert zone.width() >= 48 and zone.height() >= 48 and kiosk.rect().contains(zone)
    controls = [w for w in kiosk.findChildren(QWidget)
                if w.isVisible() and isinstance(w, (QAbstractButton, TimelineSlider, ArticlePanel, MapView, QScrollArea))]
    assert {kiosk.slider, kiosk.map_view, kiosk.article, *kiosk.language_bar.buttons.values()} <= set(controls)
    for control in controls:
        where = QRect(control.mapTo(kiosk, QPoint(0, 0)), control.size())
        assert not where.intersects(zone), (corner, control.objectName() or type(control).__name__, where, zone)
    with qtbot.waitSignal(kiosk.guard.staff_requested, timeout=STEP_TIMEOUT):
        for _ in range(5):
            touch(kiosk, touch_screen, kiosk, zone.center())
    assert kiosk.pin_pad.isVisible()


@pytest.mark.fake_map
def test_pin_lockouts_are_kept_in_the_state_folder(qtbot, make_kiosk, tmp_path):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN), pin_attempts=1, pin_lockout_seconds=LONG, state_dir=tmp_path)
    assert kiosk.gate.state_file == pin_state_file(tmp_path)
    kiosk.open_pin_pad("test")
    enter_pin(kiosk, "1111")
    assert kiosk.mode == "pin-locked"
    again = PinGate(kiosk.config.pin_hash, 1, LONG, state_file=pin_state_file(tmp_path))  # as after a restart
    assert again.seconds_locked() > LONG - 60


@pytest.mark.fake_map
def test_without_a_pin_hash_there_is_no_staff_exit(qtbot, kiosk):
    key(kiosk, Qt.Key.Key_K, CTRL_ALT_SHIFT)
    assert kiosk.pin_pad.isVisible()
    assert kiosk.pin_pad.message.text() == "Staff exit is not set up on this kiosk."
    assert not any(b.isEnabled() for b in kiosk.pin_pad.keys.values())


@pytest.mark.fake_map
def test_idle_closes_the_pin_pad(qtbot, make_kiosk):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN), idle_seconds=0.3)
    key(kiosk, Qt.Key.Key_K, CTRL_ALT_SHIFT)
    assert kiosk.pin_pad.isVisible() and kiosk.mode == "pin"
    qtbot.waitUntil(lambda: kiosk.mode not in ("active", "pin"), timeout=LOAD_TIMEOUT)
    assert not kiosk.pin_pad.isVisible()


# -- never stays dead ------------------------------------------------------------------------------------


@pytest.mark.expected_errors(r"map render process terminated")
def test_a_crashed_render_process_comes_back_with_the_state_and_the_lock(qtbot, kiosk):
    kiosk.model.go_to_event("karaganda-moratorium")
    before = wait_for_page_state(qtbot, kiosk)
    pid = kiosk.map_view.render_process_pid()
    assert pid > 0 and pid != os.getpid()
    with qtbot.waitSignals([kiosk.map_view.ready, kiosk.map_view.recovered], timeout=LOAD_TIMEOUT, order="strict"):
        os.kill(pid, signal.SIGKILL)  # the render process this test's kiosk started
    assert kiosk.map_view.render_process_pid() != pid
    after = query_page(qtbot, kiosk.map_view)
    assert after["seq"] == before["seq"] and after["statuses"] == before["statuses"]
    assert ask(qtbot, kiosk.map_view, bridge.locked()) is True
    assert kiosk.map_view.web_view.zoomFactor() == 1.0


@pytest.mark.expected_errors(r"map render process terminated")
def test_crashes_in_a_row_back_off_and_a_stable_page_starts_the_count_again(qtbot, kiosk):
    view = kiosk.map_view
    view.set_recovery_delays((50, 400), stable_ms=600_000)
    assert view.next_recovery_delay_ms() == 50
    for expected_streak, next_delay in ((1, 400), (2, 400)):
        with qtbot.waitSignal(view.recovered, timeout=LOAD_TIMEOUT):
            os.kill(view.render_process_pid(), signal.SIGKILL)
        assert view.crash_streak == expected_streak
        assert view.next_recovery_delay_ms() == next_delay
    view.set_recovery_delays((50, 400), stable_ms=100)
    with qtbot.waitSignal(view.recovered, timeout=LOAD_TIMEOUT):
        os.kill(view.render_process_pid(), signal.SIGKILL)
    qtbot.waitUntil(lambda: view.crash_streak == 0, timeout=STEP_TIMEOUT)
    assert view.next_recovery_delay_ms() == 50


@pytest.mark.expected_errors(r"map render process terminated", r"the map page did not answer within", r"restarting the map page")
def test_a_hung_page_is_restarted(qtbot, make_kiosk):
    kiosk = make_kiosk(hang_check_seconds=0.2, hang_timeout_seconds=1.5)
    qtbot.waitUntil(lambda: kiosk.page.watch.pings_answered >= 2, timeout=STEP_TIMEOUT)
    seq = kiosk.map_view.last_state["seq"]
    with qtbot.waitSignals([kiosk.page_restarted, kiosk.map_view.recovered], timeout=LOAD_TIMEOUT, order="none"):
        run_js_later(kiosk.map_view, "setTimeout(function () { for (;;) {} }, 0); 0")
    assert kiosk.page_restarts == 1
    assert query_page(qtbot, kiosk.map_view)["seq"] == seq


# -- statistics -----------------------------------------------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.mark.fake_map
def test_visitor_statistics_are_recorded_and_summarised(qtbot, make_kiosk, touch_screen, tmp_path):
    clock = Clock()
    path = tmp_path / "visitor-stats.jsonl"
    kiosk = make_kiosk(stats=StatsRecorder(path, clock=clock))
    touch(kiosk, touch_screen, kiosk.next_button)  # the first event, then at once the second
    clock.now += 20
    touch(kiosk, touch_screen, kiosk.next_button)
    clock.now += 5
    kiosk.start_attract()  # the third event was seen for 5 s
    clock.now += 100
    touch(kiosk, touch_screen, kiosk.article)  # interrupts the loop
    clock.now += 7
    kiosk.allow_close()
    kiosk.close()  # the first event, shown when the loop was interrupted, seen for 7 s
    out = io.StringIO()
    assert stats_main(path, out) == 0
    rows = out.getvalue().splitlines()
    assert rows[0] == "event_id,title,views,total_seconds,mean_seconds"
    assert rows[1:4] == [
        "december-events,The December Events (Jeltoqsan),1,20.0,20.0",
        "kunaev-dismissed,\"Kunaev dismissed, Kolbin installed\",1,7.0,7.0",
        "unrest-spreads,The unrest spreads across Kazakhstan,1,5.0,5.0",
    ]
    assert "attract_interruptions,1" in rows and "attract_loops_started,1" in rows


def _passage_in_view(article, sentence_id: str) -> bool:
    from PySide6.QtGui import QTextCursor

    start, end = article.sentence_range(sentence_id)
    cursor = QTextCursor(article.document())
    cursor.setPosition(start)
    top = article.cursorRect(cursor).top()
    cursor.setPosition(end)
    bottom = article.cursorRect(cursor).bottom()
    height = article.viewport().height()
    return top >= 0 and (bottom <= height or (bottom - top > height and top <= 2))


@pytest.mark.fake_map
def test_the_kiosk_article_shows_the_passage_told_at_start_and_after_next(qtbot, make_kiosk, timeline):
    """Issue 14.12 in the kiosk: at 1280x800 the article did not scroll to the highlighted passage."""
    late = timeline.moment_for_event("independence")
    kiosk = make_kiosk(start=late)
    qtbot.waitUntil(lambda: _passage_in_view(kiosk.article, late.focus.sentence_ids[0]), timeout=STEP_TIMEOUT)
    assert kiosk.article.verticalScrollBar().value() > 0
    kiosk.model.previous_event()
    focus = kiosk.model.moment.focus
    qtbot.waitUntil(lambda: _passage_in_view(kiosk.article, focus.sentence_ids[0]), timeout=STEP_TIMEOUT)
