"""Pictures decoded at the size they are shown, off the GUI thread, and kept.

``QImageReader`` scales while decoding (JPEG decodes at 1/2, 1/4, 1/8 directly), so a card's picture
costs what its pixels on screen cost; still, a 24-megapixel JPEG takes a few hundred milliseconds,
which must not stall the time slider. :class:`ImageLoader` decodes in Qt's global thread pool and
hands the QImage (which, unlike a QPixmap, may be made on any thread) back to the GUI thread by a
queued signal. Decoded images are cached by file, modification time and size; only the GUI thread
touches the cache. :func:`load_image` is the same, synchronous (the export, which has no slider).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QImageWriter

# Decoded pictures kept, by their bytes: ~40 card pictures (900 x 675 x 4 = 2.4 MB each), or one viewer picture
# (45 MB at most) beside a score of cards, so a kiosk that shows pictures all day stays flat in memory. Smaller than
# it was (200 MB): issue 16's budget for the whole app is a blank page + 150 MB. A picture pushed out is decoded
# again, off the GUI thread, when it is shown again.
CACHE_BYTES = 96_000_000
# The longer side a card's picture is decoded at (the desk's card is ~440 px wide; 2x for HiDPI screens).
CARD_DECODE = 900
# The viewer's: sharp when zoomed on a large screen, bounded in memory (4096 x 2731 x 4 bytes = 45 MB at most).
VIEWER_DECODE = 4096
_cache: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()


def decode(path: Path | str, longest: int) -> QImage:
    """*path* decoded with its longer side at most *longest* pixels (never enlarged); a null QImage if unreadable.

    Touches no shared state: safe on any thread.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a camera's EXIF orientation
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > longest:
        reader.setScaledSize(size.scaled(QSize(longest, longest), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _key(path: Path | str, longest: int) -> tuple[str, int, int] | None:
    try:
        return str(path), os.stat(path).st_mtime_ns, longest
    except OSError:
        return None


def cached_image(path: Path | str, longest: int) -> QImage | None:
    key = _key(path, longest)
    if key is None or key not in _cache:
        return None
    _cache.move_to_end(key)
    return _cache[key]


def _keep(path: Path | str, longest: int, image: QImage) -> None:
    key = _key(path, longest)
    if key is not None and not image.isNull():
        _cache[key] = image
        while len(_cache) > 1 and cache_bytes() > CACHE_BYTES:
            _cache.popitem(last=False)  # the least recently used


def cache_bytes() -> int:
    """What the decoded pictures kept take in memory."""
    return sum(image.sizeInBytes() for image in _cache.values())


def load_image(path: Path | str, longest: int) -> QImage:
    """:func:`decode`, through the cache, on this thread."""
    image = cached_image(path, longest)
    if image is None:
        image = decode(path, longest)
        _keep(path, longest, image)
    return image


def clear_cache() -> None:
    """Forget every decoded picture (tests; an exhibit reloaded from disk)."""
    _cache.clear()


_plugins_loaded = False


def load_format_plugins() -> None:
    """Load every image-format plugin now, on the GUI thread, before a pool thread decodes.

    A decode thread that loads a plugin holds Python's lock while it waits for the dynamic loader's;
    if the GUI thread is meanwhile loading a library itself (Qt Multimedia's FFmpeg backend, at the
    first ``QMediaPlayer``) and logs through a Python message handler (the kiosk's log, pytest-qt),
    it waits for Python's lock: both hang for good. With the plugins loaded first, a decode never
    needs the loader. A writer is asked (not a reader), so no plugin reads anything or complains.
    """
    global _plugins_loaded
    if _plugins_loaded:
        return
    for image_format in QImageReader.supportedImageFormats():
        sink = QBuffer()
        sink.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(sink, image_format).canWrite()  # finds, and so loads, the format's plugin
    _plugins_loaded = True


class _Done(QObject):
    """Carries one decoded picture from a pool thread to the loader (a queued connection)."""

    done = Signal(str, int, QImage)


class _Decode(QRunnable):
    def __init__(self, path: str, longest: int, signals: _Done):
        super().__init__()
        self.path = path
        self.longest = longest
        self.signals = signals

    def run(self) -> None:
        self.signals.done.emit(self.path, self.longest, decode(self.path, self.longest))


class ImageLoader(QObject):
    """Asynchronous :func:`load_image`: :meth:`request` answers from the cache or starts a decode;
    ``loaded(path, longest, image)`` follows on the GUI thread (a null image for an unreadable file)."""

    loaded = Signal(str, int, QImage)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        load_format_plugins()
        self._pending: set[tuple[str, int]] = set()
        self._done = _Done(self)
        self._done.done.connect(self._on_done)

    def request(self, path: Path | str, longest: int) -> QImage | None:
        """The picture now if it is cached; else None, and ``loaded`` will bring it."""
        image = cached_image(path, longest)
        if image is not None:
            return image
        pending = (str(path), longest)
        if pending not in self._pending:
            self._pending.add(pending)
            QThreadPool.globalInstance().start(_Decode(str(path), longest, self._done))
        return None

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _on_done(self, path: str, longest: int, image: QImage) -> None:
        self._pending.discard((path, longest))
        _keep(path, longest, image)
        self.loaded.emit(path, longest, image)


_loader: ImageLoader | None = None


def image_loader() -> ImageLoader:
    """The application's one loader (it lives as long as the application)."""
    global _loader
    if _loader is None:
        _loader = ImageLoader()
    return _loader
