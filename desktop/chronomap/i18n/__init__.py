"""The interface languages and where their compiled Qt translations live (no Qt here).

The interface is written in English in the source (``tr()`` strings); Kazakh
and Russian come from Qt Linguist files kept beside this module:
``chronomap_<lang>.ts`` are the sources a translator edits, ``.qm`` the compiled
files the app loads. ``python -m chronomap.i18n.build`` refreshes both.
"""

from __future__ import annotations

from pathlib import Path

#: Interface languages, in the order the kiosk offers them (the state language first).
LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "en"

#: Each language's name written in that language (kiosk buttons, menus): no flags.
NATIVE_NAMES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

TRANSLATIONS_DIR = Path(__file__).resolve().parent


def language_from_locale(name: str | None) -> str:
    """'ru_RU', 'kk-KZ', 'en_GB.UTF-8' → a supported language; English otherwise."""
    code = (name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def check_language(lang: str) -> str:
    """The language itself, or a ValueError naming the ones there are."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not available; expected one of {', '.join(LANGUAGES)}")
    return lang


def ts_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"chronomap_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"chronomap_{lang}.qm"
