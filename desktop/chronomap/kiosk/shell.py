"""The kiosk window: the exhibit fullscreen and touch-first, with idle reset and an attract loop.

The pieces are the explorer's own (SessionModel, MapView, ArticlePanel,
TimelineSlider(touch=True), MapStateBuilder), wired as the desk explorer wires
them, in a frameless fullscreen window with large controls and no menus.

Modes:

* ``active``    a visitor may be using it; any input restarts the idle timer.
* ``countdown`` “Still there?” counts down; a touch keeps the visitor's place.
* ``attract``   everything was reset to the start state and the story plays by
                itself, each event held long enough to read it, for ever; the
                first touch only hands control back (it is swallowed).

Staff leave through a hidden gesture (five taps in a corner within three
seconds) or Ctrl+Alt+Shift+K, then the PIN pad; nothing else closes the window.

Languages: three buttons (each language named in itself) switch the whole
kiosk through the application's :class:`~chronomap.qt.language.LanguageService`:
its Qt translators re-label every control (``LanguageChange``), and its
``changed`` signal re-renders the exhibit's texts (dates, titles, summaries,
place names, the article) and the map page's labels and legend through the
page bridge. A reset returns to the configured language.

Keyboard: the kiosk is touch-first but every control is reachable with Tab /
Shift+Tab (a thick frame shows where focus is); Enter or Space presses the
focused button; ←/→ step through events, Space plays, Home/End, ↑/↓ and
Page Up/Down scroll the article.
"""

from __future__ import annotations

import enum
import html
import logging
import math
import os
import signal
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chronomap.i18n import NATIVE_NAMES
from chronomap.kiosk.config import KioskConfig
from chronomap.kiosk.guard import InputGuard
from chronomap.kiosk.health import PageWatch
from chronomap.kiosk.pin import PinGate
from chronomap.kiosk.stats import StatsRecorder
from chronomap.kiosk.texts import palette, style_sheet
from chronomap.kiosk.widgets import (
    AttractBanner,
    FlowLayout,
    LanguageBar,
    PinPad,
    StillThereOverlay,
    big_button,
    describe,
)
from chronomap.map.bridge import js_call
from chronomap.map.page import build_page
from chronomap.map.view_state import MapStateBuilder
from chronomap.qt.announce import announce_map_state
from chronomap.qt.article_panel import ArticlePanel
from chronomap.qt.focus_ring import FocusRing
from chronomap.qt.language import language_service, system_language
from chronomap.qt.map_view import MapView
from chronomap.qt.map_words import map_words
from chronomap.qt.session import Look, SessionModel
from chronomap.qt.timeline_slider import TimelineSlider
from chronomap.story.model import Exhibit
from chronomap.story.timeline import Timeline

log = logging.getLogger("chronomap.kiosk")

#: Render-process crash back-off: reload after these delays for the 1st, 2nd, … crash in a row.
RECOVERY_DELAYS_MS = (500, 2_000, 10_000, 30_000)
RECOVERY_STABLE_MS = 60_000
MAX_PLACE_CHIPS = 6
#: The side panel takes this share of the screen's width, within these bounds (px).
SIDE_SHARE, SIDE_MIN, SIDE_MAX = 0.32, 420, 640
#: With large type the side panel is wider, so the card's words still fit beside the map.
LARGE_SIDE_SHARE, LARGE_SIDE_MAX = 0.40, 800
#: The languages, the card and its places take at most this share of the side panel's height.
CARD_MAX_SHARE = 0.72
CARD_SIDE_MARGIN = 36
CHIP_PADDING = 64  # a place button's padding and border, both sides (kiosk style sheet)
#: What the map area shows while its page (re)loads: the map's own sea colour (assets/map/chronomap.css).
SEA = QColor("#c9d6da")
ARTICLE_BASE_SIZE = 21


class Mode(enum.Enum):
    ACTIVE = "active"
    COUNTDOWN = "countdown"
    ATTRACT = "attract"


def _ms(seconds: float) -> int:
    return max(1, round(float(seconds) * 1000))


class KioskWindow(QWidget):
    """The kiosk. *start* is ``("event", id)``, ``("day", n)`` or None (the first event)."""

    mode_changed = Signal(str)
    attract_cycle_finished = Signal(int)  # loops completed so far
    staff_exit = Signal()  # the right PIN was entered; the window has closed
    page_restarted = Signal(str)  # the page was hung and was restarted; why

    def __init__(self, exhibit: Exhibit, config: KioskConfig, *, start: tuple[str, int | str] | None = None,
                 stats: StatsRecorder | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.config = config
        self.exhibit = exhibit
        self.start = start
        self.stats = stats
        self.high_contrast = bool(config.high_contrast)
        self.large_type = bool(config.large_type)
        # the look the explorer's own widgets (timeline, article) paint with; the kiosk is the only window
        self.look = Look(self.high_contrast, self.large_type)
        self.setStyleSheet(style_sheet(self.high_contrast, self.large_type))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        #: The language every visitor starts in: the configured one, else the system's.
        self.home_language = config.language or system_language()
        self.languages = language_service()
        self.languages.set_language(self.home_language)
        self.language = self.languages.current
        self.setWindowTitle(f"{exhibit.title_in(self.language)} — Chronomap")
        self.timeline = Timeline(exhibit)
        self.builder = MapStateBuilder(exhibit, self.language, map_words())
        self.builder.set_appearance(self.high_contrast, self.large_type)
        self.model = SessionModel(self.timeline, self.language, self.look, self)
        self.gate = PinGate(config.pin_hash, config.pin_attempts, config.pin_lockout_seconds)
        self._mode = Mode.ACTIVE
        self._visitor_present = False
        self._playing = False
        self._staff_exiting = False
        self._cursor_hidden = False
        self._closed = False
        self.attract_cycles = 0
        self.resets = 0
        self.page_restarts = 0

        self._page_dir = tempfile.TemporaryDirectory(prefix="chronomap-kiosk-")
        page_dir = self._page_dir
        self.destroyed.connect(lambda *_: page_dir.cleanup())
        self._page_path = build_page(self.builder.spec(), Path(self._page_dir.name) / exhibit.meta.id)

        self._build()
        self.article.set_look(self.look)
        self.slider.set_look(self.look)
        self._build_timers()
        self.guard = InputGuard(self, config.staff_corner)
        self.guard.activity.connect(self._on_activity)
        self.guard.swallowed.connect(self._on_swallowed)
        self.guard.key_pressed.connect(self._on_key)
        self.guard.staff_requested.connect(self.open_pin_pad)

        self.model.changed.connect(self._on_moment)
        self.slider.day_changed.connect(self.model.set_day)
        self.slider.event_clicked.connect(self.model.go_to_event)
        self.article.passage_clicked.connect(self.model.go_to_event)
        self.article.place_clicked.connect(self.show_place)
        self.map_view.place_clicked.connect(self.show_place)
        self.map_view.js_error.connect(lambda message: log.error("map page error: %s", message))
        self.map_view.navigation_refused.connect(lambda url: log.warning("map page navigation refused: %s", url))
        self.map_view.set_recovery_delays(RECOVERY_DELAYS_MS, RECOVERY_STABLE_MS)
        self.map_view.lock_down(background=SEA)
        self.languages.changed.connect(self._on_language_changed)
        self.language_bar.chosen.connect(self.choose_language)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.page_watch = PageWatch(self.map_view, _ms(config.hang_check_seconds), _ms(config.hang_timeout_seconds),
                                    parent=self)
        self.page_watch.hung.connect(self.restart_page)
        self._lock_widgets()

        self.map_view.load(self._page_path)
        self.article.set_language(self.language)
        self._go_to_start()
        self.retranslate()
        self._show_moment(self.model.moment)
        # the window itself holds focus until a keyboard user presses Tab (Qt would otherwise give it
        # to the first control, and show a focus frame nobody asked for)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.map_view = MapView(self)
        self.map_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.map_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        side = QWidget(self)
        side.setObjectName("kioskSide")
        side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side.setFixedWidth(self._side_width(1920))
        self._side = side
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        card = QWidget(side)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(CARD_SIDE_MARGIN, 18, CARD_SIDE_MARGIN, 6)
        card_layout.setSpacing(10)
        self.card_date = self._label("kCardDate", card)
        self.card_title = self._label("kCardTitle", card)
        self.card_summary = self._label("kCardSummary", card)
        self.places_label = self._label("kPlacesLabel", card)
        chips = FlowLayout(spacing=10)
        self.chips = []
        for _ in range(MAX_PLACE_CHIPS):
            chip = big_button("", card, "kChip")
            chip.clicked.connect(lambda _=False, c=chip: self.show_place(c.property("place_id")))
            chip.hide()
            chips.addWidget(chip)
            self.chips.append(chip)
        self.details = self._label("kDetails", card)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.hide()
        self._details_place: str | None = None
        for widget in (self.card_date, self.card_title, self.card_summary, self.details):
            card_layout.addWidget(widget)
        card_layout.addStretch(1)
        # The place buttons stay in view below the words; the words scroll when they must (a long
        # summary in large type is never cut): the card is as tall as its words, up to
        # CARD_MAX_SHARE of the panel, and the article has the rest.
        places = QWidget(side)
        places.setObjectName("kCardPlaces")
        places_layout = QVBoxLayout(places)
        places_layout.setContentsMargins(CARD_SIDE_MARGIN, 4, CARD_SIDE_MARGIN, 18)
        places_layout.setSpacing(10)
        places_layout.addWidget(self.places_label)
        places_layout.addLayout(chips)
        for chip in self.chips:
            chip.setParent(places)
        self.places_label.setParent(places)
        self._card = card
        self._card_fitted: tuple | None = None  # what the card was last sized for (see _fit_card)
        card.setObjectName("kCardBody")
        self.card_scroll = QScrollArea(side)
        self.card_scroll.setObjectName("kCardScroll")
        self.card_scroll.setWidget(card)
        self.card_scroll.setWidgetResizable(False)  # sized by _fit_card: a word-wrapped card must not be squeezed
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_scroll.viewport().setAutoFillBackground(False)
        QScroller.grabGesture(self.card_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.article = ArticlePanel(self.exhibit, side, base_size=ARTICLE_BASE_SIZE)
        # the languages at the top right, where visitors look for them: one button each, named in itself
        self.language_bar = LanguageBar(side, self.language)
        languages = QHBoxLayout()
        languages.setContentsMargins(24, 16, 24, 0)
        languages.addWidget(self.language_bar)
        side_layout.addLayout(languages)
        side_layout.addWidget(self.card_scroll)
        side_layout.addWidget(places)
        side_layout.addWidget(self.article, 1)
        self._side_layout = side_layout

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.map_view, 1)
        top.addWidget(side)

        bar = QWidget(self)
        bar.setObjectName("kioskBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(32, 16, 32, 10)
        bar_layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(18)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.date_label = self._label("kDate", bar)
        self.date_label.setWordWrap(False)
        self.event_label = self._label("kEvent", bar)
        self.event_label.setWordWrap(False)
        for label in (self.date_label, self.event_label):  # a long title is cut, never widens the window
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(0)
        words.addWidget(self.date_label)
        words.addWidget(self.event_label)
        self.prev_button = big_button("", bar)
        self.play_button = big_button("", bar, "kPlay")
        self.play_button.setCheckable(True)
        self.next_button = big_button("", bar)
        for button in (self.prev_button, self.play_button, self.next_button):
            button.setMinimumWidth(190)
        self.prev_button.clicked.connect(self.previous_event)
        self.next_button.clicked.connect(self.next_event)
        self.play_button.clicked.connect(self.toggle_play)
        row.addLayout(words, 1)
        row.addWidget(self.prev_button)
        row.addWidget(self.play_button)
        row.addWidget(self.next_button)
        self.slider = TimelineSlider(self.timeline, bar, touch=True)
        self.slider.setMinimumHeight(120)
        self.slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bar_layout.addLayout(row)
        bar_layout.addWidget(self.slider)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # the screen decides the window's size: content never resizes it (that would drop full screen)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(top, 1)
        layout.addWidget(bar)

        self.banner = AttractBanner(self)
        self.still_there = StillThereOverlay(self, self.high_contrast)
        self.pin_pad = PinPad(self, self.high_contrast)
        self.pin_pad.submitted.connect(self._check_pin)
        self.pin_pad.cancelled.connect(self._pin_pad_closed)
        self._pin_message: tuple[str, tuple, bool] = ("prompt", (), False)
        self.focus_ring = FocusRing(self, palette(self.high_contrast).focus_frame)

    def _label(self, name: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def _build_timers(self) -> None:
        config = self.config

        def timer(interval_ms: int, slot, single: bool = True) -> QTimer:
            t = QTimer(self)
            t.setSingleShot(single)
            t.setInterval(interval_ms)
            t.timeout.connect(slot)
            return t

        self.idle_timer = timer(_ms(config.idle_seconds), self._on_idle)
        self.countdown_timer = timer(_ms(config.countdown_seconds), self._on_countdown_over)
        self._countdown_tick = timer(max(20, min(1000, _ms(config.countdown_seconds) // 5)), self._tick_countdown, False)
        self.attract_timer = timer(1000, self._attract_step)
        self.play_timer = timer(1000, self._play_step)
        self._lock_tick = timer(1000, self._tick_lockout, False)
        self._keeper = timer(1000, self._ensure_fullscreen, False)
        self._countdown_deadline = 0.0

    def _lock_widgets(self) -> None:
        """No text selection, context menus or drops anywhere; the article scrolls by swiping."""
        for widget in [self, *self.findChildren(QWidget)]:
            widget.setAcceptDrops(False)
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.article.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.article.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it (a touch does not focus it)
        self.article.viewport().setAcceptDrops(False)
        QScroller.grabGesture(self.article.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    # -- showing ----------------------------------------------------------------------------------
    def show_on_screen(self) -> None:
        """Fullscreen on the configured screen (the primary one when it is absent)."""
        screen = self._pick_screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        if self.config.hide_cursor and not self._cursor_hidden:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._cursor_hidden = True
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.guard.install()
        self.page_watch.start()
        self._keeper.start()
        if self.map_view.is_ready:
            self.idle_timer.start()
        else:  # idle time counts from when the exhibit is on the screen
            self.map_view.ready.connect(self._first_ready)
        log.info("kiosk shown on %s (%dx%d)", screen.name() if screen else "?", self.width(), self.height())

    def _first_ready(self) -> None:
        self.map_view.ready.disconnect(self._first_ready)
        if self._mode is Mode.ACTIVE and not self._playing and not self._closed:
            self.idle_timer.start()

    def _pick_screen(self):
        screens = QGuiApplication.screens()
        wanted = self.config.screen
        if wanted == "" or not screens:
            return QGuiApplication.primaryScreen()
        if isinstance(wanted, int):
            if wanted < len(screens):
                return screens[wanted]
        else:
            for screen in screens:
                if screen.name() == wanted:
                    return screen
        log.warning("screen %r not found (have %s); using the primary screen", wanted, ", ".join(s.name() for s in screens))
        return QGuiApplication.primaryScreen()

    def _on_moment(self, moment) -> None:
        self._show_moment(moment)
        if self.stats is not None and self._mode is Mode.ACTIVE and self._visitor_present:
            self._record_view()

    def _show_moment(self, moment) -> None:
        """A new moment: the map, the timeline, the words, the article's highlight."""
        state = moment.state
        focus = state.focus
        self._send_state(moment, animate=True)
        self.slider.show_moment(moment.day, focus.id if focus else None, frozenset(e.id for e in state.current))
        self.details.hide()
        self._details_place = None
        self._show_texts(moment)
        pinned = focus.id if focus is not None and moment.pinned_event else None
        self.prev_button.setEnabled(self.timeline.previous_event(moment.day, pinned) is not None)
        self.next_button.setEnabled(self.timeline.next_event(moment.day, pinned) is not None)
        # the card's new height first, so the article scrolls its passage into the space really left
        self._side_layout.activate()
        self.article.show_passages(state.highlighted_sentences, focus.sentence_ids if focus else ())

    def _send_state(self, moment, animate: bool) -> None:
        """The moment to the map page in the current language: labels, legend and look ride with the
        state, so a page that is reloaded or renewed gets them back with it."""
        self.map_view.show_state(self.builder.page_state(moment.state, moment.day, animate=animate))
        self._announce(self.builder.describe(moment.state, moment.day, moment.label(self.language)))

    def _announce(self, description: str) -> None:
        announce_map_state(self.map_view, description)

    def _show_texts(self, moment) -> None:
        """Every word of the moment in the current language (the exhibit's texts and the kiosk's own)."""
        lang = self.language
        focus = moment.state.focus
        date = moment.label(lang)
        self.date_label.setText(date)
        self.event_label.setText(focus.title_in(lang) if focus else self.tr("Before the story begins"))
        if focus is None:
            self.card_date.setText(date)
            self.card_title.setText(self.exhibit.title_in(lang))
            self.card_summary.setText(self.exhibit.subtitle_in(lang) or "")
            places = []
        else:
            self.card_date.setText(focus.span.label(lang))
            self.card_title.setText(focus.title_in(lang))
            self.card_summary.setText(focus.summary_in(lang))
            places = [p.place for p in focus.places][:MAX_PLACE_CHIPS]
        for chip, place in zip(self.chips, places + [None] * (MAX_PLACE_CHIPS - len(places)), strict=True):
            if place is None:
                chip.hide()
                chip.setProperty("place_id", None)
            else:
                label = place.label_at(moment.day, lang)
                self._set_chip_text(chip, label)
                chip.setProperty("place_id", place.id)
                describe(chip, label, self.tr("Shows this place on the map, with what the exhibit says about it."))
                chip.show()
        self.places_label.setVisible(bool(places))
        if self._details_place is not None:
            self._show_details(self._details_place)
        self._fit_card()

    def _set_chip_text(self, chip: QAbstractButton, label: str) -> None:
        """A place button no wider than the card (elided on a small screen; its name stays whole for
        assistive technology), so one long name cannot squeeze the rest of the card."""
        room = max(120, self._side.width() - 2 * CARD_SIDE_MARGIN)
        chip.setMaximumWidth(room)
        chip.setText(chip.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, room - CHIP_PADDING))

    def _side_width(self, window_width: int) -> int:
        share, most = (LARGE_SIDE_SHARE, LARGE_SIDE_MAX) if self.large_type else (SIDE_SHARE, SIDE_MAX)
        return int(min(most, max(SIDE_MIN, window_width * share)))

    def _fit_card(self) -> None:
        """The card as tall as its words, up to its share of the panel (then it scrolls); back to the top.

        Runs on every moment (a drag crosses many days): nothing is measured again unless the words,
        the place details or the panel's size changed."""
        key = (self.card_date.text(), self.card_title.text(), self.card_summary.text(), self.details.isHidden(),
               self.details.text(), self._side.size(), tuple(c.text() for c in self.chips if not c.isHidden()))
        if key == self._card_fitted:
            return
        self._card_fitted = key
        layout = self._card.layout()

        def height_for(width: int) -> int:
            return layout.heightForWidth(width) if layout.hasHeightForWidth() else self._card.sizeHint().height()

        # the words may take what is left of CARD_MAX_SHARE of the panel after the languages and places
        panel = max(self._side.height(), 480)  # (before the first layout the panel has no height yet)
        places = self.places_label.parentWidget().layout()
        others = self.language_bar.sizeHint().height() + 16 + places.totalHeightForWidth(self._side.width())
        limit = max(100, int(panel * CARD_MAX_SHARE) - others)
        width = self._side.width()  # the scroll area has no frame
        wanted = height_for(width)
        if wanted > limit:  # it will scroll: leave room for the bar
            width -= self.card_scroll.verticalScrollBar().sizeHint().width()
            wanted = height_for(width)
        self._card.setFixedSize(width, wanted)
        layout.activate()  # the labels take their heights now, not at the next layout pass
        self.card_scroll.setFixedHeight(min(wanted, limit))
        self.card_scroll.verticalScrollBar().setValue(0)

    def card_fits(self) -> bool:
        """Whether the whole card is in view without scrolling (for tests and the screenshot tool)."""
        return self.card_scroll.verticalScrollBar().maximum() == 0

    def show_place(self, place_id: str) -> None:
        """Glide to a place and show what the exhibit says about it."""
        place = self.exhibit.places.get(place_id) if place_id else None
        if place is None:
            return
        self.map_view.evaluate(js_call("chronomap.showPlace", place_id))
        self._show_details(place_id)

    def _show_details(self, place_id: str) -> None:
        place = self.exhibit.places[place_id]
        lang = self.language
        day = self.model.day
        lines = [f"<b>{html.escape(place.label_at(day, lang))}</b>"]
        # the place's names in the other interface languages, each marked with that language's own name
        others = []
        for code in (c for c in NATIVE_NAMES if c != lang):
            name = place.name_at(None, code)
            if name and name != place.name_at(None, lang):
                others.append(f"{NATIVE_NAMES[code]}: {name}")
        if others:
            lines.append(html.escape(" · ".join(others)))
        description = place.description_in(lang)
        if description:
            lines.append(html.escape(description))
        self.details.setText("<br>".join(lines))
        self.details.setAccessibleName(place.label_at(day, lang))
        self._details_place = place_id
        self.details.show()
        self._fit_card()
        self.card_scroll.ensureWidgetVisible(self.details, 0, 0)
    # -- languages -----------------------------------------------------------------------------
    def choose_language(self, lang: str) -> None:
        """A visitor pressed a language button."""
        self.languages.set_language(lang)
        self.language_bar.set_current(self.languages.current)

    def _on_language_changed(self, lang: str) -> None:
        """The exhibit's texts and the map page in *lang*; the kiosk's own words follow on the
        ``LanguageChange`` Qt sends every widget (and are re-done here, so nothing waits for it)."""
        self.language = lang
        self.model.set_language(lang)
        self.language_bar.set_current(lang)
        self.setWindowTitle(f"{self.exhibit.title_in(lang)} — Chronomap")
        self.builder.set_language(lang, map_words())
        self.article.set_language(lang)
        self._send_state(self.model.moment, animate=False)
        self.retranslate()
        log.info("kiosk language: %s", lang)

    def retranslate(self) -> None:
        """The kiosk's own words, names and descriptions in the interface language."""
        describe(self, self.tr("Chronomap kiosk"), self.tr("A map and a timeline of the exhibit, with its article."))
        self.map_view.setAccessibleName(self.tr("Map"))
        self.places_label.setText(self.tr("Places").upper())
        self.date_label.setAccessibleName(self.tr("Date"))
        self.event_label.setAccessibleName(self.tr("Event"))
        self.card_title.setAccessibleName(self.tr("Event"))
        self.card_summary.setAccessibleName(self.tr("Summary"))
        self.prev_button.setText(self.tr("◀  Previous"))
        describe(self.prev_button, self.tr("Previous event"), self.tr("Goes back to the event before this one."))
        self.next_button.setText(self.tr("Next  ▶"))
        describe(self.next_button, self.tr("Next event"), self.tr("Goes on to the next event of the story."))
        self._label_play_button()
        self._label_explorer_widgets()
        self._show_texts(self.model.moment)
        self._show_pin_message()

    def _label_play_button(self) -> None:
        if self._playing:
            self.play_button.setText(self.tr("❚❚  Pause"))
            describe(self.play_button, self.tr("Pause"), self.tr("Stops the story playing by itself."))
        else:
            self.play_button.setText(self.tr("▶  Play"))
            describe(self.play_button, self.tr("Play"), self.tr("Plays the story, one event after another."))

    def _label_explorer_widgets(self) -> None:
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

    def event(self, event: QEvent) -> bool:  # noqa: N802
        handled = super().event(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._label_explorer_widgets()  # the children have re-labelled themselves by now
        return handled

    # -- keyboard focus --------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        """The controls Tab reaches now, in order: those of an open overlay, else the kiosk's."""
        if self.pin_pad.isVisible():
            widgets = [*self.pin_pad.keys.values(), self.pin_pad.cancel_button]
        elif self.still_there.isVisible():
            widgets = [self.still_there.button]
        else:
            widgets = [*self.language_bar.buttons.values(), self.prev_button, self.play_button, self.next_button,
                       self.slider, *self.chips, self.article, self.map_view]
        return [w for w in widgets if w.isVisible() and w.isEnabled()]

    def move_focus(self, forward: bool = True) -> QWidget | None:
        chain = self.focus_chain()
        if not chain:
            return None
        current = QApplication.focusWidget()
        index = next((i for i, w in enumerate(chain) if w is current or (current is not None and w.isAncestorOf(current))),
                     None)
        if index is None:
            target = chain[0] if forward else chain[-1]
        else:
            target = chain[(index + (1 if forward else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        # buttons and the article show focus through the style sheet; the timeline and the map by the ring
        self.focus_ring.follow(target if target in (self.slider, self.map_view) else None)
        return target

    def _focused_button(self) -> QAbstractButton | None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QAbstractButton) and widget.isVisible() and widget.isEnabled() and widget in self.focus_chain():
            return widget
        return None

    def _on_focus_changed(self, _old, new) -> None:
        """The ring goes when focus moves elsewhere (a touch on the map focuses the page: no ring)."""
        target = self.focus_ring.target
        if target is not None and not self._closed and (new is None or not target.isAncestorOf(new)):
            self.focus_ring.follow(None)

    # -- visitor controls --------------------------------------------------------------------------
    def previous_event(self) -> None:
        self.stop_playing()
        self.model.previous_event()

    def next_event(self) -> None:
        self.stop_playing()
        self.model.next_event()

    def toggle_play(self) -> None:
        if self._playing:
            self.stop_playing()
            return
        if self.timeline.next_event(self.model.day, self.model.moment.pinned_event) is None:
            self.model.go_home()
        self._playing = True
        self.idle_timer.stop()  # a visitor watching the story is not idle
        self.play_button.setChecked(True)
        self._label_play_button()
        self.play_timer.start(self._hold_ms())

    def stop_playing(self) -> None:
        if not self._playing:
            return
        self._playing = False
        self.play_timer.stop()
        self.play_button.setChecked(False)
        self._label_play_button()
        if self._mode is Mode.ACTIVE:
            self.idle_timer.start()

    @property
    def is_playing(self) -> bool:
        return self._playing

    def _play_step(self) -> None:
        if self.model.next_event():
            self.play_timer.start(self._hold_ms())
        else:
            self.stop_playing()

    def _hold_ms(self) -> int:
        focus = self.model.moment.focus
        summary = focus.summary_in(self.language) if focus is not None else ""  # what the visitor reads
        return _ms(self.config.hold_seconds(summary))

    def _on_key(self, key: int) -> None:
        K = Qt.Key  # noqa: N806
        if key in (K.Key_Tab.value, K.Key_Backtab.value):
            if self._mode is Mode.ACTIVE:
                self.move_focus(forward=key == K.Key_Tab.value)
            return
        focused = self._focused_button()
        if self.pin_pad.isVisible():
            if key in (K.Key_Return.value, K.Key_Enter.value, K.Key_Space.value) and focused is not None:
                focused.click()
                return
            names = {K.Key_Backspace.value: "delete", K.Key_Return.value: "ok", K.Key_Enter.value: "ok"}
            if K.Key_0.value <= key <= K.Key_9.value:
                self.pin_pad.press(str(key - K.Key_0.value))
            elif key in names:
                self.pin_pad.press(names[key])
            return
        if self._mode is not Mode.ACTIVE:
            return
        if key in (K.Key_Return.value, K.Key_Enter.value, K.Key_Space.value) and focused is not None:
            focused.click()
            return
        bar = self.article.verticalScrollBar()
        actions = {
            K.Key_Left.value: self.previous_event,
            K.Key_Right.value: self.next_event,
            K.Key_Space.value: self.toggle_play,
            K.Key_Home.value: lambda: (self.stop_playing(), self.model.go_home()),
            K.Key_End.value: lambda: (self.stop_playing(), self.model.go_end()),
            K.Key_Up.value: lambda: bar.setValue(bar.value() - bar.singleStep() * 3),
            K.Key_Down.value: lambda: bar.setValue(bar.value() + bar.singleStep() * 3),
            K.Key_PageUp.value: lambda: bar.setValue(bar.value() - bar.pageStep()),
            K.Key_PageDown.value: lambda: bar.setValue(bar.value() + bar.pageStep()),
        }
        action = actions.get(key)
        if action is not None:
            action()

    # -- idle, countdown, attract ------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self._mode.value

    def _set_mode(self, mode: Mode) -> None:
        if mode is not self._mode:
            self._mode = mode
            self._announce_mode()

    def _announce_mode(self) -> None:
        """After the screen shows the new mode: log it and emit ``mode_changed``."""
        log.info("kiosk mode: %s", self._mode.value)
        self.mode_changed.emit(self._mode.value)

    def _on_activity(self) -> None:
        if self._mode is not Mode.ACTIVE:
            return  # only a press wakes it (and is swallowed): see _on_swallowed
        if not self._visitor_present:
            self._visitor_present = True
            if self.stats is not None:
                self._record_view()
        if not self._playing:
            self.idle_timer.start()

    def _on_swallowed(self) -> None:
        if self._mode is Mode.ATTRACT:
            self._leave_attract()
        elif self._mode is Mode.COUNTDOWN:
            self._keep_place()

    def _on_idle(self) -> None:
        if self._mode is not Mode.ACTIVE or self._playing:
            return
        if not self._visitor_present:
            self.start_attract()  # nobody has touched it since the last reset: no question to ask
            return
        self.pin_pad.hide()
        if self.stats is not None:
            self.stats.view_ended()
        self._mode = Mode.COUNTDOWN
        self.guard.swallow_next_press()
        self._countdown_deadline = time.monotonic() + self.countdown_timer.interval() / 1000
        self._tick_countdown()
        self.still_there.open()
        self.countdown_timer.start()
        self._countdown_tick.start()
        self._announce_mode()

    def _tick_countdown(self) -> None:
        left = max(0.0, self._countdown_deadline - time.monotonic())
        self.still_there.set_seconds_left(max(1, math.ceil(left)))

    def _keep_place(self) -> None:
        """A touch during “Still there?”: carry on where the visitor was."""
        self.countdown_timer.stop()
        self._countdown_tick.stop()
        self.still_there.hide()
        self.guard.swallow_next_press(False)
        self._set_mode(Mode.ACTIVE)
        if self.stats is not None:
            self._record_view()
        self.idle_timer.start()

    def _on_countdown_over(self) -> None:
        self._countdown_tick.stop()
        self.still_there.hide()
        self.start_attract()

    def start_attract(self) -> None:
        """Reset everything to the start state and let the story play by itself."""
        self.idle_timer.stop()
        self.countdown_timer.stop()
        self._countdown_tick.stop()
        self.reset_to_start()
        self._visitor_present = False
        self._mode = Mode.ATTRACT
        self.guard.swallow_next_press()
        if self.stats is not None:
            self.stats.attract_started()
        self.banner.show()
        self.banner.place(self.map_view)
        self.attract_timer.start(self._hold_ms())
        self._announce_mode()

    def _attract_step(self) -> None:
        if self._mode is not Mode.ATTRACT:
            return
        if not self.model.next_event():
            self.attract_cycles += 1
            self.reset_to_start()
            self.attract_cycle_finished.emit(self.attract_cycles)
        self.attract_timer.start(self._hold_ms())

    def _leave_attract(self) -> None:
        """The first touch in the loop: hand control back, nothing else."""
        self.attract_timer.stop()
        self.banner.hide()
        self.guard.swallow_next_press(False)
        self._set_mode(Mode.ACTIVE)
        self._visitor_present = True
        if self.stats is not None:
            self.stats.attract_interrupted()
            self._record_view()
        self.idle_timer.start()

    def reset_to_start(self) -> None:
        """Back to the known start: date, map frame and zoom, article scroll, language, no popups;
        every ``renew_page_every`` resets the map page starts afresh in a new render process."""
        self.resets += 1
        every = self.config.renew_page_every
        renew = bool(every) and self.resets % every == 0 and self.map_view.is_ready
        self.stop_playing()
        self.pin_pad.hide()
        self.still_there.hide()
        self.details.hide()
        self._details_place = None
        self._fit_card()
        self.card_scroll.verticalScrollBar().setValue(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # the next visitor starts with no focus frame
        self._apply_language(self.home_language)
        self.map_view.reset_view()
        self.article.show_passages((), ())
        self.article.verticalScrollBar().setValue(0)
        before = self.model.moment
        self._go_to_start()
        if self.model.moment == before:
            self._show_moment(before)  # reframe the map and re-highlight even when the moment is the same
        if renew:
            self.map_view.renew()  # shows the start state again once the fresh page is up

    def _go_to_start(self) -> None:
        if self.start is None:
            self.model.go_home()
        elif self.start[0] == "event":
            self.model.go_to_event(str(self.start[1]))
        else:
            self.model.set_day(int(self.start[1]))

    def _apply_language(self, language: str) -> None:
        """Back to *language* (a reset: the next visitor starts in the configured one)."""
        self.languages.set_language(language)
        self.language_bar.set_current(self.languages.current)

    def _record_view(self) -> None:
        focus = self.model.moment.focus
        if focus is not None:
            self.stats.view_started(focus.id, focus.title)
        else:
            self.stats.view_ended()

    # -- the page ------------------------------------------------------------------------------------
    def restart_page(self, why: str = "asked") -> None:
        """A hung page: kill its render process (MapView reloads it, with back-off, and restores the state)."""
        self.page_restarts += 1
        pid = self.map_view.render_process_pid()
        log.error("restarting the map page (%s); render process %s", why, pid or "none")
        if pid > 0 and pid != os.getpid():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError as exc:
                log.error("could not stop render process %s: %s; reloading the page", pid, exc)
                self.reload_page()
        else:
            self.reload_page()
        self.page_restarted.emit(why)

    def reload_page(self) -> None:
        """Load the map page afresh and show the current moment on it."""
        self.map_view.load(self._page_path)
        self._show_moment(self.model.moment)

    # -- staff exit ------------------------------------------------------------------------------------
    def open_pin_pad(self, why: str = "") -> None:
        if self.pin_pad.isVisible():
            return
        if self._mode is Mode.ATTRACT:
            self._leave_attract()
        elif self._mode is Mode.COUNTDOWN:
            self._keep_place()
        self.stop_playing()
        log.info("staff PIN pad opened (%s)", why or "asked")
        if not self.gate.enabled:
            self._pin_message = ("disabled", (), True)
            self.pin_pad.reset("", error=True)
            self.pin_pad.set_enabled_keys(False)
            self._show_pin_message()
        else:
            self._show_pin_state("prompt")
        self.pin_pad.open()

    def _pin_text(self, kind: str, *values) -> str:
        """The PIN pad's messages in the interface language."""
        if kind == "disabled":
            return self.tr("Staff exit is not set up on this kiosk.")
        if kind == "wrong":
            return self.tr("Wrong PIN. %n more tries before the pad locks.", "", values[0])
        if kind == "locked":
            return self.tr("Too many wrong PINs. Try again in %n seconds.", "", values[0])
        if kind == "prompt":
            return self.tr("Enter the staff PIN.")
        return ""

    def _show_pin_message(self) -> None:
        kind, values, error = self._pin_message
        self.pin_pad.set_message(self._pin_text(kind, *values), error)

    def _show_pin_state(self, kind: str, *values, error: bool = False) -> None:
        locked = self.gate.seconds_locked()
        if locked > 0:
            self._pin_message = ("locked", (math.ceil(locked),), True)
            self.pin_pad.reset("", error=True)
            self.pin_pad.set_enabled_keys(False)
            self._lock_tick.start()
        else:
            self._pin_message = (kind, values, error)
            self.pin_pad.reset("", error)
            self.pin_pad.set_enabled_keys(True)
        self._show_pin_message()

    def _tick_lockout(self) -> None:
        if not self.pin_pad.isVisible():
            self._lock_tick.stop()
            return
        if self.gate.seconds_locked() > 0:
            self._show_pin_state("locked")
        else:
            self._lock_tick.stop()
            self._show_pin_state("prompt")

    def _check_pin(self, pin: str) -> None:
        if self.gate.check(pin):
            log.warning("staff exit with the right PIN")
            self.pin_pad.hide()
            self.exit_for_staff()
            return
        log.warning("wrong staff PIN entered")
        self._show_pin_state("wrong", self.gate.attempts_left, error=True)

    def _pin_pad_closed(self) -> None:
        self._lock_tick.stop()
        self.idle_timer.start()

    def exit_for_staff(self) -> None:
        self._staff_exiting = True
        self.staff_exit.emit()
        self.close()

    # -- staying fullscreen and open -------------------------------------------------------------------
    def allow_close(self) -> None:
        """Let the window close (tests, application quit); visitors never reach this."""
        self._staff_exiting = True

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._staff_exiting:
            log.warning("close refused: the kiosk only closes through the staff PIN")
            event.ignore()
            QTimer.singleShot(0, self, self._reassert_fullscreen)
            return
        self._shutdown()
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.WindowStateChange and not self._staff_exiting:
            state = self.windowState()
            if not state & Qt.WindowState.WindowFullScreen or state & Qt.WindowState.WindowMinimized:
                log.warning("the window left full screen (%s); putting it back", state)
                QTimer.singleShot(0, self, self._reassert_fullscreen)

    def _ensure_fullscreen(self) -> None:
        """Every second: still shown, full screen and not minimised (some changes send no event)."""
        state = self.windowState()
        if not self.isVisible() or not state & Qt.WindowState.WindowFullScreen or state & Qt.WindowState.WindowMinimized:
            log.warning("the kiosk window is not full screen (%s); putting it back", state)
            self._reassert_fullscreen()

    def _reassert_fullscreen(self) -> None:
        if self._staff_exiting or self._closed:
            return
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._side.setFixedWidth(self._side_width(self.width()))
        self._fit_card()
        if self.banner.isVisible():
            self.banner.place(self.map_view)
        if self.focus_ring.target is not None:
            self.focus_ring.follow(self.focus_ring.target)

    def _shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        for timer in (self.idle_timer, self.countdown_timer, self._countdown_tick, self.attract_timer, self.play_timer,
                      self._lock_tick, self._keeper):
            timer.stop()
        self.page_watch.stop()
        self.guard.uninstall()
        for signal_, slot in ((self.languages.changed, self._on_language_changed),
                              (QApplication.instance().focusChanged, self._on_focus_changed)):
            try:
                signal_.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        if self.stats is not None:
            self.stats.close()
