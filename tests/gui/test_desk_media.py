"""The desk card's pictures and recordings, seen by their pixels and driven by the keyboard.

Most tests build the card alone (no map page, so no render process); one opens the whole window.
Audio is played through Qt Multimedia offscreen (FFmpeg backend, no sound device needed: the
player's clock runs without one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from page_helpers import LOAD_TIMEOUT
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from chronomap.desk.card import DeskCard
from chronomap.desk.media_panel import ImageButton
from chronomap.qt import media_image, theme
from chronomap.qt.language import language_service
from chronomap.qt.media_image import CARD_DECODE, VIEWER_DECODE, cached_image, clear_cache, image_loader, load_image
from chronomap.session import Look
from chronomap.story.loader import load_exhibit
from chronomap.story.place_facts import place_facts
from chronomap.story.timeline import Timeline
from helpers.views import views_shown

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
STEPPE, PAPER, SKY = QColor(217, 190, 112), QColor(244, 236, 214), QColor(64, 112, 176)
LOOK = Look()


@pytest.fixture(scope="module")
def media_exhibit():
    return load_exhibit(SAMPLE)


@pytest.fixture
def card(qtbot, media_exhibit):
    host = QWidget()
    host.resize(440, 900)
    qtbot.addWidget(host)
    card = DeskCard(media_exhibit, host)
    layout = QVBoxLayout(host)
    layout.addWidget(card)
    layout.addWidget(card.media)
    layout.addStretch(1)
    host.show()
    qtbot.waitExposed(host)
    yield card
    if card.media.viewer is not None:
        card.media.viewer.reject()
    card.media.stop_audio()


def show_event(card, event_id: str, lang: str = "en", look: Look = LOOK) -> None:
    card.show_moment(Timeline(card.exhibit).moment_for_event(event_id), lang, look)


def pictures_shown(panel, min_width: int = 300) -> bool:
    """The panel is on screen, laid out, and every picture decoded (they decode off the GUI thread)."""
    return (panel.isVisible() and bool(panel.buttons) and panel.buttons[0].width() > min_width
            and all(not b.image.isNull() for b in panel.buttons))


def centre_colour(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def near(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance


def labels(panel, name: str) -> list[str]:
    return [label.text() for label in panel.findChildren(QWidget, name) if label.isVisible() and hasattr(label, "text")]


def test_the_first_picture_is_large_the_others_thumbnails_with_caption_and_credit_on_screen(card, qtbot):
    show_event(card, "work-begins")
    panel = card.media
    qtbot.waitUntil(lambda: pictures_shown(panel))
    lead, thumb = panel.buttons
    assert lead.objectName() == "mediaLead" and thumb.objectName() == "mediaThumb"
    assert lead.height() > 2 * thumb.height()
    assert near(centre_colour(lead), STEPPE), centre_colour(lead).name()
    assert near(centre_colour(thumb), PAPER), centre_colour(thumb).name()
    captions = labels(panel, "mediaCaption")
    assert "The line from Town A to Town B (made-up map panel)" in captions
    assert "A typeset page, not a real document" in captions
    assert "Two notes (synthesised)" in captions
    assert labels(panel, "mediaCredit").count("Credit: Chronomap project · CC0-1.0") == 3


def test_an_event_without_media_hides_the_panel_and_a_place_shows_its_own(card, qtbot, media_exhibit):
    show_event(card, "work-begins")
    qtbot.waitUntil(card.media.isVisible)
    show_event(card, "karaganda-follows")
    assert not card.media.isVisible() and card.media.buttons == []
    timeline = Timeline(media_exhibit)
    card.show_place(place_facts(timeline, "almaty", timeline.moment_for_event("work-begins").day, "en"), "en", LOOK)
    qtbot.waitUntil(lambda: pictures_shown(card.media))
    [button] = card.media.buttons
    assert near(centre_colour(button), SKY), centre_colour(button).name()
    assert button.accessibleName().startswith("A black steam locomotive")
    assert labels(card.media, "mediaCaption") == ["A locomotive (made-up drawing)"]


def test_texts_follow_the_language(card, qtbot):
    show_event(card, "work-begins", "ru")
    qtbot.waitUntil(card.media.isVisible)
    assert "Линия от города А до города Б (вымышленная карта)" in labels(card.media, "mediaCaption")
    assert any("Проект Chronomap" in text for text in labels(card.media, "mediaCredit"))
    [audio] = card.media.audio
    assert audio.transcript.text().startswith("[Две тихие")


def test_the_interface_words_follow_the_language_too(card, qtbot):
    service = language_service()
    try:
        service.set_language("kk")
        show_event(card, "work-begins", "kk")
        assert "Дереккөз: Chronomap project · CC0-1.0" in labels(card.media, "mediaCredit")
        assert card.media.accessibleName() == "Суреттер мен жазбалар"
        [audio] = card.media.audio
        assert audio.play_button.accessibleName() == "Жазбаны ойнату"
        assert audio.transcript.text().startswith("[Two soft")  # no Kazakh transcript: the main language's
    finally:
        service.set_language("en")


def test_the_same_media_are_not_rebuilt_on_every_slider_step(card, qtbot):
    show_event(card, "work-begins")
    first = card.media.buttons[0]
    show_event(card, "work-begins")
    assert card.media.buttons[0] is first
    show_event(card, "work-begins", look=Look(high_contrast=True))
    assert card.media.buttons[0] is not first


def test_pictures_are_named_for_screen_readers(card, qtbot, media_exhibit):
    show_event(card, "work-begins")
    lead, thumb = card.media.buttons
    panel_alt = media_exhibit.event("work-begins").media[0].alt_in("en")
    assert lead.accessibleName() == panel_alt
    assert thumb.accessibleName().startswith("A cream page")
    assert lead.accessibleDescription() == "Opens the picture larger"
    assert lead.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert card.media.accessibleName() == "Pictures and recordings"


# -- the viewer -------------------------------------------------------------------------------------


def open_by_click(card, qtbot):
    show_event(card, "work-begins")
    qtbot.waitUntil(lambda: pictures_shown(card.media))
    qtbot.mouseClick(card.media.buttons[0], Qt.MouseButton.LeftButton)
    viewer = card.media.viewer
    assert viewer is not None
    qtbot.waitExposed(viewer)
    return viewer


def test_a_click_opens_the_viewer_fitted_with_caption_and_credit(card, qtbot):
    viewer = open_by_click(card, qtbot)
    assert viewer.index == 0 and viewer.zoom == 1.0
    qtbot.waitUntil(lambda: near(centre_colour(viewer.view.viewport()), STEPPE))
    assert viewer.caption.text() == "The line from Town A to Town B (made-up map panel)"
    assert viewer.credit.text() == "Credit: Chronomap project · CC0-1.0"
    assert viewer.counter.text() == "1 of 2"
    assert viewer.accessibleName() == "Picture viewer"
    assert viewer.view.accessibleName().startswith("An ochre plain")
    # fitted: the whole picture is in view, so the grab shows the picture's dark header strip at its top
    shown = viewer.view.mapFromScene(viewer.item.boundingRect()).boundingRect()
    assert viewer.view.viewport().rect().adjusted(-3, -3, 3, 3).contains(shown)


def test_next_previous_zoom_pan_and_escape_by_keyboard(card, qtbot):
    viewer = open_by_click(card, qtbot)
    view = viewer.view
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert viewer.index == 1 and viewer.counter.text() == "2 of 2"
    qtbot.waitUntil(lambda: near(centre_colour(view.viewport()), PAPER))
    qtbot.keyClick(view, Qt.Key.Key_Right)  # fitted: the arrows step, wrapping round
    assert viewer.index == 0
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert viewer.index == 1
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert viewer.index == 0

    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert viewer.zoom == pytest.approx(1.25 ** 2) and view.zoomed
    scale_zoomed = view.transform().m11()
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0
    before = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # zoomed: the arrows pan
    assert bar.value() > before and viewer.index == 0
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert viewer.zoom == pytest.approx(1.25) and view.transform().m11() < scale_zoomed
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert viewer.zoom == 1.0 and not view.zoomed and bar.maximum() == 0
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert viewer.zoom == 1.0
    viewer.next_button.setFocus()  # the dialog's keys work wherever the focus is in it
    qtbot.keyClick(viewer.next_button, Qt.Key.Key_Plus)
    assert viewer.zoom == pytest.approx(1.25)
    qtbot.keyClick(viewer.next_button, Qt.Key.Key_PageDown)
    assert viewer.index == 1 and viewer.zoom == 1.0

    with qtbot.waitSignal(viewer.finished):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(viewer))
    assert card.media.viewer is None
    qtbot.waitUntil(lambda: card.window().focusWidget() is card.media.buttons[0])  # back where the visitor was


def test_space_or_enter_on_a_thumbnail_opens_the_viewer_at_it(card, qtbot):
    show_event(card, "work-begins")
    thumb = card.media.buttons[1]
    thumb.setFocus()
    qtbot.keyClick(thumb, Qt.Key.Key_Return)
    viewer = card.media.viewer
    assert viewer is not None and viewer.index == 1
    with qtbot.waitSignal(viewer.finished):
        viewer.close_button.click()
    qtbot.keyClick(card.media.buttons[0], Qt.Key.Key_Space)
    assert card.media.viewer is not None and card.media.viewer.index == 0


def test_zoom_buttons_and_the_mouse_wheel(card, qtbot):
    viewer = open_by_click(card, qtbot)
    assert not viewer.zoom_out_button.isEnabled() and not viewer.fit_button.isEnabled()
    viewer.zoom_in_button.click()
    assert viewer.zoom == pytest.approx(1.25) and viewer.fit_button.isEnabled()
    for _ in range(20):
        viewer.zoom_in_button.click()
    assert viewer.zoom == 8.0 and not viewer.zoom_in_button.isEnabled()
    viewer.fit_button.click()
    assert viewer.zoom == 1.0
    viewer.view.zoom_by.emit(1.25)  # what a wheel notch up sends
    assert viewer.zoom == pytest.approx(1.25)


def test_pictures_decode_off_the_gui_thread_and_keep_their_shape_meanwhile(card, qtbot):
    clear_cache()
    loader = image_loader()
    with qtbot.waitSignal(loader.loaded, timeout=10_000):
        show_event(card, "work-begins")
        lead = card.media.buttons[0]
        assert lead.image.isNull() and loader.busy  # not decoded yet: the card was shown at once
        assert lead.heightForWidth(800) == 240 and lead.heightForWidth(320) == 200  # the picture's 8:5 shape already
        assert near(centre_colour(lead), theme.colours(LOOK).track)  # a quiet placeholder
    qtbot.waitUntil(lambda: pictures_shown(card.media))
    assert near(centre_colour(lead), STEPPE)
    assert not loader.busy


def test_the_viewer_shows_the_card_picture_until_its_sharp_one_arrives(card, qtbot):
    show_event(card, "work-begins")
    qtbot.waitUntil(lambda: pictures_shown(card.media))
    item = card.media.images[0]
    assert cached_image(item.path, CARD_DECODE) is not None
    drop = [k for k in media_image._cache if k[0] == str(item.path) and k[2] == VIEWER_DECODE]
    for key in drop:
        del media_image._cache[key]
    with qtbot.waitSignal(image_loader().loaded, timeout=10_000):
        viewer = card.media.open_viewer(0)
        assert not viewer.sharp and not viewer.item.pixmap().isNull()
        assert (viewer.item.pixmap().width(), viewer.item.pixmap().height()) == (800, 500)  # stretched stand-in
    qtbot.waitUntil(lambda: viewer.sharp)
    assert near(centre_colour(viewer.view.viewport()), STEPPE)


def test_the_viewer_decodes_large_pictures_bounded(tmp_path):
    clear_cache()
    big = QImage(5000, 2500, QImage.Format.Format_RGB32)
    big.fill(QColor("red"))
    path = tmp_path / "big.png"
    assert big.save(str(path))
    small = load_image(path, 900)
    assert (small.width(), small.height()) == (900, 450)
    assert load_image(path, 900) is small or load_image(path, 900).cacheKey() == small.cacheKey()
    assert load_image(tmp_path / "missing.png", 900).isNull()
    assert ImageButton(small, 240, LOOK).heightForWidth(400) == 200


def test_the_cache_is_bounded_by_bytes_and_keeps_what_was_used_last(tmp_path, monkeypatch):
    clear_cache()
    monkeypatch.setattr(media_image, "CACHE_BYTES", 3 * 400 * 400 * 4)
    paths = []
    for n in range(5):
        image = QImage(400, 400, QImage.Format.Format_RGB32)
        image.fill(QColor(n * 40, 0, 0))
        paths.append(tmp_path / f"{n}.png")
        assert image.save(str(paths[-1]))
    for path in paths[:3]:
        load_image(path, 900)
    load_image(paths[0], 900)  # used again: it stays
    load_image(paths[3], 900)
    assert cached_image(paths[0], 900) is not None and cached_image(paths[1], 900) is None
    assert media_image.cache_bytes() <= media_image.CACHE_BYTES
    clear_cache()


# -- audio ------------------------------------------------------------------------------------------


def test_audio_plays_pauses_and_seeks_with_its_transcript_beside_it(card, qtbot):
    show_event(card, "work-begins")
    [audio] = card.media.audio
    if audio.player is None:
        pytest.skip(f"Qt Multimedia is not available here: {audio.unavailable}")
    assert audio.transcript.isVisible()
    assert audio.transcript.text() == "[Two soft synthesised notes, one higher than the other. No words are spoken.]"
    assert audio.transcript.accessibleName() == "Transcript"
    assert audio.seek.accessibleName() == "Position in the recording"
    assert audio.play_button.accessibleName() == "Play the recording"
    qtbot.waitUntil(lambda: audio.seek.maximum() == 2000, timeout=10_000)
    assert audio.time.text() == "0:00 / 0:02"

    with qtbot.waitSignal(audio.player.playbackStateChanged, timeout=10_000):
        qtbot.mouseClick(audio.play_button, Qt.MouseButton.LeftButton)
    assert audio.playing and audio.play_button.accessibleName() == "Pause the recording"
    qtbot.waitUntil(lambda: audio.seek.value() > 0, timeout=10_000)
    audio.play_button.setFocus()
    with qtbot.waitSignal(audio.player.playbackStateChanged, timeout=10_000):
        qtbot.keyClick(audio.play_button, Qt.Key.Key_Space)
    assert not audio.playing and audio.play_button.accessibleName() == "Play the recording"

    audio.seek.setFocus()
    qtbot.keyClick(audio.seek, Qt.Key.Key_End)  # the keyboard seeks
    qtbot.waitUntil(lambda: audio.player.position() >= 1900, timeout=10_000)
    qtbot.keyClick(audio.seek, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: audio.player.position() < 100, timeout=10_000)


def test_a_new_event_stops_the_recording(card, qtbot):
    show_event(card, "work-begins")
    [audio] = card.media.audio
    if audio.player is None:
        pytest.skip(f"Qt Multimedia is not available here: {audio.unavailable}")
    player = audio.player
    with qtbot.waitSignal(player.playbackStateChanged, timeout=10_000):
        audio.toggle()
    assert audio.playing
    stopped = player.PlaybackState.StoppedState
    with qtbot.waitSignal(player.playbackStateChanged, timeout=10_000) as state:
        show_event(card, "karaganda-follows")
    assert state.args == [stopped]  # (the player goes with its control: what it said last is what counts)


def test_without_qt_multimedia_the_transcript_still_shows(card, qtbot, monkeypatch):
    from chronomap.desk import audio_control

    # as when the module's import of Qt Multimedia failed (libpulse.so.0 missing)
    monkeypatch.setattr(audio_control, "_multimedia", None)
    monkeypatch.setattr(audio_control, "_MULTIMEDIA_ERROR", "libpulse.so.0: cannot open shared object file")
    show_event(card, "work-begins")
    [audio] = card.media.audio
    assert audio.player is None and "libpulse" in (audio.unavailable or "")
    assert not audio.play_button.isEnabled() and not audio.seek.isEnabled()
    assert audio.note.isVisible() and "cannot play sound" in audio.note.text()
    assert audio.transcript.isVisible() and audio.transcript.text().startswith("[Two soft")
    audio.toggle()  # nothing to play: no error


# -- in the window ---------------------------------------------------------------------------------


def test_the_desk_window_shows_the_media_under_the_card(make_window, qtbot, media_exhibit):
    window = make_window(exhibit=media_exhibit)
    window.model.go_to_event("work-begins")
    panel = window.card.media
    qtbot.waitUntil(lambda: pictures_shown(panel, 200), timeout=LOAD_TIMEOUT)
    assert panel.parentWidget() is window.card_area.parentWidget()  # under the card's (capped) scroll area
    lead = panel.buttons[0]
    centre = lead.mapTo(window, QPoint(lead.width() // 2, lead.height() // 2))
    shot = window.grab().toImage()
    assert near(shot.pixelColor(centre), STEPPE), shot.pixelColor(centre).name()
    assert lead.geometry().top() >= 0 and panel.geometry().top() >= window.card_area.geometry().bottom()
    window.model.go_to_event("karaganda-follows")
    qtbot.waitUntil(lambda: not panel.isVisible())


def _tab_from(window, start, steps: int) -> list:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(steps):
        window.focusNextChild()
        reached.append(window.focusWidget())
    return reached


def test_tab_goes_from_the_card_through_its_media_and_every_control_is_named(make_window, qtbot, media_exhibit):
    window = make_window(exhibit=media_exhibit)
    window.activateWindow()
    window.model.go_to_event("karaganda-follows")  # no media: what Tab reaches after the card
    views_shown(window.presenter)
    [after_card] = _tab_from(window, window.card, 1)
    window.model.go_to_event("work-begins")
    panel = window.card.media
    qtbot.waitUntil(lambda: pictures_shown(panel, 200), timeout=LOAD_TIMEOUT)
    [audio] = panel.audio
    expected = [*panel.buttons, audio.play_button, audio.seek, audio.transcript, after_card]
    assert _tab_from(window, window.card, len(expected)) == expected
    controls = [*panel.buttons, *audio.focus_chain(), panel]
    viewer = panel.open_viewer(0)
    controls += [viewer, viewer.view, viewer.previous_button, viewer.next_button, viewer.zoom_in_button,
                 viewer.zoom_out_button, viewer.fit_button, viewer.close_button]
    unnamed = [f"{type(w).__name__}: {w.accessibleName()!r} / {w.accessibleDescription()!r}" for w in controls
               if not w.accessibleName().strip() or not w.accessibleDescription().strip()]
    assert not unnamed
    viewer.reject()
