"""Fixtures wider than one test (module or session scope) still never write into the user's real home."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from chronomap.user_dirs import cache_dir, state_dir


@pytest.fixture(scope="module")
def module_dirs() -> list[Path]:
    return [cache_dir(), state_dir()]


def test_a_module_fixture_sees_no_folder_of_the_real_home(module_dirs):
    real_home = Path(pwd.getpwuid(os.getuid()).pw_dir).resolve()
    for folder in module_dirs:
        assert not folder.resolve().is_relative_to(real_home), folder
