"""The refusals a person can cause, and the one mapping from them to exit statuses.

Every package raises a subclass of :class:`ChronomapError` for bad input; the
command line (:func:`chronomap.cli.main`), the desk and the kiosk turn it into
one clear line and :func:`exit_status_for` — nowhere else decides a status.
Pure Python: the engine raises these too.
"""

from __future__ import annotations

#: Exit statuses, documented in the README and honoured by the kiosk's systemd unit.
EXIT_OK = 0
#: ``chronomap geocode``: some names were not found (the rest were written).
EXIT_INCOMPLETE = 1
#: Bad input, a bad option or a refused start: nothing was done, nothing was written.
EXIT_REFUSED = 2
#: The kiosk was left by staff with the PIN.
EXIT_STAFF = 3
#: Ctrl-C.
EXIT_INTERRUPTED = 130


class ChronomapError(Exception):
    """A refusal to print for a person: each of :meth:`lines` is one ``error:`` line."""

    exit_status = EXIT_REFUSED

    def lines(self) -> list[str]:
        return [str(self)]


class UsageError(ChronomapError):
    """A mistake in what the user asked for (an option, a path)."""


class StartError(ChronomapError):
    """A start moment (``--at``, ``--event``, the kiosk's ``start_event``/``start_date``) the story does not have."""


def exit_status_for(exc: BaseException) -> int:
    """The exit status for an exception that reached an entry point."""
    if isinstance(exc, ChronomapError):
        return exc.exit_status
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    return EXIT_REFUSED
