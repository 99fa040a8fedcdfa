"""The links of an article's document, as a keyboard reader steps through them.

Why apart from the panel: which stretches are one stop for ↓/↑ is a question about the document
alone. A passage is one link from its first word to its last — the place names in it are anchors of
their own, which cut the passage's anchor into pieces, and a stop at each piece would be a stop in
mid-sentence — and the place names follow it, each one stop.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def document_links(document: QTextDocument) -> list[tuple[int, int, str]]:
    """(start, end, href) of every link in *document*, in reading order; a passage ("event:…" link)
    before the place names inside it."""
    links: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        passage: tuple[int, int, str] | None = None  # the passage being read, so far
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            href = fmt.anchorHref() if fragment.isValid() and fmt.isAnchor() else ""
            start, end = fragment.position(), fragment.position() + fragment.length()
            if href.startswith("event:"):
                if passage is not None and passage[2] == href:
                    passage = (passage[0], end, href)
                else:
                    if passage is not None:
                        links.append(passage)
                    passage = (start, end, href)
            elif href:  # a place name: its own link; a passage around it goes on after it
                if links and links[-1][2] == href and links[-1][1] == start:
                    links[-1] = (links[-1][0], end, href)
                else:
                    links.append((start, end, href))
            elif passage is not None:  # plain text: the passage has ended
                links.append(passage)
                passage = None
            it += 1
        if passage is not None:
            links.append(passage)
        block = block.next()
    return sorted(links, key=lambda link: (link[0], -link[1]))
