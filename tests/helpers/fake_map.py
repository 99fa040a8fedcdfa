"""A map view without a render process, for window tests that are not about the page.

:class:`FakeMapView` has MapView's public protocol (signals, properties, methods;
tests/gui/test_fake_map.py holds it to that) and keeps what it was asked in plain
lists: ``states`` (every state shown, with its seq), ``places_shown``, ``resets``,
``loaded``. Like the real one it answers on a later turn of the event loop: a
``load`` is ready then, a state shown before that is coalesced and confirmed
once ready, and states are validated by the same bridge function.

:func:`use_fake_map` swaps it into the desk and kiosk windows (and skips building the
folium page, which only the real page would read).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout
from PySide6.QtWidgets import QWidget

from chronomap.map import bridge
from chronomap.map.bridge import ChromeOptions, LatLng, MapCandidate, PageState

#: The colour of every frame the fake "grabs".
FAKE_SEA = QColor("#a9c7d8")


class FakeMapView(QWidget):
    ready = Signal()
    place_clicked = Signal(str)
    state_applied = Signal(int)
    js_error = Signal(str)
    recovered = Signal()
    navigation_refused = Signal(str)
    map_clicked = Signal(float, float)
    place_moved = Signal(str, float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editing = False
        self.candidates: list[MapCandidate] = []
        self.handle: tuple[str, float, float] | None = None
        self.states: list[PageState] = []
        self.places_shown: list[str] = []
        self.resets = 0
        self.loaded: list[Path] = []
        self.chrome: list[ChromeOptions] = []
        self._url: QUrl | None = None
        self._ready = False
        self._seq = 0
        self._applied = 0
        self._last: PageState | None = None
        self._pending = False
        self._locked = False
        self._zoom = 1.0
        self._released = False
        self._delays: tuple[int, ...] = (500,)
        self._later: list[Callable[[], Any]] = []
        self._turn = QTimer(self)  # owned: gone with the view, never a leaked timer
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._run_later)

    # -- answering on a later turn, as the page does --------------------------------------

    def _soon(self, work: Callable[[], Any]) -> None:
        self._later.append(work)
        self._turn.start()

    def _run_later(self) -> None:
        work, self._later = self._later, []
        for job in work:
            job()

    def _become_ready(self, recovered: bool = False) -> None:
        self._ready = True
        if self._last is not None and (self._pending or recovered):
            self._pending = False
            self._confirm(self._last["seq"])
        self.ready.emit()
        if recovered:
            self.recovered.emit()

    def _confirm(self, seq: int) -> None:
        def confirmed() -> None:
            self._applied = seq
            self.state_applied.emit(seq)

        self._soon(confirmed)

    # -- MapView's protocol -----------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def page_url(self) -> QUrl | None:
        return QUrl(self._url) if self._url is not None else None

    @property
    def current_url(self) -> QUrl:
        return QUrl(self._url) if self._url is not None else QUrl()

    @property
    def js_error_count(self) -> int:
        return 0

    @property
    def last_state(self) -> PageState | None:
        return copy.deepcopy(self._last)

    @property
    def last_load_seconds(self) -> float | None:
        return 0.0 if self.loaded else None

    def load(self, page: Path) -> None:
        if self._released:
            raise RuntimeError("MapView was released at application quit")
        self.loaded.append(Path(page))
        self._url = QUrl.fromLocalFile(str(Path(page).resolve()))
        self._ready = False
        self._last = None
        self._pending = False
        self._soon(self._become_ready)

    def show_state(self, state: PageState | dict[str, Any]) -> int:
        if not isinstance(state, dict):
            raise TypeError("state must be a dict")
        self._seq += 1
        kept: PageState = copy.deepcopy(state)  # type: ignore[assignment]
        kept["seq"] = self._seq
        bridge.apply_state(kept)  # refuses what the real view refuses
        self._last = kept
        self.states.append(copy.deepcopy(kept))
        if self._ready and not self._released:
            self._pending = False
            self._confirm(self._seq)
        else:
            self._pending = True
        return self._seq

    def query(self, callback: Callable[[dict | None], Any]) -> None:
        """What the fake "shows": the last state's seq, statuses and labels (no geometry)."""
        if self._released:
            callback(None)
            return
        places = (self._last or {}).get("places", {})
        snapshot = {"ready": self._ready, "seq": self._applied,
                    "statuses": {pid: p["status"] for pid, p in places.items()},
                    "labels": {pid: p["label"] for pid, p in places.items() if "label" in p}}
        self._soon(lambda: callback(snapshot))

    def show_place(self, place_id: str) -> None:
        bridge.show_place(place_id)
        self.places_shown.append(place_id)

    def reset_view(self) -> None:
        self.resets += 1

    def set_chrome(self, options: ChromeOptions, callback: Callable[[Any], Any] | None = None) -> None:
        bridge.set_chrome(options)
        self.chrome.append(options)
        if callback is not None:
            self._soon(lambda: callback(True))

    def set_view(self, center: LatLng, zoom: float, callback: Callable[[Any], Any] | None = None) -> None:
        bridge.set_view(center, zoom)
        if callback is not None:
            self._soon(lambda: callback(True))

    def caption_text(self, callback: Callable[[str | None], Any]) -> None:
        self._soon(lambda: callback(None))

    def inner_width(self, callback: Callable[[Any], Any]) -> None:
        self._soon(lambda: callback(round(self.width() / self._zoom)))

    def link_hovered(self, callback: Callable[[Any], Any]) -> None:
        self._soon(lambda: callback(False))

    def cover_with_picture(self, image: QImage, opening: PageState | dict[str, Any]) -> None:
        pass  # the fake draws nothing: no page to cover

    @property
    def has_picture(self) -> bool:
        return False

    @property
    def picture_painted_at(self) -> float | None:
        return None

    def ping(self, callback: Callable[[Any], Any]) -> None:
        if not self._released:
            self._soon(lambda: callback(self._applied if self._ready else -1))

    def set_editing(self, on: bool, callback: Callable[[Any], Any] | None = None) -> bool:
        bridge.set_editing(on)
        if not self._ready:
            return False
        self.editing = on
        if not on:
            self.candidates, self.handle = [], None
        if callback is not None:
            self._soon(lambda: callback(on))
        return True

    def show_candidates(self, candidates: Sequence[MapCandidate], callback: Callable[[Any], Any] | None = None) -> bool:
        bridge.show_candidates(candidates)
        if not self._ready:
            return False
        self.candidates = list(candidates) if self.editing else []
        if callback is not None:
            self._soon(lambda: callback(len(self.candidates)))
        return True

    def move_place(self, place_id: str, lat: float, lon: float, callback: Callable[[Any], Any] | None = None) -> bool:
        bridge.move_place(place_id, lat, lon)
        if not self._ready:
            return False
        if self.editing:
            self.handle = (place_id, lat, lon)
        if callback is not None:
            self._soon(lambda: callback(True))
        return True

    def edit_state(self, callback: Callable[[dict | None], Any]) -> None:
        handle = None if self.handle is None else {"id": self.handle[0], "lat": self.handle[1], "lon": self.handle[2]}
        state = {"editing": self.editing, "handle": handle, "candidates": list(self.candidates)}
        self._soon(lambda: callback(None if self._released else state))

    # -- what a curator does on the fake map (tests only) ----------------------------------

    def click_map(self, lat: float, lon: float) -> None:
        """A click on the map at (lat, lon): reported on a later turn, only while editing."""
        if self.editing:
            self._soon(lambda: self.map_clicked.emit(lat, lon))

    def drop_handle(self, lat: float, lon: float) -> None:
        """The handle dragged to (lat, lon) and dropped."""
        if self.editing and self.handle is not None:
            place_id = self.handle[0]
            self.handle = (place_id, lat, lon)
            self._soon(lambda: self.place_moved.emit(place_id, lat, lon))

    def grab_frame(self) -> QImage:
        if self._released:
            return QImage()
        image = QImage(max(self.width(), 1), max(self.height(), 1), QImage.Format.Format_RGB32)
        image.fill(FAKE_SEA)
        return image

    def when_settled(self, callback: Callable[[], Any], timeout_ms: int = 10_000) -> None:
        self._soon(callback)

    def grab_settled(self, callback: Callable[[QImage], Any], timeout_ms: int = 10_000) -> None:
        self._soon(lambda: callback(self.grab_frame()))

    def set_zoom_factor(self, factor: float) -> None:
        self._zoom = factor

    def print_to_pdf(self, path: str, page_layout: QPageLayout, callback: Callable[[bool], Any]) -> None:
        """The fake has no page to print: *callback(False)*, as a failed print."""
        self._soon(lambda: callback(False))

    def renew(self) -> bool:
        if self._released or self._url is None:
            return False
        self._ready = False
        self._soon(lambda: self._become_ready(recovered=True))
        return True

    def render_process_pid(self) -> int:
        return 0

    def set_recovery_delays(self, delays_ms: Sequence[int], stable_ms: int = 60_000) -> None:
        if not delays_ms or any(int(d) < 0 for d in delays_ms):
            raise ValueError("delays must be a non-empty sequence of non-negative milliseconds")
        self._delays = tuple(int(d) for d in delays_ms)

    @property
    def crash_streak(self) -> int:
        return 0

    def next_recovery_delay_ms(self) -> int:
        return self._delays[0]

    @property
    def is_locked_down(self) -> bool:
        return self._locked

    def lock_down(self, background: QColor | None = None) -> None:
        self._locked = True

    def release(self) -> None:
        self._released = True
        self._ready = False

    @property
    def web_page(self) -> None:
        return None

    @property
    def web_view(self) -> None:
        return None

    def input_target(self) -> QWidget:
        return self


def fake_build_page(spec: Any, folder: Path, **_options: Any) -> Path:
    """Stands in for :func:`chronomap.map.page.build_page`: a file to name, nothing the fake reads."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "index.html"
    index.write_text("<!doctype html><title>fake map</title>", encoding="utf-8")
    return index


def use_fake_map(monkeypatch: Any) -> None:
    """Desk and kiosk windows made after this show a :class:`FakeMapView` instead of the page."""
    monkeypatch.setattr("chronomap.desk.window_frame.MapView", FakeMapView)
    monkeypatch.setattr("chronomap.desk.main_window.build_page", fake_build_page)
    monkeypatch.setattr("chronomap.kiosk.layout.MapView", FakeMapView)
    monkeypatch.setattr("chronomap.kiosk.page_keeper.build_page", fake_build_page)
