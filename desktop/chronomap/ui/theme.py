"""The explorer's palette and type, matched to the map page (assets/map/chronomap.js).

A printed-map look: warm paper, ink, one vermilion accent for what is happening now.
"""

from PySide6.QtGui import QColor

PAPER = QColor("#f7f3ea")
PANEL = QColor("#efe9dc")
INK = QColor("#2c2620")
MUTED_TEXT = QColor("#6f665a")
ACCENT = QColor("#cf3f1c")  # vermilion: the map's "current" colour
ACCENT_DARK = QColor("#7e2410")
HIGHLIGHT_BG = QColor("#f6dccf")  # the article passage being told
TRACK = QColor("#d9d1c1")
TRACK_DONE = QColor("#b9ae99")
TICK = QColor("#6f665a")
HANDLE = QColor("#2c2620")

SERIF_FAMILY = "DejaVu Serif"
UI_FONT_FAMILY = "DejaVu Sans"

STYLE_SHEET = f"""
QMainWindow, QWidget#sidePanel, QWidget#timeBar {{ background: {PANEL.name()}; }}
QTextBrowser {{ background: {PAPER.name()}; color: {INK.name()}; border: none; }}
QLabel#dateLabel {{ color: {INK.name()}; font-family: "{SERIF_FAMILY}"; font-size: 22px; font-weight: bold; }}
QLabel#eventTitle {{ color: {ACCENT_DARK.name()}; font-family: "{SERIF_FAMILY}"; font-size: 15px; }}
QLabel#card {{ background: {PAPER.name()}; color: {INK.name()}; padding: 10px 12px; border-bottom: 1px solid {TRACK.name()}; }}
QToolButton, QPushButton {{ color: {INK.name()}; background: {PAPER.name()}; border: 1px solid {TRACK_DONE.name()};
    border-radius: 6px; padding: 4px 10px; min-height: 26px; }}
QToolButton:checked, QToolButton:pressed, QPushButton:pressed {{ background: {TRACK.name()}; }}
QToolButton:focus, QPushButton:focus, QComboBox:focus {{ border: 2px solid {ACCENT.name()}; }}
QSplitter::handle {{ background: {TRACK.name()}; }}
"""
