"""The explorer window's frame: the map view beside a side panel, the time bar below, built before the exhibit.

Why: at a cold start the map page can load and paint while the exhibit is still being read and
checked (:mod:`chronomap.desk.start_memo`): the frame holds the map view where the window will
have it, with empty places for the side panel and the time bar, which
:meth:`Frame.fill` puts in once they are built. Light on purpose: only Qt and the map view.

At such a start the map view is made and its page starts loading even before the window
(:func:`early_map_view`): Chromium then parses, lays out and draws the page in its render process
while Python imports and builds the window around it.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from chronomap.qt.map_view import MapView

log = logging.getLogger("chronomap.ui")

if TYPE_CHECKING:
    from chronomap.desk.start_memo import EarlyPage

#: The widget size Qt treats as unbounded (QWIDGETSIZE_MAX).
UNBOUNDED = 16_777_215
#: How a change of the window's width is shared between the map and the side panel.
MAP_STRETCH, SIDE_STRETCH = 3, 1


@dataclass
class Frame:
    central: QWidget
    map_view: MapView
    splitter: QSplitter
    side: QWidget  # an empty place until fill()
    time_bar: QWidget  # an empty place until fill()
    filled: bool = False

    def fill(self, side: QWidget, time_bar: QWidget) -> None:
        """The side panel and the time bar in their places. The map view keeps its size until the new panels
        are laid out (two turns of Qt's loop: their layouts ask in turn), then takes the size the layout gives
        it: the same, when the memo was right, so the page is never resized on the way (a resize frames again)."""
        old_side, old_bar = self.side, self.time_bar
        map_view = self.map_view
        held = map_view.minimumSize() == map_view.maximumSize()  # at the memo's size
        if held and old_bar.minimumHeight() == old_bar.maximumHeight():
            time_bar.setFixedHeight(old_bar.height())  # held too: while it is laid out it must not push the window taller
        self.splitter.replaceWidget(1, side)
        self.splitter.setStretchFactor(1, SIDE_STRETCH)  # (a stretch factor is the widget's size policy: the new one's)
        layout = self.central.layout()
        assert layout is not None
        layout.replaceWidget(old_bar, time_bar)
        old_side.deleteLater()
        old_bar.deleteLater()
        self.side, self.time_bar, self.filled = side, time_bar, True
        if held:
            QTimer.singleShot(0, map_view, lambda: QTimer.singleShot(0, map_view, self.release))

    def release(self) -> None:
        """The map view and the time bar sized by the layout again."""
        for widget in (self.map_view, self.time_bar):
            widget.setMinimumSize(0, 0)
            widget.setMaximumSize(UNBOUNDED, UNBOUNDED)


def early_map_view(early: EarlyPage) -> MapView:
    """A map view in no window yet, at the size the window will give it, loading *early*'s page (copied
    into a folder of its own, removed with the view). :func:`build_frame` puts it in the window.

    Why: the page's document then starts ~0.1 s sooner (before the window's modules are imported and
    its menus built), and Chromium parses and draws it on the other core meanwhile. A view in no window
    lays its page out at its own size, so the page is framed once, at the map's size in the window."""
    view = MapView()
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    view.setFixedSize(*early.map_size)
    folder = tempfile.TemporaryDirectory(prefix="chronomap-early-")
    view.destroyed.connect(lambda *_: folder.cleanup())
    view.load(early.copy_to(Path(folder.name)))
    _cover_with_picture(view, early)
    return view


def _cover_with_picture(view: MapView, early: EarlyPage) -> None:
    """The picture of the page's first frame over the view while the page loads, when one was taken for
    exactly this page, opening, size and screen (:mod:`chronomap.qt.map_picture`)."""
    if early.picture is None or early.opening is None:
        return
    from chronomap.qt.map_picture import read_picture

    try:
        image = read_picture(early.picture, early.map_size, view.devicePixelRatioF())
    except OSError:
        image = None
    if image is not None:
        view.cover_with_picture(image, early.opening)
        log.info("opening picture shown until the page has drawn its first frame: %s", early.picture.name)


def build_frame(window: QWidget, map_size: tuple[int, int] | None = None, time_bar_height: int | None = None,
                map_view: MapView | None = None) -> Frame:
    """The frame in a new central widget of *window* (not yet set as its central widget). With *map_size*
    the map view keeps exactly that size until :meth:`Frame.fill` (the size it had in the whole window
    last time), and the time bar's place is *time_bar_height* high. *map_view*: one made before the
    window (:func:`early_map_view`), its page loading; else a new one."""
    if map_view is not None:
        map_view.setParent(window)
    else:
        map_view = MapView(window)
        map_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if map_size is not None:
        map_view.setFixedSize(*map_size)
    side = QWidget(window)
    side.setObjectName("sidePanelPlace")
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.addWidget(map_view)
    splitter.addWidget(side)
    splitter.setStretchFactor(0, MAP_STRETCH)
    splitter.setStretchFactor(1, SIDE_STRETCH)
    splitter.setSizes([1000, 440])
    time_bar = QWidget(window)
    time_bar.setObjectName("timeBarPlace")
    if time_bar_height is not None:
        time_bar.setFixedHeight(time_bar_height)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(splitter, 1)
    layout.addWidget(time_bar)
    return Frame(central, map_view, splitter, side, time_bar)
