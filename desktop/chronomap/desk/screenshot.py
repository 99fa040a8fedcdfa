"""Screenshot the explorer for the README: ``python -m chronomap.desk.screenshot --out FILE``.

Runs offscreen; waits until the page confirms the state before grabbing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--event", default="december-events")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--language", choices=("kk", "ru", "en"), default="en")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--large-type", action="store_true")
    args = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in args.size.split("x"))
    except ValueError:
        parser.error(f"--size: found {args.size!r}; expected WIDTHxHEIGHT in pixels, e.g. 1440x900")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from chronomap.qt.webengine import configure_webengine
    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit

    configure_webengine()
    from PySide6.QtCore import QEventLoop, QSettings, QTemporaryDir, QTimer
    from PySide6.QtWidgets import QApplication

    from chronomap.desk.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (must outlive the window)
    scratch = QTemporaryDir()
    exhibit = load_exhibit(args.story or default_exhibit_path())
    if args.event not in {event.id for event in exhibit.events}:
        parser.error(f"--event: found {args.event!r}; expected an event id of {exhibit.path}, "
                     "listed by 'chronomap events --json'")
    window = MainWindow(exhibit, QSettings(scratch.filePath("s.ini"), QSettings.Format.IniFormat))
    window.model.set_language(args.language)  # the session's language: the chrome and the exhibit's words follow it
    window.set_appearance(args.high_contrast, args.large_type)
    window.resize(width, height)
    loop = QEventLoop()

    def wait(what: str, seconds: int = 30) -> None:
        """Until something quits the loop: a page that never answers ends the tool with one line, not a hang
        (and no timer left over from one step cuts the next one short)."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(seconds * 1000)
        loop.exec()
        if not timer.isActive():
            raise SystemExit(f"chronomap screenshot: the map page did not {what} within {seconds} s")
        timer.stop()

    window.map_view.ready.connect(loop.quit)
    window.show()
    wait("load")
    window.model.go_to_event(args.event)
    state = window.map_view.last_state
    assert state is not None, "the window sends the page a state on every move"
    seq = state["seq"]

    def applied(applied_seq: int) -> None:
        if applied_seq >= seq:
            loop.quit()

    window.map_view.state_applied.connect(applied)
    wait(f"show the event {args.event!r}")
    window.map_view.when_settled(loop.quit)
    wait("settle")
    window.grab().save(str(args.out))
    print(args.out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
