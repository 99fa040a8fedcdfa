"""Place details: distances only where one number means something (issue 14.18)."""

from __future__ import annotations

import pytest

from chronomap.story.dates import day_number
from chronomap.story.place_facts import place_facts

DAY = day_number(1989, 7, 15)


def test_a_city_is_measured_from_the_reference_city(timeline):
    facts = place_facts(timeline, "karaganda", DAY, "en")
    assert facts.distance_km == pytest.approx(784, abs=5)
    assert facts.distance_from == "Alma-Ata (Almaty)"


@pytest.mark.parametrize("area", ["ussr", "kazakh-ssr", "donbas", "kuzbass"])
def test_a_state_republic_or_region_has_no_distance(timeline, area):
    """Its point is only where the label sits: 'Soviet Union, 2 318 km from Almaty' (which lay inside it)."""
    facts = place_facts(timeline, area, DAY, "en")
    assert facts.distance_km is None and facts.distance_from == ""


def test_the_reference_itself_has_no_distance(timeline):
    assert place_facts(timeline, "almaty", DAY, "ru").distance_km is None
