"""Find place names in sentences and resolve them through the offline gazetteer index.

Capitalised words are matched, longest name first, against the index.  A match
is refused when it is only part of a longer proper name ("Nursultan" in
"Nursultan Nazarbayev", a surname such as "Korolev" once "Sergei Korolev" has
appeared), a nationality ("Kazakh"), a designation ("Vostok 1") or an ordinary
word that GeoNames happens to list ("Young", "Union").  Names in place-like
positions ("in the Donbas", "coal centres of Kuzbass") that the index does not
know are returned as unresolved, for the curator — never guessed.  A name after a
noble title or an institution ('Prince of Wales', 'University of Pennsylvania'),
after 'on' (a ship), or written after a personal title anywhere ('Messrs.
Walker') is no place; '<nationality>-born' is the country of birth.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from chronomap.authoring.gazetteer_index import DEMONYMS, Candidate, GazetteerIndex, GazetteerPlace, normalise
from chronomap.authoring.place_context import (
    CAPITAL_BEFORE,
    CITY_WORDS,
    COMMON_WORDS,
    CONTINENTS,
    DEMONYM_BORN,
    GENERIC_AFTER,
    GENERIC_BEFORE,
    HEADING,
    HELD_IN_IT,
    INSTITUTION_WORDS,
    KIND_BEFORE,
    NAMES_A_RIVER,
    NAMING_BEFORE,
    NAUTICAL,
    NOT_PLACE_WORDS,
    ON_A_SHIP,
    PLACE_VERB_AFTER,
    TIME_WORDS,
    TITLED,
    TOPONYM_ENDING,
    city_inside_namesake,
    closeness,
    context_refusal,
    continents_named,
    in_place_context,
    inside,
    place_label,
    qualifier_after,
)
from chronomap.authoring.place_tokens import Token, joined, name_shape
from chronomap.authoring.place_tokens import tokens as split_tokens
from chronomap.story.gazetteer import distance_km


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: GazetteerPlace
    via: str


@dataclass(frozen=True)
class Choice:
    """How one name with several candidates was settled, for the curator to check."""

    name: str
    chosen: GazetteerPlace
    others: tuple[GazetteerPlace, ...]
    reason: str


@dataclass
class PlaceFinder:
    """Resolves place names sentence by sentence, knowing the whole article for context."""

    index: GazetteerIndex
    article_text: str
    choices: dict[str, Choice] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # name → why it was not taken as a place
    _lower_words: set[str] = field(default_factory=set, repr=False)
    _surnames: set[str] = field(default_factory=set, repr=False)
    _context_keys: set[str] = field(default_factory=set, repr=False)
    _context_countries: set[str] = field(default_factory=set, repr=False)
    _main_name_keys: set[str] = field(default_factory=set, repr=False)
    _attested_keys: set[str] = field(default_factory=set, repr=False)  # alternate names seen in a place-like position
    undecided: dict[str, str] = field(default_factory=dict)  # name → why no candidate was taken
    candidates: dict[str, tuple[GazetteerPlace, ...]] = field(default_factory=dict)  # name → ranked, best first
    _paragraph: str = field(default="", repr=False)
    _paragraph_anchors: list[GazetteerPlace] = field(default_factory=list, repr=False)
    _text_before: str = field(default="", repr=False)  # the paragraph before the sentence being read
    _article_anchors: list[GazetteerPlace] = field(default_factory=list, repr=False)
    _legends: set[str] = field(default_factory=set, repr=False)  # names the article calls fabled or mythical
    _qualified_names: dict[str, GazetteerPlace] = field(default_factory=dict, repr=False)  # settled by a qualifier
    _nautical: bool = field(default=False, repr=False)  # the article speaks of ships: 'on <town>' may be one

    def __post_init__(self) -> None:
        text = self.article_text
        self._nautical = bool(NAUTICAL.search(text))
        self._lower_words = {w for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
        self._surnames = self._find_surnames(text)
        # names written after a personal title anywhere ('Messrs. Walker'): a sentence split at the title's full stop
        # must not turn them into towns
        self._surnames |= {m.group(1).casefold() for m in TITLED.finditer(text)}
        self._legends = {m.group(1) for m in re.finditer(
            r"\b(?:fabled|mythical|legendary|fabulous|imaginary)\s+(?:(?:golden\s+)?(?:city|kingdom|land|island|empire)\s+)?"
            r"(?:of\s+)?((?:[A-Z][\w'’-]*)(?:\s+(?:de|del|of|[A-Z][\w'’-]*))*)", text)}
        counts: Counter[str] = Counter()
        for paragraph in re.split(r"\n\s*\n", text):
            for start, end, candidates in self._raw_hits(paragraph):
                if len(candidates) == 1:
                    counts[candidates[0].place.key] += 1
                    designation = re.match(r"\s*\d", paragraph[end:])
                    if in_place_context(paragraph[:start], []) and not designation:
                        self._attested_keys.add(candidates[0].place.key)
                for candidate in candidates:
                    if candidate.via != "alternate name":
                        self._main_name_keys.add(candidate.place.key)
                    if candidate.place.key.startswith("country:") and candidate.via != "alternate name":
                        self._context_countries.add(candidate.place.country)
        self._context_keys = set(counts)
        seen: dict[str, GazetteerPlace] = {}
        for paragraph in re.split(r"\n\s*\n", text):
            for place in self._anchors(paragraph):
                seen.setdefault(place.key, place)
        self._article_anchors = list(seen.values())

    # -- context ------------------------------------------------------------------------------------

    def _is_common(self, word: str) -> bool:
        return word.casefold() in COMMON_WORDS or word.casefold() in self._lower_words

    def _find_surnames(self, text: str) -> set[str]:
        """Last words of person-like names ('Sergei Korolev'), so a lone 'Korolev' is not read as the town."""
        surnames: set[str] = set()
        # headings ('= First Fleet: Leaving Portsmouth =') capitalise every word: no evidence of a person's name
        text = HEADING.sub(lambda m: " " * len(m.group()), text)
        tokens = split_tokens(text)
        run: list[Token] = []
        for token in [*tokens, Token(len(text), len(text), "")]:
            if token.capital and (not run or joined(text, run[-1], token)):
                run.append(token)
                continue
            if run and (run[0].text == "The" or (re.search(r"(^|[.!?:]\s+|\n)$", text[:run[0].start])
                                                  and (self._is_common(run[0].text) or self._verb_form(run[0].text)))):
                run = run[1:]
            if len(run) >= 2:
                first, last = run[0].text.casefold(), run[-1].text.casefold()
                whole = text[run[0].start:run[-1].end]
                if not (self.index.knows(whole) or first in GENERIC_BEFORE or first in TIME_WORDS
                        or last in GENERIC_AFTER or last in INSTITUTION_WORDS or last in TIME_WORDS):
                    surnames.add(last)
            run = [token] if token.capital else []
        return surnames

    def _raw_hits(self, text: str):
        tokens = split_tokens(text)
        i = 0
        while i < len(tokens):
            if not tokens[i].capital:
                i += 1
                continue
            for j in range(min(len(tokens), i + 5), i, -1):
                if not name_shape(text, tokens[i:j]):
                    continue
                name = text[tokens[i].start:tokens[j - 1].end]
                candidates = self.index.lookup(name)
                if candidates:
                    yield tokens[i].start, tokens[j - 1].end, candidates
                    i = j
                    break
            else:
                i += 1

    # -- per sentence ---------------------------------------------------------------------------------

    def find(self, sentence: str) -> tuple[list[PlaceMention], list[str]]:
        """Resolved places in a sentence, and place-like names the gazetteer does not know."""
        at = self._paragraph.find(sentence)
        self._text_before = self._paragraph[:at] if at >= 0 else ""
        tokens = split_tokens(sentence)
        mentions: list[PlaceMention] = []
        undecided: list[str] = []
        consumed: set[int] = set()
        for k, token in enumerate(tokens):
            born = DEMONYM_BORN.fullmatch(token.text)
            country = self.index.place(f"country:{DEMONYMS[born.group(1)]}") if born and born.group(1) in DEMONYMS else None
            if country is not None:  # 'Hungarian-born': the country of birth
                mentions.append(PlaceMention(token.start, token.start + len(born.group(1)) if born else token.end,
                                             born.group(1) if born else token.text, country, "nationality"))
                consumed.add(k)
        i = 0
        while i < len(tokens):
            if not tokens[i].capital or i in consumed:
                i += 1
                continue
            hit = None
            for j in range(min(len(tokens), i + 5), i, -1):
                run = tokens[i:j]
                if not name_shape(sentence, run):
                    continue
                name = sentence[run[0].start:run[-1].end]
                candidates = self.index.lookup(name)
                if candidates:
                    hit = (j, name, candidates)
                    break
            if hit is None:
                i += 1
                continue
            j, name, candidates = hit
            reason = self._refusal(sentence, tokens, i, j, name, candidates)
            if reason == NAMES_A_RIVER:  # a place, but not the one the gazetteer has: the curator's to place
                self.refused.setdefault(name, reason)
                undecided.append(name)
                consumed.update(range(i, j))
                i = j
                continue
            if reason:
                if name.casefold() not in TIME_WORDS:
                    self.refused.setdefault(name, reason)
                i += 1
                continue
            candidates, why = self._qualified(sentence, tokens, i, j, candidates)
            earlier = self._qualified_names.get(normalise(name))
            if earlier is not None and qualifier_after(sentence[tokens[j - 1].end:]) is None \
                    and any(c.place.key == earlier.key for c in candidates):
                chosen: tuple[GazetteerPlace, str] | None = (earlier, next(c.via for c in candidates
                                                                           if c.place.key == earlier.key))
            else:
                chosen = self._choose(name, candidates, sentence, tokens[i].start,
                                      [m.place for m in mentions]) if candidates else None
                if chosen is not None and len(hit[2]) > 1 and len(candidates) == 1 \
                        and qualifier_after(sentence[tokens[j - 1].end:]) is not None:
                    self._qualified_names.setdefault(normalise(name), chosen[0])  # 'Columbia, South Carolina'

            if chosen is None:
                self.undecided.setdefault(name, why or "undecided")
                if name not in self.candidates and hit[2]:
                    self.candidates[name] = tuple(c.place for c in hit[2])
                undecided.append(name)
                consumed.update(range(i, j))
                i = j
                continue
            place, via = chosen
            mentions.append(PlaceMention(tokens[i].start, tokens[j - 1].end, name, place, via))
            consumed.update(range(i, j))
            i = j
        return mentions, undecided + self._unresolved(sentence, tokens, consumed, mentions)

    def _refusal(self, text: str, tokens: list[Token], i: int, j: int, name: str, candidates: list[Candidate]) -> str | None:
        from_cache = any(c.via == "cache" for c in candidates)
        single = j - i == 1
        before, after = text[:tokens[i].start], text[tokens[j - 1].end:]
        if not from_cache and name in self._legends:
            return "the article calls it fabled or mythical: a legend, not a place on the map"
        if not from_cache:
            why = context_refusal(before, after, candidates)
            if why == ON_A_SHIP and not self._nautical:
                why = None  # 'on Capri' in an article with no ship in it: an island town
            if why:
                return why
        if re.match(r"\s*\d", text[tokens[j - 1].end:]):
            return "followed by a number, so a designation (e.g. a spacecraft), not a place"
        if name.casefold() in NOT_PLACE_WORDS:
            return "a nationality or adjective, not a place"
        if name.casefold() in CONTINENTS and all(c.place.kind == "city" for c in candidates):
            return "a continent; the gazetteer has the name only as another spelling of a town"
        if i > 0 and tokens[i - 1].capital and joined(text, tokens[i - 1], tokens[i]):
            before = tokens[i - 1].text
            initial_common = i - 1 == 0 and (self._is_common(before) or self._verb_form(before))
            if before.casefold() not in GENERIC_BEFORE and not initial_common and before.casefold() not in COMMON_WORDS:
                return f"part of the longer name “{text[tokens[i - 1].start:tokens[j - 1].end]}”"
        if j < len(tokens) and tokens[j].capital and joined(text, tokens[j - 1], tokens[j]):
            if tokens[j].text.casefold() not in GENERIC_AFTER and not HELD_IN_IT.match(after):
                return f"part of the longer name “{text[tokens[i].start:tokens[j].end]}”"
        if single and not from_cache and name.casefold() in self._surnames:
            return "looks like a person's surname elsewhere in the article"
        if single and not from_cache and self._is_common(name):
            return "an ordinary English word here, not a place"
        # a country's everyday name ('Netherlands' in 'Lutjegast, Netherlands'), unless it is part of a continent's
        distinctive = not single or "-" in name or (len(name) >= 7 and bool(TOPONYM_ENDING.search(name))) \
            or (all(c.place.key.startswith("country:") for c in candidates)
                and not re.search(r"\b(?:North|South|Central|Latin|Middle|Meso)\s*$", text[:tokens[i].start]))
        if all(c.via == "alternate name" for c in candidates) and not distinctive \
                and not in_place_context(text[:tokens[i].start], []) and not PLACE_VERB_AFTER.match(after) \
                and not any(c.place.key in self._main_name_keys | self._attested_keys for c in candidates):
            spelled = ", ".join(f"{c.place.name} ({c.place.country})" for c in candidates[:3])
            return f"only an alternate spelling of {spelled}, and nothing around it says it is a place"
        return None

    def _verb_form(self, word: str) -> bool:
        """A capitalised first word such as 'Leaving' or 'Resumed' that the gazetteer does not know: a verb, not a name's first part."""
        return len(word) > 4 and word.lower().endswith(("ing", "ed")) and not self.index.knows(word)

    # -- choosing among homonyms ---------------------------------------------------------------------

    def set_context(self, paragraph: str) -> None:
        """The paragraph the next sentences come from: its unambiguous places weigh in every choice made there."""
        if paragraph != self._paragraph:
            self._paragraph = paragraph
            self._paragraph_anchors = self._anchors(paragraph)

    def _anchors(self, text: str) -> list[GazetteerPlace]:
        """Places a text names without doubt: the only candidate of a name, or a country or state."""
        out: list[GazetteerPlace] = []
        for start, end, candidates in self._raw_hits(text):
            name = text[start:end]
            if all(c.via == "alternate name" for c in candidates) and CAPITAL_BEFORE.search(text[:start]):
                continue  # 'North America' is no anchor in the United States
            if name in self._legends or name.casefold() in NOT_PLACE_WORDS or self._is_common(name) \
                    or context_refusal(text[:start], text[end:], candidates) or qualifier_after(text[end:]):
                continue
            big = [c for c in candidates if c.place.kind != "city" or c.via == "cache"]
            if len(big) == 1 and (len(candidates) == 1 or big[0].place.population >= 10 * max(
                    (c.place.population for c in candidates if c is not big[0]), default=0)):
                out.append(big[0].place)
            elif len(candidates) == 1 and candidates[0].place.population >= 500_000:
                out.append(candidates[0].place)
        return out

    def _qualified(self, text: str, tokens: list[Token], i: int, j: int,
                   candidates: list[Candidate]) -> tuple[list[Candidate], str | None]:
        """Candidates that fit the words around the name: 'Astoria, Oregon', 'Albany in the USA', 'the island of Trinidad'."""
        before, after = text[:tokens[i].start], text[tokens[j - 1].end:]
        kind_word = KIND_BEFORE.search(before)
        if kind_word:
            word = kind_word.group(1).lower()
            wanted = [c for c in candidates if (c.place.kind == "city") == (word in CITY_WORDS) or c.via == "cache"]
            if not wanted:
                return [], f"written as “{word} of …”, but the gazetteer knows it only as " + \
                    ("a country or region" if word in CITY_WORDS else "a town")
            candidates = wanted
        qualifier = qualifier_after(after)
        if qualifier and not any(c.place.key.startswith("country:") for c in candidates):  # 'Denmark, France, and Egypt': a list
            within = [c for c in self.index.lookup(qualifier.group(1)) if c.place.kind != "city"]
            if within:
                fitting = [c for c in candidates if any(inside(c.place, q.place) for q in within)]
                if not fitting:
                    return [], f"written as “…, {qualifier.group(1)}”, and the gazetteer has no such place there"
                candidates = fitting
        return candidates, None

    def _choose(self, name: str, candidates: list[Candidate], sentence: str = "", position: int = 0,
                settled: list[GazetteerPlace] | None = None) -> tuple[GazetteerPlace, str] | None:
        """The candidate a geographer would take, or None when the text does not decide (listed for the curator).

        Each candidate scores by its size, by how near it lies to the places named
        without doubt in the same sentence, paragraph and article (and whether it
        shares their country), and by being named elsewhere in the article; one
        mention of a country anywhere does not outweigh a capital.  Places already
        settled earlier in the sentence ('St. Louis' before 'St. Charles') count
        as the sentence's own.
        """
        sentence_anchors = [*self._anchors(sentence), *(p for p in settled or () if p.kind == "city")]
        weighted = [(p, 3.0) for p in sentence_anchors] + [(p, 1.0) for p in self._paragraph_anchors] + \
            [(p, 0.3) for p in self._article_anchors]
        keys = {c.place.key for c in candidates}
        weighted = [(p, w) for p, w in weighted if p.key not in keys]
        total = max(sum(w for _, w in weighted), 3.0)

        def coherence(p: GazetteerPlace) -> tuple[float, float]:
            near = sum(w * closeness(p, a) for a, w in weighted) / total
            shared = sum(w for a, w in weighted if a.country and a.country == p.country) / total
            return near, shared

        continents = continents_named(self._text_before + sentence[:position])  # named before the name only
        scored = []
        for c in candidates:
            p = c.place
            near, shared = coherence(p)
            value = 0.8 * math.log10(max(p.population, 1000)) + 2.0 * near + 1.0 * shared
            if p.key in self.index.capitals:
                value += 1.0
            if self.index.continents.get(p.country or "") in continents:  # 'sailed for North America'
                value += 2.5
            if c.via == "cache" or p.cache_key is not None:
                value += 10
            if p.key in self._context_keys:
                value += 0.5
            if c.via in ("name", "historical name"):
                value += 0.2
            scored.append((value, near, shared, c))
        scored.sort(key=lambda item: item[0], reverse=True)
        qualifying = bool(settled) and bool(re.search(r",\s*$", sentence[:position]))  # 'Elmira, New York': the state
        city = None if qualifying else city_inside_namesake(scored[0][3], [s[3] for s in scored[1:]])
        if city is not None:  # 'founded in New York': the city, not the state named like it
            self.choices.setdefault(name, Choice(name, city.place, tuple(s[3].place for s in scored if s[3] is not city),
                                                 "a city and the state named like it: the text names the city"))
            return city.place, city.via
        # one place listed twice (a city and the cache entry for it) is no rivalry
        distinct = [scored[0]] + [s for s in scored[1:] if distance_km((s[3].place.lat, s[3].place.lon),
                                                                        (scored[0][3].place.lat, scored[0][3].place.lon)) > 50]
        best_value, best_near, best_shared, best = distinct[0]
        ranked = tuple(s[3].place for s in distinct)
        # far from the sentence and paragraph, or (with no place named there) from every country the article names
        strong = any(w >= 1.0 for _, w in weighted) or \
            (any(a.kind != "city" and a.country for a, _ in weighted) and best.place.country not in self._context_countries)
        far = strong and best.via != "cache" and best.place.cache_key is None and best_near == 0 and best_shared == 0 \
            and best.place.population < 1_000_000 and self.index.continents.get(best.place.country or "") \
            not in continents
        if far:
            self.candidates.setdefault(name, ranked)
            self.undecided.setdefault(name, "far from every other place named around it")
            return None
        towns_there = [a for a, w in weighted if w >= 1.0 and a.kind == "city" and a.country == best.place.country]
        if NAMING_BEFORE.search(sentence[:position]) and best.via == "name" and best.place.cache_key is None \
                and towns_there and not any(distance_km((best.place.lat, best.place.lon), (a.lat, a.lon)) < 800
                                            for a in towns_there):
            # 'a city called Daliang' near Kaifeng: a name given here, and the town of that name in the same country
            # lies far from that country's towns named around it
            self.candidates.setdefault(name, ranked)
            self.undecided.setdefault(name, "a name the text gives a place, and the town of that name lies far from the "
                                            "towns of its country named around it")
            return None
        if len(distinct) > 1:
            second = distinct[1]
            if best_value - second[0] < 0.35:
                self.candidates.setdefault(name, ranked)
                self.undecided.setdefault(name, f"the text does not decide between {place_label(best.place)} and "
                                                f"{place_label(second[3].place)}")
                return None
            if name not in self.choices:
                if (best.via == "cache" or best.place.cache_key) and not (second[3].via == "cache"
                                                                          or second[3].place.cache_key):
                    reason = "the project's gazetteer cache has it"
                elif best.place.key in self._context_keys and second[3].place.key not in self._context_keys:
                    reason = "the article names this place elsewhere"
                elif best_near - second[1] > 0.2 or best_shared - second[2] > 0.2:
                    reason = "it lies near the other places named around it"
                else:
                    reason = "the largest by population"
                self.choices[name] = Choice(name, best.place, ranked[1:], reason)
        return best.place, best.via

    def _unresolved(self, text: str, tokens: list[Token], consumed: set[int], mentions: list[PlaceMention]) -> list[str]:
        out: list[str] = []
        place_ends = [m.end for m in mentions]
        i = 0
        while i < len(tokens):
            if i in consumed or not tokens[i].capital:
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and j not in consumed and tokens[j].capital and joined(text, tokens[j - 1], tokens[j]):
                j += 1
            run = tokens[i:j]
            if run[0].text.casefold() == "the" and len(run) > 1:
                run = run[1:]
            if in_place_context(text[:run[0].start], place_ends):
                name = text[run[0].start:run[-1].end]
                if self._could_be_place(text, run, i):
                    out.append(name)
                    place_ends.append(run[-1].end)
            i = j
        return out

    def _could_be_place(self, text: str, run: list[Token], index_in_sentence: int) -> bool:
        words = [t.text.casefold() for t in run]
        if any(w in INSTITUTION_WORDS or w in TIME_WORDS for w in words):
            return False
        if len(run) == 1 and (words[0] in NOT_PLACE_WORDS or words[0] in self._surnames or self._is_common(run[0].text)):
            return False
        if any(ch.isdigit() for t in run for ch in t.text):
            return False
        return not re.match(r"\s*\d", text[run[-1].end:])
