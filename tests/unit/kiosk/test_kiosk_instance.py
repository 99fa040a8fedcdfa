"""One kiosk per user and display (issue 14, item 7): the second one stops at once, with one line (no Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from chronomap.kiosk.app import run_kiosk
from chronomap.kiosk.instance import AlreadyRunning, display_keys, hold_instance_lock, lock_paths
from without_qt import run_without_qt


def env(tmp_path, **extra):
    return {"XDG_RUNTIME_DIR": str(tmp_path / "run"), **extra}


def test_the_lock_is_per_user_and_display(tmp_path):
    (tmp_path / "run").mkdir()
    wayland = lock_paths(tmp_path / "state", env(tmp_path, WAYLAND_DISPLAY="wayland-0"), uid=1001)
    assert [p.name for p in wayland] == ["chronomap-kiosk-1001-wayland-wayland-0.lock"]
    assert wayland[0].parent == tmp_path / "run"
    both = lock_paths(tmp_path / "state", env(tmp_path, WAYLAND_DISPLAY="wayland-1", DISPLAY=":0"), uid=1001)
    assert [p.name for p in both] == ["chronomap-kiosk-1001-wayland-wayland-1.lock", "chronomap-kiosk-1001-x11-_0.lock"]
    assert lock_paths(tmp_path / "state", env(tmp_path, DISPLAY=":0"), uid=1002)[0].name == "chronomap-kiosk-1002-x11-_0.lock"
    assert display_keys({}) == ["no-display"]
    # no runtime folder: the kiosk's state folder
    assert lock_paths(tmp_path / "state", {"DISPLAY": ":1"}, uid=7)[0].parent == tmp_path / "state"


def test_a_second_lock_on_the_same_display_is_refused_and_a_released_one_is_free(tmp_path):
    (tmp_path / "run").mkdir()
    first = hold_instance_lock(tmp_path / "state", env(tmp_path, DISPLAY=":0"))
    assert first.held
    with pytest.raises(AlreadyRunning) as info:
        hold_instance_lock(tmp_path / "state", env(tmp_path, DISPLAY=":0"))
    assert str(info.value) == f"another kiosk is running on this display (pid {os.getpid()})"
    other = hold_instance_lock(tmp_path / "state", env(tmp_path, DISPLAY=":1"))  # another display: fine
    other.release()
    # a kiosk on Wayland with XWayland holds both; one on the same X display alone is refused
    with pytest.raises(AlreadyRunning):
        hold_instance_lock(tmp_path / "state", env(tmp_path, WAYLAND_DISPLAY="wayland-0", DISPLAY=":0"))
    assert not (tmp_path / "run" / f"chronomap-kiosk-{os.getuid()}-wayland-wayland-0.lock").read_text()  # none half-held
    first.release()
    hold_instance_lock(tmp_path / "state", env(tmp_path, DISPLAY=":0")).release()


def test_the_lock_goes_with_the_process_however_it_ends(tmp_path):
    """A killed kiosk leaves no stale lock: the kernel drops a flock with the process."""
    code = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from chronomap.kiosk.instance import hold_instance_lock
        hold_instance_lock(Path({str(tmp_path / 'state')!r}), {{'DISPLAY': ':5'}})
        print(os.getpid(), flush=True)
        sys.stdin.readline()
    """)
    with subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}) as proc:
        try:
            pid = int(proc.stdout.readline())
            with pytest.raises(AlreadyRunning) as info:
                hold_instance_lock(tmp_path / "state", {"DISPLAY": ":5"})
            assert info.value.pid == pid
        finally:
            proc.kill()
    hold_instance_lock(tmp_path / "state", {"DISPLAY": ":5"}).release()


def test_a_second_kiosk_exits_2_with_one_line_before_qt_starts(tmp_path, monkeypatch):
    state = tmp_path / "state"
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("DISPLAY", ":9")
    held = hold_instance_lock(state)
    try:
        config = tmp_path / "kiosk.toml"
        config.write_text(f'log_dir = "{state}"\n', encoding="utf-8")
        code = textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from chronomap.kiosk.app import run_kiosk
            status = run_kiosk(None, Path({str(config)!r}), None)
            assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules)
            print('status', status)
        """)
        result = run_without_qt(code)
    finally:
        held.release()
    assert result.returncode == 0, result.stderr
    assert "status 2" in result.stdout
    assert result.stderr == f"error: another kiosk is running on this display (pid {os.getpid()})\n"
    assert not (state / "chronomap-kiosk.log").exists()  # the second one wrote nothing of the first one's


def test_a_missing_exhibit_exits_2(tmp_path, capsys):
    assert run_kiosk(tmp_path / "no-such-exhibit", None, None) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
