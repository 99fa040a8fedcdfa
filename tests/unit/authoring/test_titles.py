"""Short titles cut from the dated sentence."""

import pytest

from chronomap.authoring.titles import title_for


def title(sentence: str, date: str, *others: str) -> str:
    start = sentence.index(date)
    spans = tuple((sentence.index(o), sentence.index(o) + len(o)) for o in others)
    return title_for(sentence, start, start + len(date), spans)


@pytest.mark.parametrize("sentence, date, expected", [
    ("On October 25, 1990, the Kazakh SSR declared sovereignty over its territory.", "October 25, 1990",
     "The Kazakh SSR declared sovereignty over its territory"),
    ("Following the failed coup attempt in Moscow in August 1991, the SSR changed its name.", "August 1991",
     "The failed coup attempt in Moscow"),
    ("Several candidates were considered, and on June 22, 1989, Nursultan Nazarbayev was chosen.", "June 22, 1989",
     "Nursultan Nazarbayev was chosen"),
    ("Nine days later, the Soviet Union itself ceased to exist.", "Nine days later", "The Soviet Union itself ceased to exist"),
    ("Builders laid roads, and 2 June 1955 is still celebrated as the founding day of the range.", "2 June 1955",
     "2 June 1955 is still celebrated as the founding day…"),
    ("Valentina Tereshkova, the first woman in space, was launched from Baikonur on 16 June 1963.", "16 June 1963",
     "Valentina Tereshkova was launched from Baikonur"),
    ("In December 1986, Dinmukhamed Kunaev, an ethnic Kazakh, was dismissed from his post.", "December 1986",
     "Dinmukhamed Kunaev was dismissed from his post"),
])
def test_titles_keep_the_clause_that_tells_the_event(sentence, date, expected):
    assert title(sentence, date) == expected


def test_two_dates_in_one_clause_get_their_own_parts():
    sentence = "Belka and Strelka orbited the Earth aboard Sputnik 5 on 19 August 1960 and landed safely the next day."
    assert title(sentence, "19 August 1960", "the next day") == "Belka and Strelka orbited the Earth aboard Sputnik 5"
    assert title(sentence, "the next day", "19 August 1960") == "Belka and Strelka landed safely"


def test_long_titles_are_cut_at_a_word_with_an_ellipsis():
    long = ("During the late 1980s the government of the republic reorganised every ministry and committee and farm "
            "and factory that it could reach without asking anyone.")
    result = title(long, "the late 1980s")
    assert result.endswith("…") and len(result.split()) <= 12
