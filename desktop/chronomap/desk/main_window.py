"""The desk explorer: map in the centre, article at the side, time along the bottom."""

from __future__ import annotations

import html
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.desk.fit import CappedScrollArea, ReflowRow
from chronomap.desk.open_dialog import ExhibitOpenDialog
from chronomap.desk.window_frame import Frame, build_frame
from chronomap.desk.window_settings import restore_last_moment, saved_language_and_look
from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.map.page import build_page, page_identity
from chronomap.qt.focus_ring import FocusRing

if TYPE_CHECKING:
    from chronomap.desk.start_memo import EarlyPage
    from chronomap.qt.presenter import Player
    from chronomap.qt.session import Look, Moment
    from chronomap.story.model import Exhibit, ExhibitError

log = logging.getLogger("chronomap.ui")

#: What the window needs once it has an exhibit, and the frame does not: the model of the story and
#: everything built from it. Imported when the window is filled (at a start from the memo, by the
#: thread that reads the exhibit, while the map page loads: chronomap.desk.start_load).
WINDOW_MODULES = (
    "chronomap.desk.card", "chronomap.desk.own_keys", "chronomap.map.view_state", "chronomap.qt.theme",
    "chronomap.qt.article_panel", "chronomap.qt.presenter", "chronomap.qt.session",
    "chronomap.qt.timeline_slider", "chronomap.story.loader", "chronomap.story.timeline",
)

PLAY_SPEEDS = (("0.5×", 8000), ("1×", 4000), ("2×", 2000), ("4×", 1000))


def _application() -> QApplication:
    """The running application: a main window cannot exist without one."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


#: The window's size on a screen with room for it, in logical pixels.
PREFERRED_SIZE = (1440, 900)


def first_size(available: QSize) -> tuple[int, int]:
    """The first window's size: the preferred one, shrunk to leave a margin of the available
    screen for the title bar and the panels (QT_SCALE_FACTOR=2 on 2560×1440 leaves 1280×~700)."""
    return (min(PREFERRED_SIZE[0], int(available.width() * 0.95)), min(PREFERRED_SIZE[1], int(available.height() * 0.92)))


class MainWindow(QMainWindow):
    exhibit_changed = Signal(object)
    # set by _build_actions and _install, which read one another's (declared so the checker knows their types)
    player: Player
    speed: QComboBox
    act_prev: QAction
    act_play: QAction
    act_next: QAction

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
        if exhibit is not None:
            self.install(exhibit, start=start, restore=restore)

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

        side = QWidget(self)
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        # The card at full height up to 35% of the panel, scrolling beyond: a long card in large
        # Russian type left four lines of article.
        self.card_area = CappedScrollArea(self.card, side, share=0.35)
        self.card_area.setObjectName("cardArea")
        side_layout.addWidget(self.card_area)
        side_layout.addWidget(self.card.media)  # the event's pictures and recordings, under the card
        side_layout.addWidget(self.article, 1)

        self.slider = TimelineSlider(self.timeline, self)
        time_bar = self._build_time_bar()
        self.presenter = ExplorerPresenter(self.model, self.builder, self.map_view, self.article, self.slider, self.card,
                                           self.date_label, self.event_label, self)
        self.player = Player(self.model, lambda: int(self.speed.currentData()), self)
        # the page opens on the state the presenter gives the view below (it costs no redraw then)
        opening = {**self.builder.page_state(self.model.moment.state, self.model.moment.day, animate=False), "seq": 0}
        spec = self.builder.spec()
        page = None
        if early is None or early.identity != page_identity(spec, opening):  # type: ignore[arg-type]  # (the early page is this one: it stays)
            if early is not None:
                log.info("the page opened early is not this exhibit's as it is now: loading the right one")
            page = build_page(spec, Path(self._page_dir.name) / exhibit.meta.id, opening=opening)  # type: ignore[arg-type]
        self._frame.fill(side, time_bar)

        self.card.place_link.connect(self.show_place_on_map)
        self.card.event_link.connect(self.model.go_to_event)
        self.presenter.shown.connect(self._moment_shown)
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

    def _build_time_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("timeBar")
        outer = QVBoxLayout(bar)
        outer.setContentsMargins(16, 8, 16, 6)
        outer.setSpacing(2)
        self.date_label = QLabel(self)
        self.date_label.setObjectName("dateLabel")
        self.event_label = QLabel(self)
        self.event_label.setObjectName("eventTitle")
        self.prev_button = self._tool_button(self.act_prev)
        self.play_button = self._tool_button(self.act_play)
        self.next_button = self._tool_button(self.act_next)
        self.speed = QComboBox(self)
        for label, ms in PLAY_SPEEDS:
            self.speed.addItem(label, ms)
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        # On Linux a combo box's accessible name is its current value ("1×"); a screen reader names
        # it by the label that is its buddy (AT-SPI's labelled-by relation).
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setBuddy(self.speed)
        controls = QWidget(bar)
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.prev_button)
        row.addWidget(self.play_button)
        row.addWidget(self.next_button)
        row.addSpacing(8)
        row.addWidget(self.speed_label)
        row.addWidget(self.speed)
        # The date, the event and the controls side by side when they fit, else one above the other:
        # the window's minimum width is the widest part's, not their sum (large text, Russian words).
        heading = ReflowRow(self.date_label, self.event_label, spacing=12)
        self.time_row = ReflowRow(heading, controls, bar)
        outer.addWidget(self.time_row)
        outer.addWidget(self.slider)
        return bar

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _build_actions(self) -> None:
        """Actions with their keys and slots; their words are set in :meth:`retranslate`."""

        def action(shortcut, slot) -> QAction:
            act = QAction(self)
            if shortcut is not None:
                keys = shortcut if isinstance(shortcut, list) else [shortcut]
                act.setShortcuts([QKeySequence(k) for k in keys])
                act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.act_open = action(QKeySequence.StandardKey.Open, self.open_exhibit_dialog)
        self.act_new = action(QKeySequence.StandardKey.New, lambda: self.new_exhibit_dialog())
        self.act_edit_exhibit = action("Ctrl+Shift+E", self.edit_exhibit)
        self.act_quit = action(QKeySequence.StandardKey.Quit, self.close)
        self.act_prev = action(Qt.Key.Key_Left, lambda: self.model.previous_event())
        self.act_next = action(Qt.Key.Key_Right, lambda: self.model.next_event())
        self.act_home = action(Qt.Key.Key_Home, lambda: self.model.go_home())
        self.act_end = action(Qt.Key.Key_End, lambda: self.model.go_end())
        self.act_play = action(Qt.Key.Key_Space, self.toggle_play)
        self.act_play.setCheckable(True)
        self.act_about = action(None, self.show_about)
        self.act_export = action("Ctrl+E", self.export_snapshot_dialog)
        self.act_copy = action("Ctrl+Shift+C", self.copy_snapshot)
        self.act_contrast = action("Ctrl+Shift+H", lambda on: self.set_appearance(high_contrast=on))
        self.act_contrast.setCheckable(True)
        self.act_large = action("Ctrl+Shift+L", lambda on: self.set_appearance(large=on))
        self.act_large.setCheckable(True)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.act_languages: dict[str, QAction] = {}
        for lang in LANGUAGES:
            act = QAction(NATIVE_NAMES[lang], self.language_group)  # each language named in itself, never translated
            act.setCheckable(True)
            act.setData(lang)
            act.triggered.connect(lambda _=False, code=lang: self.model.set_language(code))
            self.act_languages[lang] = act

        menu = self.menuBar()
        self.file_menu = menu.addMenu("")
        self.file_menu.addAction(self.act_new)
        self.file_menu.addAction(self.act_open)
        self.file_menu.addAction(self.act_edit_exhibit)
        self.file_menu.addAction(self.act_export)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = menu.addMenu("")
        self.edit_menu.addAction(self.act_copy)
        self.view_menu = menu.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        for act in self.act_languages.values():
            self.language_menu.addAction(act)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_contrast)
        self.view_menu.addAction(self.act_large)
        self.go_menu = menu.addMenu("")
        for act in (self.act_play, self.act_prev, self.act_next, self.act_home, self.act_end):
            self.go_menu.addAction(act)
        self.go_menu.addSeparator()
        self.events_menu = self.go_menu.addMenu("")
        self.help_menu = menu.addMenu("")
        self.help_menu.addAction(self.act_about)
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.act_open)
        self.toolbar.addAction(self.act_export)
        self.toolbar.addAction(self.act_copy)

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
        words(self.act_play, self.tr("Pause") if self.is_playing() else self.tr("Play"), self.tr("Play or pause the story (Space)"))
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
        if hasattr(self, "map_view"):
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

    def _rebuild_events_menu(self) -> None:
        self.events_menu.clear()
        for event in self.timeline.events:
            act = self.events_menu.addAction(f"{event.span.label(self.lang)} — {event.title_in(self.lang)}")
            act.triggered.connect(lambda _=False, eid=event.id: self.model.go_to_event(eid))

    # -- the moment, shown everywhere (by the presenter) -------------------------------------
    def _moment_shown(self, _moment: Moment) -> None:
        self.act_prev.setEnabled(self.model.can_go_previous())
        self.act_next.setEnabled(self.model.can_go_next())

    def show_place_on_map(self, place_id: str) -> None:
        self.presenter.show_place(place_id)

    def show_place_details(self, place_id: str) -> None:
        self.model.select_place(place_id)

    # -- play ------------------------------------------------------------------
    def toggle_play(self) -> None:
        self.player.toggle()

    def stop_playing(self) -> None:
        self.player.stop()

    def is_playing(self) -> bool:
        return self.model.playing

    def _playing_changed(self, playing: bool) -> None:
        self.act_play.setChecked(playing)
        self.act_play.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _speed_changed(self) -> None:
        self.player.restart_hold()

    # -- snapshots -------------------------------------------------------------------
    def export_snapshot_dialog(self) -> None:
        from chronomap.desk.export_dialog import ExportDialog, ask_export_path

        dialog = ExportDialog((self.map_view.width(), self.map_view.height()), self, self.settings)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        focus = self.model.moment.focus
        suggested = f"{self.exhibit.meta.id}-{focus.id if focus else self.model.day}.png"
        path = ask_export_path(self, suggested)
        if path is not None:
            self.export_snapshot(dialog.request(), path)

    def snapshot_image(self, request):
        """The current moment through the export path (same page, same bridge)."""
        from chronomap.export.snapshotter import Snapshotter

        view = None
        if request.current_view and (snapshot := self._ask_page_view()):
            view = (tuple(snapshot["center"]), snapshot["zoom"])
        snapshotter = Snapshotter(self.exhibit, request.options, timeline=self.timeline, lang=self.lang,
                                  appearance=self.builder.appearance)
        try:
            return snapshotter.render(self.model.moment, view)
        finally:
            snapshotter.close()

    def _ask_page_view(self) -> dict | None:
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        result: dict = {}

        def answered(snap: dict | None) -> None:
            result.update(snap or {})
            loop.quit()

        self.map_view.query(answered)
        if not result:
            guard = QTimer()  # stopped after: a single shot would stay pending for 5 s (the test suite's timer guard)
            guard.setSingleShot(True)
            guard.timeout.connect(loop.quit)
            guard.start(5000)
            loop.exec()
            guard.stop()
        return result or None

    def export_snapshot(self, request, path: Path) -> bool:
        """Write the snapshot; errors are shown, never raised."""
        from chronomap.export.options import ExportError
        from chronomap.export.snapshotter import Snapshotter, save_image_atomic

        try:
            request.options.validate()
            if path.suffix.lower() == ".pdf":
                snapshotter = Snapshotter(self.exhibit, request.options, vector=True, timeline=self.timeline, lang=self.lang,
                                          appearance=self.builder.appearance)
                try:
                    snapshotter.save_pdf(self.model.moment, path)
                finally:
                    snapshotter.close()
            else:
                save_image_atomic(self.snapshot_image(request), path)
        except (ExportError, OSError) as exc:
            log.error("export to %s failed: %s", path, exc)
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("The snapshot was not written.") + f"\n\n{exc}")
            return False
        self.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 8000)
        return True

    def copy_snapshot(self) -> None:
        from PySide6.QtWidgets import QApplication

        from chronomap.desk.export_dialog import ExportRequest
        from chronomap.export.options import ExportError, SnapshotOptions

        size = (max(self.map_view.width(), 320), max(self.map_view.height(), 240))
        try:
            image = self.snapshot_image(ExportRequest(SnapshotOptions(*size, 1.0), current_view=True))
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Copy failed"), str(exc))
            return
        QApplication.clipboard().setImage(image)
        self.statusBar().showMessage(self.tr("Snapshot copied"), 5000)

    # -- files and dialogs ---------------------------------------------------------
    def open_exhibit_dialog(self) -> None:
        dialog = ExhibitOpenDialog(self)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is not None:
            self.open_exhibit(chosen)

    def new_exhibit_dialog(self, folder: Path | None = None) -> None:
        """File → New exhibit…: a folder and an article, drafted or empty, then the editor on it."""
        from chronomap.desk.studio_new import new_exhibit

        new_exhibit(self, folder)

    def new_exhibit_from_article(self, article: Path, folder: Path) -> bool:
        """Draft an exhibit (chronomap draft) and open it; its report is shown to the curator."""
        from chronomap.authoring import draft_exhibit
        from chronomap.story.model import ExhibitError

        try:
            report = draft_exhibit(article, folder)
        except ExhibitError as exc:
            self.show_exhibit_errors(article, exc)
            return False
        opened = self.open_exhibit(folder)
        if opened:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Draft exhibit"),
                              self.tr("A draft was made from {name}. Check it before showing it to visitors.").format(
                                  name=article.name), parent=self)
            box.setDetailedText(str(report))
            box.setObjectName("draftReport")
            box.open()
            self.draft_box = box
        return opened

    def open_exhibit(self, source: Path) -> bool:
        """Open an exhibit folder, or a TimelineJS / LPF file converted to one; on errors
        show them and keep the current exhibit."""
        from chronomap.authoring import open_any
        from chronomap.story.loader import load_exhibit
        from chronomap.story.model import ExhibitError

        try:
            folder = open_any(source)
            exhibit = load_exhibit(folder)
        except ExhibitError as exc:
            self.show_exhibit_errors(source, exc)
            return False
        self.stop_playing()
        self._install(exhibit, self.model.language, self.model.look)
        return True

    def edit_exhibit(self) -> None:
        """Edit mode: the exhibit editor docked beside this map, article and timeline."""
        from chronomap.desk.studio_dock import open_studio

        self.stop_playing()
        open_studio(self)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """Show another version of the exhibit (the editor's), the page drawn again."""
        self.stop_playing()
        self._install(exhibit, self.model.language, self.model.look)

    def show_exhibit_errors(self, folder: Path, exc: ExhibitError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("This exhibit cannot be opened"),
                          self.tr("%n problem(s) in {folder}. The current exhibit stays open.", "", len(exc.problems)).format(
                              folder=folder), parent=self)
        box.setDetailedText("\n".join(str(p) for p in exc.problems))
        box.setObjectName("exhibitErrors")
        box.open()
        self.error_box = box

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Chronomap"), self.about_html())

    def about_html(self) -> str:
        """The About box's text in the interface language: the exhibit's own translations of its
        credits and of the article's details where it has them (before, English in every language)."""
        lang = self.lang
        credits = "".join(f"<li><b>{html.escape(c.what)}</b>: {html.escape(c.text)}"
                          + (f" ({html.escape(c.licence)})" if c.licence else "") + "</li>" for c in self.exhibit.credits_in(lang))
        article = self.exhibit.article_info_in(lang)
        source = html.escape(article.source) if article.source else self.tr("not stated in the text as received")
        licence = html.escape(article.licence) if article.licence else self.tr("not stated")
        note = self.exhibit.translation_note(lang)
        translation = f"<p>{html.escape(note)}</p>" if note else ""
        if article.translator:
            translation += "<p>" + html.escape(self.tr("Article translated by {translator}").format(translator=article.translator)) + "</p>"
        exhibit_line = self.tr("Exhibit: {title}").format(title=f"<b>{html.escape(self.exhibit.title_in(lang))}</b>")
        source_line = self.tr("Article source: {source}; licence: {licence}.").format(source=source, licence=licence)
        return f"<h3>Chronomap</h3><p>{exhibit_line}</p><p>{source_line}</p>{translation}<ul>{credits}</ul>"

    # -- keyboard focus on the map ---------------------------------------------------------
    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab: a web view cannot show focus itself, so the ring is laid over it."""
        moved = super().focusNextPrevChild(forward)
        focused = QApplication.focusWidget()
        on_map = focused is not None and (focused is self.map_view or self.map_view.isAncestorOf(focused))
        self.focus_ring.follow(self.map_view if on_map else None)
        return moved

    def _on_focus_changed(self, _old, new) -> None:
        target = self.focus_ring.target
        if target is not None and (new is None or not (new is target or target.isAncestorOf(new))):
            self.focus_ring.follow(None)

    def _place_focus_ring(self) -> None:
        if self.focus_ring.target is not None:
            self.focus_ring.follow(self.focus_ring.target)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_focus_ring()

    # -- language and look --------------------------------------------------------------
    def _language_changed(self, lang: str) -> None:
        """The window's own exhibit words in *lang* (the presenter re-renders the views; the chrome
        follows Qt's LanguageChange); remembered."""
        self.act_languages[lang].setChecked(True)
        self.setWindowTitle(f"{self.exhibit.title_in(lang)} — Chronomap")
        self._rebuild_events_menu()
        self.settings.setValue("ui/language", lang)

    def set_appearance(self, high_contrast: bool | None = None, large: bool | None = None) -> None:
        """High contrast and large type, for the widgets and the map page alike (through the session)."""
        from chronomap.qt.session import Look

        look = self.model.look
        self.model.set_look(Look(look.high_contrast if high_contrast is None else bool(high_contrast),
                                 look.large_type if large is None else bool(large)))

    def _look_changed(self, look: Look) -> None:
        from chronomap.qt import theme

        self.focus_ring.colour = theme.colours(look).focus_frame
        self.act_contrast.setChecked(look.high_contrast)
        self.act_large.setChecked(look.large_type)
        self.setStyleSheet(theme.style_sheet(look))
        self.settings.setValue("ui/high_contrast", look.high_contrast)
        self.settings.setValue("ui/large_type", look.large_type)

    def _saved_language_and_look(self) -> tuple[str, Look]:
        return saved_language_and_look(self.settings)

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
