"""An outline shapely judged valid once is not judged again (nor shapely imported) at the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronomap.story import shape_memo
from chronomap.story.geometry import GeometryProblem, check_geometry

ROOT = Path(__file__).resolve().parents[2]
SQUARE = {"type": "Polygon", "coordinates": [[[50, 40], [80, 40], [80, 55], [50, 55], [50, 40]]]}
BOWTIE = {"type": "Polygon", "coordinates": [[[50, 40], [80, 55], [80, 40], [50, 55], [50, 40]]]}

# a fresh process: checks the outline, says whether it needed shapely
CHECK = r"""
import json, sys
from chronomap.story.geometry import GeometryProblem, check_geometry
try:
    check_geometry(json.loads(sys.argv[1]))
    print("VALID", "shapely" in sys.modules, "numpy" in sys.modules)
except GeometryProblem as exc:
    print("INVALID", exc)
"""


def _check_in_new_process(geometry: dict) -> str:
    import json

    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    out = subprocess.run([sys.executable, "-c", CHECK, json.dumps(geometry)], capture_output=True, text=True,
                         timeout=60, env=env, check=True)
    return out.stdout.strip()


def test_an_outline_judged_valid_needs_no_shapely_the_next_time():
    assert _check_in_new_process(SQUARE) == "VALID True True"  # judged: shapely imported
    assert _check_in_new_process(SQUARE) == "VALID False False"  # remembered


def test_a_changed_outline_is_judged_again():
    _check_in_new_process(SQUARE)
    moved = {"type": "Polygon", "coordinates": [[[50, 40], [81, 40], [80, 55], [50, 55], [50, 40]]]}
    assert _check_in_new_process(moved) == "VALID True True"


def test_an_invalid_outline_is_refused_every_time():
    for _ in range(2):
        assert _check_in_new_process(BOWTIE).startswith("INVALID coordinates: found an outline that is not a simple")
    with pytest.raises(GeometryProblem):
        check_geometry(BOWTIE)


def test_an_unwritable_cache_only_means_judging_again(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(shape_memo, "_known", set())
    check_geometry(SQUARE)  # no error: judged, not remembered on disk
    assert not (blocked / "chronomap").exists()
    with pytest.raises(GeometryProblem):
        check_geometry(BOWTIE)
