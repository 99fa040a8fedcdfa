"""The wheel as a user gets it: built from a clean copy of the tree, installed apart from the checkout, run from elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "desktop" / "chronomap"
# what a build of the tree needs; the rest of the checkout (tests, .git, virtual environments) stays behind
SOURCES = ("pyproject.toml", "README.md", "desktop", "assets", "data")
# build leftovers of the developer's checkout stay behind too, so the wheel is built from the tree alone
LEFTOVERS = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "node_modules", "build", "dist")
# what pyproject.toml keeps out of the wheel: the base map's npm build and byte code
NOT_SHIPPED = ("node_modules", "__pycache__")
NOT_SHIPPED_NAMES = ("build.mjs", "eslint.config.mjs", "package.json", "package-lock.json")


@dataclass
class Installed:
    wheel: Path
    source: Path
    site: Path
    elsewhere: Path

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        """``python -m chronomap ARGS`` with only the installed copy on the path, from a folder outside the repository."""
        env = {**os.environ, "PYTHONPATH": str(self.site), "PYTHONNOUSERSITE": "1", "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run([sys.executable, *args], cwd=self.elsewhere, env=env, capture_output=True, text=True,
                              timeout=timeout)


def _pip(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=LEFTOVERS)
        else:
            shutil.copy2(REPO / name, source / name)
    # a developer who ran the base-map build has these; none of it may reach the wheel
    for junk in ("assets/basemap/node_modules/world-atlas/package.json", "assets/basemap/node_modules/.bin/topo2geo",
                 "assets/map/__pycache__/stray.cpython-311.pyc"):
        (source / junk).parent.mkdir(parents=True, exist_ok=True)
        (source / junk).write_text("not shipped\n", encoding="utf-8")

    # With build isolation, as 'pip install PATH' and 'python -m build' do, so the [build-system] requirements are
    # what builds it (a fresh venv has setuptools 65 and no 'wheel'); pip's cache makes it a second or two.
    _pip("wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(source))
    (wheel,) = (root / "dist").glob("chronomap-*.whl")
    _pip("install", "--no-deps", "-q", "--target", str(root / "site"), str(wheel))
    (root / "elsewhere").mkdir()
    return Installed(wheel, source, root / "site", root / "elsewhere")


def _shipped_from(folder: Path, prefix: str) -> set[str]:
    """The files of a source folder that the wheel must carry under ``prefix``."""
    return {f"{prefix}/{path.relative_to(folder).as_posix()}" for path in folder.rglob("*")
            if path.is_file() and path.name not in NOT_SHIPPED_NAMES
            and not any(part in NOT_SHIPPED for part in path.relative_to(folder).parts)}


def test_the_wheel_carries_the_exhibit_the_base_map_and_the_page_script_but_not_the_map_build(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for name in ("chronomap/data/perestroika-kazakhstan/story.json", "chronomap/data/perestroika-kazakhstan/exhibit.json",
                 "chronomap/data/perestroika-kazakhstan/article.txt", "chronomap/data/gazetteer.json",
                 "chronomap/assets/basemap/countries.geojson", "chronomap/assets/basemap/borders.geojson",
                 "chronomap/assets/basemap/water.geojson", "chronomap/assets/map/js/main.js",
                 "chronomap/assets/map/chronomap.css", "chronomap/assets/kiosk/kiosk.example.toml",
                 "chronomap/i18n/chronomap_kk.qm"):
        assert name in names, name
    assert not [n for n in names if "node_modules" in n or "__pycache__" in n or n.endswith(".pyc")
                or n.rsplit("/", 1)[-1] in NOT_SHIPPED_NAMES or "_bundled" in n]
    # every file of assets/ and data/ (less the npm build) ships, and nothing else lands under those packages
    for folder in ("assets", "data"):
        prefix = f"chronomap/{folder}"
        assert {n for n in names if n.startswith(prefix + "/")} == _shipped_from(installed.source / folder, prefix)


def test_every_module_of_the_package_is_in_the_wheel(installed):
    """pyproject.toml lists the packages by hand (find cannot see the mapped folders): a new one must be added there."""
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    modules = {f"chronomap/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.rglob("*")
               if p.suffix in (".py", ".qm") and "__pycache__" not in p.parts}
    missing = sorted(modules - names)
    assert not missing, f"not in the wheel (add the package to [tool.setuptools] packages in pyproject.toml): {missing}"


def test_the_installed_copy_reads_its_own_resources(installed):
    code = ("import json, chronomap, chronomap.resources as r; print(json.dumps([chronomap.__file__, str(r.asset_path('map')),"
            " str(r.asset_path('basemap', 'countries.geojson')), str(r.default_exhibit_path())]))")
    result = installed.run("-c", code)
    assert result.returncode == 0, result.stderr
    package, page, base_map, exhibit = (Path(p) for p in json.loads(result.stdout))
    site = installed.site.resolve()
    assert package.resolve() == site / "chronomap" / "__init__.py"
    assert page.resolve() == site / "chronomap" / "assets" / "map" and (page / "js" / "main.js").is_file()
    assert base_map.resolve() == site / "chronomap" / "assets" / "basemap" / "countries.geojson" and base_map.is_file()
    assert exhibit.resolve() == site / "chronomap" / "data" / "perestroika-kazakhstan" and (exhibit / "story.json").is_file()


def test_check_accepts_the_built_in_exhibit_from_the_wheel(installed):
    result = installed.run("-m", "chronomap", "check")
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_a_png_export_from_the_wheel(installed):
    from PIL import Image

    out = installed.elsewhere / "a.png"
    result = installed.run("-m", "chronomap", "export", "--at", "1986-12-17", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with Image.open(out) as image:
        assert image.format == "PNG" and image.size == (1920, 1080)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # a map with land, water, borders and labels, not one flat colour
