"""The opening picture (issue 16.4): a start from the memo shows the picture of the page's first frame, taken in
an earlier run, until the live page has drawn that frame itself (``chronomap.qt.map_picture``).

It must be the live page's first frame to the pixel, never shown when anything that decides its pixels has
changed, and never eat or lose input. Each test has its own settings and caches.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from page_helpers import LOAD_TIMEOUT, STEP_TIMEOUT, delete_windows, query_page
from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from chronomap.desk import start_memo
from chronomap.qt import map_picture

pytestmark = pytest.mark.gui



@pytest.fixture(autouse=True)
def quick_capture(monkeypatch):
    """The picture taken 0.2 s after the page was drawn (2 s in the app)."""
    monkeypatch.setattr(map_picture, "CAPTURE_IDLE_MS", 200)


def _closed(window, story: Path) -> None:
    """As run_explorer does at quit: the window closed (settings saved), then the memo written."""
    window.close()
    start_memo.remember(window, story, None, None, window.start_moment)


def _capture(window) -> map_picture.PictureCapture | None:
    return window.map_view.findChild(QObject, "mapPictureCapture")


def _pictured(qtbot, opened, story: Path) -> Path:
    """Starts until one from the memo has taken its opening picture; the picture's path."""
    first = opened(story)
    _closed(first, story)
    second = opened(story)
    capture = _capture(second)
    assert capture is not None, "a start from the memo without a picture takes one"
    with qtbot.waitSignal(capture.finished, timeout=LOAD_TIMEOUT) as taken:
        pass
    assert taken.args[0], capture.outcome
    _closed(second, story)
    return Path(taken.args[0])


def _differing(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    bytes_a, bytes_b = bytes(a.constBits()), bytes(b.constBits())  # type: ignore[call-overload]
    return sum(1 for i in range(0, len(bytes_a), 4) if bytes_a[i:i + 3] != bytes_b[i:i + 3])


def test_the_picture_is_the_live_pages_first_frame_to_the_pixel(qtbot, opened, story):
    picture = _pictured(qtbot, opened, story)
    third = opened(story)
    view = third.map_view
    assert view.picture_painted_at is not None, "the picture was on the screen before the page"
    assert _capture(third) is None, "a start that showed its picture takes none"
    seq = view.last_state["seq"]
    qtbot.waitUntil(lambda: not view.has_picture, timeout=LOAD_TIMEOUT)  # replaced once the page has drawn
    snap = query_page(qtbot, view)
    assert snap["frames"]["marks"][0][0] == 0 and seq is not None  # the page's first frame, its opening
    assert snap["frames"]["glides"] == 0
    live = view.grab_frame()
    assert _differing(live, QImage(str(picture))) == 0


@pytest.mark.parametrize("change", ["language", "look", "moment", "view size", "screen", "Qt"])
def test_anything_that_decides_the_pixels_changed_means_no_picture(qtbot, opened, story, monkeypatch, change):
    picture = _pictured(qtbot, opened, story)
    settings = QSettings("Chronomap", "Chronomap")
    early = start_memo.lookup(story, None, None, settings)
    assert early is not None and early.picture == picture and picture.is_file()
    if change == "language":
        settings.setValue("ui/language", "ru")
    elif change == "look":
        settings.setValue("ui/high_contrast", True)
    elif change == "moment":
        exhibit = start_memo.json.loads(start_memo._memo_path(story).read_text(encoding="utf-8"))["exhibit"]
        settings.setValue(f"exhibits/{exhibit}/day", int(settings.value(f"exhibits/{exhibit}/day")) + 400)
    elif change == "view size":
        memo_file = start_memo._memo_path(story)
        memo = start_memo.json.loads(memo_file.read_text(encoding="utf-8"))
        memo["map_size"] = [memo["map_size"][0] - 10, memo["map_size"][1]]
        memo_file.write_text(start_memo.json.dumps(memo), encoding="utf-8")
    elif change == "screen":
        from PySide6.QtGui import QScreen

        monkeypatch.setattr(QScreen, "devicePixelRatio", lambda self: 2.0)
    else:
        import PySide6.QtCore

        monkeypatch.setattr(PySide6.QtCore, "qVersion", lambda: "9.9.9")
    settings.sync()
    early = start_memo.lookup(story, None, None, settings)
    assert early is None or (early.picture != picture and not early.picture.is_file())


def test_a_picture_of_another_size_is_never_shown(tmp_path):
    path = tmp_path / "p.png"
    image = QImage(100, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path.write_bytes(map_picture.png_bytes(image))
    assert map_picture.read_picture(path, (100, 50), 1.0) is not None
    assert map_picture.read_picture(path, (100, 51), 1.0) is None
    assert map_picture.read_picture(path, (100, 50), 2.0) is None
    assert map_picture.read_picture(tmp_path / "none.png", (100, 50), 1.0) is None


class _Heard(QObject):
    """Records the input events that reach a widget (installed before the cover: it hears them after it)."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: list[QEvent.Type] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel):
            self.kinds.append(event.type())
        return False


def _covered_view(qtbot, tmp_path, state):
    """A map view loading a page that never says it is ready (no page script), under a picture."""
    from chronomap.qt.map_view import MapView

    view = MapView()
    view.setFixedSize(300, 200)
    page = tmp_path / "plain.html"
    page.write_text("<!doctype html><title>plain</title><p>plain", encoding="utf-8")
    view.load(page)
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    heard = _Heard()
    view.input_target().installEventFilter(heard)
    view.cover_with_picture(image, state)
    view.show()
    qtbot.waitUntil(lambda: view.picture_painted_at is not None, timeout=STEP_TIMEOUT)
    return view, heard


STATE = {"places": {}, "basemap": {"classes": {}}, "focus": None, "animate": False, "seq": 0}


@pytest.mark.parametrize("how", ["click", "key"])
def test_input_on_the_picture_reaches_the_map_and_drops_the_picture(qtbot, tmp_path, how):
    view, heard = _covered_view(qtbot, tmp_path, STATE)
    try:
        assert view.has_picture
        target = view.input_target()
        # a click on the picture goes to what is under it: the picture takes no mouse events and never the focus
        assert view.childAt(QPoint(150, 100)) is not view.findChild(QObject, "mapPictureCover")
        if how == "click":
            QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(150, 100))
            assert QEvent.Type.MouseButtonPress in heard.kinds
        else:
            target.setFocus()
            QTest.keyClick(target, Qt.Key.Key_Right)
            assert QEvent.Type.KeyPress in heard.kinds
        assert not view.has_picture, "dropped at once: the visitor sees the page from now on"
    finally:
        delete_windows(qtbot, [view])


def test_a_new_moment_drops_the_picture_and_the_same_keeps_it(qtbot, tmp_path):
    view, _ = _covered_view(qtbot, tmp_path, STATE)
    try:
        view.show_state({**STATE, "animate": True})  # the opening itself (as the window gives it): kept
        assert view.has_picture
        view.show_state({**STATE, "focus": [[40.0, 50.0], [45.0, 60.0]]})
        assert not view.has_picture
    finally:
        delete_windows(qtbot, [view])


def test_a_resize_drops_the_picture(qtbot, tmp_path):
    view, _ = _covered_view(qtbot, tmp_path, STATE)
    try:
        view.setFixedSize(320, 200)
        qtbot.waitUntil(lambda: not view.has_picture, timeout=STEP_TIMEOUT)
    finally:
        delete_windows(qtbot, [view])


def test_no_picture_is_taken_of_a_map_the_visitor_touched(qtbot, opened, story):
    first = opened(story)
    _closed(first, story)
    second = opened(story)
    capture = _capture(second)
    assert capture is not None
    QTest.mouseMove(second.map_view.input_target(), QPoint(200, 200))
    with qtbot.waitSignal(capture.finished, timeout=LOAD_TIMEOUT) as taken:
        pass
    assert taken.args[0] == ""
    assert not list(start_memo.memo_dir().glob("*.png"))
