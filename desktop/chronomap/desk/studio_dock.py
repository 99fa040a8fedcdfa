"""The exhibit editor docked in the desk window (File → Edit exhibit, ``chronomap edit``), and its end.

Closing the dock ends edit mode: unsaved work is saved or discarded as the
curator says, the window shows the exhibit as it is on disk again, and the
map reports no more clicks. The kiosk never opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDockWidget

from chronomap.authoring.edits import ExhibitEditor
from chronomap.desk.studio import StudioPanel
from chronomap.story.model import ExhibitError

if TYPE_CHECKING:
    from chronomap.desk.main_window import MainWindow

#: The editor keeps at least this width beside the map (px).
EDITOR_MIN_WIDTH = 420


class StudioDock(QDockWidget):
    """The editor docked in the desk window; closing it ends edit mode (unsaved work stays until then)."""

    def __init__(self, window: MainWindow, editor: ExhibitEditor, search: Any = None):
        super().__init__(window)
        self.setObjectName("studioDock")
        self.editor = editor
        self.panel = StudioPanel(window, editor, search, self)
        self.setWidget(self.panel)
        self.setMinimumWidth(EDITOR_MIN_WIDTH)  # a long title on the card must not squeeze the form as you type
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.retranslate()
        self.window_ = window
        self._ended = False
        window.installEventFilter(self)
        self.panel.ended.connect(lambda: self.end(reopen=False))
        self.destroyed.connect(lambda *_: editor.close())

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802
        """The window closing with unsaved edits asks first (Cancel keeps it open)."""
        if watched is self.window_ and event.type() == QEvent.Type.Close and not self._ended:
            if not self.panel.ask_unsaved():
                event.ignore()
                return True
            self._ended = True
        return False

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        if not self._ended and not self.panel.ask_unsaved():
            event.ignore()
            return
        super().closeEvent(event)
        self.end(reopen=True)

    def end(self, reopen: bool) -> None:
        """Edit mode over: the window shows the exhibit as saved (from its own folder), the editor goes."""
        if self._ended and not reopen:
            return
        self._ended = True
        self.panel._timer.stop()  # no late preview over what the window shows next
        self.panel.surfaces.disarm()
        self.panel.close_undo()
        self.panel.review.detach()  # the visitors' article again: no review marks
        self.editor.discard_recovery()  # saved or discarded as the curator said
        self.window_.removeEventFilter(self)
        if reopen and shiboken6.isValid(self.window_):
            self.panel.applying = True  # not 'another exhibit': this one, as it is on disk
            self.window_.open_exhibit(self.editor.folder)
        self.deleteLater()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exhibit editor"))
        self.setAccessibleName(self.windowTitle())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_studio(window: MainWindow, search: Any = None) -> StudioDock | None:
    """Edit the window's exhibit in a dock beside its map; None (and one message) when it cannot be edited."""
    existing = next((dock for dock in window.findChildren(StudioDock) if not dock._ended), None)
    if existing is not None:  # an ended one (another exhibit opened) is on its way out
        existing.show()
        existing.raise_()
        return existing
    try:
        editor = ExhibitEditor(window.exhibit.path)
    except ExhibitError as exc:
        window.show_exhibit_errors(window.exhibit.path, exc)
        return None
    dock = StudioDock(window, editor, search)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.show()
    dock.panel.events.setFocus()
    return dock
