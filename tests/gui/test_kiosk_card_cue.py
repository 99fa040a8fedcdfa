"""An event's summary too long for its box shows that it goes on; one that fits shows no cue.

Seen on Xvfb at 1280×720 with large type: the summary had no room at all under the title and was not
on screen; at other sizes its last line was cut with nothing but a thin scroll bar to say so. Now a
line or two of it is in view under the title, its last line fades out over an arrow while more is
below (a swipe scrolls it), and the cue goes once the end is in view. (Where even the title cannot
stand above the words, the date and title scroll with them, as before, under the same cue.)
"""

from __future__ import annotations

import pytest
import test_kiosk_media as media
from page_helpers import delete_windows, show_kiosk_windowed
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScroller
from test_kiosk import kiosk_config
from test_kiosk_media import go

from chronomap.kiosk.card import WORDS_SLIVER
from chronomap.kiosk.shell import KioskWindow
from chronomap.kiosk.texts import palette
from helpers.fake_map import FakeMapView

pytestmark = pytest.mark.gui

make_kiosk, media_exhibit = media.make_kiosk, media.media_exhibit


def arrow_pixels(card, high_contrast: bool) -> int:
    """How many of the cue's pixels, where its arrow is drawn, are the arrow's colour."""
    cue = card.more_cue
    shot = card.card_scroll.grab().toImage()
    colour = palette(high_contrast).accent_dark
    box = cue.arrow_rect().translated(cue.pos().toPointF()).toRect()
    count = 0
    for y in range(box.top(), box.bottom() + 1):
        for x in range(box.left(), box.right() + 1):
            seen = QColor(shot.pixel(x, y))
            count += max(abs(seen.red() - colour.red()), abs(seen.green() - colour.green()),
                         abs(seen.blue() - colour.blue())) <= 30
    return count


@pytest.mark.parametrize(("size", "large", "lang", "contrast"), [
    ((1280, 720), True, "kk", False), ((1280, 720), True, "ru", True), ((1280, 720), True, "en", False),
    ((1280, 720), False, "ru", False), ((1366, 768), True, "kk", False), ((1920, 1080), True, "ru", False),
])
def test_a_summary_longer_than_its_box_shows_a_cue_and_scrolls_to_its_end(make_kiosk, size, large, lang, contrast):
    kiosk = make_kiosk(size, language=lang, large_type=large, high_contrast=contrast)
    card = kiosk.card
    bar = card.card_scroll.verticalScrollBar()
    line = card.card_summary.fontMetrics().lineSpacing()
    assert QScroller.hasScroller(card.card_scroll.viewport()) or \
        QScroller.grabbedGesture(card.card_scroll.viewport()) == QScroller.ScrollerGestureType.TouchGesture.value
    for event in [None, *kiosk.timeline.events]:  # first as the kiosk starts, sized by its screen
        if event is not None:
            go(kiosk, event.id)
        QCoreApplication.processEvents()
        event = event or kiosk.model.moment.focus
        summary = card.card_summary
        if not summary.text():
            continue
        if card.header.isVisible():  # (else the date and title scroll with it: a screen too short for both)
            shown = summary.visibleRegion().boundingRect()
            assert shown.height() >= min(line, summary.height()), (event.id, "the summary is not on screen", shown)
        cut = bar.maximum() > card.more_cue.slack
        assert card.more_cue.isVisible() == cut, (event.id, bar.maximum())
        if not cut:
            continue
        cue = card.more_cue.geometry()
        viewport = card.card_scroll.viewport().geometry()
        assert cue.bottom() == viewport.bottom() and cue.width() == viewport.width()
        assert arrow_pixels(card, contrast) >= 40, "no arrow drawn"
        bar.setValue(bar.maximum())  # as a swipe would
        QCoreApplication.processEvents()
        assert not card.more_cue.isVisible()
        bottom = summary.mapTo(card.card_scroll.viewport(), summary.rect().bottomLeft()).y()
        assert bottom <= card.card_scroll.viewport().height(), "the summary's end is never in view"
        bar.setValue(0)


def test_a_summary_that_fits_has_no_cue(make_kiosk):
    kiosk = make_kiosk((1920, 1080), language="en")
    go(kiosk, "work-begins")
    assert kiosk.card.fits() and not kiosk.card.more_cue.isVisible()



def test_laid_out_as_the_window_is_shown_the_summary_has_its_line(qtbot, monkeypatch, media_exhibit):
    """As at start on the floor: the window given the screen's size, then shown. Qt lays it out for that
    size while showing it, when no widget is visible yet; the card once took the places' heading for
    hidden then, left the summary no room, and it was not on screen (Xvfb, 1280×720, large type)."""
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    kiosk = KioskWindow(media_exhibit, kiosk_config(language="kk", large_type=True))
    show_kiosk_windowed(qtbot, kiosk, 1280, 720)
    QCoreApplication.processEvents()
    try:
        card = kiosk.card
        assert kiosk.side.height() == 476
        shown = card.card_summary.visibleRegion().boundingRect()
        assert shown.height() >= card.card_summary.fontMetrics().lineSpacing(), "the summary is not on screen"
        assert card.more_cue.isVisible()
    finally:
        delete_windows(qtbot, [kiosk], prepare=lambda k: k.allow_close())


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_on_the_built_in_exhibit_no_summary_is_cut_without_the_cue(qtbot, monkeypatch, exhibit, lang):
    """Seen on Xvfb at 1280×720 in large type: under a three-line title ("Nazarbayev and Shchadov meet the
    miners") the summary got no room at all and there was no sign of it; now the date and title scroll
    with it, under the cue."""
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    kiosk = KioskWindow(exhibit, kiosk_config(language=lang, large_type=True))
    show_kiosk_windowed(qtbot, kiosk, 1280, 720)
    try:
        card = kiosk.card
        bar = card.card_scroll.verticalScrollBar()
        for event in kiosk.timeline.events:
            go(kiosk, event.id)
            summary = card.card_summary
            whole = summary.visibleRegion().boundingRect().height() >= summary.height() > 0
            assert whole or card.more_cue.isVisible(), (event.id, "the summary is cut and nothing says so")
            assert card.card_scroll.height() >= WORDS_SLIVER
            assert card.more_cue.isVisible() == (bar.maximum() > card.more_cue.slack), event.id
            assert kiosk.article.height() >= 96, event.id  # the article keeps a few lines
    finally:
        delete_windows(qtbot, [kiosk], prepare=lambda k: k.allow_close())
