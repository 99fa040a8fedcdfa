"""The note above an article shown in another language is whole: as wide as the article, as tall as its words.

Seen on Xvfb, the kiosk at 1280×720 in Kazakh with large type: the note ("this article is not available
in Kazakh…") kept the size it was given while the window was being shown, narrower than the article and
two of its three lines tall, its last line cut and the highlighted passage peeking out beside it.
"""

from __future__ import annotations

import pytest
from page_helpers import delete_windows, show_kiosk_windowed
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
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
    show_kiosk_windowed(qtbot, kiosk, *size)  # the screen's size first, then shown: as at start on the floor
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


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_on_a_short_panel_the_note_leaves_room_for_the_article(qtbot, monkeypatch, lang):
    """Seen on Xvfb at 1280×720 in large type: the note filled the article's whole box, its last line cut,
    and not a line of the article was left. Its type is smaller there; it is still whole."""
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    kiosk = KioskWindow(load_exhibit(SAMPLE), kiosk_config(language=lang, large_type=True))
    show_kiosk_windowed(qtbot, kiosk, 1280, 720)
    QCoreApplication.processEvents()
    try:
        article = kiosk.article
        note = article._note
        assert article.language_note() and article.height() < 200  # (a short panel, a note on show)
        assert note.height() >= note.heightForWidth(note.width())  # whole
        focus = kiosk.model.moment.focus
        cursor = QTextCursor(article.document())
        cursor.setPosition(article.sentence_range(focus.sentence_ids[0])[0] + 1)
        line = article.cursorRect(cursor).height()  # a line of the article's own text
        assert article.viewport().height() >= line, "no line of the article is left under the note"
        assert note.font().pixelSize() >= 14
    finally:
        delete_windows(qtbot, [kiosk], prepare=lambda k: k.allow_close())
