"""The kiosk's media, wired to the window: enlarge, keys, the attract loop's sound, and resets.

Why apart from the shell: the window lays out and wires the explorer; what the media add (a tap on
a picture opens the viewer, Esc and the arrows work inside it, the loop plays a recording only when
``attract_audio`` says so, a reset closes the viewer and silences everything) is one job of its own.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from chronomap.kiosk.modes import Mode

if TYPE_CHECKING:
    from chronomap.kiosk.shell import KioskWindow

log = logging.getLogger("chronomap.kiosk")


class KioskMedia(QObject):
    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        self.strip = window.card.media
        self.viewer = window.viewer
        self.attract_audio = bool(window.config.attract_audio)
        self._mode = window.modes.mode.value
        self.strip.enlarge.connect(self.enlarge)
        window.model.language_changed.connect(self._language_changed)
        window.presenter.shown.connect(lambda _moment: self._loop_sound())
        window.modes.mode_changed.connect(self._mode_changed)
        self.strip.audio_playing.connect(window.modes.machine.listening_changed)  # no idle time while one listens

    @property
    def viewing(self) -> bool:
        return self.viewer.isVisible()

    def enlarge(self, index: int) -> None:
        self.window.focus.clear()
        self.viewer.show_images(self.strip.images, index, self.window.model.language)
        log.info("picture enlarged: %s", self.strip.images[self.viewer.index].file if self.strip.images else "?")

    def left(self) -> None:
        if self.viewing:
            self.viewer.step(-1)
        else:
            self.window.previous_event()

    def right(self) -> None:
        if self.viewing:
            self.viewer.step(1)
        else:
            self.window.next_event()

    def escape(self) -> None:
        self.viewer.close_viewer()

    def reset(self) -> None:
        """A reset: the viewer closed, every recording silent."""
        self.viewer.close_viewer()
        self.strip.stop_audio()

    def _language_changed(self, lang: str) -> None:
        if self.viewing:
            self.viewer.show_images(self.viewer.images, self.viewer.index, lang)

    def _loop_sound(self) -> None:
        """In the attract loop, the shown event's first recording, if the settings allow sound by itself."""
        if self.attract_audio and self.window.modes.mode is Mode.ATTRACT:
            self.strip.play_first()

    def _mode_changed(self, mode: str) -> None:
        was, self._mode = self._mode, mode
        if mode == Mode.ATTRACT.value:
            self._loop_sound()
        elif was == Mode.ATTRACT.value and self.attract_audio:
            self.strip.stop_audio()  # the loop's sound is the loop's: the touch that ends the loop ends it
