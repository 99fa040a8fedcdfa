"""Echo what a person gave us, but never a whole 50 MB value: at most about 80 characters."""

from __future__ import annotations

import reprlib
from typing import Any

#: Characters of a found value quoted in a message; the rest is cut with "…".
QUOTE_LIMIT = 80

# reprlib stops early on big strings, lists, dicts and deep nesting, so quoting stays cheap
_REPR = reprlib.Repr()  # attributes, not keywords: Python 3.11 has no keyword form
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist, _REPR.maxtuple, _REPR.maxset = 3, 4, 4, 4, 4
_REPR.maxstring, _REPR.maxlong, _REPR.maxother = QUOTE_LIMIT + 4, QUOTE_LIMIT, QUOTE_LIMIT


def quote(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` cut to *limit* characters, ending in "…" when cut."""
    if isinstance(value, str):
        text = repr(value[: limit + 1])
        return text if len(value) <= limit and len(text) <= limit else text[: limit - 1] + "…"
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
