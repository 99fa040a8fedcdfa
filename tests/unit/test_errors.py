"""The one mapping from exceptions to lines and exit statuses (chronomap.errors.report)."""

from __future__ import annotations

import io

import pytest

from chronomap import cli
from chronomap.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_REFUSED,
    ChronomapError,
    StartError,
    UsageError,
    WriteError,
    crash_log_path,
    exit_status_for,
    report,
)
from chronomap.export.options import ExportError
from chronomap.files import ReadError
from chronomap.kiosk.config import ConfigError
from chronomap.kiosk.instance import AlreadyRunning
from chronomap.story.model import ExhibitError, Problem


def _said(exc: BaseException) -> tuple[int, list[str]]:
    err = io.StringIO()
    status = report(exc, err)
    return status, err.getvalue().splitlines()


@pytest.mark.parametrize("exc", [
    UsageError("--lang: found 'de'"),
    StartError("found 'x'; expected an event", "event"),
    ExportError("size: found 0x0, too small"),
    ReadError("/x/story.json", "events[0]", "found 1; expected a date"),
    ConfigError("kiosk.toml: idle_seconds: found -5"),
    AlreadyRunning(12, __import__("pathlib").Path("/tmp/lock")),
    WriteError("/x/a.png: cannot be written (No space left on device)"),
])
def test_every_refusal_is_a_chronomap_error_said_in_one_line_with_status_2(exc):
    assert isinstance(exc, ChronomapError)
    status, lines = _said(exc)
    assert status == exit_status_for(exc) == EXIT_REFUSED
    assert lines == [f"error: {exc}"]


def test_an_exhibit_error_is_one_line_per_problem_then_its_summary():
    exc = ExhibitError([Problem("/x/story.json", "events[0].date", "found 'x'"), Problem("/x/exhibit.json", "", "missing")])
    exc.summary = "/x: 2 problems"
    status, lines = _said(exc)
    assert status == EXIT_REFUSED
    assert lines == ["error: /x/story.json: events[0].date: found 'x'", "error: /x/exhibit.json: missing", "/x: 2 problems"]


def test_an_os_error_names_its_file_and_is_a_refusal():
    status, lines = _said(PermissionError(13, "Permission denied", "/x/out.png"))
    assert status == EXIT_REFUSED and lines == ["error: /x/out.png: Permission denied"]


def test_ctrl_c_is_one_line_and_130():
    status, lines = _said(KeyboardInterrupt())
    assert status == EXIT_INTERRUPTED and len(lines) == 1 and "interrupted" in lines[0]


def test_a_bug_is_one_line_pointing_at_the_crash_log_never_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    try:
        {}["missing"]
    except KeyError as caught:
        status, lines = _said(caught)
    assert status == EXIT_INTERNAL
    assert lines == [f"error: internal error (KeyError: 'missing'); the details are in {crash_log_path()}"]
    logged = crash_log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "KeyError: 'missing'" in logged


def test_a_bug_whose_crash_log_cannot_be_written_is_still_one_line(tmp_path, monkeypatch):
    (tmp_path / "state").write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    status, lines = _said(ValueError("boom\nsecond line"))
    assert status == EXIT_INTERNAL and lines == ["error: internal error (ValueError: boom)"]


@pytest.mark.parametrize("raised, status", [
    (KeyboardInterrupt(), EXIT_INTERRUPTED),
    (ZeroDivisionError("division by zero"), EXIT_INTERNAL),
    (StartError("found 'x'", "at"), EXIT_REFUSED),
])
def test_the_command_line_maps_whatever_reaches_it(raised, status, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))

    def command(args):
        raise raised

    monkeypatch.setitem(cli.COMMANDS, "events", command)
    assert cli.main(["events"]) == status
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and "Traceback" not in out + err


def test_the_command_line_has_no_usage_error_of_its_own():
    assert not hasattr(cli, "UsageError")


def test_a_broken_pipe_is_said_with_no_line_and_the_sigpipe_status(monkeypatch):
    """The reader closed our output (`| head`): their choice, so no `error: Broken pipe`; 128 + SIGPIPE as for cat."""
    from chronomap.errors import EXIT_PIPE

    monkeypatch.setattr("sys.stdout", io.StringIO())  # not a file: report() must not point pytest's capture at /dev/null

    assert _said(BrokenPipeError(32, "Broken pipe")) == (EXIT_PIPE, [])
    assert EXIT_PIPE == 141
