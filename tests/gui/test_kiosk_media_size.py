"""The media band's picture keeps a usable size on a small screen with large type, the map its 40 %.

Seen on Xvfb at 1280×720 with large type: the picture stood 150 px tall (128 px in Russian) in a band
the words beside it made 224 px tall — a thumbnail, with empty paper under it. The picture may fill
the band the words make, and grow it as far as the map keeping 40 % of its column allows.
"""

from __future__ import annotations

import pytest
import test_kiosk_media as media
from PySide6.QtCore import QCoreApplication
from test_kiosk_media import go, whole_on_screen

pytestmark = pytest.mark.gui

make_kiosk, media_exhibit = media.make_kiosk, media.media_exhibit


def widest(images):
    return max(images, key=lambda m: m.size[0] / m.size[1])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(("size", "large"), [((1280, 720), True), ((1366, 768), True)])
def test_the_picture_is_a_third_of_the_column_tall_and_the_map_keeps_its_share(make_kiosk, size, large, lang):
    kiosk = make_kiosk(size, language=lang, large_type=large)
    strip = kiosk.card.media
    go(kiosk, "work-begins")
    for index in range(len(strip.images)):
        strip.show_image(index)
        QCoreApplication.processEvents()
        column, band, map_box = kiosk.map_column.rect(), strip.geometry(), kiosk.map_view.geometry()
        drawn = strip.picture.picture_rect()
        # (before: 142 px in Kazakh and English, 120 px in Russian, of a 476 px column)
        assert drawn.height() >= 0.3 * column.height(), (lang, index, drawn.size(), column.size())
        if strip.images[index] is widest(strip.images):
            assert strip.picture.width() - drawn.width() <= 12  # the box no wider than the picture drawn in it
        assert map_box.height() >= 0.4 * column.height() and band.bottom() <= column.bottom()
        assert whole_on_screen(kiosk, strip.credit) and all(whole_on_screen(kiosk, a.credit) for a in strip.audio)


def test_on_a_large_screen_the_band_keeps_its_share(make_kiosk):
    """Where the picture already has its share, nothing changes: the map is not made smaller for it."""
    kiosk = make_kiosk((1920, 1080), language="ru", large_type=True)
    go(kiosk, "work-begins")
    column, map_box = kiosk.map_column.rect(), kiosk.map_view.geometry()
    assert map_box.height() >= 0.58 * column.height()
    assert kiosk.card.media.picture.picture_rect().height() >= 0.33 * column.height()
