"""The refusals a person can cause, and the one mapping from them to exit statuses.

Every package raises a subclass of :class:`ChronomapError` for bad input; the
entry points (:func:`chronomap.cli.main`, the authoring commands, the kiosk's
start) hand whatever reached them to :func:`report`, which prints one clear
line per problem and returns :func:`exit_status_for` — nowhere else decides a
status. An unexpected exception is a bug: its traceback goes to a crash log
(never to the screen), and the person gets one line saying where it is.
Pure Python: the engine raises these too.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TextIO

from chronomap.user_dirs import state_dir

#: Exit statuses, documented in the README and honoured by the kiosk's systemd unit.
EXIT_OK = 0
#: ``chronomap geocode``: some names were not found (the rest were written).
EXIT_INCOMPLETE = 1
#: Bad input, a bad option, a refused start or an output that cannot be written: one line says why.
EXIT_REFUSED = 2
#: The kiosk was left by staff with the PIN.
EXIT_STAFF = 3
#: A bug (an exception nobody expected): the traceback is in the crash log. EX_SOFTWARE of sysexits.h,
#: so the kiosk's unit restarts on it (it does not restart on a refusal).
EXIT_INTERNAL = 70
#: Ctrl-C.
EXIT_INTERRUPTED = 130
#: The reader of our output left (``chronomap events | head -1``): said with no line. 128 + SIGPIPE, the
#: status a shell reports for ``cat`` or ``grep`` cut off the same way, so ``set -o pipefail`` scripts
#: see chronomap as they see them; not 0, since not everything asked for was delivered.
EXIT_PIPE = 141

#: The crash log's name, in ``$XDG_STATE_HOME/chronomap`` (``~/.local/state/chronomap``).
CRASH_LOG = "crash.log"

class ChronomapError(Exception):
    """A refusal to print for a person: each of :meth:`lines` is one ``error:`` line.

    *summary*, when set, is one closing line printed after them without ``error:``
    (``check``'s "PATH: 3 problems").
    """

    exit_status = EXIT_REFUSED
    summary: str | None = None

    def lines(self) -> list[str]:
        """One entry per problem when the error carries ``problems`` (ExhibitError), else per line of the message."""
        problems = getattr(self, "problems", None)
        if isinstance(problems, list) and problems:
            return [str(problem) for problem in problems]
        return str(self).split("\n") if str(self) else [type(self).__name__]


class UsageError(ChronomapError):
    """A mistake in what the user asked for (an option, a path)."""


class StartError(ChronomapError):
    """A start moment (``--at``, ``--event``, the kiosk's ``start_event``/``start_date``) the story does not have.

    *field* is which way of asking failed (``"event"`` or ``"at"``); :meth:`named` puts the
    caller's name for it (``--at``, ``kiosk.toml: start_date``) in front of the message.
    """

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field

    def named(self, names: dict[str, str]) -> StartError:
        where = names.get(self.field)
        return StartError(f"{where}: {self.message}" if where else self.message, self.field)


class WriteError(ChronomapError, OSError):
    """An output that could not be written (a full disk, a folder that went away); the old file is untouched.

    An OSError too, so code that already treats a failed write as one (the kiosk's PIN state) still does.
    """


def exit_status_for(exc: BaseException) -> int:
    """The exit status for an exception that reached an entry point."""
    if isinstance(exc, ChronomapError):
        return exc.exit_status
    if isinstance(exc, BrokenPipeError):
        return EXIT_PIPE
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, OSError):  # a path, a permission, a full disk: the machine refused, nothing was done
        return EXIT_REFUSED
    return EXIT_INTERNAL


def os_error_line(exc: OSError) -> str:
    """``PATH: No space left on device``: the file first, as every other refusal."""
    what = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {what}" if exc.filename else what


def crash_log_path() -> Path:
    return state_dir(CRASH_LOG)


def _log_crash(exc: BaseException) -> Path | None:
    """Append the traceback to the crash log; None when even that cannot be written."""
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- chronomap {' '.join(sys.argv[1:])}\n")
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


#: Characters a terminal would break a line on or act upon (C0/C1 controls, line and paragraph separators).
_UNPRINTABLE = {**{c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x09},
                0x2028: "\\u2028", 0x2029: "\\u2029"}


def one_line(text: str) -> str:
    """*text* as one printable line: a newline or an escape sequence in a found value is shown, not obeyed."""
    return text.translate(_UNPRINTABLE)


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null, so what is still in its buffer cannot fail again when Python exits."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no stdout, or one that is not a file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def report(exc: BaseException, err: TextIO | None = None) -> int:
    """Say *exc* to a person on *err* (stderr) in as few lines as it needs, and return its exit status.

    A broken pipe is said with no line: the reader closed our output (``| head``), which is their
    choice, not a problem to report.
    """
    err = err if err is not None else sys.stderr
    if isinstance(exc, BrokenPipeError):
        _stdout_to_devnull()
    elif isinstance(exc, ChronomapError):
        for line in exc.lines():
            print(f"error: {one_line(line)}", file=err)
        if exc.summary:
            print(one_line(exc.summary), file=err)
    elif isinstance(exc, KeyboardInterrupt):
        print("error: interrupted; no file was left half-written", file=err)
    elif isinstance(exc, OSError):
        print(f"error: {one_line(os_error_line(exc))}", file=err)
    else:
        where = _log_crash(exc)
        said = str(exc).splitlines()[0][:120] if str(exc) else ""
        details = f"; the details are in {where}" if where else ""
        print(one_line(f"error: internal error ({type(exc).__name__}{': ' + said if said else ''}){details}"), file=err)
    return exit_status_for(exc)
