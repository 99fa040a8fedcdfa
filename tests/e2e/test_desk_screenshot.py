"""The README's screenshot tool (``python -m chronomap.desk.screenshot``), offscreen, judged by the PNG's pixels."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.e2e

SIZE = (1200, 800)
# inside the map's part of the window at this size: under the toolbar, over the time bar, left of the side panel
MAP_BOX = (10, 90, 700, 640)


def shoot(out: Path, event: str) -> Image.Image:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "chronomap.desk.screenshot", "--out", str(out), "--event", event,
                             "--size", "{}x{}".format(*SIZE)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    return Image.open(out).convert("RGB")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> dict[str, Image.Image]:
    folder = tmp_path_factory.mktemp("screenshots")
    return {event: shoot(folder / f"{event}.png", event) for event in ("december-events", "strike-reaches-karaganda")}


def test_the_picture_has_the_asked_size_and_is_not_blank(shots):
    for event, picture in shots.items():
        assert picture.size == SIZE, event
        # a drawn map, text and widgets, not an empty or half-loaded window
        assert len(picture.getcolors(SIZE[0] * SIZE[1]) or ()) > 1000, event
        low, high = zip(*picture.crop(MAP_BOX).getextrema(), strict=True)
        assert max(high) - min(low) > 100, f"{event}: the map area is flat"


def test_the_map_shows_the_asked_event_not_the_start(shots):
    """Each shot waits for the page to apply its event: the maps of two events 30 months apart differ
    (about 49,000 pixels here; none when the tool grabs before the page has applied the event)."""
    december, july = (np.asarray(shots[event].crop(MAP_BOX), dtype=int) for event in ("december-events", "strike-reaches-karaganda"))
    changed = int((np.abs(december - july).max(axis=2) > 40).sum())
    assert changed > 5000, f"only {changed} map pixels differ between December 1986 and July 1989"


@pytest.mark.parametrize(("args", "line"), [
    (("--size", "big"), "--size: found 'big'; expected WIDTHxHEIGHT in pixels"),
    (("--event", "no-such-event"), "--event: found 'no-such-event'; expected an event id of"),
])
def test_a_wrong_argument_is_one_line_and_exit_2(tmp_path, args, line):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "chronomap.desk.screenshot", "--out", str(tmp_path / "x.png"), *args],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert line in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()
