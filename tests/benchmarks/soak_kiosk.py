"""Kiosk soak: ``python tests/benchmarks/soak_kiosk.py`` (offscreen, a 1920×1080 screen).

Drives one kiosk window through a busy day, much faster: visitor after visitor
(``--session`` timeline changes each, through the window as the platform
delivers input: drags along the timeline, touches on Previous/Next, arrow keys,
passages; the page confirms the latest state every ``--confirm-every`` steps),
each leaving the kiosk idle → “Still there?” → reset → ``--cycles-per-session``
attract loops with very short holds → the next visitor's touch. In all at least
``--steps`` changes (default 10,000) and ``--cycles`` attract loops (default 100); about 3 % of
visitor steps also press one of the language buttons (``--language-taps``).

Measures the resident memory of the app and its WebEngine processes (every
descendant found in /proc) after a warm-up and at the end, each time in the
attract loop just after a reset, counts errors (log
records at ERROR or above, unconfirmed page states, JavaScript errors,
exceptions) and ends with one JSON line::

    {"steps": …, "cycles": …, "rss_start_mb": …, "rss_end_mb": …, "errors": …, …}

Target: growth below 50 MB and no errors, in under ten minutes on two cores.

``--media`` runs the same day on the media exhibit (tests/data/media/steppe-with-media: events with
pictures and a recording) with ``attract_audio = true``, so the loop plays the recording at every
turn; about a quarter of visitor steps also touch the media (``--media-taps``): a picture tapped
open, swiped in the viewer and closed, or a Listen button pressed. The JSON line then also carries
``"media": true``, how often each was done, and the decoded-picture cache's size.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path

STATE_TIMEOUT_S = 10.0
MEDIA_EXHIBIT = Path(__file__).resolve().parents[1] / "data" / "media" / "steppe-with-media"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: its helpers

from helpers.processes import process_tree_rss_mb  # noqa: E402

KIOSK_DEFAULT_RENEW = 1  # KioskConfig().renew_page_every, without importing pydantic before argparse




class ErrorCounter(logging.Handler):
    """Counts ERROR+ records, and the warnings that mean a state never reached the page."""

    LOST = ("did not confirm state", "did not settle", "did not paint", "did not answer")

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0
        self.samples: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR or any(text in message for text in self.LOST):
            self.count += 1
            if len(self.samples) < 10:
                self.samples.append(f"{record.name}: {message}"[:300])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=1000, help="visitor steps before the first measurement")
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--hold-ms", type=int, default=15, help="attract hold per event (ms)")
    parser.add_argument("--renew-every", type=int, default=KIOSK_DEFAULT_RENEW,
                        help="renew_page_every setting (resets; 0: never)")
    parser.add_argument("--session", type=int, default=200, help="timeline changes per visitor")
    parser.add_argument("--cycles-per-session", type=int, default=2, help="attract loops between visitors")
    parser.add_argument("--confirm-every", type=int, default=10,
                        help="wait for the page to confirm the latest state every N visitor steps")
    parser.add_argument("--seed", type=int, default=1986)
    parser.add_argument("--language-taps", type=float, default=0.03,
                        help="share of visitor steps that also press a language button")
    parser.add_argument("--media", action="store_true",
                        help="the media exhibit, attract_audio on, and visitors touching pictures and recordings")
    parser.add_argument("--media-taps", type=float, default=0.25,
                        help="with --media: share of visitor steps that also touch a picture or a Listen button")
    args = parser.parse_args(argv)

    screens = {"screens": [{"name": "Soak", "x": 0, "y": 0, "width": 1920, "height": 1080,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    scratch = Path(tempfile.mkdtemp(prefix="chronomap-soak-"))
    (scratch / "screens.json").write_text(json.dumps(screens), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={scratch / 'screens.json'}"

    counter = ErrorCounter()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    logging.getLogger().addHandler(counter)

    def excepthook(exc_type, exc, tb):
        logging.getLogger("soak").error("unhandled exception", exc_info=(exc_type, exc, tb))

    sys.excepthook = excepthook

    from chronomap.kiosk.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from chronomap.kiosk.config import KioskConfig
    from chronomap.kiosk.shell import KioskWindow
    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit
    from helpers.event_loop import wait_until

    app = QApplication(sys.argv[:1])
    rng = random.Random(args.seed)
    config = KioskConfig().model_copy(update=dict(
        hide_cursor=False, idle_seconds=3600, countdown_seconds=3600, attract_min_seconds=args.hold_ms / 1000,
        attract_chars_per_second=1e9, hang_check_seconds=5.0, hang_timeout_seconds=10.0,
        renew_page_every=args.renew_every, attract_audio=args.media))
    story = MEDIA_EXHIBIT if args.media else default_exhibit_path()
    kiosk = KioskWindow(load_exhibit(story), config)
    js_errors: list[str] = []
    kiosk.map_view.js_error.connect(js_errors.append)
    applied = {"seq": 0}
    kiosk.map_view.state_applied.connect(lambda seq: applied.__setitem__("seq", max(applied["seq"], seq)))
    kiosk.show_on_screen()
    if not wait_until(lambda: kiosk.map_view.is_ready, 60):
        print(json.dumps({"error": "the map page never became ready"}))
        return 1
    handle = kiosk.windowHandle()
    touch_device = QTest.createTouchDevice()

    def settled() -> bool:
        last = kiosk.map_view.last_state
        return last is None or applied["seq"] >= last["seq"]

    def wait_for_page() -> None:
        if not wait_until(settled, STATE_TIMEOUT_S):
            logging.getLogger("soak").error("state %s not confirmed in %.0f s", kiosk.map_view.last_state["seq"],
                                            STATE_TIMEOUT_S)
            applied["seq"] = kiosk.map_view.last_state["seq"]

    def at(widget, point=None) -> QPoint:
        return widget.mapTo(kiosk, point if point is not None else widget.rect().center())

    def tap(widget) -> None:
        pos = at(widget)
        QTest.touchEvent(handle, touch_device).press(0, pos)
        QTest.touchEvent(handle, touch_device).release(0, pos)

    slider = kiosk.slider
    track_y = round(slider._track().center().y())

    def drag_to(day: int) -> None:
        start = at(slider, QPoint(round(slider.x_for_day(slider.day)), track_y))
        end = at(slider, QPoint(round(slider.x_for_day(day)), track_y))
        QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(handle, end)
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)

    timeline = kiosk.timeline
    modes = kiosk.modes.machine

    language_buttons = list(kiosk.language_bar.buttons.values())
    media_done = {"enlarged": 0, "swiped": 0, "listened": 0}

    def swipe(widget, dx: int) -> None:
        start = at(widget)
        QTest.touchEvent(handle, touch_device).press(0, start)
        for i in range(1, 5):
            QTest.touchEvent(handle, touch_device).move(0, start + QPoint(dx * i // 4, 0))
        QTest.touchEvent(handle, touch_device).release(0, start + QPoint(dx, 0))

    def media_step() -> None:
        """A visitor touches the media: a picture opened, swiped and closed, or a Listen button."""
        strip = kiosk.card.media
        if strip.audio and (not strip.images or rng.random() < 0.4):
            tap(rng.choice(strip.audio).button)
            media_done["listened"] += 1
        elif strip.images:
            tap(strip.picture)
            if kiosk.viewer.isVisible():
                media_done["enlarged"] += 1
                swipe(kiosk.viewer.picture, -200)
                media_done["swiped"] += 1
                tap(kiosk.viewer.close_button)

    def visitor_step(i: int) -> None:
        roll = rng.random()
        if rng.random() < args.language_taps:  # a visitor tries another language (kk, ru, en)
            tap(rng.choice(language_buttons))
        if args.media and rng.random() < args.media_taps:
            media_step()
        if roll < 0.55:
            drag_to(rng.randint(timeline.start, timeline.end))
        elif roll < 0.75:
            tap(kiosk.next_button if kiosk.next_button.isEnabled() else kiosk.prev_button)
        elif roll < 0.9:
            QTest.keyClick(handle, Qt.Key.Key_Right if rng.random() < 0.5 else Qt.Key.Key_Left)
        else:
            kiosk.model.go_to_event(rng.choice(timeline.events).id)  # an article passage or a chip
        if i % args.confirm_every == 0:
            wait_for_page()

    def visitor_session(changes_wanted: int) -> int:
        """A visitor: changes until *changes_wanted* moments were shown; the idle time held off."""
        modes.idle_seconds = 600
        modes.activity()
        changes, step, last = 0, 0, kiosk.model.moment
        while changes < changes_wanted:
            visitor_step(step)
            step += 1
            if kiosk.model.moment != last:
                changes += 1
                last = kiosk.model.moment
        wait_for_page()
        return changes

    def leave_and_loop(loops: int) -> int:
        """The visitor leaves: idle → “Still there?” → reset → *loops* attract loops; then a touch."""
        modes.idle_seconds, modes.countdown_seconds = 0.04, 0.06
        modes.activity()  # the idle time counts from the visitor's last touch
        if not wait_until(lambda: kiosk.mode == "attract", 30):
            logging.getLogger("soak").error("the kiosk did not go back to the attract loop")
            return 0
        target = cycles["n"] + loops
        if not wait_until(lambda: cycles["n"] >= target, 120):
            logging.getLogger("soak").error("attract loop %d did not finish", target)
        return loops

    def touch_to_start() -> None:
        wait_until(lambda: kiosk.map_view.is_ready, 30)
        modes.idle_seconds = 600  # (the loop's very short idle time must not run out inside the touch itself)
        tap(kiosk.article)  # the next visitor: the touch only hands control back
        if kiosk.mode != "active":
            logging.getLogger("soak").error("a touch did not end the attract loop (mode %s)", kiosk.mode)

    recovered = {"n": 0}
    kiosk.map_view.recovered.connect(lambda: recovered.__setitem__("n", recovered["n"] + 1))

    def measure() -> float:
        """RSS at the same moment each time: a reset done (the page renewed, if the kiosk renews it),
        the start state confirmed and drawn, then a second's rest; the attract loop waits meanwhile."""
        looping = kiosk.mode == "attract"
        kiosk.modes.timer.stop()
        before = recovered["n"]
        kiosk.reset_to_start()
        if not kiosk.map_view.is_ready:  # renewed: wait for the fresh page to show the state again
            wait_until(lambda: recovered["n"] > before, 30)
        wait_for_page()
        drawn = []
        kiosk.map_view.when_settled(lambda: drawn.append(True))
        wait_until(lambda: bool(drawn), 15)
        wait_until(lambda: False, 1.0)
        rss = process_tree_rss_mb()
        if looping:
            modes.attract_step_done()  # hold what is on screen from now, then loop on
        return rss

    cycles = {"n": 0}
    kiosk.attract_cycle_finished.connect(lambda n: cycles.__setitem__("n", n))

    # warm up (a long visit, the loop, another visit), then measure at the same point each time:
    # in the attract loop, just after a reset
    rss_cold = process_tree_rss_mb()
    visitor_session(args.warmup)
    leave_and_loop(args.cycles_per_session)
    touch_to_start()
    visitor_session(args.session)
    leave_and_loop(1)
    rss_start = measure()
    samples = [round(rss_start, 1)]
    cycles_at_start = cycles["n"]
    started = time.monotonic()
    changes = 0
    sessions = 0
    while changes < args.steps or cycles["n"] - cycles_at_start < args.cycles:
        touch_to_start()
        changes += visitor_session(min(args.session, max(1, args.steps - changes)))
        leave_and_loop(args.cycles_per_session)
        sessions += 1
        if sessions % 5 == 0:
            samples.append(round(measure(), 1))
    elapsed = time.monotonic() - started
    kiosk.modes.timer.stop()
    rss_end = measure()
    samples.append(round(rss_end, 1))
    done_cycles = cycles["n"] - cycles_at_start

    errors = counter.count + len(js_errors)
    result = {
        "steps": changes,
        "cycles": done_cycles,
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "errors": errors,
        "growth_mb": round(rss_end - rss_start, 1),
        "rss_samples_mb": samples,
        "rss_cold_mb": round(rss_cold, 1),
        "warmup_steps": args.warmup,
        "seconds": round(elapsed, 1),
        "sessions": sessions,
        "resets": kiosk.resets,
        "page_restarts": kiosk.page_restarts,
        "renew_page_every": args.renew_every,
    }
    if args.media:
        from chronomap.qt.media_image import cache_bytes

        result.update(media=True, exhibit=MEDIA_EXHIBIT.name, attract_audio=True, **media_done,
                      image_cache_mb=round(cache_bytes() / 1e6, 1))
    if errors:
        result["error_samples"] = (counter.samples + js_errors)[:10]
    kiosk.allow_close()
    kiosk.close()
    del app
    print(json.dumps(result))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
