"""A focused control keeps the keys it uses itself, over the window's one-key shortcuts.

The desk binds Space (play), ←/→ (previous/next event) and Home/End to the whole window, so
they work wherever the focus is — but Qt then gives them to the shortcut before the control:
Space on a focused Next button started playing instead of pressing it, Space on an editor's button
or a list's check box did nothing it said, and the audio seek's arrows changed the event. A control
that uses a key claims it through ``ShortcutOverride`` (as text fields already do), and the key
goes to the control; anywhere else the shortcut still answers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSlider, QComboBox, QWidget

from chronomap.qt.timeline_slider import TimelineSlider

_SPACE = frozenset({Qt.Key.Key_Space})
_MOVES = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End})
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def keys_of(widget: QObject) -> frozenset[Qt.Key]:
    """The window-shortcut keys *widget* uses itself when it has the focus."""
    if isinstance(widget, (QAbstractButton, QComboBox)):
        return _SPACE
    if isinstance(widget, QAbstractItemView):
        return _SPACE | _MOVES  # check an item, open a branch, first and last row
    if isinstance(widget, QAbstractSlider) and not isinstance(widget, TimelineSlider):
        return _MOVES  # the time bar's arrows are the window's previous/next event, on purpose
    return frozenset()


class OwnKeys(QObject):
    """Watches each widget as it takes the focus; let it claim :func:`keys_of` it."""

    def watch(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and keys_of(new):
            new.installEventFilter(self)  # (installing it again only moves it first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.modifiers() in _PLAIN and Qt.Key(event.key()) in keys_of(watched)):
            event.accept()  # the key goes to the control, not to the shortcut
            return True
        return False
