"""The desk explorer: map in the centre, article at the side, time along the bottom."""

from __future__ import annotations

import html
import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.map.bridge import js_call
from chronomap.map.page import build_page
from chronomap.map.view_state import MapStateBuilder
from chronomap.story.gazetteer import distance_km
from chronomap.story.loader import load_exhibit
from chronomap.story.model import Exhibit, ExhibitError
from chronomap.story.timeline import Timeline
from chronomap.ui import theme
from chronomap.ui.article_panel import ArticlePanel
from chronomap.ui.explorer_model import ExplorerModel, Moment
from chronomap.ui.map_view import MapView
from chronomap.ui.timeline_slider import TimelineSlider

log = logging.getLogger("chronomap.ui")

PLAY_SPEEDS = (("0.5×", 8000), ("1×", 4000), ("2×", 2000), ("4×", 1000))


class MainWindow(QMainWindow):
    exhibit_changed = Signal(object)

    def __init__(self, exhibit: Exhibit, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings("Chronomap", "Chronomap")
        self.setStyleSheet(theme.STYLE_SHEET)
        self.resize(1440, 900)
        self._page_dir = tempfile.TemporaryDirectory(prefix="chronomap-page-")
        page_dir = self._page_dir
        self.destroyed.connect(lambda *_: page_dir.cleanup())
        self._play_timer = QTimer(self)
        self._play_timer.timeout.connect(self._play_step)
        self._build_actions()
        self._install(exhibit)
        self._restore_settings()

    # -- building ------------------------------------------------------------
    def _install(self, exhibit: Exhibit) -> None:
        """Build every view for an exhibit: the page once, the widgets, the wiring."""
        self.exhibit = exhibit
        self.timeline = Timeline(exhibit)
        self.builder = MapStateBuilder(exhibit)
        self.model = ExplorerModel(self.timeline, self)
        self.setWindowTitle(f"{exhibit.title} — Chronomap")

        page_dir = Path(self._page_dir.name) / exhibit.meta.id
        page = build_page(self.builder.spec(), page_dir)

        self.map_view = MapView(self)
        self.map_view.setAccessibleName("Map")
        self.article = ArticlePanel(exhibit, self)
        self.card = QLabel(self)
        self.card.setObjectName("card")
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setAccessibleName("Current event")
        self.card.linkActivated.connect(self._on_card_link)

        side = QWidget(self)
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.card)
        side_layout.addWidget(self.article, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.map_view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 440])

        self.slider = TimelineSlider(self.timeline, self)
        time_bar = self._build_time_bar()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(time_bar)
        old = self.centralWidget()
        self.setCentralWidget(central)
        if old is not None:
            old.deleteLater()

        self.model.changed.connect(self._show_moment)
        self.slider.day_changed.connect(self.model.set_day)
        self.slider.event_clicked.connect(self.model.go_to_event)
        self.article.passage_clicked.connect(self.model.go_to_event)
        self.article.place_clicked.connect(self.show_place_on_map)
        self.map_view.place_clicked.connect(self.show_place_details)
        self.map_view.js_error.connect(lambda message: log.error("map page error: %s", message))
        self._rebuild_events_menu()
        self.map_view.load(page)
        self._show_moment(self.model.moment)
        self.exhibit_changed.emit(exhibit)

    def _build_time_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("timeBar")
        outer = QVBoxLayout(bar)
        outer.setContentsMargins(16, 8, 16, 6)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.date_label = QLabel(self)
        self.date_label.setObjectName("dateLabel")
        self.date_label.setAccessibleName("Date")
        self.event_label = QLabel(self)
        self.event_label.setObjectName("eventTitle")
        self.event_label.setAccessibleName("Event")
        self.prev_button = self._tool_button(self.act_prev)
        self.play_button = self._tool_button(self.act_play)
        self.next_button = self._tool_button(self.act_next)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName("Playback speed")
        self.speed.setToolTip("Playback speed")
        for label, ms in PLAY_SPEEDS:
            self.speed.addItem(label, ms)
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        row.addWidget(self.date_label)
        row.addSpacing(12)
        row.addWidget(self.event_label, 1)
        row.addWidget(self.prev_button)
        row.addWidget(self.play_button)
        row.addWidget(self.next_button)
        row.addWidget(self.speed)
        outer.addLayout(row)
        outer.addWidget(self.slider)
        return bar

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _build_actions(self) -> None:
        def action(text: str, shortcut, slot, tip: str = "") -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                keys = shortcut if isinstance(shortcut, list) else [shortcut]
                act.setShortcuts([QKeySequence(k) for k in keys])
                act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(slot)
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)
            self.addAction(act)
            return act

        self.act_open = action("&Open exhibit…", QKeySequence.StandardKey.Open, self.open_exhibit_dialog,
                               "Open an exhibit folder, a TimelineJS file or a Linked Places file")
        self.act_new = action("&New exhibit from article…", QKeySequence.StandardKey.New, self.new_exhibit_dialog,
                              "Draft an exhibit from an article and open it")
        self.act_quit = action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.act_prev = action("◀  Previous", Qt.Key.Key_Left, lambda: self.model.previous_event(), "Previous event (←)")
        self.act_next = action("Next  ▶", Qt.Key.Key_Right, lambda: self.model.next_event(), "Next event (→)")
        self.act_home = action("&Start", Qt.Key.Key_Home, lambda: self.model.go_home(), "First event (Home)")
        self.act_end = action("&End", Qt.Key.Key_End, lambda: self.model.go_end(), "Last event (End)")
        self.act_play = action("Play", Qt.Key.Key_Space, self.toggle_play, "Play or pause the story (Space)")
        self.act_play.setCheckable(True)
        self.act_about = action("&About Chronomap", None, self.show_about)
        self.act_export = action("&Export snapshot…", "Ctrl+E", self.export_snapshot_dialog,
                                 "Export the map at this moment as PNG or PDF (Ctrl+E)")
        self.act_copy = action("&Copy snapshot", "Ctrl+Shift+C", self.copy_snapshot,
                               "Copy the map at this moment to the clipboard")

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.act_new)
        file_menu.addAction(self.act_open)
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.act_copy)
        go_menu = menu.addMenu("&Go")
        for act in (self.act_play, self.act_prev, self.act_next, self.act_home, self.act_end):
            go_menu.addAction(act)
        go_menu.addSeparator()
        self.events_menu = go_menu.addMenu("&Events")
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.act_about)
        toolbar = self.addToolBar("Tools")
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.act_open)
        toolbar.addAction(self.act_export)
        toolbar.addAction(self.act_copy)

    def _rebuild_events_menu(self) -> None:
        self.events_menu.clear()
        for event in self.timeline.events:
            act = self.events_menu.addAction(f"{event.span.label()} — {event.title}")
            act.triggered.connect(lambda _=False, eid=event.id: self.model.go_to_event(eid))

    # -- the moment, shown everywhere -------------------------------------------
    def _show_moment(self, moment: Moment) -> None:
        state = moment.state
        focus = state.focus
        # Always glide: a jump (animate=False) redraws the whole base map synchronously (~30 ms).
        self.map_view.show_state(self.builder.page_state(state, moment.day, animate=True))
        self.article.show_passages(state.highlighted_sentences, focus.sentence_ids if focus else ())
        self.slider.show_moment(moment.day, focus.id if focus else None, frozenset(e.id for e in state.current))
        self.date_label.setText(moment.date_label)
        self._announce(self.builder.describe(state, moment.day, moment.date_label))
        self.event_label.setText(focus.title if focus else "Before the story begins")
        self.card.setText(self._event_card(moment))
        self.act_prev.setEnabled(self.timeline.previous_event(moment.day, focus.id if moment.pinned_event else None) is not None)
        self.act_next.setEnabled(self.timeline.next_event(moment.day, focus.id if moment.pinned_event else None) is not None)

    def _announce(self, text: str) -> None:
        """Tell assistive technology what the map now shows (its accessible description)."""
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if self.map_view.accessibleDescription() == text:
            return
        self.map_view.setAccessibleDescription(text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self.map_view, QAccessible.Event.DescriptionChanged))

    def _event_card(self, moment: Moment) -> str:
        focus = moment.state.focus
        if focus is None:
            return f"<b>{html.escape(self.exhibit.title)}</b><br>{html.escape(self.exhibit.meta.subtitle or '')}"
        places = ", ".join(
            f'<a href="place:{p.place.id}" style="color:{theme.ACCENT_DARK.name()}">'
            f"{html.escape(p.place.label_at(focus.span.start))}</a> <span style='color:{theme.MUTED_TEXT.name()}'>"
            f"({html.escape(p.role)})</span>"
            for p in focus.places
        )
        note = (f"<p style='color:{theme.MUTED_TEXT.name()}; font-size:12px'>Date: {html.escape(focus.date_note)}</p>"
                if focus.date_note else "")
        return (f"<p style='font-size:17px; font-family:\"{theme.SERIF_FAMILY}\"; margin:0'><b>{html.escape(focus.title)}</b></p>"
                f"<p style='color:{theme.ACCENT_DARK.name()}; margin:2px 0 6px 0'>{html.escape(focus.span.label())}</p>"
                f"<p style='margin:0 0 6px 0'>{html.escape(focus.summary)}</p>"
                f"<p style='margin:0'>{places}</p>{note}")

    # -- places ----------------------------------------------------------------
    def _on_card_link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "place":
            self.show_place_on_map(value)
        elif kind == "event":
            self.model.go_to_event(value)

    def show_place_on_map(self, place_id: str) -> None:
        self.map_view.evaluate(js_call("chronomap.showPlace", place_id))
        self.show_place_details(place_id)

    def place_details_html(self, place_id: str) -> str:
        place = self.exhibit.places[place_id]
        day = self.model.day
        names = [f"{lang}: {html.escape(value)}" for lang, value in
                 (("Kazakh", place.names.kk), ("Russian", place.names.ru)) if value]
        if place.historical_names:
            names += [f"until {h.until}: {html.escape(h.en)}" for h, _ in place.historical_names]
        lines = [f"<p style='font-size:17px; margin:0'><b>{html.escape(place.label_at(day))}</b> "
                 f"<span style='color:{theme.MUTED_TEXT.name()}'>{place.kind}</span></p>"]
        if names:
            lines.append(f"<p style='margin:2px 0'>{'; '.join(names)}</p>")
        if place.description:
            lines.append(f"<p style='margin:4px 0'>{html.escape(place.description)}</p>")
        ref_id = self.exhibit.meta.distance_from
        if ref_id and ref_id != place_id and ref_id in self.exhibit.places:
            ref = self.exhibit.places[ref_id]
            km = distance_km((place.lat, place.lon), (ref.lat, ref.lon))
            lines.append(f"<p style='margin:4px 0'>{km:,.0f} km from {html.escape(ref.label_at(day))} (geodesic)</p>")
        events = [e for e in self.timeline.events if place_id in e.place_ids]
        if events:
            items = "".join(f"<li><a href='event:{e.id}' style='color:{theme.ACCENT_DARK.name()}'>"
                            f"{html.escape(e.span.label())}: {html.escape(e.title)}</a></li>" for e in events)
            lines.append(f"<ul style='margin:2px 0 0 -20px'>{items}</ul>")
        return "".join(lines)

    def show_place_details(self, place_id: str) -> None:
        if place_id in self.exhibit.places:
            self.card.setText(self.place_details_html(place_id))

    # -- play ------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self._play_timer.isActive():
            self.stop_playing()
            return
        if self.timeline.next_event(self.model.day, self.model.moment.pinned_event) is None:
            self.model.go_home()
        self._play_timer.start(self.speed.currentData())
        self.act_play.setChecked(True)
        self.act_play.setText("Pause")

    def stop_playing(self) -> None:
        self._play_timer.stop()
        self.act_play.setChecked(False)
        self.act_play.setText("Play")

    def is_playing(self) -> bool:
        return self._play_timer.isActive()

    def _play_step(self) -> None:
        if not self.model.next_event():
            self.stop_playing()

    def _speed_changed(self) -> None:
        if self._play_timer.isActive():
            self._play_timer.start(self.speed.currentData())

    # -- snapshots -------------------------------------------------------------------
    def export_snapshot_dialog(self) -> None:
        from chronomap.ui.export_dialog import ExportDialog, ask_export_path

        dialog = ExportDialog((self.map_view.width(), self.map_view.height()), self)
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
        snapshotter = Snapshotter(self.exhibit, request.options, timeline=self.timeline)
        try:
            return snapshotter.render(self.model.moment, view)
        finally:
            snapshotter.close()

    def _ask_page_view(self) -> dict | None:
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        result: dict = {}
        self.map_view.query(lambda snap: (result.update(snap or {}), loop.quit()))
        if not result:
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
        return result or None

    def export_snapshot(self, request, path: Path) -> bool:
        """Write the snapshot; errors are shown, never raised."""
        from chronomap.export.options import ExportError
        from chronomap.export.snapshotter import Snapshotter, save_image_atomic

        try:
            request.options.validate()
            if path.suffix.lower() == ".pdf":
                snapshotter = Snapshotter(self.exhibit, request.options, vector=True, timeline=self.timeline)
                try:
                    snapshotter.save_pdf(self.model.moment, path)
                finally:
                    snapshotter.close()
            else:
                save_image_atomic(self.snapshot_image(request), path)
        except (ExportError, OSError) as exc:
            log.error("export to %s failed: %s", path, exc)
            QMessageBox.warning(self, "Export failed", f"The snapshot was not written.\n\n{exc}")
            return False
        self.statusBar().showMessage(f"Exported {path}", 8000)
        return True

    def copy_snapshot(self) -> None:
        from PySide6.QtWidgets import QApplication

        from chronomap.export.options import ExportError, SnapshotOptions
        from chronomap.ui.export_dialog import ExportRequest

        size = (max(self.map_view.width(), 320), max(self.map_view.height(), 240))
        try:
            image = self.snapshot_image(ExportRequest(SnapshotOptions(*size, 1.0), current_view=True))
        except ExportError as exc:
            QMessageBox.warning(self, "Copy failed", str(exc))
            return
        QApplication.clipboard().setImage(image)
        self.statusBar().showMessage("Snapshot copied", 5000)

    # -- files and dialogs ---------------------------------------------------------
    def open_exhibit_dialog(self) -> None:
        dialog = QFileDialog(self, "Open exhibit: a folder, or a TimelineJS / Linked Places file")
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(["Exhibit folder or interchange file (*.json *.geojson *.jsonld)", "All files (*)"])
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, False)
        if dialog.exec() and dialog.selectedFiles():
            self.open_exhibit(Path(dialog.selectedFiles()[0]))

    def new_exhibit_dialog(self) -> None:
        article, _ = QFileDialog.getOpenFileName(self, "Draft an exhibit from an article", "",
                                                 "Articles (*.txt *.md *.wiki);;All files (*)")
        if not article:
            return
        folder = QFileDialog.getExistingDirectory(self, "Folder for the new exhibit (an empty one)")
        if folder:
            self.new_exhibit_from_article(Path(article), Path(folder))

    def new_exhibit_from_article(self, article: Path, folder: Path) -> bool:
        """Draft an exhibit (chronomap draft) and open it; its report is shown to the curator."""
        from chronomap.authoring import draft_exhibit

        try:
            report = draft_exhibit(article, folder)
        except ExhibitError as exc:
            self.show_exhibit_errors(article, exc)
            return False
        opened = self.open_exhibit(folder)
        if opened:
            box = QMessageBox(QMessageBox.Icon.Information, "Draft exhibit",
                              f"A draft was made from {article.name}. Check it before showing it to visitors.", parent=self)
            box.setDetailedText(str(report))
            box.setObjectName("draftReport")
            box.open()
            self.draft_box = box
        return opened

    def open_exhibit(self, source: Path) -> bool:
        """Open an exhibit folder, or a TimelineJS / LPF file converted to one; on errors
        show them and keep the current exhibit."""
        from chronomap.authoring import open_any

        try:
            folder = open_any(source)
            exhibit = load_exhibit(folder)
        except ExhibitError as exc:
            self.show_exhibit_errors(source, exc)
            return False
        self.stop_playing()
        self._install(exhibit)
        return True

    def show_exhibit_errors(self, folder: Path, exc: ExhibitError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "This exhibit cannot be opened",
                          f"{folder} has {len(exc.problems)} problem(s). The current exhibit stays open.", parent=self)
        box.setDetailedText("\n".join(str(p) for p in exc.problems))
        box.setObjectName("exhibitErrors")
        box.open()
        self.error_box = box

    def show_about(self) -> None:
        meta = self.exhibit.meta
        credits = "".join(f"<li><b>{html.escape(c.what)}</b>: {html.escape(c.text)}"
                          + (f" ({html.escape(c.licence)})" if c.licence else "") + "</li>" for c in meta.credits)
        article = meta.article
        source = html.escape(article.source) if article.source else "not stated in the text as received"
        licence = html.escape(article.licence) if article.licence else "not stated"
        QMessageBox.about(self, "About Chronomap",
                          f"<h3>Chronomap</h3><p>Exhibit: <b>{html.escape(meta.title)}</b></p>"
                          f"<p>Article source: {source}; licence: {licence}.</p><ul>{credits}</ul>")

    # -- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def restore_last_moment(self) -> None:
        key = f"exhibits/{self.exhibit.meta.id}"
        event_id = self.settings.value(f"{key}/event")
        day = self.settings.value(f"{key}/day")
        if isinstance(event_id, str) and self.exhibit.has_event(event_id):
            self.model.go_to_event(event_id)
        elif day is not None:
            try:
                self.model.set_day(int(day))
            except (TypeError, ValueError):
                log.warning("ignoring unreadable saved day %r", day)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        key = f"exhibits/{self.exhibit.meta.id}"
        self.settings.setValue(f"{key}/day", self.model.day)
        self.settings.setValue(f"{key}/event", self.model.moment.pinned_event or "")
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.stop_playing()
        self.save_settings()
        super().closeEvent(event)
