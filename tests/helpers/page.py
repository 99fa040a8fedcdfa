"""Asking the map page things in tests, typed and waited on (no sleeps).

Production code speaks to the page only through :mod:`chronomap.map.bridge` and
``MapView``'s methods. A test may also need to poke the page with JavaScript no
production code would send (a probe of the DOM, a thrown error, a navigation):
:func:`run_js` is that, and it lives here so the app never has such a door.
"""

from __future__ import annotations

import json
from typing import Any

from chronomap.map.bridge import Script
from chronomap.qt.map_view import MapView

STEP_TIMEOUT = 10_000


def ask(qtbot: Any, view: MapView, script: Script, timeout: int = STEP_TIMEOUT) -> Any:
    """The value of a bridge script run in *view*'s page."""
    page = view.web_page
    assert page is not None, "the page was released"
    with qtbot.waitCallback(timeout=timeout) as callback:
        page.run(script, callback)
    return callback.args[0]


def run_js(qtbot: Any, view: MapView, code: str, timeout: int = STEP_TIMEOUT) -> Any:
    """The value of test-only JavaScript *code* in *view*'s page."""
    page = view.web_page
    assert page is not None, "the page was released"
    with qtbot.waitCallback(timeout=timeout) as callback:
        page.runJavaScript(code, 0, callback)
    return callback.args[0]


def run_js_later(view: MapView, code: str) -> None:
    """Start test-only JavaScript *code* without waiting for it (it navigates, hangs or throws)."""
    page = view.web_page
    assert page is not None, "the page was released"
    page.runJavaScript(code, 0)


def page_script(code: str) -> str:
    """JavaScript that runs *code* as a script of the page itself.

    Errors in code evaluated by runJavaScript are muted by Chromium to
    "Script error."; page scripts report their message, like the page script does.
    """
    return (
        "(function () { var s = document.createElement('script');"
        f" s.textContent = {json.dumps(code)}; document.head.appendChild(s); return 0; }})()"
    )
