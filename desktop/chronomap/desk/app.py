"""Start the desk explorer: Qt set up, exhibit loaded, window shown."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from chronomap.resources import default_exhibit_path

log = logging.getLogger("chronomap.ui")


def resolve_start(timeline, at: str | None, event: str | None) -> tuple[str, int | str] | None:
    """('event', id) or ('day', n) for --event / --at; raises UsageError on a bad value."""
    from chronomap.cli import UsageError

    if event is not None:
        if not timeline.exhibit.has_event(event):
            known = ", ".join(e.id for e in timeline.events)
            raise UsageError(f"no event {event!r} in this exhibit; known events: {known}")
        return ("event", event)
    if at is not None:
        try:
            return ("day", timeline.day_for(at))
        except ValueError as exc:
            raise UsageError(f"--at {exc}") from None
    return None


def install_excepthook() -> None:
    """An exception in a slot is logged; the window stays up."""

    def hook(exc_type, exc, tb):
        logging.getLogger("chronomap").error("unhandled exception", exc_info=(exc_type, exc, tb))

    sys.excepthook = hook


def run_explorer(story: Path | None = None, at: str | None = None, event: str | None = None) -> int:
    from chronomap.qt.webengine import configure_webengine
    from chronomap.story.loader import load_exhibit
    from chronomap.story.timeline import Timeline

    exhibit = load_exhibit(story or default_exhibit_path())  # errors reach the CLI's handler
    start = resolve_start(Timeline(exhibit), at, event)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    configure_webengine()
    from PySide6.QtWidgets import QApplication

    from chronomap.desk.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Chronomap")
    app.setOrganizationName("Chronomap")
    install_excepthook()
    window = MainWindow(exhibit)
    if start is None:
        window.restore_last_moment()
    elif start[0] == "event":
        window.model.go_to_event(start[1])
    else:
        window.model.set_day(start[1])
    window.show()
    return app.exec()
