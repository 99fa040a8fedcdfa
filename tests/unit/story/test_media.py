"""Media on events and places: the format, ``chronomap check``'s refusals and warnings, the sample files.

Every hostile case of tests/data/media/cases.json goes through ``chronomap check`` in-process: its
exit status, exactly one ``error:`` line naming the file and the field, no traceback, and the
exhibit folder left untouched.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
import wave
from pathlib import Path

import pytest
from PIL import Image

from bad_cases import replace_file
from chronomap.cli import main
from chronomap.resources import default_exhibit_path
from chronomap.story.loader import check_exhibit, load_exhibit
from chronomap.story.media import audio_format, media_warnings
from helpers.nobody import run_python_as_nobody

MEDIA = Path(__file__).resolve().parents[2] / "data" / "media"
SAMPLE = MEDIA / "steppe-with-media"
MANIFEST = json.loads((MEDIA / "cases.json").read_text(encoding="utf-8"))


def _set(document, dotted: str, value) -> None:
    keys = [int(k) if k.isdigit() else k for k in dotted.split(".")]
    for key in keys[:-1]:
        document = document.setdefault(key, {}) if isinstance(document, dict) else document[key]
    document[keys[-1]] = value


def _make(folder: Path, how: str, target: Path) -> None:
    if replace_file(folder, how, target):
        pass
    elif how == "unreadable":
        target.chmod(0)
    elif how == "gif":
        Image.new("RGB", (20, 20), "red").save(target, "GIF")
    elif how == "text":
        target.write_text("This is not a picture.\n", encoding="utf-8")
    elif how in ("empty", "blank"):
        target.write_bytes(b"" if how == "empty" else b"  \n")
    elif how == "truncate":
        target.write_bytes(target.read_bytes()[:200])
    elif how == "bomb":  # ~100 megapixels of one colour: a few kilobytes on disk
        Image.new("1", (10_000, 10_000)).save(target, "PNG")
    elif how == "flac":
        target.write_bytes(b"fLaC\x00\x00\x00\x22" + bytes(64))
    elif how == "binary":
        target.write_bytes(b"two\x00notes")
    else:
        raise AssertionError(how)


def build_case(tmp_path: Path, case: dict) -> Path:
    folder = tmp_path / "exhibit"
    shutil.copytree(SAMPLE, folder)
    if "set" in case:
        name, dotted, value = case["set"]
        document = json.loads((folder / name).read_text(encoding="utf-8"))
        _set(document, dotted, value)
        (folder / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    if "make" in case:
        _make(folder, case["make"], folder / case["target"])
    return folder


def _snapshot(folder: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    for path in sorted(folder.parent.rglob("*")):
        out[str(path)] = "special" if path.is_symlink() or not path.is_file() else (path.stat().st_mtime_ns, path.stat().st_size)
    return out


@pytest.mark.parametrize("name", sorted(MANIFEST["cases"]))
def test_bad_media_gives_one_clear_line(name, tmp_path, capsys):
    case = MANIFEST["cases"][name]
    if case.get("make") == "unreadable" and os.geteuid() == 0:
        # root reads a file of mode 000: the check runs as the user nobody, on a folder that user can reach
        base = Path(tempfile.mkdtemp(prefix="chronomap-unreadable-"))
        try:
            folder = build_case(base, case)
            for path in [base, *base.rglob("*")]:
                if path != folder / case["target"]:
                    path.chmod(0o755 if path.is_dir() else 0o644)
            before = _snapshot(folder)
            status, out, err = _check_as_nobody(folder)
            _assert_one_clear_line(case, folder, status, out, err)
            assert _snapshot(folder) == before, "check wrote into the exhibit folder"
        finally:
            shutil.rmtree(base, ignore_errors=True)
        return
    folder = build_case(tmp_path, case)
    before = _snapshot(folder)
    status = main(["check", str(folder)])
    out, err = capsys.readouterr()
    _assert_one_clear_line(case, folder, status, out, err)
    assert _snapshot(folder) == before, "check wrote into the exhibit folder"


def _check_as_nobody(folder: Path) -> tuple[int, str, str]:
    """``chronomap check`` as the user nobody (65534), from this source tree, in its own process."""
    done = run_python_as_nobody("-m", "chronomap", "check", str(folder))
    return done.returncode, done.stdout, done.stderr


def _assert_one_clear_line(case: dict, folder: Path, status: int, out: str, err: str) -> None:
    assert status == case.get("exit", MANIFEST["exit"]), err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    [line] = errors
    assert "Traceback" not in out + err
    assert f"{folder / case['file']}: {case['field']}:" in line, line
    assert case["says"] in line, line
    assert len(line) < 600, f"{len(line)} characters: the found value must be quoted short"


# -- the sample exhibit ----------------------------------------------------------------------------


def test_the_sample_exhibit_is_clean_and_carries_its_media():
    assert check_exhibit(SAMPLE) == []
    exhibit = load_exhibit(SAMPLE)
    assert media_warnings(exhibit) == []
    first = exhibit.event("work-begins")
    assert [(m.kind, m.format) for m in first.media] == [("image", "PNG"), ("image", "JPEG"), ("audio", "WAV")]
    assert first.media[0].size == (800, 500)
    assert first.media[0].path.is_absolute() and first.media[0].path == (SAMPLE / "media/map-panel.png").resolve()
    assert [m.format for m in exhibit.places["almaty"].media] == ["WebP"]
    assert exhibit.places["karaganda"].media == () and exhibit.event("karaganda-follows").media == ()
    # the places inside an event are the same records, media and all
    assert first.places[0].place.media == exhibit.places["almaty"].media


def test_media_texts_are_translated_and_fall_back_to_the_main_language():
    exhibit = load_exhibit(SAMPLE)
    panel, page, chime = exhibit.event("work-begins").media
    assert panel.caption_in("ru") == "Линия от города А до города Б (вымышленная карта)"
    assert panel.credit_in("ru") == "Проект Chronomap" and panel.credit_in("kk") == "Chronomap project"
    assert panel.alt_in("ru") == panel.alt_in("en") and panel.alt_in("en", ).startswith("An ochre plain")
    assert page.caption_in("ru") == "A typeset page, not a real document"
    assert chime.transcript_in("en") == (SAMPLE / "media/chime.en.txt").read_text(encoding="utf-8").strip()
    assert chime.transcript_in("ru").startswith("[Две тихие")
    assert chime.transcript_in("kk") == chime.transcript_in("en")
    assert chime.alt_in("en") is None


def test_an_inline_transcript(tmp_path):
    folder = build_case(tmp_path, {"set": ["story.json", "events.0.media.2.transcript_file", None]})
    story = json.loads((folder / "story.json").read_text(encoding="utf-8"))
    story["events"][0]["media"][2]["transcript"] = "Two notes, no words."
    (folder / "story.json").write_text(json.dumps(story), encoding="utf-8")
    [_, _, chime] = load_exhibit(folder).event("work-begins").media
    assert chime.transcript_in("en") == "Two notes, no words."


def test_the_built_in_exhibit_shows_no_media_the_museum_has_not_supplied():
    exhibit = load_exhibit(default_exhibit_path())
    assert not [m for e in exhibit.events for m in e.media] + [m for p in exhibit.places.values() for m in p.media]
    assert not (default_exhibit_path() / "media").exists()


def _make_media_module():
    spec = importlib.util.spec_from_file_location("make_media", MEDIA / "make_media.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sample_media_are_what_the_script_makes(tmp_path, capsys):
    """The committed files are reproducible from the repository's own script (so their CC0 licence is true)."""
    maker = _make_media_module()
    maker.main(tmp_path)
    capsys.readouterr()
    for name in maker.MAKERS:
        committed, made = SAMPLE / "media" / name, tmp_path / name
        if name.endswith(".wav"):
            assert committed.read_bytes() == made.read_bytes()
            continue
        with Image.open(committed) as a, Image.open(made) as b:
            assert a.size == b.size and a.format == b.format
            assert max(abs(x - y) for x, y in zip(a.convert("RGB").tobytes(), b.convert("RGB").tobytes(), strict=True)) <= 8
    # the flat centres the GUI tests look for
    for name, colour in (("map-panel.png", maker.STEPPE), ("document.jpg", maker.PAPER), ("engine.webp", maker.SKY)):
        with Image.open(SAMPLE / "media" / name) as image:
            centre = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
            assert max(abs(c - e) for c, e in zip(centre, colour, strict=True)) <= 3, (name, centre)
    with wave.open(str(SAMPLE / "media" / "chime.wav")) as clip:
        assert clip.getnframes() / clip.getframerate() == pytest.approx(2.0)
    licence = (SAMPLE / "media" / "LICENCE.txt").read_text(encoding="utf-8")
    assert "CC0 1.0" in licence and "make_media.py" in licence


# -- warnings: rights the museum must clear ----------------------------------------------------------


@pytest.mark.parametrize("field", ["credit", "licence"])
def test_media_without_credit_or_licence_is_warned_about_not_refused(tmp_path, field):
    folder = build_case(tmp_path, {"set": ["story.json", f"events.2.media.0.{field}", None]})
    assert check_exhibit(folder) == []
    exhibit = load_exhibit(folder)
    [warning] = media_warnings(exhibit)
    assert warning.file == str(folder / "story.json") and warning.path == f"events[2].media[0].{field}"
    assert "missing for 'media/engine.webp'" in warning.message and "expected" in warning.message
    # nothing is filled in for the museum
    [item] = exhibit.event("line-finished").media
    assert getattr(item, field) is None
    assert main(["check", str(folder)]) == 0


def test_warnings_come_in_story_order(tmp_path):
    folder = build_case(tmp_path, {})
    story = json.loads((folder / "story.json").read_text(encoding="utf-8"))
    for record in (story["events"][2], story["events"][0], story["places"][0]):
        for item in record["media"]:
            item.pop("licence")
    (folder / "story.json").write_text(json.dumps(story), encoding="utf-8")
    paths = [w.path for w in media_warnings(load_exhibit(folder))]
    assert paths == ["events[0].media[0].licence", "events[0].media[1].licence", "events[0].media[2].licence",
                     "events[2].media[0].licence", "places[0].media[0].licence"]


def test_problems_with_media_are_all_listed_together(tmp_path):
    folder = build_case(tmp_path, {"set": ["story.json", "events.0.media.1.alt", None]})
    (folder / "media" / "engine.webp").unlink()
    problems = check_exhibit(folder)
    assert [p.path for p in problems] == ["places[0].media[0].file", "events[0].media[1].alt", "events[2].media[0].file"]


# -- audio by its magic bytes ---------------------------------------------------------------------------


@pytest.mark.parametrize(("head", "expected"), [
    (b"RIFF\x24\x7d\x00\x00WAVEfmt ", "WAV"),
    (b"RIFF\x24\x7d\x00\x00AVI LIST", None),
    (b"OggS\x00\x02" + bytes(10), "Ogg"),
    (b"ID3\x04\x00\x00" + bytes(10), "MP3"),
    (b"\xff\xfb\x90\x64" + bytes(12), "MP3"),  # MPEG-1 layer III frame
    (b"\xff\xf3\x48\xc4" + bytes(12), "MP3"),  # MPEG-2 layer III frame
    (b"\xff\xf1\x50\x80" + bytes(12), None),  # ADTS AAC (layer bits 00): not MP3
    (b"\xff\xe9" + bytes(14), None),  # MPEG version 'reserved'
    (b"fLaC" + bytes(12), None),
    (b"", None),
])
def test_audio_format_by_magic_bytes(head, expected):
    assert audio_format(head) == expected


def test_check_prints_each_media_warning_and_still_succeeds(tmp_path, capsys):
    folder = build_case(tmp_path, {"set": ["story.json", "events.2.media.0.licence", None]})
    assert main(["check", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert f"warning: {folder / 'story.json'}: events[2].media[0].licence: missing for 'media/engine.webp'" in err
