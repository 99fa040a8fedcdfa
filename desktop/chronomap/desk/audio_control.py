"""A recording on the card: play/pause, a seek slider, the time, and its transcript always beside it.

Qt Multimedia plays the file offline (FFmpeg backend). Where it cannot be loaded at all (its
system libraries missing: on Linux it needs libpulse0 even to start) the controls are disabled and
say why; the transcript is there either way, so nothing the recording says is lost.
"""

from __future__ import annotations

import logging
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from chronomap.qt import theme
from chronomap.qt.media_credit import credit_line
from chronomap.session import Look
from chronomap.story.media import MediaItem

# Qt Multimedia (~5 MB, ~25 ms) is imported at the first recording, not at start: most exhibits have none.
# Importing it once deadlocked the suite while the pool decoded pictures: a decode thread loading an image
# plugin held Python's lock while it waited for the dynamic loader's, and the GUI thread, inside the loader
# for Qt Multimedia's libraries, logged through a Python message handler and waited for Python's lock.
# qt/media_image.load_format_plugins() loads every image plugin on the GUI thread before any decode runs, so
# a decode never waits for the loader and that cycle cannot form (tests/gui/test_audio_lazy.py opens a
# recording while pictures decode, in a process of its own, with a timeout).
_multimedia: ModuleType | None = None
_MULTIMEDIA_ERROR: str | None = None  # None: not tried yet; "" once imported; else why it cannot be


def _qt_multimedia() -> tuple[ModuleType | None, str]:
    """Qt Multimedia, imported on first use, or None and why not (e.g. libpulse.so.0 missing)."""
    global _multimedia, _MULTIMEDIA_ERROR
    if _multimedia is None and _MULTIMEDIA_ERROR is None:
        try:
            from PySide6 import QtMultimedia
        except ImportError as missing:  # the desk still works, the transcript still shows
            _MULTIMEDIA_ERROR = str(missing)
        else:
            _multimedia, _MULTIMEDIA_ERROR = QtMultimedia, ""
    return _multimedia, _MULTIMEDIA_ERROR or ""


if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer

log = logging.getLogger("chronomap.media")


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


class AudioControl(QWidget):
    """One recording; :attr:`player` is None where Qt Multimedia is not available (:attr:`unavailable` says why)."""

    def __init__(self, item: MediaItem, lang: str, look: Look, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("mediaAudio")
        c = theme.colours(look)
        caption = item.caption_in(lang) or ""
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("mediaCaption")
        self.caption.setWordWrap(True)
        self.credit = QLabel(credit_line(item, lang), self)
        self.credit.setObjectName("mediaCredit")
        self.credit.setWordWrap(True)
        self.credit.setStyleSheet(f"color: {c.muted_text.name()}; font-size: {theme.px(11, look)}px;")

        self.play_button = QToolButton(self)
        self.play_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.play_button.clicked.connect(self.toggle)
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.seek.setRange(0, 0)
        self.seek.setSingleStep(1000)
        self.seek.setPageStep(5000)
        self.seek.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.seek.valueChanged.connect(self._seek_to)
        self.time = QLabel(f"{_clock(0)} / {_clock(0)}", self)
        self.transcript = QLabel(item.transcript_in(lang) or "", self)
        self.transcript.setObjectName("mediaTranscript")
        self.transcript.setWordWrap(True)
        self.transcript.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.transcript.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.transcript.setStyleSheet(f"background: {c.panel.name()}; padding: 4px; font-size: {theme.px(12, look)}px;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.seek, 1)
        controls.addWidget(self.time)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.caption, 0, 0)
        grid.addLayout(controls, 1, 0)
        grid.addWidget(self.credit, 2, 0)
        grid.addWidget(self.note, 3, 0)
        grid.addWidget(self.transcript, 0, 1, 4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.play_button.setAccessibleName(self.tr("Play the recording"))
        self.play_button.setAccessibleDescription(self.tr("Starts or pauses the recording"))
        self.seek.setAccessibleName(self.tr("Position in the recording"))
        self.seek.setAccessibleDescription(self.tr("The arrow keys move by a second, Page Up and Page Down by five"))
        self.transcript.setAccessibleName(self.tr("Transcript"))
        self.transcript.setAccessibleDescription(self.tr("What the recording says, in words"))
        self.setAccessibleName(self.tr("Recording: {caption}").format(caption=caption) if caption else self.tr("Recording"))
        self.player: QMediaPlayer | None = None
        self.unavailable: str | None = None
        self._following = False
        self._start_player()
        self._show_state()

    def focus_chain(self) -> list[QWidget]:
        """Its controls in the order Tab visits them."""
        return [self.play_button, self.seek, self.transcript]

    def _start_player(self) -> None:
        multimedia, missing = _qt_multimedia()
        if multimedia is None:
            self.unavailable = missing
            log.warning("audio cannot be played: %s", missing)
            self.play_button.setEnabled(False)
            self.seek.setEnabled(False)
            self.note.setText(self.tr("This computer cannot play sound here; the transcript says what the recording says."))
            self.note.show()
            return
        from chronomap.qt import media_player  # made by QML, commanded through the event loop: see its docstring

        player = media_player.new_player(self.item.path, self)
        if player is None:
            self.unavailable = media_player.UNAVAILABLE
            log.warning("audio cannot be played: %s", self.unavailable)
            self.play_button.setEnabled(False)
            self.seek.setEnabled(False)
            self.note.setText(self.tr("This computer cannot play sound here; the transcript says what the recording says."))
            self.note.show()
            return
        player.durationChanged.connect(self._on_duration)
        player.positionChanged.connect(self._on_position)
        player.playbackStateChanged.connect(lambda *_: self._show_state())
        player.errorOccurred.connect(self._on_error)
        self.player = player

    @property
    def playing(self) -> bool:
        if self.player is None:
            return False  # (and Qt Multimedia may not even import)
        return self.player.playbackState() == self.player.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self.player is None:
            return
        from chronomap.qt.media_player import command  # (imported with the player, so no cost here)

        command(self.player, "pause" if self.playing else "play")

    def stop(self) -> None:
        if self.player is not None:
            from chronomap.qt.media_player import command

            command(self.player, "stop")

    def _show_state(self) -> None:
        playing = self.playing
        self.play_button.setText("❚❚" if playing else "▶")
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setAccessibleName(self.tr("Pause the recording") if playing else self.tr("Play the recording"))

    def _on_duration(self, ms: int) -> None:
        self._following = True
        self.seek.setMaximum(max(0, ms))
        self._following = False
        self._on_position(self.player.position() if self.player else 0)

    def _on_position(self, ms: int) -> None:
        self._following = True
        self.seek.setValue(ms)
        self._following = False
        self.time.setText(f"{_clock(ms)} / {_clock(self.seek.maximum())}")
        self.time.setAccessibleName(self.tr("{position} of {duration}").format(position=_clock(ms),
                                                                              duration=_clock(self.seek.maximum())))

    def _seek_to(self, ms: int) -> None:
        if not self._following and self.player is not None:
            self.player.setPosition(ms)

    def _on_error(self, _error: object, message: str) -> None:
        log.warning("cannot play %s: %s", self.item.path, message)
        self.note.setText(self.tr("The recording cannot be played: {reason}").format(reason=message))
        self.note.show()

