"""The desk's event card: the event in focus, or a place's details, as rich text with links.

Its pictures and recordings are in :attr:`DeskCard.media`, a panel the layout puts under the card
(a label cannot hold widgets); the card fills it whenever it shows an event or a place.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from chronomap.desk.media_panel import MediaPanel
from chronomap.i18n import NATIVE_NAMES
from chronomap.qt import theme
from chronomap.qt.session import Look, Moment
from chronomap.story.model import Exhibit
from chronomap.story.place_facts import PlaceFacts


class DeskCard(QLabel):
    """Place names are ``place:`` links, a place's events ``event:`` links (see :attr:`place_link`)."""

    place_link = Signal(str)
    event_link = Signal(str)

    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None):
        super().__init__(parent)
        self.exhibit = exhibit
        self.setObjectName("card")
        self._height_for: tuple[str, int] | None = None  # (text, width) of the height kept in _height
        self._height = 0
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.linkActivated.connect(self._on_link)
        # the event's or place's media, for the layout to place under the card
        self.media = MediaPanel(parent)
        self.media.tab_after = self  # Tab goes from the card into its pictures

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """QLabel's answer, kept per text and width: for rich text Qt lays the whole document out again at
        every call, and one change of the card asked ~8 times (the window's layout, the scroll area around
        it, their size hints; py-spy over bench_explorer's changes)."""
        if self._height_for != (self.text(), width):
            self._keep_height(width)
        return self._height

    def _keep_height(self, width: int) -> None:
        self._height_for, self._height = (self.text(), width), super().heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The text laid out for the new size now, not in the paint that follows.

        Why: a resized QLabel lays its rich text out again in its next paint, and its text control then
        asks for a repaint: a card of a new height was painted twice, the second pass a turn later, in front
        of the map page's answer to the next change (about half of bench_explorer's changes). Asked here,
        outside the paint, the repaint falls into the pass that comes anyway; the height is kept."""
        super().resizeEvent(event)
        self._keep_height(self.width())  # (asked even when kept: the asking lays the text out)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange):
            self._height_for = None  # the same text takes another height
        super().changeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Tab lands on the first link (Shift+Tab on the last): one press per link, no stop with none chosen."""
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason) and "href=" in self.text():
            super().focusNextPrevChild(reason == Qt.FocusReason.TabFocusReason)

    def _on_link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "place":
            self.place_link.emit(value)
        elif kind == "event":
            self.event_link.emit(value)

    def show_moment(self, moment: Moment, language: str, look: Look) -> None:
        self.setText(self.event_html(moment, language, look))
        focus = moment.state.focus
        self.media.show_media(focus.media if focus else (), language, look)

    def show_place(self, facts: PlaceFacts, language: str, look: Look) -> None:
        self.setText(self.place_html(facts, language, look))
        place = self.exhibit.places.get(facts.place_id)
        self.media.show_media(place.media if place else (), language, look)

    def event_html(self, moment: Moment, lang: str, look: Look) -> str:
        focus = moment.state.focus
        c = theme.colours(look)
        if focus is None:
            return (f"<b>{html.escape(self.exhibit.title_in(lang))}</b><br>"
                    f"{html.escape(self.exhibit.subtitle_in(lang) or '')}")
        places = ", ".join(
            f'<a href="place:{p.place.id}" style="color:{c.accent_dark.name()}">'
            f"{html.escape(p.place.label_at(focus.span.start, lang))}</a> <span style='color:{c.muted_text.name()}'>"
            f"({html.escape(focus.role_in(p.place.id, lang))})</span>"
            for p in focus.places
        )
        date_note = focus.date_note_in(lang)
        note_text = self.tr("Date: {note}").format(note=date_note) if date_note else ""
        note = (f"<p style='color:{c.muted_text.name()}; font-size:{theme.px(12, look)}px'>{html.escape(note_text)}</p>"
                if date_note else "")
        return (f"<p style='font-size:{theme.px(17, look)}px; font-family:\"{theme.SERIF_FAMILY}\"; margin:0'>"
                f"<b>{html.escape(focus.title_in(lang))}</b></p>"
                f"<p style='color:{c.accent_dark.name()}; margin:2px 0 6px 0'>{html.escape(focus.span.label(lang))}</p>"
                f"<p style='margin:0 0 6px 0'>{html.escape(focus.summary_in(lang))}</p>"
                f"<p style='margin:0'>{places}</p>{note}")

    def place_html(self, facts: PlaceFacts, lang: str, look: Look) -> str:
        c = theme.colours(look)
        # The names in the other two languages (each language's own name for itself labels them).
        names = [f"{NATIVE_NAMES[other]}: {html.escape(value)}" for other, value in facts.other_names]
        names += [html.escape(self.tr("until {date}: {name}").format(date=until, name=name))
                  for until, name in facts.historical_names]
        kinds = {"city": self.tr("city"), "region": self.tr("region"), "republic": self.tr("republic"), "state": self.tr("state")}
        lines = [f"<p style='font-size:{theme.px(17, look)}px; margin:0'><b>{html.escape(facts.label)}</b> "
                 f"<span style='color:{c.muted_text.name()}'>{kinds.get(facts.kind, facts.kind)}</span></p>"]
        if names:
            lines.append(f"<p style='margin:2px 0'>{'; '.join(names)}</p>")
        if facts.description:
            lines.append(f"<p style='margin:4px 0'>{html.escape(facts.description)}</p>")
        if facts.distance_km is not None:
            distance = self.tr("{km} km from {place} (geodesic)").format(
                km=QLocale().toString(float(facts.distance_km), "f", 0), place=facts.distance_from)
            lines.append(f"<p style='margin:4px 0'>{html.escape(distance)}</p>")
        if facts.events:
            items = "".join(f"<li><a href='event:{e.id}' style='color:{c.accent_dark.name()}'>"
                            f"{html.escape(e.span.label(lang))}: {html.escape(e.title_in(lang))}</a></li>" for e in facts.events)
            lines.append(f"<ul style='margin:2px 0 0 -20px'>{items}</ul>")
        return "".join(lines)
