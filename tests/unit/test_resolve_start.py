import pytest

from chronomap.cli import UsageError
from chronomap.desk.app import resolve_start
from chronomap.story.dates import day_number


def test_at_a_day_month_or_year(timeline):
    assert resolve_start(timeline, "1986-12-17", None) == ("day", day_number(1986, 12, 17))
    assert resolve_start(timeline, "1989-07", None) == ("day", day_number(1989, 7, 1))
    assert resolve_start(timeline, "1991", None) == ("day", day_number(1991, 8, 19))  # the year's first event
    assert resolve_start(timeline, "1988", None) == ("day", day_number(1988, 1, 1))  # a year with none
    assert resolve_start(timeline, "1986", None) == ("day", day_number(1986, 12, 16))


def test_event(timeline):
    assert resolve_start(timeline, None, "august-coup") == ("event", "august-coup")
    assert resolve_start(timeline, None, None) is None


@pytest.mark.parametrize("at", ["1975", "2001-05-01", "garbage"])
def test_bad_dates(timeline, at):
    with pytest.raises(UsageError):
        resolve_start(timeline, at, None)
