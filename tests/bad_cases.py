"""The hostile inputs of tests/data/bad/cases.json, built as exhibit folders for the tests that run them.

Shared by the in-process ``check`` test (tests/unit/story/test_bad_corpus.py) and the command-line
test that runs each case through ``check``, ``events``, ``export`` and the app's start
(tests/e2e/test_bad_corpus_commands.py).  Big inputs are generated here, not committed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
MANIFEST: dict[str, Any] = json.loads((DATA / "bad" / "cases.json").read_text(encoding="utf-8"))
CASES: dict[str, dict[str, Any]] = MANIFEST["cases"]
STEPPE = DATA / "exhibits" / "test-steppe"


def expected_exit(case: dict[str, Any]) -> int:
    return int(case.get("exit", MANIFEST["exit"]))


def _set(document: Any, dotted: str, value: Any) -> None:
    keys = [int(k) if k.isdigit() else k for k in dotted.split(".")]
    for key in keys[:-1]:
        document = document[key]
    document[keys[-1]] = value


def _rewrite(folder: Path, name: str, how: str) -> None:
    text = json.dumps(json.loads((folder / name).read_text(encoding="utf-8")), ensure_ascii=False)
    if how == "DUPLICATE":  # the second value would silently win
        text = text.replace('"date": "1930"', '"date": "1930", "date": "1931-12-31"', 1)
    elif how == "NAN":
        text = re.sub(r'"lat": [0-9.]+', '"lat": NaN', text, count=1)
    elif how == "GIANT":
        text = re.sub(r'"lat": [0-9.]+', '"lat": ' + "9" * 5000, text, count=1)
    (folder / name).write_text(text, encoding="utf-8")


def replace_file(folder: Path, how: str, target: Path) -> bool:
    """Put something that is not the file in its place: a link out of the folder, a folder, a FIFO or a
    link to /dev/zero; False for any other *how*. Shared by the exhibit and the media corpora."""
    if how == "link-out":
        outside = folder.parent / f"outside{target.suffix}"
        shutil.copy(target, outside)
        target.unlink()
        target.symlink_to(outside)
    elif how == "folder":
        target.unlink()
        target.mkdir()
    elif how == "fifo":
        target.unlink()
        os.mkfifo(target)
    elif how == "dev-zero":
        target.unlink()
        target.symlink_to("/dev/zero")
    else:
        return False
    return True


def _make(folder: Path, how: str, target: Path) -> None:
    if how == "deep":
        target.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif how == "utf16":
        source = target if target.exists() else DATA.parent.parent / "data" / "gazetteer.json"
        target.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    elif how == "nul":
        target.write_bytes(target.read_bytes().replace(b"railway", b"rail\x00way", 1))
    elif replace_file(folder, how, target):
        pass
    elif how in ("big-date", "long-date"):
        story = json.loads(target.read_text(encoding="utf-8"))
        story["events"][1]["date"] = "1931-03-0" + "1" * (50_000_000 if how == "big-date" else 1_000_000)
        target.write_text(json.dumps(story), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, object]:
    """Every file beside and under *folder* with its modification time and size: what "nothing written" compares."""
    out: dict[str, object] = {}
    for path in sorted(folder.parent.rglob("*")):
        if path.is_symlink() or not path.is_file():
            out[str(path)] = "special"
        else:
            out[str(path)] = (path.stat().st_mtime_ns, path.stat().st_size)
    return out


def build_case(tmp_path: Path, case: dict[str, Any]) -> Path:
    """A copy of the test-steppe exhibit in ``tmp_path/exhibit``, broken as *case* says."""
    folder = tmp_path / "exhibit"
    shutil.copytree(STEPPE, folder)
    if "set" in case:
        name, dotted, value = case["set"]
        document = json.loads((folder / name).read_text(encoding="utf-8"))
        _set(document, dotted, value)
        (folder / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    if "write" in case:
        _rewrite(folder, *case["write"])
    if "make" in case:
        _make(folder, case["make"], folder / case["target"])
    return folder


# --- hostile imports: real corpus files broken the way real files break (tests/data/bad/imports.json) ----------

CORPUS = DATA / "corpus"
IMPORTS: dict[str, dict[str, Any]] = json.loads((DATA / "bad" / "imports.json").read_text(encoding="utf-8"))["cases"]


def _made(text: str, how: str) -> str | bytes:
    """The base file's *text* broken as *how* says (bytes where the breakage is in the encoding)."""
    simple = {"truncate": lambda: text[: len(text) // 2], "utf16": lambda: text.encode("utf-16"),
              "bom": lambda: "\ufeff" + text, "crlf": lambda: text.replace("\n", "\r\n"),
              "bom-crlf": lambda: "\ufeff" + text.replace("\n", "\r\n"), "empty": lambda: "",
              "deep": lambda: '{"events": ' + "[" * 100_000 + "]" * 100_000 + "}",
              "giant-year": lambda: text.replace('"year": "602"', '"year": ' + "9" * 5000, 1),
              "huge-file": lambda: text + " " * 21_000_000}
    if how in simple:
        return simple[how]()
    if how == "csv-huge-cell":
        return text.replace("Ada Lovelace,", "Ada " + "x" * 2_000_000 + ",", 1)
    document = json.loads(text)
    if how == "only-cosmic":
        document["events"] = document["events"][:4]
    elif how == "long-headline":
        document["events"][0]["text"]["headline"] = "Iowa " + "x" * 2_000_000
    elif how == "long-title":
        document["features"][0]["properties"]["title"] = "Y" * 1_000_001
    elif how == "no-geometry":
        for feature in document["features"]:
            feature["geometry"] = None
    elif how == "jsonl-broken":
        return "\n".join(json.dumps(f, ensure_ascii=False) for f in document["features"][:5]) + '\n{"type": "Feature", oops\n'
    elif how == "same-unique-id":
        for slide in document["events"]:
            slide["unique_id"] = "same"
    elif how == "same-feature-id":
        for feature in document["features"]:
            feature["@id"] = "https://w3id.org/locolligo/early-monasteries/1"
    else:
        raise ValueError(f"unknown import case {how!r}")
    return json.dumps(document, ensure_ascii=False)


def build_import_case(tmp_path: Path, case: dict[str, Any]) -> Path:
    """The case's file, in its own folder ``tmp_path/src``, named like its base (JSON Lines as .jsonl)."""
    base = CORPUS / case["base"]
    folder = tmp_path / "src"
    folder.mkdir()
    text = base.read_text(encoding="utf-8")
    if "set" in case:
        document = json.loads(text)
        _set(document, *case["set"])
        made: str | bytes = json.dumps(document, ensure_ascii=False)
    elif "replace" in case:
        old, new = case["replace"]
        assert old in text, (case, old)
        made = text.replace(old, new, 1)
    else:
        made = _made(text, case["make"])
    name = base.name if case.get("make") != "jsonl-broken" else base.name.split(".")[0] + ".lpf.jsonl"
    target = folder / name
    if isinstance(made, bytes):
        target.write_bytes(made)
    else:
        target.write_bytes(made.encode("utf-8"))
    return target
