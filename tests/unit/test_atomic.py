"""Atomic writes: a failure part-way (a full disk, a failed check, Ctrl-C) leaves the old file and no temporary."""

from __future__ import annotations

import errno
import os

import pytest

from chronomap import atomic
from chronomap.atomic import replaced_on_success, write_bytes_atomic, write_text_atomic
from chronomap.errors import WriteError


def _full_disk_after(n_bytes: int):
    """A write that gets *n_bytes* onto the disk, then fails as a full file system does."""

    def write_all(fd: int, data: bytes) -> None:
        os.write(fd, data[:n_bytes])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write_all


def test_a_write_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert os.listdir(tmp_path) == ["a.json"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_full_disk_leaves_the_old_file_and_says_so_naming_it(tmp_path, monkeypatch):
    target = tmp_path / "map.png"
    target.write_bytes(b"the old picture")
    monkeypatch.setattr(atomic, "_write_all", _full_disk_after(3))
    with pytest.raises(WriteError) as info:
        write_bytes_atomic(target, b"x" * 10_000)
    assert str(info.value) == f"{target}: cannot be written (No space left on device); nothing was changed there"
    assert isinstance(info.value, OSError)  # code treating a failed write as an OSError still does
    assert target.read_bytes() == b"the old picture"
    assert os.listdir(tmp_path) == ["map.png"]


def test_a_short_file_on_disk_is_caught_by_reading_it_back(tmp_path, monkeypatch):
    target = tmp_path / "index.json"

    def silently_short(fd: int, data: bytes) -> None:  # a file system that lies about a write
        os.write(fd, data[: len(data) // 2])

    monkeypatch.setattr(atomic, "_write_all", silently_short)
    with pytest.raises(WriteError, match="what was read back differs"):
        write_text_atomic(target, "{}" * 100)
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_named_by_the_file_asked_for(tmp_path):
    target = tmp_path / "no" / "such" / "a.png"
    with pytest.raises(WriteError) as info:
        write_bytes_atomic(target, b"x")
    assert str(info.value).startswith(f"{target}: cannot be written (No such file or directory)")
    assert ".tmp" not in str(info.value)


def test_replaced_on_success_checks_before_the_rename(tmp_path):
    target = tmp_path / "story.gif"
    target.write_bytes(b"old")

    def refuse(path):
        assert path.read_bytes() == b"half"
        raise WriteError(f"{target}: cannot be written (the GIF written has 3 of 9 frames)")

    with pytest.raises(WriteError, match="3 of 9 frames"):
        with replaced_on_success(target, verify=refuse) as tmp:
            tmp.write_bytes(b"half")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["story.gif"]


def test_replaced_on_success_refuses_an_empty_result_and_wraps_a_full_disk(tmp_path):
    target = tmp_path / "a.mp4"
    with pytest.raises(WriteError, match="the result was empty"):
        with replaced_on_success(target):
            pass
    with pytest.raises(WriteError, match=f"^{target}: cannot be written \\(No space left on device\\)"):
        with replaced_on_success(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert os.listdir(tmp_path) == []


def test_ctrl_c_inside_a_write_leaves_nothing(tmp_path):
    target = tmp_path / "a.gif"
    with pytest.raises(KeyboardInterrupt):
        with replaced_on_success(target) as tmp:
            tmp.write_bytes(b"part")
            raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_a_good_result_replaces_the_target(tmp_path):
    target = tmp_path / "a.gif"
    target.write_bytes(b"old")
    with replaced_on_success(target, verify=lambda p: None) as tmp:
        assert tmp.parent == tmp_path and tmp.suffix == ".gif"
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["a.gif"]
