"""Start the desk explorer: Qt set up, exhibit loaded, window shown."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from chronomap.errors import EXIT_INTERRUPTED
from chronomap.resources import default_exhibit_path

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

log = logging.getLogger("chronomap.ui")


#: How the desk's command line names the two ways of asking for a start (``StartError.field``).
START_OPTIONS = {"event": "--event", "at": "--at"}


def exit_on_ctrl_c(app: QCoreApplication) -> Callable[[], bool]:
    """Ctrl-C ends the event loop at once (:class:`~chronomap.qt.interrupt.SignalWake`), instead of a
    ``KeyboardInterrupt`` raised inside whatever slot ran next (logged there, and the window stayed up).
    The handler takes note and asks the loop to exit on its next turn, so a Ctrl-C before the loop
    runs is not lost."""
    from PySide6.QtCore import QTimer

    from chronomap.qt.interrupt import SignalWake

    asked: list[int] = []

    def note(signum: int, _frame: object) -> None:
        asked.append(signum)
        QTimer.singleShot(0, app, lambda: app.exit(EXIT_INTERRUPTED))

    wake = SignalWake(app, note)  # kept alive by the answer below, as long as the caller holds it
    return lambda: bool(asked) and wake is not None


def install_excepthook() -> None:
    """An exception in a slot is logged; the window stays up."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
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
    window = MainWindow(exhibit, start=start, restore=start is None)
    window.show()
    interrupted = exit_on_ctrl_c(app)
    log.info("explorer shown: %s", exhibit.meta.id)
    status = app.exec()
    if interrupted():
        raise KeyboardInterrupt  # said in one line by the command line's one handler, exit 130
    return status
