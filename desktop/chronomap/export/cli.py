"""``chronomap export``: snapshots, batches and animations from the command line.

Runs with no display (the offscreen platform), no network and as root.
Everything a user can get wrong is checked before the page is even loaded;
every file is written atomically (:mod:`chronomap.atomic`), and Ctrl-C stops
the rendering within a second, leaving no partial file (exit 130, one line).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronomap.errors import EXIT_INTERRUPTED
from chronomap.export.options import (
    ANIMATION_FORMATS,
    IMAGE_FORMATS,
    PRESETS,
    ExportError,
    SnapshotOptions,
    check_output_file,
    check_writable_folder,
    default_scale,
    output_format,
    parse_size,
)
from chronomap.i18n import LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from chronomap.export.snapshotter import Snapshotter
    from chronomap.story.timeline import Timeline


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``export`` sub-command on *sub* (the main parser's sub-parsers)."""
    parser = sub.add_parser("export", help="export map snapshots (PNG, PDF), a batch of every event, or an animation",
                            description="Export map snapshots exactly as the explorer shows them.")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--at", metavar="DATE", help="an ISO day, month or year: 1986-12-17, 1989-07, 1991")
    what.add_argument("--event", metavar="ID", help="one event, by id (see 'chronomap events')")
    what.add_argument("--all-events", action="store_true", help="one image per event, in timeline order, into --out-dir")
    what.add_argument("--animate", action="store_true", help="the whole story as a GIF or MP4 (--out FILE.gif|FILE.mp4)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="the file to write; its extension picks the format")
    parser.add_argument("--out-dir", type=Path, metavar="DIR", help="the folder for --all-events")
    parser.add_argument("--format", choices=["png", "pdf"], default="png", help="image format for --all-events")
    parser.add_argument("--size", metavar="WxH", help="picture size in pixels (default 1920x1080; 1280x720 for --animate)")
    parser.add_argument("--scale", type=float, metavar="N", help="device pixels per layout pixel (default from the size)")
    parser.add_argument("--paper", choices=[p.key for p in PRESETS if p.dpi], metavar="SHEET",
                        help="a printed sheet instead of --size: a4 or a3 landscape at 300 dpi (the PDF is that paper)")
    parser.add_argument("--dpi", type=float, metavar="N",
                        help="the print resolution the PNG is tagged with and the PDF page is sized by (default 96 x scale)")
    parser.add_argument("--fps", type=int, default=10, metavar="N", help="frames per second for --animate (default 10)")
    parser.add_argument("--story", type=Path, metavar="PATH", help="exhibit folder (default: the built-in exhibit)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en",
                        help="language of the labels, legend and caption: kk, ru or en (default en)")
    parser.add_argument("--high-contrast", action="store_true", help="the high-contrast map style")
    parser.add_argument("--large-type", action="store_true", help="labels, legend and caption 1.3 times larger")
    parser.add_argument("--no-caption", action="store_true", help="leave out the caption (title, date, event)")
    parser.add_argument("--no-legend", action="store_true", help="leave out the legend")
    parser.add_argument("--no-scale-bar", action="store_true", help="leave out the scale bar")
    parser.add_argument("--with-media", action="store_true",
                        help="lay the map beside the event's first picture, its caption and its credit (the credit is "
                             "never left off; the picture keeps the requested size); an event without a picture is "
                             "exported as the plain map. PNG, PDF and --all-events; not --animate")
    return parser


def _options(args: argparse.Namespace, default_size: str) -> SnapshotOptions:
    paper = next((p for p in PRESETS if p.key == getattr(args, "paper", None)), None)
    if paper is not None and (args.size or args.scale is not None):
        raise ExportError(f"--paper {paper.key} sets the size and scale; leave out --size and --scale")
    if paper is not None:
        width, height, scale = paper.width, paper.height, paper.scale
    else:
        width, height = parse_size(args.size or default_size)
        scale = args.scale if args.scale is not None else default_scale(width, height)
    dpi = getattr(args, "dpi", None)
    return SnapshotOptions(width, height, scale, caption=not args.no_caption, legend=not args.no_legend,
                           scale_bar=not args.no_scale_bar, media=getattr(args, "with_media", False),
                           dpi=dpi if dpi is not None else (paper.dpi if paper is not None else None)).validate()


def _plan(args: argparse.Namespace) -> tuple[str, SnapshotOptions, Path, str]:
    """Check everything that can be checked without Qt; returns (mode, options, target, fmt)."""
    if args.animate and getattr(args, "with_media", False):
        raise ExportError("--with-media lays a picture beside one moment's map; an animation has none: leave out "
                          "--with-media, or export stills with --all-events --with-media")
    if args.all_events:
        if args.out_dir is None:
            raise ExportError("--all-events writes one file per event: give --out-dir DIR")
        check_writable_folder(args.out_dir)
        return "batch", _options(args, "1920x1080"), args.out_dir, args.format
    if args.out is None:
        raise ExportError("give --out FILE (its extension picks the format)")
    check_output_file(args.out)
    if args.animate:
        fmt = output_format(args.out, ANIMATION_FORMATS)
        options = _options(args, "1280x720")
    else:
        fmt = output_format(args.out, IMAGE_FORMATS)
        options = _options(args, "1920x1080")
    return ("animate" if args.animate else "single"), options, args.out, fmt


def _progress(total: int, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="image", disable=not sys.stderr.isatty(), leave=False)


class Interruption:
    """Ctrl-C while Qt renders: noted, and every event loop told to stop, instead of a
    ``KeyboardInterrupt`` raised inside whatever Qt slot happened to run (which Qt prints
    and ignores). :class:`~chronomap.qt.interrupt.SignalWake` runs the handler at once."""

    def __init__(self) -> None:
        self.requested = False

    def stop(self, signum: int, frame: object) -> None:
        from PySide6.QtCore import QCoreApplication

        self.requested = True
        QCoreApplication.exit(EXIT_INTERRUPTED)  # quits the nested loops the snapshotter waits in, and any later one

    @contextmanager
    def installed(self, app: QCoreApplication) -> Iterator[Interruption]:
        from chronomap.qt.interrupt import SignalWake

        with SignalWake(app, self.stop):
            yield self


def run(args: argparse.Namespace) -> int:
    from chronomap.export import moments as m
    from chronomap.resources import default_exhibit_path
    from chronomap.story.loader import load_exhibit
    from chronomap.story.timeline import Timeline

    mode, options, target, fmt = _plan(args)
    exhibit = load_exhibit(args.story or default_exhibit_path())
    timeline = Timeline(exhibit)
    if mode == "single":
        moment = m.start_moment(timeline, args.at, args.event)
    elif mode == "animate":
        frames = m.animation_frames(timeline, args.fps)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from chronomap.native_log import default_log_path, route_native_stderr

    # Chromium's and Qt's own messages (no GPU, no D-Bus: harmless here) go to the log, not between the
    # user and the one line of result or refusal
    with route_native_stderr(default_log_path("export")):
        return _render(args, mode, options, target, fmt, exhibit, timeline,
                       moment if mode == "single" else None, frames if mode == "animate" else None)


def _render(args: argparse.Namespace, mode: str, options: SnapshotOptions, target: Path, fmt: str, exhibit: Any,
            timeline: Timeline, moment: Any, frames: Any) -> int:
    from chronomap.qt.webengine import configure_webengine

    configure_webengine()
    from PySide6.QtWidgets import QApplication

    from chronomap.export.snapshotter import Snapshotter
    from chronomap.qt.language import language_service

    app = QApplication.instance() or QApplication(sys.argv[:1])  # outlives the snapshotter
    language_service().set_language(args.lang)
    interruption = Interruption()
    with interruption.installed(app):
        try:
            snapshotter = Snapshotter(exhibit, options, vector=(fmt == "pdf"), timeline=timeline, lang=args.lang,
                                      appearance={"highContrast": args.high_contrast, "large": args.large_type})
            try:
                if mode == "single":
                    path = snapshotter.save_pdf(moment, target) if fmt == "pdf" else snapshotter.save_png(moment, target)
                    print(path)
                elif mode == "batch":
                    write_batch(snapshotter, timeline, target, fmt)
                else:
                    from chronomap.export.animation import write_animation

                    with _progress(len(frames), "frames") as bar:
                        write_animation(snapshotter, frames, target, fmt, args.fps, progress=bar.update)
                    print(target)
            finally:
                snapshotter.close()
        except Exception:
            if interruption.requested:  # whatever the stopped wait said ("did not settle"), it was Ctrl-C
                raise KeyboardInterrupt from None
            raise
        if interruption.requested:
            raise KeyboardInterrupt
    return 0


def write_batch(snapshotter: Snapshotter, timeline: Timeline, folder: Path, fmt: str) -> list[dict[str, str]]:
    """One picture per event, then ``index.json``; each file is whole or absent.

    A PNG is encoded and written on a worker thread while the page draws the next event (encoding
    a 1920x1080 PNG took ~0.1 s here, a third of an image's time); one file at most is in flight,
    and its path is printed once it is written.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    from chronomap.atomic import write_text_atomic
    from chronomap.export import moments as m
    from chronomap.export.snapshotter import save_image_atomic

    folder.mkdir(parents=True, exist_ok=True)
    events = timeline.events
    entries = []
    lang = snapshotter.lang
    in_flight: Future[Path] | None = None

    def finish() -> None:
        nonlocal in_flight
        if in_flight is not None:
            print(in_flight.result(), flush=True)  # a failed write is raised here, in the main thread
            in_flight = None
            bar.update()

    with _progress(len(events), "events") as bar, ThreadPoolExecutor(1, thread_name_prefix="chronomap-png") as pool:
        try:
            for index, event in enumerate(events, start=1):
                moment = timeline.moment_for_event(event.id)
                name = m.batch_file_name(index, len(events), event.id, f".{fmt}")
                path = folder / name
                if fmt == "pdf":
                    snapshotter.save_pdf(moment, path)
                    print(path, flush=True)
                    bar.update()
                else:
                    image = snapshotter.render(moment)
                    finish()
                    in_flight = pool.submit(save_image_atomic, image, path)
                entry = {"file": name, "event": event.id, "date": event.span.edtf, "label": event.span.label(lang),
                         "start": event.span.start_iso, "end": event.span.end_iso, "title": event.title_in(lang)}
                if snapshotter.last_layout is not None and (item := snapshotter.picture_for(moment)) is not None:
                    entry.update({"media": item.file, "credit": snapshotter.last_layout.credit})
                entries.append(entry)
            finish()
        finally:
            if in_flight is not None:
                in_flight.cancel()
    index_path = folder / "index.json"
    document = {"exhibit": timeline.exhibit.meta.id, "title": timeline.exhibit.title_in(lang),
                "language": lang, "images": entries}
    write_text_atomic(index_path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    print(index_path)
    return entries
