"""Resident memory and CPU time of a process and of everything it started (Qt WebEngine's render, GPU and zygote processes)."""

from __future__ import annotations

import os


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


def process_tree_cpu_s(root: int | None = None) -> float:
    """CPU seconds (user + system) used so far by *root* and its living descendants: what a step
    costs the machine, whatever else shares it (wall times on a loaded machine mostly measure the others)."""
    ticks = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")
