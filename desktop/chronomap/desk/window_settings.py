"""What the explorer's window remembers between runs: the language and look chosen, the moment last shown."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from chronomap.i18n import LANGUAGES
from chronomap.qt.language import system_language

if TYPE_CHECKING:
    from chronomap.qt.session import Look, SessionModel
    from chronomap.story.model import Exhibit

log = logging.getLogger("chronomap.ui")


def saved_language_and_look(settings: QSettings) -> tuple[str, Look]:
    """What this user chose last time; the system's language the first time."""
    from chronomap.qt.session import Look

    def flag(key: str) -> bool:
        return str(settings.value(key, "false")).lower() in ("true", "1")

    return saved_language(settings), Look(flag("ui/high_contrast"), flag("ui/large_type"))


def saved_language(settings: QSettings) -> str:
    """The interface language chosen last time; the system's the first time."""
    saved = settings.value("ui/language")
    return saved if saved in LANGUAGES else system_language()


def restore_last_moment(settings: QSettings, exhibit: Exhibit, model: SessionModel) -> None:
    """The moment saved for *exhibit* last time, in *model* (the event, else the day; nothing when none)."""
    key = f"exhibits/{exhibit.meta.id}"
    event_id = settings.value(f"{key}/event")
    day = settings.value(f"{key}/day")
    if isinstance(event_id, str) and exhibit.has_event(event_id):
        model.go_to_event(event_id)
    elif day is not None:
        try:
            model.set_day(int(day))
        except (TypeError, ValueError):
            log.warning("ignoring unreadable saved day %r", day)
