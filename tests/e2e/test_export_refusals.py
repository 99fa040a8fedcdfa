"""``chronomap export`` as a user runs it, when something is wrong with where or how to write.

A bad ``--out``/``--size`` is refused in one line before any rendering; a full disk and Ctrl-C
leave no half-written file (and the old file untouched), in one line, exit 2 or 130.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ENV = {"QT_QPA_PLATFORM": "offscreen"}


def run(*args: str, code: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "chronomap", *args]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, **ENV), timeout=180, **kwargs)


def _one_refusal(result: subprocess.CompletedProcess, status: int = 2, rendered: bool = False) -> str:
    """The one ``error:`` line; before any rendering it is all of stderr (once Chromium ran, its own
    start-up chatter — no GPU, no D-Bus here — may precede it)."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == status, result.stderr
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1 and (rendered or lines == errors), result.stderr
    return errors[0]


def _unwritable(tmp_path: Path) -> Path:
    """A folder this process cannot create files in: read-only by mode, or (root ignores modes) /sys."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("args, says", [
    (["--out", "{tmp}/maps"], "--out: {tmp}/maps is a folder; expected a file name to write"),
    (["--out", "{tmp}/maps.png"], "--out: {tmp}/maps.png is a folder"),
    (["--out", "{tmp}/no/such/dir/a.png"], "--out: cannot write {tmp}/no/such/dir/a.png: the folder {tmp}/no/such/dir does not exist"),
    (["--out", "{unwritable}/a.png"], "--out: cannot write into {unwritable}: "),
    (["--out", "{tmp}/a.png", "--size", "0x0"], "size: found 0x0, too small; expected at least 200x150 pixels"),
    (["--out", "{tmp}/a.png", "--size", "1920x0"], "size: found 1920x0, too small"),
    (["--out", "{tmp}/a.png", "--size", "9000x9000"], "size: found 9000x9000, too large to render; expected at most 8192"),
    (["--out", "{tmp}/a.png", "--size", "9" * 5000 + "x1"], "--size: found '99999"),
    (["--out", "{tmp}/a.png", "--size", "wide"], "--size: found 'wide', which is not understood; expected WIDTHxHEIGHT"),
    (["--out", "{tmp}/a.png", "--scale", "nan"], "scale: found nan, out of range; expected a number from 0.5 to 8"),
    (["--out", "{tmp}/a.png", "--scale", "1e308"], "scale: found 1e+308, out of range"),
    (["--out", "{tmp}/a.png", "--size", "400x300", "--with-media"],
     "--with-media: a 400x300 picture leaves the map 175 px wide beside the picture's column"),
])
def test_a_bad_out_or_size_is_refused_in_one_line_before_rendering(tmp_path, args, says):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps.png").mkdir()
    unwritable = _unwritable(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    fill = {"tmp": str(tmp_path), "unwritable": str(unwritable)}
    started = time.perf_counter()
    result = run("export", "--at", "1989", *[a.format(**fill) for a in args])
    line = _one_refusal(result)
    assert says.format(**fill) in line, line
    assert len(line) < 300
    assert sorted(tmp_path.rglob("*")) == before, "something was written"
    assert time.perf_counter() - started < 60  # no page was loaded (a render takes longer on this machine)


def test_media_beside_an_animation_is_refused(tmp_path):
    line = _one_refusal(run("export", "--animate", "--with-media", "--out", str(tmp_path / "story.gif")))
    assert "--with-media lays a picture beside one moment's map; an animation has none" in line
    assert not any(tmp_path.iterdir())


def test_an_out_dir_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    line = _one_refusal(run("export", "--all-events", "--out-dir", str(tmp_path / "file")))
    assert f"--out-dir: cannot write into {tmp_path / 'file'}: it is a file, not a folder" in line


FULL_DISK = """
import errno, os, sys
import chronomap.atomic as atomic

def full(fd, data):
    os.write(fd, data[:100])
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

atomic._write_all = full
from chronomap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_leaves_the_old_picture_and_says_which_file(tmp_path):
    target = tmp_path / "almaty.png"
    target.write_bytes(b"the old picture")
    result = run("export", "--at", "1986-12-17", "--out", str(target), "--size", "640x480", code=FULL_DISK)
    line = _one_refusal(result, rendered=True)
    assert line == f"error: {target}: cannot be written (No space left on device); nothing was changed there"
    assert target.read_bytes() == b"the old picture"
    assert os.listdir(tmp_path) == ["almaty.png"]


def _interrupt(proc: subprocess.Popen, ready) -> tuple[int, str, float]:
    """SIGINT once *ready()* holds; the exit status, stderr and seconds from the signal to the exit."""
    deadline = time.monotonic() + 150
    while not ready():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the export never got going"
        time.sleep(0.05)  # polling the file system for the moment to interrupt, as waitUntil does
    signalled = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    return proc.returncode, err, time.monotonic() - signalled


def _popen(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "chronomap", "export", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, **ENV))


def test_ctrl_c_during_a_batch_stops_at_once_in_one_line_leaving_only_whole_pictures(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "batch"
    proc = _popen("--all-events", "--out-dir", str(out), "--size", "640x480")
    status, err, seconds = _interrupt(proc, lambda: out.exists() and any(p.suffix == ".png" for p in out.iterdir()))
    assert status == 130, err
    assert [line for line in err.splitlines() if line.startswith("error: ")] == ["error: interrupted; no file was left half-written"]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert seconds < 5, f"{seconds:.1f} s from Ctrl-C to the exit"
    names = sorted(p.name for p in out.iterdir())
    assert names and not any(name.startswith(".") for name in names), names  # no temporary file left
    assert "index.json" not in names
    for name in names:
        assert not QImage(str(out / name)).isNull(), name


@pytest.mark.parametrize("suffix", [".gif", ".mp4"])
def test_ctrl_c_during_an_animation_leaves_no_file(tmp_path, suffix):
    target = tmp_path / f"story{suffix}"
    proc = _popen("--animate", "--out", str(target), "--size", "640x480")
    status, err, seconds = _interrupt(proc, lambda: any(p.name.startswith(f".{target.name}.") for p in tmp_path.iterdir()))
    assert status == 130, err
    assert [line for line in err.splitlines() if line.startswith("error: ")] == ["error: interrupted; no file was left half-written"]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert seconds < 5, f"{seconds:.1f} s from Ctrl-C to the exit"
    assert os.listdir(tmp_path) == []
