"""The map's highlight colours stay apart for the common colour-vision deficiencies.

The palette is read from the page script itself (assets/map/js/styles.js) and
pushed through the Machado et al. (2009) simulation (colorspacious) at full
severity; distances are CAM02-UCS ΔE. Colour is never the only signal: the
statuses also differ in size, outline and dash, checked below as well.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from chronomap.resources import asset_path

SCRIPT = asset_path("map", "js", "styles.js").read_text(encoding="utf-8")
NAMED = dict(re.findall(r'var ([A-Z_]+) = "(#[0-9a-fA-F]{6})";', SCRIPT))
DEFICIENCIES = ("protanomaly", "deuteranomaly", "tritanomaly")
STATUSES = ("current", "past", "upcoming")


def styles(block_name: str) -> dict[str, dict[str, str]]:
    """{status: {property: value}} of a style table in the script, colour names resolved."""
    match = re.search(r"var " + block_name + r" = \{(.*?)\n  \};", SCRIPT, re.S)
    assert match, f"{block_name} not found in styles.js"
    out = {}
    for key, body in re.findall(r'"?([a-z-]+)"?:\s*\{([^}]*)\}', match.group(1)):
        props = dict(re.findall(r'(\w+):\s*("[^"]*"|[\w.]+)', body))
        out[key] = {k: NAMED.get(v, v.strip('"')) for k, v in props.items()}
    return out


def seen_as(hex_colour: str, deficiency: str | None) -> np.ndarray:
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    if deficiency is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def distance(a: str, b: str, deficiency: str | None) -> float:
    return float(deltaE(seen_as(a, deficiency), seen_as(b, deficiency), input_space="sRGB1"))


@pytest.mark.parametrize("table", ["CITY_STYLE", "CITY_STYLE_HC", "REGION_STYLE", "REGION_STYLE_HC"])
@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_status_colours_stay_apart(table, deficiency):
    fills = {status: styles(table)[status]["fillColor"] for status in STATUSES}
    for a, b in itertools.combinations(STATUSES, 2):
        assert distance(fills[a], fills[b], deficiency) >= 15, (table, deficiency, a, b)


@pytest.mark.parametrize("table", ["CITY_STYLE", "CITY_STYLE_HC"])
@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_what_happens_now_stands_out_on_every_ground(table, deficiency):
    """The current dot against each country fill it can sit on (the Kazakh SSR's green above all)."""
    current = styles(table)["current"]["fillColor"]
    for ground, style in styles("COUNTRY_STYLE").items():
        assert distance(current, style["fillColor"], deficiency) >= 20, (table, deficiency, ground)


def test_the_simulation_itself_can_tell_red_from_green_apart_only_with_normal_vision():
    """A check on the check: pure red and a green of the same lightness merge for a deuteranope."""
    assert distance("#d62728", "#2ca02c", None) > 40
    assert distance("#d62728", "#7f7f00", "deuteranomaly") < distance("#d62728", "#7f7f00", None)


@pytest.mark.parametrize("table", ["CITY_STYLE", "CITY_STYLE_HC"])
def test_statuses_differ_in_size_and_outline_not_only_colour(table):
    style = styles(table)
    radii = [float(style[s]["radius"]) for s in STATUSES]
    assert radii[0] > max(radii[1:]) * 1.4  # the current dot is much larger
    weights = [float(style[s]["weight"]) for s in STATUSES]
    assert weights[0] > max(weights[1:])  # and more strongly outlined


@pytest.mark.parametrize("table", ["REGION_STYLE", "REGION_STYLE_HC"])
def test_regions_differ_in_line_weight_and_dash(table):
    style = styles(table)
    assert float(style["current"]["weight"]) > float(style["past"]["weight"])
    assert style["upcoming"]["dashArray"] not in ("null", "") and style["current"]["dashArray"] == "null"


def test_labels_of_what_happens_now_are_larger_and_bold():
    css = asset_path("map", "chronomap.css").read_text(encoding="utf-8")
    sizes = {s: float(re.search(r"\.cm-label\.cm-" + s + r" \{[^}]*font-size: calc\(([\d.]+)px", css).group(1)) for s in STATUSES}
    assert sizes["current"] > max(sizes["past"], sizes["upcoming"]) * 1.15
    assert re.search(r"\.cm-label\.cm-current \{[^}]*font-weight: bold", css)
