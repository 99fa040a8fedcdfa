"""The kiosk's map page over a long day: built once, locked down, restarted when hung, renewed now and then.

Why: an unattended page must never stay dead or grow old. A crashed render
process is reloaded by :class:`~chronomap.qt.map_view.MapView` itself (with
back-off); a hung one is found by :class:`~chronomap.qt.page_watch.PageWatch`
and killed here; and every ``renew_page_every`` resets the page starts afresh
in a new render process, so a day's leaks never pile up.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from chronomap.map.page import MapSpec, build_page
from chronomap.qt.map_lifecycle import RECOVERY_DELAY_MS
from chronomap.qt.map_view import MapView
from chronomap.qt.page_watch import PageWatch, restart_hung_page

if TYPE_CHECKING:
    from chronomap.map.page_types import PageState

log = logging.getLogger("chronomap.kiosk")

#: Render-process crash back-off: reload after these delays for the 1st, 2nd, … crash in a row.
RECOVERY_DELAYS_MS = (RECOVERY_DELAY_MS, 2_000, 10_000, 30_000)  # the first retry at once, then backing off
RECOVERY_STABLE_MS = 60_000
#: What the map area shows while its page (re)loads: the map's own sea colour (assets/map/chronomap.css).
SEA = QColor("#c9d6da")


def _ms(seconds: float) -> int:
    return max(1, round(float(seconds) * 1000))


class PageKeeper(QObject):
    """Owns *map_view*'s page for the kiosk; *show_again* puts the current moment on a reloaded page.

    *opening*: the page state of the kiosk's first moment, held in the page and drawn in its first frame
    (without it the base map was drawn at the initial view, then again where the first state framed it)."""

    restarted = Signal(str)  # the page was hung and was restarted; why

    def __init__(self, map_view: MapView, spec: MapSpec, exhibit_id: str, *, renew_every: int, hang_check_seconds: float,
                 hang_timeout_seconds: float, show_again: Callable[[], None], opening: dict[str, Any] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.map_view = map_view
        self.renew_every = renew_every
        self.show_again = show_again
        self.restarts = 0
        self.resets = 0
        self._dir = tempfile.TemporaryDirectory(prefix="chronomap-kiosk-")
        folder = self._dir
        self.destroyed.connect(lambda *_: folder.cleanup())
        self.page_path = build_page(spec, Path(self._dir.name) / exhibit_id, opening=cast("PageState | None", opening))
        map_view.js_error.connect(lambda message: log.error("map page error: %s", message))
        map_view.navigation_refused.connect(lambda url: log.warning("map page navigation refused: %s", url))
        map_view.set_recovery_delays(RECOVERY_DELAYS_MS, RECOVERY_STABLE_MS)
        map_view.lock_down(background=SEA)
        self.watch = PageWatch(map_view, _ms(hang_check_seconds), _ms(hang_timeout_seconds), parent=self)
        self.watch.hung.connect(self.restart)
        map_view.load(self.page_path)

    def start(self) -> None:
        self.watch.start()

    def stop(self) -> None:
        self.watch.stop()

    def reset(self) -> bool:
        """A reset of the kiosk: every ``renew_every``-th starts the page afresh (True when it does;
        the view shows its last state again once the fresh page is up)."""
        self.resets += 1
        renew = bool(self.renew_every) and self.resets % self.renew_every == 0 and self.map_view.is_ready
        if renew:
            self.map_view.renew()
        return renew

    def restart(self, why: str = "asked") -> None:
        """A hung page: kill its render process (MapView reloads it, with back-off, and restores the state)."""
        self.restarts += 1
        if not restart_hung_page(self.map_view, why):
            self.reload()
        self.restarted.emit(why)

    def reload(self) -> None:
        """Load the map page afresh and show the current moment on it."""
        self.map_view.load(self.page_path)
        self.show_again()
