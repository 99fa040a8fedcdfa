"""The problems that stop a save, as the engine's loader words them, each clickable to the event and
field it names (``events[3].date`` → the fourth event's date field)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from chronomap.story.model import Problem

_EVENT_PATH = re.compile(r"^events\[(\d+)\](?:\.(\w+))?")


class ProblemList(QListWidget):
    """``go_to(index, field)``: a problem of ``events[index]`` (its field, '' when it names none) was chosen."""

    go_to = Signal(int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("studioProblems")
        self.hide()
        self.itemActivated.connect(self.activate)
        self.itemClicked.connect(self.activate)

    def show_problems(self, problems: list[Problem]) -> None:
        """List *problems* (shown only while there are any)."""
        self.clear()
        self.setVisible(bool(problems))
        for problem in problems:
            item = QListWidgetItem(f"{problem.path}: {problem.message}" if problem.path else problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem.path)
            item.setToolTip(str(problem))
            self.addItem(item)

    def activate(self, item: QListWidgetItem) -> None:
        match = _EVENT_PATH.match(str(item.data(Qt.ItemDataRole.UserRole) or ""))
        if match is not None:
            self.go_to.emit(int(match[1]), match[2] or "")
