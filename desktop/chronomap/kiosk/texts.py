"""The kiosk's look: large type, the calm palette of :mod:`chronomap.qt.theme`, or its
high-contrast palette (every text on its background at least 7:1), optionally larger still.

The kiosk's words are ``tr()`` strings in the widgets themselves (Qt Linguist
files in :mod:`chronomap.i18n`). No hover styles: a finger has no hover. A
visible frame marks the control that has keyboard focus (Tab reaches it; a
touch never gives focus).
"""

from __future__ import annotations

from chronomap.qt import theme

#: Font sizes are multiplied by this with ``large_type`` on.
LARGE_TYPE_FACTOR = 1.25
# A language button's type (px, before large type), its padding each side and the focus frame's width.
LANGUAGE_PX, LANGUAGE_PAD, FOCUS_BORDER = 20, 8, 5

SANS = theme.UI_FONT_FAMILY
SERIF = theme.SERIF_FAMILY


def palette(high_contrast: bool = False) -> theme.Palette:
    return theme.HIGH_CONTRAST if high_contrast else theme.STANDARD


def scale(large: bool = False) -> float:
    return LARGE_TYPE_FACTOR if large else 1.0


def button_border(high_contrast: bool = False) -> int:
    """A button's border (px): thicker in high contrast."""
    return 3 if high_contrast else 2


def style_sheet(high_contrast: bool = False, large: bool = False) -> str:
    """The kiosk window's style sheet for the chosen palette and type size."""
    c = palette(high_contrast)
    k = scale(large)

    def px(size: float) -> str:
        return f"{round(size * k)}px"

    hc = high_contrast
    line = 3 if hc else 1  # panel separators
    edge = button_border(hc)
    disabled = c.muted_text.name() if hc else "#b5ad9f"
    banner_bg = c.ink.name() if hc else "rgba(44, 38, 32, 0.82)"
    focus = c.focus_frame.name()
    captions_bg = c.ink.name()  # a recording's captions: light on dark, like a film's
    return f"""
QWidget#kiosk {{ background: {c.panel.name()}; }}
QWidget#kioskSide {{ background: {c.paper.name()}; border-left: {line}px solid {c.track_done.name() if hc else c.track.name()}; }}
QScrollArea#kCardScroll, QWidget#kCardBody, QWidget#kCardPlaces {{ background: transparent; border: none; }}
QWidget#kioskBar {{ background: {c.panel.name()}; border-top: {line}px solid {c.track_done.name() if hc else c.track.name()}; }}
QTextBrowser {{ background: {c.paper.name()}; color: {c.ink.name()}; border: none;
    border-top: {line}px solid {c.track_done.name() if hc else c.track.name()}; }}
QTextBrowser:focus {{ border: 4px solid {focus}; }}
QScrollBar:vertical {{ background: {c.paper.name()}; width: 14px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {c.track.name()}; border-radius: 7px; min-height: 60px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QLabel#kDate {{ color: {c.ink.name()}; font-family: "{SERIF}"; font-size: {px(40)}; font-weight: bold; }}
QLabel#kEvent {{ color: {c.accent_dark.name()}; font-family: "{SERIF}"; font-size: {px(24)}; }}
QLabel#kCardDate {{ color: {c.accent_dark.name()}; font-family: "{SANS}"; font-size: {px(20)}; letter-spacing: 1px; }}
QLabel#kCardTitle {{ color: {c.ink.name()}; font-family: "{SERIF}"; font-size: {px(34)}; font-weight: bold; }}
QLabel#kCardSummary {{ color: {c.ink.name()}; font-family: "{SERIF}"; font-size: {px(23)}; }}
QLabel#kPlacesLabel {{ color: {c.muted_text.name()}; font-family: "{SANS}"; font-size: {px(17)}; letter-spacing: 2px; }}
QLabel#kDetails {{ color: {c.ink.name()}; background: {c.panel.name()}; font-family: "{SANS}"; font-size: {px(20)};
    border-radius: 12px; padding: 12px 16px; {f"border: 2px solid {c.ink.name()};" if hc else ""} }}
QPushButton {{ color: {c.ink.name()}; background: {c.paper.name()}; border: {edge}px solid {c.track_done.name()};
    border-radius: 16px; padding: 0 30px; min-height: 76px; font-family: "{SANS}"; font-size: {px(25)}; }}
QPushButton:pressed, QPushButton:checked {{ background: {c.track.name() if not hc else c.secondary_bg.name()}; }}
QPushButton:disabled {{ color: {disabled}; border-color: {c.track.name()}; background: {c.panel.name()}; }}
QPushButton#kPlay {{ background: {c.accent.name()}; color: {c.paper.name()}; border-color: {c.accent_dark.name()}; }}
QPushButton#kPlay:pressed, QPushButton#kPlay:checked {{ background: {c.accent_dark.name()}; }}
QPushButton#kChip {{ min-height: 56px; border-radius: 28px; padding: 0 22px; font-size: {px(21)}; }}
QPushButton#kLang {{ min-height: 56px; border-radius: 14px; padding: 0 {LANGUAGE_PAD}px; font-size: {px(LANGUAGE_PX)}; }}
QPushButton#kLang:checked {{ background: {c.ink.name()}; color: {c.paper.name()}; border-color: {c.ink.name()};
    font-weight: bold; }}
QFrame#kCard {{ background: {c.paper.name()}; border: {edge}px solid {c.track_done.name()}; border-radius: 30px; }}
QLabel#kOverlayTitle {{ color: {c.ink.name()}; font-family: "{SERIF}"; font-size: {px(76)}; font-weight: bold; }}
QLabel#kOverlayBody {{ color: {c.ink.name()}; font-family: "{SANS}"; font-size: {px(30)}; }}
QLabel#kOverlayCount {{ color: {c.accent_dark.name()}; font-family: "{SANS}"; font-size: {px(28)}; }}
QLabel#kBanner {{ color: {c.paper.name()}; background: {banner_bg}; font-family: "{SANS}"; font-size: {px(30)};
    border-radius: 36px; padding: 18px 44px; }}
QLabel#kPinTitle {{ color: {c.ink.name()}; font-family: "{SERIF}"; font-size: {px(44)}; font-weight: bold; }}
QLabel#kPinDots {{ color: {c.ink.name()}; font-family: "{SANS}"; font-size: {px(44)}; letter-spacing: 12px; min-height: 60px; }}
QLabel#kPinMessage {{ color: {c.muted_text.name()}; font-family: "{SANS}"; font-size: {px(24)}; }}
QLabel#kPinMessage[error="true"] {{ color: {c.accent_dark.name()}; }}
QPushButton#kPinKey {{ min-width: 124px; min-height: 96px; padding: 0; font-size: {px(40)}; border-radius: 20px; }}
QWidget#kMedia {{ background: {c.paper.name()}; border-top: {line}px solid {c.track_done.name() if hc else c.track.name()}; }}
QLabel#kMediaCaption {{ color: {c.ink.name()}; font-family: "{SERIF}"; font-size: {px(24)}; }}
QLabel#kMediaCredit {{ color: {c.muted_text.name()}; font-family: "{SANS}"; font-size: {px(19)}; }}
QLabel#kMediaCount {{ color: {c.accent_dark.name()}; font-family: "{SANS}"; font-size: {px(18)}; font-weight: bold; }}
QScrollArea#kCaptions {{ background: {captions_bg}; border: none; border-radius: 10px; }}
QLabel#kTranscript {{ color: {c.paper.name()}; background: {captions_bg}; font-family: "{SANS}"; font-size: {px(22)};
    padding: 4px 12px; }}
QPushButton#kListen {{ font-weight: bold; }}
QLabel#kViewerCaption {{ color: {c.paper.name()}; font-family: "{SERIF}"; font-size: {px(30)}; }}
QLabel#kViewerCredit {{ color: {c.paper.name()}; font-family: "{SANS}"; font-size: {px(22)}; }}
QLabel#kViewerCount {{ color: {c.paper.name()}; font-family: "{SANS}"; font-size: {px(26)}; font-weight: bold; }}
QPushButton#kViewerStep {{ min-width: 96px; min-height: 120px; padding: 0; font-size: {px(36)}; }}
QPushButton:focus, QPushButton#kPlay:focus, QPushButton#kChip:focus, QPushButton#kLang:focus,
QPushButton#kPinKey:focus, QPushButton#kListen:focus, QPushButton#kViewerStep:focus {{ border: {FOCUS_BORDER}px solid {focus}; }}
"""


#: Text colour on background colour, for each pair the kiosk draws (checked ≥ 7:1 in high contrast).
def text_pairs(high_contrast: bool) -> dict[str, tuple[str, str]]:
    c = palette(high_contrast)
    pairs = {
        "date": (c.ink, c.panel), "event": (c.accent_dark, c.panel), "card date": (c.accent_dark, c.paper),
        "card text": (c.ink, c.paper), "places label": (c.muted_text, c.paper), "details": (c.ink, c.panel),
        "button": (c.ink, c.paper), "button pressed": (c.ink, c.secondary_bg if high_contrast else c.track),
        "play": (c.paper, c.accent), "play checked": (c.paper, c.accent_dark),
        "language chosen": (c.paper, c.ink), "overlay": (c.ink, c.paper), "countdown": (c.accent_dark, c.paper),
        "banner": (c.paper, c.ink), "pin message": (c.muted_text, c.paper),
        "media caption": (c.ink, c.paper), "media credit": (c.muted_text, c.paper),
        "media count": (c.accent_dark, c.paper), "captions": (c.paper, c.ink), "viewer text": (c.paper, c.ink),
    }
    return {name: (fg.name(), bg.name()) for name, (fg, bg) in pairs.items()}
