"""``chronomap edit [PATH]``: the desk app opened in edit mode on an exhibit folder.

Kept beside ``cli.py`` so the command line gains the sub-command with a few
lines there: :func:`add_parser` on its sub-parsers and :func:`cmd_edit` in its
table. An exhibit that does not load reaches the command line's handler (its
problems listed, exit 1), as for the explorer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chronomap.resources import default_exhibit_path


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``edit`` sub-command on *sub* (the result of ``add_subparsers``)."""
    edit: argparse.ArgumentParser = sub.add_parser(
        "edit", help="open the exhibit editor (the explorer in edit mode) on an exhibit folder")
    edit.add_argument("path", type=Path, nargs="?", default=None,
                      help="exhibit folder (default: the built-in Perestroika exhibit); a new or empty one "
                           "opens File → New exhibit… to make an exhibit there")
    return edit


def is_new_folder(path: Path) -> bool:
    """A folder that does not exist yet, or an empty one: the place for a new exhibit."""
    return not path.exists() or path.is_dir() and not any(path.iterdir())


def cmd_edit(args: argparse.Namespace) -> int:
    from chronomap.desk.app import install_excepthook
    from chronomap.qt.webengine import configure_webengine
    from chronomap.story.loader import load_exhibit

    given = args.path or getattr(args, "story", None)
    path = Path(given).absolute() if given is not None else None
    new = path is not None and is_new_folder(path)
    exhibit = load_exhibit(default_exhibit_path() if new or path is None else path)
    configure_webengine()
    from PySide6.QtWidgets import QApplication

    from chronomap.desk.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Chronomap")
    app.setOrganizationName("Chronomap")
    install_excepthook()
    window = MainWindow(exhibit)
    window.show()
    if new:  # the built-in exhibit behind the dialog until the new one is written
        window.new_exhibit_dialog(path)
    else:
        window.edit_exhibit()
    return app.exec()
