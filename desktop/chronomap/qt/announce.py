"""The map's state in words, for screen readers: the desk and the kiosk say it the same way.

The words become the map view's accessible description (read when the map is
focused) and, when assistive technology is listening, a polite announcement,
so a blind visitor hears the new date, event and places after each step.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce_map_state(map_widget: QWidget, text: str) -> bool:
    """Describe and announce *text*; False (and silent) when it is what the map already says."""
    if map_widget.accessibleDescription() == text:
        return False
    map_widget.setAccessibleDescription(text)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(map_widget, QAccessible.Event.DescriptionChanged))
        announcement = QAccessibleAnnouncementEvent(map_widget, text)
        announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(announcement)
    return True
