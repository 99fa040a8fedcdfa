"""A recording's transcript shown as captions while it plays, over the lower part of the picture.

Transcripts carry no timings (the exhibit format has none), so the kiosk does not pretend to know
which line is being spoken: the captions hold the whole transcript, from its first line, and
scroll on in proportion to how far the recording has played (a finger can scroll them too). Where
the event has no picture they stand in the band under the Listen button instead.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QScrollArea, QScroller, QWidget

# The captions take at most this share of the picture's height, and at least MOST_LINES lines' room.
PICTURE_SHARE, MOST_LINES = 0.5, 3
# A picture less tall than this (px) may be covered by its captions up to SMALL_PICTURE_SHARE.
SMALL_PICTURE_PX, SMALL_PICTURE_SHARE = 240, 0.85


class Captions(QScrollArea):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("kCaptions")
        self.text = QLabel(self)
        self.text.setObjectName("kTranscript")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.text)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.hide()

    def show_text(self, transcript: str) -> None:
        if transcript != self.text.text():
            self.text.setText(transcript)
            self.follow(0.0)
        self.show()
        self.raise_()

    def follow(self, fraction: float) -> None:
        """Scrolled as far through the transcript as the recording is through itself, a whole line at a
        time (a line cut in half at the top only looks broken): each step puts a line's top at the box's
        top, whatever the label's own padding (it once left the lower half of the line before showing
        there, its descenders too), and the last step shows the last lines."""
        bar = self.verticalScrollBar()
        line = self._line()
        first = max(0, (self.text.heightForWidth(1_000_000) - line) // 2)  # the first line's top in the label
        steps = max(0, int((bar.maximum() - first) // line))
        step = round(max(0.0, min(1.0, fraction)) * steps)
        bar.setValue(min(bar.maximum(), first + step * line))

    def _line(self) -> int:
        """How far apart the label's lines are (px): the font's height rounded up, as its text layout
        stands them (the metrics' own line spacing is a pixel short at some sizes, which added up)."""
        return max(1, math.ceil(QFontMetricsF(self.text.font()).height()))

    def _fit_words(self, width: int) -> None:
        self.text.setStyleSheet("")
        self.text.ensurePolished()
        margins = self.text.contentsMargins()
        room = width - margins.left() - margins.right() - 4
        metrics = self.text.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self.text.text().split()), default=0)
        if longest > room > 0:
            size = max(10, int(self.text.font().pixelSize() * room / longest))
            self.text.setStyleSheet(f"font-size: {size}px;")

    def height_for(self, width: int) -> int:
        """Room for the words at *width*, at most :data:`MOST_LINES` lines (they scroll beyond)."""
        margins = self.text.contentsMargins()
        lines = self.text.fontMetrics().lineSpacing() * MOST_LINES + margins.top() + margins.bottom() + 8
        return min(lines, self.text.heightForWidth(max(1, width)) + 8)

    def place_over(self, picture: QRect) -> None:
        """At the bottom of *picture* (the strip's coordinates), as wide as it, like a film's subtitles;
        over most of a small picture, in type small enough that its longest word fits (a word wider
        than the box was cut off at both sides on a 1280×720 screen)."""
        self._fit_words(picture.width() - 16)
        share = PICTURE_SHARE if picture.height() >= SMALL_PICTURE_PX else SMALL_PICTURE_SHARE
        height = min(round(picture.height() * share), self.height_for(picture.width() - 16))
        line, pad = self._line(), 2  # whole lines, and no more of the next one than its clear top
        height = max(1, (height - pad) // line) * line + pad
        self.setGeometry(picture.left() + 8, picture.bottom() - 8 - height, picture.width() - 16, height)
