"""Where the shipped assets and exhibits live, in a checkout and in a wheel.

A wheel carries ``assets/`` and ``data/`` inside the package as ``_bundled/``
(see ``setup.py``); an editable install reads them from the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _root() -> Path:
    bundled = _PACKAGE_DIR / "_bundled"
    if (bundled / "assets").is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent


def asset_path(*parts: str) -> Path:
    """Path of a file under ``assets/``."""
    return _root().joinpath("assets", *parts)


def data_path(*parts: str) -> Path:
    """Path of a file under ``data/`` (exhibits and the gazetteer cache)."""
    return _root().joinpath("data", *parts)


DEFAULT_EXHIBIT = "perestroika-kazakhstan"


def default_exhibit_path() -> Path:
    """The built-in exhibit opened when no other is named."""
    return data_path(DEFAULT_EXHIBIT)
