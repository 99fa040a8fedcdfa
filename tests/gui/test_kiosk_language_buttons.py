"""The three language buttons show their names whole, at every screen size and with large type.

Seen on Xvfb at 1280×720: the chosen **Қазақша** (drawn bold) was cut at both ends, its button as
wide as the others though its name is the longest. Checked by the button's own pixels: no letter
reaches the edges of the box the words are drawn in (Qt cuts them there).
"""

from __future__ import annotations

import pytest
import test_kiosk_media as media
from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor
from test_kiosk import click

from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.kiosk.texts import LANGUAGE_PAD, button_border, palette

pytestmark = pytest.mark.gui

make_kiosk, media_exhibit = media.make_kiosk, media.media_exhibit


def letters_at_the_edges(button, padding: int, high_contrast: bool) -> list[tuple[int, int]]:
    """Pixels of the chosen button's words (light on its dark fill) at either edge of the box its words
    are drawn in (inside the border and the padding): a name too long is cut there, one that fits leaves
    them clear."""
    ink = palette(high_contrast).ink
    shot = button.grab().toImage()
    border = button_border(high_contrast)
    scale = shot.width() / button.width()
    columns = [round((border + padding) * scale)]
    columns += [shot.width() - 1 - x for x in columns]
    hits = []
    for y in range(round(shot.height() * 0.3), round(shot.height() * 0.7)):
        for x in columns:
            colour = QColor(shot.pixel(x, y))
            if max(abs(colour.red() - ink.red()), abs(colour.green() - ink.green()), abs(colour.blue() - ink.blue())) > 40:
                hits.append((x, y))
    return hits


@pytest.mark.parametrize(("size", "large", "contrast"), [
    ((1280, 720), True, False), ((1280, 720), False, False), ((1920, 1080), True, False),
    ((1920, 1080), False, False), ((1280, 1024), True, True), ((1024, 768), False, True),
])
def test_every_language_name_is_whole_on_its_button(make_kiosk, size, large, contrast):
    kiosk = make_kiosk(size, language="kk", large_type=large, high_contrast=contrast)
    bar = kiosk.language_bar
    side = kiosk.side.rect()
    for lang in LANGUAGES:
        button = bar.buttons[lang]
        click(kiosk, button)  # chosen, so drawn bold
        QCoreApplication.processEvents()
        assert button.isChecked() and button.text() == NATIVE_NAMES[lang]
        padding = getattr(bar, "padding", LANGUAGE_PAD)  # (the bar narrows it on a narrow panel)
        assert not letters_at_the_edges(button, padding, contrast), f"{NATIVE_NAMES[lang]} is cut at {size}, large={large}"
        assert button.width() >= bar.needed_width(button), (lang, button.width(), bar.needed_width(button))
        top_left = button.mapTo(kiosk.side, QPoint(0, 0))
        assert side.contains(top_left) and side.contains(top_left + QPoint(button.width() - 1, button.height() - 1))
        assert button.height() >= 56 and button.width() >= 88  # still a large touch target
    assert bar.type_px >= 18 if large or size[0] >= 1280 else bar.type_px >= 15
