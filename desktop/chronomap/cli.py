"""One entry point: ``chronomap`` opens the explorer; sub-commands do the rest.

Every failure a person can cause (a bad path, a bad date, a broken exhibit)
ends in one clear message and exit status 2, never a traceback: :func:`main`
hands whatever reaches it to :func:`chronomap.errors.report`, the one mapping
from exceptions to lines and exit statuses (README, "Exit statuses").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronomap import __version__
from chronomap.errors import EXIT_INCOMPLETE, EXIT_OK, report
from chronomap.i18n import LANGUAGES
from chronomap.resources import default_exhibit_path

if TYPE_CHECKING:
    from chronomap.story.model import Exhibit

Command = Callable[[argparse.Namespace], int]


def _story_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--story", type=Path, default=None, metavar="PATH",
                        help="exhibit folder (default: the built-in Perestroika exhibit)")


def _lang_arg(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=f"language of {what}: kk, ru or en (default: the exhibit's own); "
                             "untranslated text stays in the exhibit's language")


def _lang_for(exhibit: Exhibit, asked: str | None) -> str:
    if asked:
        return asked
    return exhibit.language if exhibit.language in LANGUAGES else "en"


def _explorer_parser() -> argparse.ArgumentParser:
    """The command line without its commands: the options that open the explorer (or the kiosk)."""
    parser = argparse.ArgumentParser(prog="chronomap", description="Map-and-timeline explorer for museum exhibits.")
    parser.add_argument("--version", action="version", version=f"chronomap {__version__}")
    _story_arg(parser)
    parser.add_argument("--at", metavar="DATE", help="open the explorer at a date (1986-12-17, 1989-07, 1991)")
    parser.add_argument("--event", metavar="ID", help="open the explorer at an event")
    parser.add_argument("--kiosk", action="store_true", help="museum kiosk mode: fullscreen, touch, unattended")
    parser.add_argument("--config", type=Path, metavar="FILE", help="kiosk settings (TOML)")
    parser.add_argument("--idle-seconds", type=int, metavar="N", help="kiosk: seconds without input before the attract loop")
    return parser


def _plain_start() -> argparse.Namespace:
    """What ``chronomap`` with no arguments means: the explorer with every option's default. Why: the
    whole parser imports the export's and the editor's options and builds a dozen commands, ~10 ms of
    every start, for a command line with nothing to parse (the defaults are the same parser's)."""
    args = _explorer_parser().parse_args([])
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = _explorer_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check", help="validate an exhibit folder and list every problem",
        description="Validate an exhibit folder the way the explorer, the kiosk and the export load it: every "
                    "problem on one line (file, field, what was found, what was expected), then exit 2; "
                    "'ok' and exit 0 when it will run. Media without a credit or licence, and places not "
                    "placed yet (which the map leaves out), are warned about.")
    check.add_argument("path", type=Path, nargs="?", default=None, help="exhibit folder")

    events = sub.add_parser("events", help="list the timeline's events in order")
    events.add_argument("--json", action="store_true", help="print one JSON array")
    _lang_arg(events, "titles, summaries, roles, place names and dates")
    _story_arg(events)

    passages = sub.add_parser("passages", help="list the article's paragraph and sentence ids")
    _lang_arg(passages, "the translated article, with the main article's ids")
    _story_arg(passages)

    geocode = sub.add_parser("geocode", help="fill missing gazetteer entries through geopy (needs a network)")
    _story_arg(geocode)
    geocode.add_argument("--dry-run", action="store_true", help="only list what is missing")

    from chronomap.export.cli import add_parser as add_export_parser

    add_export_parser(sub)
    from chronomap.cli_edit import add_parser as add_edit_parser

    add_edit_parser(sub)

    stats = sub.add_parser("stats", help="summarise kiosk visitor statistics as CSV")
    stats.add_argument("file", type=Path, help="the statistics file the kiosk writes")
    sub.add_parser("kiosk-pin", help="hash a staff PIN for the kiosk config (asks for it twice)", add_help=False)
    for name, text in (("draft", "draft an exhibit from an article"),
                       ("import", "import a TimelineJS or Linked Places file as an exhibit"),
                       ("export-data", "export the timeline as TimelineJS or the places as Linked Places")):
        sub.add_parser(name, help=text, add_help=False)
    return parser


def _load(story: Path | None) -> Exhibit:
    from chronomap.story.loader import load_exhibit

    return load_exhibit(story or default_exhibit_path())


def cmd_check(args: argparse.Namespace) -> int:
    """Load once: the problems are the loader's refusal (exit 2), the summary is the loaded exhibit."""
    from chronomap.story.model import ExhibitError

    path = args.path or args.story or default_exhibit_path()
    try:
        exhibit = _load(path)
    except ExhibitError as exc:
        count = len(exc.problems)
        exc.summary = f"{path}: {count} problem{'s' if count != 1 else ''}"
        raise
    languages = sorted({*exhibit.meta.translations, *(lang for e in exhibit.events for lang in e.translations)})
    also = f"; texts also in {', '.join(languages)}" if languages else ""
    articles = exhibit.languages_with_article()
    unplaced = f" (and {len(exhibit.unplaced)} not placed yet, left off the map)" if exhibit.unplaced else ""
    print(f"{path}: ok — {len(exhibit.events)} events, {len(exhibit.places)} places{unplaced}, "
          f"{len(exhibit.article.paragraphs())} paragraphs{also}; article in {', '.join(articles)}")
    for lang, notes in exhibit.article_notes.items():
        for note in notes:
            print(f"note: {lang} article: {note}")
    from chronomap.story.media import media_warnings

    for warning in [*exhibit.unplaced.values(), *media_warnings(exhibit)]:  # work left for the museum; not a refusal
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def event_records(exhibit: Exhibit, lang: str = "en") -> list[dict[str, Any]]:
    """The public JSON shape of the timeline (other tools and tests rely on it); texts in *lang* where translated."""
    records = []
    for event in exhibit.events:
        records.append({
            "id": event.id,
            "date": event.span.edtf,
            "start": event.span.start_iso,
            "end": event.span.end_iso,
            "title": event.title_in(lang),
            "summary": event.summary_in(lang),
            "places": [
                {"id": p.place.id, "name": p.place.label_at(event.span.start, lang), "lat": p.place.lat,
                 "lon": p.place.lon, "role": event.role_in(p.place.id, lang)}
                for p in event.places
            ],
        })
    return records


def cmd_events(args: argparse.Namespace) -> int:
    exhibit = _load(args.story)
    lang = _lang_for(exhibit, args.lang)
    if args.json:
        print(json.dumps(event_records(exhibit, lang), ensure_ascii=False, indent=2))
        return 0
    for event in exhibit.events:
        places = ", ".join(p.place.label_at(event.span.start, lang) for p in event.places)
        print(f"{event.span.label(lang):<24}  {event.title_in(lang)}  [{places}]")
    return 0


def cmd_passages(args: argparse.Namespace) -> int:
    exhibit = _load(args.story)
    lang = _lang_for(exhibit, args.lang)
    article, shown = exhibit.article_in(lang)
    if shown != lang:
        print(f"no article in {lang!r}; the {shown!r} article is listed", file=sys.stderr)
    for note in exhibit.article_notes.get(shown, ()):
        print(f"note: {note}", file=sys.stderr)
    for paragraph in article.paragraphs():
        flag = "  (announces a quotation the article does not carry)" if paragraph.announces_missing_quote else ""
        print(f"{paragraph.id}{flag}")
        for sentence in paragraph.sentences:
            excerpt = sentence.text if len(sentence.text) < 70 else sentence.text[:69] + "…"
            print(f"  {sentence.id}  {excerpt}")
    return 0


def cmd_geocode(args: argparse.Namespace) -> int:
    from chronomap.story.gazetteer import GeocodingUnavailable, fill_missing, nominatim_geocoder
    from chronomap.story.loader import missing_gazetteer_keys

    folder = args.story or default_exhibit_path()
    gazetteer, keys = missing_gazetteer_keys(folder)
    if not keys:
        print(f"{gazetteer.path}: every place has coordinates; nothing to look up")
        return 0
    print(f"missing in {gazetteer.path}: {', '.join(keys)}")
    if args.dry_run:
        return 0
    try:
        results = fill_missing(gazetteer, keys, nominatim_geocoder())
    except GeocodingUnavailable as exc:
        print(f"error: {exc}. No network? The cache was left unchanged; run again when online.", file=sys.stderr)
        return EXIT_INCOMPLETE
    gazetteer.save()
    failed = 0
    for result in results:
        if result.entry:
            print(f"  {result.key}: {result.entry.lat}, {result.entry.lon}  ({result.entry.display_name})")
        else:
            failed += 1
            print(f"  {result.key}: not found ({result.error})", file=sys.stderr)
    print(f"wrote {gazetteer.path}")
    return EXIT_INCOMPLETE if failed else EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from chronomap.cli_edit import cmd_edit as run

    return run(args)


def cmd_export(args: argparse.Namespace) -> int:
    from chronomap.export.cli import run

    return run(args)


def cmd_explore(args: argparse.Namespace) -> int:
    if args.kiosk:
        from chronomap.kiosk.app import run_kiosk

        return run_kiosk(args.story, args.config, args.idle_seconds)
    from chronomap.desk.app import run_explorer

    return run_explorer(story=args.story, at=args.at, event=args.event)


def cmd_stats(args: argparse.Namespace) -> int:
    from chronomap.kiosk.stats import stats_main

    return stats_main(args.file, sys.stdout)


def cmd_kiosk_pin(args: argparse.Namespace) -> int:
    from chronomap.kiosk.pin import pin_main

    return pin_main(list(args.rest))


def _passthrough(module: str, function: str) -> Command:
    def command(args: argparse.Namespace) -> int:
        import importlib

        run: Callable[[list[str]], int] = getattr(importlib.import_module(module), function)
        return run(list(args.rest))

    return command


COMMANDS: dict[str | None, Command] = {
    "check": cmd_check,
    "events": cmd_events,
    "passages": cmd_passages,
    "geocode": cmd_geocode,
    "export": cmd_export,
    "edit": cmd_edit,
    "stats": cmd_stats,
    "kiosk-pin": cmd_kiosk_pin,
    "draft": _passthrough("chronomap.authoring.cli", "draft_main"),
    "import": _passthrough("chronomap.authoring.cli", "import_main"),
    "export-data": _passthrough("chronomap.authoring.cli", "export_data_main"),
    None: cmd_explore,
}
PASSTHROUGH = ("draft", "import", "export-data", "kiosk-pin")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every exception that reaches here is one line and :func:`~chronomap.errors.exit_status_for`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            if argv and argv[0] in PASSTHROUGH:  # these parse their own arguments
                args = argparse.Namespace(command=argv[0], rest=argv[1:])
            elif not argv:
                args = _plain_start()
            else:
                args = build_parser().parse_args(argv)
            return COMMANDS[args.command](args)
        finally:  # here, not at exit: a reader gone (`| head`) meets report(), not Python's shutdown
            if sys.stdout is not None:  # None when started with no console at all
                sys.stdout.flush()
    except (Exception, KeyboardInterrupt) as exc:  # SystemExit (argparse's own usage line, exit 2) passes
        return report(exc)
