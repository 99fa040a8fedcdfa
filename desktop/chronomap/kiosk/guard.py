"""The kiosk's input guard: sees every input, lets through only what a visitor may do.

Every input event Qt receives from the platform (mouse, touch, keys, wheel,
tablet, drag-and-drop) is delivered first to the top-level QWindow, which then
hands it to a widget: the map's input goes on to the web view's child widgets,
so a filter on the view would miss it. The guard therefore filters the kiosk's
top-level window. (A Python filter on the QApplication itself would see the
same input, but PySide6 6.11 crashes in ``getWrapperForQObject`` when such a
filter is handed one of Qt WebEngine's internal Qt Quick objects; see the
kiosk README section.) The guard

* tells the modes (:class:`~chronomap.kiosk.modes.ModeMachine`) of every
  press, release and other input, and eats what they swallow: the press that
  wakes the attract loop or “Still there?” must not also click what is under
  it, and that one gesture only (its release, another gesture or a time-out
  ends it, so a lost release never leaves the kiosk deaf);
* takes every key: the staff chord (Ctrl+Alt+Shift+K) opens the PIN pad, a few
  plain keys (arrows, Space, Home, End, Page Up/Down, digits, Backspace, Enter,
  Tab and Shift+Tab, which the shell uses to move keyboard focus) are reported
  as ``key_pressed`` and nothing else reaches a widget, so Esc, F11, Ctrl+Q,
  Ctrl+W, Alt+F4 and the browser's own keys do nothing (Esc is reported only
  while *escape_wanted()* says something closes on it: an enlarged picture);
* refuses page zoom by Ctrl+wheel and touchpad pinch, drag-and-drop and context-menu events;
* counts taps in the staff corner (which the window keeps clear of every control,
  and a tap on a control never counts): five within three seconds open the PIN pad;
* closes any other top-level window that appears (a colour or file dialog, a
  message box, a menu) as soon as it gets focus, and sweeps for them every second.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputDevice, QKeySequence, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from chronomap.kiosk.modes import POINTER, WHEEL

log = logging.getLogger("chronomap.kiosk")

E = QEvent.Type
PRESSES = frozenset({E.MouseButtonPress, E.MouseButtonDblClick, E.TouchBegin, E.TabletPress, E.KeyPress, E.Wheel})
POINTER_RELEASES = frozenset({E.MouseButtonRelease, E.TouchEnd, E.TouchCancel, E.TabletRelease})
MOVES = frozenset({E.MouseMove, E.TouchUpdate, E.TabletMove})
INPUT = PRESSES | POINTER_RELEASES | MOVES | frozenset({E.KeyRelease})
REFUSED = frozenset({E.ContextMenu, E.ToolTip, E.WhatsThis, E.QueryWhatsThis, E.DragEnter, E.DragMove, E.Drop,
                     E.DragLeave, E.NativeGesture})
WATCHED = INPUT | REFUSED | frozenset({E.ShortcutOverride})

#: Keys a visitor's keyboard (if there is one) may use; reported, never delivered.
PLAIN_KEYS = frozenset({
    int(k) for k in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Space,
                     Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                     Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
} | {int(Qt.Key.Key_0) + i for i in range(10)})
CHORD_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
CHORD_KEY = int(Qt.Key.Key_K)
BLOCKING_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier

#: The staff corner's side (px): a fingertip's target that the layout keeps free of controls.
CORNER_PX = 72
CORNER_TAPS = 5
CORNER_WINDOW_S = 3.0


class ModeInput(Protocol):
    """What the guard tells the modes (:class:`chronomap.kiosk.modes.ModeMachine`)."""

    def activity(self) -> None: ...

    def press(self, source: Hashable = ..., *, expects_release: bool = True) -> bool: ...

    def release(self, source: Hashable = ...) -> bool: ...

    def is_swallowing(self) -> bool: ...


def _no_controls(_point: QPoint) -> bool:
    return False


class InputGuard(QObject):
    swallowed = Signal()  # a press that woke the kiosk was eaten (its gesture is eaten with it)
    key_pressed = Signal(int)  # a plain key (Qt.Key value)
    staff_requested = Signal(str)  # "chord" or "corner"
    refused = Signal(str)  # what was refused, for logs and tests

    def __init__(self, window: QWidget, modes: ModeInput, staff_zone: Callable[[], QRect],
                 on_control: Callable[[QPoint], bool] = _no_controls, clock: Callable[[], float] = time.monotonic,
                 escape_wanted: Callable[[], bool] = lambda: False):
        """*staff_zone* gives the staff corner in window coordinates (the window keeps it clear of
        controls); a tap there counts only when *on_control* says no control is under it."""
        super().__init__(window)
        self.window = window
        self.modes = modes
        self.staff_zone = staff_zone
        self.on_control = on_control
        self.escape_wanted = escape_wanted
        self._clock = clock
        self._taps: deque[float] = deque(maxlen=CORNER_TAPS)
        self._last_move: QPointF | None = None
        self._handle: QWindow | None = None
        self._sweep = QTimer(self)
        self._sweep.setInterval(1000)
        self._sweep.timeout.connect(self.close_foreign_windows)

    # -- set-up -------------------------------------------------------------------------
    def install(self) -> None:
        """Filter the kiosk window's input (creating its native window if need be)."""
        if self._handle is not None:
            return
        self.window.winId()
        handle = self.window.windowHandle()
        handle.installEventFilter(self)
        self._handle = handle
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_focus_window)
        self._sweep.start()

    def uninstall(self) -> None:
        self._sweep.stop()
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None
            app = QApplication.instance()
            if isinstance(app, QGuiApplication):
                app.focusWindowChanged.disconnect(self._on_focus_window)

    @property
    def installed(self) -> bool:
        return self._handle is not None

    # -- the filter ---------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in WATCHED:
            return False
        if kind == E.ShortcutOverride:
            event.accept()  # no QAction or QShortcut ever sees a key
            return True
        if kind in REFUSED:
            if kind in (E.DragEnter, E.DragMove, E.Drop):
                event.ignore()
            if kind in (E.ContextMenu, E.DragEnter, E.Drop, E.NativeGesture):
                self.refused.emit(kind.name)
                self.modes.activity()
            return True
        return self._input(event, kind)

    def _input(self, event: Any, kind: QEvent.Type) -> bool:
        if kind == E.MouseMove:
            pos = event.globalPosition()
            if self._last_move is not None and pos == self._last_move and not event.buttons():
                return self.modes.is_swallowing()  # a re-sent position is not a visitor
            self._last_move = pos
        if kind in (E.MouseButtonPress, E.TouchBegin, E.TabletPress):
            self._count_corner_tap(event)
        if kind in PRESSES:
            was_swallowing = self.modes.is_swallowing()
            if self.modes.press(self._source(event, kind), expects_release=kind != E.Wheel):
                if not was_swallowing:
                    self.swallowed.emit()
                return True
        elif self._is_release(event, kind):
            if self.modes.release(self._source(event, kind)):
                return True
        else:
            self.modes.activity()
            if self.modes.is_swallowing():
                return True
        if kind == E.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.refused.emit("ctrl+wheel")
            return True
        if kind == E.KeyPress:
            self._key(event)
        return kind in (E.KeyPress, E.KeyRelease)  # keys never reach a widget

    @staticmethod
    def _source(event: Any, kind: QEvent.Type) -> Hashable:
        """Which gesture a press or release belongs to (the modes swallow one gesture at a time)."""
        if kind in (E.KeyPress, E.KeyRelease):
            return int(event.key())
        return WHEEL if kind == E.Wheel else POINTER

    @staticmethod
    def _is_release(event: Any, kind: QEvent.Type) -> bool:
        """The end of a gesture: not a key's auto-repeat, not one button of several let go."""
        if kind == E.KeyRelease:
            return not event.isAutoRepeat()
        if kind == E.MouseButtonRelease:
            return not event.buttons()
        return kind in POINTER_RELEASES

    def _key(self, event: Any) -> None:
        key = int(event.key())
        mods = event.modifiers()
        if key == CHORD_KEY and (mods & CHORD_MODIFIERS) == CHORD_MODIFIERS:
            if not event.isAutoRepeat():
                log.info("staff chord pressed")
                self.staff_requested.emit("chord")
            return
        escape = key == int(Qt.Key.Key_Escape) and self.escape_wanted()
        if mods & BLOCKING_MODIFIERS or (key not in PLAIN_KEYS and not escape):
            self.refused.emit(f"key {QKeySequence(event.keyCombination()).toString() or hex(key)}")
            return
        self.key_pressed.emit(key)

    # -- the staff corner -----------------------------------------------------------------
    def corner_rect(self) -> QRect:
        """Where five taps open the PIN pad, in window coordinates."""
        return self.staff_zone()

    def _count_corner_tap(self, event: Any) -> None:
        if event.type() == E.MouseButtonPress and self._from_touch(event):
            return  # Qt's mouse copy of a touch already counted
        if event.type() == E.TouchBegin:
            points = event.points()
            if not points:
                return
            global_pos = points[0].globalPosition()
        else:
            global_pos = event.globalPosition()
        local = self.window.mapFromGlobal(global_pos.toPoint())
        if not self.corner_rect().contains(local) or self.on_control(local):
            self._taps.clear()
            return
        now = self._clock()
        self._taps.append(now)
        if len(self._taps) == CORNER_TAPS and now - self._taps[0] <= CORNER_WINDOW_S:
            self._taps.clear()
            log.info("staff corner tapped %d times", CORNER_TAPS)
            self.staff_requested.emit("corner")

    @staticmethod
    def _from_touch(event: Any) -> bool:
        device = event.pointingDevice()
        return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen

    # -- windows that are not the kiosk ----------------------------------------------------
    def _on_focus_window(self, window: QWindow | None) -> None:
        if window is not None and window is not self._handle:
            QTimer.singleShot(0, self, self.close_foreign_windows)

    def close_foreign_windows(self) -> int:
        """Close every visible top-level widget other than the kiosk (tooltips excepted); how many."""
        closed = 0
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Desktop):
                continue
            name = type(widget).__name__
            log.warning("closed a window the kiosk does not show: %s", name)
            self.refused.emit(f"window {name}")
            widget.close()
            closed += 1
        return closed
