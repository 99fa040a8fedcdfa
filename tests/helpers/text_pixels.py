"""A line of text drawn alone, the way the print layout draws it: what its box on a picture must hold."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextOption

from chronomap.qt import theme
from chronomap.session import Look


def text_as_drawn(rect: QRect, text: str, font: QFont, colour: QColor) -> QImage:
    """*text* word-wrapped in *rect*'s size on paper, to compare pixel for pixel with a layout's box."""
    image = QImage(rect.width(), rect.height(), QImage.Format.Format_RGB32)
    image.fill(theme.colours(Look()).paper)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(colour)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    painter.drawText(QRectF(0, 0, rect.width(), rect.height()), text, option)
    painter.end()
    return image
