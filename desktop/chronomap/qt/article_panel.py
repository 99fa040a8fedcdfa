"""The article beside the map, with the passage being told highlighted.

The document is built once per language and look; a change of moment only
swaps the extra selections (a cheap overlay) and scrolls, it never re-lays out
the text. Sentences are links to their event; place names are links to the map.
A language the exhibit has no article in gets a note, in that language, and
the exhibit's own text: nothing is machine-translated here. In the editor the
place names a draft's review is about carry their status instead
(:meth:`ArticlePanel.set_review_marks`); visitors never see those marks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QWidget

from chronomap.qt import theme
from chronomap.qt.article_links import document_links
from chronomap.session import Look
from chronomap.story.model import Exhibit

if TYPE_CHECKING:  # the explorer and the kiosk draw no review marks: they never load the authoring package
    from chronomap.authoring.review_marks import PlaceMark

# The statuses of chronomap.authoring.review_marks (tests/gui/test_studio_review_events.py holds them together).
CONFIRMED, GUESSED, UNRESOLVED = "confirmed", "guessed", "unresolved"

# The text property a review mark's status is kept in (ask the document's character format for it).
REVIEW_STATUS = QTextFormat.Property.UserProperty + 1
# Three looks that differ without colour: solid for confirmed, dashed for guessed, wavy for unresolved.
REVIEW_UNDERLINES = {CONFIRMED: QTextCharFormat.UnderlineStyle.SingleUnderline,
                     GUESSED: QTextCharFormat.UnderlineStyle.DashUnderline,
                     UNRESOLVED: QTextCharFormat.UnderlineStyle.WaveUnderline}


def _place_patterns(exhibit: Exhibit, lang: str) -> list[tuple[re.Pattern[str], str]]:
    """Every name of every place as the article's language writes it (and the English ones)."""
    patterns = []
    for place in exhibit.places.values():
        names = {place.names.en, *place.names.alt, *(h.en for h, _ in place.historical_names)}
        in_lang = (getattr(place.names, lang, None), *(getattr(h, lang, None) for h, _ in place.historical_names))
        names |= {name for name in in_lang if name is not None}
        for name in sorted(names, key=len, reverse=True):
            patterns.append((re.compile(rf"\b{re.escape(name)}\b"), place.id))
    return patterns


class ArticlePanel(QTextBrowser):
    passage_clicked = Signal(str)  # an event id
    place_clicked = Signal(str)  # a place id
    review_mark_clicked = Signal(object)  # a PlaceMark (in the editor only)

    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None, *, base_size: int = 15):
        super().__init__(parent)
        self.exhibit = exhibit
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._lang = exhibit.language
        self._look = Look()
        self.shown_language = exhibit.language
        self._base_size = base_size
        self._sentence_ranges: dict[str, tuple[int, int]] = {}
        self._event_for_sentence: dict[str, str] = {}
        self._highlighted: tuple[str, ...] = ()
        self._scroll_target: tuple[str, ...] = ()
        self._shown_highlight: tuple[str, ...] = ()
        self._document: QTextDocument | None = None  # the document we built, to delete when replaced
        self._review_marks: list[PlaceMark] | None = None  # the editor's review marks; None for visitors
        self._marks_by_sentence: dict[str, list[tuple[int, PlaceMark]]] = {}
        self._links: list[tuple[int, int, str]] | None = None  # the document's links in order (see links())
        # Pinned above the text (in the viewport's top margin), so it stays in view however far
        # the article is scrolled to the passage being told.
        self._note = QLabel(self)
        self._note.setObjectName("articleLanguageNote")
        self._note.setWordWrap(True)
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        self._note.hide()
        self._note_px = 0
        self.retranslate()
        self._build()
        self.anchorClicked.connect(self._on_anchor)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Article"))
        description = self.tr(
            "The article text. The passage being told is highlighted; sentences link to their event and "
            "place names to the map (the Down and Up arrow keys move between links, Enter follows one, "
            "Tab goes on past the article)")
        if self._review_marks is not None:
            description += " " + self.tr(
                "Reviewing a draft: each place name the machine found is underlined by its status, solid when "
                "confirmed, dashed when guessed, wavy and in italics when unresolved; Enter on one selects it "
                "in the review")
        self.setAccessibleDescription(description)
        self.verticalScrollBar().setAccessibleName(self.tr("Scroll the article"))
        self.horizontalScrollBar().setAccessibleName(self.tr("Scroll the article sideways"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """Show the article in *lang*, or say it is missing and show the exhibit's own."""
        if lang != self._lang:
            self._lang = lang
            self.refresh()

    def set_look(self, look: Look) -> None:
        """Draw the article with *look* (the session's)."""
        if look != self._look:
            self._look = look
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the document (language or look changed), keeping the highlight and scroll target."""
        highlighted, self._highlighted = self._highlighted, ()
        self._sentence_ranges.clear()
        self._build()
        self.show_passages(highlighted, self._scroll_target)

    def set_review_marks(self, marks: list[PlaceMark] | None) -> None:
        """Mark the place names a review is about with their status (None: the visitors' article again)."""
        if marks == self._review_marks:
            return
        self._review_marks = list(marks) if marks is not None else None
        self._marks_by_sentence = {}
        for number, mark in enumerate(self._review_marks or ()):
            self._marks_by_sentence.setdefault(mark.sentence_id, []).append((number, mark))
        self.retranslate()  # the description says what the marks mean while they are shown
        self.refresh()

    def review_marks(self) -> list[PlaceMark] | None:
        return self._review_marks

    def missing_language_note(self) -> str:
        """Said in the interface language, which is the language asked for."""
        return self.tr("This article is not available in English; it is shown in the language it was written in.",
                       "shown when the exhibit has no article in the interface language")

    # -- building the document once ----------------------------------------
    def _formats(self) -> dict[str, QTextCharFormat]:
        body = QTextCharFormat()
        body.setFontFamilies([theme.SERIF_FAMILY, "serif"])
        c = theme.colours(self._look)
        size = self._base_size * 0.75 * theme.type_scale(self._look)
        body.setFontPointSize(size)
        body.setForeground(c.ink)
        title = QTextCharFormat(body)
        title.setFontPointSize(size * 1.7)
        title.setFontWeight(QFont.Weight.Bold)
        heading = QTextCharFormat(body)
        heading.setFontPointSize(size * 1.25)
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setForeground(c.accent_dark)
        missing = QTextCharFormat(body)
        missing.setFontItalic(True)
        missing.setForeground(c.muted_text)
        place = QTextCharFormat(body)
        place.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        place.setUnderlineColor(c.accent)
        formats = {"body": body, "title": title, "heading": heading, "missing": missing, "place": place}
        for status, underline in REVIEW_UNDERLINES.items():
            mark = QTextCharFormat(body)
            mark.setUnderlineStyle(underline)
            # high contrast: black on white, the underline's shape alone tells the status
            mark.setUnderlineColor(c.ink if self._look.high_contrast else
                                   {CONFIRMED: c.ink, GUESSED: c.accent_dark, UNRESOLVED: c.accent}[status])
            if status == UNRESOLVED:
                mark.setFontItalic(True)
            mark.setProperty(REVIEW_STATUS, status)
            formats[f"review-{status}"] = mark
        return formats

    def _build(self) -> None:
        document = QTextDocument(self)
        document.setDocumentMargin(18)
        cursor = QTextCursor(document)
        formats = self._formats()
        article, self.shown_language = self.exhibit.article_in(self._lang)
        self._article = article
        # A translation whose paragraph has another number of sentences answers for the main
        # article's sentence ids with its own (the whole paragraph): links and highlights follow it.
        self._event_for_sentence = {}
        for event in self.exhibit.events:
            for sid in event.sentence_ids:
                for shown in self._shown_ids(sid):
                    self._event_for_sentence.setdefault(shown, event.id)
        patterns = _place_patterns(self.exhibit, self.shown_language)
        text = article.text
        block = QTextBlockFormat()
        block.setBottomMargin(10)
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        first = True

        def new_block(fmt: QTextBlockFormat) -> None:
            nonlocal first
            if first:
                cursor.setBlockFormat(fmt)
                first = False
            else:
                cursor.insertBlock(fmt)

        if article.title:
            title_block = QTextBlockFormat(block)
            title_block.setBottomMargin(14)
            new_block(title_block)
            cursor.insertText(article.title, formats["title"])
        for section in article.sections:
            if section.heading:
                heading_block = QTextBlockFormat(block)
                heading_block.setTopMargin(12)
                new_block(heading_block)
                cursor.insertText(section.heading, formats["heading"])
            for paragraph in section.paragraphs:
                new_block(block)
                last_end = paragraph.start
                for sentence in paragraph.sentences:
                    if sentence.start > last_end:
                        cursor.insertText(text[last_end:sentence.start], formats["body"])
                    start_pos = cursor.position()
                    self._insert_sentence(cursor, sentence.id, sentence.text, formats, patterns)
                    self._sentence_ranges[sentence.id] = (start_pos, cursor.position())
                    last_end = sentence.end
                if paragraph.announces_missing_quote:
                    missing_block = QTextBlockFormat(block)
                    missing_block.setLeftMargin(24)
                    new_block(missing_block)
                    cursor.insertText("[{}]".format(self.tr("The quotation announced here is missing from the source text.")),
                                      formats["missing"])
        self.setDocument(document)
        self._links = None
        # A language or look change rebuilds the document; the one it replaces is ours to delete
        # (QTextEdit deletes only the document it made itself).
        previous, self._document = self._document, document
        if previous is not None:
            previous.deleteLater()
        self._show_note()

    def _show_note(self) -> None:
        missing = self.shown_language != self._lang
        self._note.setText(self.missing_language_note() if missing else "")
        self._note_px = 0  # (its type is chosen for the room there is: see _place_note)
        self._note.setVisible(missing)
        self._place_note()

    def _style_note(self, px: int, tight: bool) -> None:
        if px != self._note_px:
            self._note_px = px
            c = theme.colours(self._look)
            self._note.setStyleSheet(f"background: {c.panel.name()}; color: {c.ink.name()}; font-style: italic; "
                                     f"font-size: {px}px; padding: {4 if tight else 8}px 18px; "
                                     f"border-bottom: 1px solid {c.track.name()};")
            self._note.ensurePolished()  # measured in its own style sheet's type, not the default one

    def _place_note(self) -> None:
        """The note across the top, as tall as its words; in smaller type where at full size it would
        take more than half a short panel (a kiosk at 1280×720 in large type: it filled the article's
        whole box, its last line cut, and no line of the article was left)."""
        # (isHidden, not isVisible: while the window is being shown nothing is visible yet, and the note
        # was left at an old size, cut to two of its three lines over the text, on a kiosk at 1280×720)
        if self._note.isHidden():
            self.setViewportMargins(0, 0, 0, 0)
            return
        frame = self.frameWidth()
        width = self.width() - 2 * frame
        full = round(self._base_size * theme.type_scale(self._look))
        for px in (full, round(full * 0.8), round(full * 0.65)):
            self._style_note(px, tight=px != full)
            height = self._note.heightForWidth(width) if self._note.hasHeightForWidth() else self._note.sizeHint().height()
            if height <= self.height() // 2:
                break
        self._note.setGeometry(frame, frame, width, height)
        self.setViewportMargins(0, height, 0, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_note()
        # a new width re-flows the text (a window resized, large type, the side panel re-laid):
        # the passage being told must stay in view, whatever the layout did to it
        self._keep_target_in_view()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._keep_target_in_view()  # the moment may have been set before the panel had a size

    # -- the keyboard: one Tab stop, the arrows between links ---------------------------------------
    def _keyboard_links(self) -> bool:
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab go on to the next control, not to the next link (QTextBrowser's way)."""
        return QWidget.focusNextPrevChild(self, forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, plain = event.key(), event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if self._keyboard_links() and plain and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self.step_link(key == Qt.Key.Key_Down):
                event.accept()
                return
        super().keyPressEvent(event)  # (no link that way: the arrow scrolls, as before)

    def links(self) -> list[tuple[int, int, str]]:
        """Every link of the article on show, in reading order (see :func:`document_links`)."""
        if self._links is None:
            self._links = document_links(self.document())
        return self._links

    def focused_link(self) -> str | None:
        """The link ↓/↑ came to (Enter follows it), if any."""
        index = self._selected_link()
        return self.links()[index][2] if index is not None else None

    def _selected_link(self) -> int | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        span = (cursor.selectionStart(), cursor.selectionEnd())
        return next((i for i, (a, b, _) in enumerate(self.links()) if (a, b) == span), None)

    def step_link(self, forward: bool) -> bool:
        """Select the next (or previous) link after the one selected, or from the top (bottom) of what is
        in view; False when there is none that way."""
        links = self.links()
        index = self._selected_link()
        if index is not None:
            index += 1 if forward else -1
        else:  # from what the reader sees, not from wherever the text cursor was left
            edge = QPoint(0, 0) if forward else QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
            here = self.cursorForPosition(edge).position()
            index = (next((i for i, link in enumerate(links) if link[0] >= here), len(links)) if forward
                     else next((i for i in reversed(range(len(links))) if links[i][1] <= here), -1))
        if not 0 <= index < len(links):
            return False
        chosen = QTextCursor(self.document())
        chosen.setPosition(links[index][0])
        chosen.setPosition(links[index][1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(chosen)
        self.ensureCursorVisible()
        return True

    def language_note(self) -> str:
        """The note on show above the article ('' when the article is in the language asked for)."""
        return self._note.text() if self._note.isVisible() else ""

    def _insert_sentence(self, cursor: QTextCursor, sentence_id: str, text: str,
                         formats: dict[str, QTextCharFormat], patterns) -> None:
        event_id = self._event_for_sentence.get(sentence_id)
        body = QTextCharFormat(formats["body"])
        if event_id:
            body.setAnchor(True)
            body.setAnchorHref(f"event:{event_id}")
        spans: list[tuple[int, int, str]] = []
        if self._review_marks is not None and self.shown_language == self.exhibit.language:
            spans = [(m.start, m.end, f"review:{n}") for n, m in self._marks_by_sentence.get(sentence_id, ())]
        else:
            for pattern, place_id in patterns:
                for match in pattern.finditer(text):
                    if all(match.end() <= a or match.start() >= b for a, b, _ in spans):
                        spans.append((match.start(), match.end(), f"place:{place_id}"))
        pos = 0
        for a, b, href in sorted(spans):
            cursor.insertText(text[pos:a], body)
            if href.startswith("review:"):
                mark = self._review_marks[int(href[7:])] if self._review_marks else None
                place_format = QTextCharFormat(formats[f"review-{mark.status if mark else CONFIRMED}"])
            else:
                place_format = QTextCharFormat(formats["place"])
            place_format.setAnchor(True)
            place_format.setAnchorHref(href)
            cursor.insertText(text[a:b], place_format)
            pos = b
        cursor.insertText(text[pos:], body)

    def _shown_ids(self, sentence_id: str) -> tuple[str, ...]:
        """The sentences of the article on show that stand for a main-article sentence id."""
        try:
            return self._article.sentence_ids(sentence_id)
        except KeyError:
            return ()

    # -- the moment --------------------------------------------------------
    def show_passages(self, sentence_ids: tuple[str, ...], scroll_to: tuple[str, ...] = ()) -> None:
        """Highlight these sentences; scroll the first of ``scroll_to`` into view."""
        if sentence_ids == self._highlighted:
            return
        self._highlighted = sentence_ids
        self._scroll_target = scroll_to
        selections = []
        focus_fmt = QTextCharFormat()
        focus_fmt.setBackground(theme.colours(self._look).highlight_bg)
        other_fmt = QTextCharFormat()
        other_fmt.setBackground(theme.colours(self._look).secondary_bg)
        focus_set = {shown for sid in scroll_to for shown in self._shown_ids(sid)}
        shown_ids = list(dict.fromkeys(shown for sid in sentence_ids for shown in self._shown_ids(sid)))
        self._shown_highlight = tuple(sid for sid in shown_ids if sid in self._sentence_ranges)
        for sid in shown_ids:
            if sid not in self._sentence_ranges:
                continue
            a, b = self._sentence_ranges[sid]
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(a)
            selection.cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            selection.format = focus_fmt if sid in focus_set or not focus_set else other_fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        self._keep_target_in_view()

    def _target_range(self) -> tuple[int, int] | None:
        target = next((s for sid in self._scroll_target for s in self._shown_ids(sid) if s in self._sentence_ranges), None)
        return self._sentence_ranges[target] if target is not None else None

    def target_rect(self) -> QRect | None:
        """Where the passage being told is, in viewport coordinates (None when there is none)."""
        span = self._target_range()
        if span is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        top = self.cursorRect(cursor)
        cursor.setPosition(span[1])
        return top.united(self.cursorRect(cursor))

    def _keep_target_in_view(self) -> None:
        span = self._target_range()
        if span is not None and self.viewport().height() > 0:
            self._scroll_to(*span)

    def _scroll_to(self, start: int, end: int) -> None:
        """Bring the passage into view: a quarter down, higher if that would cut its end, its
        beginning at the top if it is taller than the panel."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        bottom = self.cursorRect(cursor).bottom()
        cursor.setPosition(start)
        top = self.cursorRect(cursor).top()
        viewport_h = self.viewport().height()
        height = bottom - top
        if top >= 0 and (bottom <= viewport_h or (height > viewport_h and top == 0)):
            return
        wanted_top = max(0, min(max(24, viewport_h // 4), viewport_h - height))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - wanted_top)

    def highlighted_sentences(self) -> tuple[str, ...]:
        """The main article's sentence ids asked for (as the timeline gives them)."""
        return self._highlighted

    def shown_highlights(self) -> tuple[str, ...]:
        """The sentences actually highlighted in the article on show (a translation may differ)."""
        return self._shown_highlight

    def sentence_range(self, sentence_id: str) -> tuple[int, int]:
        return self._sentence_ranges[sentence_id]

    def anchor_for_sentence(self, sentence_id: str) -> str | None:
        event_id = self._event_for_sentence.get(sentence_id)
        return f"event:{event_id}" if event_id else None

    def _on_anchor(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "event" and self.exhibit.has_event(value):
            self.passage_clicked.emit(value)
        elif kind == "place" and value in self.exhibit.places:
            self.place_clicked.emit(value)
        elif kind == "review" and self._review_marks and value.isdigit() and int(value) < len(self._review_marks):
            self.review_mark_clicked.emit(self._review_marks[int(value)])
