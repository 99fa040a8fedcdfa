"""The kiosk's keyboard: what each plain key does, and the focus chain Tab walks.

Why: the kiosk is touch-first, but every control must be reachable with Tab /
Shift+Tab (a thick frame shows where focus is) and pressed with Enter or
Space; the arrows, Home/End and Page Up/Down act wherever focus is. The input
guard lets no key reach a widget; it hands plain keys here
(:meth:`KeyMap.handle`), which decides by what is on the screen now.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from chronomap.kiosk.pin_pad import PinPad
from chronomap.qt.focus_ring import FocusRing

K = Qt.Key
PRESS_KEYS = frozenset({K.Key_Return.value, K.Key_Enter.value, K.Key_Space.value})
PIN_KEYS = {K.Key_Backspace.value: "delete", K.Key_Return.value: "ok", K.Key_Enter.value: "ok",
            **{K.Key_0.value + i: str(i) for i in range(10)}}


class FocusChain(QObject):
    """Tab order over *controls()* (what is reachable now); the ring marks the controls that cannot
    show focus themselves (*ringed*: the timeline, the map)."""

    def __init__(self, window: QWidget, ring: FocusRing, controls: Callable[[], list[QWidget]],
                 ringed: Callable[[], tuple[QWidget, ...]]):
        super().__init__(window)
        self.window = window
        self.ring = ring
        self.controls = controls
        self.ringed = ringed
        self._watching = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def chain(self) -> list[QWidget]:
        return [w for w in self.controls() if w.isVisible() and w.isEnabled()]

    def move(self, forward: bool = True) -> QWidget | None:
        chain = self.chain()
        if not chain:
            return None
        current = QApplication.focusWidget()
        index = next((i for i, w in enumerate(chain) if w is current or (current is not None and w.isAncestorOf(current))),
                     None)
        if index is None:
            target = chain[0] if forward else chain[-1]
        else:
            target = chain[(index + (1 if forward else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        # buttons and the article show focus through the style sheet; the timeline and the map by the ring
        self.ring.follow(target if target in self.ringed() else None)
        return target

    def focused_button(self) -> QAbstractButton | None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QAbstractButton) and widget in self.chain():
            return widget
        return None

    def clear(self) -> None:
        """Nobody's focus: the window holds it, and no frame shows (the next visitor starts clean)."""
        self.window.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ring.follow(None)

    def follow_layout(self) -> None:
        """The window was laid out again: the ring follows its target."""
        if self.ring.target is not None:
            self.ring.follow(self.ring.target)

    def stop(self) -> None:
        if self._watching:
            self._watching = False
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.disconnect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The ring goes when focus moves elsewhere (a touch on the map focuses the page: no ring)."""
        target = self.ring.target
        if target is not None and (new is None or not target.isAncestorOf(new)):
            self.ring.follow(None)


class KeyMap:
    """Plain keys, by what is on the screen: the PIN pad takes digits; otherwise *actions* (Qt key
    value → what it does) while *active()*; Tab moves focus, Enter/Space press the focused button."""

    def __init__(self, focus: FocusChain, pin_pad: PinPad, active: Callable[[], bool],
                 actions: Mapping[int, Callable[[], object]]):
        self.focus = focus
        self.pin_pad = pin_pad
        self.active = active
        self.actions = actions

    def handle(self, key: int) -> None:
        if key in (K.Key_Tab.value, K.Key_Backtab.value):
            if self.active() or self.pin_pad.isVisible():
                self.focus.move(forward=key == K.Key_Tab.value)
            return
        focused = self.focus.focused_button()
        if key in PRESS_KEYS and focused is not None and (self.active() or self.pin_pad.isVisible()):
            focused.click()
            return
        if self.pin_pad.isVisible():
            if key in PIN_KEYS:
                self.pin_pad.press(PIN_KEYS[key])
            return
        if not self.active():
            return
        action = self.actions.get(key)
        if action is not None:
            action()
