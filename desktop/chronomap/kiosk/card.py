"""The kiosk's event card: large labels for the event in focus, a button per place, a place's details.

It is the kiosk's :class:`~chronomap.qt.presenter.EventCard`: the presenter
hands it the moment or a place's facts; the card only lays them out for a
finger and a reader a step away. The date and the title stand above the
words and never scroll (a place's details used to scroll the card and cut the
event's title off); the summary and the details scroll when they must (a long
summary in large type is never cut); the place buttons stay in view below them.
The card also hands the event's pictures and recordings to :attr:`KioskCard.media` (the layout puts
that strip under the map); a place with media of its own shows them there instead.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QScroller, QVBoxLayout, QWidget

from chronomap.i18n import NATIVE_NAMES
from chronomap.kiosk.media_strip import MediaStrip
from chronomap.kiosk.scroll_cue import ScrollCue
from chronomap.kiosk.texts import palette
from chronomap.kiosk.widgets import FlowLayout, big_button, describe
from chronomap.qt.session import Look, Moment
from chronomap.story.media import MediaItem
from chronomap.story.model import Exhibit
from chronomap.story.place_facts import PlaceFacts

MAX_PLACE_CHIPS = 6
CARD_SIDE_MARGIN = 36
CHIP_PADDING = 64  # a place button's padding and border, both sides (kiosk style sheet)
#: The languages, the card and its places take at most this share of the side panel's height.
CARD_MAX_SHARE = 0.72
#: The words get at least this much (a line or two) when the share leaves less, but never so much
#: that the article below is left with less than ARTICLE_LEAST (px), or ARTICLE_LEAST_BESIDE_A_PLACE
#: while a place's details are shown (what the visitor just asked for comes first).
WORDS_LEAST, ARTICLE_LEAST, ARTICLE_LEAST_BESIDE_A_PLACE = 64, 100, 1
#: Less room than this for the words and they get none (half a line would only look broken).
WORDS_SLIVER = 32


def _label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class KioskCard(QObject):
    """Three widgets in the side panel *panel* (its size bounds them): :attr:`header` with the date and
    the title, :attr:`card_scroll` with the words and :attr:`places` with the place buttons.
    *reserved* gives the height the panel spends above them (the language buttons). Emits
    ``place_chosen(place_id)``; :meth:`retranslate` is the layout's to call."""

    place_chosen = Signal(str)

    def __init__(self, exhibit: Exhibit, panel: QWidget, reserved: Callable[[], int], media: MediaStrip,
                 high_contrast: bool = False):
        super().__init__(panel)
        self.exhibit = exhibit
        self.panel = panel
        self.reserved = reserved
        self.header = QWidget(panel)
        self.header.setObjectName("kCardHeader")
        heading = self._heading = QVBoxLayout(self.header)
        heading.setContentsMargins(CARD_SIDE_MARGIN, 18, CARD_SIDE_MARGIN, 0)
        heading.setSpacing(10)
        self.card_date = _label("kCardDate", self.header)
        self.card_title = _label("kCardTitle", self.header)
        heading.addWidget(self.card_date)
        heading.addWidget(self.card_title)
        self.media = media
        self._event_media: tuple[MediaItem, ...] = ()
        self._language = "en"
        body = QWidget(panel)
        body.setObjectName("kCardBody")
        words = self._words = QVBoxLayout(body)
        words.setContentsMargins(CARD_SIDE_MARGIN, 10, CARD_SIDE_MARGIN, 6)
        words.setSpacing(10)
        self.card_summary = _label("kCardSummary", body)
        self.details = _label("kDetails", body)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.hide()
        for widget in (self.card_summary, self.details):
            words.addWidget(widget)
        words.addStretch(1)
        self._body = body
        self._fitted: tuple[object, ...] | None = None  # what the card was last sized for (see fit)
        self.card_scroll = QScrollArea(panel)
        self.card_scroll.setObjectName("kCardScroll")
        self.card_scroll.setWidget(body)
        self.card_scroll.setWidgetResizable(False)  # sized by fit(): a word-wrapped card must not be squeezed
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_scroll.viewport().setAutoFillBackground(False)
        QScroller.grabGesture(self.card_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        colours = palette(high_contrast)
        # over the words' last lines while more of them is below (a summary cut with no sign of it, before)
        self.more_cue = ScrollCue(self.card_scroll, colours.paper, colours.accent_dark,
                                  slack=words.contentsMargins().bottom() + 2)

        self.places = QWidget(panel)
        self.places.setObjectName("kCardPlaces")
        places_layout = self._places_layout = QVBoxLayout(self.places)
        places_layout.setContentsMargins(CARD_SIDE_MARGIN, 4, CARD_SIDE_MARGIN, 18)
        places_layout.setSpacing(10)
        self.places_label = _label("kPlacesLabel", self.places)
        places_layout.addWidget(self.places_label)
        chips = FlowLayout(spacing=10)
        self.chips: list[QPushButton] = []
        for _ in range(MAX_PLACE_CHIPS):
            chip = big_button("", self.places, "kChip")
            chip.clicked.connect(lambda _=False, c=chip: self._chip_pressed(c))
            chip.hide()
            chips.addWidget(chip)
            self.chips.append(chip)
        places_layout.addLayout(chips)
        self.retranslate()

    # -- the EventCard protocol ------------------------------------------------------------
    def show_moment(self, moment: Moment, language: str, look: Look) -> None:
        focus = moment.state.focus
        self.details.hide()
        if focus is None:
            self.card_date.setText(moment.label(language))
            self.card_title.setText(self.exhibit.title_in(language))
            self.card_summary.setText(self.exhibit.subtitle_in(language) or "")
            places = []
        else:
            self.card_date.setText(focus.span.label(language))
            self.card_title.setText(focus.title_in(language))
            self.card_summary.setText(focus.summary_in(language))
            places = [p.place for p in focus.places][:MAX_PLACE_CHIPS]
        self._event_media, self._language = (focus.media if focus is not None else ()), language
        self.media.show_media(self._event_media, language)
        for i, chip in enumerate(self.chips):
            if i >= len(places):
                chip.hide()
                chip.setProperty("place_id", None)
                continue
            label = places[i].label_at(moment.day, language)
            self._set_chip_text(chip, label)
            chip.setProperty("place_id", places[i].id)
            describe(chip, label, self.tr("Shows this place on the map, with what the exhibit says about it."))
            chip.show()
        self.fit()

    def show_place(self, facts: PlaceFacts, language: str, look: Look) -> None:
        lines = [f"<b>{html.escape(facts.label)}</b>"]
        # the place's names in the other interface languages, each marked with that language's own name
        others = [f"{NATIVE_NAMES[code]}: {name}" for code, name in facts.other_names if name not in facts.label]
        if others:
            lines.append(html.escape(" · ".join(others)))
        if facts.description:
            lines.append(html.escape(facts.description))
        self.details.setText("<br>".join(lines))
        self.details.setAccessibleName(facts.label)
        self.details.show()
        place = self.exhibit.places.get(facts.place_id)
        if place is not None and place.media:
            self.media.show_media(place.media, language)
        self.fit()
        # the details' top (the place's name) at the top of the words: a taller block would otherwise
        # be scrolled to its end
        self.card_scroll.verticalScrollBar().setValue(self.details.y())

    # -- layout ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.places_label.setText(self.tr("Places").upper())
        self.card_title.setAccessibleName(self.tr("Event"))
        self.card_summary.setAccessibleName(self.tr("Summary"))
        # the words' scroll bar is a control a screen reader reaches too: it needs a name in the language
        self.card_scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll the event's words"))
        self.card_scroll.horizontalScrollBar().setAccessibleName(self.tr("Scroll the event's words sideways"))

    def clear_place(self) -> None:
        """No place details (the event's media again); the words back at the top (a reset)."""
        self.details.hide()
        self.media.show_media(self._event_media, self._language)
        self.fit()
        self.card_scroll.verticalScrollBar().setValue(0)

    def fits(self) -> bool:
        """Whether the whole card is in view without scrolling (for tests and the screenshot tool)."""
        return self.card_scroll.verticalScrollBar().maximum() == 0

    def fit(self) -> None:
        """The date and title as tall as they need; the words too, up to what is left of their share of
        the panel (then they scroll); back to the top.

        Runs on every moment (a drag crosses many days): nothing is measured again unless the words,
        the place details or the panel's size changed."""
        key = (self.card_date.text(), self.card_title.text(), self.card_summary.text(), self.details.isHidden(),
               self.details.text(), self.panel.size(), tuple(c.text() for c in self.chips if not c.isHidden()))
        if key == self._fitted:
            return
        self._fitted = key
        layout = self._words

        def height_for(width: int) -> int:
            return layout.heightForWidth(width) if layout.hasHeightForWidth() else self._body.sizeHint().height()

        # the words may take what is left of CARD_MAX_SHARE of the panel after the languages, the
        # heading and the places
        panel = max(self.panel.height(), 480)  # (before the first layout the panel has no height yet)
        width = self.panel.width()  # the scroll area has no frame
        any_places = any(not chip.isHidden() for chip in self.chips)
        self.places_label.setVisible(any_places)
        places = self._places_layout.totalHeightForWidth(width)
        # the date and title stand above the words, never scrolled away, when the article keeps its
        # room (a whole title before the summary, which the article tells at length), and always
        # while a place is shown (what the visitor asked for comes first); on a
        # screen too small for that they scroll with the words, from the top
        self._heading_above(True)
        heading = self._heading.totalHeightForWidth(width)
        above = (not self.details.isHidden()
                 or self.reserved() + heading + places + ARTICLE_LEAST <= panel)
        if not above and any_places:  # the places' heading gives way first: the title rather than a label
            self.places_label.hide()
            places = self._places_layout.totalHeightForWidth(width)
            above = self.reserved() + heading + places + ARTICLE_LEAST <= panel
        if not above:
            self._heading_above(False)
            heading = 0
        elif any_places and self.reserved() + heading + places + ARTICLE_LEAST_BESIDE_A_PLACE > panel:
            self.places_label.hide()  # a short screen: the buttons without their heading, not laid over the article
            places = self._places_layout.totalHeightForWidth(width)
        self.places.setFixedHeight(places)  # (its height for its width, now: not a layout pass late)
        self.header.setFixedHeight(heading)
        self._heading.activate()
        others = self.reserved() + heading + places
        limit = max(WORDS_LEAST, int(panel * CARD_MAX_SHARE) - others)
        article = ARTICLE_LEAST if self.details.isHidden() else ARTICLE_LEAST_BESIDE_A_PLACE
        room = panel - others - article
        if room < WORDS_LEAST and self.details.isHidden() and self.card_summary.text():
            # a short panel (1280×720 in large type) left the summary no room at all, and it was not on
            # screen: the places' heading gives way, for a line of it under the cue that it goes on
            if any_places and not self.places_label.isHidden():  # (isVisible: False before the window is shown)
                self.places_label.hide()
                places = self._places_layout.totalHeightForWidth(width)
                self.places.setFixedHeight(places)
                others = self.reserved() + heading + places
                room = panel - others - article
            if room < WORDS_SLIVER and heading:
                # still no line of it under a long title (three lines in large type): the date and title
                # scroll with it instead, as on a screen too small for them, under the same cue
                self._heading_above(False)
                heading = 0
                self.header.setFixedHeight(0)
                others = self.reserved() + places
                room = panel - others - article
                limit = room  # the date, the whole title and a start of the summary, if they fit
        limit = max(0, min(limit, room))  # nothing laid over anything
        if limit < WORDS_SLIVER:
            limit = 0
        wanted = height_for(width)
        if wanted > limit:  # it will scroll: leave room for the bar
            width -= self.card_scroll.verticalScrollBar().sizeHint().width()
            wanted = height_for(width)
        self._body.setFixedSize(width, wanted)
        layout.activate()  # the labels take their heights now, not at the next layout pass
        self.card_scroll.setFixedHeight(min(wanted, limit))
        self.card_scroll.verticalScrollBar().setValue(0)
        self.more_cue.follow()

    def _heading_above(self, above: bool) -> None:
        """The date and the title in :attr:`header` (*above*) or at the top of the scrolled words."""
        if self.header.isVisibleTo(self.panel) == above and (self.card_title.parentWidget() is self.header) == above:
            return
        target, parent = (self._heading, self.header) if above else (self._words, self._body)
        for i, label in enumerate((self.card_date, self.card_title)):
            label.setParent(parent)
            target.insertWidget(i, label)
            label.show()
        self._words.setContentsMargins(CARD_SIDE_MARGIN, 10 if above else 18, CARD_SIDE_MARGIN, 6)
        self.header.setVisible(above)

    def _set_chip_text(self, chip: QPushButton, label: str) -> None:
        """A place button no wider than the card (elided on a small screen; its name stays whole for
        assistive technology), so one long name cannot squeeze the rest of the card."""
        room = max(120, self.panel.width() - 2 * CARD_SIDE_MARGIN)
        chip.setMaximumWidth(room)
        chip.setText(chip.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, room - CHIP_PADDING))

    def _chip_pressed(self, chip: QPushButton) -> None:
        place_id = chip.property("place_id")
        if place_id:
            self.place_chosen.emit(str(place_id))
