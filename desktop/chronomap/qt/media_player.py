"""A Qt Multimedia player for one recording, or why there cannot be one.

Qt Multimedia is imported with this module, on the GUI thread; the desk imports it at its first
recording, which is safe once :func:`chronomap.qt.media_image.load_format_plugins` has run (see
:mod:`chronomap.desk.audio_control`). The desk's and the kiosk's players both come from here.
Where Qt Multimedia cannot load (its system libraries missing: on Linux it needs libpulse0 even to
start) :func:`new_player` gives None and :data:`UNAVAILABLE` says why; the transcript is shown
either way.

Why the player is made by QML and not by ``QMediaPlayer()``: a player and an audio output made
from Python are PySide wrapper objects, whose virtual functions ask Python (so take the interpreter
lock) whether a subclass overrides them. The FFmpeg backend's worker threads, tearing a renderer
down, disconnect from them and so wait for that lock, while the main thread, holding it, waits for
the workers (in ``stop()`` or the player's destructor): a deadlock, seen with py-spy in the kiosk
soak (the attract loop playing and stopping a recording at every turn) and at a test's teardown
(the window deleted inside a Python ``event()``). Objects a QQmlComponent makes are plain C++
objects: the workers never need Python. Play and pause still go through the event loop
(:func:`command`), so no Python frame is ever on the stack while the backend works.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, Qt, QUrl

_multimedia: ModuleType | None
try:
    from PySide6 import QtMultimedia as _multimedia
    from PySide6.QtQml import QQmlComponent, QQmlEngine
except ImportError as _missing:
    _multimedia = None
    UNAVAILABLE = str(_missing)
else:
    UNAVAILABLE = ""

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer

_PLAYER_QML = b"import QtMultimedia\nMediaPlayer { audioOutput: AudioOutput {} }\n"
_factory: tuple[QQmlEngine, QQmlComponent] | None = None


def _component() -> QQmlComponent | None:
    global _factory, UNAVAILABLE
    if _factory is None:
        engine = QQmlEngine()
        component = QQmlComponent(engine)
        component.setData(_PLAYER_QML, QUrl())
        if component.status() != QQmlComponent.Status.Ready:
            UNAVAILABLE = component.errorString().strip() or "the QtMultimedia QML module cannot be loaded"
            return None
        _factory = (engine, component)
    return _factory[1]


def new_player(path: Path | str, parent: QObject) -> QMediaPlayer | None:
    """A player with an audio output, its source set to *path*, owned by *parent*; None where Qt
    Multimedia is missing."""
    if _multimedia is None or (component := _component()) is None:
        return None
    player = component.create()
    if not isinstance(player, _multimedia.QMediaPlayer):
        return None
    player.setParent(parent)
    player.setSource(QUrl.fromLocalFile(str(path)))
    return player


def is_playing(player: QMediaPlayer | None) -> bool:
    return player is not None and player.playbackState() == player.PlaybackState.PlayingState


def command(player: QMediaPlayer, what: str) -> None:
    """``play``, ``pause`` or ``stop`` *player* from the event loop; ``playbackStateChanged`` follows."""
    assert what in ("play", "pause", "stop")
    QMetaObject.invokeMethod(player, what, Qt.ConnectionType.QueuedConnection)
