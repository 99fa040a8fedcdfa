"""The article as a tree of sections, paragraphs and sentences with stable ids.

Ids are built from the section heading and positions inside it
(``the-december-events.p1.s4``), so an exhibit can point at a passage and
the reference survives edits to other sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TITLE = re.compile(r"^\s*=\s*(?P<text>[^=].*?)\s*=\s*$")
_HEADING = re.compile(r"^\s*(?P<marks>={2,6})\s*(?P<text>.*?)\s*(?P=marks)\s*$")
# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket)
# when whitespace and an upper-case letter, digit or opening quote follow.
_SENTENCE_END = re.compile(r"""[.!?][”"’')\]]*(?=\s+[“"‘'(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])""")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Dr.", "St.", "Gen.", "Lt.", "Col.", "e.g.", "i.e.", "etc.", "vs.", "No.", "U.S.")


class ArticleError(ValueError):
    """The article text cannot be used (empty, or not text)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]

    @property
    def announces_missing_quote(self) -> bool:
        """The paragraph introduces a quotation (ends with ':') that the article does not carry."""
        return self.text.rstrip().endswith(":")


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    heading: str | None
    level: int
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    sections: tuple[Section, ...]
    _index: dict[str, Paragraph | Sentence] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for paragraph in section.paragraphs:
                self._index[paragraph.id] = paragraph
                for sentence in paragraph.sentences:
                    self._index[sentence.id] = sentence

    def find(self, passage_id: str) -> Paragraph | Sentence | None:
        return self._index.get(passage_id)

    def ids(self) -> list[str]:
        return list(self._index)

    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    def sentence_ids(self, passage_id: str) -> tuple[str, ...]:
        """Sentences covered by a paragraph or sentence id."""
        item = self._index[passage_id]
        if isinstance(item, Paragraph):
            return tuple(s.id for s in item.sentences)
        return (item.id,)

    def missing_quotes(self) -> list[Paragraph]:
        return [p for p in self.paragraphs() if p.announces_missing_quote]


def slugify(text: str) -> str:
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return slug or "section"


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (shifted by ``offset``)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[:end].endswith(_ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", text[:end]):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(offset + a, offset + b) for a, b in spans]


def parse_article(text: str) -> Article:
    """Parse wiki-style text: '= Title =', '==Section==' headings, blank-line paragraphs."""
    if not text.strip():
        raise ArticleError("the article is empty")
    title: str | None = None
    sections: list[Section] = []
    current_heading: str | None = None
    current_level = 1
    current_id = "intro"
    paragraphs: list[Paragraph] = []
    used_ids: set[str] = set()

    def close_section() -> None:
        if paragraphs or current_heading is not None:
            sections.append(Section(current_id, current_heading, current_level, tuple(paragraphs)))

    pos = 0
    block_start: int | None = None
    block_lines: list[str] = []

    def flush_block(end: int) -> None:
        nonlocal block_start
        if block_start is None:
            return
        raw = text[block_start:end]
        stripped_end = block_start + len(raw.rstrip())
        body = text[block_start:stripped_end]
        number = len(paragraphs) + 1
        pid = f"{current_id}.p{number}"
        sentences = tuple(
            Sentence(f"{pid}.s{i}", a, b, text[a:b])
            for i, (a, b) in enumerate(split_sentences(body, block_start), start=1)
        )
        paragraphs.append(Paragraph(pid, block_start, stripped_end, body, sentences))
        block_start = None
        block_lines.clear()

    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        content = line.strip()
        heading = _HEADING.match(line)
        title_match = _TITLE.match(line) if not heading else None
        if title_match and title is None and not sections and not paragraphs:
            flush_block(line_start)
            title = title_match.group("text")
            continue
        if heading:
            flush_block(line_start)
            close_section()
            current_heading = heading.group("text")
            current_level = len(heading.group("marks"))
            base = slugify(current_heading)
            current_id, n = base, 2
            while current_id in used_ids:
                current_id, n = f"{base}-{n}", n + 1
            used_ids.add(current_id)
            paragraphs = []
            continue
        if not content:
            flush_block(line_start)
            continue
        if block_start is None:
            block_start = line_start + (len(line) - len(line.lstrip()))
        block_lines.append(line)
    flush_block(pos)
    close_section()
    if not any(s.paragraphs for s in sections):
        raise ArticleError("the article has no paragraphs of text")
    return Article(text=text, title=title, sections=tuple(sections))
