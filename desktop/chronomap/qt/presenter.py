"""One presenter: the session shown on the map, the article, the timeline, the card and the date.

The desk window and the kiosk are layouts around it plus their own input;
neither shows a moment, a place or a language change itself. Data flows one
way: input → :class:`~chronomap.qt.session.SessionModel` → this → the views.

A new moment goes to the map first (and to the timeline, whose keys and drags step from it; its
repaint waits with the rest); the other views (card, article, date) follow once the page has
answered that state, in the turn after its answer (or after :data:`FOLLOW_CAP_MS` if the page is
slow to answer). Shown in the same turn as the state was sent, their layout and repaint (~5-11 ms
of main-thread CPU per change here) stood in the queue in front of the page's answer, which reached
Python that much later (bench_explorer ``update_ms_median``); either way the card is painted once
that work has run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from chronomap.map.view_state import MapStateBuilder
from chronomap.qt.announce import announce_map_state
from chronomap.qt.article_panel import ArticlePanel
from chronomap.qt.language import language_service
from chronomap.qt.map_view import MapView
from chronomap.qt.map_words import map_words
from chronomap.qt.session import Look, Moment, SessionModel
from chronomap.qt.timeline_slider import TimelineSlider
from chronomap.story.model import Exhibit
from chronomap.story.place_facts import PlaceFacts, place_facts
from chronomap.story.timeline import Timeline

#: The longest the side views wait for the page to answer a moment's state before they show it anyway.
FOLLOW_CAP_MS = 50


class EventCard(Protocol):
    """What a layout's card does; the desk's is rich text, the kiosk's large labels and buttons."""

    def show_moment(self, moment: Moment, language: str, look: Look) -> None: ...

    def show_place(self, facts: PlaceFacts, language: str, look: Look) -> None: ...


class ExplorerPresenter(QObject):
    """Wires a session to its views; ``shown`` fires after a moment reached every view.

    A moment's map state is sent at once; the other views show it once the page has answered
    (see the module's docstring), so wait for ``shown`` (or for what you check) after a change.
    """

    shown = Signal(object)  # Moment

    def __init__(self, session: SessionModel, builder: MapStateBuilder, map_view: MapView, article: ArticlePanel,
                 slider: TimelineSlider, card: EventCard, date_label: QLabel, event_label: QLabel,
                 parent: QObject | None = None, *, glide_on_map_click: bool = False):
        super().__init__(parent)
        self.session = session
        self.builder = builder
        self.map_view = map_view
        self.article = article
        self.slider = slider
        self.card = card
        self.date_label = date_label
        self.event_label = event_label
        #: A layout's hook run before the article scrolls (the kiosk re-lays its side panel first).
        self.before_article: Callable[[], object] = lambda: None
        self._unshown: Moment | None = None  # sent to the map, not yet to the other views
        self._slider_unpainted = False  # the slider took a moment whose repaint waits for the other views
        self._follow_cap = QTimer(self)  # owned: stopped or gone with the presenter
        self._follow_cap.setSingleShot(True)
        self._follow_cap.setInterval(FOLLOW_CAP_MS)
        self._follow_cap.timeout.connect(self._show_views)
        # queued: the page's answer is heard (state_applied's other listeners) before the views' work starts
        map_view.state_applied.connect(self._on_state_applied, Qt.ConnectionType.QueuedConnection)
        self._apply_language(session.language)
        self._apply_look(session.look)
        session.changed.connect(self._on_moment)
        session.language_changed.connect(self._on_language)
        session.look_changed.connect(self._on_look)
        session.selection_changed.connect(self._on_selection)
        slider.day_changed.connect(session.set_day)
        slider.event_clicked.connect(session.go_to_event)
        slider.drag_changed.connect(self._on_drag_changed)
        article.passage_clicked.connect(session.go_to_event)
        article.place_clicked.connect(self.show_place)
        map_view.place_clicked.connect(self.show_place if glide_on_map_click else session.select_place)

    @property
    def following(self) -> bool:
        """A moment has gone to the map and waits for the page's answer before the other views show it."""
        return self._unshown is not None

    # -- input the layouts forward ------------------------------------------------------------
    def show_place(self, place_id: str) -> None:
        """Glide the map to a place and show what the exhibit says about it."""
        if place_id in self.session.timeline.exhibit.places:
            self.map_view.show_place(place_id)
            if self.session.selected_place == place_id:
                self._on_selection(place_id)  # shown again (the card may have moved on)
            self.session.select_place(place_id)

    def replace_exhibit(self, exhibit: Exhibit, event_id: str | None = None) -> None:
        """Another version of the same exhibit (the editor's) on the same views, at *event_id* if given.

        Texts, dates and styles are swapped in and shown; the page is not reloaded, so
        *exhibit* must have the places the page was drawn with (a new or moved place
        needs the page built again: the layout's job).
        """
        session, look = self.session, self.session.look
        timeline = Timeline(exhibit)
        builder = MapStateBuilder(exhibit, session.language, map_words())
        builder.set_appearance(look.high_contrast, look.large_type)
        self.builder = builder
        session.core.timeline = timeline
        if hasattr(self.card, "exhibit"):  # the desk's card names the exhibit; the kiosk's takes it from the moment
            setattr(self.card, "exhibit", exhibit)  # noqa: B010 (not part of the EventCard protocol)
        self.article.exhibit = exhibit
        self.article.refresh()
        self.slider.timeline = timeline
        self.slider.update()
        pinned = event_id or session.moment.pinned_event
        # the moment again in the new timeline: the old one holds the old events' texts
        moment = (timeline.moment_for_event(pinned) if pinned and exhibit.has_event(pinned)
                  else timeline.moment_at(session.moment.day))
        if moment == session.moment:
            self.refresh()
        else:
            session.set_moment(moment)  # shown through _on_moment
            self.refresh()

    def refresh(self, animate: bool = True) -> None:
        """Everything again for the current moment (a reset, a reloaded page)."""
        self._show(self.session.moment, animate)

    # -- the session, shown ------------------------------------------------------------------
    def _on_moment(self, moment: Moment) -> None:
        # A discrete move (Next, an event, a click on the track) glides to its focus. During a
        # drag the view holds still and only the colours and labels follow the finger: a glide
        # per change kept the page animating (each next state waited behind its frames), and a
        # jump redraws the whole base map (a jump per focus change: drag lag p95 ~210 ms here,
        # against ~80-120 ms holding still; bench_explorer.py). The view glides once the drag ends.
        self._show(moment, animate=True, hold_view=self.slider.dragging, follow_page=True)

    def _on_drag_changed(self, dragging: bool) -> None:
        if not dragging:  # the finger rests: frame where it stopped
            moment = self.session.moment
            self.map_view.show_state(self.builder.page_state(moment.state, moment.day, animate=True))

    def _show(self, moment: Moment, animate: bool, hold_view: bool = False, follow_page: bool = False) -> None:
        """The map first; the other views at once, or with *follow_page* once the page has answered."""
        # A page not yet ready has shown nothing: its first frame is drawn where it belongs, not glided to.
        animate = animate and self.map_view.is_ready
        page_state = self.builder.page_state(moment.state, moment.day, animate=animate)
        if hold_view:
            page_state["focus"] = None  # the page frames nothing new
        self.map_view.show_state(page_state)
        focus = moment.state.focus
        following = follow_page and self.map_view.is_ready  # a page not ready answers nothing soon
        # The timeline's own day at once: its keys and drags step from it. Its repaint waits with the other
        # views: painted (with the window's flush) in the same turn as the state was sent, it stood in front of
        # the page's answer (a probe of 240 changes here: send -> answer median 4.04 -> 3.27 ms without it).
        if self.slider.show_moment(moment.day, focus.id if focus else None,
                                   frozenset(e.id for e in moment.state.current), repaint=not following):
            self._slider_unpainted = following
        self._unshown = moment
        if following:
            if not self._follow_cap.isActive():  # counted from the oldest moment waiting (a drag never starves it)
                self._follow_cap.start()
        else:
            self._show_views()

    def _on_state_applied(self, _seq: int) -> None:
        """The page answered a state: the newest moment given meanwhile reaches the other views."""
        if self._unshown is not None:
            self._show_views()

    def _show_views(self) -> None:
        """The moment last sent to the map, on the card, article and date; then ``shown``."""
        self._follow_cap.stop()
        moment, self._unshown = self._unshown, None
        if self._slider_unpainted:
            self._slider_unpainted = False
            self.slider.update()
        if moment is None:
            return
        state = moment.state
        focus = state.focus
        lang = self.session.language
        date = moment.label(lang)
        announce_map_state(self.map_view, self.builder.describe(state, moment.day, date))
        self.date_label.setText(date)
        self.event_label.setText(focus.title_in(lang) if focus else self.tr("Before the story begins"))
        self.card.show_moment(moment, lang, self.session.look)
        self.before_article()
        self.article.show_passages(state.highlighted_sentences, focus.sentence_ids if focus else ())
        self.shown.emit(moment)

    def _on_selection(self, place_id: str | None) -> None:
        if self._unshown is not None:  # the moment still waiting for the page first: the place goes over it, as ever
            self._show_views()
        session = self.session
        if place_id is None:
            self.card.show_moment(session.moment, session.language, session.look)
        else:
            self.card.show_place(place_facts(session.timeline, place_id, session.day, session.language),
                                 session.language, session.look)

    def _apply_language(self, lang: str) -> None:
        language_service().set_language(lang)  # Qt's translators first: the map's words come through them
        self.builder.set_language(lang, map_words())
        self.article.set_language(lang)

    def _on_language(self, lang: str) -> None:
        """The exhibit's texts and the map's words in *lang*; the page is not reloaded, the state
        carries its labels and legend, and the view stays where it is."""
        self._apply_language(lang)
        self._show(self.session.moment, animate=False)
        if self.session.selected_place is not None:
            self._on_selection(self.session.selected_place)

    def _apply_look(self, look: Look) -> None:
        self.builder.set_appearance(look.high_contrast, look.large_type)
        self.article.set_look(look)
        self.slider.set_look(look)

    def _on_look(self, look: Look) -> None:
        self._apply_look(look)
        self._show(self.session.moment, animate=True)


class Player(QObject):
    """Plays the session event by event: each event held for ``hold_ms()``; stops at the end."""

    held = Signal(int)  # ms: the event now on screen is held this long

    def __init__(self, session: SessionModel, hold_ms: Callable[[], int], parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.hold_ms = hold_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    def toggle(self) -> None:
        if self.session.playing:
            self.stop()
        else:
            self.play()

    def play(self) -> None:
        if self.session.at_the_end():
            self.session.go_home()
        self.session.set_playing(True)
        self._hold()

    def stop(self) -> None:
        self._timer.stop()
        self.session.set_playing(False)

    def restart_hold(self) -> None:
        """The hold changed (a new speed): count it from now."""
        if self.session.playing:
            self._hold()

    def _hold(self) -> None:
        ms = max(1, int(self.hold_ms()))
        self._timer.start(ms)
        self.held.emit(ms)

    def _step(self) -> None:
        if self.session.next_event():
            self._hold()
        else:
            self.stop()
