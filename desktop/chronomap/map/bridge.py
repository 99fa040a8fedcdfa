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
import re
from collections.abc import Mapping, Sequence
from typing import Any, NewType, TypedDict

from chronomap.map.page_types import (  # noqa: F401 (the vocabulary is re-exported; the checks are the bridge's)
    APPEARANCE_KEYS,
    BASEMAP_CLASSES,
    BASEMAP_KEYS,
    CAPTION_KEYS,
    CHROME_KEYS,
    LEGEND_KEYS,
    PLACE_KEYS,
    STATE_KEYS,
    STATUSES,
    Appearance,
    BasemapClass,
    BasemapState,
    Caption,
    ChromeOptions,
    LatLng,
    LatLngBox,
    LegendTexts,
    PageState,
    PlaceState,
    Status,
    check_legend,
    check_state,
    need_bool,
    need_int,
    need_mapping,
    need_number,
    need_pair,
    need_str,
)

#: The page-side namespace (the one global the page script defines).
NAMESPACE = "chronomap"

#: A script built here, for the page (only this module makes them).
Script = NewType("Script", str)

# -- page → Python ----------------------------------------------------------------

#: Name of the QWebChannel object the page calls.
HOST_OBJECT = "chronomapHost"
#: ``pageReady(pageId)``: the page is drawn and its channel is up (once per document); the document's number.
HOST_PAGE_READY = "pageReady"
#: ``placeClicked(id)``: a place was clicked; its id.
HOST_PLACE_CLICKED = "placeClicked"
#: ``jsError(message)``: an error in the page (uncaught, a rejection, or one the page script reports).
HOST_JS_ERROR = "jsError"
#: ``mapClicked(lat, lon)``: editing only (:func:`set_editing`): the map was clicked there.
HOST_MAP_CLICKED = "mapClicked"
#: ``placeMoved(id, lat, lon)``: editing only: a place's handle (:func:`move_place`) was dropped there.
HOST_PLACE_MOVED = "placeMoved"
HOST_METHODS = (HOST_PAGE_READY, HOST_PLACE_CLICKED, HOST_JS_ERROR, HOST_MAP_CLICKED, HOST_PLACE_MOVED)

# -- Python → page through the channel -----------------------------------------------

#: ``stateSent(seq, text)``: the host object's signal that carries a state's JSON text to the page, which
#: keeps it until :func:`apply_sent_state` asks for it (chronomap.qt.map_state says why).
HOST_STATE_SENT = "stateSent"

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


# -- Python → page: one function per page function ---------------------------------------


def init(map_name: str, config: Mapping[str, Any]) -> Script:
    """``chronomap.init(<map>, config)``: hands the folium map (a page global named *map_name*) to the page script.

    Written into the page by :mod:`chronomap.map.page`; a second call throws in the page.
    """
    if not isinstance(map_name, str) or not _IDENT_RE.match(map_name):
        raise ValueError(f"not a JavaScript identifier: {map_name!r}")
    need_mapping(config, "page config")
    return Script(f"{NAMESPACE}.init({map_name},{js_literal(config)})")


def apply_state(state: PageState) -> Script:
    """``chronomap.applyState(state)``; evaluates to ``state["seq"]`` (``null`` if the page failed, reported as a page error).

    Refuses a state that is not a dict with an int ``seq``, has unknown keys or values of the wrong type.
    """
    check_state(state)
    return _page_call("applyState", state)


def state_text(state: PageState) -> str:
    """The JSON text of *state* that :data:`HOST_STATE_SENT` carries (checked as :func:`apply_state` checks it)."""
    check_state(state)
    return js_literal(state)  # JSON: the escapes it adds are JSON's own


def apply_sent_state(seq: int) -> Script:
    """``chronomap.applySentState(seq)``: applies the state the channel brought with this *seq*; evaluates to
    ``seq`` (``null`` if the page failed, reported as a page error), or ``false`` if no such state came."""
    need_int(seq, "seq")
    return _page_call("applySentState", seq)


def set_legend(texts: LegendTexts | None) -> Script:
    """``chronomap.setLegend(texts)``: new words for the legend on a loaded page (kept shown or hidden); ``None`` removes it.

    Evaluates to ``true``.
    """
    if texts is not None:
        check_legend(texts)
    return _page_call("setLegend", texts)


def set_chrome(options: ChromeOptions) -> Script:
    """``chronomap.setChrome(options)``: the furniture of a snapshot (legend, credit, zoom buttons, scale bar, caption).

    Evaluates to ``true``.
    """
    opts = need_mapping(options, "chrome options", CHROME_KEYS)
    for key in ("legend", "attribution", "zoomControl", "scaleBar"):
        if key in opts:
            need_bool(opts[key], f"chrome options[{key!r}]")
    caption = opts.get("caption")
    if caption is not None:
        for key, text in need_mapping(caption, "caption", CAPTION_KEYS).items():
            need_str(text, f"caption[{key!r}]")
    return _page_call("setChrome", options)


def set_view(center: LatLng, zoom: float) -> Script:
    """``chronomap.setView([lat, lon], zoom)``: exactly this view, no glide (a "current view" export). Evaluates to ``true``."""
    return _page_call("setView", need_pair(center, "center"), need_number(zoom, "zoom"))


def show_place(place_id: str) -> Script:
    """``chronomap.showPlace(id)``: glides to a place and flashes its label; evaluates to whether the page knows it."""
    return _page_call("showPlace", need_str(place_id, "place id"))


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
    token = need_int(token, "paint mark token")
    if not 0 <= token < 1 << 31:
        raise ValueError(f"paint mark token out of range: {token}")
    return _page_call("requestPaintMark", token, need_bool(with_marker, "with_marker"))


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


def link_hovered() -> Script:
    """Whether the pointer is over a link (the zoom buttons, a credit's link): the page's only hover looks."""
    return Script("document.querySelector('a:hover') !== null")


def inner_width() -> Script:
    """``window.innerWidth``: the page's width in CSS pixels (an export checks its zoom factor took)."""
    return Script("window.innerWidth")


# -- the editor's map (edit.js) -----------------------------------------------------------


class MapCandidate(TypedDict):
    """A gazetteer candidate shown on the map while the curator searches."""

    lat: float
    lon: float
    label: str


CANDIDATE_KEYS = frozenset(MapCandidate.__annotations__)


def _need_lat_lon(lat: Any, lon: Any, what: str) -> tuple[float, float]:
    lat, lon = need_number(lat, f"{what} latitude"), need_number(lon, f"{what} longitude")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{what}: ({lat}, {lon}) is not a point on the map")
    return lat, lon


def set_editing(on: bool) -> Script:
    """``chronomap.setEditing(on)``: map clicks reported as ``mapClicked(lat, lon)``; off also
    takes away the candidates and the handle. Evaluates to whether editing is on."""
    return _page_call("setEditing", need_bool(on, "editing"))


def show_candidates(candidates: Sequence[MapCandidate]) -> Script:
    """``chronomap.showCandidates(list)``: numbered rings at the candidates (an empty list clears them;
    nothing is shown unless editing). Evaluates to how many are shown."""
    if isinstance(candidates, (str, bytes, Mapping)) or not isinstance(candidates, Sequence):
        raise TypeError(f"candidates must be a list, not {type(candidates).__name__}")
    checked = []
    for number, candidate in enumerate(candidates, start=1):
        entry = need_mapping(candidate, f"candidate {number}", CANDIDATE_KEYS)
        lat, lon = _need_lat_lon(entry.get("lat"), entry.get("lon"), f"candidate {number}")
        checked.append({"lat": lat, "lon": lon, "label": need_str(entry.get("label", ""), f"candidate {number} label")})
    return _page_call("showCandidates", checked)


def move_place(place_id: str, lat: float, lon: float) -> Script:
    """``chronomap.movePlace(id, lat, lon)``: the place's point and label go there and, while editing,
    its draggable handle (dropped, it reports ``placeMoved``). Evaluates to whether the page knows it."""
    lat, lon = _need_lat_lon(lat, lon, "place")
    return _page_call("movePlace", need_str(place_id, "place id"), lat, lon)


def edit_state() -> Script:
    """*Guarded*: a JSON string of ``chronomap.editState()`` (``{editing, handle, candidates}``), else ``null``."""
    return Script(
        f"(typeof {NAMESPACE} === 'object' && {NAMESPACE} && typeof {NAMESPACE}.editState === 'function')"
        f" ? JSON.stringify({NAMESPACE}.editState()) : null"
    )


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
