"""One probe of the place finder, shared by the place tests: what a sentence of an article resolves to."""

from __future__ import annotations

from chronomap.authoring.places_in_text import PlaceFinder


def resolved(index, sentence: str, article: str = "", us_state: bool = False):
    """(name as written, place name, country[, US state or None]) per place found in ``sentence`` of ``article``;
    the names left unresolved; and the finder (for its refusals and choices)."""
    text = f"{article}\n\n{sentence}" if article else sentence
    finder = PlaceFinder(index, text)
    finder.set_context(sentence)
    mentions, unresolved = finder.find(sentence)
    if us_state:
        found = [(m.text, m.place.name, m.place.country, m.place.admin1 if m.place.country == "US" else None)
                 for m in mentions]
    else:
        found = [(m.text, m.place.name, m.place.country) for m in mentions]
    return found, unresolved, finder
