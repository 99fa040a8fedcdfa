"""The kiosk's event card keeps the event's title in view, with a place's details shown or not.

Showing a place used to scroll the card down to the details, and the event's
title went off the top: a visitor saw a place's name with no event. Checked by
geometry: the title's whole box is painted (none of it clipped by the card's
scrolling), in every language and type size, for every place of every event.
"""

from __future__ import annotations

import pytest
import test_kiosk as base
from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import QLabel

from chronomap.kiosk.shell import KioskWindow

pytestmark = pytest.mark.gui

make_kiosk, click = base.make_kiosk, base.click


def whole_in_view(kiosk: KioskWindow, label: QLabel) -> bool:
    """The label is shown, tall enough for its words, and none of it is clipped (by a scroll area's
    viewport or the side panel)."""
    if not label.isVisible() or label.height() < label.heightForWidth(label.width()):
        return False
    if label.visibleRegion().boundingRect() != label.rect():
        return False
    box = QRect(label.mapTo(kiosk.side, QPoint(0, 0)), label.size())
    return kiosk.side.rect().contains(box)


def nothing_overlaps(kiosk: KioskWindow) -> bool:
    """The side panel's parts one below the other, none laid over the next (the layout squeezes
    fixed heights into overlap when they ask for more than the panel has)."""
    QCoreApplication.processEvents()
    parts = [kiosk.card.header, kiosk.card.card_scroll, kiosk.card.places, kiosk.article]
    boxes = [w.geometry() for w in parts if w.isVisible() and w.height() > 0]
    return (all(a.bottom() < b.top() for a, b in zip(boxes, boxes[1:], strict=False))
            and boxes[-1].bottom() <= kiosk.side.rect().bottom())


def sized(kiosk: KioskWindow, size: tuple[int, int] | None) -> KioskWindow:
    """The kiosk as on a screen of *size* (the tests' offscreen screen is 800×600)."""
    if size is not None:
        kiosk.keeper.release()  # (it would put the window back on the screen's geometry)
        kiosk.showNormal()
        kiosk.resize(*size)
        QCoreApplication.processEvents()
        assert kiosk.size().toTuple() == size
    return kiosk


@pytest.mark.parametrize(("lang", "large", "size"), [
    ("en", False, (1920, 1080)), ("ru", True, (1920, 1080)), ("kk", False, (1280, 720)), ("ru", False, (1280, 720)),
    ("en", False, None), ("kk", True, None),
])
@pytest.mark.fake_map
def test_the_title_stays_in_view_when_a_place_is_shown(make_kiosk, lang, large, size):
    kiosk = sized(make_kiosk(language=lang, large_type=large), size)
    card = kiosk.card
    shown = 0
    for event in kiosk.timeline.events:
        kiosk.model.go_to_event(event.id)
        assert nothing_overlaps(kiosk), (lang, event.id, "no place")
        if size == (1920, 1080):  # the whole title shows before any place too (at 1280×720 a long
            # title and three places leave the article no room: the title scrolls until a place is shown)
            assert whole_in_view(kiosk, card.card_title), (lang, event.id, "no place")
        for chip in [c for c in card.chips if c.isVisible()]:
            click(kiosk, chip)
            assert card.details.isVisible()
            shown += 1
            assert card.card_title.text() == event.title_in(lang)
            assert whole_in_view(kiosk, card.card_title), (lang, event.id, chip.property("place_id"))
            assert whole_in_view(kiosk, card.card_date), (lang, event.id)
            # and the details are where the card scrolled to: their top is in view
            if size == (1920, 1080):  # (below that, a long title and three places can fill the panel)
                top = card.details.mapTo(card.card_scroll.viewport(), QPoint(0, 0)).y()
                assert 0 <= top < card.card_scroll.viewport().height() - 20, (lang, event.id)
            assert nothing_overlaps(kiosk), (lang, event.id)
    assert shown >= 5  # the exhibit has places to show
