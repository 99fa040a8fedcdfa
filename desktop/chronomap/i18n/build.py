"""Refresh the translation sources from the code and compile them (a developer tool).

``python -m chronomap.i18n.build`` runs Qt's ``lupdate`` over the package, so
every ``tr()`` / ``QCoreApplication.translate()`` string appears in each
``chronomap_<lang>.ts`` (new ones marked unfinished for the translator), then
``lrelease`` compiles the ``.qm`` files the app loads. English is the source
language: its file holds only plural forms ("1 problem" / "2 problems").
The tests run the same steps on copies and fail on anything unfinished.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET  # noqa: N817
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
    return sorted(package_dir.rglob("*.py"))


def _finished_translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(source, disambiguation comment) → its finished <translation>, from any context."""
    found: dict[tuple[str, str], ET.Element] = {}
    if not ts.exists():
        return found
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            found[(message.findtext("source", ""), message.findtext("comment", ""))] = translation
    return found


def carry_moved_strings(ts: Path, before: dict[tuple[str, str], ET.Element]) -> int:
    """A string that moved to another class (another context) keeps its translation: lupdate
    would mark it new. Only the very same source and comment are carried; returns how many."""
    tree = ET.parse(ts)
    carried = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        key = (message.findtext("source", ""), message.findtext("comment", ""))
        if translation is not None and translation.get("type") == "unfinished" and key in before:
            message.remove(translation)
            message.append(copy.deepcopy(before[key]))
            carried += 1
    if carried:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return carried


def update_ts(lang: str, ts: Path | None = None, package_dir: Path = PACKAGE_DIR) -> None:
    """Merge the code's current strings into a .ts file (obsolete ones dropped, moved ones kept)."""
    ts = ts or ts_path(lang)
    before = _finished_translations(ts)
    args = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", lang]
    if lang == "en":
        args.append("-pluralonly")
    files = [str(p) for p in source_files(package_dir)]
    subprocess.run([*args, *files, "-ts", str(ts)], check=True, capture_output=True, text=True)
    if carry_moved_strings(ts, before):  # then once more, so the file keeps lupdate's own layout
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
