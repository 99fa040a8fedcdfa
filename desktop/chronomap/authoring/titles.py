"""Short, readable event titles cut from the sentence that dates the event.

A draft title is the clause that holds the date, with the date and its
preposition taken out ("On October 25, 1990, the Kazakh SSR declared
sovereignty …" → "The Kazakh SSR declared sovereignty over its territory as a
republic…").  When that clause says nothing on its own ("and on December 16,
1991,") the next clause is used, else the whole sentence.  Curators rewrite
titles anyway; these only need to tell events apart at a glance.
"""

from __future__ import annotations

import re

MAX_WORDS = 12
_MARK = "\x00"
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring|[Ss]ince|[Uu]ntil|[Ff]rom|[Aa]t|[Bb]etween|[Aa]round|[Ss]tarting|[Aa]s of)\s+)"
    r"(?:the\s+)?$")
_CONNECTIVE = re.compile(
    r"^(?:and|but|while|when|where|whereas|which|who|although|though|as|then|so|yet|also|however|ultimately|meanwhile|"
    r"thereafter|following|after|later|soon|eventually|finally|in the end)\b[\s,]*", re.IGNORECASE)
_COMPLEMENTISER_END = re.compile(r"\b(?:that|when|which|as|because|after|before|until|since|if|while|whereas)$", re.IGNORECASE)
_APPOSITIVE = re.compile(r"^(?:a|an)\s", re.IGNORECASE)
_TAIL_WORDS = {"of", "the", "a", "an", "and", "to", "in", "on", "at", "by", "for", "with", "from", "as", "or", "its",
               "his", "her", "their", "that", "which", "who", "was", "were", "is", "are", "had", "has"}
_CLAUSE_SPLIT = re.compile(r"\s*[;:]\s+|\s+[—–]\s+|,\s+")


_AUXILIARY = re.compile(r"^(?:was|were|is|are|had been|has been|have been)\s+", re.IGNORECASE)
_DATE_AS_SUBJECT = re.compile(r"^(?:is|was|were|are|has|had|saw|marked|became|brought|began|ended)\b")
_RELATIVE_PRONOUN = re.compile(r"^(?:which|who|that)\b", re.IGNORECASE)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace(_MARK, " ")).strip(" ,;:—–-")
    text = _CONNECTIVE.sub("", text).strip(" ,;:")
    text = text.rstrip(".!?").strip()
    return re.sub(r"\s+(?:and|or|but|then)$", "", text)


def _subject(clause: str) -> str:
    """The capitalised names a clause opens with ('Belka and Strelka'), if any."""
    match = re.match(r"(?:[A-Z][\w'’-]*)(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*", clause.strip())
    return match.group() if match and match.group() not in ("The", "A", "An") else ""


def _words(text: str) -> list[str]:
    return text.split()


def _shorten(text: str, max_words: int = MAX_WORDS) -> str:
    words = _words(text)
    if len(words) > max_words:
        words = words[:max_words]
        while len(words) > 3 and words[-1].lower().strip(",;:") in _TAIL_WORDS:
            words.pop()
        text = " ".join(words).rstrip(",;:") + "…"
    return text[:1].upper() + text[1:] if text else text


def _whole_sentence(masked: str) -> str:
    clauses = [c for c in _CLAUSE_SPLIT.split(masked)]
    kept: list[str] = []
    carry = ""
    for index, clause in enumerate(clauses):
        cleaned = re.sub(r"\s+", " ", clause.replace(_MARK, " ")).strip()
        if not cleaned or (_APPOSITIVE.match(cleaned) and 0 < index < len(clauses) - 1):
            continue
        if _MARK in clause and len(_words(cleaned)) <= 1:  # 'held' + 'in Almaty' once the date is gone
            carry = cleaned + " "
            continue
        kept.append(carry + cleaned)
        carry = ""
    body = ", ".join(kept)
    # 'Kunaev, was dismissed' reads better without the comma once the appositive is gone
    body = re.sub(r",\s+(was|were|is|are|had|has|became|declared|changed)\b", r" \1", body)
    return _clean(body)


def title_for(sentence: str, start: int | None = None, end: int | None = None,
              other_dates: tuple[tuple[int, int], ...] = ()) -> str:
    """A title for the statement in ``sentence`` dated by the phrase at [start, end) (None: no date).

    ``other_dates`` are the sentence's other date phrases: when one shares the
    clause ("orbited on 19 August and landed the next day"), the title keeps to
    the part joined by 'and' that holds this date.
    """
    if start is None or end is None:
        masked = sentence
    else:
        left = _PREPOSITION_BEFORE.sub("", sentence[:start])
        masked = left + _MARK + sentence[end:]
    masked = re.sub(r"\s*\([^()]*\)", "", masked)
    masked = re.sub(r"[“”\"]", "", masked)
    if _MARK not in masked or start is None or end is None:  # no date phrase (the mark is set only with one)
        return _shorten(_whole_sentence(masked))
    clauses = _CLAUSE_SPLIT.split(masked)
    k = next(i for i, c in enumerate(clauses) if _MARK in c)
    clause = clauses[k]
    if any(a < start and b <= start or a >= end for a, b in other_dates) and re.search(r"\sand\s+[a-z]", clause):
        clause = _part_with_date(clause, sentence, other_dates, start, end)
    own = _clean(clause)
    opens_with_date = re.match(r"\s*(?:(?:and|but|while|when)\s+)?" + _MARK, clause)
    if opens_with_date and _DATE_AS_SUBJECT.match(own):  # '2 June 1955 is still celebrated as …'
        return _shorten(_clean(clause.replace(_MARK, sentence[start:end])))
    date_at_end = clause.rstrip(" .!?").endswith(_MARK)
    following = _clean(clauses[k + 1]) if k + 1 < len(clauses) else ""
    if len(_words(own)) >= 2 and _AUXILIARY.match(own):
        stripped_pronoun = _RELATIVE_PRONOUN.match(_CONNECTIVE.sub("", clause.strip()) or "")
        first = _clean(clauses[0]) if k > 0 else ""
        if k > 0 and not stripped_pronoun and 0 < len(_words(first)) <= 4 and not _APPOSITIVE.match(first):
            return _shorten(f"{first} {own}")  # 'Valentina Tereshkova' + 'was launched from Baikonur'
        return _shorten(_AUXILIARY.sub("", own))
    if len(_words(own)) >= 3 and not (date_at_end and _COMPLEMENTISER_END.search(own) and len(_words(following)) >= 3):
        return _shorten(own)
    if len(_words(following)) >= 3 and not _APPOSITIVE.match(following):
        return _shorten(following)
    return _shorten(_whole_sentence(masked))


def _part_with_date(clause: str, sentence: str, other_dates: tuple[tuple[int, int], ...], start: int, end: int) -> str:
    parts = re.split(r"\s+and\s+(?=[a-z])", clause)
    mine = next(p for p in parts if _MARK in p)
    if mine is parts[0]:
        return mine
    subject = _subject(parts[0])
    return f"{subject} {mine}" if subject else mine
