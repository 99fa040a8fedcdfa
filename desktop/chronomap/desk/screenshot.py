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
    window = MainWindow(load_exhibit(args.story or default_exhibit_path()),
                        QSettings(scratch.filePath("s.ini"), QSettings.Format.IniFormat))
    window.model.set_language(args.language)  # the session's language: the chrome and the exhibit's words follow it
    window.set_appearance(args.high_contrast, args.large_type)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    loop = QEventLoop()
    window.map_view.ready.connect(loop.quit)
    window.show()
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    window.model.go_to_event(args.event)
    state = window.map_view.last_state
    assert state is not None, "the window sends the page a state on every move"
    seq = state["seq"]

    def applied(applied_seq: int) -> None:
        if applied_seq >= seq:
            loop.quit()

    window.map_view.state_applied.connect(applied)
    loop.exec()
    window.map_view.when_settled(loop.quit)
    loop.exec()
    window.grab().save(str(args.out))
    print(args.out)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
