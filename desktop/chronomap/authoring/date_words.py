"""The words that tell a year from a count: what may stand before a bare year, and what makes a number an amount.

Kept apart from the patterns (date_scan) so each stays small.
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}
NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}
# A bare four-digit number is read as a year only after words like these (or punctuation) ...
_YEAR_CONTEXT = {
    "in", "of", "by", "since", "until", "till", "from", "to", "during", "after", "before", "around", "circa",
    "about", "c", "ca", "year", "years", "and", "or", "the", "between", "through", "throughout", "on", "for",
    "as", "at", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "than", "when", "its",
}
# ... and never before a unit or a count noun ("2000 tractors").
_NOT_YEAR_AFTER = {
    "km", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "m", "tonnes", "tons", "hectares", "ha",
    "acres", "leagues", "versts", "yards", "li", "square", "sq", "kg", "pounds", "lb", "feet", "ft",
    "people", "men", "women", "children", "soldiers", "troops", "warriors", "horsemen", "cavalry", "sailors",
    "volunteers", "workers", "tractors", "farms", "members", "votes", "deputies", "delegates", "prisoners",
    "inhabitants", "residents", "families", "households", "houses", "ships", "boats", "guns", "cannon", "horses",
    "camels", "cattle", "sheep", "slaves", "students", "scholars", "manuscripts", "books", "copies", "units",
    "roubles", "rubles", "dollars", "francs", "marks", "guineas", "ducats", "shillings", "crowns", "florins",
}
# words that make a following four-digit number a count ("about 1300 miles", "some 2000 men")
_QUANTIFIERS = {"about", "around", "some", "over", "nearly", "almost", "approximately", "roughly", "only", "than",
                "least", "another", "further", "additional"}
_NOT_A_PLURAL_NOUN = {"was", "has", "is", "as", "its", "his", "this", "thus", "always", "towards", "afterwards",
                      "perhaps", "whereas", "besides", "does", "goes"}


def is_quantity(text: str, start: int, end: int) -> bool:
    """'1300 miles', 'about 2000 men', '$1850', '1900%': a count or an amount, not a year."""
    before = text[:start].rstrip()
    after = text[end:]
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in _NOT_YEAR_AFTER:
        return True
    if re.match(r"\s*[%$€£]", after) or before.endswith(("$", "€", "£", "№", "#")):
        return True
    previous = re.search(r"([A-Za-z]+)\W*$", before)
    word = next_word.group(1) if next_word else ""
    plural = len(word) > 3 and word.islower() and word.endswith("s") and word not in _NOT_A_PLURAL_NOUN
    return bool(previous and previous.group(1).lower() in _QUANTIFIERS and plural)


def year_context_ok(text: str, start: int, end: int) -> bool:
    if is_quantity(text, start, end):
        return False
    before = text[:start].rstrip()
    after = text[end:]
    if not before or before[-1] in "(,;:—–-[“\"'‘":
        return True
    previous = re.search(r"([A-Za-z]+)\W*$", before)
    if previous and previous.group(1).lower() in _YEAR_CONTEXT:
        return True
    if re.search(r"[A-Za-z][’']s$", before):  # "Khrushchev's 1953 plan" (but not "Russia's 2000 tanks")
        noun = re.match(r"\s+([a-z]+)", after)
        return noun is not None and not (len(noun.group(1)) > 3 and noun.group(1).endswith("s")
                                          and noun.group(1) not in _NOT_A_PLURAL_NOUN)
    return bool(re.match(r"\s*(?:[,.;:)\]”\"']|$)", after))
