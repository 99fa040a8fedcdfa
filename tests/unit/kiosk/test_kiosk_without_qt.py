"""Settings, PIN hashing, statistics and systemd notification work with Qt absent (an office PC
summarising the statistics file, a config check on a server)."""

from without_qt import run_without_qt

KIOSK_TOOLS = """
import io, json, pathlib, tempfile
from chronomap.kiosk.app import run_kiosk
from chronomap.kiosk.config import load_config
from chronomap.kiosk.notify import sd_notify
from chronomap.kiosk.pin import hash_pin, verify_pin
from chronomap.kiosk.stats import stats_main
folder = pathlib.Path(tempfile.mkdtemp())
bad = folder / 'kiosk.toml'
bad.write_text('idle_seconds = 1\\n')
assert run_kiosk(None, bad, None) == 2
assert verify_pin('2468', hash_pin('2468'))
assert sd_notify('READY=1', {}) is False
stats = folder / 's.jsonl'
stats.write_text(json.dumps({'kind': 'view', 'event': 'e', 'title': 'E', 'seconds': 4}) + '\\n')
out = io.StringIO()
assert stats_main(stats, out) == 0 and 'e,E,1,4.0,4.0' in out.getvalue()
print('kiosk-without-qt-ok')
"""


def test_the_kiosk_tools_need_no_qt():
    result = run_without_qt(KIOSK_TOOLS)
    assert result.returncode == 0, result.stderr
    assert "kiosk-without-qt-ok" in result.stdout
    assert "idle_seconds: found 1; expected a whole number of seconds ≥ 5" in result.stderr
