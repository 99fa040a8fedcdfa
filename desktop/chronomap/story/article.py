"""The article as a tree of sections, paragraphs and sentences with stable ids.

Ids are built from the section heading and positions inside it
(``the-december-events.p1.s4``), so an exhibit can point at a passage and
the reference survives edits to other sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

_TITLE = re.compile(r"^\s*=\s*(?P<text>[^=].*?)\s*=\s*$")
_HEADING = re.compile(r"^\s*(?P<marks>={2,6})\s*(?P<text>.*?)\s*(?P=marks)\s*$")
# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket, and by citation
# marks such as "[1]" or "[citation needed]") when whitespace and an upper-case letter, digit or
# opening quote follow.
_SENTENCE_END = re.compile(
    r"""[.!?][”"’')\]]*(?:\[(?:\d{1,3}|[a-z]|note\s+\d+|citation needed|clarification needed)\])*"""
    r"""(?=\s+[“"‘'(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])""")
# Words ending in a full stop that do not end a sentence: titles, 'c.' and 'ca.' before a year
# ('c. 1788'), 'fl.', 'b.', 'd.', and month abbreviations ('Sept. 1990').
_ABBREVIATIONS = frozenset((
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Ste.", "Mt.", "Ft.", "Gen.", "Lt.", "Col.", "Capt.", "Adm.", "Sgt.", "Rev.",
    "Sr.", "Jr.", "Prof.", "Gov.", "Pres.", "e.g.", "i.e.", "etc.", "vs.", "No.", "U.S.", "c.", "ca.", "C.", "Ca.",
    "fl.", "b.", "d.", "r.", "cf.", "approx.", "viz.", "vol.", "p.", "pp.", "ed.", "Jan.", "Feb.", "Mar.", "Apr.",
    "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "г.", "гг.", "ж.", "жж.", "им.", "ок.",
))
_LONGEST_ABBREVIATION = max(len(a) for a in _ABBREVIATIONS)
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(\[“\"‘'—–-]))\S+$")
# an initial ("A. Abenov") just before a sentence end; matched in place, never on a copy of the text so far
_INITIAL = re.compile(r"\b[A-Z]\.")
# ... but not a scanned day after a month ('on July I. The Republicans'): old texts' OCR reads 1 as I
_DAY_AFTER_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                              r"December)\s+[Il]\.$")


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
    """``aliases`` (translations only) send a main-article sentence id to the paragraph that holds it."""

    text: str
    title: str | None
    sections: tuple[Section, ...]
    aliases: dict[str, str] = field(default_factory=dict, repr=False, hash=False)
    _index: dict[str, Paragraph | Sentence] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for paragraph in section.paragraphs:
                self._index[paragraph.id] = paragraph
                for sentence in paragraph.sentences:
                    self._index[sentence.id] = sentence

    def find(self, passage_id: str) -> Paragraph | Sentence | None:
        item = self._index.get(passage_id)
        if item is None and passage_id in self.aliases:
            return self._index.get(self.aliases[passage_id])
        return item

    def ids(self) -> list[str]:
        return list(self._index)

    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    def sentence_ids(self, passage_id: str) -> tuple[str, ...]:
        """Sentences covered by a paragraph or sentence id (an aliased id: its whole paragraph)."""
        item = self.find(passage_id)
        if item is None:
            raise KeyError(passage_id)
        if isinstance(item, Paragraph):
            return tuple(s.id for s in item.sentences)
        return (item.id,)

    def missing_quotes(self) -> list[Paragraph]:
        return [p for p in self.paragraphs() if p.announces_missing_quote]


def slugify(text: str) -> str:
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return slug or "section"


def _is_abbreviation(text: str, stop: int) -> bool:
    """The word ending at ``stop`` (its full stop included) is one of :data:`_ABBREVIATIONS`."""
    if text[stop - 1] != ".":
        return False
    word = _LAST_WORD.search(text, max(0, stop - _LONGEST_ABBREVIATION - 1), stop)
    return word is not None and word.group().lstrip("(“\"‘'") in _ABBREVIATIONS


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (shifted by ``offset``)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        stop = match.start() + 1  # just after the full stop itself, before quotes and citation marks
        # a bounded window, not text[:end]: a copy per sentence end made long paragraphs quadratic
        closed = end > stop and text[stop] in ")]"  # '(See Egypt, etc.) Bonaparte left': the bracket ends it
        initial = stop >= 2 and _INITIAL.match(text, stop - 2, stop) and not _DAY_AFTER_MONTH.search(text, max(0, stop - 14), stop)
        if not closed and (_is_abbreviation(text, stop) or initial):
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
        # both patterns need '=' at each end of the stripped line; the test keeps them off long text lines
        marked = content[:1] == "=" and content[-1:] == "="
        heading = _HEADING.match(line) if marked else None
        title_match = _TITLE.match(line) if marked and not heading else None
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


class ArticleMismatch(ArticleError):
    """A translated article whose sections or paragraphs do not line up with the main article."""

    def __init__(self, issues: list[tuple[str, str]]):
        self.issues = issues  # (where, "found …; expected …")
        super().__init__("; ".join(f"{where}: {message}" for where, message in issues))


def _section_name(section: Section, number: int) -> str:
    return f"section {number} “{section.heading}”" if section.heading else f"section {number} (before the first heading)"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def align_article(translated: Article, main: Article) -> tuple[Article, list[str]]:
    """The translated article with the main article's ids, by position, and notes on what lines up only by paragraph.

    Sections and, in each, paragraphs must match in number (:class:`ArticleMismatch`
    otherwise).  Sentences keep the main ids when a paragraph has as many as the
    main one; if not, its sentences are numbered ``<paragraph>.t1…`` and every
    main sentence id of that paragraph is an alias of the paragraph.
    """
    if len(translated.sections) != len(main.sections):
        found = ", ".join(_section_name(s, i) for i, s in enumerate(translated.sections, 1))
        expected = ", ".join(_section_name(s, i) for i, s in enumerate(main.sections, 1))
        raise ArticleMismatch([("", f"found {_count(len(translated.sections), 'section')} ({found}); "
                                    f"expected {len(main.sections)}, as in the main article ({expected})")])
    issues: list[tuple[str, str]] = []
    for number, (ours, theirs) in enumerate(zip(translated.sections, main.sections, strict=True), start=1):
        if len(ours.paragraphs) != len(theirs.paragraphs):
            issues.append((_section_name(ours, number),
                           f"found {_count(len(ours.paragraphs), 'paragraph')}; expected {len(theirs.paragraphs)}, "
                           f"as in {_section_name(theirs, number)} of the main article"))
    if issues:
        raise ArticleMismatch(issues)

    notes: list[str] = []
    aliases: dict[str, str] = {}
    sections: list[Section] = []
    for number, (ours, theirs) in enumerate(zip(translated.sections, main.sections, strict=True), start=1):
        paragraphs: list[Paragraph] = []
        for position, (para, main_para) in enumerate(zip(ours.paragraphs, theirs.paragraphs, strict=True), start=1):
            pid = main_para.id
            if len(para.sentences) == len(main_para.sentences):
                sentences = tuple(replace(s, id=m.id) for s, m in zip(para.sentences, main_para.sentences, strict=True))
            else:
                sentences = tuple(replace(s, id=f"{pid}.t{i}") for i, s in enumerate(para.sentences, start=1))
                aliases.update({m.id: pid for m in main_para.sentences})
                notes.append(f"{_section_name(ours, number)}, paragraph {position} ({pid}): "
                             f"{_count(len(para.sentences), 'sentence')} here, {len(main_para.sentences)} in the main "
                             "article; its passages are highlighted as a whole paragraph")
            paragraphs.append(replace(para, id=pid, sentences=sentences))
        sections.append(replace(ours, id=theirs.id, paragraphs=tuple(paragraphs)))
    return Article(text=translated.text, title=translated.title, sections=tuple(sections), aliases=aliases), notes
