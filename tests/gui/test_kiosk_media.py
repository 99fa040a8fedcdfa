"""The kiosk's pictures and recordings, as a visitor meets them: by pixels, by touch, by sound state.

The map is a :class:`helpers.fake_map.FakeMapView` (these tests are about the side panel and the
viewer, not the page). Input goes to the kiosk's top-level window as the platform delivers it
(QTest touch sequences, mouse drags, keys). Audio plays through Qt Multimedia offscreen (its FFmpeg
backend needs no sound device: the player's clock runs without one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from page_helpers import STEP_TIMEOUT, delete_windows
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from test_kiosk import at, kiosk_config

from chronomap.kiosk.shell import KioskWindow
from chronomap.qt.language import language_service
from chronomap.qt.media_credit import credit_line
from chronomap.story.loader import load_exhibit
from helpers.fake_map import FakeMapView
from helpers.views import views_shown

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
AUDIO_TIMEOUT = 10_000


@pytest.fixture(scope="module")
def media_exhibit():
    return load_exhibit(SAMPLE)


@pytest.fixture
def make_kiosk(qtbot, monkeypatch, media_exhibit):
    """Kiosks on the media exhibit with a fake map, at a window size of our choosing (not full screen)."""
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    kiosks: list[KioskWindow] = []

    def make(size: tuple[int, int] = (1920, 1080), **overrides) -> KioskWindow:
        kiosk = KioskWindow(media_exhibit, kiosk_config(**overrides))
        kiosks.append(kiosk)
        with qtbot.waitSignal(kiosk.map_view.ready, timeout=STEP_TIMEOUT):
            kiosk.show_on_screen()
        qtbot.waitExposed(kiosk)
        kiosk.keeper.release()  # (it would put the window back on the 800×600 test screen)
        kiosk.showNormal()
        kiosk.resize(*size)
        QCoreApplication.processEvents()
        assert kiosk.size().toTuple() == size
        return kiosk

    yield make
    for kiosk in kiosks:
        kiosk.media.reset()
    delete_windows(qtbot, kiosks, prepare=lambda kiosk: kiosk.allow_close())
    language_service().set_language("en")


@pytest.fixture
def kiosk(make_kiosk) -> KioskWindow:
    return make_kiosk()




def tap(kiosk: KioskWindow, device, widget: QWidget) -> None:
    pos = at(kiosk, widget)
    QTest.touchEvent(kiosk.windowHandle(), device).press(0, pos)
    QTest.touchEvent(kiosk.windowHandle(), device).release(0, pos)
    QCoreApplication.processEvents()


def swipe(kiosk: KioskWindow, device, widget: QWidget, dx: int) -> None:
    """A finger drawn sideways across *widget* by *dx* px, in steps, as a touch screen reports it."""
    start = at(kiosk, widget)
    handle = kiosk.windowHandle()
    QTest.touchEvent(handle, device).press(0, start)
    for i in range(1, 6):
        QTest.touchEvent(handle, device).move(0, start + QPoint(dx * i // 5, 0))
    QTest.touchEvent(handle, device).release(0, start + QPoint(dx, 0))
    QCoreApplication.processEvents()


def drag(kiosk: KioskWindow, widget: QWidget, dx: int) -> None:
    start = at(kiosk, widget)
    handle = kiosk.windowHandle()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(dx // 2, 0))
    QTest.mouseMove(handle, start + QPoint(dx, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(dx, 0))
    QCoreApplication.processEvents()


def key(kiosk: KioskWindow, k: Qt.Key) -> None:
    QTest.keyClick(kiosk.windowHandle(), k)
    QCoreApplication.processEvents()


def near(a: QColor, b: QColor, tolerance: int = 14) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance


def shows_the_picture(picture, path: Path) -> bool:
    """The widget's pixels are the picture file's, scaled into the picture's box (probed on a grid)."""
    box = picture.picture_rect()
    shot = picture.grab().toImage()
    source = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32).scaled(
        box.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    for fx in (0.2, 0.35, 0.5, 0.65, 0.8):
        for fy in (0.2, 0.5, 0.8):
            x, y = round(box.width() * fx), round(box.height() * fy)
            if not near(shot.pixelColor(box.x() + x, box.y() + y), source.pixelColor(x, y)):
                return False
    return True


def whole_on_screen(kiosk: KioskWindow, label: QLabel) -> bool:
    """Shown, tall enough for its words, not clipped, inside the window."""
    if not label.isVisible() or label.height() < label.heightForWidth(label.width()):
        return False
    if label.visibleRegion().boundingRect() != label.rect():
        return False
    return kiosk.rect().contains(QRect(label.mapTo(kiosk, QPoint(0, 0)), label.size()))


def go(kiosk: KioskWindow, event_id: str) -> None:
    kiosk.model.go_to_event(event_id)
    views_shown(kiosk.presenter)  # the card follows the page's answer


# -- the picture in the side panel --------------------------------------------------------------------


def test_the_events_first_picture_is_shown_large_scaled_from_its_file(qtbot, kiosk, media_exhibit):
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    qtbot.waitUntil(lambda: strip.picture.loaded, timeout=STEP_TIMEOUT)
    assert strip.images[0].file == "media/map-panel.png"
    assert strip.picture.picture_rect().width() >= 400  # as wide as the panel allows, for a reader a step away
    assert shows_the_picture(strip.picture, SAMPLE / "media" / "map-panel.png")
    assert strip.caption.text() == "The line from Town A to Town B (made-up map panel)"
    assert strip.credit.text() == "Credit: Chronomap project · CC0-1.0"
    assert strip.count.text() == "1 / 2"


def test_an_event_without_media_shows_no_strip(kiosk):
    go(kiosk, "karaganda-follows")
    assert not kiosk.card.media.isVisible() and kiosk.card.media.height() == 0


@pytest.mark.parametrize(("size", "lang", "large"), [
    ((1920, 1080), "en", False), ((1920, 1080), "kk", True), ((1280, 1024), "ru", False), ((1280, 1024), "en", True),
    ((1280, 720), "kk", False), ((1280, 720), "ru", True), ((1280, 720), "en", True),
])
def test_the_credit_is_always_on_screen(qtbot, make_kiosk, size, lang, large):
    kiosk = make_kiosk(size, language=lang, large_type=large)
    strip = kiosk.card.media
    for event_id, index in (("work-begins", 0), ("work-begins", 1), ("line-finished", 0)):
        go(kiosk, event_id)
        strip.show_image(index)
        QCoreApplication.processEvents()
        item = strip.images[index]
        assert strip.credit.text() == credit_line(item, lang)
        assert whole_on_screen(kiosk, strip.credit), (event_id, index, strip.credit.geometry())
        assert whole_on_screen(kiosk, strip.caption)
        assert strip.picture.height() >= 120 and strip.picture.visibleRegion().boundingRect() == strip.picture.rect()
        for audio in strip.audio:
            assert whole_on_screen(kiosk, audio.credit)
            assert audio.credit.text().endswith(credit_line(audio.item, lang))
            assert audio.button.visibleRegion().boundingRect() == audio.button.rect()
        # the band under the map, inside its column; the map keeps a usable height (on Xvfb at 1280×720
        # with large type it once kept 150 px, and its legend covered its zoom-out button)
        column, band, map_box = kiosk.map_column.rect(), strip.geometry(), kiosk.map_view.geometry()
        assert map_box.bottom() < band.top() and band.bottom() <= column.bottom(), (map_box, band, column)
        assert map_box.height() >= 0.4 * column.height()


def test_a_swipe_shows_the_next_picture_by_touch_and_by_mouse(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    swipe(kiosk, touch_screen, strip.picture, -200)
    assert strip.index == 1 and strip.credit.text() == credit_line(strip.images[1], "en")
    assert strip.count.text() == "2 / 2"
    qtbot.waitUntil(lambda: strip.picture.loaded, timeout=STEP_TIMEOUT)
    assert shows_the_picture(strip.picture, SAMPLE / "media" / "document.jpg")
    drag(kiosk, strip.picture, 200)  # back, with a mouse
    assert strip.index == 0
    assert not kiosk.viewer.isVisible()  # a swipe is not a tap


# -- enlarged -------------------------------------------------------------------------------------------


def test_a_tap_enlarges_inside_the_kiosk_window_and_esc_a_tap_or_close_closes(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    windows = set(QApplication.topLevelWidgets())
    viewer = kiosk.viewer
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    assert viewer.isVisible() and viewer.geometry() == kiosk.rect() and viewer.parentWidget() is kiosk
    assert set(QApplication.topLevelWidgets()) == windows  # no window of its own to escape into
    qtbot.waitUntil(lambda: viewer.picture.loaded, timeout=STEP_TIMEOUT)
    assert viewer.picture.picture_rect().height() > kiosk.height() * 0.55
    assert shows_the_picture(viewer.picture, SAMPLE / "media" / "map-panel.png")
    assert whole_on_screen(kiosk, viewer.credit) and viewer.credit.text() == "Credit: Chronomap project · CC0-1.0"
    key(kiosk, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    tap(kiosk, touch_screen, viewer.picture)
    assert not viewer.isVisible()
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    tap(kiosk, touch_screen, viewer.close_button)
    assert not viewer.isVisible()
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    tap(kiosk, touch_screen, viewer.credit)  # the backdrop (the words are on it): a tap anywhere closes
    assert not viewer.isVisible()
    assert kiosk.isVisible() and kiosk.mode == "active"


def test_a_place_with_media_shows_its_own_and_the_events_come_back(qtbot, kiosk, touch_screen):
    go(kiosk, "karaganda-follows")
    assert not kiosk.card.media.isVisible()
    kiosk.show_place("almaty")
    QCoreApplication.processEvents()
    strip = kiosk.card.media
    assert strip.isVisible() and [m.file for m in strip.images] == ["media/engine.webp"]
    assert strip.caption.text() == "A locomotive (made-up drawing)" and whole_on_screen(kiosk, strip.credit)
    kiosk.reset_to_start()
    QCoreApplication.processEvents()
    assert [m.file for m in strip.images] == ["media/map-panel.png", "media/document.jpg"]  # the first event's


@pytest.mark.parametrize(("moves", "expected"), [
    ([(0, 0)], "tap"), ([(10, 8)], "tap"), ([(-120, 10)], "next"), ([(150, -20)], "previous"),
    ([(0, 120)], None),  # up or down: neither a tap nor a swipe
    ([(-200, 0), (0, 0)], None),  # went far and came back: not a tap
])
def test_what_a_finger_did(moves, expected):
    from PySide6.QtCore import QPointF

    from chronomap.kiosk.swipe import Gesture

    gesture = Gesture()
    gesture.press(QPointF(300, 300))
    for dx, dy in moves:
        gesture.move(QPointF(300 + dx, 300 + dy))
    dx, dy = moves[-1]
    assert gesture.release(QPointF(300 + dx, 300 + dy)) == expected


def test_esc_still_does_nothing_when_no_picture_is_enlarged(qtbot, kiosk):
    with qtbot.waitSignal(kiosk.guard.refused, timeout=STEP_TIMEOUT):
        key(kiosk, Qt.Key.Key_Escape)


def test_the_viewer_swipes_and_steps_through_the_events_pictures(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    viewer = kiosk.viewer
    moment = kiosk.model.moment
    swipe(kiosk, touch_screen, viewer.picture, -300)
    assert viewer.index == 1 and viewer.credit.text() == credit_line(viewer.images[1], "en")
    key(kiosk, Qt.Key.Key_Right)  # the arrows go through the pictures, not the events, while one is enlarged
    assert viewer.index == 0 and kiosk.model.moment == moment
    tap(kiosk, touch_screen, viewer.previous_button)
    assert viewer.index == 1 and viewer.isVisible()
    assert viewer.count.text() == "2 / 2"


def test_idle_time_runs_while_a_picture_is_enlarged_and_the_reset_closes_it(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    assert kiosk.viewer.isVisible()
    modes = kiosk.modes.machine
    modes.idle_seconds, modes.countdown_seconds = 0.05, 1.0  # (long enough to be seen, even on a busy machine)
    modes.activity()
    qtbot.waitUntil(lambda: kiosk.still_there.isVisible(), timeout=STEP_TIMEOUT)
    assert kiosk.still_there.geometry() == kiosk.rect()
    under = kiosk.childAt(kiosk.rect().center())
    assert under is kiosk.still_there or kiosk.still_there.isAncestorOf(under)  # above the picture
    qtbot.waitUntil(lambda: kiosk.mode == "attract", timeout=STEP_TIMEOUT)
    assert not kiosk.viewer.isVisible()


def test_the_viewer_follows_the_language(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    tap(kiosk, touch_screen, kiosk.card.media.picture)
    kiosk.model.set_language("ru")
    QCoreApplication.processEvents()
    viewer = kiosk.viewer
    assert viewer.caption.text() == "Линия от города А до города Б (вымышленная карта)"
    assert viewer.credit.text() == "Источник: Проект Chronomap · CC0-1.0"
    assert viewer.close_button.accessibleName() == "Закрыть изображение"


# -- names for screen readers ---------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "picture_hint", "listen"), [
    ("en", "A picture. Touch it to see it larger. Swipe sideways for the next picture.", "Play the recording"),
    ("ru", "Изображение. Коснитесь, чтобы увеличить. Проведите в сторону, чтобы увидеть следующее.",
     "Воспроизвести запись"),
    ("kk", "Сурет. Үлкейту үшін түртіңіз. Келесі суретті көру үшін бүйірге сырғытыңыз.", "Жазбаны ойнату"),
])
def test_everything_is_named_in_the_interface_language(make_kiosk, lang, picture_hint, listen):
    kiosk = make_kiosk(language=lang)
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    item = strip.images[0]
    assert strip.picture.accessibleName() == item.alt_in(lang)
    assert strip.picture.accessibleDescription() == picture_hint
    [audio] = strip.audio
    assert audio.button.accessibleName() == listen
    assert strip.captions.text.accessibleName() and audio.credit.accessibleName() == audio.credit.text()
    for widget in (strip, *strip.controls(), kiosk.viewer, *kiosk.viewer.controls()):
        assert widget.accessibleName(), widget


def test_tab_reaches_the_picture_and_the_listen_button_and_enter_enlarges(qtbot, kiosk):
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    reached = [kiosk.move_focus() for _ in range(len(kiosk.focus.chain()))]
    assert strip.picture in reached and strip.audio[0].button in reached
    while QApplication.focusWidget() is not strip.picture:
        kiosk.move_focus()
    key(kiosk, Qt.Key.Key_Return)
    assert kiosk.viewer.isVisible()
    assert kiosk.focus.chain() == kiosk.viewer.controls()


# -- sound -----------------------------------------------------------------------------------------------


def needs_sound(audio) -> None:
    if audio.player is None:
        pytest.skip(f"Qt Multimedia is not available here: {audio.unavailable}")


def test_a_recording_plays_only_when_pressed_with_its_transcript_as_captions(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    [audio] = strip.audio
    needs_sound(audio)
    assert not audio.playing and audio.stopped  # nothing plays by itself
    assert not strip.captions.isVisible()
    assert whole_on_screen(kiosk, audio.credit)
    assert audio.credit.text() == "Two notes (synthesised) · Credit: Chronomap project · CC0-1.0"
    assert audio.button.height() >= 76 and audio.button.text() == "▶  Listen"
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    assert audio.playing and audio.button.accessibleName() == "Pause the recording"
    assert audio.button.text() == "❚❚  Pause"
    # the whole transcript as captions, over the lower part of the picture, like a film's subtitles
    captions = strip.captions
    assert captions.isVisible()
    assert captions.text.text() == "[Two soft synthesised notes, one higher than the other. No words are spoken.]"
    picture = strip.picture.picture_rect().translated(strip.picture.pos())
    assert picture.contains(captions.geometry()) and captions.geometry().bottom() > picture.center().y()
    assert kiosk.childAt(at(kiosk, captions)) in (captions.text, captions.viewport())  # on top, not under it
    qtbot.waitUntil(lambda: audio.player.position() > 0, timeout=AUDIO_TIMEOUT)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    assert not audio.playing and captions.isVisible()  # paused: the words stay


def test_the_captions_go_when_the_recording_has_played_to_its_end(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    [audio] = strip.audio
    needs_sound(audio)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    assert strip.captions.isVisible()
    assert kiosk.modes.machine.next_deadline() is None  # no idle time while a visitor listens
    qtbot.waitUntil(lambda: not audio.playing, timeout=AUDIO_TIMEOUT)  # the chime lasts two seconds
    assert not strip.captions.isVisible()  # the picture whole again (seen on Xvfb: they stayed over it)
    qtbot.waitUntil(lambda: kiosk.modes.machine.next_deadline() is not None, timeout=AUDIO_TIMEOUT)  # idle again
    assert audio.button.text() == "▶  Listen"


def test_a_reset_stops_the_recording(qtbot, kiosk, touch_screen):
    go(kiosk, "work-begins")
    [audio] = kiosk.card.media.audio
    needs_sound(audio)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    assert audio.playing
    with qtbot.waitSignal(audio.player.playbackStateChanged, timeout=AUDIO_TIMEOUT):
        kiosk.reset_to_start()
    assert not audio.playing and audio.stopped and not kiosk.card.media.captions.isVisible()


def attract_until(qtbot, kiosk, event_id: str) -> None:
    kiosk.start_attract()
    qtbot.waitUntil(lambda: kiosk.mode == "attract", timeout=STEP_TIMEOUT)
    while (focus := kiosk.model.moment.focus) is None or focus.id != event_id:
        kiosk._attract_step()
        QCoreApplication.processEvents()


def test_the_attract_loop_shows_each_events_first_picture_and_stays_silent(qtbot, make_kiosk, media_exhibit):
    kiosk = make_kiosk(attract_min_seconds=0.01)
    kiosk.start_attract()
    qtbot.waitUntil(lambda: kiosk.mode == "attract", timeout=STEP_TIMEOUT)
    strip = kiosk.card.media
    seen = []
    with qtbot.waitSignal(kiosk.attract_cycle_finished, timeout=STEP_TIMEOUT * 3) as _cycle:
        kiosk.presenter.shown.connect(lambda _m: seen.append(
            (kiosk.model.moment.focus.id if kiosk.model.moment.focus else None,
             strip.picture.item.file if strip.isVisible() and strip.images else None,
             strip.playing)))
    views_shown(kiosk.presenter)  # the cycle ends back at the start: its card follows the page's answer
    with_media = {e.id: next(m.file for m in e.media if m.kind == "image") for e in media_exhibit.events
                  if any(m.kind == "image" for m in e.media)}
    assert {event for event, _file, _p in seen} >= set(with_media)
    for event, file, playing in seen:
        assert file == with_media.get(event), event
        assert not playing  # attract_audio is off by default


def test_with_attract_audio_the_loop_plays_the_first_recording_and_a_touch_stops_it(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(attract_audio=True)
    attract_until(qtbot, kiosk, "work-begins")
    [audio] = kiosk.card.media.audio
    needs_sound(audio)
    qtbot.waitUntil(lambda: audio.playing, timeout=AUDIO_TIMEOUT)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, kiosk.article)  # the next visitor
    assert kiosk.mode == "active" and not audio.playing


def test_without_attract_audio_the_loop_is_silent(qtbot, make_kiosk):
    kiosk = make_kiosk()
    attract_until(qtbot, kiosk, "work-begins")
    [audio] = kiosk.card.media.audio
    needs_sound(audio)
    kiosk.media._loop_sound()
    QCoreApplication.processEvents()  # (the players' commands go through the event loop)
    assert audio.player.playbackState() == audio.player.PlaybackState.StoppedState


def test_captions_on_a_small_picture_fit_their_words(qtbot, make_kiosk, touch_screen):
    """On Xvfb at 1280×720 with large type a word of the Russian transcript was wider than the captions
    and was cut off at both sides."""
    kiosk = make_kiosk((1280, 720), language="ru", large_type=True)
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    [audio] = strip.audio
    needs_sound(audio)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    captions = strip.captions
    assert captions.isVisible() and captions.text.text().startswith("[Две")
    picture = strip.picture.picture_rect().translated(strip.picture.pos())
    assert picture.contains(captions.geometry())
    metrics = captions.text.fontMetrics()
    room = captions.viewport().width()
    assert all(metrics.horizontalAdvance(word) <= room for word in captions.text.text().split())
    assert captions.height() >= 2 * metrics.lineSpacing()  # two lines at least: not a sliver
