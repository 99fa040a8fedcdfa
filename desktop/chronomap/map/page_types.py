"""The words the map page understands (typed), and the checks a value passes before a script is built (no Qt).

:mod:`chronomap.map.bridge` re-exports the types; only the bridge calls the checks.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NotRequired, TypedDict

# -- the page's vocabulary ----------------------------------------------------------

Status = Literal["current", "told", "past", "upcoming"]
BasemapClass = Literal["union", "focus", "focus-independent", "independent", "foreign"]
STATUSES: tuple[Status, ...] = ("current", "told", "past", "upcoming")
BASEMAP_CLASSES: tuple[BasemapClass, ...] = ("union", "focus", "focus-independent", "independent", "foreign")

LatLng = tuple[float, float]
#: ``((south, west), (north, east))``; lists are taken too.
LatLngBox = tuple[LatLng, LatLng]


class PlaceState(TypedDict):
    status: Status  # the page warns about (and draws as upcoming) any other word
    label: NotRequired[str]  # left out: the label the page was built with


class BasemapState(TypedDict, total=False):
    classes: dict[str, BasemapClass]  # ISO code → class; countries not named are "union" if Soviet, else "foreign"
    ussr_border: bool  # draw the Union's frontier and the republics' lines (default true)


class Appearance(TypedDict, total=False):
    highContrast: bool
    large: bool


class LegendTexts(TypedDict, total=False):
    """The legend's words; a row whose text is missing is left out."""

    title: str
    current: str
    told: str  # the event being told when it is over by the day shown
    zoomIn: str  # the names of the map's own controls, in the interface language
    zoomOut: str
    mapName: str
    past: str
    upcoming: str
    focus: str
    focusIndependent: str
    union: str
    ussr: str
    note: str
    lang: str  # picks the base map's own notes (the water outlines) in this language
    km: str  # the scale bar's units
    m: str


class PageState(TypedDict, total=False):
    """What ``chronomap.applyState`` takes; ``seq`` is required (the page answers with it)."""

    seq: int
    places: dict[str, PlaceState]  # places not named are upcoming; unknown ids are warned about
    basemap: BasemapState
    focus: LatLngBox | None  # framed when it differs from the last focus given
    animate: bool  # glide to the focus (default true)
    legend: LegendTexts  # applied when it differs from the last one given
    appearance: Appearance


class Caption(TypedDict, total=False):
    title: str
    date: str
    event: str


class ChromeOptions(TypedDict, total=False):
    """What ``chronomap.setChrome`` takes: the map's furniture for a snapshot."""

    legend: bool  # default true
    attribution: bool  # default true
    zoomControl: bool  # default true
    scaleBar: bool  # default false
    caption: Caption | None  # HTML text under the map (kept as text in a PDF); None: no caption


LEGEND_KEYS = frozenset(LegendTexts.__annotations__)
STATE_KEYS = frozenset(PageState.__annotations__)
CHROME_KEYS = frozenset(ChromeOptions.__annotations__)
CAPTION_KEYS = frozenset(Caption.__annotations__)
APPEARANCE_KEYS = frozenset(Appearance.__annotations__)
BASEMAP_KEYS = frozenset(BasemapState.__annotations__)
PLACE_KEYS = frozenset(PlaceState.__annotations__)


# -- checks (the bridge's; a wrong type is refused before any script exists) -----------------------


def need_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def need_bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be a bool, not {type(value).__name__}")
    return value


def need_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def need_number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite, not {value!r}")
    return value


def need_mapping(value: Any, what: str, keys: frozenset[str] | None = None) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a dict, not {type(value).__name__}")
    for key in value:
        need_str(key, f"a key of {what}")
    if keys is not None:
        unknown = sorted(set(value) - keys)
        if unknown:
            raise ValueError(f"{what}: unknown keys {unknown} (known: {sorted(keys)})")
    return value


def need_pair(value: Any, what: str) -> list[float]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise TypeError(f"{what} must be a pair of numbers, not {value!r}")
    return [need_number(value[0], f"{what}[0]"), need_number(value[1], f"{what}[1]")]


def check_legend(texts: Any, what: str = "legend texts") -> None:
    for key, text in need_mapping(texts, what, LEGEND_KEYS).items():
        need_str(text, f"{what}[{key!r}]")


def check_state(state: Any) -> None:
    if not isinstance(state, Mapping):
        raise TypeError("state must be a dict")
    seq = state.get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise ValueError("state['seq'] must be an int")
    need_mapping(state, "state", STATE_KEYS)
    for pid, entry in need_mapping(state.get("places", {}), "state['places']").items():
        entry = need_mapping(entry, f"state['places'][{pid!r}]", PLACE_KEYS)
        # the word itself is the page's to judge: it warns about an unknown one and draws it as upcoming
        need_str(entry.get("status"), f"state['places'][{pid!r}]['status']")
        if "label" in entry:
            need_str(entry["label"], f"state['places'][{pid!r}]['label']")
    basemap = need_mapping(state.get("basemap", {}), "state['basemap']", BASEMAP_KEYS)
    for iso, cls in need_mapping(basemap.get("classes", {}), "state['basemap']['classes']").items():
        need_str(cls, f"state['basemap']['classes'][{iso!r}]")
    if "ussr_border" in basemap:
        need_bool(basemap["ussr_border"], "state['basemap']['ussr_border']")
    focus = state.get("focus")
    if focus is not None:
        if isinstance(focus, (str, bytes)) or not isinstance(focus, Sequence) or len(focus) != 2:
            raise TypeError(f"state['focus'] must be ((south, west), (north, east)) or None, not {focus!r}")
        need_pair(focus[0], "state['focus'][0]")
        need_pair(focus[1], "state['focus'][1]")
    if "animate" in state:
        need_bool(state["animate"], "state['animate']")
    if "legend" in state:
        check_legend(state["legend"], "state['legend']")
    for key, flag in need_mapping(state.get("appearance", {}), "state['appearance']", APPEARANCE_KEYS).items():
        need_bool(flag, f"state['appearance'][{key!r}]")
