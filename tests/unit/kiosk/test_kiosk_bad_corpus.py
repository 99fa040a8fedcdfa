"""Every hostile input of tests/data/bad/cases.json through the kiosk's start, in-process.

The kiosk must refuse each before Qt, its logs or its instance lock: one ``error:`` line naming the
file (and field), exit 2 — so systemd does not restart into the same refusal — and nothing written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bad_cases import CASES, build_case, expected_exit, snapshot
from chronomap.kiosk.app import run_kiosk


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_kiosk_refuses_a_bad_exhibit_before_starting(name, tmp_path, capsys):
    case = CASES[name]
    folder = build_case(tmp_path, case)
    before = snapshot(folder)
    home = Path(os.environ["HOME"])
    home_before = sorted(home.rglob("*"))
    assert run_kiosk(folder, None, None) == expected_exit(case) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert f"{folder / case['file']}:" in lines[0] and case["says"] in lines[0], lines[0]
    if case["field"]:
        assert f": {case['field']}" in lines[0], lines[0]
    assert "Traceback" not in out + err
    assert snapshot(folder) == before
    assert sorted(home.rglob("*")) == home_before, "the kiosk wrote its logs or lock before refusing"
