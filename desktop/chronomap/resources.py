"""Where the shipped assets and exhibits live: the packages ``chronomap.assets`` and ``chronomap.data``.

The repository keeps them in its top-level ``assets/`` and ``data/`` folders, where curators and
the base-map build find them; ``pyproject.toml`` maps the two packages onto those folders, so a
wheel carries them inside ``chronomap/`` and an editable install finds them where they are. They
are read through :mod:`importlib.resources`.

Code run straight from a source tree (``PYTHONPATH=desktop``) is not installed: there the two
folders beside it are the resources, even when another checkout's editable install would answer
the import.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
# desktop/chronomap/ -> the repository, when this code runs from a source tree
_SOURCE_TREE = _PACKAGE_DIR.parent.parent if _PACKAGE_DIR.parent.name == "desktop" else None


def _folder(package: str) -> Path:
    """The folder of ``chronomap.<package>`` on the file system (Qt WebEngine loads the page and base map from files)."""
    if _SOURCE_TREE is not None and (_SOURCE_TREE / package / "__init__.py").is_file():
        return _SOURCE_TREE / package
    root = files(f"chronomap.{package}")
    if not isinstance(root, Path):
        raise RuntimeError(f"chronomap.{package} is not on the file system ({root!r}); install chronomap unzipped")
    return root


def asset_path(*parts: str) -> Path:
    """Path of a file under ``assets/``."""
    return _folder("assets").joinpath(*parts)


def data_path(*parts: str) -> Path:
    """Path of a file under ``data/`` (exhibits and the gazetteer cache)."""
    return _folder("data").joinpath(*parts)


DEFAULT_EXHIBIT = "perestroika-kazakhstan"


def default_exhibit_path() -> Path:
    """The built-in exhibit opened when no other is named."""
    return data_path(DEFAULT_EXHIBIT)
