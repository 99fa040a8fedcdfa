"""The note above an article shown in another language is whole: as wide as the article, as tall as its words.

Seen on Xvfb, the kiosk at 1280×720 in Kazakh with large type: the note ("this article is not available
in Kazakh…") kept the size it was given while the window was being shown, narrower than the article and
two of its three lines tall, its last line cut and the highlighted passage peeking out beside it.
"""

from __future__ import annotations

import pytest
from page_helpers import delete_windows
from PySide6.QtCore import QCoreApplication
from test_kiosk import kiosk_config
from test_kiosk_media import SAMPLE

from chronomap.kiosk.shell import KioskWindow
from chronomap.story.loader import load_exhibit
from helpers.fake_map import FakeMapView

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("size", "large"), [((1280, 720), True), ((1920, 1080), False)])
def test_the_language_note_is_whole_when_the_kiosk_starts_in_a_language_without_the_article(
        qtbot, monkeypatch, size, large):
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    kiosk = KioskWindow(load_exhibit(SAMPLE), kiosk_config(language="kk", large_type=large))
    kiosk.resize(*size)  # the screen's size first, then shown: as at start on the floor
    kiosk.show()
    qtbot.waitExposed(kiosk)
    QCoreApplication.processEvents()
    try:
        article = kiosk.article
        note = article._note
        assert article.language_note(), "the exhibit has no Kazakh article: a note is shown"
        width = article.width() - 2 * article.frameWidth()
        assert note.width() == width, (note.width(), width)
        assert note.height() >= note.heightForWidth(width), (note.height(), note.heightForWidth(width))
        assert article.viewport().geometry().top() >= note.geometry().bottom()  # the text starts under it
    finally:
        delete_windows(qtbot, [kiosk], prepare=lambda k: k.allow_close())
