"""A fresh Xvfb for a test, on a display number no other server of the same test run has had.

Xvfb's ``-displayfd`` alone takes the lowest free number, so the suite's servers (the kiosk's X11
tests start one per test, in another worker) took :0 and :1 over and over, each a moment after
another server had let it go. Twice on 2026-12-02 (2 of 4 full runs) the accessibility desktop's
app then could not connect to the display its new Xvfb had reported a moment before ("could not
connect to display :0"; Qt aborts). Here each server gets a number claimed in a folder the whole
run shares (every xdist worker), never handed out twice in a run and skipped when another server
on the machine has it; and ``-noreset``, so the server does not reset when its last client leaves.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

#: The numbers handed out: far above the :0 a desktop uses and the low ones -displayfd picks.
FIRST_DISPLAY = 200
LAST_DISPLAY = 3000


def claims_folder(basetemp: Path) -> Path:
    """Where this run's claims live: shared by the xdist workers (their base folders' parent), one run's own."""
    root = basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp
    folder = root / "x-displays"
    folder.mkdir(exist_ok=True)
    return folder


def _taken_on_this_machine(number: int) -> bool:
    return Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists()


def claim_display(claims: Path) -> int:
    """A display number no server of this run has had (claimed for good) and no server here holds now."""
    for number in range(FIRST_DISPLAY, LAST_DISPLAY):
        if _taken_on_this_machine(number):
            continue
        try:
            os.close(os.open(claims / f"display-{number}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        return number
    raise AssertionError(f"no X display number left between :{FIRST_DISPLAY} and :{LAST_DISPLAY}")


def display_answers(number: str) -> bool:
    """Whether the X server of display *number* takes a connection on its socket."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(f"/tmp/.X11-unix/X{number}")
        except OSError:
            return False
    return True


def start_xvfb(claims: Path, *args: str, new_session: bool = False, tries: int = 3) -> tuple[subprocess.Popen[bytes], str]:
    """``Xvfb :N -noreset ARGS`` on a newly claimed number, once it takes connections: (its process, "N").
    A number it cannot take (another user's server got there first) is left and the next one claimed."""
    for _ in range(tries):
        number = claim_display(claims)
        read_end, write_end = os.pipe()
        server = subprocess.Popen(["Xvfb", f":{number}", "-displayfd", str(write_end), "-noreset", *args],
                                  pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=new_session)
        os.close(write_end)
        with os.fdopen(read_end) as reported:
            said = reported.readline().strip()
        if said == str(number) and display_answers(said):
            return server, said
        server.kill()
        server.wait(timeout=20)
    raise AssertionError(f"Xvfb did not start on any of {tries} display numbers")
