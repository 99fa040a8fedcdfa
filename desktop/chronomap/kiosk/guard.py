"""The kiosk's input guard: sees every input, lets through only what a visitor may do.

Every input event Qt receives from the platform (mouse, touch, keys, wheel,
tablet, drag-and-drop) is delivered first to the top-level QWindow, which then
hands it to a widget: the map's input goes on to the web view's child widgets,
so a filter on the view would miss it. The guard therefore filters the kiosk's
top-level window. (A Python filter on the QApplication itself would see the
same input, but PySide6 6.11 crashes in ``getWrapperForQObject`` when such a
filter is handed one of Qt WebEngine's internal Qt Quick objects; see the
kiosk README section.) The guard

* reports every mouse, touch, key, wheel and tablet event as ``activity``;
* swallows the first press after :meth:`InputGuard.swallow_next_press` (the
  touch that wakes the attract loop must not also click what is under it),
  together with everything up to its release;
* takes every key: the staff chord (Ctrl+Alt+Shift+K) opens the PIN pad, a few
  plain keys (arrows, Space, Home, End, Page Up/Down, digits, Backspace, Enter,
  Tab and Shift+Tab, which the shell uses to move keyboard focus) are reported
  as ``key_pressed`` and nothing else reaches a widget, so Esc, F11, Ctrl+Q,
  Ctrl+W, Alt+F4 and the browser's own keys do nothing;
* refuses page zoom by Ctrl+wheel and touchpad pinch, drag-and-drop and context-menu events;
* counts taps in the staff corner: five within three seconds open the PIN pad;
* closes any other top-level window that appears (a colour or file dialog, a
  message box, a menu) as soon as it gets focus, and sweeps for them every second.
"""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputDevice, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

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

CORNER_PX = 96
CORNER_TAPS = 5
CORNER_WINDOW_S = 3.0


class InputGuard(QObject):
    activity = Signal()
    swallowed = Signal()  # the press after swallow_next_press() was eaten
    key_pressed = Signal(int)  # a plain key (Qt.Key value)
    staff_requested = Signal(str)  # "chord" or "corner"
    refused = Signal(str)  # what was refused, for logs and tests

    def __init__(self, window: QWidget, corner: str = "top-left", clock=time.monotonic):
        super().__init__(window)
        self.window = window
        self.corner = corner
        self._clock = clock
        self._swallow_next = False
        self._swallowing: str | None = None  # "pointer" | "key" while a swallowed press is held
        self._swallowed_key: int | None = None
        self._taps: deque[float] = deque(maxlen=CORNER_TAPS)
        self._last_move: QPointF | None = None
        self._handle = None
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

    def swallow_next_press(self, on: bool = True) -> None:
        """Eat the next press (touch, click, key, wheel) and its release; report it as activity."""
        self._swallow_next = on

    @property
    def swallowing(self) -> bool:
        return self._swallow_next or self._swallowing is not None

    # -- the filter ---------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
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
                self.activity.emit()
            return True
        return self._input(obj, event, kind)

    def _input(self, obj, event, kind) -> bool:
        if kind == E.MouseMove:
            pos = event.globalPosition()
            if self._last_move is not None and pos == self._last_move and not event.buttons():
                return self._swallowing is not None  # a re-sent position is not a visitor
            self._last_move = pos
        if kind in (E.MouseButtonPress, E.TouchBegin, E.TabletPress):
            self._count_corner_tap(event)

        if self._swallowing is not None:
            self._continue_swallow(event, kind)
            self.activity.emit()
            return True
        if self._swallow_next and kind in PRESSES:
            self._swallow_next = False
            if kind == E.KeyPress:
                self._swallowing = "key"
                self._swallowed_key = int(event.key())
            elif kind != E.Wheel:
                self._swallowing = "pointer"
            self.swallowed.emit()
            self.activity.emit()
            return True

        if kind == E.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.refused.emit("ctrl+wheel")
            self.activity.emit()
            return True
        if kind in (E.KeyPress, E.KeyRelease):
            self.activity.emit()
            if kind == E.KeyPress:
                self._key(event)
            return True
        self.activity.emit()
        return False

    def _continue_swallow(self, event, kind) -> None:
        if self._swallowing == "key":
            if kind == E.KeyRelease and int(event.key()) == self._swallowed_key and not event.isAutoRepeat():
                self._swallowing = None
                self._swallowed_key = None
            return
        if kind in POINTER_RELEASES:
            if kind == E.MouseButtonRelease and event.buttons():
                return
            self._swallowing = None

    def _key(self, event) -> None:
        key = int(event.key())
        mods = event.modifiers()
        if key == CHORD_KEY and (mods & CHORD_MODIFIERS) == CHORD_MODIFIERS:
            if not event.isAutoRepeat():
                log.info("staff chord pressed")
                self.staff_requested.emit("chord")
            return
        if mods & BLOCKING_MODIFIERS or key not in PLAIN_KEYS:
            self.refused.emit(f"key {QKeySequence(event.keyCombination()).toString() or hex(key)}")
            return
        self.key_pressed.emit(key)

    # -- the staff corner -----------------------------------------------------------------
    def corner_rect(self) -> QRect:
        w, h = self.window.width(), self.window.height()
        x = 0 if self.corner.endswith("left") else w - CORNER_PX
        y = 0 if self.corner.startswith("top") else h - CORNER_PX
        return QRect(x, y, CORNER_PX, CORNER_PX)

    def _count_corner_tap(self, event) -> None:
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
        if not self.corner_rect().contains(local):
            self._taps.clear()
            return
        now = self._clock()
        self._taps.append(now)
        if len(self._taps) == CORNER_TAPS and now - self._taps[0] <= CORNER_WINDOW_S:
            self._taps.clear()
            log.info("staff corner tapped %d times", CORNER_TAPS)
            self.staff_requested.emit("corner")

    @staticmethod
    def _from_touch(event) -> bool:
        device = event.pointingDevice()
        return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen

    # -- windows that are not the kiosk ----------------------------------------------------
    def _on_focus_window(self, window) -> None:
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
