"""The month names kept as data (chronomap.story.month_names) are Babel's, and a start needs no Babel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chronomap.story import month_names
from chronomap.story.date_labels import LANGUAGES, range_label
from chronomap.story.dates import day_number


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_table_is_what_babel_gives(lang):
    assert month_names.MONTHS[lang] == month_names.from_cldr(lang), (
        f"CLDR's month names for {lang} changed: run python -m chronomap.story.month_names")


def test_every_language_of_the_labels_has_its_months():
    assert set(month_names.MONTHS) == set(LANGUAGES)
    assert all(len(within) == len(alone) == 12 for within, alone in month_names.MONTHS.values())


def test_the_labels_use_them():
    assert range_label(day_number(1986, 12, 17), day_number(1986, 12, 17), "ru") == "17 декабря 1986 г."
    first, last = day_number(1991, 12, 1), day_number(1991, 12, 31)
    assert range_label(first, last, "kk") == "1991 ж. желтоқсан"
    assert range_label(first, last, "en") == "December 1991"


def test_regenerating_writes_the_same_file(tmp_path):
    copy = tmp_path / "month_names.py"
    shutil.copyfile(month_names.__file__, copy)
    assert month_names.main(copy) == 0
    assert copy.read_text(encoding="utf-8") == Path(month_names.__file__).read_text(encoding="utf-8")


def test_loading_the_exhibit_and_naming_its_dates_imports_no_babel():
    code = textwrap.dedent("""
        import sys
        from chronomap.resources import default_exhibit_path
        from chronomap.story.loader import load_exhibit
        from chronomap.story.date_labels import span_label
        exhibit = load_exhibit(default_exhibit_path())
        for lang in ("en", "ru", "kk"):
            [span_label(event.span, lang) for event in exhibit.events]
        print("babel" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
