"""Start the desk explorer: Qt set up, exhibit loaded, window shown."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from chronomap.resources import default_exhibit_path

log = logging.getLogger("chronomap.ui")


#: How the desk's command line names the two ways of asking for a start (``StartError.field``).
START_OPTIONS = {"event": "--event", "at": "--at"}


def install_excepthook() -> None:
    """An exception in a slot is logged; the window stays up."""

    def hook(exc_type, exc, tb):
        logging.getLogger("chronomap").error("unhandled exception", exc_info=(exc_type, exc, tb))

    sys.excepthook = hook


def run_explorer(story: Path | None = None, at: str | None = None, event: str | None = None) -> int:
    """Open the explorer; the exhibit and the start are checked before Qt, so a refusal never opens a window."""
    from chronomap.errors import StartError
    from chronomap.qt.webengine import configure_webengine
    from chronomap.story.loader import load_exhibit
    from chronomap.story.start import resolve_start
    from chronomap.story.timeline import Timeline

    exhibit = load_exhibit(story or default_exhibit_path())  # errors reach the CLI's one handler
    try:
        start = resolve_start(Timeline(exhibit), at=at, event=event)
    except StartError as exc:
        raise exc.named(START_OPTIONS) from None

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
    else:
        window.model.set_moment(start)
    window.show()
    return app.exec()
