"""The editor's undo and redo: a ``QUndoStack`` whose steps are the editing model's own history.

The Qt-free :class:`~chronomap.authoring.edits.ExhibitEditor` stays the truth:
each step it keeps (typing in one field is one step until the field loses
focus) becomes one :class:`ModelStep` on the stack, and undoing or redoing a
step on the stack undoes or redoes it in the model. The stack gives the window
its Edit → Undo "Add event" / Redo items and Ctrl+Z / Ctrl+Shift+Z, which reach
the editor wherever the focus is in the window: in a text field (whose own
undo would otherwise take the keys and forget the model's) and on the map
(whose web page would otherwise take them as an editing command).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from chronomap.authoring.edits import Change, ExhibitEditor

#: The model's step labels (English, Qt-free) in the interface language, as the Edit menu names them.
STEP_NAMES: dict[str, Callable[[], str]] = {
    "Restore unsaved work": lambda: QCoreApplication.translate("StudioUndo", "Restore unsaved work"),
    "Add event": lambda: QCoreApplication.translate("StudioUndo", "Add event"),
    "Duplicate event": lambda: QCoreApplication.translate("StudioUndo", "Duplicate event"),
    "Delete event": lambda: QCoreApplication.translate("StudioUndo", "Delete event"),
    "Move event": lambda: QCoreApplication.translate("StudioUndo", "Move event"),
    "Edit title": lambda: QCoreApplication.translate("StudioUndo", "Edit title"),
    "Edit summary": lambda: QCoreApplication.translate("StudioUndo", "Edit summary"),
    "Edit date note": lambda: QCoreApplication.translate("StudioUndo", "Edit date note"),
    "Set date": lambda: QCoreApplication.translate("StudioUndo", "Set date"),
    "Set relative date": lambda: QCoreApplication.translate("StudioUndo", "Set relative date"),
    "Link passages": lambda: QCoreApplication.translate("StudioUndo", "Link passages"),
    "Link place": lambda: QCoreApplication.translate("StudioUndo", "Link place"),
    "Unlink place": lambda: QCoreApplication.translate("StudioUndo", "Unlink place"),
    "Edit role": lambda: QCoreApplication.translate("StudioUndo", "Edit role"),
    "Edit exhibit title": lambda: QCoreApplication.translate("StudioUndo", "Edit exhibit title"),
    "Edit exhibit subtitle": lambda: QCoreApplication.translate("StudioUndo", "Edit exhibit subtitle"),
    "Edit article source": lambda: QCoreApplication.translate("StudioUndo", "Edit article source"),
    "Edit article licence": lambda: QCoreApplication.translate("StudioUndo", "Edit article licence"),
    "Edit credits": lambda: QCoreApplication.translate("StudioUndo", "Edit credits"),
    "Set period": lambda: QCoreApplication.translate("StudioUndo", "Set period"),
    "Set map frame": lambda: QCoreApplication.translate("StudioUndo", "Set map frame"),
    "Add place": lambda: QCoreApplication.translate("StudioUndo", "Add place"),
    "Move place": lambda: QCoreApplication.translate("StudioUndo", "Move place"),
    "Choose place": lambda: QCoreApplication.translate("StudioUndo", "Choose place"),
    "Confirm place": lambda: QCoreApplication.translate("StudioUndo", "Confirm place"),
    "Choose candidate": lambda: QCoreApplication.translate("StudioUndo", "Choose candidate"),
    "Set region": lambda: QCoreApplication.translate("StudioUndo", "Set region"),
    "Add historical name": lambda: QCoreApplication.translate("StudioUndo", "Add historical name"),
    "Remove historical name": lambda: QCoreApplication.translate("StudioUndo", "Remove historical name"),
    "Rename place": lambda: QCoreApplication.translate("StudioUndo", "Rename place"),
    "Delete place": lambda: QCoreApplication.translate("StudioUndo", "Delete place"),
    "Accept event": lambda: QCoreApplication.translate("StudioUndo", "Accept event"),
    "Fix date": lambda: QCoreApplication.translate("StudioUndo", "Fix date"),
    "Merge events": lambda: QCoreApplication.translate("StudioUndo", "Merge events"),
    "New event from sentence": lambda: QCoreApplication.translate("StudioUndo", "New event from sentence"),
}


def step_name(label: str) -> str:
    """A model step's name in the interface language (its English label when no translation is known)."""
    words = STEP_NAMES.get(label)
    return words() if words is not None else label


class ModelStep(QUndoCommand):
    """One step of the model's history on the stack: pushed once the model has applied it."""

    def __init__(self, undo: StudioUndo, change: Change):
        super().__init__(step_name(change.label))
        self.change = change
        self._undo = undo
        self._applied = True  # QUndoStack.push calls redo(): the model did it already

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._undo.replay(self._undo.editor.redo)

    def undo(self) -> None:
        self._undo.replay(self._undo.editor.undo)

    def retranslate(self) -> None:
        self.setText(step_name(self.change.label))


#: Keys that undo and redo in the editor, wherever the focus is in its window.
UNDO_KEYS = (QKeySequence(QKeySequence.StandardKey.Undo),)
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo))


class StudioUndo(QObject):
    """The stack, the window's Undo and Redo actions, and the keys that reach them from any widget.

    ``replayed()`` follows an undo or redo the stack made in the model (the views show the model again).
    """

    replayed = Signal()

    def __init__(self, editor: ExhibitEditor, window: QWidget, menu: QMenu | None = None):
        super().__init__(window)
        self.editor = editor
        self.window_ = window
        self.stack = QUndoStack(self)
        self._replaying = False
        self.act_undo = QAction(window)
        self.act_undo.setObjectName("studioUndo")
        self.act_undo.setShortcuts(list(UNDO_KEYS))
        self.act_redo = QAction(window)
        self.act_redo.setObjectName("studioRedo")
        self.act_redo.setShortcuts(list(REDO_KEYS))
        self.act_undo.triggered.connect(self.stack.undo)
        self.act_redo.triggered.connect(self.stack.redo)
        for signal in (self.stack.indexChanged, self.stack.canUndoChanged, self.stack.canRedoChanged):
            signal.connect(lambda *_: self.retranslate())
        window.addAction(self.act_undo)
        window.addAction(self.act_redo)
        self._menu = menu
        if menu is not None:
            self._separator: QAction | None = None
            if menu.actions():
                first = menu.actions()[0]
                menu.insertActions(first, [self.act_undo, self.act_redo])
                self._separator = menu.insertSeparator(first)
            else:
                menu.addActions([self.act_undo, self.act_redo])
        editor.listeners.append(self._changed)
        self.keys = UndoKeys(self)
        self.retranslate()

    def retranslate(self) -> None:
        if not (shiboken6.isValid(self.stack) and shiboken6.isValid(self.act_undo) and shiboken6.isValid(self.act_redo)):
            return  # the window is going: its stack and actions go with it
        undo, redo = self.stack.undoText(), self.stack.redoText()
        self.act_undo.setText(QCoreApplication.translate("StudioUndo", "&Undo {action}").format(action=undo) if undo
                              else QCoreApplication.translate("StudioUndo", "&Undo"))
        self.act_redo.setText(QCoreApplication.translate("StudioUndo", "&Redo {action}").format(action=redo) if redo
                              else QCoreApplication.translate("StudioUndo", "&Redo"))
        self.act_undo.setEnabled(self.stack.canUndo())
        self.act_redo.setEnabled(self.stack.canRedo())
        for act, keys in ((self.act_undo, "Ctrl+Z"), (self.act_redo, "Ctrl+Shift+Z")):
            act.setToolTip(f"{act.text().replace('&', '')} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")

    def retranslate_steps(self) -> None:
        """The steps' names in the new interface language (the menu shows the next one's)."""
        for index in range(self.stack.count()):
            step = self.stack.command(index)
            if isinstance(step, ModelStep):
                step.retranslate()
        self.retranslate()

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def replay(self, run: Callable[[], bool]) -> None:
        """An undo or redo of the stack, made in the model (its notification is not a new step)."""
        self._replaying = True
        try:
            run()
        finally:
            self._replaying = False
        self.replayed.emit()

    def _changed(self, change: Change | None) -> None:
        """A step the model applied goes on the stack; more typing in the same field is the same step."""
        if change is None or self._replaying or not shiboken6.isValid(self.stack):
            return
        index = self.stack.index()
        top = self.stack.command(index - 1) if index > 0 else None
        if isinstance(top, ModelStep) and top.change is change:
            if self.editor.current_step() is not change:  # typed back to where it began: no step at all
                top.setObsolete(True)
                self.stack.undo()  # an obsolete step is dropped, not undone
            return
        self.stack.push(ModelStep(self, change))

    def close(self) -> None:
        """Edit mode over: the keys, the menu items and the listener go."""
        if self._changed in self.editor.listeners:
            self.editor.listeners.remove(self._changed)
        if self._menu is not None:
            for act in (self.act_undo, self.act_redo, self._separator):
                if act is not None:
                    self._menu.removeAction(act)
        self.window_.removeAction(self.act_undo)
        self.window_.removeAction(self.act_redo)
        self.stack.clear()


class UndoKeys(QObject):
    """An event filter on the widgets that take Ctrl+Z for their own undo (text fields, the web page's
    focus proxy, through a ShortcutOverride): the keys go to the window's Undo and Redo instead."""

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            widget.removeEventFilter(self)  # once each
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and _is_undo_key(event):
            event.ignore()
            return True
        return False


def _is_undo_key(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in (*UNDO_KEYS, *REDO_KEYS))
