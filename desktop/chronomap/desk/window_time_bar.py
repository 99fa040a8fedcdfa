"""The desk window's time bar (date, event, play controls above the seek bar) and what its controls do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from chronomap.desk.fit import ReflowRow
from chronomap.desk.window_part import WindowPart

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from chronomap.qt.session import Moment

PLAY_SPEEDS = (("0.5×", 8000), ("1×", 4000), ("2×", 2000), ("4×", 1000))


class WindowTimeBar(WindowPart):
    """Part of :class:`~chronomap.desk.main_window.MainWindow`: the bar along the bottom and playing."""

    def _build_time_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("timeBar")
        outer = QVBoxLayout(bar)
        outer.setContentsMargins(16, 8, 16, 6)
        outer.setSpacing(2)
        self.date_label = QLabel(self)
        self.date_label.setObjectName("dateLabel")
        self.event_label = QLabel(self)
        self.event_label.setObjectName("eventTitle")
        self.prev_button = self._tool_button(self.act_prev)
        self.play_button = self._tool_button(self.act_play)
        self.next_button = self._tool_button(self.act_next)
        self.speed = QComboBox(self)
        for label, ms in PLAY_SPEEDS:
            self.speed.addItem(label, ms)
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        # On Linux a combo box's accessible name is its current value ("1×"); a screen reader names
        # it by the label that is its buddy (AT-SPI's labelled-by relation).
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setBuddy(self.speed)
        controls = QWidget(bar)
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.prev_button)
        row.addWidget(self.play_button)
        row.addWidget(self.next_button)
        row.addSpacing(8)
        row.addWidget(self.speed_label)
        row.addWidget(self.speed)
        # The date, the event and the controls side by side when they fit, else one above the other:
        # the window's minimum width is the widest part's, not their sum (large text, Russian words).
        heading = ReflowRow(self.date_label, self.event_label, spacing=12)
        self.time_row = ReflowRow(heading, controls, bar)
        outer.addWidget(self.time_row)
        outer.addWidget(self.slider)
        return bar

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _moment_shown(self, _moment: Moment) -> None:
        self.act_prev.setEnabled(self.model.can_go_previous())
        self.act_next.setEnabled(self.model.can_go_next())

    def toggle_play(self) -> None:
        self.player.toggle()

    def stop_playing(self) -> None:
        self.player.stop()

    def is_playing(self) -> bool:
        return self.model.playing

    def _playing_changed(self, playing: bool) -> None:
        self.act_play.setChecked(playing)
        self.act_play.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _speed_changed(self) -> None:
        self.player.restart_hold()
