"""The desk explorer: map in the centre, article at the side, time along the bottom.

The window is put together from parts with one job each (actions and menus, the time bar, snapshots,
exhibits, language and look, the focus ring: the ``window_*`` modules); this module builds the frame,
fills it with an exhibit and keeps the window's words and settings."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QToolButton, QWidget

from chronomap.desk.open_dialog import ExhibitOpenDialog
from chronomap.desk.window_actions import WindowActions
from chronomap.desk.window_exhibits import WindowExhibits
from chronomap.desk.window_focus import WindowFocus
from chronomap.desk.window_frame import Frame, build_frame
from chronomap.desk.window_look import WindowLook
from chronomap.desk.window_settings import restore_last_moment, saved_language
from chronomap.desk.window_side import build_side_panel
from chronomap.desk.window_snapshots import WindowSnapshots
from chronomap.desk.window_time_bar import PLAY_SPEEDS, WindowTimeBar
from chronomap.map.page import build_page, page_identity
from chronomap.qt.focus_ring import FocusRing
from chronomap.qt.language import language_service
from chronomap.qt.page_watch import PageWatch, restart_hung_page

if TYPE_CHECKING:
    from chronomap.desk.start_memo import EarlyPage
    from chronomap.qt.session import Look, Moment
    from chronomap.story.model import Exhibit

__all__ = ["PLAY_SPEEDS", "PREFERRED_SIZE", "WINDOW_MODULES", "ExhibitOpenDialog", "MainWindow", "first_size"]

log = logging.getLogger("chronomap.ui")

#: What the window needs once it has an exhibit, and the frame does not: the model of the story and
#: everything built from it. Imported when the window is filled (at a start from the memo, by the
#: thread that reads the exhibit, while the map page loads: chronomap.desk.start_load).
WINDOW_MODULES = (
    "chronomap.desk.card", "chronomap.desk.own_keys", "chronomap.map.view_state", "chronomap.qt.theme",
    "chronomap.qt.article_panel", "chronomap.qt.presenter", "chronomap.qt.session",
    "chronomap.qt.timeline_slider", "chronomap.story.loader", "chronomap.story.timeline",
)


def _application() -> QApplication:
    """The running application: a main window cannot exist without one."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


#: The window's size on a screen with room for it, in logical pixels.
PREFERRED_SIZE = (1440, 900)
#: How often the map page is asked whether it still answers, and how long it has to answer (the kiosk's
#: defaults); a page still not ready after 90 s is restarted too (PageWatch).
PAGE_CHECK_MS = 15_000
PAGE_TIMEOUT_MS = 10_000


def first_size(available: QSize) -> tuple[int, int]:
    """The first window's size: the preferred one, shrunk to leave a margin of the available
    screen for the title bar and the panels (QT_SCALE_FACTOR=2 on 2560×1440 leaves 1280×~700)."""
    return (min(PREFERRED_SIZE[0], int(available.width() * 0.95)), min(PREFERRED_SIZE[1], int(available.height() * 0.92)))


class MainWindow(WindowActions, WindowTimeBar, WindowSnapshots, WindowExhibits, WindowLook, WindowFocus, QMainWindow):
    exhibit_changed = Signal(object)

    def __init__(self, exhibit: Exhibit | None, settings: QSettings | None = None, parent: QWidget | None = None, *,
                 start: Moment | None = None, restore: bool = False, early: EarlyPage | None = None):
        """*start*: the moment to open at; else with *restore* the one saved last time (else the story's start).
        Either is the page's opening state, drawn in its first frame.

        Without an exhibit only the frame is built, its map view showing *early*'s page (a cold start
        from :mod:`chronomap.desk.start_memo`); :meth:`install` fills it once the exhibit is read."""
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings("Chronomap", "Chronomap")
        self.resize(*first_size(self._available_geometry().size()))
        self._page_dir = tempfile.TemporaryDirectory(prefix="chronomap-page-")
        page_dir = self._page_dir
        self.destroyed.connect(lambda *_: page_dir.cleanup())
        self._installed = False
        #: the moment the command line asked for (desk.app): a memo of this start opens there again
        self.start_moment: Moment | None = None
        self._build_actions()
        self._early = early
        self.focus_ring = FocusRing(self, QColor(Qt.GlobalColor.black))
        self._frame = self._new_frame(early)
        self._restore_settings()
        if early is not None:
            self.setStyleSheet(early.style_sheet)  # the chrome as high as the filled window's, so the map keeps its size
            for act in self.actions():  # nothing to act on until the exhibit is in
                act.setEnabled(False)
            self.menuBar().setEnabled(False)
            # The menus' and the toolbar's words in the language the window opens in, from its first frame
            # (before, blank until the window was filled, and the menu bar without titles was lower: the map moved).
            language_service().set_language(saved_language(self.settings))
            self.retranslate()
        if exhibit is not None:
            self.install(exhibit, start=start, restore=restore)

    def _restart_hung_page(self, why: str) -> None:
        """Its render process killed, the page comes back with its state (MapView's crash recovery); without
        one of its own to kill, the page is renewed in a fresh one, its state restored the same way."""
        if not restart_hung_page(self.map_view, why):
            self.map_view.renew()

    def load_early_page(self) -> None:
        """Load the page the frame was opened with; call it once the window is shown (laid out: the page's
        first layout is then at the map's size, not at a hidden widget's default, which it would frame again)."""
        if self._early is not None and self._early.view is None and not self._installed:  # (a view made early loads it)
            self.map_view.load(self._early.copy_to(Path(self._page_dir.name)))

    def install(self, exhibit: Exhibit, *, start: Moment | None = None, restore: bool = False) -> None:
        """The exhibit in the window (once): the session, the page, the panels, the presenter."""
        from chronomap.desk.own_keys import OwnKeys

        if self._installed:
            raise RuntimeError("the window has its exhibit; replace_exhibit shows another")
        self._installed = True
        for act in self.actions():
            act.setEnabled(True)
        self.menuBar().setEnabled(True)
        self._own_keys = OwnKeys(self)  # a focused button, list or seek bar keeps Space and the arrows
        _application().focusChanged.connect(self._own_keys.watch)
        language, look = self._saved_language_and_look()
        self._install(exhibit, language, look, start=start, restore=restore)  # the look gives the focus ring its colour
        _application().focusChanged.connect(self._on_focus_changed)

    def _new_frame(self, early: EarlyPage | None = None) -> Frame:
        frame = build_frame(self, *((early.map_size, early.time_bar_height, early.view) if early is not None else ()))
        self.map_view = frame.map_view
        # as the kiosk's: a page that stops answering (or never becomes ready) is restarted, not left blank
        self.page_watch = PageWatch(self.map_view, PAGE_CHECK_MS, PAGE_TIMEOUT_MS, parent=self.map_view)
        self.page_watch.hung.connect(self._restart_hung_page)
        self.page_watch.start()
        self.splitter = frame.splitter
        self.splitter.splitterMoved.connect(lambda *_: self._place_focus_ring())
        old = self.centralWidget()
        self.setCentralWidget(frame.central)
        if old is not None:
            old.deleteLater()
        return frame

    @property
    def lang(self) -> str:
        return self.model.language

    # -- building ------------------------------------------------------------
    def _install(self, exhibit: Exhibit, language: str, look: Look, *, start: Moment | None = None,
                 restore: bool = False) -> None:
        """Build every view for an exhibit: the session, the page once, the widgets, the presenter."""
        from chronomap.desk.card import DeskCard
        from chronomap.map.view_state import MapStateBuilder
        from chronomap.qt.article_panel import ArticlePanel
        from chronomap.qt.presenter import ExplorerPresenter, Player
        from chronomap.qt.session import SessionModel
        from chronomap.qt.timeline_slider import TimelineSlider
        from chronomap.story.timeline import Timeline

        self.exhibit = exhibit
        self.timeline = Timeline(exhibit)
        for old in (getattr(self, "player", None), getattr(self, "presenter", None), getattr(self, "model", None)):
            if old is not None:  # the previous exhibit's, with the widgets they drove
                old.blockSignals(True)
                old.deleteLater()
        if hasattr(self, "player"):
            self.player.stop()
        self.model = SessionModel(self.timeline, language, look, self)
        if start is not None:
            self.model.set_moment(start)
        elif restore:
            self.restore_last_moment()
        self.builder = MapStateBuilder(exhibit, language)

        early, self._early = self._early, None  # the frame the window was opened with, its page loading
        if self._frame.filled:  # another exhibit: a new frame, a new page
            self._frame = self._new_frame()
        self.article = ArticlePanel(exhibit, self)
        self.card = DeskCard(exhibit, self)

        side, self.card_area = build_side_panel(self, self.card, self.article)

        self.slider = TimelineSlider(self.timeline, self)
        time_bar = self._build_time_bar()
        self.presenter = ExplorerPresenter(self.model, self.builder, self.map_view, self.article, self.slider, self.card,
                                           self.date_label, self.event_label, self)
        self.presenter.before_article = self.card_area.settle  # the card's height first, then the passage
        self.player = Player(self.model, lambda: int(self.speed.currentData()), self)
        # the page opens on the state the presenter gives the view below (it costs no redraw then)
        opening = self.builder.opening_state(self.model.moment.state, self.model.moment.day)
        spec = self.builder.spec()
        page = None
        if early is None or early.identity != page_identity(spec, opening):  # type: ignore[arg-type]  # (the early page is this one: it stays)
            if early is not None:
                log.info("the page opened early is not this exhibit's as it is now: loading the right one")
            page = build_page(spec, Path(self._page_dir.name) / exhibit.meta.id, opening=opening)  # type: ignore[arg-type]
        self._frame.fill(side, time_bar)
        # Tab as the eye reads the side panel: the map, the card (and its media), then the article below it
        # (by creation order the article came first, and the card after it, out of sight above).
        QWidget.setTabOrder(self.map_view, self.card)

        self.card.place_link.connect(self.show_place_on_map)
        self.card.event_link.connect(self.model.go_to_event)
        self.presenter.shown.connect(self._moment_shown)
        self.model.changed.connect(self._moment_shown)  # at once: the keys step on before the card follows the page
        self.model.language_changed.connect(self._language_changed)
        self.model.look_changed.connect(self._look_changed)
        self.model.playing_changed.connect(self._playing_changed)
        self.map_view.js_error.connect(lambda message: log.error("map page error: %s", message))
        if page is not None:
            self.map_view.load(page)
        self._language_changed(language)
        self._look_changed(look)
        self.retranslate()
        self.presenter.refresh()
        self.exhibit_changed.emit(exhibit)

    def show_place_on_map(self, place_id: str) -> None:
        self.presenter.show_place(place_id)

    def show_place_details(self, place_id: str) -> None:
        self.model.select_place(place_id)

    # -- the window's own words ----------------------------------------------------------
    def retranslate(self) -> None:
        """Every word of the window's own chrome in the interface language."""

        def words(act: QAction, text: str, tip: str = "") -> None:
            act.setText(text)
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)

        words(self.act_open, self.tr("&Open exhibit…"), self.tr("Open an exhibit folder, a TimelineJS file or a Linked Places file"))
        words(self.act_new, self.tr("&New exhibit…"), self.tr("Make an exhibit from an article, drafted or empty, and edit it"))
        words(self.act_quit, self.tr("&Quit"))
        words(self.act_edit_exhibit, self.tr("E&dit exhibit…"), self.tr("Correct events, dates and places beside the map (Ctrl+Shift+E)"))
        words(self.act_prev, self.tr("◀  Previous"), self.tr("Previous event (←)"))
        words(self.act_next, self.tr("Next  ▶"), self.tr("Next event (→)"))
        words(self.act_home, self.tr("&Start"), self.tr("First event (Home)"))
        words(self.act_end, self.tr("&End"), self.tr("Last event (End)"))
        playing = self._installed and self.is_playing()
        words(self.act_play, self.tr("Pause") if playing else self.tr("Play"), self.tr("Play or pause the story (Space)"))
        words(self.act_about, self.tr("&About Chronomap"))
        words(self.act_export, self.tr("&Export snapshot…"), self.tr("Export the map at this moment as PNG or PDF (Ctrl+E)"))
        words(self.act_copy, self.tr("&Copy snapshot"), self.tr("Copy the map at this moment to the clipboard"))
        words(self.act_contrast, self.tr("&High contrast"), self.tr("Black on white with stronger outlines, for low vision"))
        words(self.act_large, self.tr("&Large text"), self.tr("Larger type in the panels, the time bar and on the map"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.events_menu.setTitle(self.tr("&Events"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Tools"))
        for act in (self.act_open, self.act_export, self.act_copy):
            button = self.toolbar.widgetForAction(act)
            button.setAccessibleName(act.text().replace("&", "").rstrip("…"))
            button.setAccessibleDescription(act.toolTip())
        for time_button, description in ((getattr(self, "prev_button", None), self.tr("Go to the previous event")),
                                         (getattr(self, "play_button", None), self.tr("Play the story event by event, or pause it")),
                                         (getattr(self, "next_button", None), self.tr("Go to the next event"))):
            if time_button is not None:
                time_button.setAccessibleName(time_button.defaultAction().text().replace("&", "").strip("◀▶ "))
                time_button.setAccessibleDescription(description)
        if hasattr(self, "speed"):
            self.speed.setAccessibleName(self.tr("Playback speed"))
            self.speed.setAccessibleDescription(self.tr("How long each event stays on screen while playing"))
            self.speed.setToolTip(self.tr("Playback speed"))
            self.speed_label.setText(self.tr("Speed"))
        if self._installed:  # (a frame opened early has no views yet)
            self._retranslate_views()

    def _retranslate_views(self) -> None:
        self.map_view.setAccessibleName(self.tr("Map"))
        self.card.setAccessibleName(self.tr("Current event"))
        self.card.setAccessibleDescription(self.tr("The event in focus, its date, summary and places; place names are links"))
        self.card_area.verticalScrollBar().setAccessibleName(self.tr("Scroll the current event"))
        extension = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # shown when the tools do not fit
        if extension is not None:
            extension.setAccessibleName(self.tr("More tools"))
        self.date_label.setAccessibleName(self.tr("Date"))
        self.event_label.setAccessibleName(self.tr("Event"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- settings ----------------------------------------------------------------------
    def _available_geometry(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED_SIZE)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)  # Qt fits a geometry saved on a larger screen to this one
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def restore_last_moment(self) -> None:
        restore_last_moment(self.settings, self.exhibit, self.model)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        key = f"exhibits/{self.exhibit.meta.id}"
        self.settings.setValue(f"{key}/day", self.model.day)
        self.settings.setValue(f"{key}/event", self.model.moment.pinned_event or "")
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.page_watch.stop()
        if self._installed:  # (closed while the exhibit was still being read: nothing to remember)
            _application().focusChanged.disconnect(self._on_focus_changed)
            self.stop_playing()
            self.save_settings()
        super().closeEvent(event)

    @property
    def installed(self) -> bool:
        """Whether the window has its exhibit (a frame opened early has not, until :meth:`install`)."""
        return self._installed

    @property
    def time_bar_height(self) -> int:
        return self._frame.time_bar.height()
