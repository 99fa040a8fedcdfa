"""Telling frames apart by their pixels: mostly black, mostly white (or an empty widget's grey), or like another.

Frames are shrunk by Qt to :data:`SAMPLE` pixels first, so a test or benchmark can
classify a grab every 16 ms without slowing the app it watches.
"""

from __future__ import annotations

from typing import Any

Pixels = list[tuple[int, int, int]]

SAMPLE = (128, 72)
#: Share of the pixels that must be (near) black or white for a frame to count as such.
MOSTLY = 0.6
#: Per-channel difference within which two pixels count as the same.
TOLERANCE = 12
KINDS = ("black", "white", "like", "other")


def samples(image: Any) -> Pixels:
    """*image* (a QImage) shrunk to :data:`SAMPLE`, as (r, g, b) tuples; [] for a null image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    if image.isNull():
        return []
    w, h = SAMPLE
    small = image.scaled(w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
    small = small.convertToFormat(QImage.Format.Format_RGB888)
    line = small.bytesPerLine()
    data = bytes(small.constBits())
    rows = [data[y * line:y * line + 3 * w] for y in range(h)]
    return [px for row in rows for px in zip(row[0::3], row[1::3], row[2::3], strict=True)]


def likeness(pixels: Pixels, reference: Pixels) -> float:
    """The share of *pixels* equal (within :data:`TOLERANCE`) to the same pixel of *reference*."""
    if not pixels or len(pixels) != len(reference):
        return 0.0
    same = sum(1 for p, q in zip(pixels, reference, strict=True)
               if abs(p[0] - q[0]) <= TOLERANCE and abs(p[1] - q[1]) <= TOLERANCE and abs(p[2] - q[2]) <= TOLERANCE)
    return same / len(pixels)


def kind(pixels: Pixels, reference: Pixels | None = None, like: float = 0.85) -> str:
    """black, white (white or a light neutral grey), like (*reference*, at least *like* of it) or other."""
    n = len(pixels)
    if not n:
        return "other"
    if sum(1 for r, g, b in pixels if max(r, g, b) < 24) >= MOSTLY * n:
        return "black"
    if sum(1 for r, g, b in pixels if min(r, g, b) >= 225 and max(r, g, b) - min(r, g, b) <= 8) >= MOSTLY * n:
        return "white"
    if reference is not None and likeness(pixels, reference) >= like:
        return "like"
    return "other"
