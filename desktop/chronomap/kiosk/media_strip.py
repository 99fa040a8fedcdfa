"""The pictures and recordings of the event (or place), in a band under the kiosk's map.

Why under the map and not in the side panel: the panel already carries the title, the summary, the
places and the article, and a picture large enough to read across a gallery would squeeze them all;
the map column is wide, so one picture at a time stands at the band's left, as tall as its share of
the column allows, with its caption and its credit beside it and the recordings'
(:class:`~chronomap.kiosk.audio_button.AudioButton`) Listen buttons under those. The band is as tall
as the taller of the two, so no credit is ever cut: the map gives way. The picture's box is sized
for the event's widest picture and the texts for its longest caption, so a swipe never moves the
layout. A tap asks for the picture enlarged (``enlarge(index)``); a swipe shows the next or previous.
A recording's words appear as captions (:class:`~chronomap.kiosk.captions.Captions`) while it plays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from chronomap.kiosk.audio_button import AudioButton, media_label
from chronomap.kiosk.captions import Captions
from chronomap.kiosk.media_picture import KioskPicture
from chronomap.kiosk.texts import palette
from chronomap.kiosk.widgets import describe
from chronomap.qt.media_credit import credit_line
from chronomap.qt.session import Look
from chronomap.story.media import MediaItem

# The picture takes this share of the map column's height (at least PICTURE_LEAST px), and at most
# PICTURE_WIDEST of its width.
BAND_SHARE, PICTURE_LEAST, PICTURE_WIDEST = 0.40, 120, 0.5
# Texts taller than the picture may make the band this share of the column before the picture narrows.
BAND_MOST = 0.5
# Whatever the band needs, the map keeps this share of the column.
MAP_LEAST = 0.40
# ... and beyond that, captions are cut to this many lines.
CAPTION_LINES_WHEN_TIGHT = 2
# The longer side the band's pictures are decoded at (at most half a 4K screen's width).
STRIP_DECODE = 1600
MARGIN, SPACING = 20, 24


def _text_height(label: QLabel, text: str, width: int) -> int:
    """How tall *label* would be, word-wrapped at *width*, showing *text* (any picture's, not only its own)."""
    if not text:
        return 0
    label.ensurePolished()
    margins = label.contentsMargins()
    box = label.fontMetrics().boundingRect(QRect(0, 0, max(1, width), 100_000), int(Qt.TextFlag.TextWordWrap.value), text)
    return box.height() + margins.top() + margins.bottom()


class MediaStrip(QWidget):
    enlarge = Signal(int)  # the index among :attr:`images`
    audio_playing = Signal(bool)

    def __init__(self, parent: QWidget, look: Look, original: str = ""):
        super().__init__(parent)
        self.original = original  # the exhibit's own language (its media's untranslated texts)
        self.setObjectName("kMedia")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        parent.installEventFilter(self)  # the band refits when the map column changes size
        c = palette(look.high_contrast)
        self.items: tuple[MediaItem, ...] = ()
        self.images: tuple[MediaItem, ...] = ()
        self.audio: list[AudioButton] = []
        self.index = 0
        self.lang = "en"
        self._captioned: AudioButton | None = None
        self._caption_lines: int | None = None  # at most this many lines of a caption (a small screen)
        self._caption_width = 0
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(12)
        self.picture = KioskPicture(self, c.track, c.focus_frame)
        self.picture.clicked.connect(lambda: self.enlarge.emit(self.index))
        self.picture.swiped.connect(self.step)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.caption = media_label("kMediaCaption", self)
        self.count = media_label("kMediaCount", self)
        self.count.setWordWrap(False)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.caption, 1)
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        self.credit = media_label("kMediaCredit", self)
        texts.addLayout(row)
        texts.addWidget(self.credit)
        self._sounds = QVBoxLayout()
        self._sounds.setSpacing(8)
        texts.addLayout(self._sounds)
        texts.addStretch(1)
        self.captions = Captions(self)
        self._captions_slot = QWidget(self)  # where the captions stand when there is no picture
        grid.addWidget(self.picture, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(texts, 0, 1)
        grid.addWidget(self._captions_slot, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.hide()

    # -- what is shown ------------------------------------------------------------------------
    def show_media(self, items: tuple[MediaItem, ...], lang: str) -> None:
        """Show *items* from the first picture on (nothing is rebuilt when they are shown already; the
        same items in another language are re-worded in place, a recording playing on)."""
        if items == self.items:
            if lang != self.lang:
                self._reword(lang)
            return
        self.stop_audio()
        for old in self.audio:
            old.hide()
            old.deleteLater()
        self.items, self.lang = items, lang
        self.images = tuple(m for m in items if m.kind == "image")
        self.audio = []
        for item in items:
            if item.kind == "audio":
                button = AudioButton(item, lang, self, original=self.original)
                button.playing_changed.connect(lambda playing, b=button: self._playing_changed(b, playing))
                button.progress.connect(lambda fraction, b=button: self._progress(b, fraction))
                self._sounds.addWidget(button)
                self.audio.append(button)
        for widget in (self.picture, self.caption, self.credit):
            widget.setVisible(bool(self.images))
        self._captions_slot.setVisible(bool(self.audio) and not self.images)
        self.setVisible(bool(items))
        self.show_image(0)
        self.refit()

    def _reword(self, lang: str) -> None:
        """The same pictures and recordings in *lang*: the picture shown stays, the sound goes on."""
        self.lang = lang
        for button in self.audio:
            button.set_language(lang)
        self.show_image(self.index)
        self.refit()
        captioned = self._captioned
        if captioned is not None and self.captions.isVisible():
            self.captions.show_text(captioned.transcript)
            self._place_captions()
            self.captions.follow(captioned.played())  # as far on as the sound, not back at the first line

    def show_image(self, index: int) -> None:
        if not self.images:
            self.index = 0
            self.count.hide()
            return
        self.index = index % len(self.images)
        item = self.images[self.index]
        self.picture.show_item(item, STRIP_DECODE)
        self.caption.setText(self._caption_text(item))
        self.credit.setText(credit_line(item, self.lang))
        self.count.setVisible(len(self.images) > 1)
        self.retranslate()

    def step(self, delta: int) -> None:
        """The next (+1) or previous (-1) picture, round the end."""
        if len(self.images) > 1:
            self.show_image(self.index + delta)

    # -- sound ---------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return any(button.playing for button in self.audio)

    def play_first(self) -> None:
        """The first recording, from its start (the attract loop, when ``attract_audio`` allows it)."""
        if self.audio and not self.playing:
            self.audio[0].play()

    def stop_audio(self) -> None:
        for button in self.audio:
            button.stop()
        self.captions.hide()
        self._captioned = None

    def _playing_changed(self, button: AudioButton, playing: bool) -> None:
        if playing:
            for other in self.audio:
                if other is not button:
                    other.pause()  # one voice at a time
            self._captioned = button
            self.captions.show_text(button.transcript)
            self._place_captions()
            self.captions.follow(button.played())
        elif button is self._captioned and button.stopped:  # played to its end: the picture whole again
            self.captions.hide()
        self.audio_playing.emit(self.playing)

    def _progress(self, button: AudioButton, fraction: float) -> None:
        if button is self._captioned:
            self.captions.follow(fraction)

    def _place_captions(self) -> None:
        if self.images:
            self.captions.place_over(self.picture.picture_rect().translated(self.picture.pos()))
        else:
            self.captions.setGeometry(self._captions_slot.geometry())
        self.captions.raise_()

    # -- layout ---------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.refit()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.captions.isVisible():
            self._place_captions()

    def refit(self) -> None:
        column = self.parentWidget()
        if column is not None:
            self.fit(column.width(), column.height())

    def fit(self, width: int, column: int, retry: bool = False) -> int:
        """Take a fixed height for a map column *width* × *column* px and return it.

        The band aims at :data:`BAND_SHARE` of the column: the picture that tall (at least
        :data:`PICTURE_LEAST`) and as wide as the widest picture wants (at most :data:`PICTURE_WIDEST`
        of the band), its texts and the Listen buttons whole beside it. Where the texts would be
        taller than :data:`BAND_MOST` of the column, the picture narrows (and so shortens) until they
        fit, or as far as it may; the band is then as tall as the texts: never cut, the map gives way."""
        if not self.items:
            self.setFixedHeight(0)
            return 0
        inner = width - 2 * MARGIN
        self._caption_lines = None if not retry else self._caption_lines
        if not self.images:
            slot = self.captions.height_for(inner)
            self._captions_slot.setFixedHeight(slot)
            height = self._texts_height(inner) + self._grid.verticalSpacing() + slot + 2 * MARGIN
            self.setFixedHeight(height)
            return height
        aim = max(PICTURE_LEAST, round(column * BAND_SHARE) - 2 * MARGIN)
        widest = max(m.size[0] / m.size[1] if m.size and m.size[1] else 4 / 3 for m in self.images)
        most = min(round(inner * PICTURE_WIDEST), round(aim * widest) + 8)
        least = min(most, round((PICTURE_LEAST - 8) * widest) + 8)
        ceiling = max(aim, round(column * BAND_MOST) - 2 * MARGIN)
        best: tuple[int, int, int] | None = None
        for box_w in range(most, least - 1, -16):
            box_h = min(aim, max(PICTURE_LEAST, round((box_w - 8) / widest) + 8))
            band = max(box_h, self._texts_height(inner - box_w - SPACING))
            if band <= ceiling:  # the largest picture whose texts fit in the band's bounds
                best = (band, box_w, box_h)
                break
            if best is None or band < best[0]:
                best = (band, box_w, box_h)
        assert best is not None
        if best[0] > ceiling and self._caption_lines is None:  # a small screen: captions cut to two lines
            self._caption_lines = CAPTION_LINES_WHEN_TIGHT
            return self.fit(width, column, retry=True)
        if best[0] > best[2]:  # the words beside it, not its share, decide the band: the picture may fill it
            short = best[0] > ceiling or best[2] < aim  # and short of its share: the band may grow for it
            limit = round(column * (1 - MAP_LEAST)) - 2 * MARGIN if short else best[0]
            best = self._fill_the_band(best, inner, limit, widest, least)
        band, box_w, box_h = best
        self._caption_width = inner - box_w - SPACING - (self.count.sizeHint().width() + 12 if len(self.images) > 1 else 0)
        self.caption.setText(self._caption_text(self.images[self.index]))
        self._texts_height(inner - box_w - SPACING)  # the Listen buttons laid out for the width chosen
        self.picture.setFixedSize(box_w, box_h)
        self.setFixedHeight(band + 2 * MARGIN)
        if self.captions.isVisible():
            self._grid.activate()
            self._place_captions()
        return band + 2 * MARGIN

    def _fill_the_band(self, best: tuple[int, int, int], inner: int, limit: int, widest: float,
                       least: int) -> tuple[int, int, int]:
        """The largest picture, up to *limit* px tall and :data:`PICTURE_WIDEST` of the band wide, whose
        texts beside it keep the band within *limit*.

        Where the words beside the picture are taller than it, the band's height is theirs: the picture
        may fill it. On a small screen with large type they had left it short of its share (seen at
        1280×720: a picture 150 px tall beside 224 px of words, or squeezed to 200 px wide so they fit
        the band's share); there the band may grow for it as far as the map keeping :data:`MAP_LEAST`
        of the column allows."""
        most = round(inner * PICTURE_WIDEST)
        chosen = best
        for wide in range(most, least - 1, -8):
            box_h = min(limit, max(PICTURE_LEAST, round((wide - 8) / widest) + 8))
            box_w = min(wide, round((box_h - 8) * widest) + 8)  # no wider than the picture drawn in it
            band = max(box_h, self._texts_height(inner - box_w - SPACING))
            if band <= limit and box_h > chosen[2]:
                chosen = (band, box_w, box_h)
        return chosen

    def _caption_text(self, item: MediaItem, width: int | None = None) -> str:
        """The caption, whole, or cut at a word to :attr:`_caption_lines` lines with an ellipsis (the
        enlarged picture and the screen reader have it whole; a credit is never cut)."""
        text = item.caption_in(self.lang) or ""
        width = width if width is not None else self._caption_width
        if self._caption_lines is None or not text or width <= 0:
            return text
        most = self._caption_lines * self.caption.fontMetrics().lineSpacing() + 2
        if _text_height(self.caption, text, width) <= most:
            return text
        words = text.split()
        while len(words) > 1 and _text_height(self.caption, " ".join(words) + "…", width) > most:
            words.pop()
        return " ".join(words) + "…"

    def _texts_height(self, text_w: int) -> int:
        """The picture's caption and credit (the longest of the event's) and the Listen buttons, at *text_w*."""
        height = sum(button.height_for(text_w) + 8 for button in self.audio)
        if self.images:
            count = self.count.sizeHint().width() + 12 if len(self.images) > 1 else 0
            captions = max(_text_height(self.caption, self._caption_text(m, text_w - count), text_w - count)
                           for m in self.images)
            credits = max(_text_height(self.credit, credit_line(m, self.lang), text_w) for m in self.images)
            height += max(captions, self.count.sizeHint().height()) + 6 + credits
        return height

    # -- words ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.images:
            item = self.images[self.index]
            total = len(self.images)
            self.count.setText(self.tr("{n} / {total}").format(n=self.index + 1, total=total))
            self.count.setAccessibleName(self.tr("Picture {n} of {total}").format(n=self.index + 1, total=total))
            more = " " + self.tr("Swipe sideways for the next picture.") if total > 1 else ""
            describe(self.picture, item.alt_in(self.lang) or item.caption_in(self.lang) or item.file,
                     self.tr("A picture. Touch it to see it larger.") + more)
            self.credit.setAccessibleName(self.credit.text())
            self.caption.setAccessibleName(item.caption_in(self.lang) or "")
        self.setAccessibleName(self.tr("Pictures and recordings"))
        self.captions.text.setAccessibleName(self.tr("Transcript"))
        self.captions.text.setAccessibleDescription(self.tr("What the recording says, in words"))
        for button in self.audio:
            button.retranslate()

    def controls(self) -> list[QWidget]:
        """What Tab reaches in the band, in order."""
        return [*([self.picture] if self.images else []), *(button.button for button in self.audio)]
