"""The engine must work with Qt absent: import it with PySide6 blocked."""

from without_qt import run_without_qt

ENGINE = """
import chronomap.story.loader, chronomap.story.timeline, chronomap.cli
from chronomap.story.loader import load_exhibit
from chronomap.story.timeline import Timeline
from chronomap.resources import default_exhibit_path
t = Timeline(load_exhibit(default_exhibit_path()))
assert chronomap.cli.main(['events', '--json']) == 0
print('engine-ok', len(t.events))
"""


def test_engine_imports_and_runs_without_qt():
    result = run_without_qt(ENGINE)
    assert result.returncode == 0, result.stderr
    assert "engine-ok 15" in result.stdout
