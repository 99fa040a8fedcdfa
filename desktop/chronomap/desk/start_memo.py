"""What the last start of an exhibit opened with, so the next one can show its map before reading the exhibit.

Why: the map page, Chromium's start and the window's first frame take about as long as the Python
that reads, checks and models the exhibit; done one after the other they doubled every cold start.
The memo (``$XDG_CACHE_HOME/chronomap/start``) keeps, per exhibit folder, the page the window
opened with (its opening state written in), the map view's size in the window and the inputs it
came from: every file of the exhibit folder and of the app (path, size, modification time), the
command line's ``--at``/``--event``, the settings that choose the opening (language, look, the
moment saved last time, the window's geometry) and the screen. When all are the same, the window
shows that page at once and reads the exhibit meanwhile (:mod:`chronomap.desk.start_load`).

Nothing is taken on trust: the exhibit is read and checked as at every start, and the window
compares the page it would build with the one shown (:func:`chronomap.map.page.page_identity`),
loading the right one when they differ. The memo only decides what is on the screen early.
Best effort, like the page cache: a memo that cannot be read or written means a start without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronomap import __version__, user_dirs
from chronomap.atomic import write_text_atomic

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from chronomap.desk.main_window import MainWindow
    from chronomap.qt.map_view import MapView
    from chronomap.qt.session import Moment

log = logging.getLogger("chronomap.ui")

KEEP = 8  # exhibits remembered; the oldest memo goes when a new one is written
_APP_DIR = Path(__file__).resolve().parents[1]  # the chronomap package: its code and translations
_ASSETS = ("map", "basemap")


def memo_dir() -> Path:
    return user_dirs.cache_dir("start")


def _stamps(folder: Path) -> list[str]:
    """Every file under *folder* (hidden folders and caches left out), each with its size and time."""
    out: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        out.extend(user_dirs.file_stamp(Path(root, name)) for name in sorted(files))
    return out


def _code_digest() -> str:
    from chronomap.resources import asset_path

    parts = [_stamps(_APP_DIR), *(_stamps(asset_path(name)) for name in _ASSETS)]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def _settings_values(settings: QSettings, exhibit_id: str) -> dict[str, str]:
    from PySide6.QtCore import QByteArray

    from chronomap.qt.language import system_language

    keys = ("ui/language", "ui/high_contrast", "ui/large_type", "window/geometry", "window/splitter",
            f"exhibits/{exhibit_id}/day", f"exhibits/{exhibit_id}/event")
    values: dict[str, str] = {}
    for key in keys:
        value = settings.value(key)
        if isinstance(value, QByteArray):
            values[key] = bytes(value.toHex().data()).decode()
        else:  # as a settings file gives it back: a bool set in this run reads "true" in the next
            values[key] = str(value).lower() if isinstance(value, bool) else str(value)
    values["system_language"] = system_language()
    return values


def _screen() -> list[int]:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    geometry = screen.availableGeometry() if screen is not None else None
    return [geometry.width(), geometry.height()] if geometry is not None else []


def inputs(story: Path, exhibit_id: str, at: str | None, event: str | None, settings: QSettings) -> dict[str, Any]:
    """Everything the window's first page and layout depend on, as JSON (compared whole)."""
    return {
        "version": __version__,
        "story": str(story),
        "files": _stamps(story),
        "code": _code_digest(),
        "start": [at, event],
        "settings": _settings_values(settings, exhibit_id),
        "screen": _screen(),
    }


def _memo_path(story: Path) -> Path:
    return memo_dir() / (hashlib.sha256(str(story).encode("utf-8")).hexdigest()[:24] + ".json")


#: Settings that place the window on the screen: the map's pixels depend on them only through the map's size.
_LAYOUT_ONLY = ("window/geometry", "window/splitter")


def _picture_path(memo: Path, identity: str, memo_inputs: Any, map_size: tuple[int, int]) -> Path:
    """Where the opening picture of this memo's page is kept: its key in the name (any input changed, another name)."""
    from PySide6.QtGui import QGuiApplication

    from chronomap.qt.map_picture import picture_key

    screen = QGuiApplication.primaryScreen()
    dpr = screen.devicePixelRatio() if screen is not None else 1.0
    pixels = json.loads(json.dumps(memo_inputs))
    for key in _LAYOUT_ONLY:  # they decide the map's pixels only through its size, which is in the key
        pixels.get("settings", {}).pop(key, None)
    return memo.with_name(f"{memo.stem}-{picture_key(identity, pixels, map_size, dpr)}.png")


def forget_other_pictures(picture: Path) -> None:
    """Remove the pictures of the same memo kept under other keys (they can never be shown again)."""
    stem = picture.stem.rsplit("-", 1)[0]
    for old in picture.parent.glob(f"{stem}-*.png"):
        if old != picture:
            old.unlink(missing_ok=True)


@dataclass(frozen=True)
class EarlyPage:
    """A page to show before the exhibit is read: the one the last start opened with."""

    html: Path  # the page with its opening written in
    identity: str  # chronomap.map.page.page_identity of the spec and opening it was built for
    map_size: tuple[int, int]  # the map view's size in the window last time
    time_bar_height: int
    style_sheet: str  # the window's (chronomap.qt.theme, for the look the settings give): the frame's chrome as the window's
    #: the map view already loading this page, made before the window (chronomap.desk.window_frame.early_map_view)
    view: MapView | None = field(default=None, compare=False)
    #: the page's opening state (what its first frame shows), None in a memo written before it was kept
    opening: dict[str, Any] | None = field(default=None, compare=False)
    #: where the picture of that first frame is, for everything that decides its pixels (chronomap.qt.map_picture)
    picture: Path | None = None

    def copy_to(self, folder: Path) -> Path:
        """The page copied into *folder* (the window's own page folder), as ``early/index.html``."""
        target = folder / "early" / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.html, target)
        return target


def lookup(story: Path, at: str | None, event: str | None, settings: QSettings) -> EarlyPage | None:
    """The page the last start of *story* opened with, when everything it came from is as it was."""
    path = _memo_path(story)
    try:
        memo = json.loads(path.read_text(encoding="utf-8"))
        html = path.with_suffix(".html")
        if memo["inputs"] != inputs(story, memo["exhibit"], at, event, settings) or not html.is_file():
            log.info("start memo for %s is out of date: the map waits for the exhibit", story)
            return None
        width, height = memo["map_size"]
        size = (int(width), int(height))
        opening = memo.get("opening")
        return EarlyPage(html, str(memo["identity"]), size, int(memo["time_bar_height"]), str(memo["style_sheet"]),
                         opening=opening if isinstance(opening, dict) else None,
                         picture=_picture_path(path, str(memo["identity"]), memo["inputs"], size))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("start memo %s not used: %s", path, exc)
        return None


def remember(window: MainWindow, story: Path, at: str | None, event: str | None, moment: Moment | None = None) -> None:
    """Keep what *window* would open with for the next start with the same ``--at``/``--event``: *moment*
    (the one they name), else the window's moment now (the one the next start restores)."""
    from chronomap.map.page import QWEBCHANNEL_URL, build_page, page_identity
    from chronomap.map.page_inline import with_linked_script
    from chronomap.qt.map_page import webchannel_source

    if not window.installed:
        return
    path = _memo_path(story)
    try:
        spec = window.builder.spec()
        moment = moment if moment is not None else window.model.moment
        opening = window.builder.opening_state(moment.state, moment.day)
        folder = memo_dir()
        folder.mkdir(parents=True, exist_ok=True)
        building = folder / f"building-{os.getpid()}"
        page = build_page(spec, building, opening=opening)  # type: ignore[arg-type]
        channel = webchannel_source()
        if channel is not None:  # nothing for the page to fetch while it is parsed at the next start
            page.write_text(with_linked_script(page.read_text(encoding="utf-8"), QWEBCHANNEL_URL, channel),
                            encoding="utf-8")
        os.replace(page, path.with_suffix(".html"))
        shutil.rmtree(building, ignore_errors=True)
        size = window.map_view.size()
        memo = {
            "exhibit": window.exhibit.meta.id,
            "identity": page_identity(spec, opening),  # type: ignore[arg-type]
            "opening": opening,
            "map_size": [size.width(), size.height()],
            "time_bar_height": window.time_bar_height,
            "style_sheet": window.styleSheet(),
            "inputs": inputs(story, window.exhibit.meta.id, at, event, window.settings),
        }
        write_text_atomic(path, json.dumps(memo))
        memos = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in memos[KEEP:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".html").unlink(missing_ok=True)
            for picture in folder.glob(f"{old.stem}-*.png"):
                picture.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001 (a memo: never a reason to fail a start or a quit)
        log.info("start memo not written in %s: %s", path.parent, exc)
