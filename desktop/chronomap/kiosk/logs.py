"""Kiosk logging: rotating files in the configured folder; nothing ever reaches the screen.

* every ``logging`` record goes to ``<log_dir>/chronomap-kiosk.log`` (rotated at
  :data:`MAX_BYTES`, :data:`BACKUPS` old files kept) and to stderr (the journal
  under systemd);
* an uncaught exception (in a slot, a timer, a thread) is logged with its
  traceback and the kiosk carries on;
* Qt's own messages (qWarning and friends, WebEngine's too) are routed to the
  ``qt`` logger.
"""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "chronomap-kiosk.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(name)s %(levelname)s: %(message)s"

log = logging.getLogger("chronomap.kiosk")
_HANDLER_FLAG = "_chronomap_kiosk"


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
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        setattr(console, _HANDLER_FLAG, True)
        root.addHandler(console)
    path = Path(log_dir) / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
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
