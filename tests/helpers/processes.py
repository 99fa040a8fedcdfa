"""Resident memory of a process and of everything it started (Qt WebEngine's render, GPU and zygote processes).

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


def descendants(root: int | None = None) -> list[int]:
    """*root* (this process by default) and every process under it, *root* first."""
    root = os.getpid() if root is None else root
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    family, frontier = [root], [root]
    while frontier:
        for pid in children.get(frontier.pop(), []):
            if pid not in family:
                family.append(pid)
                frontier.append(pid)
    return family


def process_tree_rss_mb(root: int | None = None) -> float:
    """RSS of *root* (this process by default) and all its descendants."""
    return sum(rss_mb(pid) for pid in descendants(root))


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
    for pid in descendants(root):
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
