"""Guards every test runs under (wired as autouse fixtures in tests/conftest.py).

* :class:`ErrorLog`: an ERROR-level log record fails the test (like qutebrowser's
  logfail). Page JavaScript errors are among them: MapView logs every ``js_error``
  (uncaught errors, rejections, console errors, a page that failed to load) at
  ERROR on ``chronomap.js`` / ``chronomap.ui``. A test that provokes errors on
  purpose says which: ``@pytest.mark.expected_errors("pattern", ...)`` or
  ``expected_errors.allow("pattern")`` (a regular expression searched in
  ``"<logger>: <message>"``); the marker with no pattern allows any.
* :class:`TimerWatch`: a QTimer the test started that is still running at the
  end, or a ``QTimer.singleShot`` that has not fired while its receiver lives,
  fails it (like napari's ``dangling_qtimers``).
* :func:`new_windows`: a top-level window the test opened that is still alive at
  the end fails it (like napari's ``dangling_qwidgets``).

``@pytest.mark.allow_leaks("why")`` lets a test keep a timer or window on purpose.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

#: Windows Qt makes for itself and keeps (the tooltip label, a combo box's list).
QT_OWN_WINDOWS = {"QTipLabel", "QComboBoxPrivateContainer", "QWhatsThat", "QCompleter"}


class ErrorLog(logging.Handler):
    """Collects ERROR and CRITICAL records; :meth:`unexpected` are those no pattern allows."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self._allowed: list[re.Pattern[str]] = []
        self.allow_all = False

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def allow(self, *patterns: str) -> None:
        """Errors matching any of *patterns* are expected (none given: every error is)."""
        if not patterns:
            self.allow_all = True
        self._allowed.extend(re.compile(p) for p in patterns)

    @staticmethod
    def text(record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # a broken format is still an error to show
            message = str(record.msg)
        return f"{record.name}: {message}"

    def unexpected(self) -> list[str]:
        if self.allow_all:
            return []
        texts = (self.text(r) for r in self.records)
        return [t for t in texts if not any(p.search(t) for p in self._allowed)]


class TimerWatch:
    """Tracks the QTimers started and the single shots scheduled from Python while it is installed."""

    def __init__(self) -> None:
        self._timers: list[weakref.ref[Any]] = []
        self._shots: dict[int, str] = {}  # pending single shots: id -> what
        self._count = 0

    def install(self, monkeypatch: Any) -> None:
        from PySide6.QtCore import QObject, QTimer

        original_start = QTimer.start
        original_single_shot = QTimer.singleShot
        watch = self

        def start(timer: Any, *args: Any) -> Any:
            watch._timers.append(weakref.ref(timer))
            return original_start(timer, *args)

        def single_shot(*args: Any) -> Any:
            functor = args[-1]
            receiver = next((a for a in args[1:-1] if isinstance(a, QObject)), None)
            if not callable(functor):
                return original_single_shot(*args)  # a SLOT() string: Qt's own bookkeeping
            watch._count += 1
            key = watch._count
            watch._shots[key] = f"QTimer.singleShot({args[0]}, {_describe(functor)})"

            def fire(*fargs: Any) -> Any:
                watch._shots.pop(key, None)
                return functor(*fargs)

            if receiver is not None:
                receiver.destroyed.connect(lambda *_: watch._shots.pop(key, None))
            return original_single_shot(*args[:-1], fire)  # type: ignore[call-overload]  # the same overload as called

        monkeypatch.setattr(QTimer, "start", start)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))

    def running(self) -> list[str]:
        """Timers still active and single shots still pending."""
        import shiboken6

        found = []
        for ref in self._timers:
            timer = ref()
            if timer is not None and shiboken6.isValid(timer) and timer.isActive():
                parent = timer.parent()
                owner = type(parent).__name__ if parent is not None else "no parent"
                found.append(f"QTimer {timer.objectName() or hex(id(timer))} ({timer.interval()} ms, owned by {owner})")
        return sorted(set(found)) + sorted(self._shots.values())


def _describe(functor: Callable[..., Any]) -> str:
    owner = getattr(functor, "__self__", None)
    name = getattr(functor, "__qualname__", None) or repr(functor)
    return f"{type(owner).__name__}.{getattr(functor, '__name__', name)}" if owner is not None else name


def top_level_windows() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return []
    return [w for w in QApplication.topLevelWidgets() if type(w).__name__ not in QT_OWN_WINDOWS]


def new_windows(before: Iterable[Any]) -> list[str]:
    """Windows alive now that were not in *before*, after Qt has run its pending deletions."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    seen = {id(w) for w in before}
    deadline = time.monotonic() + 2
    while True:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        alive = [w for w in top_level_windows() if shiboken6.isValid(w) and id(w) not in seen]
        if not alive or time.monotonic() > deadline:
            break
    return [f"{type(w).__name__} {w.objectName() or w.windowTitle()!r} ({'shown' if w.isVisible() else 'hidden'})" for w in alive]


_ERROR_LOG = pytest.StashKey[ErrorLog]()


def register_guard_markers(config: Any) -> None:
    config.addinivalue_line("markers", "expected_errors(*patterns): ERROR log records matching these regular "
                                       "expressions (any, when none is given) do not fail the test")
    config.addinivalue_line("markers", "allow_leaks(why): the test may leave a QTimer running or a window alive")


def error_log(request: Any) -> ErrorLog:
    """The running test's :class:`ErrorLog` (for the ``expected_errors`` fixture)."""
    return request.node.stash[_ERROR_LOG]


def guard_test(request: Any, monkeypatch: Any) -> Iterator[None]:
    """The body of the autouse fixture: watch the test, then fail it on what it left behind."""
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
    try:
        yield
    finally:
        root.removeHandler(errors)
    leaks: list[str] = []
    if qt and not any(request.node.iter_markers("allow_leaks")):
        if "PySide6.QtWidgets" in sys.modules:
            leaks += [f"window left open: {w}" for w in new_windows(windows_before)]
        leaks += [f"timer left running: {t}" for t in timers.running()]
    problems = [f"unexpected error logged: {e}" for e in errors.unexpected()] + leaks
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
