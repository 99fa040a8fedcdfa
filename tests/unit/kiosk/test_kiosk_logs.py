"""Kiosk log handlers on a full disk (issue 14, item 8): one rate-limited line, no traceback per record (no Qt)."""

from __future__ import annotations

import errno
import io
import logging
import os

import pytest

from chronomap.kiosk import logs
from chronomap.kiosk.logs import KioskFileHandler, KioskStreamHandler, remove_logging, setup_logging


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class FillingStream(io.StringIO):
    """A stream on a disk that fills up and is emptied again."""

    name = "/var/log/full.log"

    def __init__(self):
        super().__init__()
        self.full = False

    def write(self, text):
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def record(message: str = "a visitor touched the map") -> logging.LogRecord:
    return logging.LogRecord("chronomap.kiosk", logging.INFO, __file__, 1, message, None, None)


def test_a_full_disk_costs_one_line_a_minute_and_writing_resumes(capsys):
    stream = FillingStream()
    clock = Clock()
    handler = KioskStreamHandler(stream)
    handler.error_clock = clock
    handler.emit(record("before"))
    stream.full = True
    for _ in range(200):
        handler.emit(record())
        clock.now += 0.1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--- Logging error ---" not in err
    assert err.splitlines() == [
        "chronomap kiosk: log records cannot be written to /var/log/full.log (OSError: [Errno 28] No space left on "
        "device); 1 lost so far; still trying, this is said at most once a minute"
    ]
    clock.now += 60
    handler.emit(record())
    assert "201 lost so far" in capsys.readouterr().err  # a minute later: the next line
    stream.full = False
    handler.emit(record("after"))
    assert capsys.readouterr().err == "chronomap kiosk: log records are written to /var/log/full.log again; 201 were lost\n"
    assert stream.getvalue().splitlines()[0].endswith("before") and stream.getvalue().splitlines()[-1].endswith("after")
    assert handler.records_lost == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_the_rotating_file_on_dev_full_prints_no_traceback(capsys):
    handler = KioskFileHandler("/dev/full", maxBytes=1_000_000, backupCount=1, encoding="utf-8")
    try:
        for _ in range(50):
            handler.emit(record())
    finally:
        handler.close()  # flushing at close fails too: one more line, no exception
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and "Traceback" not in "".join(lines)
    assert "log records cannot be written to /dev/full" in lines[0]
    assert lines[1].startswith("chronomap kiosk: the last log records could not be written to /dev/full")
    assert handler.records_lost == 50


def test_setup_logging_uses_the_quiet_handlers(tmp_path):
    try:
        path = setup_logging(tmp_path / "logs")
        ours = [h for h in logging.getLogger().handlers if getattr(h, logs._HANDLER_FLAG, False)]
        assert path == tmp_path / "logs" / logs.LOG_FILE
        assert {type(h) for h in ours} == {KioskFileHandler, KioskStreamHandler}
    finally:
        remove_logging()
