"""Refresh the translation sources from the code and compile them (a developer tool).

``python -m chronomap.i18n.build`` runs Qt's ``lupdate`` over the package, so
every ``tr()`` / ``QCoreApplication.translate()`` string appears in each
``chronomap_<lang>.ts`` (new ones marked unfinished for the translator), then
``lrelease`` compiles the ``.qm`` files the app loads. English is the source
language: its file holds only plural forms ("1 problem" / "2 problems").
The tests run the same steps on copies and fail on anything unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from chronomap.i18n import LANGUAGES, TRANSLATIONS_DIR, qm_path, ts_path

PACKAGE_DIR = TRANSLATIONS_DIR.parent


def _tool(name: str) -> str:
    """The PySide6 wrapper for a Linguist tool, beside this Python first."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise FileNotFoundError(f"pyside6-{name} not found (it comes with the pyside6 package)")
    return found


def source_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Every Python file of the package (the i18n tooling itself has no strings)."""
    return sorted(p for p in package_dir.rglob("*.py") if "_bundled" not in p.parts)


def update_ts(lang: str, ts: Path | None = None, package_dir: Path = PACKAGE_DIR) -> None:
    """Merge the code's current strings into a .ts file (obsolete ones dropped)."""
    ts = ts or ts_path(lang)
    args = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", lang]
    if lang == "en":
        args.append("-pluralonly")
    files = [str(p) for p in source_files(package_dir)]
    subprocess.run([*args, *files, "-ts", str(ts)], check=True, capture_output=True, text=True)


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


def main() -> int:
    for lang in LANGUAGES:
        update_ts(lang)
        compile_qm(ts_path(lang), qm_path(lang))
        print(f"{ts_path(lang).name} → {qm_path(lang).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
