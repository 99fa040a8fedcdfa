"""The guards every test runs under fail what they should, and only that (small suites run in-process)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

CONFTEST = '''
import pytest
from helpers.guards import error_log, guard_test, register_guard_markers

def pytest_configure(config):
    register_guard_markers(config)

@pytest.fixture
def expected_errors(request):
    return error_log(request)

@pytest.fixture(autouse=True)
def _guards(request, monkeypatch):
    yield from guard_test(request, monkeypatch)
'''

INNER = '''
import logging
import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

def test_an_error_record_fails():
    logging.getLogger("chronomap.js").error("Uncaught Error: boom (page.js:1)")

@pytest.mark.expected_errors(r"^chronomap[.]js: Uncaught Error: boom")
def test_an_expected_error_passes():
    logging.getLogger("chronomap.js").error("Uncaught Error: boom (page.js:1)")

def test_an_error_allowed_by_the_fixture_passes(expected_errors):
    expected_errors.allow("boom")
    logging.getLogger("chronomap.ui").error("boom")

def test_a_warning_passes():
    logging.getLogger("chronomap.js").warning("just a warning")

def test_a_running_timer_fails(qapp, kept):
    timer = QTimer()
    timer.start(60_000)
    kept.append(timer)

def test_a_pending_single_shot_fails(qapp, kept):
    holder = QObject()
    kept.append(holder)
    QTimer.singleShot(60_000, holder, lambda: None)

def test_a_stopped_timer_passes(qapp):
    timer = QTimer()
    timer.start(60_000)
    timer.stop()

def test_a_single_shot_whose_receiver_is_gone_passes(qapp):
    holder = QObject()
    QTimer.singleShot(60_000, holder, lambda: None)
    del holder

def test_a_window_left_open_fails(qapp, kept):
    window = QWidget()
    window.setObjectName("leaked")
    window.show()
    kept.append(window)

def test_a_window_closed_by_qtbot_passes(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()

@pytest.mark.allow_leaks("kept on purpose")
def test_an_allowed_leak_passes(qapp, kept):
    timer = QTimer()
    timer.start(60_000)
    kept.append(timer)
'''


class Keeper:
    """Hands the inner tests a list for what they leave behind, so this test can clean it up."""

    def __init__(self) -> None:
        self.things: list = []

    @pytest.fixture
    def kept(self) -> list:
        return self.things


@pytest.mark.expected_errors("boom")  # the inner tests' records reach this test's log too
def test_the_guards_fail_errors_timers_and_windows_left_behind(pytester, qapp):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_inner=INNER)
    keeper = Keeper()
    try:
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q", plugins=[keeper])
    finally:
        for thing in keeper.things:
            if hasattr(thing, "stop"):
                thing.stop()
            if hasattr(thing, "close"):
                thing.close()
            thing.deleteLater()
    result.assert_outcomes(passed=11, errors=4)  # a test failed by its guard passed its call and errs in teardown
    result.stdout.fnmatch_lines_random([
        "*ERROR at teardown of test_an_error_record_fails*",
        "*unexpected error logged: chronomap.js: Uncaught Error: boom (page.js:1)*",
        "*ERROR at teardown of test_a_running_timer_fails*",
        "*timer left running: QTimer * (60000 ms, owned by no parent)*",
        "*ERROR at teardown of test_a_pending_single_shot_fails*",
        "*timer left running: QTimer.singleShot(60000, *",
        "*ERROR at teardown of test_a_window_left_open_fails*",
        "*window left open: QWidget 'leaked' (shown)*",
    ])
