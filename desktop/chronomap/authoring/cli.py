"""Command-line entry points: ``chronomap draft``, ``chronomap import`` and ``chronomap export-data``.

Each ``*_main`` has its own argparse so the main ``chronomap`` command can pass
its arguments straight through; ``python -m chronomap.authoring.cli draft …``
runs them on their own.  A mistake in the input ends in one clear message per
problem on stderr and exit status 2, never a traceback (:func:`chronomap.errors.report`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from chronomap.errors import EXIT_REFUSED, report


def _run(parser: argparse.ArgumentParser, argv: Sequence[str] | None, action: Callable[[argparse.Namespace], int]) -> int:
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, or a usage error argparse has already printed
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_REFUSED
    try:
        return action(args)
    except (Exception, KeyboardInterrupt) as exc:  # every refusal, Ctrl-C and any bug: one line, one status
        return report(exc)


def draft_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronomap draft",
        description="Draft an exhibit folder from a plain or wiki-style article: one event per dated statement, "
                    "places from the offline gazetteer. Prints what it found and what needs checking.")
    parser.add_argument("article", type=Path, help="the article (UTF-8 text; '= Title =' and '==Section==' headings optional)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the exhibit folder to create")
    parser.add_argument("--title", help="the exhibit's title (default: the article's '= Title =' line)")
    parser.add_argument("--force", action="store_true", help="replace DIR if it is not empty")
    parser.add_argument("--gazetteer", type=Path, metavar="FILE", help="an extra gazetteer cache file (chronomap.gazetteer/1)")
    parser.add_argument("--dated-only", action="store_true",
                        help="draft events only from dated statements (no events for undated paragraphs)")
    return parser


def draft_main(argv: list[str]) -> int:
    """``chronomap draft ARTICLE --out DIR [--title T] [--force]``."""
    def action(args: argparse.Namespace) -> int:
        from chronomap.authoring.draft import draft_exhibit

        found = draft_exhibit(args.article, args.out, args.title, force=args.force, gazetteer=args.gazetteer,
                              bracket_undated=not args.dated_only)
        print(found)
        return 0

    return _run(draft_parser(), argv, action)


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronomap import",
        description="Make an exhibit folder from a TimelineJS3 JSON file or a Linked Places Format (LPF) file; "
                    "the format is detected. Lists what the file holds that Chronomap cannot keep.")
    parser.add_argument("file", type=Path, help="a TimelineJS3 JSON file or an LPF GeoJSON file")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="DIR", help="the exhibit folder to create")
    target.add_argument("--into", type=Path, metavar="EXHIBIT", help="LPF only: add or replace these places in an exhibit")
    parser.add_argument("--force", action="store_true", help="replace DIR if it is not empty")
    parser.add_argument("--place", metavar="NAME", help="TimelineJS only: the place for slides that name none")
    parser.add_argument("--fetch-media", action="store_true",
                        help="TimelineJS only: download each slide's media URL once, now, with a progress bar, and "
                             "record the URL as its source (without it a URL is listed as not carried; a file beside "
                             "the timeline is always copied in). The only network use; the app never fetches")
    return parser


def import_main(argv: list[str]) -> int:
    """``chronomap import FILE --out DIR`` (or ``--into EXHIBIT`` for LPF places)."""
    def action(args: argparse.Namespace) -> int:
        from chronomap.authoring.interchange import import_file

        if args.fetch_media and args.into is not None:
            from chronomap.authoring.errors import EXIT_USAGE, fail

            raise fail("--fetch-media", "is for TimelineJS slides' media; --into adds LPF places, which have none",
                       exit_code=EXIT_USAGE)
        print(import_file(args.file, args.out, force=args.force, place=args.place, into=args.into,
                          fetch_media=args.fetch_media))
        return 0

    return _run(import_parser(), argv, action)


def export_data_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronomap export-data",
        description="Write an exhibit's events as TimelineJS3 JSON or its places as Linked Places Format, "
                    "and list what the format cannot carry.")
    parser.add_argument("--format", required=True, choices=("timelinejs", "lpf"), help="the format to write")
    parser.add_argument("--story", type=Path, default=None, metavar="PATH",
                        help="exhibit folder (default: the built-in Perestroika exhibit)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    return parser


def export_data_main(argv: list[str]) -> int:
    """``chronomap export-data --format timelinejs|lpf [--story PATH] --out FILE``."""
    def action(args: argparse.Namespace) -> int:
        from chronomap.authoring.interchange import export_data
        from chronomap.resources import default_exhibit_path

        print(export_data(args.story or default_exhibit_path(), args.format, args.out))
        return 0

    return _run(export_data_parser(), argv, action)


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "draft": draft_main,
    "import": import_main,
    "export-data": export_data_main,
}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m chronomap.authoring.cli COMMAND …`` until the main command wires these in."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        print(f"usage: python -m chronomap.authoring.cli {{{','.join(COMMANDS)}}} …", file=sys.stderr)
        return 0 if args[:1] in (["-h"], ["--help"]) else EXIT_REFUSED
    return COMMANDS[args[0]](args[1:])


if __name__ == "__main__":
    sys.exit(main())
