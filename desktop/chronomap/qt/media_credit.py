"""The credit line shown with every picture and recording, on screen and on paper: one wording everywhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chronomap.story.media import MediaItem


def credit_line(item: MediaItem, lang: str) -> str:
    """'Credit: … · licence', or that the museum has not recorded one: never guessed, never left off."""
    credit = item.credit_in(lang)
    line = (QCoreApplication.translate("Media", "Credit: {credit}").format(credit=credit) if credit
            else QCoreApplication.translate("Media", "Credit not recorded"))
    return f"{line} · {item.licence}" if item.licence else line
