"""Every hostile input of tests/data/bad/cases.json through ``chronomap check``, in-process.

Each must give its documented exit status, exactly one ``error:`` line naming the file and the
field, no traceback, and leave the exhibit folder untouched.  The cases are built by
tests/bad_cases.py; tests/e2e/test_bad_corpus_commands.py runs them through every command.
"""

from __future__ import annotations

import pytest

from bad_cases import CASES, build_case, expected_exit, snapshot
from chronomap.cli import main


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_one_clear_line(name, tmp_path, capsys):
    case = CASES[name]
    folder = build_case(tmp_path, case)
    before = snapshot(folder)
    status = main(["check", str(folder)])
    out, err = capsys.readouterr()
    assert status == expected_exit(case), err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    [line] = errors
    assert "Traceback" not in out + err
    assert f"{folder / case['file']}:" in line, line
    if case["field"]:
        assert f": {case['field']}" in line, line
    assert case["says"] in line, line
    assert len(line) < 600, f"{len(line)} characters: the found value must be quoted short"
    assert snapshot(folder) == before, "check wrote into the exhibit folder"
