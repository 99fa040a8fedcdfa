"""PySide6's import hook, kept from caching the source of every module imported after PySide6.

Why: PySide6 (6.11) wraps ``__import__`` for its ``__feature__`` switches (``snake_case``,
``true_property``) and, the first time a module imports anything, asks whether that module
uses PySide by reading its whole source through ``inspect.getsource``. That source stays in
``linecache`` for the life of the process: ~9 MB of the app's heap at start here (172 modules:
pydantic, babel, the app's own), ~8.5 MB of its resident memory (tests/benchmarks/bench_memory.py).
The same answer ("does the file say ``PySide6``?") is read here from the file itself, which is
then dropped. Chronomap never selects a feature, so nothing else about the hook changes; a
PySide6 whose hook looks different is left as it is.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def _file_says_pyside(module: ModuleType) -> bool:
    """Whether *module*'s source file names PySide6: the hook's own test, without keeping the text."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, compiled or without a file: the hook's getsource fails there too (False)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lean_pyside_imports() -> bool:
    """Install the lean test in PySide6's feature hook; True when it is in place (idempotent)."""
    import PySide6.QtCore  # noqa: F401 (loads the feature module, which installs the hook)

    feature = sys.modules.get("PySide6.support.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(current):
        return False
    if current is not _file_says_pyside:
        feature._mod_uses_pyside = _file_says_pyside  # type: ignore[attr-defined]
        linecache.clearcache()  # what the hook read before (linecache reads a file again when a traceback needs it)
    return True
