"""Every hostile input of tests/data/bad/cases.json through every command that opens an exhibit.

``check``, ``events``, ``export`` (a PNG) and the desk app's start (offscreen) run as a user runs
them, each in its own process. Each must refuse with exactly one ``error:`` line naming the file (and
the field) and saying what is wrong, exit 2, print no traceback, and write nothing: the exhibit
folder, the export target and the user's settings stay as they were.

The 140 runs are forked from one server that has imported the command line once
(:mod:`helpers.forked_cli`: a process each, the real ``python -m chronomap`` entry, a third of
the time of 140 Python start-ups); each command also runs once as a plain ``python -m chronomap``
subprocess, which must refuse alike and say exactly what its forked twin says.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bad_cases import CASES, build_case, expected_exit, snapshot
from helpers.forked_cli import ForkedCli

pytestmark = pytest.mark.e2e


def _check(folder: Path, out: Path) -> list[str]:
    return ["check", str(folder)]


def _events(folder: Path, out: Path) -> list[str]:
    return ["events", "--story", str(folder)]


def _export(folder: Path, out: Path) -> list[str]:
    return ["export", "--story", str(folder), "--at", "1931", "--out", str(out / "map.png"), "--size", "800x600"]


def _start(folder: Path, out: Path) -> list[str]:
    return ["--story", str(folder)]


COMMANDS = {"check": _check, "events": _events, "export": _export, "start": _start}
#: The case each command also runs on as a plain subprocess (spread over the corpus).
PLAIN = {command: sorted(CASES)[i * len(CASES) // len(COMMANDS)] for i, command in enumerate(sorted(COMMANDS))}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each case's folder, built once for all four commands (none of them may change it)."""
    folders: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in folders:
            folders[name] = build_case(tmp_path_factory.mktemp(name), CASES[name])
        return folders[name]

    return get


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


@pytest.fixture(scope="module")
def forked():
    cli = ForkedCli()
    yield cli
    cli.close()


def _refuses(name: str, command: str, built, tmp_path: Path, run) -> subprocess.CompletedProcess[str]:
    """Run *command* on case *name* through *run* and check the refusal; the result, to compare."""
    case = CASES[name]
    folder = built(name)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(folder)
    home = Path(os.environ["HOME"])
    home_before = _files_under(home)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        result = run(COMMANDS[command](folder, out), env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} did not refuse {name}: still running after 90 s (a window, or a render)")
    err = result.stderr
    assert "Traceback" not in err + result.stdout, err[-3000:]
    assert result.returncode == expected_exit(case), err[-3000:]
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err[-3000:]
    others = [line for line in err.splitlines() if not line.startswith("error:")]
    if command == "check":  # and its one summary line, "PATH: 1 problem"
        assert others == [f"{folder}: 1 problem"], err[-3000:]
    else:
        assert others == [], err[-3000:]
    [line] = errors
    assert f"{folder / case['file']}:" in line, line
    if case["field"]:
        assert f": {case['field']}" in line, line
    assert case["says"] in line, line
    assert len(line) < 600, f"{len(line)} characters"
    assert snapshot(folder) == before, f"{command} wrote into the exhibit folder"
    assert list(out.iterdir()) == [], f"{command} left {list(out.iterdir())}"
    assert _files_under(home) == home_before, f"{command} wrote settings"
    return result


def _plain(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chronomap", *args], capture_output=True, text=True, env=env, timeout=90)


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", sorted(CASES))
def test_every_command_refuses_in_one_line(name, command, built, tmp_path, forked):
    _refuses(name, command, built, tmp_path, forked.run)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_plain_subprocess_refuses_alike_and_says_what_the_forked_run_says(command, built, tmp_path, forked):
    name = PLAIN[command]
    plain = _refuses(name, command, built, tmp_path, _plain)
    again = forked.run(plain.args[3:], dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert (again.returncode, again.stdout, again.stderr) == (plain.returncode, plain.stdout, plain.stderr)
