"""Kiosk settings: declared once (key, type, default, description, what is expected).

A TOML file holds them (every key optional)::

    idle_seconds = 120
    pin_hash = "scrypt$…$…"        # from `chronomap kiosk-pin`

Command-line options override the file. A bad value is refused with one line
naming the file (or option), the key, what was found and what was expected::

    kiosk.toml: idle_seconds: found -5; expected a whole number of seconds ≥ 5

No Qt here. Durations are seconds; the shell turns them into timer intervals.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, field_validator, model_validator

from chronomap.errors import ChronomapError
from chronomap.i18n import LANGUAGES  # no Qt there either
from chronomap.user_dirs import state_dir

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
PIN_HASH_RE = re.compile(r"^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$")

#: How the file is named in messages when none was given (defaults only).
DEFAULTS_SOURCE = "kiosk settings"


class ConfigError(ChronomapError, ValueError):
    """A setting that cannot be used; ``str()`` is the one line to print."""


def setting(default: Any, description: str, expected: str, *, strict: bool | None = True, **constraints: Any) -> Any:
    """One declared setting: default, description and the words for a refusal."""
    return Field(default, description=description, json_schema_extra={"expected": expected}, strict=strict, **constraints)


class KioskConfig(BaseModel):
    """Every kiosk setting, with its default. See :func:`describe_settings`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    story: str = setting("", "exhibit folder; empty: the built-in exhibit (--story overrides)",
                         "a folder path as a string")
    idle_seconds: int = setting(90, "seconds without any input before “Still there?” appears",
                                "a whole number of seconds ≥ 5", ge=5, le=86_400)
    countdown_seconds: int = setting(10, "seconds “Still there?” counts down before the kiosk starts over",
                                     "a whole number of seconds from 3 to 120", ge=3, le=120)
    attract_min_seconds: float = setting(8.0, "the attract loop holds each event at least this long",
                                         "a number of seconds from 2 to 600", ge=2, le=600)
    attract_chars_per_second: float = setting(15.0, "reading pace for the attract loop: an event holds "
                                              "len(summary) / this seconds (if longer than the minimum)",
                                              "a reading speed in characters per second from 2 to 100", ge=2, le=100)
    start_event: str = setting("", "event shown after a reset; empty: the first event",
                               "an event id of the exhibit (see `chronomap events`)")
    start_date: str = setting("", "date shown after a reset instead of an event, e.g. 1986-12",
                              "an ISO day, month or year such as 1986-12-17, 1989-07 or 1991")
    screen: StrictInt | StrictStr = setting("", "screen number or name (e.g. HDMI-1); empty: the primary screen",
                                            "a screen number (0, 1, …) or a screen name such as 'HDMI-1'", strict=None)
    hide_cursor: bool = setting(True, "hide the mouse pointer (touch screens)", "true or false")
    language: str = setting("", "the interface language every visitor starts in (a reset returns to it): "
                            "kk, ru or en; empty: the system's language (English if it is none of them)",
                            "one of the interface languages " + ", ".join(f"'{code}'" for code in LANGUAGES)
                            + ", or '' for the system's language")
    high_contrast: bool = setting(False, "high-contrast colours (every text at least 7:1 on its background)",
                                  "true or false")
    large_type: bool = setting(False, "larger type throughout (a quarter larger)", "true or false")
    pin_hash: str = setting("", "salted hash of the staff PIN from `chronomap kiosk-pin`; empty: no staff exit",
                            "a hash printed by `chronomap kiosk-pin` ('scrypt$<salt>$<hash>'), never the PIN itself")
    pin_attempts: int = setting(3, "wrong PINs in a row before the PIN pad locks", "a whole number from 1 to 10", ge=1, le=10)
    pin_lockout_seconds: int = setting(60, "how long the PIN pad stays locked", "a whole number of seconds from 5 to 3600",
                                       ge=5, le=3600)
    staff_corner: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = setting(
        "top-left", "corner where five taps within three seconds open the PIN pad", "one of " + ", ".join(CORNERS),
        strict=None)
    log_dir: str = setting("", "folder for the rotating log files; empty: ~/.local/state/chronomap "
                           "(relative paths are relative to the config file)", "a folder path as a string")
    stats: bool = setting(False, "record anonymous visitor statistics (which events, how long)", "true or false")
    stats_file: str = setting("", "JSON-lines file for the statistics; empty: visitor-stats.jsonl in log_dir",
                              "a file path as a string")
    hang_check_seconds: float = setting(15.0, "how often the map page is asked whether it still answers",
                                        "a number of seconds from 1 to 600", ge=1, le=600)
    hang_timeout_seconds: float = setting(10.0, "a page that has not answered by then is restarted",
                                          "a number of seconds from 1 to 600", ge=1, le=600)
    renew_page_every: int = setting(1, "start the map page afresh (a new render process, which keeps memory flat) "
                                    "at every Nth reset: when visitors have left and at each turn of the attract "
                                    "loop; 0: never", "a whole number of resets ≥ 0", ge=0, le=100_000)
    attract_audio: bool = setting(False, "the attract loop plays each event's first recording by itself "
                                  "(otherwise no sound plays until a visitor presses its button)", "true or false")

    @field_validator("start_date")
    @classmethod
    def _date(cls, value: str) -> str:
        if value:
            from chronomap.story.dates import DateError, parse_instant

            try:
                parse_instant(value)
            except DateError as exc:
                raise ValueError(str(exc)) from None
        return value

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value and value not in LANGUAGES:
            raise ValueError("not an interface language")
        return value

    @field_validator("screen")
    @classmethod
    def _screen(cls, value: int | str) -> int | str:
        if isinstance(value, int) and value < 0:
            raise ValueError("negative")
        return value

    @field_validator("pin_hash")
    @classmethod
    def _pin_hash(cls, value: str) -> str:
        if value and not PIN_HASH_RE.match(value):
            raise ValueError("not a PIN hash")
        return value

    @model_validator(mode="after")
    def _one_start(self) -> KioskConfig:
        if self.start_event and self.start_date:
            raise _BothStarts()
        return self

    # -- derived values ---------------------------------------------------------
    def hold_seconds(self, summary: str) -> float:
        """How long the attract loop shows an event whose summary is *summary*."""
        return max(float(self.attract_min_seconds), len(summary) / float(self.attract_chars_per_second))

    def resolved_log_dir(self, base: Path | None = None) -> Path:
        if self.log_dir:
            path = Path(self.log_dir).expanduser()
            return path if path.is_absolute() or base is None else base / path
        return state_dir()

    def resolved_stats_file(self, base: Path | None = None) -> Path | None:
        if not self.stats:
            return None
        if self.stats_file:
            path = Path(self.stats_file).expanduser()
            return path if path.is_absolute() or base is None else base / path
        return self.resolved_log_dir(base) / "visitor-stats.jsonl"


class _BothStarts(ValueError):
    def __init__(self) -> None:
        super().__init__("both start_event and start_date")


FIELDS = KioskConfig.model_fields


def expected(key: str) -> str:
    extra = FIELDS[key].json_schema_extra
    return str(extra["expected"]) if isinstance(extra, dict) else "a valid value"


def describe_settings() -> list[tuple[str, str, Any, str]]:
    """(key, type, default, description) for every setting, in declaration order."""
    rows = []
    kinds: dict[object, str] = {int: "integer", float: "number", bool: "boolean", str: "string"}
    for key, field in FIELDS.items():
        kind = kinds.get(field.annotation, "string")
        if key == "screen":
            kind = "integer or string"
        rows.append((key, kind, field.default, field.description or ""))
    return rows


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (dict, list)):
        return "a table" if isinstance(value, dict) else "a list"
    return str(value)


def _message(source: str, exc: ValidationError, data: Mapping[str, Any], option_names: Mapping[str, str]) -> str:
    errors = exc.errors()
    first = errors[0]
    loc = first.get("loc") or ()
    key = str(loc[0]) if loc else ""
    others = len({str((e.get("loc") or ("",))[0]) for e in errors} - {key})
    more = f" ({others} more problem{'s' if others > 1 else ''} after this one)" if others else ""
    if not key:  # a whole-model rule: both start_event and start_date
        return (f"{source}: start_date: found {_found(data.get('start_date'))} as well as start_event "
                f"{_found(data.get('start_event'))}; expected one of them, not both{more}")
    name = option_names.get(key, key)
    if first.get("type") == "extra_forbidden":
        if key.lower() in {"pin", "password", "pin_code", "code"}:
            return (f"{source}: {key}: the PIN must never be stored in clear text; "
                    f"expected pin_hash = the line printed by `chronomap kiosk-pin`{more}")
        known = ", ".join(FIELDS)
        return f"{source}: {key}: unknown setting; expected one of {known}{more}"
    return f"{source}: {name}: found {_found(first.get('input'))}; expected {expected(key)}{more}"


def validate(data: Mapping[str, Any], source: str, option_names: Mapping[str, str] | None = None) -> KioskConfig:
    """A :class:`KioskConfig` from *data*, or :class:`ConfigError` naming *source* and the key."""
    try:
        return KioskConfig.model_validate(dict(data))
    except ValidationError as exc:
        raise ConfigError(_message(source, exc, data, option_names or {})) from None


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder; expected a TOML file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; expected a TOML file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load_config(path: Path | None = None, overrides: Mapping[str, Any] | None = None,
                option_names: Mapping[str, str] | None = None) -> KioskConfig:
    """The settings from *path* (defaults when None), then *overrides* (command-line values, not None).

    *option_names* maps a key to the option that set it (``{"idle_seconds": "--idle-seconds"}``)
    so a refused override names the option rather than the file.
    """
    data: dict[str, Any] = read_toml(path) if path is not None else {}
    source = str(path) if path is not None else DEFAULTS_SOURCE
    config = validate(data, source)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    if not given:
        return config
    names = {k: (option_names or {}).get(k, k) for k in given}
    merged = {**data, **given}
    try:
        return KioskConfig.model_validate(merged)
    except ValidationError as exc:
        first_key = str((exc.errors()[0].get("loc") or ("",))[0])
        where = "command line" if first_key in given else source
        raise ConfigError(_message(where, exc, merged, names).removeprefix("command line: ")) from None
