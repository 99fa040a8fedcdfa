"""The desk window's actions with their keys, its menus and its toolbar (their words: MainWindow.retranslate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from chronomap.desk.window_part import WindowPart
from chronomap.i18n import LANGUAGES, NATIVE_NAMES

if TYPE_CHECKING:
    from collections.abc import Callable


class WindowActions(WindowPart):
    """Part of :class:`~chronomap.desk.main_window.MainWindow`: every command the window offers, in one place."""

    def _build_actions(self) -> None:
        """Actions with their keys and slots; their words are set in :meth:`retranslate`."""

        def action(shortcut, slot: Callable) -> QAction:
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
        self._build_menus()
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.act_open)
        self.toolbar.addAction(self.act_export)
        self.toolbar.addAction(self.act_copy)

    def _build_menus(self) -> None:
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

    def _rebuild_events_menu(self) -> None:
        """Go → Events: every event of the story by its date and title, in the interface language."""
        self.events_menu.clear()
        for event in self.timeline.events:
            act = self.events_menu.addAction(f"{event.span.label(self.lang)} — {event.title_in(self.lang)}")
            act.triggered.connect(lambda _=False, eid=event.id: self.model.go_to_event(eid))
