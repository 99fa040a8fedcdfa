"""The suite's X servers (helpers.xvfb): a number is never handed out twice in a run, not even after its server ended."""

from __future__ import annotations

import shutil

import pytest

from helpers.xvfb import claim_display, display_answers, start_xvfb

pytestmark = pytest.mark.e2e


def test_claims_in_one_folder_never_repeat(tmp_path):
    numbers = [claim_display(tmp_path) for _ in range(40)]
    assert len(set(numbers)) == 40


def test_a_server_that_ended_does_not_give_its_number_to_the_next(tmp_path):
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb")
    first, number = start_xvfb(tmp_path, "-screen", "0", "64x64x24", "-nolisten", "tcp")
    try:
        assert display_answers(number)
    finally:
        first.terminate()
        first.wait(timeout=20)
    second, again = start_xvfb(tmp_path, "-screen", "0", "64x64x24", "-nolisten", "tcp")
    try:
        assert again != number and display_answers(again)
    finally:
        second.terminate()
        second.wait(timeout=20)
