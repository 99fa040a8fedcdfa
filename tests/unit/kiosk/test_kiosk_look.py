"""The kiosk's style sheets: high contrast keeps every text pair at 7:1 or more, large type scales
every font, and keyboard focus shows on every kind of button."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor

from chronomap.kiosk.texts import LARGE_TYPE_FACTOR, style_sheet, text_pairs
from chronomap.qt.theme import contrast_ratio

SIZE = re.compile(r"font-size: (\d+)px")


def test_high_contrast_text_is_at_least_seven_to_one():
    low = {name: round(contrast_ratio(QColor(fg), QColor(bg)), 2) for name, (fg, bg) in text_pairs(True).items()
           if contrast_ratio(QColor(fg), QColor(bg)) < 7}
    assert not low, low


def test_high_contrast_uses_its_own_colours():
    standard, high = style_sheet(), style_sheet(high_contrast=True)
    assert standard != high
    for fg, bg in text_pairs(True).values():
        assert fg in high and bg in high


@pytest.mark.parametrize("high_contrast", [False, True])
def test_large_type_scales_every_font(high_contrast):
    normal = [int(n) for n in SIZE.findall(style_sheet(high_contrast))]
    large = [int(n) for n in SIZE.findall(style_sheet(high_contrast, large=True))]
    assert len(normal) == len(large) >= 15
    assert large == [round(n * LARGE_TYPE_FACTOR) for n in normal]
    assert 1.2 <= LARGE_TYPE_FACTOR <= 1.3


def test_every_kind_of_button_shows_keyboard_focus():
    sheet = style_sheet()
    names = set(re.findall(r"QPushButton#(\w+)", sheet))
    assert {"kPlay", "kChip", "kLang", "kPinKey"} <= names
    focus_rule = sheet[sheet.index("QPushButton:focus"):]
    for name in names:
        assert f"QPushButton#{name}:focus" in focus_rule, name
