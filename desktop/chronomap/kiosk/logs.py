"""Kiosk logging: rotating files in the configured folder; nothing ever reaches the screen.

* every ``logging`` record goes to ``<log_dir>/chronomap-kiosk.log`` (rotated at
  :data:`MAX_BYTES`, :data:`BACKUPS` old files kept) and to stderr (the journal
  under systemd);
* an uncaught exception (in a slot, a timer, a thread) is logged with its
  traceback and the kiosk carries on;
* Qt's own messages (qWarning and friends, WebEngine's too) are routed to the
  ``qt`` logger;
* a record that cannot be written (a full disk, a closed stream) costs one line
  on stderr at most every :data:`ERROR_REPORT_SECONDS`, with the count of
  records lost, never a traceback per record (issue 14, item 8); the handler
  keeps trying, and says so once writing works again.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "chronomap-kiosk.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(name)s %(levelname)s: %(message)s"

log = logging.getLogger("chronomap.kiosk")
_HANDLER_FLAG = "_chronomap_kiosk"
#: At most one line on stderr about failing log writes per this many seconds.
ERROR_REPORT_SECONDS = 60.0


class QuietErrors:
    """A handler's :meth:`handleError` that counts lost records and reports them in one
    rate-limited line on stderr instead of the standard library's traceback per record."""

    error_clock: Callable[[], float] = staticmethod(time.monotonic)
    _lost = 0
    _last_report: float | None = None
    _failed_now = False

    def _where(self) -> str:
        return str(getattr(self, "baseFilename", None) or getattr(getattr(self, "stream", None), "name", "a stream"))

    @property
    def records_lost(self) -> int:
        return self._lost

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        self._lost += 1
        self._failed_now = True
        now = self.error_clock()
        if self._last_report is not None and now - self._last_report < ERROR_REPORT_SECONDS:
            return
        self._last_report = now
        exc = sys.exc_info()[1]
        why = f"{type(exc).__name__}: {exc}" if exc is not None else "unknown error"
        self._say(f"chronomap kiosk: log records cannot be written to {self._where()} ({why}); "
                  f"{self._lost} lost so far; still trying, this is said at most once a minute")

    def _after_emit(self) -> None:
        """Once writing works again after losses: one line saying how many were lost."""
        if self._failed_now:
            self._failed_now = False
            return
        if self._lost:
            self._say(f"chronomap kiosk: log records are written to {self._where()} again; {self._lost} were lost")
            self._last_report = None
            self._lost = 0

    @staticmethod
    def _say(line: str) -> None:
        stream = sys.stderr
        if stream is None:
            return
        try:
            stream.write(line + "\n")
            stream.flush()
        except Exception:  # stderr itself is gone: nothing more can be done
            pass


class KioskFileHandler(QuietErrors, RotatingFileHandler):
    """The rotating log file, failing quietly."""

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)
        self._after_emit()

    def close(self) -> None:
        """Closing flushes what is buffered, which fails on a full disk too: say so, never raise."""
        try:
            super().close()
        except OSError as exc:
            self.stream = None
            self._say(f"chronomap kiosk: the last log records could not be written to {self._where()} ({exc})")


class KioskStreamHandler(QuietErrors, logging.StreamHandler):
    """stderr (the journal), failing quietly."""

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)
        self._after_emit()


def setup_logging(log_dir: Path, *, level: int = logging.INFO, stderr: bool = True,
                  max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path | None:
    """Send logging to rotating files in *log_dir* (and stderr); returns the log file, or None if
    the folder is unusable (then stderr only, and a warning says so). Safe to call again."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_FLAG, False)]:
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(FORMAT)
    if stderr:
        console = KioskStreamHandler(sys.stderr)
        console.setFormatter(formatter)
        setattr(console, _HANDLER_FLAG, True)
        root.addHandler(console)
    path = Path(log_dir) / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = KioskFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write logs in %s (%s); logging to stderr only", log_dir, exc)
        return None
    handler.setFormatter(formatter)
    setattr(handler, _HANDLER_FLAG, True)
    root.addHandler(handler)
    return path


def remove_logging() -> None:
    """Take the kiosk's handlers off the root logger (tests)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_FLAG, False)]:
        root.removeHandler(handler)
        handler.close()


def install_excepthook() -> None:
    """Uncaught exceptions are logged with their traceback; the kiosk carries on."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("chronomap").error("unhandled exception (the kiosk carries on)", exc_info=(exc_type, exc, tb))

    def thread_hook(args):
        if args.exc_type is SystemExit:
            return
        logging.getLogger("chronomap").error("unhandled exception in thread %s", getattr(args.thread, "name", "?"),
                                             exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook


def qt_message_handler(mode, context, message: str) -> None:
    """A ``qInstallMessageHandler`` handler: Qt's messages as logging records."""
    from PySide6.QtCore import QtMsgType

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    category = getattr(context, "category", None) or "default"
    name = "qt" if category == "default" else f"qt.{category}"
    logging.getLogger(name).log(levels.get(mode, logging.WARNING), "%s", message)


def install_qt_message_handler():
    """Route Qt's messages to logging; returns the previous handler."""
    from PySide6.QtCore import qInstallMessageHandler

    return qInstallMessageHandler(qt_message_handler)
