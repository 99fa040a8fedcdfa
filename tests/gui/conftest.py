"""GUI test set-up: WebEngine flags before the QApplication, page helpers, a private QSettings."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chronomap.qt.webengine import configure_webengine  # noqa: E402

configure_webengine()  # before pytest-qt creates the QApplication

from page_helpers import LOAD_TIMEOUT, delete_windows  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "fake_map: the test's desk and kiosk windows show a FakeMapView (no render process)")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "chronomap.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _fake_map(request, monkeypatch):
    """A test marked ``@pytest.mark.fake_map`` (it is not about the page) gets desk and kiosk windows
    with a :class:`helpers.fake_map.FakeMapView`: no render process, no folium page
    (``CHRONOMAP_TEST_REAL_MAP=1`` runs them on the real page, to compare)."""
    if request.node.get_closest_marker("fake_map") and not os.environ.get("CHRONOMAP_TEST_REAL_MAP"):
        from helpers.fake_map import use_fake_map

        use_fake_map(monkeypatch)


@pytest.fixture(autouse=True)
def _interface_language():
    """Each test starts in the default language: the language service lives on the QApplication, which
    outlives tests, so a test that switched to Kazakh (and did not switch back) left its next neighbour
    on the same worker reading Kazakh words."""
    yield
    from PySide6.QtCore import QCoreApplication

    from chronomap.qt.language import DEFAULT_LANGUAGE, LanguageService

    app = QCoreApplication.instance()
    service = app.findChild(LanguageService, "chronomapLanguage") if app is not None else None
    if service is not None and service.current != DEFAULT_LANGUAGE:
        service.set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def make_window(qtbot, exhibit, settings):
    """Main windows on the built-in exhibit, each waited on until its map is ready; deleted afterwards
    (on a fake map when the test is marked ``fake_map``: see :func:`_fake_map`)."""
    yield from _window_maker(qtbot, exhibit, settings)


@pytest.fixture
def window(make_window):
    return make_window()


def _window_maker(qtbot, exhibit, settings):
    from chronomap.desk.main_window import MainWindow

    windows = []

    def make(exhibit=exhibit, settings=settings, wait=True):
        window = MainWindow(exhibit, settings)
        windows.append(window)
        window.resize(1280, 800)
        if wait:
            with qtbot.waitSignal(window.map_view.ready, timeout=LOAD_TIMEOUT):
                window.show()
        else:
            window.show()
        return window

    yield make
    delete_windows(qtbot, windows, prepare=lambda window: window.stop_playing())


@pytest.fixture(scope="session")
def touch_screen(qapp):
    """One touch screen for the session (Qt keeps every device it is given until it quits)."""
    from PySide6.QtTest import QTest

    return QTest.createTouchDevice()


# -- the desk's own starts (tests/gui/test_desk_start*.py) -------------------------------------------------


@pytest.fixture(name="story")
def copied_story(tmp_path: Path) -> Path:
    """A copy of the built-in exhibit, so a test's start memo and pictures are its own."""
    folder = tmp_path / "exhibit"
    from chronomap.resources import default_exhibit_path

    shutil.copytree(default_exhibit_path(), folder)
    return folder.resolve()


@pytest.fixture(name="opened")
def opened_explorers(qtbot, monkeypatch):
    """``open_(story, **options)``: the desk's ``open_explorer``, its map waited for, its windows deleted
    afterwards (and the excepthook it installs put back)."""
    from chronomap.desk import app as desk_app

    windows = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def open_(story: Path, **options):
        window = desk_app.open_explorer(story, **options)
        windows.append(window)
        qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=LOAD_TIMEOUT)
        return window

    yield open_
    delete_windows(qtbot, windows)


@pytest.fixture
def studio(qtbot, make_window, exhibit_copy):
    """A window on a writable copy of the exhibit, with the editor open (cache-only gazetteer: fast);
    (window, the editor's panel). The studio tests that also answer its questions have their own."""
    from chronomap.authoring.place_search import PlaceSearch
    from chronomap.desk.studio_dock import open_studio
    from chronomap.story.loader import load_exhibit

    window = make_window(load_exhibit(exhibit_copy.folder))
    dock = open_studio(window, search=lambda: PlaceSearch.for_exhibit(exhibit_copy.folder, use_geonames=False))
    assert dock is not None
    return window, dock.panel
