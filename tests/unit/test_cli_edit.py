"""``chronomap edit``: its arguments, and a broken exhibit refused before any window opens."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from chronomap.cli_edit import add_parser, cmd_edit
from chronomap.story.model import ExhibitError


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="chronomap")
    add_parser(top.add_subparsers(dest="command"))
    return top


def test_edit_takes_an_optional_folder():
    assert parser().parse_args(["edit"]).path is None
    assert parser().parse_args(["edit", "data/x"]).path == Path("data/x")


def test_a_broken_exhibit_is_refused_before_qt_starts(exhibit_copy):
    (exhibit_copy.folder / "story.json").write_text("{", encoding="utf-8")
    with pytest.raises(ExhibitError) as caught:
        cmd_edit(parser().parse_args(["edit", str(exhibit_copy.folder)]))
    assert "story.json" in str(caught.value)
