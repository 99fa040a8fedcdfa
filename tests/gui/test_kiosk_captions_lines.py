"""A recording's captions never show half a line at the top or the bottom of their box.

Seen on Xvfb at 1280×720 in large type, in Russian: the captions over the picture showed the lower
half of "[Две тихие" above the lines being read — the box scrolled in whole lines from the label's
top, not from its first line's. Checked by pixels: the box's top and bottom rows are the captions'
dark ground, with no letter in them, at every step of the way through the recording.
"""

from __future__ import annotations

import pytest
import test_kiosk_media as media
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from test_kiosk_media import AUDIO_TIMEOUT, go, needs_sound, tap

from chronomap.kiosk.texts import palette

pytestmark = pytest.mark.gui

make_kiosk, media_exhibit = media.make_kiosk, media.media_exhibit


def letters_in_rows(widget, rows) -> int:
    shot = widget.grab().toImage()
    ground = palette(False).ink
    count = 0
    for y in rows:
        for x in range(16, shot.width() - 16):
            seen = QColor(shot.pixel(x, y))
            count += max(abs(seen.red() - ground.red()), abs(seen.green() - ground.green()),
                         abs(seen.blue() - ground.blue())) > 60
    return count


@pytest.mark.parametrize(("size", "large", "lang"), [((1280, 720), True, "ru"), ((1920, 1080), False, "en"),
                                                      ((1280, 720), False, "ru")])
def test_the_captions_box_shows_whole_lines_all_the_way_through(qtbot, make_kiosk, touch_screen, size, large, lang):
    kiosk = make_kiosk(size, language=lang, large_type=large)
    go(kiosk, "work-begins")
    strip = kiosk.card.media
    [audio] = strip.audio
    needs_sound(audio)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)
    with qtbot.waitSignal(audio.playing_changed, timeout=AUDIO_TIMEOUT):
        tap(kiosk, touch_screen, audio.button)  # paused: the captions stay, and hold still for the test
    captions = strip.captions
    assert captions.isVisible() and captions.verticalScrollBar().maximum() > 0, "(the transcript scrolls here)"
    viewport = captions.viewport()
    edge = range(0, 2)  # (a line's own ascent leaves its top rows clear)
    bottom = range(viewport.height() - 2, viewport.height())  # (nor the next line's top: its ascent is clear)
    for fraction in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
        captions.follow(fraction)
        QCoreApplication.processEvents()
        assert not letters_in_rows(viewport, edge), (fraction, "half a line at the top")
        assert not letters_in_rows(viewport, bottom), (fraction, "half a line at the bottom")
