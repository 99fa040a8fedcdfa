"""The engine must work with Qt absent: import it with PySide6 blocked."""

import subprocess
import sys

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import chronomap.story.loader, chronomap.story.timeline, chronomap.cli
from chronomap.story.loader import load_exhibit
from chronomap.story.timeline import Timeline
from chronomap.resources import default_exhibit_path
t = Timeline(load_exhibit(default_exhibit_path()))
assert chronomap.cli.main(['events', '--json']) == 0
print('engine-ok', len(t.events))
"""


def test_engine_imports_and_runs_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "engine-ok 15" in result.stdout
