"""Find place names in sentences and resolve them through the offline gazetteer index.

Capitalised words are matched, longest name first, against the index.  A match
is refused when it is only part of a longer proper name ("Nursultan" in
"Nursultan Nazarbayev", a surname such as "Korolev" once "Sergei Korolev" has
appeared), a nationality ("Kazakh"), a designation ("Vostok 1") or an ordinary
word that GeoNames happens to list ("Young", "Union").  Names in place-like
positions ("in the Donbas", "coal centres of Kuzbass") that the index does not
know are returned as unresolved, for the curator — never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from chronomap.authoring.gazetteer_index import Candidate, GazetteerIndex, GazetteerPlace

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_CONNECTORS = {"de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "of", "on", "upon", "am", "an",
               "der", "den", "el", "al", "and"}
NOT_PLACE_WORDS = {w.casefold() for w in (
    "Kazakh Kazakhs Russian Russians Soviet Soviets Ukrainian Ukrainians Uzbek Uzbeks Kyrgyz Kirghiz Tajik Tajiks Turkmen "
    "Belarusian Byelorussian Georgian Georgians Armenian Armenians Azerbaijani Azeri Lithuanian Latvian Estonian Moldovan "
    "Moldavian American Americans German Germans British English French Chinese Japanese Polish Czech Jewish Tatar Tatars "
    "Chechen Chechens Korean Koreans Uighur Uyghur Mongol Mongols Mongolian European Europeans Asian Western Eastern "
    "Northern Southern Central Communist Communists Bolshevik Bolsheviks Cossack Cossacks Slavic Muslim Orthodox"
).split()}
GENERIC_BEFORE = NOT_PLACE_WORDS | {w.casefold() for w in (
    "North South East West Upper Lower Greater Old Imperial Independent Modern Tsarist Metropolitan Inner Outer Present-day "
    "Far Near Middle Little Great"
).split()}
GENERIC_AFTER = {w.casefold() for w in (
    "Cosmodrome Oblast Region Province Krai District Raion City Basin Steppe Airport Station Valley Peninsula Coast "
    "Territory Governorate Municipality Area Okrug Uyezd Guberniya Gubernia Voblast"
).split()}
INSTITUTION_WORDS = {w.casefold() for w in (
    "Committee Party Congress Council Ministry Minister Secretary President Vice Premier Chairman Deputies Deputy Army "
    "Academy University Institute Bureau Government Assembly Parliament Court Church Company Corporation Agency Office "
    "Movement Front Revolution War Events Event Coup Plenum Treaty Declaration Program Programme Campaign Politburo "
    "Komsomol KGB CPSU NKVD Industry Bloc Pact Marshal General Colonel Major Captain Lieutenant Admiral Cosmonaut Doctor "
    "Professor Mr Mrs Dr Sir Lord King Queen Prince Princess Tsar Emperor Pope Day Games Olympics Cup Prize Award Order "
    "Medal Festival Museum Library Theatre Hospital School College Bank Fund Association Society Federation Supreme "
    "Station Agreement Accords Conference Summit Plan Decree Law Act Constitution Republic"
).split()}
TIME_WORDS = {w.casefold() for w in (
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Spring Summer Autumn Fall Winter"
).split()}
# English words that GeoNames also lists as towns; never a place when written alone.
COMMON_WORDS = {w.casefold() for w in (
    "Young Union Independence Republic Central Victoria Mobile Reading Bath Nice Split Hope Liberty Unity Progress "
    "Friendship Victory Enterprise Commerce Industry General Opportunity Paradise Providence Concord Harmony Eureka "
    "Orange March May August Of The And In On At To By For From With As It This That These Those Following After Before "
    "During When While Although However Ultimately Several Known Official Participants Opinions Equally Within Nine Later"
).split()}
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|to|from|near|into|across|throughout|around|toward|towards|via|outside|inside|on|beyond|over|beside)\s+"
    r"(?:the\s+)?(?:(?:lower|upper|northern|southern|eastern|western|central|far|remote|open|distant|neighbouring|neighboring)\s+)?$")
_PLACE_NOUN_OF = re.compile(
    r"\b(?:centres|centers|centre|center|city|town|village|region|regions|province|basin|capital|outskirts|republic|"
    r"territory|steppe|coast|north|south|east|west|part|parts|area|areas|shores|banks|heart|halt|station|settlement|port|"
    r"oblast|district|fields|coalfields|mines|suburbs)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:,|\band|\bor)\s+(?:the\s+)?$")


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


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str) -> list[_Token]:
    out = []
    for match in _TOKEN.finditer(text):
        word, end = match.group(), match.end()
        if word.endswith(("’s", "'s")) and len(word) > 3:
            word, end = word[:-2], end - 2
        elif word.endswith(("s’", "s'")):
            word, end = word[:-1], end - 1
        out.append(_Token(match.start(), end, word))
    return out


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """Two tokens written as parts of one name: only spaces between them."""
    gap = text[a.end:b.start]
    return bool(gap) and gap.strip() == "" and "\n" not in gap


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

    def __post_init__(self) -> None:
        text = self.article_text
        self._lower_words = {w for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
        self._surnames = self._find_surnames(text)
        counts: Counter[str] = Counter()
        for paragraph in re.split(r"\n\s*\n", text):
            for start, end, candidates in self._raw_hits(paragraph):
                if len(candidates) == 1:
                    counts[candidates[0].place.key] += 1
                    designation = re.match(r"\s*\d", paragraph[end:])
                    if _in_place_context(paragraph[:start], []) and not designation:
                        self._attested_keys.add(candidates[0].place.key)
                for candidate in candidates:
                    if candidate.via != "alternate name":
                        self._main_name_keys.add(candidate.place.key)
                    if candidate.place.key.startswith("country:") and candidate.via != "alternate name":
                        self._context_countries.add(candidate.place.country)
        self._context_keys = set(counts)

    # -- context ------------------------------------------------------------------------------------

    def _is_common(self, word: str) -> bool:
        return word.casefold() in COMMON_WORDS or word.casefold() in self._lower_words

    def _find_surnames(self, text: str) -> set[str]:
        """Last words of person-like names ('Sergei Korolev'), so a lone 'Korolev' is not read as the town."""
        surnames: set[str] = set()
        tokens = _tokens(text)
        run: list[_Token] = []
        for token in [*tokens, _Token(len(text), len(text), "")]:
            if token.capital and (not run or _joined(text, run[-1], token)):
                run.append(token)
                continue
            if run and (run[0].text == "The" or (re.search(r"(^|[.!?:]\s+|\n)$", text[:run[0].start])
                                                  and self._is_common(run[0].text))):
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
        tokens = _tokens(text)
        i = 0
        while i < len(tokens):
            if not tokens[i].capital:
                i += 1
                continue
            for j in range(min(len(tokens), i + 5), i, -1):
                if not self._name_shape(text, tokens[i:j]):
                    continue
                name = text[tokens[i].start:tokens[j - 1].end]
                candidates = self.index.lookup(name)
                if candidates:
                    yield tokens[i].start, tokens[j - 1].end, candidates
                    i = j
                    break
            else:
                i += 1

    @staticmethod
    def _name_shape(text: str, run: list[_Token]) -> bool:
        if not run[-1].capital:
            return False
        for a, b in zip(run, run[1:], strict=False):
            if not _joined(text, a, b) or not (b.capital or b.text in _CONNECTORS):
                return False
        return True

    # -- per sentence ---------------------------------------------------------------------------------

    def find(self, sentence: str) -> tuple[list[PlaceMention], list[str]]:
        """Resolved places in a sentence, and place-like names the gazetteer does not know."""
        tokens = _tokens(sentence)
        mentions: list[PlaceMention] = []
        consumed: set[int] = set()
        i = 0
        while i < len(tokens):
            if not tokens[i].capital:
                i += 1
                continue
            hit = None
            for j in range(min(len(tokens), i + 5), i, -1):
                run = tokens[i:j]
                if not self._name_shape(sentence, run):
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
            if reason:
                if name.casefold() not in TIME_WORDS:
                    self.refused.setdefault(name, reason)
                i += 1
                continue
            place, via = self._choose(name, candidates)
            mentions.append(PlaceMention(tokens[i].start, tokens[j - 1].end, name, place, via))
            consumed.update(range(i, j))
            i = j
        return mentions, self._unresolved(sentence, tokens, consumed, mentions)

    def _refusal(self, text: str, tokens: list[_Token], i: int, j: int, name: str, candidates: list[Candidate]) -> str | None:
        from_cache = any(c.via == "cache" for c in candidates)
        single = j - i == 1
        if re.match(r"\s*\d", text[tokens[j - 1].end:]):
            return "followed by a number, so a designation (e.g. a spacecraft), not a place"
        if name.casefold() in NOT_PLACE_WORDS:
            return "a nationality or adjective, not a place"
        if i > 0 and tokens[i - 1].capital and _joined(text, tokens[i - 1], tokens[i]):
            before = tokens[i - 1].text
            initial_common = i - 1 == 0 and self._is_common(before)
            if before.casefold() not in GENERIC_BEFORE and not initial_common and before.casefold() not in COMMON_WORDS:
                return f"part of the longer name “{text[tokens[i - 1].start:tokens[j - 1].end]}”"
        if j < len(tokens) and tokens[j].capital and _joined(text, tokens[j - 1], tokens[j]):
            if tokens[j].text.casefold() not in GENERIC_AFTER:
                return f"part of the longer name “{text[tokens[i].start:tokens[j].end]}”"
        if single and not from_cache and name.casefold() in self._surnames:
            return "looks like a person's surname elsewhere in the article"
        if single and not from_cache and self._is_common(name):
            return "an ordinary English word here, not a place"
        if all(c.via == "alternate name" for c in candidates) and not _in_place_context(text[:tokens[i].start], []) \
                and not any(c.place.key in self._main_name_keys | self._attested_keys for c in candidates):
            spelled = ", ".join(f"{c.place.name} ({c.place.country})" for c in candidates[:3])
            return f"only an alternate spelling of {spelled}, and nothing around it says it is a place"
        return None

    def _choose(self, name: str, candidates: list[Candidate]) -> tuple[GazetteerPlace, str]:
        def score(c: Candidate):
            p = c.place
            return (c.via == "cache" or p.cache_key is not None, p.key in self._context_keys,
                    p.country in self._context_countries, c.via in ("name", "historical name"), p.population)

        ranked = sorted(candidates, key=score, reverse=True)
        best = ranked[0]
        rivals = [c.place for c in ranked[1:] if c.place.population >= 0.1 * max(best.place.population, 1)
                  or c.place.country != best.place.country and score(c)[:3] == score(best)[:3]]
        if rivals and name not in self.choices:
            top, second = score(best), score(ranked[1])
            if top[0] != second[0]:
                reason = "the project's gazetteer cache has it"
            elif top[1] != second[1]:
                reason = "the article names this place elsewhere"
            elif top[2] != second[2]:
                reason = "the article names its country"
            else:
                reason = "the largest by population"
            self.choices[name] = Choice(name, best.place, tuple(rivals), reason)
        return best.place, best.via

    def _unresolved(self, text: str, tokens: list[_Token], consumed: set[int], mentions: list[PlaceMention]) -> list[str]:
        out: list[str] = []
        place_ends = [m.end for m in mentions]
        i = 0
        while i < len(tokens):
            if i in consumed or not tokens[i].capital:
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and j not in consumed and tokens[j].capital and _joined(text, tokens[j - 1], tokens[j]):
                j += 1
            run = tokens[i:j]
            if run[0].text.casefold() == "the" and len(run) > 1:
                run = run[1:]
            if _in_place_context(text[:run[0].start], place_ends):
                name = text[run[0].start:run[-1].end]
                if self._could_be_place(text, run, i):
                    out.append(name)
                    place_ends.append(run[-1].end)
            i = j
        return out

    def _could_be_place(self, text: str, run: list[_Token], index_in_sentence: int) -> bool:
        words = [t.text.casefold() for t in run]
        if any(w in INSTITUTION_WORDS or w in TIME_WORDS for w in words):
            return False
        if len(run) == 1 and (words[0] in NOT_PLACE_WORDS or words[0] in self._surnames or self._is_common(run[0].text)):
            return False
        if any(ch.isdigit() for t in run for ch in t.text):
            return False
        return not re.match(r"\s*\d", text[run[-1].end:])


def _in_place_context(before: str, place_ends: list[int]) -> bool:
    """Words before a name that make it a place: 'in', 'to the', 'centres of', or ', and' after another place."""
    if _PLACE_PREPOSITION.search(before) or _PLACE_NOUN_OF.search(before):
        return True
    coordinated = _COORDINATED.search(before)
    return bool(coordinated) and any(abs(coordinated.start() - end) <= 1 for end in place_ends)
