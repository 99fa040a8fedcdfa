"""The map's own words (legend, description) as templates, English by default (no Qt).

The interface builds a translated :class:`MapWords` with Qt's ``translate()``;
the exhibit's texts (place names, the union's name, the map note, event titles)
come from the exhibit itself. Placeholders are Python ``{name}`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from string import Formatter

#: The placeholders each template may use.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "focus_independent": frozenset({"name"}),
    "union_others": frozenset({"union"}),
    "union_all": frozenset({"union"}),
    "union_frontier": frozenset({"union"}),
    "before_story": frozenset({"date"}),
    "moment": frozenset({"date", "event", "places"}),
}


@dataclass(frozen=True)
class MapWords:
    legend_title: str = "Legend"
    current: str = "Happening on this day"
    told: str = "The event told, over by this day"
    past: str = "Earlier in the story"
    upcoming: str = "Later in the story"
    focus_independent: str = "{name}, independent"
    union_others: str = "Other republics of the {union}"
    union_all: str = "Republics of the {union}"
    union_frontier: str = "Frontier of the {union}"
    before_story: str = "{date}. Before the story begins; no place is highlighted."
    moment: str = "{date}. {event}. Highlighted: {places}."
    no_places: str = "none"
    kilometres: str = "km"  # the scale bar's units
    metres: str = "m"
    separator: str = ", "
    zoom_in: str = "Zoom in"  # the map's own buttons, for screen readers and as tooltips
    zoom_out: str = "Zoom out"
    map_name: str = "Map"  # the map's focusable area

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, str):
                raise TypeError(f"MapWords.{item.name}: found {type(value).__name__}; expected text")
            allowed = PLACEHOLDERS.get(item.name, frozenset())
            try:
                used = {name for _, name, _, _ in Formatter().parse(value) if name is not None}
            except ValueError as exc:
                raise ValueError(f"MapWords.{item.name}: found {value!r}; expected a template ({exc})") from None
            if not used <= allowed:
                wanted = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "no placeholders"
                raise ValueError(f"MapWords.{item.name}: found {value!r}; expected {wanted}")
