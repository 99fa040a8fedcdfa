import pytest

from chronomap.story.article import ArticleError, parse_article, split_sentences


def test_seed_article_structure(exhibit):
    article = exhibit.article
    assert article.title == "Perestroika in Kazakhstan"
    assert [s.id for s in article.sections] == [
        "intro", "the-december-events", "appointment-of-local-leadership", "path-to-independence"]
    assert [s.heading for s in article.sections][1:] == [
        "The December Events", "Appointment of Local Leadership", "Path to Independence"]


def test_sentence_ids_point_at_their_text(exhibit):
    article = exhibit.article
    sentence = article.find("path-to-independence.p4.s4")
    assert sentence.text == "Nine days later, the Soviet Union itself ceased to exist."
    assert article.text[sentence.start:sentence.end] == sentence.text


def test_quotations_and_initials_do_not_split_sentences(exhibit):
    sentence = exhibit.article.find("appointment-of-local-leadership.p1.s3")
    assert sentence.text.endswith("“Better one difficult Nazarbayev than a difficult Kazakhstan.”")
    assert split_sentences("Dr. A. Smith met J. R. Jones. They spoke.") == [(0, 29), (30, 41)]


def test_both_announced_quotations_are_flagged_missing(exhibit):
    missing = [p.id for p in exhibit.article.missing_quotes()]
    assert missing == ["the-december-events.p3", "appointment-of-local-leadership.p2"]


def test_empty_article_is_refused():
    with pytest.raises(ArticleError, match="empty"):
        parse_article("  \n\n ")


def test_headings_only_is_refused():
    with pytest.raises(ArticleError, match="no paragraphs"):
        parse_article("= T =\n==A==\n")


def test_duplicate_headings_get_distinct_ids():
    article = parse_article("==Notes==\nOne.\n\n==Notes==\nTwo.\n")
    assert [s.id for s in article.sections] == ["notes", "notes-2"]


def _sentences(text: str) -> list[str]:
    from chronomap.story.article import split_sentences

    return [text[a:b] for a, b in split_sentences(text)]


def test_circa_does_not_end_a_sentence():
    text = "Sacagawea (c. 1788 – December 20, 1812) was a Shoshone woman. She ca. 1805 met them. Then they left."
    assert _sentences(text) == ["Sacagawea (c. 1788 – December 20, 1812) was a Shoshone woman.",
                                "She ca. 1805 met them.", "Then they left."]


def test_citation_marks_stay_with_their_sentence():
    text = "It took place in 1595.[1] The expedition set out in February 1595.[2][3] It failed.[citation needed] Done."
    assert _sentences(text) == ["It took place in 1595.[1]", "The expedition set out in February 1595.[2][3]",
                                "It failed.[citation needed]", "Done."]


def test_month_abbreviations_and_titles_do_not_split_but_words_ending_like_them_do():
    assert _sentences("It ended in Sept. 1990 with a treaty. Then Mr. Abenov spoke.") == [
        "It ended in Sept. 1990 with a treaty.", "Then Mr. Abenov spoke."]
    assert _sentences("It was a mosaic. The end.") == ["It was a mosaic.", "The end."]


def test_a_bracketed_sentence_ending_in_an_abbreviation_ends_at_its_bracket():
    text = "The Nile rose. (See also EGYPT; NAPOLEON, etc.) Bonaparte left Toulon. (Smith, J.) He sailed."
    assert _sentences(text) == ["The Nile rose.", "(See also EGYPT; NAPOLEON, etc.)", "Bonaparte left Toulon.",
                                "(Smith, J.)", "He sailed."]
    assert _sentences("He met (Dr. Jones) there. It ended.") == ["He met (Dr. Jones) there.", "It ended."]


def test_a_scanned_day_after_a_month_is_no_initial():
    text = "The armada reached Egypt on July I. The Republicans stormed Alexandria. He met J. Smith there."
    assert _sentences(text) == ["The armada reached Egypt on July I.", "The Republicans stormed Alexandria.",
                                "He met J. Smith there."]
