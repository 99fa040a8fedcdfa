"""Shared fixtures: the built-in exhibit, copies of it to break, a clean HOME, and the guards.

Every test runs under the guards of :mod:`helpers.guards`: an ERROR log record
(a page JavaScript error among them) fails it, and so does a QTimer still
running or a top-level window still alive when it ends. Markers:
``expected_errors(*patterns)`` and ``allow_leaks(why)``.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from pathlib import Path

import pytest

from chronomap.resources import data_path, default_exhibit_path
from helpers.guards import ErrorLog, TimerWatch, new_windows, top_level_windows

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS_DIR = Path(__file__).resolve().parent
TEST_DATA = TESTS_DIR / "data"


def pytest_configure(config):
    config.addinivalue_line("markers", "expected_errors(*patterns): ERROR log records matching these regular "
                                       "expressions (any, when none is given) do not fail the test")
    config.addinivalue_line("markers", "allow_leaks(why): the test may leave a QTimer running or a window alive")


@pytest.fixture
def expected_errors(request) -> ErrorLog:
    """The test's ERROR log; ``expected_errors.allow("pattern")`` declares errors it provokes on purpose."""
    return request.node.stash[_ERROR_LOG]


_ERROR_LOG = pytest.StashKey[ErrorLog]()


@pytest.fixture(autouse=True)
def _guards(request, monkeypatch):
    """Fails a test on an ERROR log record (page errors included), a running timer or a window left alive."""
    errors = ErrorLog()
    for marker in request.node.iter_markers("expected_errors"):
        errors.allow(*marker.args)
    if "caplog" in request.fixturenames:
        errors.allow()  # the test reads its log records itself (as qutebrowser's logfail lets caplog users do)
    request.node.stash[_ERROR_LOG] = errors
    root = logging.getLogger()
    root.addHandler(errors)
    qt = "PySide6.QtCore" in sys.modules  # a test that never touched Qt has no timers or windows to leak
    timers = TimerWatch()
    if qt:
        timers.install(monkeypatch)
    windows_before = top_level_windows() if "PySide6.QtWidgets" in sys.modules else []
    yield
    leaks: list[str] = []
    if qt and not any(request.node.iter_markers("allow_leaks")):
        if "PySide6.QtWidgets" in sys.modules:
            leaks += [f"window left open: {w}" for w in new_windows(windows_before)]
        leaks += [f"timer left running: {t}" for t in timers.running()]
    root.removeHandler(errors)
    problems = [f"unexpected error logged: {e}" for e in errors.unexpected()] + leaks
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's real settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))


@pytest.fixture(scope="session")
def exhibit():
    from chronomap.story.loader import load_exhibit

    return load_exhibit(default_exhibit_path())


@pytest.fixture(scope="session")
def timeline(exhibit):
    from chronomap.story.timeline import Timeline

    return Timeline(exhibit)


class ExhibitCopy:
    """A writable copy of the built-in exhibit, with helpers to break it."""

    def __init__(self, folder: Path):
        self.folder = folder

    def read(self, name: str) -> dict:
        return json.loads((self.folder / name).read_text(encoding="utf-8"))

    def write(self, name: str, document: dict) -> None:
        (self.folder / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    def edit(self, name: str, change) -> None:
        document = self.read(name)
        change(document)
        self.write(name, document)


@pytest.fixture
def exhibit_copy(tmp_path) -> ExhibitCopy:
    folder = tmp_path / "exhibit"
    shutil.copytree(default_exhibit_path(), folder)
    shutil.copy(data_path("gazetteer.json"), folder / "gazetteer.json")
    return ExhibitCopy(folder)


# CI explores the same examples every run (a failure there is reproducible and never a coin toss);
# developers' runs stay random, so the fuzzer keeps finding new cases.
if os.environ.get("CI"):
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, database=None)
    _hypothesis_settings.load_profile("ci")
