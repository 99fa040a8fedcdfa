"""The desk and the kiosk as a screen reader meets them: through the real AT-SPI registry.

Each app runs as its own process on a private X server (Xvfb) and a private D-Bus session with
the AT-SPI bus launcher, the way Orca finds an application on a Linux desktop. A reader process
(the system's ``python3`` with Debian's ``python3-pyatspi``: ``atspi_reader.py``) walks the tree,
presses buttons and menu items through their AT-SPI actions, and reports JSON. Asserted: every
control a user can reach has a name, in the interface language (English, Russian, Kazakh, switched
through the app's own language menu or buttons), and the map's description follows the moment.

Skipped when Xvfb, dbus-daemon, the AT-SPI bus launcher or pyatspi are missing, except in CI
(``CI`` set), where that is a failure: ``.ci/run`` installs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers.xvfb import display_answers, start_xvfb

pytestmark = [pytest.mark.gui, pytest.mark.e2e]

READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
START_SECONDS = 60

#: Roles a user operates; each must carry a name a screen reader can say. Any other node that takes
#: the keyboard focus counts as a control too.
CONTROL_ROLES = {"push button", "toggle button", "check box", "radio button", "combo box", "menu item", "list item",
                 "scroll bar", "slider", "spin button", "entry", "text", "link", "page tab", "menu"}
#: Words that stay as they are in every interface language: the app's name, the data sources' names,
#: paper sizes and units, Qt's own "OK" (Latin in Russian Qt too), and each language's own name for
#: itself (never translated, by design).
PROPER = ("Chronomap", "Natural Earth", "GeoNames", "Leaflet", "A4", "A3", "dpi", "OK", "Қазақша", "Русский", "English")
#: Names the Kazakh and Russian interfaces share, rightly.
SAME_IN_KK_AND_RU = {"Карта", "Файл", "Масштаб"}
#: Longer than this, or over several lines, a name is a text's content (the About box's text, which
#: quotes sources by their own names), not a control's name: it must exist, in whatever language.
NAME_LENGTH = 80
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


# -- the private desktop -------------------------------------------------------------------------------

def _launcher() -> str | None:
    return next((path for path in LAUNCHERS if Path(path).is_file()), None)


def _missing() -> list[str]:
    missing = [name for name in ("Xvfb", "dbus-daemon") if shutil.which(name) is None]
    if _launcher() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    if not Path(SYSTEM_PYTHON).is_file() or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"],
                                                           capture_output=True).returncode != 0:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (python3-pyatspi)")
    return missing


def _stop(proc: subprocess.Popen) -> None:
    """End a process this test started, with the children it started (its own session)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        except ProcessLookupError:
            pass


@dataclass
class Desktop:
    env: dict[str, str]
    home: Path
    started: list[subprocess.Popen] = field(default_factory=list)

    def start(self, *args: str) -> subprocess.Popen:
        """``chronomap ARGS`` on this desktop; its output goes to a log file beside its HOME."""
        with open(self.home / f"app-{len(self.started)}.log", "w", encoding="utf-8") as log:
            proc = subprocess.Popen([sys.executable, "-m", "chronomap", *args], env=self.env, stdout=log, stderr=log,
                                    start_new_session=True)
        self.started.append(proc)
        return proc

    def read(self, proc: subprocess.Popen, command: str, *args: str, seconds: float = 20) -> object:
        """One reader command against *proc*'s tree (see atspi_reader.py)."""
        done = subprocess.run([SYSTEM_PYTHON, str(READER), command, str(proc.pid), str(seconds), *args], env=self.env,
                              capture_output=True, text=True, timeout=seconds + 30)
        if done.returncode != 0:
            alive = "running" if proc.poll() is None else f"exited {proc.returncode}"
            raise AssertionError(f"{command} {args}: {done.stderr.strip()[-2000:]} (app {alive}; {self.said(proc)})")
        return json.loads(done.stdout)

    def said(self, proc: subprocess.Popen) -> str:
        """The end of *proc*'s log and whether its X server still answers: why an app is not on the bus."""
        number = self.env["DISPLAY"].lstrip(":")
        log = self.home / f"app-{self.started.index(proc)}.log"
        lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if not line.startswith("js:")]
        return f"display :{number} answers: {display_answers(number)}; its log ends: " + " | ".join(lines[-6:])


@pytest.fixture(scope="module")
def desktop(tmp_path_factory, x_display_claims) -> Iterator[Desktop]:
    missing = _missing()
    if missing:
        message = "the real accessibility stack needs " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + " (CI: .ci/run installs them)")
        pytest.skip(message)
    home = tmp_path_factory.mktemp("atspi-home")
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("XDG_", "DBUS_", "AT_SPI", "QT_", "WAYLAND", "LC_")) and k not in ("DISPLAY", "LANGUAGE")}
    base.update(HOME=str(home), LANG="en_GB.UTF-8", QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1",
                QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", XDG_RUNTIME_DIR=str(home))
    os.chmod(home, 0o700)
    started: list[subprocess.Popen] = []
    try:
        server, number = start_xvfb(x_display_claims, "-screen", "0", "1280x800x24", "-nolisten", "tcp", new_session=True)
        started.append(server)
        base["DISPLAY"] = f":{number}"
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env=base,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        started.append(bus)
        assert bus.stdout is not None
        base["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        bus.stdout.close()
        launcher = _launcher()
        assert launcher is not None
        started.append(subprocess.Popen([launcher, "--launch-immediately"], env=base, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True))
        session = Desktop(base, home)
        yield session
        started += session.started
    finally:
        for proc in reversed(started):
            _stop(proc)


# -- what a screen reader would say -------------------------------------------------------------------

def windows(tree: list[dict]) -> list[dict]:
    """The nodes under the app's named, showing top-level windows (QtWebEngine also hangs a bare copy
    of the page's tree on the application itself, which no screen reader walks to)."""
    tops = {n["path"][0] for n in tree if len(n["path"]) == 1 and n["name"] and "showing" in n["states"]}
    return [n for n in tree if n["path"] and n["path"][0] in tops]


def controls(tree: list[dict], *, page: bool) -> dict[tuple[int, ...], dict]:
    """Controls by path: showing ones (a closed menu's items too: a screen reader's user opens it),
    in the Qt chrome (*page* False) or inside the map page (*page* True)."""
    found = {}
    for n in windows(tree):
        if n["in_document"] != page or n["role"] == "document web":
            continue
        reachable = "showing" in n["states"] or n["role"] == "menu item"
        if reachable and (n["role"] in CONTROL_ROLES or "focusable" in n["states"]):
            found[tuple(n["path"])] = n
    return found


def spoken_name(n: dict) -> str:
    """A combo box is spoken by its label (its AT-SPI name is its value); anything else by its name."""
    return (n["label"] if n["role"] == "combo box" else n["name"]).strip()


def language_problem(name: str, lang: str) -> str | None:
    """Why *name* is not in the interface language *lang*, or None."""
    text = name
    for word in PROPER:
        text = text.replace(word, "")
    text = re.sub(r"\b[IVXLC]+\b", "", text)  # Roman numerals: "III Съезд"
    letters = re.findall(r"[^\W\d_]", text)
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    if lang == "en" and cyrillic:
        return "Cyrillic in the English interface"
    if lang in ("ru", "kk") and len(cyrillic) != len(letters):
        return "Latin letters in the Cyrillic interface"
    if lang == "ru" and KAZAKH_LETTERS & set(text):
        return "Kazakh letters in the Russian interface"
    return None


def problems(trees: dict[str, list[dict]], *, page: bool) -> list[str]:
    """Every unnamed control and every name not in its interface language, in *trees* by language."""
    found = []
    by_lang = {lang: controls(tree, page=page) for lang, tree in trees.items()}
    for lang, nodes in by_lang.items():
        for path, n in nodes.items():
            name = spoken_name(n)
            where = f"{lang} {n['role']} at {list(path)}"
            if not name:
                found.append(f"{where}: no name (description {n['description'][:40]!r})")
            elif len(name) > NAME_LENGTH or "\n" in name:
                continue
            elif reason := language_problem(name, lang):
                found.append(f"{where}: {name!r}: {reason}")
            elif lang == "kk" and (ru := by_lang.get("ru", {}).get(path)) and spoken_name(ru) == name \
                    and re.search(r"[^\W\d_]", name) and name not in SAME_IN_KK_AND_RU and not name.startswith(PROPER):
                found.append(f"{where}: {name!r} is the Russian name")
    return found


def tree_with_page(read, proc, role: str, name: str, seconds: float = 20) -> list[dict]:
    """The window's tree once the map page's own controls are in it too: the web content's tree reaches
    AT-SPI a moment after the window's (seen in CI: the zoom buttons missing from a tree read too early).
    Each read is a reader process of its own, so this polls without sleeping; after *seconds* the last
    tree is returned as it is and the tests say what is missing."""
    deadline = time.monotonic() + seconds
    while True:
        tree = read(proc, "tree", role, name, seconds=seconds)
        if controls(tree, page=True) or time.monotonic() > deadline:
            return tree


def map_description(tree: list[dict], name: str) -> str:
    maps = [n for n in windows(tree) if n["name"] == name and not n["in_document"]]
    assert len(maps) == 1, [n["name"] for n in maps]
    return maps[0]["description"]


# -- the desk ---------------------------------------------------------------------------------------------

#: The desk's words for what the test presses, by language: the language menu item, the Export
#: snapshot tool button, the About menu item, and the time line (waited for after a switch).
DESK_WORDS = {"en": ("English", "Export snapshot", "About Chronomap", "Timeline"),
              "ru": ("Русский", "Экспорт снимка", "О программе Chronomap", "Шкала времени"),
              "kk": ("Қазақша", "Суретті экспорттау", "Chronomap туралы", "Уақыт шкаласы")}


#: A QDialog is a "dialog" to AT-SPI, a QMessageBox an "alert".
DIALOG_ROLES = ("dialog", "alert")


def dialog_buttons(tree: list[dict]) -> list[str]:
    """The push buttons' names in the showing dialog of *tree*."""
    tops = {n["path"][0] for n in tree if len(n["path"]) == 1 and n["role"] in DIALOG_ROLES and "showing" in n["states"]}
    assert len(tops) == 1, "expected one dialog"
    return [n["name"] for n in tree if n["path"] and n["path"][0] in tops and n["role"] == "push button"]


@pytest.fixture(scope="module")
def desk_trees(desktop) -> dict[str, object]:
    """The desk's tree in English, Russian and Kazakh (switched through View → Language), with its
    Export and About dialogs opened through AT-SPI in each; and the map's description before and
    after Next is pressed through AT-SPI."""
    desk = desktop.start("--at", "1986-12-17")
    read = desktop.read
    out: dict[str, object] = {"en": tree_with_page(read, desk, "filler", "Map", seconds=START_SECONDS)}
    out["before"] = map_description(out["en"], "Map")
    assert read(desk, "do", "push button", "Next") is True
    out["after"] = read(desk, "changed", "filler", "Map", str(out["before"]))
    for lang, (menu_item, export, about, timeline) in DESK_WORDS.items():
        if lang != "en":
            read(desk, "do", "menu item", menu_item)
            out[lang] = tree_with_page(read, desk, "filler", timeline)
        for dialog, role, opener, kind in (("export", "push button", export, "dialog"), ("about", "menu item", about, "alert")):
            read(desk, "press", role, opener)  # a modal dialog: its action answers only once it closes
            tree = read(desk, "tree", kind, "*")
            out[f"{lang} {dialog}"] = tree
            read(desk, "press", "push button", dialog_buttons(tree)[-1])  # Cancel, or OK
    _stop(desk)
    return out


def test_every_desk_control_has_a_name_in_the_interface_language(desk_trees):
    trees = {lang: desk_trees[lang] for lang in ("en", "ru", "kk")}
    assert len(controls(trees["en"], page=False)) > 40  # the menus, the tool bar, the time bar, the views
    assert problems(trees, page=False) == []


@pytest.mark.parametrize("dialog", ["export", "about"])
def test_every_control_of_the_desk_dialogs_has_a_name_in_the_interface_language(desk_trees, dialog):
    trees = {lang: desk_trees[f"{lang} {dialog}"] for lang in ("en", "ru", "kk")}
    assert len(dialog_buttons(trees["en"])) >= 1
    assert problems(trees, page=False) == []


def test_the_desk_speed_box_is_spoken_by_its_label(desk_trees):
    speeds = [n for n in controls(desk_trees["ru"], page=False).values() if n["role"] == "combo box"]
    assert [(n["name"], n["label"]) for n in speeds] == [("1×", "Скорость")]


def test_the_desk_map_description_follows_the_moment(desk_trees):
    assert desk_trees["before"].startswith("17–18 December 1986. The December Events")
    assert desk_trees["after"].startswith("18–31 December 1986. The unrest spreads across Kazakhstan")
    assert map_description(desk_trees["kk"], "Карта").startswith("1986 ж. 18–31 желтоқсан")


# -- the kiosk -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kiosk_trees(desktop, desk_trees) -> dict[str, object]:
    """The kiosk's tree in English, Russian and Kazakh (switched with its language buttons), and the
    map's description before and after Next event is pressed. (After the desk: one app at a time.)"""
    config = desktop.home / "kiosk.toml"
    config.write_text(f'log_dir = "{desktop.home / "kiosk-logs"}"\nhide_cursor = false\nstats = false\nlanguage = "en"\n',
                      encoding="utf-8")
    kiosk = desktop.start("--kiosk", "--config", str(config))
    read = desktop.read
    out: dict[str, object] = {"en": tree_with_page(read, kiosk, "filler", "Map", seconds=START_SECONDS)}
    out["before"] = map_description(out["en"], "Map")
    assert read(kiosk, "do", "push button", "Next event") is True
    out["after"] = read(kiosk, "changed", "filler", "Map", str(out["before"]))
    for lang, button, timeline in (("ru", "Русский*", "Шкала времени"), ("kk", "Қазақша*", "Уақыт шкаласы")):
        read(kiosk, "do", "check box", button, "Press")
        out[lang] = tree_with_page(read, kiosk, "filler", timeline)
    _stop(kiosk)
    return out


#: Gaps in code this test does not own, each to be fixed there (and then dropped from this list):
#: the kiosk card's scroll bar has no name (kiosk/widgets.py).
KIOSK_KNOWN = {"scroll bar: no name"}


def _kind(problem: str) -> str:
    """'en scroll bar at [1, 2]: no name (…)' → 'scroll bar: no name'."""
    head, _, rest = problem.partition(": ")
    return head.split(" ", 1)[1].rsplit(" at ", 1)[0] + ": " + rest.split(" (")[0]


def test_every_kiosk_control_has_a_name_in_the_interface_language(kiosk_trees):
    trees = {lang: kiosk_trees[lang] for lang in ("en", "ru", "kk")}
    assert len(controls(trees["en"], page=False)) > 10  # places, languages, time bar, the dialogs' buttons
    assert [p for p in problems(trees, page=False) if _kind(p) not in KIOSK_KNOWN] == []


def test_the_kiosk_has_no_known_gaps_left(kiosk_trees):
    trees = {lang: kiosk_trees[lang] for lang in ("en", "ru", "kk")}
    assert problems(trees, page=False) == []


def test_the_kiosk_map_description_follows_the_moment(kiosk_trees):
    assert kiosk_trees["before"].startswith("16 December 1986. ")
    assert kiosk_trees["after"].startswith("17–18 December 1986. ")
    assert map_description(kiosk_trees["ru"], "Карта").startswith("17–18 декабря 1986")


# -- the map page, inside both --------------------------------------------------------------------------

def test_every_map_page_control_has_a_name_in_the_interface_language(desk_trees, kiosk_trees):
    for trees in (desk_trees, kiosk_trees):
        assert problems({lang: trees[lang] for lang in ("en", "ru", "kk")}, page=True) == []


def test_the_map_page_controls_are_exposed(desk_trees):
    """The page's own controls reach the screen reader at all (the zoom buttons, by name)."""
    names = {n["name"] for n in controls(desk_trees["en"], page=True).values()}
    assert {"Zoom in", "Zoom out"} <= names
