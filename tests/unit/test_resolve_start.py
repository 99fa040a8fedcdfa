import pytest

from chronomap.cli import UsageError
from chronomap.story.dates import day_number
from chronomap.ui.app import resolve_start


def test_at_a_day_month_or_year(timeline):
    assert resolve_start(timeline, "1986-12-17", None) == ("day", day_number(1986, 12, 17))
    assert resolve_start(timeline, "1989-07", None) == ("day", day_number(1989, 7, 1))
    assert resolve_start(timeline, "1991", None) == ("day", day_number(1991, 1, 1))
    assert resolve_start(timeline, "1986", None) == ("day", timeline.start)  # clipped to the story


def test_event(timeline):
    assert resolve_start(timeline, None, "august-coup") == ("event", "august-coup")
    assert resolve_start(timeline, None, None) is None


@pytest.mark.parametrize("at", ["1975", "2001-05-01", "garbage"])
def test_bad_dates(timeline, at):
    with pytest.raises(UsageError):
        resolve_start(timeline, at, None)
