"""A Qt Multimedia player for one recording, or why there cannot be one.

Qt Multimedia is imported with this module, on the GUI thread, so whoever imports this module
before any picture is decoded in the thread pool is safe from the import-order deadlock described
in :mod:`chronomap.desk.audio_control` (the desk's own copy of this guard predates this module).
Where Qt Multimedia cannot load (its system libraries missing: on Linux it needs libpulse0 even to
start) :func:`new_player` gives None and :data:`UNAVAILABLE` says why; the transcript is shown
either way.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

_multimedia: ModuleType | None
try:
    from PySide6 import QtMultimedia as _multimedia
except ImportError as _missing:
    _multimedia = None
    UNAVAILABLE = str(_missing)
else:
    UNAVAILABLE = ""

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer


def new_player(path: Path | str, parent: QObject) -> QMediaPlayer | None:
    """A player with an audio output, its source set to *path*; None where Qt Multimedia is missing."""
    if _multimedia is None:
        return None
    player = _multimedia.QMediaPlayer(parent)
    player.setAudioOutput(_multimedia.QAudioOutput(player))
    player.setSource(QUrl.fromLocalFile(str(path)))
    return player


def is_playing(player: QMediaPlayer | None) -> bool:
    return player is not None and player.playbackState() == player.PlaybackState.PlayingState
