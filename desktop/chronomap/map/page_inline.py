"""One document for the map page: its scripts, styles and base map written into it, and its opening state.

Why: a page that links ~20 local files and fetches its base map waits for each of them to come
through Chromium's browser side, which runs on the app's own main thread, busy building the
window at start; one document with everything inside is parsed in one go, and its base map is
drawn by the same task that builds the map (no second pass once a fetch arrives). The opening
state is written into the copy of the page a window loads, so the page's first frame shows it,
framed where it belongs, with the base map drawn once.

Pure text work (no folium, no Qt): the page cache keeps the inlined page; only the opening is
added at every build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from chronomap.map.page_types import check_state

#: The id of the element that carries a base-map layer's GeoJSON (``cm-basemap-countries``, ...).
BASEMAP_ID = "cm-basemap-{name}"
#: The id of the element that carries the opening state (``assets/map/js/main.js`` applies it).
OPENING_ID = "cm-opening"

_SCRIPT_RE = re.compile(r'<script src="(file://[^"]+)"></script>')
_STYLE_RE = re.compile(r'<link rel="stylesheet" href="(file://[^"]+)"\s*/>')
_CSS_URL_RE = re.compile(r"url\((?![\"']?(?:#|data:|file:))[\"']?([^)\"']+)[\"']?\)")


def _local_path(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def _json_text(text: str) -> str:
    """JSON safe inside an HTML element: ``<`` can stand only in a string there, where its escape means the same."""
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _script(match: re.Match[str]) -> str:
    """The script written in, named by its file: an error in it names the file and the file's line.

    Run by a global ``eval`` of its text with a ``sourceURL``: eval'd code counts its lines from its own
    first line. A plain inline script with a ``sourceURL`` did so only while it stood near the top of
    the document; further down, Chromium counted from the document's first line (seen when
    ``labels.js`` grew by 45 lines: an error in ``main.js`` named line 2228 instead of 21).
    """
    url = match.group(1)
    return _eval_script(url, _local_path(url).read_text(encoding="utf-8"))


def _eval_script(url: str, source: str) -> str:
    text = _json_text(json.dumps(f"{source}\n//# sourceURL={url}\n"))
    return f"<script>/* {url.rsplit('/', 1)[-1]} */(0, eval)({text});</script>\n"


def with_linked_script(html: str, url: str, source: str) -> str:
    """*html* with the script it links at *url* (``qrc:``, from Qt's resources) written in, named by its URL.
    Why: the page's parser waits for a linked script, and Chromium answers a ``qrc:`` fetch on the app's
    main thread, which at a start is busy building the window. A plain script, not an eval: a strict
    script's top-level declarations (Qt's ``QWebChannel``) would stay inside an eval. A source with ``</``
    (it could end the element) stays linked."""
    if "</" in source:
        return html
    tag = f'<script src="{url}"></script>'
    return html.replace(tag, f"<script>{source}\n//# sourceURL={url}\n</script>", 1)


def _style(match: re.Match[str]) -> str:
    path = _local_path(match.group(1))
    folder = path.parent

    def absolute(url: re.Match[str]) -> str:  # an image beside the style sheet, by its file URL
        return f'url("{(folder / url.group(1)).resolve().as_uri()}")'

    css = _CSS_URL_RE.sub(absolute, path.read_text(encoding="utf-8"))
    return f"<style>/* {path.name} */\n{css}\n</style>"


def inline_page(html: str, basemap: Mapping[str, str]) -> str:
    """*html* with its local scripts and style sheets written in, and the base map layers at the
    URLs *basemap* gives as JSON elements the page script draws from (``qrc:`` scripts stay links)."""
    html = _SCRIPT_RE.sub(_script, html)
    html = _STYLE_RE.sub(_style, html)
    layers = "".join(
        f'<script type="application/json" id="{BASEMAP_ID.format(name=name)}">'
        f"{_json_text(_local_path(url).read_text(encoding='utf-8'))}</script>\n"
        for name, url in basemap.items()
    )
    return _after_body(html, layers)


def with_opening(html: str, state: Mapping[str, Any] | None) -> str:
    """*html* with *state* (a checked page state) as the page's opening; *html* itself without one."""
    if state is None:
        return html
    check_state(state)
    from chronomap.map.bridge import js_literal

    return _after_body(html, f'<script type="application/json" id="{OPENING_ID}">{js_literal(dict(state))}</script>\n')


def _after_body(html: str, text: str) -> str:
    head, sep, tail = html.partition("<body>")
    if not sep:
        raise ValueError("the page has no <body>")
    return f"{head}{sep}\n{text}{tail}"
