"""Resident memory and CPU time of a process and of everything it started (Qt WebEngine's render, GPU and zygote processes).

RSS counts a page in every process that maps it; PSS splits it between them. The
render process hands its canvases and tiles to the compositor (in the app's process,
Qt WebEngine's in-process GPU thread) as shared-memory segments, so those pages are in
the RSS of both: :func:`family_usage` reports them apart (``shm``) to tell the page's
pictures from its heap.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: Mappings that are shared memory handed between Chromium processes.
SHARED_MEMORY = ("/dev/shm/", "/memfd:")


def rss_mb(pid: int) -> float:
    """VmRSS of *pid* in MB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def process_tree(root: int | None = None) -> set[int]:
    """*root* (this process by default) and all its descendants."""
    root = os.getpid() if root is None else root
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    return family


def process_tree_rss_mb(root: int | None = None) -> float:
    """RSS of *root* (this process by default) and all its descendants."""
    return sum(rss_mb(pid) for pid in process_tree(root))


def process_tree_cpu_s(root: int | None = None) -> dict[int, float]:
    """CPU seconds (user + system) used so far by *root* and each living descendant, by process id: what a
    step costs the machine, whatever else shares it (wall times on a loaded machine mostly measure the others).
    Set two of these apart with :func:`cpu_used_s`."""
    used: dict[int, float] = {}
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            continue
    return used


def cpu_used_s(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used between two :func:`process_tree_cpu_s` samples by the processes alive at the second
    (one that ended in between, such as a closed page's render process, is left out rather than subtracted)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def usage_mb(pid: int) -> dict[str, float]:
    """``{"rss", "pss", "shm"}`` of *pid* in MB: shm is the RSS of its shared-memory segments (all 0 when gone)."""
    out = {"rss": 0.0, "pss": 0.0, "shm": 0.0}
    shared = False
    try:
        with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                head = line.split(None, 1)[0]
                if not head.endswith(":"):  # a mapping's first line: its address range, ..., its name
                    shared = any(name in line for name in SHARED_MEMORY)
                elif head == "Rss:":
                    kb = int(line.split()[1]) / 1024
                    out["rss"] += kb
                    if shared:
                        out["shm"] += kb
                elif head == "Pss:":
                    out["pss"] += int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return out


def process_kind(pid: int, root: int) -> str:
    """"app" for *root*, else Chromium's ``--type`` (a render process forked from the zygote keeps the zygote's)."""
    if pid == root:
        return "app"
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "gone"
    kind = next((a[7:].decode() for a in args if a.startswith(b"--type=")), "other")
    if kind == "utility":
        sub = next((a.split(b"=", 1)[1].decode() for a in args if a.startswith(b"--utility-sub-type=")), "")
        return "utility:" + sub.rsplit(".", 1)[-1] if sub else kind
    return kind


def family_usage(root: int | None = None, named: Mapping[int, str] | None = None) -> dict[str, dict[str, float]]:
    """``{kind: {"rss", "pss", "shm", "count"}}`` (MB) over *root* and its descendants.

    *named* gives some processes their kind (the page's render process, whose command line
    says "zygote"); the rest are named by :func:`process_kind`.
    """
    root = os.getpid() if root is None else root
    named = named or {}
    out: dict[str, dict[str, float]] = {}
    for pid in sorted(process_tree(root)):
        kind = named.get(pid) or process_kind(pid, root)
        usage = usage_mb(pid)
        total = out.setdefault(kind, {"rss": 0.0, "pss": 0.0, "shm": 0.0, "count": 0})
        for key, value in usage.items():
            total[key] += value
        total["count"] += 1
    return {kind: {k: round(v, 1) for k, v in values.items()} for kind, values in sorted(out.items())}


def total_mb(family: Mapping[str, Mapping[str, float]], key: str) -> float:
    """The sum of one column (rss, pss or shm) of :func:`family_usage`."""
    return round(sum(values[key] for values in family.values()), 1)


#: Bits of a /proc/<pid>/pagemap entry: the page is in memory; its page frame number.
_PRESENT = 1 << 63
_PFN = (1 << 55) - 1


def resident_frames(pid: int) -> set[int] | None:
    """The physical page frames *pid* has in memory (None where the kernel hides them: it gives page
    frame numbers to a process with CAP_SYS_ADMIN only, and 0 to others)."""
    from array import array

    page = os.sysconf("SC_PAGE_SIZE")
    ranges: list[tuple[int, int]] = []
    start = end = 0
    try:
        with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                head = line.split(None, 1)[0]
                if not head.endswith(":"):  # a mapping's first line: its address range
                    start, end = (int(x, 16) for x in head.split("-"))
                elif head == "Rss:" and int(line.split()[1]) > 0:
                    ranges.append((start, end))
        frames: set[int] = set()
        fd = os.open(f"/proc/{pid}/pagemap", os.O_RDONLY)
    except (OSError, ValueError):
        return set()
    try:
        for start, end in ranges:
            entries = array("Q")
            entries.frombytes(os.pread(fd, (end - start) // page * 8, start // page * 8))
            frames.update(e & _PFN for e in entries if e & _PRESENT)
    except OSError:
        return set()
    finally:
        os.close(fd)
    if frames == {0}:
        return None
    frames.discard(0)
    return frames


def family_resident_mb(root: int | None = None) -> float | None:
    """The memory *root* and its descendants hold, each physical page counted once however many of
    them map it (summed RSS counts a canvas buffer shared by the render process and the app's
    compositor twice, and the zygotes' pages in every child); None where page frames are hidden."""
    union: set[int] = set()
    for pid in process_tree(root):
        frames = resident_frames(pid)
        if frames is None:
            return None
        union |= frames
    return round(len(union) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
