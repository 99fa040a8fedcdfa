"""The one error type of the authoring tools: every problem, said for a curator, and the exit code."""

from __future__ import annotations

from chronomap.story.model import ExhibitError, Problem

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class AuthoringError(ExhibitError):
    """Input that cannot be drafted, imported or exported; carries every problem found.

    A subclass of :class:`ExhibitError`, so the app's File → Open shows it the
    way it shows a broken exhibit.  ``exit_code`` is 1 for bad input, 2 for a
    request that cannot be carried out as asked (a non-empty target folder).
    """

    def __init__(self, problems: list[Problem], exit_code: int = EXIT_BAD_INPUT):
        super().__init__(problems)
        self.exit_code = exit_code


def fail(file: str, message: str, path: str = "", exit_code: int = EXIT_BAD_INPUT) -> AuthoringError:
    return AuthoringError([Problem(str(file), path, message)], exit_code)
