"""The staff PIN pad: large keys, the digits as dots, and what the modes say in the interface language.

The pad only collects digits and shows messages; whether a PIN is right, and
how long the pad stays locked, is for :class:`~chronomap.kiosk.pin.PinGate`
and the modes (:class:`~chronomap.kiosk.modes.ModeMachine`). The message keeps
its kind, so it is said again in the new language when the language changes
while the pad is open.

The keys never move: the pad has one width whatever it says, its words wrap,
and the message keeps the height of the longest one in the interface language
(they used to widen the pad between tries, so staff hit the key beside the one
they aimed at).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from chronomap.kiosk.modes import PIN_KEYS_OFF
from chronomap.kiosk.texts import palette
from chronomap.kiosk.widgets import Overlay, Retranslating, big_button, describe

#: The pad's one width (px): the keys' grid with room round it, and the messages wrapped in it.
PAD_WIDTH = 760
#: A key's one size (px): the style sheet's least size for a key (124×96) and its widest border (the
#: 5-px focus frame) all round, so a key taking focus does not grow and push its neighbours.
KEY_SIZE = (124 + 2 * 5, 96 + 2 * 5)
#: On a short screen the keys (and Cancel) are lower, down to this (still a large touch target).
LEAST_KEY_HEIGHT = 56
PAD_MARGINS = (56, 28, 56, 28)  # inside the pad: left, top, right, bottom
KEY_GAP = 14
#: Every message the modes send, with the values that make it shortest and longest (a lockout is
#: at most an hour): the message keeps the height of the tallest.
EVERY_MESSAGE = (("prompt", ()), ("disabled", ()), ("wrong", (1,)), ("wrong", (2,)), ("wrong", (9,)),
                 ("locked", (1,)), ("locked", (59,)), ("locked", (3600,)))


class PinPad(Retranslating, Overlay):
    """A large touch PIN pad. Emits ``submitted(pin)`` on OK and ``cancelled()``."""

    submitted = Signal(str)
    cancelled = Signal()
    MAX_DIGITS = 12

    def __init__(self, parent: QWidget, high_contrast: bool = False):
        super().__init__(parent, high_contrast)
        self._pin = ""
        self._state: tuple[str, tuple[int, ...]] = ("prompt", ())
        self.card, layout = self._card()
        self._card_layout = layout
        self.card.setFixedWidth(PAD_WIDTH)
        outer = self.layout()
        if outer is not None:
            outer.setContentsMargins(40, 16, 40, 16)  # (the overlay's 40 above and below cost keys on a short screen)
        layout.setContentsMargins(*PAD_MARGINS)
        layout.setSpacing(16)
        self.title = QLabel(self)
        self.title.setObjectName("kPinTitle")
        self.dots = QLabel(self)
        self.dots.setObjectName("kPinDots")
        self.message = QLabel(self)
        self.message.setObjectName("kPinMessage")
        for label in (self.title, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(KEY_GAP)
        self.keys: dict[str, QPushButton] = {}
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]
        for i, key in enumerate(labels):
            button = big_button(key if key.isdigit() else "", self, "kPinKey")
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        layout.addLayout(grid)
        self.cancel_button = big_button("", self)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.cancel_button)
        self._show_dots()
        self.retranslate()

    def retranslate(self) -> None:
        title = self.tr("Staff exit")
        self.title.setText(title)
        describe(self, self.tr("Staff PIN pad"), self.tr("Staff enter their PIN here to close the kiosk."))
        self.keys["delete"].setText("⌫")
        self.keys["ok"].setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._keep_message_height()
        if self.isVisible():
            self._fit_keys()  # the words may take more or fewer lines in this language
        for key, button in self.keys.items():
            if key.isdigit():
                describe(button, key, self.tr("Adds this digit to the PIN."))
        describe(self.keys["delete"], self.tr("Delete"), self.tr("Removes the last digit."))
        describe(self.keys["ok"], self.tr("OK"), self.tr("Checks the PIN."))
        describe(self.cancel_button, self.tr("Cancel"), self.tr("Closes the PIN pad; the kiosk carries on."))
        self._say()

    def open(self) -> None:
        # with the window's style sheet, which was not there at first (and whose least sizes, set
        # when a key is polished, would override a size set before)
        self._keep_message_height()
        super().open()  # (its size now: the parent's)
        self._fit_keys()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.isVisible():
            self._fit_keys()

    def _fit_keys(self) -> None:
        """One size for every key, whatever has focus (a wider focus frame must not grow one and push
        its neighbours), as tall as the screen allows: the pad fits a 720-px screen."""
        outer = self.layout()
        margin = outer.contentsMargins() if outer is not None else QMargins()
        spacing = self._card_layout.spacing()
        words = self.title.height() + max(self.dots.sizeHint().height(), self.dots.minimumHeight()) + self.message.height()
        room = (self.height() - margin.top() - margin.bottom() - PAD_MARGINS[1] - PAD_MARGINS[3]
                - 2 * self.card.frameWidth() - words - 4 * spacing - 3 * KEY_GAP)
        height = max(LEAST_KEY_HEIGHT, min(KEY_SIZE[1], room // 5))  # four rows of keys and Cancel
        for button in [*self.keys.values(), self.cancel_button]:
            button.ensurePolished()  # its style sheet's least size, set when polished, would win otherwise
            if button is self.cancel_button:
                button.setFixedHeight(height)
            else:
                button.setFixedSize(KEY_SIZE[0], height)

    def _keep_message_height(self) -> None:
        """The message as tall as the tallest the modes can send in this language, at the pad's width,
        and the title as tall as it is (fixed heights: a wrapped label's height otherwise settles a
        layout pass late, and the keys would jump once after a change of language)."""
        label = self.message
        label.ensurePolished()
        self.title.ensurePolished()
        self.card.ensurePolished()
        margins = self._card_layout.contentsMargins()
        width = PAD_WIDTH - margins.left() - margins.right() - 2 * self.card.frameWidth()
        self.title.setFixedHeight(self.title.heightForWidth(width))
        shown = label.text()
        tallest = 0
        for kind, values in EVERY_MESSAGE:
            label.setText(self.text_for(kind, values))
            tallest = max(tallest, label.heightForWidth(width))
        label.setText(shown)
        label.setFixedHeight(tallest)

    def show_state(self, kind: str, values: tuple[int, ...] = ()) -> None:
        """What the modes say: ``prompt``, ``wrong`` (tries left), ``locked`` (seconds) or ``disabled``;
        the digits entered so far go, and the keys are off while locked or disabled."""
        self._state = (kind, tuple(values))
        self._pin = ""
        self._show_dots()
        self.set_enabled_keys(kind not in PIN_KEYS_OFF)
        self._say()

    def _say(self) -> None:
        kind, values = self._state
        self.set_message(self.text_for(kind, values), error=kind != "prompt")

    def text_for(self, kind: str, values: tuple[int, ...]) -> str:
        """A message of the modes in the interface language."""
        if kind == "disabled":
            return self.tr("Staff exit is not set up on this kiosk.")
        if kind == "wrong":
            return self.tr("Wrong PIN. %n more tries before the pad locks.", "", values[0])
        if kind == "locked":
            return self.tr("Too many wrong PINs. Try again in %n seconds.", "", values[0])
        if kind == "prompt":
            return self.tr("Enter the staff PIN.")
        return ""

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

    def veil(self) -> QColor:
        veil = QColor(palette(self.high_contrast).ink)
        veil.setAlpha(200 if self.high_contrast else 150)
        return veil
