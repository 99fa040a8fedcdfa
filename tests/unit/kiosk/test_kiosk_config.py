"""Kiosk settings: defaults, the TOML file, command-line overrides, one clear line per refusal (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronomap.kiosk.app import KIOSK_CHROMIUM_FLAGS, STAFF_EXIT_STATUS, prepare_environment, run_kiosk
from chronomap.kiosk.config import FIELDS, ConfigError, KioskConfig, describe_settings, load_config
from chronomap.kiosk.pin import hash_pin
from chronomap.resources import asset_path

EXAMPLE = asset_path("kiosk", "kiosk.example.toml")


def write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_defaults():
    config = load_config(None)
    assert config == KioskConfig()
    assert config.idle_seconds == 90
    assert config.countdown_seconds == 10
    assert config.attract_min_seconds == 8
    assert config.language == ""  # the system's language
    assert config.high_contrast is False and config.large_type is False
    assert config.stats is False
    assert config.pin_hash == ""


def test_every_setting_is_declared_once_with_a_description():
    rows = describe_settings()
    assert [r[0] for r in rows] == list(FIELDS)
    for key, kind, default, description in rows:
        assert description, key
        assert kind in {"integer", "number", "boolean", "string", "integer or string"}, key
        assert default == getattr(KioskConfig(), key)


def test_the_shipped_example_is_valid_and_lists_every_key_with_its_default():
    text = EXAMPLE.read_text(encoding="utf-8")
    for key in FIELDS:
        assert f"\n{key} = " in text, key
    assert load_config(EXAMPLE) == KioskConfig()


def test_values_are_read_from_the_file(tmp_path):
    pin_hash = hash_pin("2468")
    path = write(tmp_path, f'idle_seconds = 120\ncountdown_seconds = 5\nattract_min_seconds = 6\nscreen = 1\n'
                           f'hide_cursor = false\npin_hash = "{pin_hash}"\nstart_event = "august-coup"\n'
                           f'log_dir = "logs"\nstats = true\n')
    config = load_config(path)
    assert (config.idle_seconds, config.countdown_seconds, config.attract_min_seconds) == (120, 5, 6.0)
    assert config.screen == 1 and config.hide_cursor is False and config.pin_hash == pin_hash
    assert config.resolved_log_dir(tmp_path) == tmp_path / "logs"
    assert config.resolved_stats_file(tmp_path) == tmp_path / "logs" / "visitor-stats.jsonl"
    assert load_config(write(tmp_path, 'screen = "HDMI-1"\n', "b.toml")).screen == "HDMI-1"


@pytest.mark.parametrize("lang", ["kk", "ru", "en", ""])
def test_every_interface_language_is_accepted(tmp_path, lang):
    path = write(tmp_path, f'language = "{lang}"\nhigh_contrast = true\nlarge_type = true\n')
    config = load_config(path)
    assert config.language == lang and config.high_contrast and config.large_type


def test_an_unknown_language_stops_the_kiosk_with_one_line(tmp_path, capsys):
    path = write(tmp_path, 'language = "fr"\n')
    assert run_kiosk(None, path, None) == 2
    err = capsys.readouterr().err
    assert err == (f"error: {path}: language: found 'fr'; expected one of the interface languages "
                   "'kk', 'ru', 'en', or '' for the system's language\n")


def test_no_sound_plays_by_itself_unless_the_settings_say_so(tmp_path):
    assert KioskConfig().attract_audio is False
    assert load_config(write(tmp_path, "attract_audio = true\n")).attract_audio is True


def test_reading_pace_sets_how_long_an_event_holds():
    config = KioskConfig(attract_min_seconds=8, attract_chars_per_second=10)
    assert config.hold_seconds("short") == 8
    assert config.hold_seconds("x" * 250) == 25


@pytest.mark.parametrize(("text", "message"), [
    ("idle_seconds = -5", "idle_seconds: found -5; expected a whole number of seconds ≥ 5"),
    ("idle_seconds = 2.5", "idle_seconds: found 2.5; expected a whole number of seconds ≥ 5"),
    ('idle_seconds = "90"', "idle_seconds: found '90'; expected a whole number of seconds ≥ 5"),
    ("countdown_seconds = 0", "countdown_seconds: found 0; expected a whole number of seconds from 3 to 120"),
    ("attract_min_seconds = 0.5", "attract_min_seconds: found 0.5; expected a number of seconds from 2 to 600"),
    ('hide_cursor = "yes"', "hide_cursor: found 'yes'; expected true or false"),
    ('attract_audio = "yes"', "attract_audio: found 'yes'; expected true or false"),
    ("attract_audio = 1", "attract_audio: found 1; expected true or false"),
    ('language = "de"', "language: found 'de'; expected one of the interface languages 'kk', 'ru', 'en', "
                        "or '' for the system's language"),
    ("language = 7", "language: found 7; expected one of the interface languages 'kk', 'ru', 'en'"),
    ('high_contrast = "on"', "high_contrast: found 'on'; expected true or false"),
    ("large_type = 1", "large_type: found 1; expected true or false"),
    ("screen = -1", "screen: found -1; expected a screen number (0, 1, …) or a screen name such as 'HDMI-1'"),
    ("screen = true", "screen: found true; expected a screen number (0, 1, …) or a screen name such as 'HDMI-1'"),
    ('start_date = "1989-02-30"', "start_date: found '1989-02-30'; expected an ISO day, month or year"),
    ('start_event = "december-events"\nstart_date = "1990"', "start_date: found '1990' as well as start_event"),
    ('pin_hash = "1234"', "pin_hash: found '1234'; expected a hash printed by `chronomap kiosk-pin`"),
    ('pin = "1234"', "pin: the PIN must never be stored in clear text"),
    ("idle_secs = 90", "idle_secs: unknown setting; expected one of story, idle_seconds"),
    ('staff_corner = "middle"', "staff_corner: found 'middle'; expected one of top-left, top-right"),
    ("stats = 1", "stats: found 1; expected true or false"),
])
def test_a_bad_value_is_refused_naming_the_file_and_the_key(tmp_path, text, message):
    path = write(tmp_path, text + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    line = str(info.value)
    assert line.startswith(f"{path}: {message}"), line
    assert "\n" not in line


def test_several_problems_give_one_line_that_counts_the_rest(tmp_path):
    path = write(tmp_path, "idle_seconds = 1\ncountdown_seconds = 1\nstats = 2\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (f"{path}: idle_seconds: found 1; expected a whole number of seconds ≥ 5 "
                               "(2 more problems after this one)")


@pytest.mark.parametrize(("text", "start"), [
    ("idle_seconds = = 3", "not valid TOML: "),
    ("[kiosk\n", "not valid TOML: "),
])
def test_broken_toml_is_refused_in_one_line(tmp_path, text, start):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}: {start}")
    assert "\n" not in str(info.value)


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="is a folder"):
        load_config(tmp_path)


def test_the_command_line_overrides_the_file_and_is_named_when_wrong(tmp_path):
    path = write(tmp_path, "idle_seconds = 120\n")
    names = {"idle_seconds": "--idle-seconds"}
    assert load_config(path, {"idle_seconds": 30}, names).idle_seconds == 30
    assert load_config(path, {"idle_seconds": None}, names).idle_seconds == 120
    with pytest.raises(ConfigError) as info:
        load_config(path, {"idle_seconds": 2}, names)
    assert str(info.value) == "--idle-seconds: found 2; expected a whole number of seconds ≥ 5"


def test_run_kiosk_refuses_a_bad_config_with_one_line_and_status_2(tmp_path, capsys):
    path = write(tmp_path, "idle_seconds = -5\n")
    assert run_kiosk(None, path, None) == 2
    err = capsys.readouterr().err
    assert err == f"error: {path}: idle_seconds: found -5; expected a whole number of seconds ≥ 5\n"
    assert run_kiosk(None, None, 3) == 2
    assert capsys.readouterr().err == "error: --idle-seconds: found 3; expected a whole number of seconds ≥ 5\n"


def test_run_kiosk_checks_the_start_against_the_exhibit(tmp_path, capsys):
    path = write(tmp_path, 'start_event = "moon-landing"\n')
    assert run_kiosk(None, path, None) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {path}: start_event: found 'moon-landing'; expected an event of this exhibit: ")
    assert "december-events" in err and "\n" not in err
    path = write(tmp_path, 'start_date = "1970"\n')
    assert run_kiosk(None, path, None) == 2
    assert "start_date: found '1970'; expected a date inside the story" in capsys.readouterr().err


def test_run_kiosk_refuses_a_broken_exhibit_with_status_2(tmp_path, exhibit_copy, capsys):
    exhibit_copy.edit("story.json", lambda doc: doc["events"][0].update(date="1989-02-30"))
    assert run_kiosk(exhibit_copy.folder, None, None) == 2  # every refusal at start (issue 14, item 4)
    assert capsys.readouterr().err.startswith("error: ")


def test_kiosk_start_adds_its_flags_and_strips_remote_debugging():
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--remote-debugging-port=9222 --foo --auto-open-devtools-for-tabs",
        "QTWEBENGINE_REMOTE_DEBUGGING": "9222",
    }
    prepare_environment(env)
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert "--foo" in flags
    for flag in KIOSK_CHROMIUM_FLAGS:
        assert flag in flags
    assert not any("remote-debugging" in f or "devtools" in f for f in flags)
    assert "QTWEBENGINE_REMOTE_DEBUGGING" not in env
    prepare_environment(env)  # idempotent
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"].split() == flags


def test_staff_exit_status_is_what_the_unit_does_not_restart_on():
    unit = asset_path("kiosk", "chronomap-kiosk.service").read_text(encoding="utf-8")
    lines = {line.split("=", 1)[0]: line.split("=", 1)[1] for line in unit.splitlines() if "=" in line and not line.startswith("#")}
    assert lines["Type"] == "notify"
    assert lines["Restart"] == "always"
    assert lines["WatchdogSec"] == "30"
    assert lines["NotifyAccess"] == "all"
    assert str(STAFF_EXIT_STATUS) in lines["RestartPreventExitStatus"].split()
    assert "chronomap-kiosk-session" in lines["ExecStart"] and "--kiosk" in lines["ExecStart"]  # cage, through the script
    assert lines["User"] != "root"
