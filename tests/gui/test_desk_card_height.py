"""The event card keeps its height per text and width (a rich-text QLabel lays its whole document out
at every ``heightForWidth``): the kept height is the one Qt gives, for a new text, a new width and a
new font (large type) alike."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from chronomap.desk.card import DeskCard

pytestmark = pytest.mark.gui


def _plain_label_height(card: DeskCard, width: int) -> int:
    """What a QLabel with the card's text, font and settings answers, asked afresh."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(card.textFormat())
    label.setFont(card.font())
    label.setContentsMargins(card.contentsMargins())
    label.setText(card.text())
    return label.heightForWidth(width)


def test_the_kept_height_follows_text_width_and_font(qtbot, exhibit):
    side = QWidget()  # the card's media panel goes into the card's parent
    qtbot.addWidget(side)
    card = DeskCard(exhibit, side)
    long_text = "<b>Title</b><br>" + " ".join(["words that wrap"] * 40)
    card.setText(long_text)
    first = card.heightForWidth(300)
    assert first == _plain_label_height(card, 300)
    assert card.heightForWidth(600) == _plain_label_height(card, 600) < first  # wider: fewer lines
    card.setText("<b>Title</b>")
    assert card.heightForWidth(300) == _plain_label_height(card, 300) < first  # new text
    card.setText(long_text)
    assert card.heightForWidth(300) == first  # kept for this text and width
    big = QFont(card.font())
    big.setPixelSize(card.fontInfo().pixelSize() * 2)
    card.setFont(big)
    assert card.heightForWidth(300) == _plain_label_height(card, 300) > first  # large type: taller
