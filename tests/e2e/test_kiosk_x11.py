"""The kiosk on a real X server: whatever a prankster or a window manager does, it comes back full screen.

A real Xvfb, the real kiosk process (``python -m chronomap --kiosk --config …``
on Qt's xcb platform), then xdotool does what a visitor's keyboard or a script
on the machine could: unmap, resize and move the window without a window
manager; with openbox, iconify it, switch the virtual desktop, "show desktop"
(Super+D) and Ctrl+Alt+→. Each time the window must be back within about three
seconds: mapped, on the current desktop, on the whole screen, as xwininfo and
xprop tell. Then the kiosk's own openbox configuration
(``assets/kiosk/openbox-rc.xml``) is checked to give those keys nothing to do.

Skipped where Xvfb, xdotool or the x11-utils are missing, except in CI (``CI`` set), where
``.ci/run`` installs them and a skip would hide a kiosk that can be hidden for good.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers.xvfb import start_xvfb

pytestmark = [pytest.mark.gui, pytest.mark.e2e]

REPO = Path(__file__).resolve().parents[2]
KIOSK_RC = REPO / "assets" / "kiosk" / "openbox-rc.xml"
WIDTH, HEIGHT = 1280, 720
BACK_WITHIN = 3.0  # seconds
START_WITHIN = 90.0


def _need(*binaries: str) -> None:
    missing = [b for b in binaries if shutil.which(b) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{', '.join(missing)} not installed; .ci/run installs them so the kiosk's keeper is tested")
        pytest.skip(f"{', '.join(missing)} not installed (Debian: apt install xvfb xdotool x11-utils openbox)")


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> float:
    """Polls *condition* until it holds; how long it took (fails after *seconds*)."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"{what}: not within {seconds} s")
        time.sleep(0.05)  # polling a separate process: nothing to wait on but its answers
    return time.monotonic() - start


def stays(condition: Callable[[], bool], seconds: float, what: str) -> None:
    """*condition* holds all along *seconds* (the keeper acts within a second of a change)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        assert condition(), what
        time.sleep(0.05)


@dataclass
class Display:
    """A running Xvfb and the tools that look at it."""

    name: str
    env: dict[str, str]

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=20).stdout

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, capture_output=True, timeout=20, check=True)

    def root_property(self, name: str) -> str:
        return self.run("xprop", "-root", name)

    def viewable_children(self) -> set[str]:
        """The root's mapped children (a menu is one)."""
        ids = re.findall(r"^\s+(0x[0-9a-f]+) ", self.run("xwininfo", "-root", "-children"), re.MULTILINE)
        return {i for i in ids if "IsViewable" in self.run("xwininfo", "-id", i)}

    def current_desktop(self) -> int | None:
        found = re.search(r"= (\d+)", self.root_property("_NET_CURRENT_DESKTOP"))
        return int(found.group(1)) if found else None


@dataclass
class Window:
    """The kiosk's X window, seen from outside."""

    display: Display
    id: str
    log: Path

    def put_back(self) -> int:
        """How many times the kiosk has said it put its window back."""
        return self.log.read_text(encoding="utf-8").count("putting it back")

    def info(self) -> dict[str, str]:
        text = self.display.run("xwininfo", "-id", self.id)
        pairs = (line.strip().split(":", 1) for line in text.splitlines() if ":" in line)
        return {k.strip(): v.strip() for k, v in pairs}

    def properties(self, *names: str) -> str:
        return self.display.run("xprop", "-id", self.id, *names)

    def state(self) -> str:
        """One line, for failure messages."""
        info = self.info()
        return (f"{info.get('Map State')} at {info.get('Absolute upper-left X')},{info.get('Absolute upper-left Y')} "
                f"{info.get('Width')}x{info.get('Height')}; "
                f"{' '.join(self.properties('_NET_WM_STATE', '_NET_WM_DESKTOP').split())}")

    def full_screen(self) -> bool:
        """Mapped and on the whole screen, on the current desktop where there is a window manager."""
        info = self.info()
        if (info.get("Map State") != "IsViewable" or info.get("Absolute upper-left X") != "0"
                or info.get("Absolute upper-left Y") != "0" or info.get("Width") != str(WIDTH)
                or info.get("Height") != str(HEIGHT)):
            return False
        current = self.display.current_desktop()
        if current is None:  # no window manager
            return True
        props = self.properties("_NET_WM_STATE", "_NET_WM_DESKTOP")
        desktop = re.search(r"_NET_WM_DESKTOP\(CARDINAL\) = (\d+)", props)
        return ("_NET_WM_STATE_FULLSCREEN" in props and "_NET_WM_STATE_HIDDEN" not in props
                and desktop is not None and int(desktop.group(1)) in (current, 0xFFFFFFFF))


@pytest.fixture
def display(tmp_path, x_display_claims) -> Iterator[Display]:
    _need("Xvfb", "xdotool", "xwininfo", "xprop")
    server, number = start_xvfb(x_display_claims, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp")
    try:
        runtime = tmp_path / "runtime"
        runtime.mkdir(mode=0o700)
        env = dict(os.environ, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime),
                   HOME=str(tmp_path))
        env.pop("WAYLAND_DISPLAY", None)
        yield Display(f":{number}", env)
    finally:
        server.terminate()
        server.wait(timeout=20)


def start_window_manager(display: Display, rc: Path | None = None) -> subprocess.Popen[bytes]:
    """openbox on *display*, with *rc* (which it must read without a complaint) or its own settings."""
    _need("openbox")
    args = ["openbox", "--sm-disable"] + (["--config-file", str(rc)] if rc else [])
    said = Path(display.env["HOME"]) / "openbox.err"
    with said.open("wb") as err:
        wm = subprocess.Popen(args, env=display.env, stdout=subprocess.DEVNULL, stderr=err)
    wait_until(lambda: display.current_desktop() is not None, 20, "openbox manages the screen")
    if rc is not None:  # (a file it cannot parse leaves openbox on built-in settings, silently but for this)
        complaint = said.read_text(encoding="utf-8", errors="replace")
        assert "error" not in complaint.lower() and "warning" not in complaint.lower(), complaint
    return wm


@pytest.fixture
def kiosk(display, tmp_path) -> Iterator[Callable[[], Window]]:
    """Starts the real kiosk on *display* (after a window manager, when the test starts one)."""
    procs: list[subprocess.Popen[str]] = []
    logs = tmp_path / "logs"

    def start() -> Window:
        config = tmp_path / "kiosk.toml"
        config.write_text(f'log_dir = "{logs}"\nhide_cursor = false\nidle_seconds = 3600\n', encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "chronomap", "--kiosk", "--config", str(config)],
                                env=display.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(proc)
        log = logs / "chronomap-kiosk.log"

        def ready() -> bool:
            assert proc.poll() is None, proc.communicate()[1][-3000:]
            return log.exists() and "map page ready" in log.read_text(encoding="utf-8")

        wait_until(ready, START_WITHIN, "the kiosk shows its map")
        found: list[str] = []

        def shown() -> bool:
            found[:] = display.run("xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)).split()
            return len(found) == 1

        wait_until(shown, 20, "the kiosk's one visible window")
        window = Window(display, found[0], log)
        wait_until(window.full_screen, 20, f"the kiosk full screen ({window.state()})")
        return window

    yield start
    for proc in procs:
        proc.terminate()
        try:
            _out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _out, err = proc.communicate()
        assert "Traceback" not in err, err[-3000:]


class RootSpy:
    """``xprop -root -spy``: every change of *name* on the root window (a poll can miss a value the
    window manager sets and clears again within a few milliseconds). Each change prints the value
    xprop reads when it hears of it: a loaded xprop can read a value already set back (a
    full parallel run saw "show desktop" only as its end), so :meth:`changed` counts the changes."""

    def __init__(self, display: Display, name: str):
        self.name = name
        self.lines: list[str] = []
        self._proc = subprocess.Popen(["xprop", "-root", "-spy", name], env=display.env,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        # (xprop prints the value once it watches the property: from then on no change is missed)
        wait_until(lambda: bool(self.lines), 20, f"xprop watches {name}")

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self.lines.append(line.strip())

    def seen(self, value: str) -> bool:
        return f"{self.name}(CARDINAL) = {value}" in self.lines

    def changed(self) -> bool:
        """The property changed since the spy started (the first line is the value it had)."""
        return len(self.lines) > 1

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=20)
        self._reader.join(timeout=20)
        if self._proc.stdout is not None:
            self._proc.stdout.close()


def prank(window: Window, *xdotool: str, acts: bool = True, switches: bool = False,
          shows_desktop: bool = False) -> float:
    """Does *xdotool* to the kiosk; how long the kiosk took to be full screen again.

    The window system may act a moment after xdotool returns, and a first look too early would see
    the window as it was; so first the prank must be seen to have taken effect: when it *acts* on
    the window (the window manager does not refuse it), the kiosk must have said it put its window
    back; when it *switches* the desktop, the current desktop must have changed; when it *shows the
    desktop*, the window manager must have said so (``_NET_SHOWING_DESKTOP`` 1), and the kiosk is
    back only once the desktop is no longer shown. (Right after a put-back the kiosk may still send
    its activation, which also ends "show desktop": then it is back without a word in its log.)"""
    log_before, desktop_before = window.put_back(), window.display.current_desktop()
    spy = RootSpy(window.display, "_NET_SHOWING_DESKTOP") if shows_desktop else None
    start = time.monotonic()
    window.display.xdotool(*xdotool)
    what = f"the kiosk back after {' '.join(xdotool)}"
    try:
        if switches:
            wait_until(lambda: window.display.current_desktop() != desktop_before, BACK_WITHIN, f"{what} (switched)")
        elif spy is not None:
            start = _press_until_heard(window, xdotool, spy, start, what)
            wait_until(lambda: spy.lines[-1].endswith("= 0") and window.full_screen(),
                       BACK_WITHIN - (time.monotonic() - start), f"{what} (the desktop no longer shown)")
        elif acts:
            wait_until(lambda: window.put_back() > log_before, BACK_WITHIN, f"{what} (noticed)")
        wait_until(window.full_screen, BACK_WITHIN - (time.monotonic() - start), what)
    except AssertionError as error:
        showing = " ".join(window.display.root_property("_NET_SHOWING_DESKTOP").split())
        tail = window.log.read_text(encoding="utf-8").splitlines()[-6:]
        heard = f"; the spy heard {spy.lines}" if spy is not None else ""
        raise AssertionError(f"{error}: {window.state()}; {showing}{heard}; log: {tail}") from None
    finally:
        if spy is not None:
            spy.close()
    return time.monotonic() - start


def _press_until_heard(window: Window, xdotool: tuple[str, ...], spy: RootSpy, start: float, what: str) -> float:
    """Presses the key again while the window manager has not acted on it; when the last press was.

    A clean-clone CI run once saw openbox ignore Super+D sent right after it had moved the kiosk
    back from another desktop (the spy heard no change for 3 s, the kiosk stayed full screen), and
    a visitor would press again: three presses, each given ``BACK_WITHIN`` to be heard."""
    for press in range(3):
        if press:
            start = time.monotonic()
            window.display.xdotool(*xdotool)
        try:
            wait_until(lambda: spy.seen("1") or spy.changed(), BACK_WITHIN, f"{what} (the desktop shown)")
            return start
        except AssertionError:
            if press == 2:
                raise
    return start


def test_without_a_window_manager_an_unmapped_resized_or_moved_kiosk_comes_back(kiosk):
    window = kiosk()
    window.display.xdotool("windowunmap", window.id)  # (what a black screen was made of)
    assert window.info()["Map State"] == "IsUnMapped"
    wait_until(window.full_screen, BACK_WITHIN, "back after windowunmap")
    prank(window, "windowsize", window.id, "800", "600")
    prank(window, "windowmove", window.id, "100", "100")
    prank(window, "windowsize", window.id, "800", "600")
    prank(window, "windowunmap", window.id)


def test_under_openbox_an_iconified_or_sent_away_kiosk_comes_back(display, kiosk):
    wm = start_window_manager(display)  # openbox's own settings: every desktop and iconify key works
    try:
        window = kiosk()
        prank(window, "windowminimize", window.id)
        prank(window, "set_desktop", "1", switches=True)
        assert display.current_desktop() == 1  # the kiosk came to the visitor's desktop
        prank(window, "set_desktop", "0", switches=True)
        prank(window, "key", "super+d", shows_desktop=True)
        prank(window, "key", "ctrl+alt+Right", switches=True)  # the next desktop
        assert display.current_desktop() == 1
        # (unmapped by another client, openbox withdraws the window and may map it back itself,
        # before the kiosk has a look: it must be full screen all the same)
        prank(window, "windowunmap", window.id, acts=False)
        # openbox refuses to resize or move a full-screen window itself; the kiosk is full screen after
        prank(window, "windowsize", window.id, "800", "600", acts=False)
        prank(window, "windowmove", window.id, "100", "100", acts=False)
    finally:
        wm.terminate()
        wm.wait(timeout=20)


def test_the_kiosk_openbox_configuration_gives_the_keys_nothing_to_do(display, kiosk, tmp_path):
    """With assets/kiosk/openbox-rc.xml there is one desktop, no key bindings and no root menu
    (the stock configuration opens a menu with a terminal on a right click on the desktop)."""
    wm = start_window_manager(display, KIOSK_RC)
    try:
        assert re.search(r"= 1\b", display.root_property("_NET_NUMBER_OF_DESKTOPS"))
        before = display.viewable_children()
        display.xdotool("mousemove", "5", "5", "click", "3")  # on the bare desktop, before the kiosk
        assert display.viewable_children() == before, "a menu opened on the desktop"
        window = kiosk()
        for keys in ("super+d", "ctrl+alt+Right", "ctrl+alt+Left", "alt+Tab", "alt+F4", "alt+space"):
            display.xdotool("key", keys)
        log = tmp_path / "logs" / "chronomap-kiosk.log"
        stays(lambda: window.full_screen() and "putting it back" not in log.read_text(encoding="utf-8"), 2.0,
              "the kiosk left alone by the keys")
        assert display.current_desktop() == 0
        assert "= 1" not in display.root_property("_NET_SHOWING_DESKTOP")
    finally:
        wm.terminate()
        wm.wait(timeout=20)
