"""The kiosk window: the exhibit full screen and touch-first, laid out around the shared presenter.

It only lays out and wires. The moment, places, play and the language go
through :class:`~chronomap.qt.presenter.ExplorerPresenter` and
:class:`~chronomap.qt.presenter.Player` (as on the desk), with the kiosk's own
:class:`~chronomap.kiosk.card.KioskCard`; the modes (active, “Still there?”,
the attract loop, the PIN pad and its lockout) are
:class:`~chronomap.kiosk.modes.ModeMachine`'s, run on one timer by
:class:`~chronomap.kiosk.mode_driver.ModeDriver`; input is filtered by
:class:`~chronomap.kiosk.guard.InputGuard`, keys mapped by
:mod:`chronomap.kiosk.keys`, the page kept by
:class:`~chronomap.kiosk.page_keeper.PageKeeper` and full screen by
:class:`~chronomap.kiosk.fullscreen.FullScreenKeeper`.

Staff leave through a hidden gesture (five taps in the staff corner within
three seconds; the layout keeps that corner clear of every control, and it is
never over the map, whose corners carry the zoom buttons, the legend and the
credits) or Ctrl+Alt+Shift+K, then the PIN pad; nothing else closes the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QScroller, QWidget

from chronomap.kiosk.config import KioskConfig
from chronomap.kiosk.fullscreen import FullScreenKeeper, pick_screen
from chronomap.kiosk.guard import CORNER_PX, InputGuard
from chronomap.kiosk.keys import FocusChain, KeyMap
from chronomap.kiosk.layout import KioskLayout
from chronomap.kiosk.media_wiring import KioskMedia
from chronomap.kiosk.mode_driver import ModeDriver
from chronomap.kiosk.modes import Clock, Mode
from chronomap.kiosk.page_keeper import PageKeeper
from chronomap.kiosk.pin import PinGate, pin_state_file
from chronomap.kiosk.stats import StatsRecorder
from chronomap.kiosk.texts import style_sheet
from chronomap.map.view_state import MapStateBuilder
from chronomap.qt.article_panel import ArticlePanel
from chronomap.qt.language import system_language
from chronomap.qt.map_view import MapView
from chronomap.qt.map_words import map_words
from chronomap.qt.presenter import ExplorerPresenter, Player
from chronomap.qt.session import Look, Moment, SessionModel
from chronomap.qt.timeline_slider import TimelineSlider
from chronomap.story.model import Exhibit
from chronomap.story.timeline import Timeline

log = logging.getLogger("chronomap.kiosk")

#: What a tap on it operates: the staff corner never counts a tap on one of these.
CONTROLS = (QAbstractButton, TimelineSlider, ArticlePanel, MapView, QScrollArea)


def start_moment(timeline: Timeline, start: Moment | tuple[str, int | str] | None) -> Moment | None:
    """*start* as a moment: a resolved one, or ``("event", id)`` / ``("day", n)`` as the kiosk's
    start resolver gives them."""
    if start is None or isinstance(start, Moment):
        return start
    kind, value = start
    return timeline.moment_for_event(str(value)) if kind == "event" else timeline.moment_at(int(value))


class KioskWindow(KioskLayout):
    """The kiosk. *state_dir* holds the PIN lockout state (the log folder; by default the
    settings' own, resolved from the working folder)."""

    mode_changed = Signal(str)
    attract_cycle_finished = Signal(int)  # loops completed so far
    staff_exit = Signal()  # the right PIN was entered; the window has closed
    page_restarted = Signal(str)  # the page was hung and was restarted; why

    def __init__(self, exhibit: Exhibit, config: KioskConfig, *, start: Moment | tuple[str, int | str] | None = None,
                 stats: StatsRecorder | None = None, state_dir: Path | None = None, clock: Clock | None = None,
                 parent: QWidget | None = None):
        look = Look(bool(config.high_contrast), bool(config.large_type))
        timeline = Timeline(exhibit)
        super().__init__(exhibit, timeline, look, config.staff_corner, parent)
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setStyleSheet(style_sheet(look.high_contrast, look.large_type))
        self.config = config
        self.stats = stats
        self.start = start_moment(timeline, start)
        #: The language every visitor starts in: the configured one, else the system's.
        self.home_language = config.language or system_language()
        self.attract_cycles = 0
        self._staff_exiting = False
        self._cursor_hidden = False
        self._closed = False

        self.model = SessionModel(timeline, self.home_language, look, self)
        self.builder = MapStateBuilder(exhibit, self.home_language, map_words())
        self.presenter = ExplorerPresenter(self.model, self.builder, self.map_view, self.article, self.slider, self.card,
                                           self.date_label, self.event_label, self, glide_on_map_click=True)
        self.presenter.before_article = self.side_layout.activate  # the card's height first, then the passage
        self.player = Player(self.model, lambda: round(self._hold_seconds() * 1000), self)
        self.language_bar.set_current(self.model.language)
        self.gate = PinGate(config.pin_hash, config.pin_attempts, config.pin_lockout_seconds,
                            state_file=pin_state_file(state_dir if state_dir is not None else config.resolved_log_dir()))
        self.modes = ModeDriver(idle_seconds=config.idle_seconds, countdown_seconds=config.countdown_seconds,
                                hold=self._hold_seconds, gate=self.gate, clock=clock, parent=self)
        first = self.start if self.start is not None else timeline.moment_for_event(timeline.events[0].id)  # go_to_start's
        self.page = PageKeeper(self.map_view, self.builder.spec(), exhibit.meta.id, renew_every=config.renew_page_every,
                               hang_check_seconds=config.hang_check_seconds,
                               hang_timeout_seconds=config.hang_timeout_seconds, show_again=self.presenter.refresh,
                               opening=self.builder.opening_state(first.state, first.day),
                               parent=self)
        self.guard = InputGuard(self, self.modes.machine, self.staff_zone, self.on_control,
                                escape_wanted=self.viewer.isVisible)
        self.media = KioskMedia(self)
        self.keeper = FullScreenKeeper(self)
        self.focus = FocusChain(self, self.focus_ring, self.focus_chain, lambda: (self.slider, self.map_view))
        bar = self.article.verticalScrollBar()
        self.keys = KeyMap(self.focus, self.pin_pad, lambda: self.modes.mode is Mode.ACTIVE, {
            Qt.Key.Key_Left.value: self.media.left,
            Qt.Key.Key_Right.value: self.media.right,
            Qt.Key.Key_Escape.value: self.media.escape,
            Qt.Key.Key_Space.value: self.player.toggle,
            Qt.Key.Key_Home.value: self.first_event,
            Qt.Key.Key_End.value: self.last_event,
            Qt.Key.Key_Up.value: lambda: bar.setValue(bar.value() - bar.singleStep() * 3),
            Qt.Key.Key_Down.value: lambda: bar.setValue(bar.value() + bar.singleStep() * 3),
            Qt.Key.Key_PageUp.value: lambda: bar.setValue(bar.value() - bar.pageStep()),
            Qt.Key.Key_PageDown.value: lambda: bar.setValue(bar.value() + bar.pageStep()),
        })
        self._wire()
        self._lock_widgets()
        self.retranslate()
        self.model.go_to_start(self.start)
        self.presenter.refresh()
        # the window itself holds focus until a keyboard user presses Tab (Qt would otherwise give it
        # to the first control, and show a focus frame nobody asked for)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _wire(self) -> None:
        model, modes, pad = self.model, self.modes, self.pin_pad
        self.card.place_chosen.connect(self.presenter.show_place)
        self.presenter.shown.connect(self._moment_shown)
        model.changed.connect(self._moment_shown)  # at once: Next and Back before the card follows the page
        model.changed.connect(lambda _moment: modes.machine.moment_changed())
        model.language_changed.connect(self._language_changed)
        model.playing_changed.connect(self._playing_changed)
        self.language_bar.chosen.connect(model.set_language)
        self.prev_button.clicked.connect(self.previous_event)
        self.next_button.clicked.connect(self.next_event)
        self.play_button.clicked.connect(self.player.toggle)
        pad.submitted.connect(modes.machine.pin_entered)
        pad.cancelled.connect(modes.machine.pin_cancelled)
        self.guard.key_pressed.connect(self.keys.handle)
        self.guard.staff_requested.connect(self.open_pin_pad)
        self.page.restarted.connect(self.page_restarted.emit)
        modes.mode_changed.connect(self._mode_shown)
        modes.still_there.connect(self._still_there)
        modes.still_there_over.connect(self.still_there.hide)
        modes.reset_requested.connect(self.reset_to_start)
        modes.attract_next.connect(self._attract_step)
        modes.pin_pad_opened.connect(self._pin_pad_opened)
        modes.pin_pad_closed.connect(pad.hide)
        modes.pin_message.connect(pad.show_state)
        modes.staff_exit.connect(self.exit_for_staff)
        modes.view_started.connect(self._record_view)
        if self.stats is not None:
            stats = self.stats
            modes.view_ended.connect(stats.view_ended)
            modes.attract_started.connect(stats.attract_started)
            modes.attract_interrupted.connect(stats.attract_interrupted)

    def _lock_widgets(self) -> None:
        """No text selection, context menus or drops anywhere; the article scrolls by swiping."""
        for widget in [self, *self.findChildren(QWidget)]:
            widget.setAcceptDrops(False)
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.article.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.article.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it (a touch does not focus it)
        self.article.viewport().setAcceptDrops(False)
        QScroller.grabGesture(self.article.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    # -- reads ----------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.modes.mode.value

    @property
    def is_playing(self) -> bool:
        return self.model.playing

    @property
    def resets(self) -> int:
        return self.page.resets

    @property
    def page_restarts(self) -> int:
        return self.page.restarts

    def staff_zone(self) -> QRect:
        """The staff corner in window coordinates: the configured corner of the kiosk's own panels,
        which the layout keeps clear of controls (see :class:`~chronomap.kiosk.layout.KioskLayout`)."""
        corner = self.staff_corner
        if corner.startswith("top"):
            side = self.side.mapTo(self, QPoint(0, 0))
            x = side.x() if corner == "top-left" else self.width() - CORNER_PX
            return QRect(x, 0, CORNER_PX, CORNER_PX)
        x = 0 if corner == "bottom-left" else self.width() - CORNER_PX
        return QRect(x, self.height() - CORNER_PX, CORNER_PX, CORNER_PX)

    def on_control(self, point: QPoint) -> bool:
        """Whether a tap at *point* (window coordinates) lands on something a visitor operates."""
        widget = self.childAt(point)
        while widget is not None and widget is not self:
            if isinstance(widget, CONTROLS):
                return True
            widget = widget.parentWidget()
        return False

    # -- showing ----------------------------------------------------------------------------------
    def show_on_screen(self) -> None:
        """Full screen on the configured screen (the primary one when it is absent)."""
        screen = pick_screen(self.config.screen)
        if self.config.hide_cursor and not self._cursor_hidden:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._cursor_hidden = True
        self.keeper.show(screen)
        self.guard.install()
        self.page.start()
        if self.map_view.is_ready:
            self.modes.machine.start()
        else:  # idle time counts from when the exhibit is on the screen
            self.map_view.ready.connect(self._first_ready)
        log.info("kiosk shown on %s (%dx%d)", screen.name() if screen else "?", self.width(), self.height())

    def _first_ready(self) -> None:
        self.map_view.ready.disconnect(self._first_ready)
        if not self._closed:
            self.modes.machine.start()

    def _moment_shown(self, _moment: Moment) -> None:
        self.prev_button.setEnabled(self.model.can_go_previous())
        self.next_button.setEnabled(self.model.can_go_next())

    def show_place(self, place_id: str) -> None:
        """Glide to a place and show what the exhibit says about it."""
        self.presenter.show_place(place_id)

    def _hold_seconds(self) -> float:
        """How long the loop and Play hold what is on screen: long enough to read its summary."""
        focus = self.model.moment.focus
        return self.config.hold_seconds(focus.summary_in(self.model.language) if focus is not None else "")

    # -- visitor controls ------------------------------------------------------------------------
    def previous_event(self) -> None:
        self.player.stop()
        self.model.previous_event()

    def next_event(self) -> None:
        self.player.stop()
        self.model.next_event()

    def first_event(self) -> None:
        self.player.stop()
        self.model.go_home()

    def last_event(self) -> None:
        self.player.stop()
        self.model.go_end()

    def move_focus(self, forward: bool = True) -> QWidget | None:
        return self.focus.move(forward)

    def _playing_changed(self, playing: bool) -> None:
        self.play_button.setChecked(playing)
        self.label_play_button(playing)
        self.modes.machine.playing_changed(playing)

    def _language_changed(self, lang: str) -> None:
        """The presenter re-rendered the exhibit's texts and the map; the kiosk's own words follow
        the ``LanguageChange`` Qt sends every widget (and are re-done here, so nothing waits for it)."""
        self.language_bar.set_current(lang)
        self.retranslate()
        log.info("kiosk language: %s", lang)

    def retranslate(self) -> None:
        super().retranslate()
        self.label_play_button(self.model.playing)
        self.setWindowTitle(f"{self.exhibit.title_in(self.model.language)} — Chronomap")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.label_explorer_widgets()  # the children have re-labelled themselves by now
        return handled

    # -- the modes, shown ------------------------------------------------------------------------
    def _mode_shown(self, mode: str) -> None:
        """After the screen shows the new mode: the banner, the log and ``mode_changed``."""
        if mode == Mode.ATTRACT.value:
            self.banner.show()
            self.banner.place(self.map_view)
        else:
            self.banner.hide()
        log.info("kiosk mode: %s", mode)
        self.mode_changed.emit(mode)

    def _still_there(self, seconds_left: int) -> None:
        if not self.still_there.isVisible():
            self.still_there.open()
        self.still_there.set_seconds_left(seconds_left)

    def start_attract(self) -> None:
        """Reset everything to the start state and let the story play by itself (staff, tests)."""
        self.modes.machine.attract_now()

    def _attract_step(self) -> None:
        if not self.model.next_event():
            self.attract_cycles += 1
            self.reset_to_start()
            self.attract_cycle_finished.emit(self.attract_cycles)

    def reset_to_start(self) -> None:
        """Back to the known start: date, map frame and zoom, article scroll, language, no popups;
        every ``renew_page_every`` resets the map page starts afresh in a new render process."""
        self.player.stop()
        self.media.reset()
        self.pin_pad.hide()
        self.still_there.hide()
        self.focus.clear()  # the next visitor starts with no focus frame
        self.model.set_language(self.home_language)
        self.map_view.reset_view()
        self.article.show_passages((), ())
        self.article.verticalScrollBar().setValue(0)
        before = self.model.moment
        self.model.go_to_start(self.start)
        self.model.select_place(None)
        if self.model.moment == before:
            self.presenter.refresh()  # reframe the map and re-highlight even when the moment is the same
        self.card.clear_place()
        self.page.reset()

    def _record_view(self) -> None:
        if self.stats is None:
            return
        focus = self.model.moment.focus
        if focus is not None:
            self.stats.view_started(focus.id, focus.title)
        else:
            self.stats.view_ended()

    # -- staff exit ------------------------------------------------------------------------------
    def open_pin_pad(self, why: str = "") -> None:
        log.info("staff PIN pad asked for (%s)", why or "asked")
        self.modes.machine.staff_gesture()

    def _pin_pad_opened(self) -> None:
        self.player.stop()
        self.pin_pad.open()

    def exit_for_staff(self) -> None:
        self._staff_exiting = True
        self.keeper.release()
        self.staff_exit.emit()
        self.close()

    def allow_close(self) -> None:
        """Let the window close (tests, application quit); visitors never reach this."""
        self._staff_exiting = True
        self.keeper.release()

    # -- staying open ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._staff_exiting:
            log.warning("close refused: the kiosk only closes through the staff PIN")
            event.ignore()
            self.keeper.reassert_soon()
            return
        self._shutdown()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.side.setFixedWidth(self.side_width_for(self.width()))
        self.fit_languages()
        self.card.fit()
        if self.banner.isVisible():
            self.banner.place(self.map_view)
        self.focus.follow_layout()

    def _shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.player.stop()
        self.media.reset()
        self.modes.stop()
        self.page.stop()
        self.guard.uninstall()
        self.focus.stop()
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        if self.stats is not None:
            self.stats.close()
