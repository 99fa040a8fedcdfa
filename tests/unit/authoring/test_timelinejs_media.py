"""TimelineJS media into an exhibit's media/ and back: local files copied, URLs fetched only when asked.

No test touches the network: URLs are served by an http.server on 127.0.0.1 inside the test, or are
file:// URLs.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chronomap.authoring.cli import import_main
from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.interchange import export_data, import_file
from chronomap.authoring.timelinejs_media import MediaCarrier, SlideMedia
from chronomap.story.loader import load_exhibit

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "media" / "steppe-with-media"
PICTURE = SAMPLE / "media" / "map-panel.png"
CHIME = SAMPLE / "media" / "chime.wav"


def slide(year: int, headline: str, media: dict | None = None) -> dict:
    out = {"start_date": {"year": year}, "text": {"headline": headline},
           "location": {"lat": 43.25, "lon": 76.92, "name": "Alma-Ata"}}
    if media is not None:
        out["media"] = media
    return out


def timeline(folder: Path, *slides: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.timeline.json"
    path.write_text(json.dumps({"title": {"text": {"headline": "Pictures"}}, "events": list(slides)}), encoding="utf-8")
    return path


def story_of(folder: Path) -> dict:
    return json.loads((folder / "story.json").read_text(encoding="utf-8"))


class Served:
    """Files from a folder on 127.0.0.1, counting the requests (so a test can say none were made)."""

    def __init__(self, folder: Path):
        requests = self.requests = []

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(folder), **kwargs)

            def do_GET(self):  # noqa: N802
                requests.append(self.path)
                super().do_GET()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/{name}"


@pytest.fixture
def served(tmp_path) -> Iterator[Served]:
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copy(PICTURE, folder / "photo.png")
    served = Served(folder)
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()
    served.thread.join()


def test_a_local_picture_is_copied_with_caption_credit_and_alt(tmp_path):
    (tmp_path / "src" / "pics").mkdir(parents=True)
    shutil.copy(PICTURE, tmp_path / "src" / "pics" / "Photo of the Line!.png")
    source = timeline(tmp_path / "src", slide(1930, "Work begins", {"url": "pics/Photo of the Line!.png",
                                                                    "caption": "The <b>line</b>", "credit": "A. Archive"}))
    report = import_file(source, tmp_path / "out")
    exhibit = load_exhibit(tmp_path / "out")
    [item] = exhibit.events[0].media
    assert (item.file, item.kind, item.caption_in("en"), item.credit, item.alt_in("en")) == (
        "media/photo-of-the-line.png", "image", "The line", "A. Archive", "The line")
    assert item.licence is None  # never invented
    assert (tmp_path / "out" / item.file).read_bytes() == PICTURE.read_bytes()
    assert any("alt text taken from the caption" in n for n in report.notes)
    assert not any("media" in line for line in report.not_carried)
    assert "source" not in story_of(tmp_path / "out")["events"][0]["media"][0]


def test_a_picture_without_alt_or_caption_and_a_recording_are_copied_not_attached(tmp_path):
    (tmp_path / "src").mkdir()
    shutil.copy(PICTURE, tmp_path / "src" / "bare.png")
    shutil.copy(CHIME, tmp_path / "src" / "voice.wav")
    source = timeline(tmp_path / "src", slide(1930, "Bare", {"url": "bare.png", "credit": "Someone"}),
                      slide(1931, "Voice", {"url": "voice.wav", "caption": "A witness"}))
    report = import_file(source, tmp_path / "out")
    exhibit = load_exhibit(tmp_path / "out")
    assert [e.media for e in exhibit.events] == [(), ()]
    assert (tmp_path / "out" / "media" / "bare.png").is_file() and (tmp_path / "out" / "media" / "voice.wav").is_file()
    notes = "\n".join(report.notes)
    assert "media/bare.png" in notes and "none is invented" in notes
    assert "media/voice.wav" in notes and "transcript" in notes


@pytest.mark.parametrize("url", ["../../etc/passwd", "pics/../../outside.png"])
def test_a_path_out_of_the_timelines_folder_is_refused_in_one_line(tmp_path, capsys, url):
    source = timeline(tmp_path / "src", slide(1930, "Escape", {"url": url, "caption": "x"}))
    with pytest.raises(AuthoringError) as caught:
        import_file(source, tmp_path / "out")
    [problem] = caught.value.problems
    assert problem.path == "events[0].media.url" and "leads outside the timeline file's folder" in problem.message
    assert not (tmp_path / "out").exists()
    assert import_main([str(source), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "outside the timeline file's folder" in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "out").exists()


def test_a_url_is_not_carried_and_not_fetched_without_fetch_media(tmp_path, served):
    source = timeline(tmp_path / "src", slide(1930, "Remote", {"url": served.url("photo.png"), "caption": "Far"}))
    report = import_file(source, tmp_path / "out")
    assert served.requests == []
    assert [line for line in report.not_carried if line.startswith("media")] == [
        f"media of events[0].media “Remote”: {served.url('photo.png')} — not carried: a URL (give --fetch-media to "
        "download it once now, or put the file beside the timeline)"]
    assert load_exhibit(tmp_path / "out").events[0].media == ()


def test_fetch_media_downloads_once_and_records_the_url_as_source(tmp_path, served, capsys):
    url = served.url("photo.png")
    source = timeline(tmp_path / "src", slide(1930, "Remote", {"url": url, "caption": "Far", "alt": "An ochre plain"}),
                      slide(1931, "Again", {"url": url, "caption": "Same"}))
    assert import_main([str(source), "--out", str(tmp_path / "out"), "--fetch-media"]) == 0
    assert served.requests == ["/photo.png", "/photo.png"]  # once per slide that names it, at authoring time only
    media = [e["media"][0] for e in story_of(tmp_path / "out")["events"]]
    assert media[0] == {"file": "media/photo.png", "kind": "image", "caption": "Far", "source": url,
                        "alt": "An ochre plain"}
    assert media[1]["file"] == "media/photo.png"  # the same bytes are stored once
    assert sorted(p.name for p in (tmp_path / "out" / "media").iterdir()) == ["photo.png"]
    load_exhibit(tmp_path / "out")


def test_a_file_url_is_fetched_too(tmp_path):
    source = timeline(tmp_path / "src", slide(1930, "Local URL", {"url": PICTURE.as_uri(), "caption": "Here"}))
    import_file(source, tmp_path / "out", fetch_media=True)
    [item] = load_exhibit(tmp_path / "out").events[0].media
    assert item.file == "media/map-panel.png"
    assert story_of(tmp_path / "out")["events"][0]["media"][0]["source"] == PICTURE.as_uri()


@pytest.mark.parametrize("broken, says", [(None, "HTTP 404 File not found"),
                                           ("http://127.0.0.1:1/photo.png", "refused")])
def test_a_failed_fetch_is_one_line_exit_2_and_nothing_written(tmp_path, served, capsys, broken, says):
    good = served.url("photo.png")
    source = timeline(tmp_path / "src", slide(1930, "Fine", {"url": good, "caption": "ok"}),
                      slide(1931, "Broken", {"url": broken or served.url("missing.png"), "caption": "gone"}))
    assert import_main([str(source), "--out", str(tmp_path / "out"), "--fetch-media"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "events[1].media.url" in err[0] and "could not fetch" in err[0], err
    assert says in err[0] and "nothing was written" in err[0]
    assert not (tmp_path / "out").exists()
    assert {p.name for p in tmp_path.iterdir()} == {"src", "site"}  # no staging folder left behind either


def test_the_download_shows_progress(tmp_path, served):
    seen: list[tuple[int | None, str]] = []
    updates: list[int] = []

    class Bar:
        def update(self, n: int) -> None:
            updates.append(n)

        def close(self) -> None:
            seen.append((-1, "closed"))

    def progress(total: int | None, name: str) -> Bar:
        seen.append((total, name))
        return Bar()

    item = SlideMedia("events[0].media", "Remote", served.url("photo.png"), caption="x")
    carried = MediaCarrier(tmp_path / "t.json", True, progress).carry([item])
    size = PICTURE.stat().st_size
    assert seen == [(size, "photo.png"), (-1, "closed")] and sum(updates) == size
    assert carried.files["media/photo.png"] == PICTURE.read_bytes()


def test_fetch_media_is_refused_with_into(tmp_path, capsys):
    assert import_main([str(tmp_path / "places.geojson"), "--into", str(tmp_path), "--fetch-media"]) == 2
    assert "--fetch-media" in capsys.readouterr().err


def test_export_writes_media_back_and_import_carries_it_again(tmp_path):
    folder = tmp_path / "exhibit"
    shutil.copytree(SAMPLE, folder)
    out = folder / "steppe.timeline.json"  # beside media/, so the relative urls resolve
    report = export_data(folder, "timelinejs", out)
    slides = {s["unique_id"]: s for s in json.loads(out.read_text(encoding="utf-8"))["events"]}
    assert slides["work-begins"]["media"] == {
        "url": "media/map-panel.png", "caption": "The line from Town A to Town B (made-up map panel)",
        "credit": "Chronomap project",
        "alt": "An ochre plain with a dark railway line running from Town A, bottom left, to Town B, top right."}
    assert slides["line-finished"]["media"]["url"] == "media/engine.webp"
    assert "media" not in slides["karaganda-follows"]
    lost = "\n".join(report.not_carried)
    assert "media after the first of 1 events (work-begins)" in lost and "media of places" in lost
    import_file(out, tmp_path / "again")
    again = load_exhibit(tmp_path / "again")
    by_title = {e.title: e for e in again.events}
    [item] = by_title["Work begins on the railway"].media
    assert (item.caption_in("en"), item.credit, item.alt_in("en")) == (
        "The line from Town A to Town B (made-up map panel)", "Chronomap project",
        "An ochre plain with a dark railway line running from Town A, bottom left, to Town B, top right.")
    assert (tmp_path / "again" / item.file).read_bytes() == PICTURE.read_bytes()
