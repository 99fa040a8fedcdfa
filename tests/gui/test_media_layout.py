"""The print panel: the map beside the event's first picture, caption and credit, checked by pixels."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage

from chronomap.export.media_layout import compose, first_picture, map_width_for, side_width
from chronomap.qt import theme
from chronomap.session import Look
from chronomap.story.loader import load_exhibit
from chronomap.story.media import MediaTexts
from helpers.text_pixels import text_as_drawn

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
STEPPE = QColor(217, 190, 112)
MAP_BLUE = QColor(30, 60, 200)


@pytest.fixture(scope="module")
def panel_item():
    return load_exhibit(SAMPLE).event("work-begins").media[0]


def a_map(width: int = 1200, height: int = 800) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(MAP_BLUE)
    return image


def near(a: QColor, b: QColor, tolerance: int = 10) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance



def ink_pixels(image: QImage, background: QColor) -> int:
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if not near(image.pixelColor(x, y), background, 40))


def test_the_map_beside_the_first_picture_with_caption_and_credit(qapp, panel_item):
    out, layout = compose(a_map(), panel_item, "en")
    assert (out.width(), out.height()) == (1200 + side_width(800), 800)
    assert near(out.pixelColor(600, 400), MAP_BLUE) and near(out.pixelColor(5, 5), MAP_BLUE)
    assert layout.map_rect == QRect(0, 0, 1200, 800)
    picture = layout.picture_rect
    assert picture.left() >= 1200 and out.rect().contains(picture)
    assert abs(picture.width() / picture.height() - 800 / 500) < 0.02  # the picture's own shape
    assert near(out.pixelColor(picture.center()), STEPPE)
    assert picture.bottom() < layout.caption_rect.top() < layout.credit_rect.top()
    assert out.rect().contains(layout.credit_rect)
    assert layout.caption == "The line from Town A to Town B (made-up map panel)"
    assert layout.credit == "Credit: Chronomap project · CC0-1.0"
    # the credit's pixels are exactly that text as drawn alone
    colours = theme.colours(Look())
    drawn = out.copy(layout.credit_rect)
    assert drawn == text_as_drawn(layout.credit_rect, layout.credit, layout.credit_font, colours.muted_text)
    assert ink_pixels(drawn, colours.paper) > 20
    assert out.copy(layout.caption_rect) == text_as_drawn(layout.caption_rect, layout.caption, layout.caption_font,
                                                          colours.ink)


def test_a_different_credit_gives_different_pixels(qapp, panel_item):
    out, layout = compose(a_map(), panel_item, "en")
    other = replace(panel_item, texts=replace(panel_item.texts, credit="Someone else entirely"))
    out2, layout2 = compose(a_map(), other, "en")
    assert layout2.credit == "Credit: Someone else entirely · CC0-1.0"
    assert out.copy(layout.credit_rect) != out2.copy(layout2.credit_rect)


def test_the_credit_is_never_dropped(qapp, panel_item):
    long_caption = replace(panel_item, texts=replace(panel_item.texts, caption="A very long caption. " * 200,
                                                     credit="The museum's photographer, with a long line of thanks " * 4))
    out, layout = compose(a_map(900, 600), long_caption, "en")
    assert layout.caption.endswith("…") and len(layout.caption) < 600
    assert out.rect().contains(layout.credit_rect)
    assert layout.credit.startswith("Credit: The museum's photographer") and layout.credit.endswith("· CC0-1.0")
    whole = text_as_drawn(layout.credit_rect, layout.credit, layout.credit_font, theme.colours(Look()).muted_text)
    assert out.copy(layout.credit_rect) == whole
    # the credit's box holds all of its wrapped text
    needed = QFontMetrics(layout.credit_font).boundingRect(QRect(0, 0, layout.credit_rect.width(), 10_000),
                                                           Qt.TextFlag.TextWordWrap, layout.credit)
    assert needed.height() <= layout.credit_rect.height()
    assert layout.picture_rect.height() > 50


def test_no_credit_is_said_and_no_licence_invented(qapp, panel_item):
    unknown = replace(panel_item, texts=MediaTexts(caption="Found in a drawer", alt="x"), licence=None, translations={})
    _, layout = compose(a_map(), unknown, "en")
    assert layout.credit == "Credit not recorded"


def test_texts_in_the_language_asked(qapp, panel_item):
    _, layout = compose(a_map(), panel_item, "ru")
    assert layout.caption == "Линия от города А до города Б (вымышленная карта)"
    assert "Проект Chronomap" in layout.credit


def test_without_a_picture_the_map_comes_back_alone(qapp):
    exhibit = load_exhibit(SAMPLE)
    map_image = a_map()
    out, layout = compose(map_image, None, "en")
    assert layout is None and out == map_image
    [audio] = [m for m in exhibit.event("work-begins").media if m.kind == "audio"]
    assert compose(map_image, audio, "en")[1] is None


def test_the_first_picture_of_an_event(qapp):
    exhibit = load_exhibit(SAMPLE)
    assert first_picture(exhibit.event("work-begins")).file == "media/map-panel.png"
    assert first_picture(exhibit.event("karaganda-follows")) is None and first_picture(None) is None


def test_the_requested_width_is_kept(qapp, panel_item):
    width = map_width_for(1920, 1080)
    out, _ = compose(a_map(width, 1080), panel_item, "en")
    assert (out.width(), out.height()) == (1920, 1080)
