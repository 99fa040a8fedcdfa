"""The kiosk's systemd unit must see the kiosk's own exit status, through a real cage.

cage 0.1.4 exits 0 whatever its child returns, so the unit runs cage through
``assets/kiosk/chronomap-kiosk-session``, which ends with the child's status. These tests run
the real cage headless (``WLR_BACKENDS=headless WLR_RENDERER=pixman``); cage refuses to run as
root, so as root they run it as ``nobody``. Where cage is missing they skip, except in CI
(``CI`` set), where ``.ci/run`` installs it and a skip would hide a dead restart policy.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers.nobody import NOBODY, as_nobody

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SESSION = REPO / "assets" / "kiosk" / "chronomap-kiosk-session"
UNIT = REPO / "assets" / "kiosk" / "chronomap-kiosk.service"


def _need(binary: str) -> None:
    if shutil.which(binary) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{binary} is not installed; .ci/run installs it so the kiosk's restart policy is tested")
        pytest.skip(f"{binary} is not installed (Debian: apt install cage xwayland)")


@dataclass
class Cage:
    """Runs the session script under a real headless cage, as an unprivileged user."""

    folder: Path

    def run(self, child: str, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        runtime = self.folder / "runtime"
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "XDG_RUNTIME_DIR": str(runtime),
            "RUNTIME_DIRECTORY": str(runtime),
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
        }
        environment.update(env or {})
        command = [str(self.folder / SESSION.name), "--", "/bin/sh", "-c", child]
        return subprocess.run(as_nobody(command), env=environment, capture_output=True, text=True, timeout=60)

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in (self.folder / "runtime").iterdir())


@pytest.fixture
def cage() -> Iterator[Cage]:
    _need("cage")
    _need("Xwayland")  # Debian's cage is built with XWayland and will not start without it
    # Not tmp_path: as root that lies under a 0700 folder the unprivileged user cannot enter.
    folder = Path(tempfile.mkdtemp(prefix="chronomap-cage-"))
    try:
        (folder / "runtime").mkdir(mode=0o700)
        shutil.copy2(SESSION, folder / SESSION.name)
        if os.geteuid() == 0:
            for path in (folder, folder / "runtime", folder / SESSION.name):
                os.chown(path, NOBODY, NOBODY)
        yield Cage(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_cage_alone_hides_the_status(cage: Cage):
    """The reason for the script: cage itself reports success for a refused configuration."""
    runtime = str(cage.folder / "runtime")
    command = as_nobody(["cage", "--", "/bin/sh", "-c", "exit 2"])
    env = {"PATH": os.environ["PATH"], "XDG_RUNTIME_DIR": runtime, "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman"}
    assert subprocess.run(command, env=env, capture_output=True, timeout=60).returncode == 0


@pytest.mark.parametrize(("child", "status"), [
    ("exit 0", 0),
    ("exit 2", 2),  # a refused configuration or exhibit: the unit must not restart
    ("exit 3", 3),  # a staff exit with the PIN: the unit must stay off
    ("exit 1", 1),  # any other failure: restart
    ("kill -KILL $$", 137),  # killed (the watchdog): restart
])
def test_the_unit_sees_the_kiosks_own_status(cage: Cage, child: str, status: int):
    result = cage.run(child)
    assert result.returncode == status, result.stderr
    assert cage.leftovers() == []  # the status file is cleaned up


def test_cage_failing_to_start_counts_as_a_crash(cage: Cage):
    result = cage.run("exit 3", env={"WLR_BACKENDS": "no-such-backend"})
    assert result.returncode == 1
    assert "cage ended (status 1) before the kiosk reported its status" in result.stderr


def test_no_runtime_directory_is_one_line_and_exit_2(tmp_path: Path):
    env = {"PATH": os.environ["PATH"], "RUNTIME_DIRECTORY": str(tmp_path / "missing")}
    result = subprocess.run([str(SESSION), "--", "true"], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no writable runtime directory" in result.stderr


def test_a_command_is_required(tmp_path: Path):
    env = {"PATH": os.environ["PATH"], "RUNTIME_DIRECTORY": str(tmp_path)}
    result = subprocess.run([str(SESSION), "-d", "chronomap"], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "expected cage options, then --" in result.stderr


def test_the_unit_runs_the_kiosk_through_the_session_script():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    unit.read(UNIT)
    service = unit["Service"]
    exec_start = service["ExecStart"].split()
    assert exec_start[0].endswith("/chronomap-kiosk-session")
    assert exec_start[exec_start.index("--") + 1].endswith("/chronomap")
    assert service["RuntimeDirectory"]  # where the script keeps the status
    assert set(service["RestartPreventExitStatus"].split()) == {"2", "3"}
    assert os.access(SESSION, os.X_OK)
