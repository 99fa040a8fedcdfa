"""The protocol between Python and the map page, both ways, in one place (no Qt).

Python → page: one function per page function (``chronomap.applyState`` →
:func:`apply_state`, ``chronomap.showPlace`` → :func:`show_place`, ...), each
named after the page function in snake case and returning the exact script to
run in the page. Every argument goes through :func:`js_literal`, which is
``json.dumps`` plus escaping of the characters that matter if the text ever
ends up inside HTML (``<``, ``>``, ``&``) and of U+2028/U+2029; values are
never interpolated raw, and a value of the wrong type is refused before any
script exists. Nothing outside this module writes JavaScript for the page.

Each returns a :data:`Script`, a ``str`` the type checker tells apart: the one
runner (:meth:`chronomap.qt.map_page.MapPage.run`) takes nothing else, so a
hand-written string can't reach the page by mistake.

Page → Python: the page calls the QWebChannel object :data:`HOST_OBJECT` with
the methods in :data:`HOST_METHODS` (the Qt side implements them in
:mod:`chronomap.qt.map_page`; the page script calls them).

Scripts marked *guarded* evaluate to a fallback instead of throwing when the
page script isn't there (a blank or crashed page, a load under way).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NewType, NotRequired, TypedDict

#: A script built here, for the page (only this module makes them).
Script = NewType("Script", str)

# -- page → Python ----------------------------------------------------------------

#: Name of the QWebChannel object the page calls.
HOST_OBJECT = "chronomapHost"
#: ``pageReady()``: the page is drawn and its channel is up (once per document).
HOST_PAGE_READY = "pageReady"
#: ``placeClicked(id)``: a place was clicked; its id.
HOST_PLACE_CLICKED = "placeClicked"
#: ``jsError(message)``: an error in the page (uncaught, a rejection, or one the page script reports).
HOST_JS_ERROR = "jsError"
HOST_METHODS = (HOST_PAGE_READY, HOST_PLACE_CLICKED, HOST_JS_ERROR)

# -- the page's vocabulary ----------------------------------------------------------

#: The page-side namespace (the one global the page script defines).
NAMESPACE = "chronomap"

Status = Literal["current", "past", "upcoming"]
BasemapClass = Literal["union", "focus", "focus-independent", "independent", "foreign"]
STATUSES: tuple[Status, ...] = ("current", "past", "upcoming")
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

# -- the one escaping helper ----------------------------------------------------------

_IDENT = r"[A-Za-z_$][A-Za-z0-9_$]*"
_IDENT_RE = re.compile(rf"^{_IDENT}$")
_FUNCTION_RE = re.compile(rf"^{_IDENT}(?:\.{_IDENT})*$")


def js_literal(value: Any) -> str:
    """A JavaScript expression for a JSON-compatible *value*.

    Raises ``TypeError`` for values JSON can't express and ``ValueError`` for
    NaN or infinities.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def js_call(function: str, *args: Any) -> str:
    """``function(arg, ...)`` with each argument as a JSON literal.

    >>> js_call("chronomap.applyState", {"seq": 1})
    'chronomap.applyState({"seq":1})'
    """
    if not isinstance(function, str) or not _FUNCTION_RE.match(function):
        raise ValueError(f"not a dotted JavaScript identifier: {function!r}")
    return f"{function}({','.join(js_literal(arg) for arg in args)})"


def _page_call(name: str, *args: Any) -> Script:
    return Script(js_call(f"{NAMESPACE}.{name}", *args))


def _guarded_call(name: str, fallback: str) -> Script:
    """``chronomap.name()`` if the page script is there, else *fallback* (a JavaScript literal)."""
    return Script(f"(typeof {NAMESPACE} === 'object' && {NAMESPACE}.{name}) ? {NAMESPACE}.{name}() : {fallback}")


# -- checks -------------------------------------------------------------------------


def _need_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def _need_bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be a bool, not {type(value).__name__}")
    return value


def _need_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def _need_number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite, not {value!r}")
    return value


def _need_mapping(value: Any, what: str, keys: frozenset[str] | None = None) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a dict, not {type(value).__name__}")
    for key in value:
        _need_str(key, f"a key of {what}")
    if keys is not None:
        unknown = sorted(set(value) - keys)
        if unknown:
            raise ValueError(f"{what}: unknown keys {unknown} (known: {sorted(keys)})")
    return value


def _need_pair(value: Any, what: str) -> list[float]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise TypeError(f"{what} must be a pair of numbers, not {value!r}")
    return [_need_number(value[0], f"{what}[0]"), _need_number(value[1], f"{what}[1]")]


def _check_legend(texts: Any, what: str = "legend texts") -> None:
    for key, text in _need_mapping(texts, what, LEGEND_KEYS).items():
        _need_str(text, f"{what}[{key!r}]")


def _check_state(state: Any) -> None:
    if not isinstance(state, Mapping):
        raise TypeError("state must be a dict")
    seq = state.get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise ValueError("state['seq'] must be an int")
    _need_mapping(state, "state", STATE_KEYS)
    for pid, entry in _need_mapping(state.get("places", {}), "state['places']").items():
        entry = _need_mapping(entry, f"state['places'][{pid!r}]", PLACE_KEYS)
        # the word itself is the page's to judge: it warns about an unknown one and draws it as upcoming
        _need_str(entry.get("status"), f"state['places'][{pid!r}]['status']")
        if "label" in entry:
            _need_str(entry["label"], f"state['places'][{pid!r}]['label']")
    basemap = _need_mapping(state.get("basemap", {}), "state['basemap']", BASEMAP_KEYS)
    for iso, cls in _need_mapping(basemap.get("classes", {}), "state['basemap']['classes']").items():
        _need_str(cls, f"state['basemap']['classes'][{iso!r}]")
    if "ussr_border" in basemap:
        _need_bool(basemap["ussr_border"], "state['basemap']['ussr_border']")
    focus = state.get("focus")
    if focus is not None:
        if isinstance(focus, (str, bytes)) or not isinstance(focus, Sequence) or len(focus) != 2:
            raise TypeError(f"state['focus'] must be ((south, west), (north, east)) or None, not {focus!r}")
        _need_pair(focus[0], "state['focus'][0]")
        _need_pair(focus[1], "state['focus'][1]")
    if "animate" in state:
        _need_bool(state["animate"], "state['animate']")
    if "legend" in state:
        _check_legend(state["legend"], "state['legend']")
    for key, flag in _need_mapping(state.get("appearance", {}), "state['appearance']", APPEARANCE_KEYS).items():
        _need_bool(flag, f"state['appearance'][{key!r}]")


# -- Python → page: one function per page function ---------------------------------------


def init(map_name: str, config: Mapping[str, Any]) -> Script:
    """``chronomap.init(<map>, config)``: hands the folium map (a page global named *map_name*) to the page script.

    Written into the page by :mod:`chronomap.map.page`; a second call throws in the page.
    """
    if not isinstance(map_name, str) or not _IDENT_RE.match(map_name):
        raise ValueError(f"not a JavaScript identifier: {map_name!r}")
    _need_mapping(config, "page config")
    return Script(f"{NAMESPACE}.init({map_name},{js_literal(config)})")


def apply_state(state: PageState) -> Script:
    """``chronomap.applyState(state)``; evaluates to ``state["seq"]`` (``null`` if the page failed, reported as a page error).

    Refuses a state that is not a dict with an int ``seq``, has unknown keys or values of the wrong type.
    """
    _check_state(state)
    return _page_call("applyState", state)


def set_legend(texts: LegendTexts | None) -> Script:
    """``chronomap.setLegend(texts)``: new words for the legend on a loaded page (kept shown or hidden); ``None`` removes it.

    Evaluates to ``true``.
    """
    if texts is not None:
        _check_legend(texts)
    return _page_call("setLegend", texts)


def set_chrome(options: ChromeOptions) -> Script:
    """``chronomap.setChrome(options)``: the furniture of a snapshot (legend, credit, zoom buttons, scale bar, caption).

    Evaluates to ``true``.
    """
    opts = _need_mapping(options, "chrome options", CHROME_KEYS)
    for key in ("legend", "attribution", "zoomControl", "scaleBar"):
        if key in opts:
            _need_bool(opts[key], f"chrome options[{key!r}]")
    caption = opts.get("caption")
    if caption is not None:
        for key, text in _need_mapping(caption, "caption", CAPTION_KEYS).items():
            _need_str(text, f"caption[{key!r}]")
    return _page_call("setChrome", options)


def set_view(center: LatLng, zoom: float) -> Script:
    """``chronomap.setView([lat, lon], zoom)``: exactly this view, no glide (a "current view" export). Evaluates to ``true``."""
    return _page_call("setView", _need_pair(center, "center"), _need_number(zoom, "zoom"))


def show_place(place_id: str) -> Script:
    """``chronomap.showPlace(id)``: glides to a place and flashes its label; evaluates to whether the page knows it."""
    return _page_call("showPlace", _need_str(place_id, "place id"))


def caption_text() -> Script:
    """``chronomap.captionText()``: the caption's text as shown, or ``null`` when there is none."""
    return _page_call("captionText")


def snapshot() -> Script:
    """*Guarded*: a JSON string of ``chronomap.snapshot()`` (what the page really shows), else ``null``.

    Feed the result to :func:`parse_snapshot`.
    """
    return Script(
        f"(typeof {NAMESPACE} === 'object' && {NAMESPACE} && typeof {NAMESPACE}.snapshot === 'function')"
        f" ? JSON.stringify({NAMESPACE}.snapshot()) : null"
    )


def appearance() -> Script:
    """A JSON string of ``chronomap.appearance()``, the look last applied: ``{"hc": bool, "large": bool}``."""
    return Script(f"JSON.stringify({NAMESPACE}.appearance())")


def is_moving() -> Script:
    """*Guarded*: ``chronomap.isMoving()``, whether a pan, zoom or glide is under way; ``true`` without a page script."""
    return _guarded_call("isMoving", "true")


def request_paint_mark(token: int, with_marker: bool = False) -> Script:
    """``chronomap.requestPaintMark(token, withMarker)``: ``chronomap.paintMark`` becomes *token* two paints later.

    With *with_marker* a 2-pixel corner square takes a colour made from the token
    (red = token & 255, green = (token >> 8) & 255, blue = 90), so a grab can prove it
    holds that frame. Evaluates to the token.
    """
    token = _need_int(token, "paint mark token")
    if not 0 <= token < 1 << 31:
        raise ValueError(f"paint mark token out of range: {token}")
    return _page_call("requestPaintMark", token, _need_bool(with_marker, "with_marker"))


def paint_mark() -> Script:
    """``chronomap.paintMark``: the last token whose frame has been painted (0 before any)."""
    return Script(f"{NAMESPACE}.paintMark")


def hide_paint_mark() -> Script:
    """``chronomap.hidePaintMark()``: hides the corner square again. Evaluates to ``true``."""
    return _page_call("hidePaintMark")


def reset_view() -> Script:
    """*Guarded*: ``chronomap.resetView()``: the first frame, popups closed, glides stopped; ``false`` without a page script."""
    return _guarded_call("resetView", "false")


def lock_down() -> Script:
    """*Guarded*: ``chronomap.lockDown()`` (kiosk): no selection, context menu, drops or page zoom; ``false`` without a page script."""
    return _guarded_call("lockDown", "false")


def locked() -> Script:
    """``chronomap.locked``: whether :func:`lock_down` has run in this document."""
    return Script(f"{NAMESPACE}.locked")


def seq() -> Script:
    """*Guarded*: ``chronomap.seq``, the seq of the last state applied (0 before any); ``-1`` without a page script.

    Cheap enough for a watchdog's ping.
    """
    return Script(f"(typeof {NAMESPACE} === 'object' && {NAMESPACE}) ? {NAMESPACE}.seq : -1")


def ready() -> Script:
    """*Guarded*: ``chronomap.ready``, true once the base map is drawn; ``false`` without a page script."""
    return Script(f"(typeof {NAMESPACE} === 'object' && {NAMESPACE}) ? {NAMESPACE}.ready === true : false")


def inner_width() -> Script:
    """``window.innerWidth``: the page's width in CSS pixels (an export checks its zoom factor took)."""
    return Script("window.innerWidth")


# -- answers ----------------------------------------------------------------------------


def parse_snapshot(result: Any) -> dict | None:
    """The dict from running :func:`snapshot` (``None`` if no page)."""
    if result is None:
        return None
    if isinstance(result, dict):
        return result
    if isinstance(result, (str, bytes)):
        value = json.loads(result)
        return value if isinstance(value, dict) else None
    return None
