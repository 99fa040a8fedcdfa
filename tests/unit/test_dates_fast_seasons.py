"""Seasons are read without the edtf parser, to exactly what edtf makes of them; edtf is imported only when needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronomap.story import dates

ROOT = Path(__file__).resolve().parents[2]
YEARS = ("0000", "0001", "0999", "1582", "1900", "1990", "1991", "2000", "2024", "9999")


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("code", ("21", "22", "23", "24"))
def test_a_season_is_what_edtf_makes_of_it(year, code):
    text = f"{year}-{code}"
    fast = dates._fast(text)
    assert fast is not None  # read directly
    assert fast == dates._slow(text)


@pytest.mark.parametrize("text", ("1990-25", "1990-20", "1990-23~", "1990-23?", "1990-21/1990-23"))
def test_what_is_not_a_plain_season_is_left_to_edtf(text):
    assert dates._fast(text) is None


def test_plain_dates_and_seasons_need_no_edtf():
    code = ("import sys; from chronomap.story.dates import parse_date\n"
            "for t in ('1986-12-17', '1986-12', '1986', '1990-23', '1989-07/1989-08'): parse_date(t)\n"
            "print('EDTF', 'edtf' in sys.modules)\n"
            "parse_date('1990-07~'); print('EDTF', 'edtf' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))).stdout.split("\n")
    assert out[:2] == ["EDTF False", "EDTF True"]
