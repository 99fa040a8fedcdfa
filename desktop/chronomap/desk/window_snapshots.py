"""The desk window's snapshots: export to PNG or PDF and copy to the clipboard, through the export path."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from chronomap.desk.window_part import WindowPart

if TYPE_CHECKING:
    pass

log = logging.getLogger("chronomap.ui")


class WindowSnapshots(WindowPart):
    """Part of :class:`~chronomap.desk.main_window.MainWindow`: the map at this moment, written or copied."""

    def export_snapshot_dialog(self) -> None:
        from chronomap.desk.export_dialog import ExportDialog, ask_export_path

        dialog = ExportDialog((self.map_view.width(), self.map_view.height()), self, self.settings)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        focus = self.model.moment.focus
        suggested = f"{self.exhibit.meta.id}-{focus.id if focus else self.model.day}.png"
        path = ask_export_path(self, suggested)
        if path is not None:
            self.export_snapshot(dialog.request(), path)

    def snapshot_image(self, request):
        """The current moment through the export path (same page, same bridge)."""
        from chronomap.export.snapshotter import Snapshotter

        view = None
        if request.current_view and (snapshot := self._ask_page_view()):
            view = (tuple(snapshot["center"]), snapshot["zoom"])
        snapshotter = Snapshotter(self.exhibit, request.options, timeline=self.timeline, lang=self.lang,
                                  appearance=self.builder.appearance)
        try:
            return snapshotter.render(self.model.moment, view)
        finally:
            snapshotter.close()

    def _ask_page_view(self) -> dict | None:
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        result: dict = {}

        def answered(snap: dict | None) -> None:
            result.update(snap or {})
            loop.quit()

        self.map_view.query(answered)
        if not result:
            guard = QTimer()  # stopped after: a single shot would stay pending for 5 s (the test suite's timer guard)
            guard.setSingleShot(True)
            guard.timeout.connect(loop.quit)
            guard.start(5000)
            loop.exec()
            guard.stop()
        return result or None

    def export_snapshot(self, request, path: Path) -> bool:
        """Write the snapshot; errors are shown, never raised."""
        from chronomap.export.options import ExportError
        from chronomap.export.snapshotter import Snapshotter, save_image_atomic

        try:
            request.options.validate()
            if path.suffix.lower() == ".pdf":
                snapshotter = Snapshotter(self.exhibit, request.options, vector=True, timeline=self.timeline, lang=self.lang,
                                          appearance=self.builder.appearance)
                try:
                    snapshotter.save_pdf(self.model.moment, path)
                finally:
                    snapshotter.close()
            else:
                save_image_atomic(self.snapshot_image(request), path)
        except (ExportError, OSError) as exc:
            log.error("export to %s failed: %s", path, exc)
            self.show_snapshot_failure(self.tr("Export failed"), self.tr("The snapshot was not written.") + f"\n\n{exc}")
            return False
        self.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 8000)
        return True

    def copy_snapshot(self) -> None:
        from PySide6.QtWidgets import QApplication

        from chronomap.desk.export_dialog import ExportRequest
        from chronomap.export.options import ExportError, SnapshotOptions

        size = (max(self.map_view.width(), 320), max(self.map_view.height(), 240))
        try:
            image = self.snapshot_image(ExportRequest(SnapshotOptions(*size, 1.0), current_view=True))
        except ExportError as exc:
            self.show_snapshot_failure(self.tr("Copy failed"), str(exc))
            return
        QApplication.clipboard().setImage(image)
        self.statusBar().showMessage(self.tr("Snapshot copied"), 5000)

    def show_snapshot_failure(self, title: str, text: str) -> None:
        """A window-modal warning that does not block the caller (an export may be asked for by a script
        or a test, and a nested modal loop would hold it until somebody clicks)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setObjectName("snapshotFailed")
        box.open()
        self.snapshot_failure_box = box
