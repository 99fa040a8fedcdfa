"""The desk window's focus ring over the map: a web view cannot show keyboard focus itself."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from chronomap.desk.window_part import WindowPart


class WindowFocus(WindowPart):
    """Part of :class:`~chronomap.desk.main_window.MainWindow`: the ring follows Tab onto the map and off it."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab: a web view cannot show focus itself, so the ring is laid over it."""
        moved = super().focusNextPrevChild(forward)
        focused = QApplication.focusWidget()
        on_map = focused is not None and (focused is self.map_view or self.map_view.isAncestorOf(focused))
        self.focus_ring.follow(self.map_view if on_map else None)
        return moved

    def _on_focus_changed(self, _old, new) -> None:
        target = self.focus_ring.target
        if target is not None and (new is None or not (new is target or target.isAncestorOf(new))):
            self.focus_ring.follow(None)

    def _place_focus_ring(self) -> None:
        if self.focus_ring.target is not None:
            self.focus_ring.follow(self.focus_ring.target)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_focus_ring()
