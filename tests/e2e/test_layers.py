"""The layer contracts of pyproject.toml ([tool.importlinter]) hold, and the engine's one really bites.

``.ci/run`` runs every contract; these tests keep the engine's and the kiosk modes' in the suite, and prove on a
copy of the package that a Qt import into the engine, direct or through another module, breaks the contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
# installed by the test extra, beside this Python
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(desktop: Path, config: Path, *contracts: str) -> subprocess.CompletedProcess:
    """lint-imports on the package under *desktop* (not an installed or editable copy found elsewhere)."""
    args = [str(LINT_IMPORTS), str(config), "--no-cache", "--no-logo"]
    for contract in contracts:
        args += ["--contract", contract]
    env = {**os.environ, "PYTHONPATH": str(desktop), "PYTHONNOUSERSITE": "1"}
    return subprocess.run(args, cwd=desktop.parent, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("contract", ["engine", "kiosk-modes"])
def test_the_contract_holds_on_the_tree(contract):
    result = _lint_imports(REPO / "desktop", REPO / "pyproject.toml", contract)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """desktop/chronomap copied apart, to be spoilt; returns the copy's desktop folder."""
    desktop = tmp_path / "desktop"
    shutil.copytree(REPO / "desktop" / "chronomap", desktop / "chronomap",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return desktop


@pytest.mark.parametrize(("module", "imports", "names"), [
    # direct: an engine module imports Qt itself
    ("story/leak.py", "from PySide6.QtCore import QObject\n", "chronomap.story.leak -> PySide6"),
    # indirect: through a module outside the engine that imports Qt (allow_indirect_imports = false)
    ("map/leak.py", "from chronomap.i18n import qt_helper\n", "chronomap.i18n.qt_helper -> PySide6"),
    # the engine reaching up into the shared Qt package
    ("authoring/leak.py", "from chronomap.qt import theme\n", "chronomap.authoring.leak -> chronomap.qt"),
])
def test_a_qt_import_into_the_engine_breaks_its_contract(package_copy, module, imports, names):
    (package_copy / "chronomap" / "i18n" / "qt_helper.py").write_text("from PySide6.QtCore import QLocale\n", encoding="utf-8")
    (package_copy / "chronomap" / module).write_text(imports, encoding="utf-8")
    result = _lint_imports(package_copy, package_copy.parent / "pyproject.toml", "engine")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    assert names in result.stdout, result.stdout


def test_the_untouched_copy_keeps_the_contract(package_copy):
    """The copy itself is sound, so the failures above come from the planted imports alone."""
    result = _lint_imports(package_copy, package_copy.parent / "pyproject.toml", "engine")
    assert result.returncode == 0, result.stdout + result.stderr
