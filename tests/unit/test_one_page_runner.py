"""Production code speaks to the map page only through the bridge: one runner, scripts made by the bridge alone."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "chronomap"

#: Nothing outside the bridge makes a Script, and nothing evaluates a hand-written string.
EVALUATE_CALLERS: set[str] = set()
SCRIPTS_MADE_ELSEWHERE: set[str] = set()


def _sources() -> dict[str, str]:
    return {path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}


def test_only_the_page_runs_javascript():
    runners = {name for name, text in _sources().items() if "runJavaScript" in text}
    assert runners == {"qt/map_page.py"}


def test_only_the_bridge_makes_scripts():
    made = {name: len(re.findall(r"\bScript\(", text)) for name, text in _sources().items()}
    elsewhere = {name for name, count in made.items() if count and name != "map/bridge.py"}
    assert elsewhere <= SCRIPTS_MADE_ELSEWHERE, elsewhere


def test_no_call_evaluates_a_hand_written_string():
    callers = {name for name, text in _sources().items() if re.search(r"\.evaluate\(", text)}
    assert callers <= EVALUATE_CALLERS, callers
