"""A panel for print: the map snapshot beside the event's first picture, its caption and its credit.

Pure QImage/QPainter composition (no page, no widget). The side column is a fixed share of the
height; the texts are laid out first and the picture takes what is left, so a long caption is
shortened (elided) before anything else, and the credit — the museum's obligation to the rights
holder — is never dropped or cut: its type shrinks to fit, and it is always drawn whole. A picture
that does not need the whole height (one wider than the column) stands with its label in the middle
of the column.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QTextOption

from chronomap.export.options import map_width_for, side_width
from chronomap.qt import theme
from chronomap.qt.media_credit import credit_line
from chronomap.qt.media_image import load_image
from chronomap.session import Look
from chronomap.story.media import MediaItem
from chronomap.story.model import Event

# Type sizes as a share of the height; the credit never goes below MIN_CREDIT_SHARE.
CAPTION_SHARE, CREDIT_SHARE, MIN_CREDIT_SHARE = 0.032, 0.022, 0.012
CAPTION_MAX_LINES = 4

__all__ = ["MediaLayout", "compose", "first_picture", "map_width_for", "paint", "plan", "side_width"]


@dataclass(frozen=True)
class MediaLayout:
    """Where each part went (in the composed image's pixels), so tests and callers can check them."""

    map_rect: QRect
    picture_rect: QRect
    caption_rect: QRect
    credit_rect: QRect
    caption: str
    credit: str
    caption_font: QFont
    credit_font: QFont


def first_picture(event: Event | None) -> MediaItem | None:
    """The picture an exported panel shows for *event*: its first image (None without one)."""
    return next((m for m in event.media if m.kind == "image"), None) if event is not None else None


def _font(family: str, pixels: float) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(6, round(pixels)))
    return font


def _wrapped_height(font: QFont, text: str, width: int) -> int:
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text).height()


def _elide_to_lines(font: QFont, text: str, width: int, lines: int) -> str:
    """*text* shortened with '…' until it wraps into at most *lines* lines."""
    limit = QFontMetrics(font).lineSpacing() * lines
    if _wrapped_height(font, text, width) <= limit:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits
        mid = (low + high + 1) // 2
        if _wrapped_height(font, text[:mid].rstrip() + "…", width) <= limit:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def plan(map_size: QSize, item: MediaItem, lang: str) -> MediaLayout:
    """Where the map, the picture, the caption and the credit go for a map of *map_size*."""
    height = map_size.height()
    side = side_width(height)
    pad = max(8, round(height * 0.03))
    inner = side - 2 * pad
    left = map_size.width() + pad
    credit = credit_line(item, lang)
    credit_font = _font(theme.UI_FONT_FAMILY, height * CREDIT_SHARE)
    # the credit gets at most a quarter of the column; its type shrinks until it does (never below the minimum)
    while (_wrapped_height(credit_font, credit, inner) > height // 4
           and credit_font.pixelSize() > max(6, round(height * MIN_CREDIT_SHARE))):
        credit_font.setPixelSize(credit_font.pixelSize() - 1)
    credit_height = _wrapped_height(credit_font, credit, inner)
    caption_font = _font(theme.SERIF_FAMILY, height * CAPTION_SHARE)
    caption = _elide_to_lines(caption_font, item.caption_in(lang) or "", inner, CAPTION_MAX_LINES)
    caption_height = _wrapped_height(caption_font, caption, inner) if caption else 0
    gap = pad // 2
    texts_height = caption_height + (gap if caption else 0) + credit_height
    picture_box = QRect(left, pad, inner, max(1, height - 2 * pad - gap - texts_height))
    size = item.size or (picture_box.width(), picture_box.height())
    fitted = QSize(*size).scaled(picture_box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    # a picture wider than the column leaves room below its label: the block stands in the middle of the
    # column, the room shared above and below it, instead of hanging from the top over an empty half
    spare = max(0, picture_box.height() - fitted.height())
    picture_rect = QRect(left + (inner - fitted.width()) // 2, pad + spare // 2, fitted.width(), fitted.height())
    # the texts right under the picture, as on a museum label
    caption_rect = QRect(left, picture_rect.bottom() + 1 + gap, inner, caption_height)
    credit_rect = QRect(left, caption_rect.bottom() + 1 + (gap if caption else 0) if caption else caption_rect.top(),
                        inner, credit_height)
    return MediaLayout(QRect(0, 0, map_size.width(), height), picture_rect, caption_rect, credit_rect,
                       caption, credit, caption_font, credit_font)


def compose(map_image: QImage, item: MediaItem | None, lang: str, look: Look | None = None) -> tuple[QImage, MediaLayout | None]:
    """The map with the picture's column beside it; the map alone (a copy) when there is no picture."""
    if item is None or item.kind != "image":
        return map_image.copy(), None
    layout = plan(map_image.size(), item, lang)
    out = QImage(map_image.width() + side_width(map_image.height()), map_image.height(), QImage.Format.Format_RGB32)
    painter = QPainter(out)
    try:
        paint(painter, map_image, item, layout, look)
    finally:
        painter.end()
    return out, layout


def paint(painter: QPainter, map_image: QImage, item: MediaItem, layout: MediaLayout, look: Look | None = None) -> None:
    """Draw the panel with *painter* (an image's, or a PDF page's whose resolution is the picture's):
    on paper the caption and credit stay text."""
    c = theme.colours(look or Look())
    painter.fillRect(QRect(0, 0, map_image.width() + side_width(map_image.height()), map_image.height()), c.paper)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.drawImage(0, 0, map_image)
    picture = load_image(item.path, max(layout.picture_rect.width(), layout.picture_rect.height()))
    if not picture.isNull():
        painter.drawImage(layout.picture_rect, picture)
    painter.setPen(QColor(c.track))
    painter.drawLine(map_image.width(), 0, map_image.width(), map_image.height())
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
    if layout.caption:
        painter.setFont(layout.caption_font)
        painter.setPen(c.ink)
        painter.drawText(QRectF(layout.caption_rect), layout.caption, wrap)
    painter.setFont(layout.credit_font)
    painter.setPen(c.muted_text)
    painter.drawText(QRectF(layout.credit_rect), layout.credit, wrap)
