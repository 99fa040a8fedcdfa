"""The staff PIN pad: large keys, the digits as dots, and what the modes say in the interface language.

The pad only collects digits and shows messages; whether a PIN is right, and
how long the pad stays locked, is for :class:`~chronomap.kiosk.pin.PinGate`
and the modes (:class:`~chronomap.kiosk.modes.ModeMachine`). The message keeps
its kind, so it is said again in the new language when the language changes
while the pad is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from chronomap.kiosk.modes import PIN_KEYS_OFF
from chronomap.kiosk.texts import palette
from chronomap.kiosk.widgets import Overlay, Retranslating, big_button, describe


class PinPad(Retranslating, Overlay):
    """A large touch PIN pad. Emits ``submitted(pin)`` on OK and ``cancelled()``."""

    submitted = Signal(str)
    cancelled = Signal()
    MAX_DIGITS = 12

    def __init__(self, parent: QWidget, high_contrast: bool = False):
        super().__init__(parent, high_contrast)
        self._pin = ""
        self._state: tuple[str, tuple[int, ...]] = ("prompt", ())
        _card, layout = self._card()
        layout.setSpacing(16)
        self.title = QLabel(self)
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
        for key, button in self.keys.items():
            if key.isdigit():
                describe(button, key, self.tr("Adds this digit to the PIN."))
        describe(self.keys["delete"], self.tr("Delete"), self.tr("Removes the last digit."))
        describe(self.keys["ok"], self.tr("OK"), self.tr("Checks the PIN."))
        describe(self.cancel_button, self.tr("Cancel"), self.tr("Closes the PIN pad; the kiosk carries on."))
        self._say()

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
