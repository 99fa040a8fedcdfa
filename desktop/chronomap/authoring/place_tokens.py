"""The words of a sentence as the place finder sees them: tokens, which run together, and which can make one name.

Kept apart from the finder (places_in_text) so each stays small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:St|Ste|Mt|Ft)\.(?=\s+[A-Z])|[^\W\d_](?:[\w'’-]*\w)?")
CONNECTORS = {"de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "of", "on", "upon", "am", "an",
              "der", "den", "el", "al", "and"}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str) -> list[Token]:
    """The words of ``text``, a possessive's ending cut off ('Lisbon's' is 'Lisbon')."""
    out = []
    for match in TOKEN.finditer(text):
        word, end = match.group(), match.end()
        if word.endswith(("’s", "'s")) and len(word) > 3:
            word, end = word[:-2], end - 2
        elif word.endswith(("s’", "s'")):
            word, end = word[:-1], end - 1
        out.append(Token(match.start(), end, word))
    return out


def joined(text: str, a: Token, b: Token) -> bool:
    """Two tokens written as parts of one name: only spaces between them."""
    gap = text[a.end:b.start]
    return bool(gap) and gap.strip() == "" and "\n" not in gap


def name_shape(text: str, run: list[Token]) -> bool:
    """Whether a run of words can be one name: capitalised at its end, joined by spaces, inner words capitalised or connectors."""
    if not run[-1].capital:
        return False
    for a, b in zip(run, run[1:], strict=False):
        if not joined(text, a, b) or not (b.capital or b.text in CONNECTORS):
            return False
    return True
