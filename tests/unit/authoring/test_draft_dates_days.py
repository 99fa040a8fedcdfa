"""Day-level dates as narratives write them: a day alone, feast days, ordinal words, scanning slips, ranges.

Each form is one seen in a real text of the corpus (tests/data/corpus); the sentences here are made up so
that each test shows one rule, with the near-misses that must stay what they are.
"""

from chronomap.authoring.dates_days import easter
from chronomap.authoring.dates_in_text import DateReader, find_dates


def _read(*sentences: str) -> list[list[str]]:
    reader = DateReader()
    return [[m.edtf for m in reader.read(s)] for s in sentences]


def test_a_day_alone_takes_month_and_year_from_the_date_before_and_moves_on_past_its_end():
    assert _read("He sighted land on November 4, 1497.", "On the 8th he anchored in the bay.",
                 "Quitting it on the 16th, he doubled the Cape on the 22nd, and three days later reached the bay.",
                 "On the 2nd he sailed again.") == [
        ["1497-11-04"], ["1497-11-08"], ["1497-11-16", "1497-11-22", "1497-11-25"], ["1497-12-02"]]


def test_a_day_alone_in_old_styles_and_what_is_a_rank_not_a_day():
    assert _read("We sailed on the 17th of January, 1741.", "On Thursday, the 22d, we lost sight of the Pearl.",
                 "They met again on the 3rd of the following month.", "It came on the 21st of the same month.") == [
        ["1741-01-17"], ["1741-01-22"], ["1741-02-03"], ["1741-02-21"]]
    assert _read("It began on May 1, 1916.", "On the 4th regiment fell the heaviest losses.",
                 "By the 19th century it was gone.", "On the 8th day they rested.",
                 "They came to the 2nd island, after the 3rd largest fleet, and by the 5th most were sick.",
                 "On the 26th and 27th they lay becalmed.", "On the morning of the 30th they sailed.") == [
        ["1916-05-01"], [], ["18XX"], [], ["1916-05-05"], ["1916-05-26/1916-05-27"], ["1916-05-30"]]


def test_a_day_alone_after_a_year_only_is_not_guessed():
    reader = DateReader()
    reader.read("In 1642 he sailed.")
    assert reader.read("On the 24th he saw land.") == []
    assert "no month" in reader.skipped[-1][1]


def test_feast_days_with_and_without_their_year():
    assert _read("He left on November 4, 1497.", "He on Christmas Day reached the roadstead.",
                 "On New Year's Day they sailed on.") == [["1497-11-04"], ["1497-12-25"], ["1498-01-01"]]
    assert [m.edtf for m in find_dates("The rising began on Easter Monday, 1916, and by Christmas 1916 it was over.")] \
        == ["1916-04-24", "1916-12-25"]
    assert _read("In March 1497 they came.", "By Easter the ships were ready.") == [["1497-03"], ["1497-03-26"]]
    assert _read("It was signed in April 1998.", "The Good Friday Agreement of 1998 held.", "On Good Friday Adams spoke.") \
        == [["1998-04"], ["1998"], ["1998-04-10"]]
    assert find_dates("They reached Christmas Island in 1777 and Easter Island in 1722.")[0].edtf == "1777"
    assert len(find_dates("They reached Christmas Island in 1777 and Easter Island in 1722.")) == 2


def test_easter_by_the_calendar_of_its_year():
    assert easter(1916) == (4, 23) and easter(2024) == (3, 31) and easter(1583) == (4, 10)
    assert easter(1497) == (3, 26) and easter(1066) == (4, 16)  # Julian computus before the Gregorian reform


def test_a_day_written_as_an_ordinal_word():
    assert [m.edtf for m in find_dates("Making a fresh start upon the seventh of April, 1805, they went on.")] == [
        "1805-04-07"]
    assert _read("They wintered there in December 1804.", "On the twenty-first of March they moved.") == [
        ["1804-12"], ["1805-03-21"]]


def test_a_scanned_one_read_as_i_after_a_month():
    mentions = _read("Bonaparte left Toulon on May 19, 1798.", "The armada reached the coast of Egypt on July I.",
                     "The Republicans stormed Alexandria on the 2nd.")
    assert mentions == [["1798-05-19"], ["1798-07-01"], ["1798-07-02"]]
    assert [m.edtf for m in find_dates("On 3 May 1798 he left, and in July I went home.")] == ["1798-05-03", "1798-07"]


def test_days_across_two_months_without_a_year():
    assert _read("The first attempts were made in September 1798.", "He was held (March 17–May 20) before Acre.") == [
        ["1798-09"], ["1799-03-17/1799-05-20"]]


def test_ranges_of_mixed_precision_and_a_stay_with_its_end_named():
    assert [m.edtf for m in find_dates("Abel Tasman (1603 – 10 October 1659) was a Dutch seafarer.")] == [
        "1603/1659-10-10"]
    assert [m.edtf for m in find_dates("Sacagawea (c. 1788 – December 20, 1812) was a Shoshone woman.")] == [
        "1788~/1812-12-20"]
    assert [m.edtf for m in find_dates("It was their camp from December 8, 1805 until their departure on March 23, "
                                       "1806.")] == ["1805-12-08/1806-03-23"]
    assert [m.edtf for m in find_dates("It was built in 1955; it burned in 2005.")] == ["1955", "2005"]


def test_two_seasons_of_one_year():
    assert [m.edtf for m in find_dates("The journey during the summer and autumn of 1804 was long.")] == [
        "1804-06/1804-11"]


def test_a_year_after_a_day_completes_it_when_none_came_before():
    reader = DateReader()
    first = reader.read("They tried to sail on 10 May, but the sailors refused.",
                        ahead=" The fleet finally left Portsmouth on 13 May 1787.")
    assert [m.edtf for m in first] == ["1787-05-10"] and "after it" in (first[0].note or "")


def test_how_long_is_not_when():
    assert _read("In March 1348 he arrived in Damascus.", "Death became his theme for the next year or so.",
                 "He stayed in Fez for the following winter.") == [["1348-03"], [], ["1348-12/1349-02"]]


def test_a_year_of_three_digits_where_a_year_must_stand():
    assert [m.edtf for m in find_dates("In 781 during the Tang Dynasty the city was rebuilt.")] == ["0781"]
    assert find_dates("In 300 ships they came.") == []


def test_this_day_in_a_journal_and_to_this_day():
    assert _read("On the 19th of February, 1741, we anchored.", "This day our captain took command.",
                 "The fort stands to this day.") == [["1741-02-19"], ["1741-02-19"], []]


def test_a_journals_day_following_instant_and_ultimo():
    assert _read("On Monday, the 22d of January, 1741, the commodore ordered beef.", "The day following we moored.",
                 "On the 3d instant the Pearl joined.", "Letters of the 20th ult. came.", "On the 25th ult. he wrote.",
                 "The year following the war was quiet.") == [
        ["1741-01-22"], ["1741-01-23"], ["1741-01-03"], [], ["1740-12-25"], []]


def test_a_relative_phrase_said_again_as_a_date_keeps_the_date():
    assert _read("On March 9, 1804, Lewis attended a ceremony.", "Two months later, on May 14, the expedition set out.",
                 "Three days later they camped.") == [["1804-03-09"], ["1804-05-14"], ["1804-05-17"]]
