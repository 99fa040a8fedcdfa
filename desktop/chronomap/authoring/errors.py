"""The one error type of the authoring tools: every problem, said for a curator; exit 2 like every refusal."""

from __future__ import annotations

from chronomap.errors import EXIT_REFUSED
from chronomap.story.model import ExhibitError, Problem

#: Both kinds of refusal exit 2 (README, "Exit statuses"); the names stay for the callers that
#: still say which kind they mean.
EXIT_BAD_INPUT = EXIT_REFUSED
EXIT_USAGE = EXIT_REFUSED


class AuthoringError(ExhibitError):
    """Input that cannot be drafted, imported or exported; carries every problem found.

    A subclass of :class:`ExhibitError` (so a :class:`~chronomap.errors.ChronomapError`): the
    app's File → Open shows it the way it shows a broken exhibit, and every command line prints
    it as one line per problem with exit status 2.
    """

    def __init__(self, problems: list[Problem], exit_code: int = EXIT_REFUSED):
        super().__init__(problems)
        self.exit_status = exit_code

    @property
    def exit_code(self) -> int:
        """The exit status (older name)."""
        return self.exit_status


def fail(file: str, message: str, path: str = "", exit_code: int = EXIT_REFUSED) -> AuthoringError:
    return AuthoringError([Problem(str(file), path, message)], exit_code)
