"""Bundle the top-level assets/ and data/ folders into the wheel as chronomap/_bundled/.

They live at the repository's top level (where curators and the map build find
them); an installed wheel has no repository, so the build copies them in and
``chronomap.resources`` looks there first.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
IGNORE = shutil.ignore_patterns("node_modules", "__pycache__", "*.pyc", "package*.json", "build.mjs")


class BuildWithBundledData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "chronomap" / "_bundled"
        for name in ("assets", "data"):
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(ROOT / name, target / name, ignore=IGNORE)


setup(cmdclass={"build_py": BuildWithBundledData})
