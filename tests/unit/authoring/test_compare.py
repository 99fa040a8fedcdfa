"""The draft-versus-curated measure itself."""

from chronomap.authoring.compare import EventView, PlaceView, measure, same_place

ALMATY = PlaceView(frozenset({"almaty", "alma-ata"}), 43.256, 76.928)
ALMATY_GEONAMES = PlaceView(frozenset({"almaty"}), 43.252, 76.911)
NEAR_ALMATY = PlaceView(frozenset({"talgar"}), 43.30, 77.24)  # about 26 km away
KARAGANDA = PlaceView(frozenset({"karaganda"}), 49.80, 73.10)
KAZAKHSTAN = PlaceView(frozenset({"kazakhstan", "kazakh ssr"}), 48.2, 67.0, area=True)
KAZAKHSTAN_ELSEWHERE = PlaceView(frozenset({"kazakhstan"}), 48.0, 67.3, area=True)


def test_places_match_by_name_or_by_distance_for_cities_only():
    assert same_place(ALMATY, ALMATY_GEONAMES) and same_place(ALMATY, NEAR_ALMATY)
    assert not same_place(ALMATY, KARAGANDA)
    assert same_place(KAZAKHSTAN, KAZAKHSTAN_ELSEWHERE)
    assert not same_place(KAZAKHSTAN, PlaceView(frozenset({"x"}), 48.2, 67.0))  # areas need a shared name


def test_recall_precision_and_the_one_to_one_figure():
    curated = [EventView("a", 10, 10, (ALMATY,)), EventView("b", 12, 15, (KARAGANDA,)), EventView("c", 40, 41, (KAZAKHSTAN,))]
    drafted = [EventView("x", 0, 20, (ALMATY_GEONAMES,)), EventView("y", 100, 100, (KARAGANDA,))]
    result = measure(drafted, curated)
    assert result.found_by_date == ["a", "b"] and result.found_with_places == ["a"]
    assert (result.correct_by_date, result.correct_with_places) == (1, 1)
    assert (result.strict_by_date, result.strict_with_places) == (1, 1)  # one broad event cannot count twice
    assert result.missed_with_places == ["b", "c"] and "recall: 2/3 by date" in result.summary()
