"""The kiosk's widgets and where they sit: the map, the side panel, the time bar, the overlays.

Why apart from the window: the layout and its words are one job (what is
where, large enough for a finger, named for a screen reader); the window
(:mod:`chronomap.kiosk.shell`) wires it to the session and the modes.

The staff corner is kept clear here: for a top corner, the language buttons
leave the side panel's corner free; for a bottom one, the timeline stops short
of the window's corner. The map is never under it (its corners carry the zoom
buttons, the legend and the credits).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from chronomap.kiosk.card import ARTICLE_LEAST_BESIDE_A_PLACE, KioskCard
from chronomap.kiosk.guard import CORNER_PX
from chronomap.kiosk.media_strip import MediaStrip
from chronomap.kiosk.media_viewer import KioskMediaViewer
from chronomap.kiosk.pin_pad import PinPad
from chronomap.kiosk.texts import palette
from chronomap.kiosk.widgets import AttractBanner, LanguageBar, StillThereOverlay, big_button, describe
from chronomap.qt.article_panel import ArticlePanel
from chronomap.qt.focus_ring import FocusRing
from chronomap.qt.map_view import MapView
from chronomap.qt.session import Look
from chronomap.qt.timeline_slider import TimelineSlider
from chronomap.story.model import Exhibit
from chronomap.story.timeline import Timeline

#: The side panel takes this share of the screen's width, within these bounds (px).
SIDE_SHARE, SIDE_MIN, SIDE_MAX = 0.32, 420, 640
#: With large type the side panel is wider, so the card's words still fit beside the map.
LARGE_SIDE_SHARE, LARGE_SIDE_MAX = 0.40, 800
# The side panel may grow to this share of the window so the language buttons' names fit whole.
SIDE_MOST_FOR_LANGUAGES = 0.6
ARTICLE_BASE_SIZE = 21
EDGE = 24  # the side panel's and the time bar's margin where no staff corner is
BAR_EDGE = 32


def side_width(window_width: int, large_type: bool) -> int:
    share, most = (LARGE_SIDE_SHARE, LARGE_SIDE_MAX) if large_type else (SIDE_SHARE, SIDE_MAX)
    return int(min(most, max(SIDE_MIN, window_width * share)))


class ElidedLabel(QLabel):
    """One line that ends in "…" where it is too long for its width (the time bar's event title was cut
    in mid-word at 1280×720 in large type, with no sign that it went on). :meth:`text` stays whole, for
    a screen reader and the tests; only the painting is shortened."""

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment().value), self.palette(),
                                  self.isEnabled(), self.shown_text(), QPalette.ColorRole.WindowText)
        painter.end()


def _words_label(name: str, parent: QWidget) -> QLabel:
    """A line of the time bar: plain text, ending in "…" when too long (it never widens the window)."""
    label = ElidedLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(0)
    return label


class KioskLayout(QWidget):
    """Every widget of the kiosk, laid out for *staff_corner*; no behaviour beyond its own words."""

    def __init__(self, exhibit: Exhibit, timeline: Timeline, look: Look, staff_corner: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.exhibit = exhibit
        self.timeline = timeline
        self.look = look
        self.staff_corner = staff_corner
        # the map, and under it the band of the event's pictures and recordings (hidden when it has none)
        self.map_column = QWidget(self)
        self.map_column.setObjectName("kMapColumn")
        self.map_view = MapView(self.map_column)
        self.media_strip = MediaStrip(self.map_column, look, exhibit.language)
        column = QVBoxLayout(self.map_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.map_view, 1)
        column.addWidget(self.media_strip)
        self.map_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.map_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.side = QWidget(self)
        self.side.setObjectName("kioskSide")
        self.side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.side.setFixedWidth(side_width(1920, look.large_type))
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_layout.setSpacing(0)
        # the languages at the top right, where visitors look for them: one button each, named in itself
        self.language_bar = LanguageBar(self.side, "", look.large_type)
        languages = self._languages_row = QHBoxLayout()
        languages.setContentsMargins(CORNER_PX if staff_corner == "top-left" else EDGE, 16,
                                     CORNER_PX if staff_corner == "top-right" else EDGE, 0)
        languages.addWidget(self.language_bar)
        self.card = KioskCard(exhibit, self.side, lambda: self.language_bar.sizeHint().height() + 16, self.media_strip,
                              look.high_contrast)
        self.article = ArticlePanel(exhibit, self.side, base_size=ARTICLE_BASE_SIZE)
        # on a short screen the article gives way (it scrolls) rather than be laid under the card
        # (not 0, which would mean its own minimum, a scroll area's 100-odd px)
        self.article.setMinimumHeight(ARTICLE_LEAST_BESIDE_A_PLACE)
        self.side_layout.addLayout(languages)
        self.side_layout.addWidget(self.card.header)
        self.side_layout.addWidget(self.card.card_scroll)
        self.side_layout.addWidget(self.card.places)
        self.side_layout.addWidget(self.article, 1)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.map_column, 1)
        top.addWidget(self.side)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # the screen decides the window's size: content never resizes it (that would drop full screen)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(top, 1)
        layout.addWidget(self._time_bar(timeline))

        self.banner = AttractBanner(self)
        self.viewer = KioskMediaViewer(self, look.high_contrast)  # below "Still there?" and the PIN pad
        self.still_there = StillThereOverlay(self, look.high_contrast)
        self.pin_pad = PinPad(self, look.high_contrast)
        self.focus_ring = FocusRing(self, palette(look.high_contrast).focus_frame)

    def _time_bar(self, timeline: Timeline) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("kioskBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(BAR_EDGE, 16, BAR_EDGE, 10)
        bar_layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(18)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.date_label = _words_label("kDate", bar)
        self.event_label = _words_label("kEvent", bar)
        words.addWidget(self.date_label)
        words.addWidget(self.event_label)
        self.prev_button = big_button("", bar)
        self.play_button = big_button("", bar, "kPlay")
        self.play_button.setCheckable(True)
        self.next_button = big_button("", bar)
        row.addLayout(words, 1)
        for button in (self.prev_button, self.play_button, self.next_button):
            button.setMinimumWidth(190)
            row.addWidget(button)
        self.slider = TimelineSlider(timeline, bar, touch=True)
        self.slider.setMinimumHeight(120)
        self.slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # the timeline stops short of a bottom staff corner
        inset = CORNER_PX - BAR_EDGE + 8
        slider_row = QHBoxLayout()
        slider_row.setContentsMargins(inset if self.staff_corner == "bottom-left" else 0, 0,
                                      inset if self.staff_corner == "bottom-right" else 0, 0)
        slider_row.addWidget(self.slider)
        bar_layout.addLayout(row)
        bar_layout.addLayout(slider_row)
        return bar

    def side_width_for(self, window_width: int) -> int:
        """The side panel's width: its share of the window, and at least what the language buttons
        need for their names at full size (Қазақша did not fit on a 1280 px screen)."""
        margins = self._languages_row.contentsMargins()
        languages = self.language_bar.least_width() + margins.left() + margins.right()
        share = side_width(window_width, self.look.large_type)
        return max(share, min(languages, int(window_width * SIDE_MOST_FOR_LANGUAGES)))

    def fit_languages(self) -> None:
        """The language buttons' names whole in the side panel's width (after it changes)."""
        margins = self._languages_row.contentsMargins()
        self.language_bar.fit(self.side.width() - margins.left() - margins.right())

    def focus_chain(self) -> list[QWidget]:
        """The controls Tab reaches now, in order: those of an open overlay, else the kiosk's."""
        if self.pin_pad.isVisible():
            return [*self.pin_pad.keys.values(), self.pin_pad.cancel_button]
        if self.still_there.isVisible():
            return [self.still_there.button]
        if self.viewer.isVisible():
            return self.viewer.controls()
        return [*self.language_bar.buttons.values(), self.prev_button, self.play_button, self.next_button,
                self.slider, *self.card.media.controls(), *self.card.chips, self.article, self.map_view]

    # -- words --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The kiosk's own words, names and descriptions in the interface language."""
        describe(self, self.tr("Chronomap kiosk"), self.tr("A map and a timeline of the exhibit, with its article."))
        self.map_view.setAccessibleName(self.tr("Map"))
        self.date_label.setAccessibleName(self.tr("Date"))
        self.event_label.setAccessibleName(self.tr("Event"))
        self.prev_button.setText(self.tr("◀  Previous"))
        describe(self.prev_button, self.tr("Previous event"), self.tr("Goes back to the event before this one."))
        self.next_button.setText(self.tr("Next  ▶"))
        describe(self.next_button, self.tr("Next event"), self.tr("Goes on to the next event of the story."))
        self.card.retranslate()  # now, not when Qt's LanguageChange reaches it
        self.label_explorer_widgets()

    def label_play_button(self, playing: bool) -> None:
        button: QPushButton = self.play_button
        if playing:
            button.setText(self.tr("❚❚  Pause"))
            describe(button, self.tr("Pause"), self.tr("Stops the story playing by itself."))
        else:
            button.setText(self.tr("▶  Play"))
            describe(button, self.tr("Play"), self.tr("Plays the story, one event after another."))

    def label_explorer_widgets(self) -> None:
        """The explorer's widgets as the kiosk uses them (touch, no tooltips): after they re-label
        themselves, so the kiosk's words win."""
        self.slider.setToolTip("")
        describe(self.slider, self.tr("Timeline"),
                 self.tr("Drag along the timeline to move through time, or touch an event's mark to go to it. "
                         "The Left and Right arrow keys step from event to event."))
        describe(self.article, self.tr("Article"),
                 self.tr("The exhibit's article; the passage being told is highlighted. Touch a highlighted "
                         "passage to go to its event, or a place name to see it on the map. The Up and Down "
                         "arrow keys scroll it."))
