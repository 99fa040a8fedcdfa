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
    from PySide6.QtCore import QCoreApplication, QSettings

    from chronomap.desk.main_window import MainWindow
    from chronomap.desk.start_memo import EarlyPage
    from chronomap.qt.map_view import MapView
    from chronomap.qt.session import Moment
    from chronomap.story.model import Exhibit

log = logging.getLogger("chronomap.ui")


#: At a start from the memo, how long the exhibit's reading waits for the early page to be drawn.
EARLY_PAGE_WAIT_MS = 1_500

#: How the desk's command line names the two ways of asking for a start (``StartError.field``).
START_OPTIONS = {"event": "--event", "at": "--at"}


def note_ctrl_c() -> list[int]:
    """Until :func:`exit_on_ctrl_c` takes over, a Ctrl-C is only noted (in the list returned).

    Python's own handler raises ``KeyboardInterrupt`` at the next line of Python, and while the window
    is opened that may be a slot Qt calls, which logs it and goes on: the Ctrl-C was lost and the app
    ran on (the desk's Ctrl-C tests hung, now and then, under load)."""
    import signal

    asked: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: asked.append(signum))
    return asked


def exit_on_ctrl_c(app: QCoreApplication, asked: list[int] | None = None) -> Callable[[], bool]:
    """Ctrl-C ends the event loop at once (:class:`~chronomap.qt.interrupt.SignalWake`), instead of a
    ``KeyboardInterrupt`` raised inside whatever slot ran next (logged there, and the window stayed up).
    The handler takes note (in *asked*, which may already hold a Ctrl-C :func:`note_ctrl_c` noted) and
    asks the loop to exit on its next turn; the caller runs no loop when *asked* is not empty."""
    from PySide6.QtCore import QTimer

    from chronomap.qt.interrupt import SignalWake

    asked = [] if asked is None else asked

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


def _read(folder: Path, at: str | None, event: str | None) -> tuple[Exhibit, Moment | None]:
    """The exhibit and the moment the command line asks for (None: the one saved last time)."""
    from chronomap.errors import StartError
    from chronomap.story.loader import load_exhibit
    from chronomap.story.start import resolve_start
    from chronomap.story.timeline import Timeline

    exhibit = load_exhibit(folder)  # errors reach the CLI's one handler
    try:
        return exhibit, resolve_start(Timeline(exhibit), at=at, event=event)
    except StartError as exc:
        raise exc.named(START_OPTIONS) from None


def _announce(notes: list[str]) -> None:
    for note in notes:
        log.info("%s", note)


def open_explorer(story: Path | None = None, at: str | None = None, event: str | None = None) -> MainWindow:
    """The explorer's window, shown. A start whose memo is up to date (:mod:`chronomap.desk.start_memo`)
    shows the map at once and reads the exhibit meanwhile (:func:`_open_early`); any other reads and
    checks it first, so a refusal never opens a window."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from chronomap.desk import start_memo
    from chronomap.qt.webengine import configure_webengine

    folder = Path(story or default_exhibit_path()).resolve()
    notes = configure_webengine(announce=False)  # said once the start is known to be good
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Chronomap")
    app.setOrganizationName("Chronomap")
    install_excepthook()
    settings = QSettings("Chronomap", "Chronomap")
    early = start_memo.lookup(folder, at, event, settings)
    if early is None:
        from chronomap.desk.main_window import MainWindow

        exhibit, start = _read(folder, at, event)
        _announce(notes)
        window = MainWindow(exhibit, settings, start=start, restore=start is None)
        window.show()
    else:
        _announce(notes)  # (a memo is only kept for a start that was good)
        window, exhibit, start = _open_early(app, settings, early, lambda: _read(folder, at, event))
    window.start_moment = start  # the memo for the next start is written at quit (run_explorer)
    log.info("explorer shown: %s", exhibit.meta.id)
    return window


def _open_early(app: QCoreApplication, settings: QSettings, early: EarlyPage,
                read: Callable[[], tuple[Exhibit, Moment | None]]) -> tuple[MainWindow, Exhibit, Moment | None]:
    """The window opened on the memo's page, then filled with the exhibit *read* gives.

    The page loads first, in a map view made before the window (:func:`~chronomap.desk.window_frame.early_map_view`);
    the window's modules are imported on a thread meanwhile, because the page's navigation is run by Chromium on
    this thread's event loop (its commit waited for every import and widget before); then the frame is built
    and shown, and the exhibit is read beside the loop once the map is drawn."""
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    from chronomap.desk.start_load import run_beside_the_loop, turn_the_loop_until
    from chronomap.desk.window_frame import early_map_view
    from chronomap.qt.interrupt import SignalWake

    asked: list[int] = []

    def note(signum: int, _frame: object) -> None:  # Ctrl-C while the page loads or the exhibit is read
        asked.append(signum)
        QTimer.singleShot(0, app, lambda: app.exit(EXIT_INTERRUPTED))

    view = early_map_view(early)
    window: MainWindow | None = None
    try:
        with SignalWake(app, note):
            run_beside_the_loop(lambda: None, ("chronomap.desk.main_window",))
            from chronomap.desk.main_window import WINDOW_MODULES, MainWindow

            window = MainWindow(None, settings, early=replace(early, view=view))
            window.show()
            # the map first: on two cores shared with the page's render process, the exhibit's reading
            # slowed its first frame (~0.2 s under load); it only has to be done before the window is filled
            if not window.map_view.is_ready:  # (it may be already: the page loaded while the window was built)
                turn_the_loop_until(window.map_view.ready, EARLY_PAGE_WAIT_MS)
            exhibit, start = run_beside_the_loop(read, WINDOW_MODULES)
        if asked:
            raise KeyboardInterrupt  # said in one line by the command line's one handler, exit 130
    except BaseException:  # (a refusal after all: the memo's files were as they were, so hardly ever)
        view.release()
        if window is not None:
            window.hide()
            window.deleteLater()
        else:
            view.deleteLater()
        raise
    assert window is not None
    early_url = view.page_url
    window.install(exhibit, start=start, restore=start is None)
    if view.page_url == early_url:  # the memo's page stayed (it is this exhibit's as it is now)
        _take_picture_later(view, early)
    return window, exhibit, start


def _take_picture_later(view: MapView, early: EarlyPage) -> None:
    """Take the picture of the page's first frame for the next start, when there is none for it yet and the
    page shows that frame untouched for a while (:class:`~chronomap.qt.map_picture.PictureCapture`)."""
    if early.picture is None or early.opening is None or early.picture.is_file():
        return
    from chronomap.desk.start_memo import forget_other_pictures
    from chronomap.qt.map_picture import PictureCapture

    PictureCapture(view, early.picture, early.opening, early.map_size, on_written=forget_other_pictures)


def run_explorer(story: Path | None = None, at: str | None = None, event: str | None = None) -> int:
    """Open the explorer and run it until it is closed."""
    from PySide6.QtWidgets import QApplication

    from chronomap.desk import start_memo

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    asked = note_ctrl_c()
    window = open_explorer(story, at, event)
    if not window.isVisible():  # closed while the exhibit was being read: that was the visitor's quit
        return 0
    app = QApplication.instance()
    assert app is not None
    interrupted = exit_on_ctrl_c(app, asked)
    status = EXIT_INTERRUPTED if asked else app.exec()  # (a Ctrl-C while the window opened: no loop at all)
    # what this window opened with and how it was laid out, for the next start (once closed: its settings saved)
    start_memo.remember(window, Path(story or default_exhibit_path()).resolve(), at, event, window.start_moment)
    if interrupted():
        raise KeyboardInterrupt  # said in one line by the command line's one handler, exit 130
    return status
