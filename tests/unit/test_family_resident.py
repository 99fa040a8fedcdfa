"""The benchmarks' resident figure counts a page two processes share once (summed RSS counts it twice)."""

from __future__ import annotations

import mmap
import os

from helpers.processes import resident_frames, rss_mb

SIZE = 16 * 2**20


def test_a_buffer_two_processes_map_is_counted_once():
    page = mmap.PAGESIZE
    buffer = mmap.mmap(-1, SIZE, flags=mmap.MAP_SHARED)
    for offset in range(0, SIZE, page):
        buffer[offset] = 1
    ready_r, ready_w = os.pipe()
    done_r, done_w = os.pipe()
    child = os.fork()
    if child == 0:  # touches the same pages, says so, waits to be told to go
        total = sum(buffer[offset] for offset in range(0, SIZE, page))
        os.write(ready_w, bytes([total % 256]))
        os.read(done_r, 1)
        os._exit(0)
    try:
        os.read(ready_r, 1)
        mine, theirs = resident_frames(os.getpid()), resident_frames(child)
        if os.geteuid() != 0:
            assert mine is None and theirs is None  # page frames are the kernel's to hide
            return
        assert mine is not None and theirs is not None
        shared_mb = len(mine & theirs) * page / 2**20
        assert shared_mb >= SIZE / 2**20  # the buffer's frames are in both
        union_mb = len(mine | theirs) * page / 2**20
        summed_mb = rss_mb(os.getpid()) + rss_mb(child)
        assert union_mb <= summed_mb - SIZE / 2**20 + 1  # counted once, not twice
    finally:
        os.write(done_w, b"x")
        os.waitpid(child, 0)
        buffer.close()
