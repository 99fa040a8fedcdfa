"""Start the kiosk: ``chronomap --kiosk [--config FILE] [--idle-seconds N]`` → :func:`run_kiosk`.

Exit status: 0 when Qt quits (SIGTERM from systemd, for instance), 2 for
every refusal at start — settings, an exhibit that cannot be opened, another
kiosk already on this display (one line each on stderr) — so systemd does not
restart into the same refusal, :data:`STAFF_EXIT_STATUS` when staff left with
the PIN (the systemd unit does not restart on it).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from chronomap.errors import EXIT_STAFF, StartError, report
from chronomap.kiosk.config import KioskConfig, load_config
from chronomap.story.start import resolve_start
from chronomap.story.timeline import Moment, Timeline

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

log = logging.getLogger("chronomap.kiosk")

STAFF_EXIT_STATUS = EXIT_STAFF
#: Chromium flags added in kiosk mode: no page pinch-zoom, no swipe-to-go-back.
KIOSK_CHROMIUM_FLAGS = ("--disable-pinch", "--overscroll-history-navigation=0")


def prepare_environment(environ: MutableMapping[str, str] | None = None) -> None:
    """Kiosk Chromium flags, then :func:`configure_webengine` (which strips remote debugging
    and DevTools flags). Call before the QApplication exists."""
    from chronomap.qt.webengine import FLAGS_VAR, configure_webengine

    environ = os.environ if environ is None else environ
    flags = environ.get(FLAGS_VAR, "").split()
    names = {flag.split("=", 1)[0] for flag in flags}
    flags += [flag for flag in KIOSK_CHROMIUM_FLAGS if flag.split("=", 1)[0] not in names]
    environ[FLAGS_VAR] = " ".join(flags)
    configure_webengine(environ)


def start_names(source: str) -> dict[str, str]:
    """How a refused start is named: the settings file and its key (``StartError.field``)."""
    return {"event": f"{source}: start_event", "at": f"{source}: start_date"}


def resolve_kiosk_start(config: KioskConfig, timeline: Timeline, source: str) -> Moment | None:
    """The start from ``start_event`` / ``start_date`` (:func:`chronomap.story.start.resolve_start`,
    ``start_date`` taken as its exact first day); :class:`StartError` naming the file and the key."""
    try:
        return resolve_start(timeline, at=config.start_date or None, event=config.start_event or None, exact_day=True)
    except StartError as exc:
        raise exc.named(start_names(source)) from None


#: The signal wake-up of :func:`_quit_on_signals`: closed, it would stop waking Qt.
_SIGNAL_WAKERS: list[object] = []


def _quit_on_signals(app: QCoreApplication) -> None:
    """SIGTERM / SIGINT end the event loop cleanly (exit 0), at once (:class:`SignalWake`)."""
    from chronomap.qt.interrupt import SignalWake

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %d: stopping", signum)
        app.exit(0)  # not quit(): that asks the windows to close, and the kiosk window refuses

    _SIGNAL_WAKERS[:] = [SignalWake(app, stop, (signal.SIGTERM, signal.SIGINT))]  # kept as long as the process


def run_kiosk(story: Path | None, config_path: Path | None, idle_seconds: int | None) -> int:
    """Run the kiosk until staff exit or a signal; see the module docstring for the exit status."""
    from chronomap.kiosk.instance import hold_instance_lock
    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit

    try:
        config = load_config(config_path, {"idle_seconds": idle_seconds}, {"idle_seconds": "--idle-seconds"})
        base = config_path.resolve().parent if config_path is not None else None
        source = str(config_path) if config_path is not None else "kiosk settings"
        if story is None and config.story:
            story = Path(config.story).expanduser()
            if base is not None and not story.is_absolute():
                story = base / story
        exhibit = load_exhibit(story or default_exhibit_path())
        start = resolve_kiosk_start(config, Timeline(exhibit), source)
        # before the logs and Qt: a second kiosk must not touch the first one's files or screen
        instance = hold_instance_lock(config.resolved_log_dir(base))
    except (Exception, KeyboardInterrupt) as exc:  # every refusal at start: one line, exit 2 (a bug: 70)
        return report(exc)

    from chronomap.kiosk.logs import install_excepthook, install_qt_message_handler, setup_logging

    log_file = setup_logging(config.resolved_log_dir(base))
    install_excepthook()
    log.info("kiosk starting: exhibit %s, log %s", exhibit.meta.id, log_file or "stderr only")
    prepare_environment()

    from PySide6.QtWidgets import QApplication

    from chronomap.kiosk.health import SystemdHeartbeat
    from chronomap.kiosk.inhibit import ScreenSaverInhibitor
    from chronomap.kiosk.shell import KioskWindow
    from chronomap.kiosk.stats import StatsRecorder

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("Chronomap")
    app.setOrganizationName("Chronomap")
    app.setQuitOnLastWindowClosed(False)
    install_qt_message_handler()
    _quit_on_signals(app)

    stats_path = config.resolved_stats_file(base)
    stats = StatsRecorder(stats_path) if stats_path is not None else None
    window = KioskWindow(exhibit, config, start=start, stats=stats, state_dir=config.resolved_log_dir(base))
    heartbeat = SystemdHeartbeat(parent=window)
    window.map_view.ready.connect(heartbeat.ready)
    window.mode_changed.connect(lambda mode: heartbeat.status(f"mode: {mode}"))
    window.staff_exit.connect(lambda: app.exit(STAFF_EXIT_STATUS))
    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("Chronomap", f"{exhibit.title} on display")
    heartbeat.start()
    window.show_on_screen()
    status = app.exec()

    heartbeat.stopping()
    inhibitor.release()
    window.allow_close()
    window.close()
    log.info("kiosk stopped (exit status %d)", status)
    instance.release()
    return status
