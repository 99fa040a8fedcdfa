"""Shared fixtures: the built-in exhibit, copies of it to break, a clean HOME, and the guards.

Every test runs under the guards of :mod:`helpers.guards`: an ERROR log record
(a page JavaScript error among them) fails it, and so does a QTimer still
running or a top-level window still alive when it ends. Markers:
``expected_errors(*patterns)`` and ``allow_leaks(why)``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from chronomap.resources import data_path, default_exhibit_path
from helpers.guards import ErrorLog, error_log, guard_test, register_guard_markers

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["pytester"]  # tests/gui/test_guards.py runs small suites under the guards

_SESSION_HOME = pytest.StashKey[Path]()
TESTS_DIR = Path(__file__).resolve().parent
TEST_DATA = TESTS_DIR / "data"


_SESSION_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def pytest_configure(config):
    register_guard_markers(config)
    # Module- and session-scoped fixtures run outside any test's private home (below): without this
    # they built map pages into the user's real ~/.cache/chronomap/pages.
    session_home = Path(tempfile.mkdtemp(prefix="chronomap-tests-"))
    config.stash[_SESSION_HOME] = session_home
    for name in _SESSION_DIRS:
        os.environ[name] = str(session_home / name.lower())


def pytest_unconfigure(config):
    session_home = config.stash.get(_SESSION_HOME, None)
    if session_home is not None:
        shutil.rmtree(session_home, ignore_errors=True)


@pytest.fixture
def expected_errors(request) -> ErrorLog:
    """The test's ERROR log; ``expected_errors.allow("pattern")`` declares errors it provokes on purpose."""
    return error_log(request)


@pytest.fixture(autouse=True)
def _guards(request, monkeypatch):
    """Fails a test on an ERROR log record (page errors included), a running timer or a window left alive."""
    yield from guard_test(request, monkeypatch)


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's real settings, logs or locks, nor each other's: the suite
    runs in parallel workers (pytest-xdist), and a kiosk started by one test must not find another
    test's single-instance lock in a shared ``$XDG_RUNTIME_DIR``."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    runtime = home / ".runtime"
    runtime.mkdir(mode=0o700)  # as a login's own /run/user/UID is
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


@pytest.fixture(scope="session")
def x_display_claims(tmp_path_factory) -> Path:
    """The folder in which this run's Xvfb servers claim their display numbers (helpers.xvfb)."""
    from helpers.xvfb import claims_folder

    return claims_folder(tmp_path_factory.getbasetemp())


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
