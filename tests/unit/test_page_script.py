"""The page script's files keep one shape, checked without node or ESLint.

Every file of ``assets/map/js/`` is one ES5 script: a single immediately invoked
function, ``(function (cm) { "use strict"; ... })(window.chronomap);``, with
nothing else at the top level; only ``namespace.js`` puts anything on
``window``, and that is ``window.chronomap``. The page includes each file
exactly once (``chronomap.map.page.PAGE_SCRIPTS``). ESLint
(``assets/map/eslint.config.mjs``) checks more at development time; ``node
--check`` runs here too when node is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chronomap.map import bridge
from chronomap.map.page import PAGE_SCRIPTS, page_script_paths
from chronomap.resources import asset_path

JS_DIR = asset_path("map", "js")
FILES = sorted(JS_DIR.glob("*.js"))

#: chronomap.* names the app, the export, the kiosk and the GUI tests use.
PUBLIC = {
    "init", "applyState", "setLegend", "appearance", "showPlace", "setView", "resetView", "isMoving",
    "setChrome", "captionText", "requestPaintMark", "hidePaintMark", "snapshot", "lockDown",
    "paintMark", "locked", "setEditing", "showCandidates", "movePlace", "editState",
}

# -- a small tokenizer: enough of JavaScript to find the top level ------------------------------

_PUNCT = re.compile(r">>>=|===|!==|>>>|<<=|>>=|\*\*=|=>|\.\.\.|&&|\|\||\?\?|[-+*/%&|^!=<>]=|\+\+|--|<<|>>|[{}()\[\];,.<>+\-*/%&|^!~?:=]")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
# after these a "/" starts a regular expression, not a division
_REGEX_AFTER_KEYWORDS = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else"}


class Token(str):
    kind: str
    line: int


def _token(text: str, kind: str, line: int) -> Token:
    token = Token(text)
    token.kind = kind
    token.line = line
    return token


def tokenize(source: str) -> list[Token]:
    """Tokens of *source*, comments dropped; raises ValueError on what it can't read."""
    tokens: list[Token] = []
    i, line, n = 0, 1, len(source)
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r\ufeff":
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            if end < 0:
                raise ValueError(f"line {line}: unterminated comment")
            line += source.count("\n", i, end)
            i = end + 2
        elif c in "\"'":
            j = i + 1
            while j < n and source[j] != c:
                if source[j] == "\n":
                    raise ValueError(f"line {line}: unterminated string")
                j += 2 if source[j] == "\\" else 1
            if j >= n:
                raise ValueError(f"line {line}: unterminated string")
            tokens.append(_token(source[i:j + 1], "string", line))
            i = j + 1
        elif c == "`":
            raise ValueError(f"line {line}: template literal (the page script is ES5)")
        elif c == "/" and _regex_may_start(tokens):
            j, in_class = i + 1, False
            while j < n and (in_class or source[j] != "/"):
                if source[j] == "\n":
                    raise ValueError(f"line {line}: unterminated regular expression")
                if source[j] == "\\":
                    j += 1
                elif source[j] == "[":
                    in_class = True
                elif source[j] == "]":
                    in_class = False
                j += 1
            j += 1
            while j < n and (source[j].isalnum() or source[j] in "_$"):
                j += 1
            tokens.append(_token(source[i:j], "regex", line))
            i = j
        elif (m := _IDENT.match(source, i)) is not None:
            tokens.append(_token(m.group(), "name", line))
            i = m.end()
        elif (m := _NUMBER.match(source, i)) is not None:
            tokens.append(_token(m.group(), "number", line))
            i = m.end()
        elif (m := _PUNCT.match(source, i)) is not None:
            tokens.append(_token(m.group(), "punct", line))
            i = m.end()
        else:
            raise ValueError(f"line {line}: unexpected character {c!r}")
    return tokens


def _regex_may_start(tokens: list[Token]) -> bool:
    if not tokens:
        return True
    last = tokens[-1]
    if last.kind in ("string", "number", "regex"):
        return False
    if last.kind == "name":
        return last in _REGEX_AFTER_KEYWORDS
    return last not in (")", "]", "}")


def top_level(tokens: list[Token]) -> list[tuple[Token, list[Token]]]:
    """The file's top level: each token outside any bracket, with what its bracket holds (if it opens one)."""
    out: list[tuple[Token, list[Token]]] = []
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack: list[str] = []
    inner: list[Token] = []
    for token in tokens:
        if token.kind == "punct" and token in pairs:
            if stack:
                inner.append(token)
            else:
                out.append((token, []))
                inner = out[-1][1]
            stack.append(pairs[token])
        elif token.kind == "punct" and token in (")", "]", "}"):
            if not stack or stack.pop() != token:
                raise ValueError(f"line {token.line}: unbalanced {token!r}")
            if stack:
                inner.append(token)
        elif stack:
            inner.append(token)
        else:
            out.append((token, []))
    if stack:
        raise ValueError(f"unclosed {stack[-1]!r} at the end")
    return out


def check_shape(source: str, argument: str = "window.chronomap", window_names: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with *source* as one strict IIFE called with *argument* that sets no window
    property but *window_names* (empty when nothing)."""
    try:
        tokens = tokenize(source)
        top = top_level(tokens)
    except ValueError as err:
        return [str(err)]
    shape = [str(t) for t, _ in top]
    if shape != ["(", "(", ";"]:
        return [f"the top level must be (function (...) {{...}})({argument}); not {' '.join(shape)[:120]}"]
    function, call = top[0][1], top[1][1]
    problems = []
    if [str(t) for t in call] != argument.replace(".", " . ").split():
        problems.append(f"the function must be called with {argument}, not {' '.join(call)}")
    if not function or function[0] != "function" or function[-1] != "}":
        problems.append("the parenthesised part must be one function expression")
        return problems
    words = [str(t) for t in function]
    body_start = words.index("{")
    if words[body_start + 1:body_start + 3] != ['"use strict"', ";"]:
        problems.append('the function must begin with "use strict";')
    for kind in ("let", "const", "class", "=>"):
        if kind in tokens:
            problems.append(f"{kind!r}: the page script is ES5 (ESLint's ecmaVersion)")
    problems.extend(window_assignments(tokens, allowed=window_names))
    return problems


def window_assignments(tokens: list[Token], allowed: tuple[str, ...]) -> list[str]:
    """Assignments to window properties other than *allowed* ones (``window.x =``, ``window["x"] =``)."""
    problems = []
    for k, token in enumerate(tokens[:-3]):
        if token != "window" or (k and tokens[k - 1] == "."):
            continue
        if tokens[k + 1] == "." and tokens[k + 3] == "=" and tokens[k + 2] not in allowed:
            problems.append(f"line {token.line}: assigns window.{tokens[k + 2]}")
        if tokens[k + 1] == "[":
            close = [str(t) for t in tokens].index("]", k)
            if close + 1 < len(tokens) and tokens[close + 1] == "=":
                problems.append(f"line {token.line}: assigns a computed window property")
    return problems


# -- the checker itself catches what it is for --------------------------------------------------

GOOD = '(function (cm) {\n  "use strict";\n  var re = /[)}]\\/"/g;\n  cm.x = function () { return re; };\n})(window.chronomap);\n'


@pytest.mark.parametrize(
    "source",
    [
        "var leak = 1;\n" + GOOD,
        GOOD + "function later() {}\n",
        GOOD + "window.other = 1;\n",
        GOOD.replace("cm.x = ", "window.stray = "),
        GOOD.replace("cm.x = ", 'window["stray"] = '),
        GOOD.replace('"use strict";', ""),
        GOOD.replace("(window.chronomap)", "(window)"),
        GOOD.replace("var re", "let re"),
        GOOD.replace("function () { return re; }", "() => re"),
        GOOD.replace("cm.x = ", "cm.x = `tpl`; cm.y = "),
        GOOD.replace("})(window", "}}(window"),
        "(function (cm) {\n  \"use strict\";\n  cm.x = 1;\n})(window.chronomap)\n(function () {})();\n",
    ],
)
def test_the_check_refuses_what_leaves_the_namespace(source):
    assert check_shape(source)


def test_the_check_takes_the_pattern_regexes_and_strings_included():
    assert check_shape(GOOD) == []
    assert check_shape(GOOD.replace("return re;", "return '}' + \"{\" + re.source / 2;")) == []


# -- the page script itself -------------------------------------------------------------------


def test_the_page_includes_every_file_once_in_its_order():
    assert FILES, "no page script in assets/map/js"
    assert len(set(PAGE_SCRIPTS)) == len(PAGE_SCRIPTS)
    assert sorted(PAGE_SCRIPTS) == [p.name for p in FILES]
    assert PAGE_SCRIPTS[0] == "namespace.js" and PAGE_SCRIPTS[-1] == "main.js"
    assert [p.name for p in page_script_paths()] == list(PAGE_SCRIPTS)
    assert not (asset_path("map") / "chronomap.js").exists()  # no second copy of the script


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_is_one_strict_function_under_the_namespace(path: Path):
    source = path.read_text(encoding="utf-8")
    if path.name == "namespace.js":
        assert check_shape(source, argument="window", window_names=("chronomap",)) == []
        assert check_shape(source, argument="window")  # it does set window.chronomap, once
        assert source.count("window.chronomap =") == 1
    else:
        assert check_shape(source) == []


def _assigned(path: Path) -> list[str]:
    """The chronomap.* parts a file defines: ``cm.name =`` at the function's own level."""
    return re.findall(r"^  cm\.(\w+) = ", path.read_text(encoding="utf-8"), re.M)


def test_each_part_of_the_namespace_is_defined_by_one_file():
    owners: dict[str, list[str]] = {}
    for path in FILES:
        for name in _assigned(path):
            owners.setdefault(name, []).append(path.name)
    twice = {name: files for name, files in owners.items() if len(files) > 1}
    assert not twice
    assert PUBLIC <= set(owners), PUBLIC - set(owners)
    namespace = JS_DIR / "namespace.js"
    for name in ("ready", "seq", "shared", "constants"):
        assert re.search(rf"^    {name}: ", namespace.read_text(encoding="utf-8"), re.M), name
    assert owners["init"] == ["main.js"]


def test_the_host_protocol_names_are_the_bridges():
    source = (JS_DIR / "host.js").read_text(encoding="utf-8")
    assert f"channel.objects.{bridge.HOST_OBJECT} " in source
    for method in bridge.HOST_METHODS:
        assert f"host.{method}(" in source, method
    called = set(re.findall(r"\bhost\.(\w+)\(", source))
    assert called == set(bridge.HOST_METHODS)
    assert f"host.{bridge.HOST_STATE_SENT}.connect(" in source  # the one signal the page listens to


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed; the shape checks above still ran")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_node_parses_each_file(path: Path):
    result = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
