import pytest

from chronomap.story.dates import DateError, day_number, from_day_number, iso_day, parse_date


@pytest.mark.parametrize("edtf_text, label, start, end", [
    ("1986-12-17/1986-12-18", "17–18 December 1986", "1986-12-17", "1986-12-18"),
    ("1990-23", "autumn 1990", "1990-09-01", "1990-11-30"),
    ("1989", "1989", "1989-01-01", "1989-12-31"),
    ("1986-12", "December 1986", "1986-12-01", "1986-12-31"),
    ("1989-06-22", "22 June 1989", "1989-06-22", "1989-06-22"),
    ("1989-07/1989-08", "July–August 1989", "1989-07-01", "1989-08-31"),
    ("1990-11-20/1991-01-05", "20 November 1990 – 5 January 1991", "1990-11-20", "1991-01-05"),
    ("1990-11-20/1990-12-05", "20 November – 5 December 1990", "1990-11-20", "1990-12-05"),
    ("1991-08-~19", "c. 19 August 1991", "1991-08-19", "1991-08-19"),
    ("1989-06-22?", "22 June 1989 (uncertain)", "1989-06-22", "1989-06-22"),
])
def test_parse_and_label(edtf_text, label, start, end):
    span = parse_date(edtf_text)
    assert span.label() == label
    assert (span.start_iso, span.end_iso) == (start, end)


def test_dates_before_1970_and_bce_are_plain_day_numbers():
    assert parse_date("1066-10-14").start < parse_date("1970-01-01").start
    bce = parse_date("-0499")  # astronomical year -499 = 500 BCE
    assert bce.label() == "500 BCE"
    assert bce.start_iso == "-0499-01-01"
    assert bce.start < parse_date("0001").start


@pytest.mark.parametrize("ymd", [(1986, 12, 17), (2000, 2, 29), (-499, 3, 1), (1, 1, 1), (1582, 10, 15)])
def test_day_number_round_trips(ymd):
    assert from_day_number(day_number(*ymd)) == ymd


def test_day_numbers_are_consecutive_across_month_and_year_ends():
    assert day_number(1991, 12, 31) + 1 == day_number(1992, 1, 1)
    assert day_number(2000, 2, 28) + 2 == day_number(2000, 3, 1)
    assert iso_day(day_number(1991, 12, 16) + 9) == "1991-12-25"


@pytest.mark.parametrize("bad", ["", "17 December 1986", "1986-13-01", "1986-12-32", "1991/1990"])
def test_invalid_dates_are_refused(bad):
    with pytest.raises(DateError):
        parse_date(bad)


@pytest.mark.parametrize("edtf_text, ru, kk", [
    ("1986-12-17/1986-12-18", "17–18 декабря 1986 г.", "1986 ж. 17–18 желтоқсан"),
    ("1990-23", "Осень 1990 г.", "1990 ж. күзі"),
    ("1989", "1989 г.", "1989 ж."),
    ("1986-12", "Декабрь 1986 г.", "1986 ж. желтоқсан"),
    ("1989-06-22", "22 июня 1989 г.", "1989 ж. 22 маусым"),
    ("1989-07/1989-08", "Июль – август 1989 г.", "1989 ж. шілде – тамыз"),
    ("1990-11-20/1990-12-05", "20 ноября – 5 декабря 1990 г.", "1990 ж. 20 қараша – 5 желтоқсан"),
    ("1991-08-~19", "ок. 19 августа 1991 г.", "шамамен 1991 ж. 19 тамыз"),
    ("1989-06-22?", "22 июня 1989 г. (неточно)", "1989 ж. 22 маусым (анық емес)"),
    ("1986/1991", "1986–1991 гг.", "1986–1991 жж."),
    ("-0499", "500 до н. э.", "б. з. д. 500"),
])
def test_labels_in_russian_and_kazakh(edtf_text, ru, kk):
    span = parse_date(edtf_text)
    assert (span.label("ru"), span.label("kk")) == (ru, kk)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="expected one of en, ru, kk"):
        parse_date("1989").label("fr")


@pytest.mark.parametrize("edtf_text, en, ru, kk", [
    ("1415/1453-07-17", "1415 – 17 July 1453", "1415 г. – 17 июля 1453 г.", "1415 ж. – 1453 ж. 17 шілде"),
    ("1986-06/1986-12-17", "June 1986 – 17 December 1986", "Июнь 1986 г. – 17 декабря 1986 г.",
     "1986 ж. маусым – 1986 ж. 17 желтоқсан"),
    ("1759-12/1760-02", "December 1759 – February 1760", "Декабрь 1759 г. – февраль 1760 г.",
     "1759 ж. желтоқсан – 1760 ж. ақпан"),
    ("-0299/-0200-05", "300 BCE – May 201 BCE", "300 до н. э. – май 201 до н. э.", "б. з. д. 300 – б. з. д. 201 ж. мамыр"),
])
def test_a_range_of_mixed_precision_is_labelled_at_each_ends_precision(edtf_text, en, ru, kk):
    span = parse_date(edtf_text)
    assert (span.label("en"), span.label("ru"), span.label("kk")) == (en, ru, kk)


@pytest.mark.parametrize(("edtf", "lang", "label"), [
    ("1986-12-18/1986-12", "en", "18–31 December 1986"),  # the rest of December: not '18 December 1986 – December 1986'
    ("1986-12-18/1986-12", "ru", "18–31 декабря 1986 г."),
    ("1986-12-18/1986-12", "kk", "1986 ж. 18–31 желтоқсан"),
    ("1990/1990-06-12", "en", "1990 – 12 June 1990"),  # no false '1 January'
])
def test_a_day_inside_the_months_end_reads_as_a_day_range(edtf, lang, label):
    assert parse_date(edtf).label(lang) == label
