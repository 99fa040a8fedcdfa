"""The kiosk's overlays: "Still there?", the attract banner and the staff PIN pad.

Each overlay covers its parent (the shell) and paints a calm paper veil; every
control is a large touch target.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from chronomap.kiosk.texts import text
from chronomap.ui import theme


def big_button(label: str, parent: QWidget, name: str = "") -> QPushButton:
    button = QPushButton(label, parent)
    if name:
        button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.ArrowCursor)
    button.setAutoDefault(False)
    return button


class FlowLayout(QLayout):
    """Items left to right, wrapping onto new rows (place chips of any length)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint.boundedTo(QSize(rect.width(), hint.height()))))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class Overlay(QWidget):
    """A widget that covers its parent, follows its size and paints a veil."""

    VEIL = QColor(239, 233, 220, 225)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAutoFillBackground(False)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.VEIL)
        painter.end()

    def _card(self) -> tuple[QFrame, QVBoxLayout]:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        card = QFrame(self)
        card.setObjectName("kCard")
        card.setMaximumWidth(980)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(64, 52, 64, 52)
        layout.setSpacing(22)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        return card, layout


class StillThereOverlay(Overlay):
    """“Still there?” with a countdown; any touch keeps the visitor's place (the shell decides)."""

    def __init__(self, parent: QWidget, language: str = "en"):
        super().__init__(parent)
        self.language = language
        self.setAccessibleName("Still there?")
        _card, layout = self._card()
        self.title = QLabel(text(language, "still_title"), self)
        self.title.setObjectName("kOverlayTitle")
        self.body = QLabel(text(language, "still_body"), self)
        self.body.setObjectName("kOverlayBody")
        self.count = QLabel(self)
        self.count.setObjectName("kOverlayCount")
        self.button = big_button(text(language, "still_button"), self, "kPlay")
        self.button.setMinimumHeight(92)
        for label in (self.title, self.body, self.count):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addSpacing(12)
        layout.addWidget(self.button)
        self.seconds_left = 0
        self.set_seconds_left(10)

    def set_seconds_left(self, seconds: int) -> None:
        self.seconds_left = seconds
        key = "still_count_one" if seconds == 1 else "still_count"
        self.count.setText(text(self.language, key, n=seconds))


class AttractBanner(QLabel):
    """The invitation shown while the story plays by itself; input passes through it."""

    def __init__(self, parent: QWidget, language: str = "en"):
        super().__init__(text(language, "attract"), parent)
        self.setObjectName("kBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.hide()

    def place(self, area: QWidget) -> None:
        """Centre the banner near the top of *area* (in the parent's coordinates)."""
        self.adjustSize()
        top_left = area.mapTo(self.parentWidget(), area.rect().topLeft())
        x = top_left.x() + (area.width() - self.width()) // 2
        y = top_left.y() + 36
        self.move(x, y)
        self.raise_()


class PinPad(Overlay):
    """A large touch PIN pad. Emits ``submitted(pin)`` on OK and ``cancelled()``."""

    submitted = Signal(str)
    cancelled = Signal()
    MAX_DIGITS = 12

    def __init__(self, parent: QWidget, language: str = "en"):
        super().__init__(parent)
        self.language = language
        self.setAccessibleName("Staff PIN pad")
        self._pin = ""
        _card, layout = self._card()
        layout.setSpacing(16)
        self.title = QLabel(text(language, "pin_title"), self)
        self.title.setObjectName("kPinTitle")
        self.dots = QLabel(self)
        self.dots.setObjectName("kPinDots")
        self.message = QLabel(self)
        self.message.setObjectName("kPinMessage")
        for label in (self.title, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.keys: dict[str, QPushButton] = {}
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]
        for i, key in enumerate(labels):
            caption = text(language, key) if key in ("delete", "ok") else key
            button = big_button(caption, self, "kPinKey")
            button.setAccessibleName({"delete": "Delete", "ok": "OK"}.get(key, key))
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        layout.addLayout(grid)
        self.cancel_button = big_button(text(language, "cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.cancel_button)
        self.reset(text(language, "pin_prompt"))

    @property
    def entered(self) -> str:
        return self._pin

    def reset(self, message: str, error: bool = False) -> None:
        self._pin = ""
        self._show_dots()
        self.set_message(message, error)

    def set_message(self, message: str, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setProperty("error", "true" if error else "false")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def set_enabled_keys(self, enabled: bool) -> None:
        for button in self.keys.values():
            button.setEnabled(enabled)

    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self._pin) if self._pin else "–")

    def press(self, key: str) -> None:
        if not self.keys[key].isEnabled():
            return
        if key == "delete":
            self._pin = self._pin[:-1]
        elif key == "ok":
            if self._pin:
                pin, self._pin = self._pin, ""
                self._show_dots()
                self.submitted.emit(pin)
            return
        elif len(self._pin) < self.MAX_DIGITS:
            self._pin += key
        self._show_dots()

    def cancel(self) -> None:
        self._pin = ""
        self.hide()
        self.cancelled.emit()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        veil = QColor(theme.INK)
        veil.setAlpha(150)
        painter.fillRect(self.rect(), veil)
        painter.end()
