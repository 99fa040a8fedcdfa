"""The base of the desk window's parts (the ``window_*`` mixins of :class:`~chronomap.desk.main_window.MainWindow`).

To the type checker a part is a QMainWindow that has what the parts give one another; at run time it is a
plain class. Two Python classes that each derive from QMainWindow in one window's bases crash Shiboken:
its QPaintDevice calls on the window (``devicePixelRatio()``) go to a wrong address and segfault. (The
declarations stay out of the parts' class bodies: lupdate loses a class's context after an ``if`` block
there, and the class's strings would go untranslated.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QComboBox, QMainWindow

    from chronomap.map.view_state import MapStateBuilder
    from chronomap.qt.focus_ring import FocusRing
    from chronomap.qt.map_view import MapView
    from chronomap.qt.presenter import Player
    from chronomap.qt.session import Look, Moment, SessionModel
    from chronomap.qt.timeline_slider import TimelineSlider
    from chronomap.story.model import Exhibit
    from chronomap.story.timeline import Timeline

    class WindowPart(QMainWindow):
        """The window as its parts see one another (each is set or defined by one of them or by MainWindow)."""

        settings: QSettings
        exhibit: Exhibit
        timeline: Timeline
        model: SessionModel
        builder: MapStateBuilder
        map_view: MapView
        slider: TimelineSlider
        player: Player
        speed: QComboBox
        focus_ring: FocusRing
        act_prev: QAction
        act_play: QAction
        act_next: QAction
        act_contrast: QAction
        act_large: QAction
        act_languages: dict[str, QAction]

        @property
        def lang(self) -> str: ...
        def _install(self, exhibit: Exhibit, language: str, look: Look, *, start: Moment | None = None,
                     restore: bool = False) -> None: ...
        def open_exhibit_dialog(self) -> None: ...
        def new_exhibit_dialog(self, folder: Path | None = None) -> None: ...
        def edit_exhibit(self) -> None: ...
        def toggle_play(self) -> None: ...
        def stop_playing(self) -> None: ...
        def show_about(self) -> None: ...
        def export_snapshot_dialog(self) -> None: ...
        def copy_snapshot(self) -> None: ...
        def set_appearance(self, high_contrast: bool | None = None, large: bool | None = None) -> None: ...
        def _rebuild_events_menu(self) -> None: ...
else:
    class WindowPart:
        """A part of the window: MainWindow lists QMainWindow after its parts."""
