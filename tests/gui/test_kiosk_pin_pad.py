"""The staff PIN pad keeps its keys still: whatever it says, in every interface language.

The keys moved between tries because a longer message widened the pad (and a
wrapped one would make it taller): a member of staff aiming for a key hit its
neighbour. The pad is laid out as in the kiosk (its style sheet, a full-screen
parent); only the messages change.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import QWidget

from chronomap.kiosk.pin_pad import PinPad
from chronomap.kiosk.texts import style_sheet
from chronomap.qt.language import language_service

pytestmark = pytest.mark.gui

#: Every message the modes send, with values that make them short and long.
MESSAGES = [("prompt", ()), ("wrong", (2,)), ("wrong", (1,)), ("locked", (5,)), ("locked", (3600,)),
            ("locked", (1,)), ("disabled", ())]


@pytest.fixture
def pad_on_screen(qtbot):
    made: list[QWidget] = []

    def make(size: tuple[int, int], large: bool) -> PinPad:
        window = QWidget()
        made.append(window)
        qtbot.addWidget(window)
        window.setStyleSheet(style_sheet(False, large))
        window.resize(*size)
        pad = PinPad(window)
        window.show()
        qtbot.waitExposed(window)
        pad.open()
        return pad

    yield make
    language_service().set_language("en")


def key_boxes(pad: PinPad) -> dict[str, QRect]:
    QCoreApplication.processEvents()
    pad.layout().activate()
    return {name: QRect(key.mapTo(pad, QPoint(0, 0)), key.size()) for name, key in
            [*pad.keys.items(), ("cancel", pad.cancel_button)]}


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 1024), (1280, 720)])
def test_the_keys_stay_put_whatever_the_pad_says(pad_on_screen, size, large):
    pad = pad_on_screen(size, large)
    for lang in ("en", "ru", "kk"):
        language_service().set_language(lang)
        pad.show_state("prompt")
        first = key_boxes(pad)
        for kind, values in MESSAGES:
            pad.show_state(kind, values)
            assert pad.message.text()  # something was said
            assert key_boxes(pad) == first, f"{lang}: the keys moved for {pad.message.text()!r}"
            for focused in (pad.keys["5"], pad.keys["ok"], pad.cancel_button):  # a focus frame is wider
                focused.setFocus()
                assert key_boxes(pad) == first, f"{lang}: the keys moved when {focused.text()!r} took focus"
        # on the screen, apart and large enough for a finger (at 720 px they used to overlap)
        boxes = list(first.values())
        assert all(pad.rect().contains(box) and box.height() >= 48 for box in boxes)
        assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        # every word of the message is on the pad, none cut off at its edges
        message = QRect(pad.message.mapTo(pad, QPoint(0, 0)), pad.message.size())
        assert pad.rect().contains(message)
        needed = pad.message.heightForWidth(pad.message.width())
        assert needed <= pad.message.height(), f"{lang}: {pad.message.text()!r} is cut"
