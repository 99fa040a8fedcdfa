"""An article for imported data: exhibits need passages, and TimelineJS or LPF files carry none.

One paragraph per imported item under a single section, so every event can
point at the paragraph that tells it.
"""

from __future__ import annotations

import re

from chronomap.story.article import parse_article


def _line(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.lstrip("=").strip() or "(no text)"


def article_for(title: str, intro: str | None, section: str, paragraphs: list[str]) -> tuple[str, list[str]]:
    """The article text and the ids of ``paragraphs`` in it, in order."""
    parts = [f"= {_line(title).replace('=', '-')} =", ""]
    if intro and intro.strip():
        parts += [_line(intro), ""]
    parts += [f"=={_line(section).replace('=', '-')}=="]
    for index, paragraph in enumerate(paragraphs):
        if index:
            parts.append("")
        parts.append(_line(paragraph))
    text = "\n".join(parts) + "\n"
    article = parse_article(text)
    body = [s for s in article.sections if s.heading is not None][-1]
    return text, [p.id for p in body.paragraphs]
