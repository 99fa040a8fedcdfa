"""The explorer's palette and type, matched to the map page (assets/map/chronomap.js).

A printed-map look: warm paper, ink, one vermilion accent for what is happening
now. A high-contrast palette (black on white, every text pair at least 7:1) and
a large-type setting serve visitors who need them. Which one is in use is the
session's :class:`~chronomap.session.Look`; every function here takes it, so
no module holds a look of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from chronomap.session import Look

SERIF_FAMILY = "DejaVu Serif"
UI_FONT_FAMILY = "DejaVu Sans"

#: Font sizes are multiplied by this with the large-type setting on.
LARGE_TYPE_FACTOR = 1.3


@dataclass(frozen=True)
class Palette:
    paper: QColor
    panel: QColor
    ink: QColor
    muted_text: QColor
    accent: QColor  # the map's "current" colour
    accent_dark: QColor
    highlight_bg: QColor  # the article passage being told
    secondary_bg: QColor  # other passages of current events
    track: QColor
    track_done: QColor
    tick: QColor
    handle: QColor
    focus_frame: QColor


STANDARD = Palette(
    paper=QColor("#f7f3ea"), panel=QColor("#efe9dc"), ink=QColor("#2c2620"), muted_text=QColor("#6f665a"),
    accent=QColor("#cf3f1c"), accent_dark=QColor("#7e2410"), highlight_bg=QColor("#f6dccf"),
    secondary_bg=QColor("#f1e6d6"), track=QColor("#d9d1c1"), track_done=QColor("#b9ae99"), tick=QColor("#6f665a"),
    handle=QColor("#2c2620"), focus_frame=QColor("#1d5fa8"),
)

HIGH_CONTRAST = Palette(
    paper=QColor("#ffffff"), panel=QColor("#ffffff"), ink=QColor("#000000"), muted_text=QColor("#2b2b2b"),
    accent=QColor("#b3000c"), accent_dark=QColor("#7a0008"), highlight_bg=QColor("#ffe14d"),
    secondary_bg=QColor("#d8ecff"), track=QColor("#8a8a8a"), track_done=QColor("#000000"), tick=QColor("#000000"),
    handle=QColor("#000000"), focus_frame=QColor("#0040c0"),
)

def colours(look: Look) -> Palette:
    return HIGH_CONTRAST if look.high_contrast else STANDARD


def type_scale(look: Look) -> float:
    return LARGE_TYPE_FACTOR if look.large_type else 1.0


def px(size: float, look: Look) -> int:
    """A font size in pixels at *look*'s type scale."""
    return round(size * type_scale(look))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 … 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgba(colour: QColor, alpha: int) -> str:
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha})"


def style_sheet(look: Look) -> str:
    """The desk window's style sheet for *look*."""
    c = colours(look)
    border = 2 if look.high_contrast else 1
    return f"""
QMainWindow, QWidget#sidePanel, QWidget#timeBar {{ background: {c.panel.name()}; }}
QWidget {{ font-size: {px(13, look)}px; }}
QMenuBar, QMenu {{ font-size: {px(13, look)}px; }}
QTextBrowser {{ background: {c.paper.name()}; color: {c.ink.name()}; border: none; }}
QLabel#dateLabel {{ color: {c.ink.name()}; font-family: "{SERIF_FAMILY}"; font-size: {px(22, look)}px; font-weight: bold; }}
QLabel#eventTitle {{ color: {c.accent_dark.name()}; font-family: "{SERIF_FAMILY}"; font-size: {px(15, look)}px; }}
QLabel#card {{ background: {c.paper.name()}; color: {c.ink.name()}; padding: 10px 12px;
    border-bottom: {border}px solid {c.track.name()}; font-size: {px(13, look)}px; }}
QFrame#cardEdge {{ background: {c.track.name()}; border: none; min-height: {border}px; max-height: {border}px; }}
QFrame#cutFade {{ border: none; background: qlineargradient(x1: 0, y1: 0, x2: 0, y2: 1,
    stop: 0 {_rgba(c.paper, 0)}, stop: 0.7 {_rgba(c.paper, 255)}, stop: 1 {_rgba(c.paper, 255)}); }}
QToolButton, QPushButton, QComboBox {{ color: {c.ink.name()}; background: {c.paper.name()};
    border: {border}px solid {c.track_done.name()}; border-radius: 6px; padding: 4px 10px; min-height: {px(26, look)}px;
    font-size: {px(13, look)}px; }}
QToolButton:checked, QToolButton:pressed, QPushButton:pressed {{ background: {c.track.name()}; }}
QToolButton:focus, QPushButton:focus, QComboBox:focus, QCheckBox:focus, QSpinBox:focus, QDoubleSpinBox:focus {{
    border: 3px solid {c.focus_frame.name()}; }}
QTextBrowser:focus, QLabel#card:focus {{ border: 3px solid {c.focus_frame.name()}; }}
QSplitter::handle {{ background: {c.track.name()}; }}
"""
