"""The map's own words (legend, description for screen readers) in the interface language.

:class:`chronomap.map.words.MapWords` holds English templates and knows no Qt;
this builds one through Qt's translator, so the map speaks the language the
rest of the interface speaks (and lupdate finds every string here).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chronomap.map.words import MapWords


def map_words() -> MapWords:
    translate = QCoreApplication.translate  # (named so that lupdate does not read it as a QObject.tr call)
    return MapWords(
        legend_title=translate("MapWords", "Legend"),
        current=translate("MapWords", "Happening on this day"),
        told=translate("MapWords", "The event told, over by this day",
                       "legend: a place of the event being told when that event has already ended"),
        past=translate("MapWords", "Earlier in the story"),
        upcoming=translate("MapWords", "Later in the story"),
        focus_independent=translate("MapWords", "{name}, independent"),
        union_others=translate("MapWords", "Other republics of the {union}"),
        union_all=translate("MapWords", "Republics of the {union}"),
        union_frontier=translate("MapWords", "Frontier of the {union}"),
        before_story=translate("MapWords", "{date}. Before the story begins; no place is highlighted."),
        moment=translate("MapWords", "{date}. {event}. Highlighted: {places}."),
        no_places=translate("MapWords", "none", "no place is highlighted"),
        kilometres=translate("MapWords", "km", "kilometres, on the scale bar"),
        metres=translate("MapWords", "m", "metres, on the scale bar"),
        separator=translate("MapWords", ", ", "between place names in a list"),
        zoom_in=translate("MapWords", "Zoom in", "the map's + button"),
        zoom_out=translate("MapWords", "Zoom out", "the map's − button"),
        map_name=translate("MapWords", "Map", "the map's area, as a screen reader names it"),
    )
