"""``chronomap`` with no arguments starts the explorer without building the whole command line (issue 16.4):
the same options and defaults as the full parser gives, and neither the export's nor the editor's modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from chronomap import cli


def test_no_arguments_mean_what_the_full_parser_says():
    assert vars(cli._plain_start()) == vars(cli.build_parser().parse_args([]))


def test_no_arguments_build_no_command_parsers():
    code = ("import sys\n"
            "import chronomap.cli as cli\n"
            "cli.COMMANDS[None] = lambda args: print(sorted(m for m in ('chronomap.export.cli', 'chronomap.cli_edit') "
            "if m in sys.modules)) or 0\n"
            "cli.main([])\n")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root / "desktop"), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, timeout=120,
                         check=True).stdout.strip()
    assert out == "[]"
