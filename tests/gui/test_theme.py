"""The palettes: text readable in both, and the high-contrast one at WCAG AAA (7:1)."""

from __future__ import annotations

import pytest

from chronomap.qt import theme
from chronomap.session import Look

pytestmark = pytest.mark.gui

TEXT_ON_GROUND = (("ink", "paper"), ("ink", "panel"), ("muted_text", "paper"), ("accent_dark", "paper"),
                  ("ink", "highlight_bg"), ("ink", "secondary_bg"))


@pytest.mark.parametrize(("palette", "minimum"), [(theme.STANDARD, 4.5), (theme.HIGH_CONTRAST, 7.0)])
def test_text_contrast(palette, minimum):
    low = {f"{fg} on {bg}": round(theme.contrast_ratio(getattr(palette, fg), getattr(palette, bg)), 2)
           for fg, bg in TEXT_ON_GROUND}
    assert min(low.values()) >= minimum, low


def test_contrast_ratio_is_the_wcag_formula():
    from PySide6.QtGui import QColor

    assert theme.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_large_type_scales_every_font_size_in_the_style_sheet():
    import re

    normal = [int(v) for v in re.findall(r"font-size: (\d+)px", theme.style_sheet(Look(False, False)))]
    large = [int(v) for v in re.findall(r"font-size: (\d+)px", theme.style_sheet(Look(True, True)))]
    assert len(normal) == len(large) > 3
    assert all(b >= round(a * 1.25) for a, b in zip(normal, large, strict=True))
