"""Screenshots of the kiosk, offscreen: ``python -m chronomap.kiosk.screenshot --out DIR``.

Writes ``kiosk-normal.png``, ``kiosk-still-there.png``, ``kiosk-attract.png`` and
``kiosk-pin-pad.png`` at the given size (default 1920×1080, a fullscreen window
on an offscreen screen of that size), each after the map has settled; in the
interface language given by ``--language`` (English by default), optionally in
high contrast and large type.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--event", default="december-events")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--language", default="en", choices=("kk", "ru", "en"))
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--large-type", action="store_true")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    screens = {"screens": [{"name": "Kiosk", "x": 0, "y": 0, "width": width, "height": height,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    config_file = Path(tempfile.mkdtemp(prefix="chronomap-shot-")) / "screens.json"
    config_file.write_text(json.dumps(screens), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config_file}"

    from chronomap.kiosk.app import prepare_environment
    from chronomap.kiosk.config import KioskConfig
    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit

    prepare_environment()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from chronomap.kiosk.shell import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (must outlive the window)
    config = KioskConfig(hide_cursor=False, idle_seconds=3600, renew_page_every=0, language=args.language,
                         high_contrast=args.high_contrast, large_type=args.large_type,
                         pin_hash="scrypt$" + "0" * 32 + "$" + "0" * 64)
    window = KioskWindow(load_exhibit(args.story or default_exhibit_path()), config)
    loop = QEventLoop()

    def wait(signal=None, ms: int = 30_000) -> None:
        if signal is not None:
            signal.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        if signal is not None:
            signal.disconnect(loop.quit)

    def settle() -> None:
        seq = (window.map_view.last_state or {}).get("seq", 0)
        done: list[int] = []

        def applied(s: int) -> None:
            if s >= seq:
                done.append(1)
                loop.quit()

        window.map_view.state_applied.connect(applied)
        if not done:
            QTimer.singleShot(20_000, loop.quit)
            loop.exec()
        window.map_view.when_settled(loop.quit)
        loop.exec()

    window.show_on_screen()
    if not window.map_view.is_ready:
        wait(window.map_view.ready)
    args.out.mkdir(parents=True, exist_ok=True)
    written = []

    def shot(name: str) -> None:
        path = args.out / name
        window.grab().save(str(path))
        written.append(path)

    modes = window.modes.machine
    window.model.go_to_event(args.event)
    settle()
    shot("kiosk-normal.png")
    modes.activity()  # a visitor, then the idle time runs out
    modes.idle_now()
    shot("kiosk-still-there.png")
    modes.press()  # a touch keeps the place
    modes.release()
    window.start_attract()
    settle()
    shot("kiosk-attract.png")
    modes.press()  # a touch hands control back
    modes.release()
    window.open_pin_pad("screenshot")
    window.pin_pad.press("1")
    window.pin_pad.press("2")
    shot("kiosk-pin-pad.png")
    for path in written:
        print(path)
    window.allow_close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
