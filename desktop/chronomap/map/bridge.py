"""The Python → page protocol: JavaScript call strings built from JSON.

Pure Python (no Qt). Every argument goes through :func:`js_literal`, which is
``json.dumps`` plus escaping of the characters that matter if the text ever
ends up inside HTML (``<``, ``>``, ``&``) and of U+2028/U+2029; values are
never interpolated raw. Function names must be dotted identifiers.

The page answers the other way through the QWebChannel object
``chronomapHost`` (see :mod:`chronomap.qt.map_view`).
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Name of the QWebChannel object the page calls (pageReady, placeClicked, jsError).
HOST_OBJECT = "chronomapHost"

#: The page-side namespace.
NAMESPACE = "chronomap"

STATUSES = ("current", "past", "upcoming")
BASEMAP_CLASSES = ("union", "focus", "focus-independent", "independent", "foreign")

_IDENT = r"[A-Za-z_$][A-Za-z0-9_$]*"
_FUNCTION_RE = re.compile(rf"^{_IDENT}(?:\.{_IDENT})*$")

#: Evaluates to a JSON string of ``chronomap.snapshot()`` (or ``null`` when the
#: page script isn't there); feed the result to :func:`parse_snapshot`.
SNAPSHOT_SCRIPT = (
    "(typeof chronomap === 'object' && chronomap && typeof chronomap.snapshot === 'function') ? JSON.stringify(chronomap.snapshot()) : null"
)


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


def apply_state_script(state: dict) -> str:
    """The script that applies *state*; it evaluates to ``state["seq"]``.

    *state* is ``{"seq": int, "places": {id: {"status": ..., "label": ...}},
    "basemap": {"classes": {ISO: class}, "ussr_border": bool},
    "focus": [[south, west], [north, east]] | None, "animate": bool}``.
    """
    if not isinstance(state, dict):
        raise TypeError("state must be a dict")
    seq = state.get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise ValueError("state['seq'] must be an int")
    return js_call(f"{NAMESPACE}.applyState", state)


def set_legend_script(texts: dict[str, str]) -> str:
    """The script that replaces the legend's words (keys as ``MapSpec.legend``) on a loaded page."""
    if not isinstance(texts, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise TypeError("legend texts must be a dict of str to str")
    return js_call(f"{NAMESPACE}.setLegend", texts)


def parse_snapshot(result: Any) -> dict | None:
    """The dict from running :data:`SNAPSHOT_SCRIPT` (``None`` if no page)."""
    if result is None:
        return None
    if isinstance(result, dict):
        return result
    if isinstance(result, (str, bytes)):
        value = json.loads(result)
        return value if isinstance(value, dict) else None
    return None
