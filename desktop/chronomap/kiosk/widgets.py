"""The kiosk's controls and overlays: the language buttons, "Still there?" and the
attract banner (the staff PIN pad is in :mod:`chronomap.kiosk.pin_pad`).

Each overlay covers its parent (the shell) and paints a calm paper veil; every
control is a large touch target. Every class re-labels itself when the
interface language changes (``retranslate()`` on ``QEvent.LanguageChange``);
every control has an accessible name and description in that language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.kiosk.texts import FOCUS_BORDER, LANGUAGE_PAD, LANGUAGE_PX, palette, scale


def big_button(label: str, parent: QWidget, name: str = "") -> QPushButton:
    """A large touch button. Tab gives it keyboard focus (a touch or click never does, so no
    focus frame follows a finger)."""
    button = QPushButton(label, parent)
    if name:
        button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setCursor(Qt.CursorShape.ArrowCursor)
    button.setAutoDefault(False)
    return button


def describe(widget: QWidget, name: str, description: str) -> None:
    """Accessible name and description (screen readers; the kiosk's tests check every control)."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


class Retranslating:
    """Mixin: call ``retranslate()`` whenever the interface language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        raise NotImplementedError


class FlowLayout(QLayout):
    """Items left to right, wrapping onto new rows (place chips of any length)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
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
            widget = item.widget()
            if widget is not None and widget.isHidden():
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

    def __init__(self, parent: QWidget, high_contrast: bool = False):
        super().__init__(parent)
        self.high_contrast = high_contrast
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAutoFillBackground(False)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def veil(self) -> QColor:
        colour = QColor(palette(self.high_contrast).paper if self.high_contrast else QColor(239, 233, 220))
        colour.setAlpha(245 if self.high_contrast else 225)
        return colour

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parent() and isinstance(obj, QWidget) and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.veil())
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


class StillThereOverlay(Retranslating, Overlay):
    """“Still there?” with a countdown; any touch keeps the visitor's place (the shell decides)."""

    def __init__(self, parent: QWidget, high_contrast: bool = False):
        super().__init__(parent, high_contrast)
        _card, layout = self._card()
        self.title = QLabel(self)
        self.title.setObjectName("kOverlayTitle")
        self.body = QLabel(self)
        self.body.setObjectName("kOverlayBody")
        self.count = QLabel(self)
        self.count.setObjectName("kOverlayCount")
        self.button = big_button("", self, "kPlay")
        self.button.setMinimumHeight(92)
        for label in (self.title, self.body, self.count):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addSpacing(12)
        layout.addWidget(self.button)
        self.seconds_left = 10
        self.retranslate()

    def retranslate(self) -> None:
        title = self.tr("Still there?")
        self.title.setText(title)
        self.body.setText(self.tr("Touch the screen to keep exploring."))
        self.button.setText(self.tr("Keep exploring"))
        describe(self, title, self.tr("The kiosk will start again unless someone touches the screen."))
        describe(self.button, self.tr("Keep exploring"), self.tr("Carries on where you were."))
        self.set_seconds_left(self.seconds_left)

    def set_seconds_left(self, seconds: int) -> None:
        self.seconds_left = seconds
        self.count.setText(self.tr("The story starts again in %n seconds.", "", seconds))


class AttractBanner(Retranslating, QLabel):
    """The invitation shown while the story plays by itself; input passes through it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("kBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Touch the screen to explore the story"))
        self.setAccessibleName(self.text())
        if self.isVisible() and self.parentWidget() is not None and hasattr(self, "_area"):
            self.place(self._area)

    def place(self, area: QWidget) -> None:
        """Centre the banner near the top of *area* (in the parent's coordinates)."""
        self._area = area
        self.adjustSize()
        parent = self.parentWidget()
        if parent is None:
            return
        top_left = area.mapTo(parent, area.rect().topLeft())
        x = top_left.x() + (area.width() - self.width()) // 2
        y = top_left.y() + 36
        self.move(x, y)
        self.raise_()


# The language buttons' type is never made smaller than this (px) to fit a narrow panel.
LANGUAGE_LEAST_PX = 15
# A language button's padding each side (px) where the panel is too narrow for the usual one.
LANGUAGE_TIGHT_PAD = 2
# A language button is at least this wide where the panel has room (a large touch target).
LANGUAGE_BUTTON_LEAST = 96


class LanguageBar(Retranslating, QWidget):
    """One large button per interface language, each named in its own language (no flags);
    the language in use is checked. Emits ``chosen(lang)``.

    Each button is as wide as its name needs in bold (the chosen one is drawn bold, and the focus
    frame is thicker than the border): Қазақша, the longest, was cut at both ends on a 1280 px screen.
    The side panel is made wide enough for them (:meth:`least_width`); only where even that is not
    possible is their type made a little smaller (:meth:`fit`)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget, current: str, large_type: bool = False):
        super().__init__(parent)
        self.setObjectName("kLanguages")
        self.type_px = self._base_px = round(LANGUAGE_PX * scale(large_type))
        self.padding = LANGUAGE_PAD
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for lang in LANGUAGES:
            button = big_button(NATIVE_NAMES[lang], self, "kLang")
            button.setCheckable(True)
            button.setProperty("lang", lang)
            button.setMinimumWidth(LANGUAGE_BUTTON_LEAST)
            button.clicked.connect(lambda _=False, code=lang: self.chosen.emit(code))
            self.group.addButton(button)
            row.addWidget(button)
            self.buttons[lang] = button
        self.set_current(current)
        self.retranslate()

    def needed_width(self, button: QPushButton, px: int | None = None, pad: int | None = None) -> int:
        """How wide *button* must be for its name, in bold at *px*, with its padding *pad* and the focus
        frame (thicker than the border) at both sides."""
        font = QFont(button.font())
        font.setPixelSize(px or self.type_px)
        font.setBold(True)
        padding = self.padding if pad is None else pad
        return QFontMetrics(font).horizontalAdvance(button.text()) + 2 * (padding + FOCUS_BORDER) + 4

    def least_width(self) -> int:
        """The width the three names need at their full size (with the narrow padding)."""
        buttons = list(self.buttons.values())
        return sum(self.needed_width(b, self._base_px, LANGUAGE_TIGHT_PAD) for b in buttons) \
            + self._row.spacing() * (len(buttons) - 1)

    def fit(self, room: int) -> None:
        """Every name whole in *room* px: the buttons as wide as their names; where the three would not
        fit, first less padding, then smaller type (never below :data:`LANGUAGE_LEAST_PX`)."""
        buttons = list(self.buttons.values())
        gaps = self._row.spacing() * (len(buttons) - 1)

        def total(px: int, pad: int) -> int:
            return sum(self.needed_width(b, px, pad) for b in buttons) + gaps

        px, pad = self._base_px, LANGUAGE_PAD
        if total(px, pad) > room:
            pad = LANGUAGE_TIGHT_PAD
            while px > LANGUAGE_LEAST_PX and total(px, pad) > room:
                px -= 1
        if (px, pad) != (self.type_px, self.padding):
            self.type_px, self.padding = px, pad
            # (the bar's own sheet wins over the window's for its buttons)
            self.setStyleSheet("" if (px, pad) == (self._base_px, LANGUAGE_PAD)
                               else f"QPushButton#kLang {{ font-size: {px}px; padding: 0 {pad}px; }}")
        widths = [self.needed_width(b) for b in buttons]
        spare = max(0, room - gaps - sum(widths))
        for button, width in zip(buttons, widths, strict=True):
            button.setMinimumWidth(max(width, min(LANGUAGE_BUTTON_LEAST, width + spare // len(buttons))))

    def set_current(self, lang: str) -> None:
        if lang in self.buttons:
            self.buttons[lang].setChecked(True)

    @property
    def current(self) -> str | None:
        button = self.group.checkedButton()
        return button.property("lang") if button is not None else None

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Interface language"))
        for lang, button in self.buttons.items():
            # Each name stays in its own language, so a visitor finds theirs whatever is shown now.
            describe(button, self.tr("{language} — interface language").format(language=NATIVE_NAMES[lang]),
                     self.tr("Shows the whole kiosk in this language."))
