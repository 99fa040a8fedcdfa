"""The kiosk's words and its look (large type, calm palette from :mod:`chronomap.ui.theme`).

Texts are keyed by interface language; only English exists so far (the
``language`` setting accepts and validates it). No hover styles: a finger has
no hover.
"""

from __future__ import annotations

from chronomap.ui import theme

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "still_title": "Still there?",
        "still_body": "Touch the screen to keep exploring.",
        "still_count_one": "The story starts again in 1 second.",
        "still_count": "The story starts again in {n} seconds.",
        "still_button": "Keep exploring",
        "attract": "Touch the screen to explore the story",
        "previous": "◀  Previous",
        "next": "Next  ▶",
        "play": "▶  Play",
        "pause": "❚❚  Pause",
        "before": "Before the story begins",
        "places": "Places",
        "pin_title": "Staff exit",
        "pin_prompt": "Enter the staff PIN.",
        "pin_wrong": "Wrong PIN. {n} more tries before the pad locks.",
        "pin_wrong_one": "Wrong PIN. 1 more try before the pad locks.",
        "pin_locked": "Too many wrong PINs. Try again in {n} s.",
        "pin_disabled": "Staff exit is not set up on this kiosk.",
        "cancel": "Cancel",
        "ok": "OK",
        "delete": "⌫",
    },
}


def text(language: str, key: str, **values) -> str:
    table = TEXTS.get(language) or TEXTS["en"]
    template = table.get(key) or TEXTS["en"][key]
    return template.format(**values) if values else template


SANS = theme.UI_FONT_FAMILY
SERIF = theme.SERIF_FAMILY

STYLE_SHEET = f"""
QWidget#kiosk {{ background: {theme.PANEL.name()}; }}
QWidget#kioskSide {{ background: {theme.PAPER.name()}; border-left: 1px solid {theme.TRACK.name()}; }}
QWidget#kioskBar {{ background: {theme.PANEL.name()}; border-top: 1px solid {theme.TRACK.name()}; }}
QTextBrowser {{ background: {theme.PAPER.name()}; color: {theme.INK.name()}; border: none;
    border-top: 1px solid {theme.TRACK.name()}; }}
QScrollBar:vertical {{ background: {theme.PAPER.name()}; width: 14px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {theme.TRACK.name()}; border-radius: 7px; min-height: 60px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QLabel#kDate {{ color: {theme.INK.name()}; font-family: "{SERIF}"; font-size: 40px; font-weight: bold; }}
QLabel#kEvent {{ color: {theme.ACCENT_DARK.name()}; font-family: "{SERIF}"; font-size: 24px; }}
QLabel#kCardDate {{ color: {theme.ACCENT_DARK.name()}; font-family: "{SANS}"; font-size: 20px; letter-spacing: 1px; }}
QLabel#kCardTitle {{ color: {theme.INK.name()}; font-family: "{SERIF}"; font-size: 34px; font-weight: bold; }}
QLabel#kCardSummary {{ color: {theme.INK.name()}; font-family: "{SERIF}"; font-size: 23px; }}
QLabel#kPlacesLabel {{ color: {theme.MUTED_TEXT.name()}; font-family: "{SANS}"; font-size: 17px; letter-spacing: 2px; }}
QLabel#kDetails {{ color: {theme.INK.name()}; background: {theme.PANEL.name()}; font-family: "{SANS}"; font-size: 20px;
    border-radius: 12px; padding: 12px 16px; }}
QPushButton {{ color: {theme.INK.name()}; background: {theme.PAPER.name()}; border: 2px solid {theme.TRACK_DONE.name()};
    border-radius: 16px; padding: 0 30px; min-height: 76px; font-family: "{SANS}"; font-size: 25px; }}
QPushButton:pressed, QPushButton:checked {{ background: {theme.TRACK.name()}; }}
QPushButton:disabled {{ color: #b5ad9f; border-color: {theme.TRACK.name()}; background: {theme.PANEL.name()}; }}
QPushButton#kPlay {{ background: {theme.ACCENT.name()}; color: {theme.PAPER.name()}; border-color: {theme.ACCENT_DARK.name()}; }}
QPushButton#kPlay:pressed, QPushButton#kPlay:checked {{ background: {theme.ACCENT_DARK.name()}; }}
QPushButton#kChip {{ min-height: 56px; border-radius: 28px; padding: 0 22px; font-size: 21px; }}
QFrame#kCard {{ background: {theme.PAPER.name()}; border: 2px solid {theme.TRACK_DONE.name()}; border-radius: 30px; }}
QLabel#kOverlayTitle {{ color: {theme.INK.name()}; font-family: "{SERIF}"; font-size: 76px; font-weight: bold; }}
QLabel#kOverlayBody {{ color: {theme.INK.name()}; font-family: "{SANS}"; font-size: 30px; }}
QLabel#kOverlayCount {{ color: {theme.ACCENT_DARK.name()}; font-family: "{SANS}"; font-size: 28px; }}
QLabel#kBanner {{ color: {theme.PAPER.name()}; background: rgba(44, 38, 32, 0.82); font-family: "{SANS}"; font-size: 30px;
    border-radius: 36px; padding: 18px 44px; }}
QLabel#kPinTitle {{ color: {theme.INK.name()}; font-family: "{SERIF}"; font-size: 44px; font-weight: bold; }}
QLabel#kPinDots {{ color: {theme.INK.name()}; font-family: "{SANS}"; font-size: 44px; letter-spacing: 12px; min-height: 60px; }}
QLabel#kPinMessage {{ color: {theme.MUTED_TEXT.name()}; font-family: "{SANS}"; font-size: 24px; }}
QLabel#kPinMessage[error="true"] {{ color: {theme.ACCENT_DARK.name()}; }}
QPushButton#kPinKey {{ min-width: 124px; min-height: 96px; padding: 0; font-size: 40px; border-radius: 20px; }}
"""
