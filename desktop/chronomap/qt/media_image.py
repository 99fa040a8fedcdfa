"""Pictures decoded at the size they are shown, and kept: a 24-megapixel photograph is never decoded whole for a card.

``QImageReader`` scales while decoding (JPEG decodes at 1/2, 1/4, 1/8 directly), so a card's
picture costs what its pixels on screen cost. Decoded images are cached by file, modification time
and size; a handful of a few hundred kilobytes each. (Decoding off the GUI thread is issue 15's
"Speed" item; a QImage, unlike a QPixmap, may be made on any thread, so this function is ready for it.)
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

#: Decoded pictures kept (card, thumbnails, viewer for a few events).
CACHE_SIZE = 32
_cache: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()


def load_image(path: Path, longest: int) -> QImage:
    """*path* decoded with its longer side at most *longest* pixels (never enlarged); a null QImage if unreadable."""
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return QImage()
    key = (str(path), mtime, longest)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a camera's EXIF orientation
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > longest:
        reader.setScaledSize(size.scaled(QSize(longest, longest), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if not image.isNull():
        _cache[key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image


def clear_cache() -> None:
    """Forget every decoded picture (tests; an exhibit reloaded from disk)."""
    _cache.clear()
