"""A recording in the kiosk: one large Listen button with its caption and credit beside it.

Nothing plays until a visitor presses the button, or the attract loop asks for it with
``attract_audio = true``; :meth:`AudioButton.stop` is what a reset calls. Its words are shown as
captions by the band it sits in (:mod:`chronomap.kiosk.media_strip`), from ``progress``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from chronomap.kiosk.widgets import big_button, describe
from chronomap.qt import media_player
from chronomap.qt.media_credit import credit_line
from chronomap.qt.media_player import command, is_playing, new_player
from chronomap.story.media import MediaItem

log = logging.getLogger("chronomap.kiosk")

# Narrower than this beside the button, and the caption and credit go under it.
BESIDE_LEAST_PX = 220
# A Listen button that shows only ▶ (where even the words "Listen" leave the credit no room) is this wide.
COMPACT_WIDTH_PX = 96


def media_label(name: str, parent: QWidget, text: str = "") -> QLabel:
    """A wrapped plain-text line of the kiosk's media (caption, credit, transcript)."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class AudioButton(QWidget):
    """One recording: ``playing_changed(bool)`` and ``progress(fraction played)``; :attr:`player` is None
    where Qt Multimedia cannot load (:attr:`unavailable` says why; the button is disabled)."""

    playing_changed = Signal(bool)
    progress = Signal(float)

    def __init__(self, item: MediaItem, lang: str, parent: QWidget | None = None, *, original: str = ""):
        super().__init__(parent)
        self.item = item
        self.lang = lang
        # the exhibit's own language: the item's untranslated texts are in it
        self.original = original
        self.setObjectName("kAudio")
        self.transcript = item.transcript_in(lang) or ""
        self.button = big_button("", self, "kListen")
        self.button.setMinimumWidth(180)
        self.button.clicked.connect(self.toggle)
        # the caption and the credit in one label: a Listen button's row stays short on a small screen
        self.credit = media_label("kMediaCredit", self, self._credit_text())
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(4)
        self._beside: bool | None = None
        self._compact = False
        self._arrange(True)
        self._asked_to_play = False
        self.player = new_player(item.path, self)
        self.unavailable = media_player.UNAVAILABLE if self.player is None else ""
        if self.player is None:
            log.warning("a recording cannot be played here (%s)", self.unavailable)
            self.button.setEnabled(False)
        else:
            self.player.playbackStateChanged.connect(self._state_changed)
            self.player.positionChanged.connect(self._follow)
            self.player.errorOccurred.connect(self._failed)
        self.retranslate()

    @property
    def playing(self) -> bool:
        return is_playing(self.player)

    @property
    def stopped(self) -> bool:
        """Stopped (at its start), and not about to play (a play asked for is on its way through the event loop)."""
        return (self.player is None or self.player.playbackState() == self.player.PlaybackState.StoppedState) \
            and not self._asked_to_play

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    # (each through the event loop: see chronomap.qt.media_player; the state follows in playing_changed)
    def play(self) -> None:
        if self.player is not None:
            self._asked_to_play = True
            command(self.player, "play")

    def pause(self) -> None:
        if self.player is not None and self.playing:
            command(self.player, "pause")

    def stop(self) -> None:
        """Silence, back to the start (a reset, another event)."""
        if self.player is not None and (self._asked_to_play or not self.stopped):
            self._asked_to_play = False
            command(self.player, "stop")

    def set_language(self, lang: str) -> None:
        """The caption and credit in *lang*, without touching the sound: a visitor who changes language
        while listening keeps the recording where it is. The transcript follows only where the item
        has one written in *lang*; otherwise the one being read stays (not the original's, swapped in
        mid-sentence)."""
        if lang == self.lang:
            return
        self.lang = lang
        self.credit.setText(self._credit_text())
        if self.has_transcript_in(lang) or self.stopped:
            self.transcript = self.item.transcript_in(lang) or ""
        self.retranslate()

    def has_transcript_in(self, lang: str) -> bool:
        """Whether the item's transcript was written in *lang* (not the fallback to the original)."""
        own = self.item.translations.get(lang)
        return bool(own is not None and own.transcript) or (lang == self.original and bool(self.item.texts.transcript))

    def _credit_text(self) -> str:
        caption = self.item.caption_in(self.lang) or ""
        credit = credit_line(self.item, self.lang)
        return f"{caption} · {credit}" if caption else credit

    # -- layout ---------------------------------------------------------------------------------
    def _arrange(self, beside: bool) -> None:
        """The caption and credit beside the button (room enough) or under it."""
        if beside == self._beside:
            return
        self._beside = beside
        grid = self._grid
        for widget in (self.button, self.credit):
            grid.removeWidget(widget)
        if beside:
            grid.addWidget(self.button, 0, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.credit, 0, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            grid.addWidget(self.button, 0, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(self.credit, 1, 0)
        grid.setColumnStretch(0, 0 if beside else 1)
        grid.setColumnStretch(1, 1 if beside else 0)

    def height_for(self, width: int) -> int:
        """The height the row takes at *width* (laid out for it)."""
        self._set_compact(False)
        room = width - max(self.button.minimumWidth(), self.button.sizeHint().width()) - self._grid.horizontalSpacing()
        if room < BESIDE_LEAST_PX:  # a narrow band: the button shows only ▶ (its name says the rest)
            self._set_compact(True)
            room = width - self.button.minimumWidth() - self._grid.horizontalSpacing()
        self._arrange(room >= BESIDE_LEAST_PX)
        button = self.button.sizeHint().height()
        if self._beside:
            return max(button, self.credit.heightForWidth(room))
        return button + 4 + self.credit.heightForWidth(width)

    def _set_compact(self, compact: bool) -> None:
        if compact != self._compact:
            self._compact = compact
            self.button.setMinimumWidth(COMPACT_WIDTH_PX if compact else 180)
            self.button.setMaximumWidth(COMPACT_WIDTH_PX if compact else 16_777_215)
            self.retranslate()

    # -- words and state ------------------------------------------------------------------------
    def retranslate(self) -> None:
        caption = self.item.caption_in(self.lang) or ""
        playing = self.playing
        if self._compact:
            self.button.setText("❚❚" if playing else "▶")
        else:
            self.button.setText(self.tr("❚❚  Pause") if playing else self.tr("▶  Listen"))
        what = self.tr("Recording: {caption}").format(caption=caption) if caption else self.tr("Recording")
        describe(self.button, (self.tr("Pause the recording") if playing else self.tr("Play the recording")),
                 what + ". " + self.tr("Its words are shown as captions while it plays."))
        self.setAccessibleName(what)
        self.credit.setAccessibleName(self.credit.text())

    def _state_changed(self, *_: object) -> None:
        if self.playing:
            self._asked_to_play = False
        self.retranslate()
        self.playing_changed.emit(self.playing)

    def played(self) -> float:
        """How far through the recording it is (0 to 1)."""
        duration = self.player.duration() if self.player is not None else 0
        return min(1.0, self.player.position() / duration) if self.player is not None and duration > 0 else 0.0

    def _follow(self, _position: int) -> None:
        if self.player is not None and self.player.duration() > 0:
            self.progress.emit(self.played())

    def _failed(self, _error: object, message: str) -> None:
        log.warning("cannot play %s: %s", self.item.path, message)
