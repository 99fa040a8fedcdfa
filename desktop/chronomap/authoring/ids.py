"""Ids for exhibits, places and events: lower-case ASCII letters, digits and '-', unique."""

from __future__ import annotations

import re
import unicodedata

_TRAILING = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "with", "from", "as", "its", "his",
             "her", "their", "that", "was", "were", "is", "are"}


def make_id(text: str, fallback: str = "item", max_words: int = 6) -> str:
    """'The Soviet Union itself ceased to exist' → 'the-soviet-union-itself-ceased' (no dangling 'to')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:max_words]
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    slug = "-".join(words)[:60].strip("-")
    return slug or fallback


class IdMaker:
    """Hands out ids that are unique within one file: 'august-coup', 'august-coup-2', …"""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, text: str, fallback: str = "item") -> str:
        base = make_id(text, fallback)
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate
