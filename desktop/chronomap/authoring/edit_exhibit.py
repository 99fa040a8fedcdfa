"""Commands on the exhibit's own texts: title and subtitle per language, the period, the article's provenance.

Pure Python, no Qt; each command is one undoable step of :class:`~chronomap.authoring.edit_core.EditorCore`.
"""

from __future__ import annotations

import copy
from typing import Any

from chronomap.authoring.edit_core import (
    ARTICLE_FIELDS,
    CREDIT_FIELDS,
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

    def set_map_bounds(self, south: float, west: float, north: float, east: float) -> None:
        """The map's first frame (``map.bounds``), e.g. the view the curator is looking at; rounded to 0.01°."""
        (south, west), (north, east) = (self._point(south, west).values(), self._point(north, east).values())
        box = [[round(south, 2), round(west, 2)], [round(north, 2), round(east, 2)]]
        if not (box[0][0] < box[1][0] and box[0][1] < box[1][1]):
            raise EditError("bounds", f"found {box}; expected ((south, west), (north, east)) with south < north and west < east")

        def mutate(docs: dict[str, Any]) -> None:
            docs[EXHIBIT_FILE].setdefault("map", {})["bounds"] = box

        self._apply("Set map frame", mutate, places=True)

    def credits(self) -> list[dict[str, Any]]:
        """The exhibit's credits (copies: change them only through the commands)."""
        return copy.deepcopy(list(self.meta.get("credits") or []))

    def add_credit(self, what: str, text: str) -> int:
        """A new credit line ('Photographs', 'Museum archive'); returns its index."""
        if not what.strip() or not text.strip():
            raise EditError("credit", "a credit needs what it is for and its text")
        index = len(self.meta.get("credits") or [])

        def mutate(docs: dict[str, Any]) -> None:
            docs[EXHIBIT_FILE].setdefault("credits", []).append({"what": what.strip(), "text": text.strip()})

        self._apply("Edit credits", mutate, places=True)
        return index

    def remove_credit(self, index: int) -> None:
        credits = self.meta.get("credits") or []
        if not 0 <= index < len(credits):
            raise EditError("credit", f"found no credit number {index + 1}")

        def mutate(docs: dict[str, Any]) -> None:
            meta = docs[EXHIBIT_FILE]
            del meta["credits"][index]
            if not meta["credits"]:
                del meta["credits"]

        self._apply("Edit credits", mutate, places=True)

    def set_credit(self, index: int, field: str, text: str, lang: str | None = None) -> None:
        """One field of a credit, in the main language or (what, text) a translation; empty: not stated."""
        if field not in CREDIT_FIELDS:
            raise EditError(field, f"found {field!r}; expected one of {', '.join(CREDIT_FIELDS)}")
        credits = self.meta.get("credits") or []
        if not 0 <= index < len(credits):
            raise EditError("credit", f"found no credit number {index + 1}")
        main = lang is None or lang == self.main_language
        if not main and field not in ("what", "text"):
            raise EditError(field, "only what a credit is for and its text are translated")
        if main and field in ("what", "text") and not text.strip():
            raise EditError(field, f"a credit needs its {'text' if field == 'text' else 'subject'}")

        def mutate(docs: dict[str, Any]) -> None:
            credit = docs[EXHIBIT_FILE]["credits"][index]
            target = credit if main else credit.setdefault("translations", {}).setdefault(lang, {})
            if text.strip():
                target[field] = text.strip()
            else:
                target.pop(field, None)
            if not main and not target:
                del credit["translations"][lang]
                if not credit["translations"]:
                    del credit["translations"]

        self._apply("Edit credits", mutate, places=True, key=("credit", str(index), field, lang or self.main_language))
