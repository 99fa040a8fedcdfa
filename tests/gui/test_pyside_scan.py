"""PySide6's import hook keeps no module's source (chronomap.qt.pyside_scan): ~8.5 MB of the app's memory."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from chronomap.qt.pyside_scan import _file_says_pyside

#: The explorer's imports in the order a start makes them (chronomap.desk.app.open_explorer), then what
#: PySide6's hook decided for a few modules and what linecache holds.
START_IMPORTS = textwrap.dedent("""
    import json, linecache, sys
    from PySide6.QtCore import QSettings
    from chronomap.desk import start_memo
    from chronomap.qt.webengine import configure_webengine
    from chronomap.desk.main_window import MainWindow
    from chronomap.story.loader import load_exhibit
    decided = sys.modules["PySide6.support.feature"].pyside_feature_dict
    print(json.dumps({"cached": sorted(linecache.cache),
                      "decided": {name: decided.get(name) for name in
                                  ("chronomap.qt.map_view", "chronomap.story.schema", "chronomap.desk.main_window")}}))
""")


@pytest.fixture(scope="module")
def start_imports() -> dict:
    """What a fresh interpreter holds after a start's imports (one process for the tests that read it)."""
    out = subprocess.run([sys.executable, "-c", START_IMPORTS], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_start_keeps_no_source_of_the_modules_it_imports(start_imports):
    cached = start_imports["cached"]
    kept = [name for name in cached if "chronomap" in name or "pydantic" in name or "babel" in name]
    assert kept == [], f"linecache holds {len(cached)} files, among them {kept[:5]}"


def test_the_hook_still_tells_a_module_that_uses_pyside_from_one_that_does_not(start_imports):
    # 0: the module uses PySide6 (features could be switched for it); -1: ignored, as the hook's own test said
    assert start_imports["decided"] == {"chronomap.qt.map_view": 0, "chronomap.story.schema": -1, "chronomap.desk.main_window": 0}


def test_the_lean_test_answers_as_the_hook_did(tmp_path):
    import inspect

    import chronomap.qt.map_view as uses
    import chronomap.story.loader as does_not

    for module in (uses, does_not, json, sys):
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert _file_says_pyside(module) is expected, module.__name__
    gone = type(sys)("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # a file deleted since: no answer, no error
    assert _file_says_pyside(gone) is False
