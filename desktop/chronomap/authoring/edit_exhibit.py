"""Commands on the exhibit's own texts: title and subtitle per language, the period, the article's provenance.

Pure Python, no Qt; each command is one undoable step of :class:`~chronomap.authoring.edit_core.EditorCore`.
"""

from __future__ import annotations

from typing import Any

from chronomap.authoring.edit_core import (
    ARTICLE_FIELDS,
    EXHIBIT_TEXTS,
    EditError,
    EditorCore,
)
from chronomap.story.dates import DateError, parse_date
from chronomap.story.loader import EXHIBIT_FILE


class ExhibitCommands(EditorCore):
    """The exhibit's own texts and period."""

    def set_exhibit_text(self, field: str, text: str, lang: str | None = None) -> None:
        """The exhibit's title or subtitle, in the main language or a translation (empty: none)."""
        if field not in EXHIBIT_TEXTS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(EXHIBIT_TEXTS)}")
        main = lang is None or lang == self.main_language
        if main and field == "title" and not text.strip():
            raise EditError("title", "an exhibit needs a title")

        def mutate(docs: dict[str, Any]) -> None:
            meta = docs[EXHIBIT_FILE]
            target = meta if main else meta.setdefault("translations", {}).setdefault(lang, {})
            if text.strip():
                target[field] = text
            else:
                target.pop(field, None)
            if not main and not target:
                del meta["translations"][lang]
                if not meta["translations"]:
                    del meta["translations"]

        self._apply(f"Edit exhibit {field}", mutate, key=("exhibit", field, lang or self.main_language))

    def set_article_info(self, field: str, text: str) -> None:
        """Where the article comes from and its licence; empty stays empty (null), never invented."""
        if field not in ARTICLE_FIELDS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(ARTICLE_FIELDS)}")

        def mutate(docs: dict[str, Any]) -> None:
            docs[EXHIBIT_FILE].setdefault("article", {})[field] = text.strip() or None

        self._apply(f"Edit article {field}", mutate, key=("article", field))

    def set_period(self, text: str) -> None:
        """The exhibit's period (EDTF); ``check`` then says which events fall outside it."""
        try:
            value = parse_date(text).edtf
        except DateError as exc:
            raise EditError("period", str(exc)) from None

        def mutate(docs: dict[str, Any]) -> None:
            docs[EXHIBIT_FILE]["period"] = value

        self._apply("Set period", mutate, key=("period",))
