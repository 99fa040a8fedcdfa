import pytest

from chronomap.errors import StartError
from chronomap.export.moments import animation_frames, batch_file_name, caption_for, start_moment
from chronomap.export.options import (
    ExportError,
    SnapshotOptions,
    check_writable_folder,
    default_scale,
    output_format,
    parse_size,
)


def test_sizes_and_limits():
    assert parse_size("1920x1080") == (1920, 1080)
    assert parse_size(" 3508 × 2480 ") == (3508, 2480)
    with pytest.raises(ExportError, match="WIDTHxHEIGHT"):
        parse_size("big")
    SnapshotOptions(4961, 3508, 3.0).validate()  # A3 at 300 dpi
    with pytest.raises(ExportError, match="too large.*8192"):
        SnapshotOptions(20000, 10000).validate()
    with pytest.raises(ExportError, match="too small"):
        SnapshotOptions(100, 80).validate()
    with pytest.raises(ExportError, match="scale"):
        SnapshotOptions(1000, 800, 20).validate()
    assert SnapshotOptions(3508, 2480, 3.0).css_size == (1169, 827)
    assert default_scale(1920, 1080) == 1.0 and default_scale(3840, 2160) == 2.0


def test_formats_and_folders(tmp_path):
    assert output_format(tmp_path / "a.PNG", {".png": "png"}) == "png"
    with pytest.raises(ExportError, match="unknown file type '.jpg'"):
        output_format(tmp_path / "a.jpg", {".png": "png", ".pdf": "pdf"})
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        check_writable_folder(blocker / "sub")
    check_writable_folder(tmp_path / "new" / "folder")  # created later; its nearest parent is writable


def test_moments_and_captions(timeline):
    moment = start_moment(timeline, "1986-12-17", None)
    assert moment.focus.id == "december-events"
    assert caption_for(timeline, moment) == {"title": "Perestroika in Kazakhstan", "date": "17–18 December 1986",
                                             "event": "The December Events (Jeltoqsan)"}
    with pytest.raises(StartError, match="^--at: found '1960'; expected a date inside the story"):
        start_moment(timeline, "1960", None)
    with pytest.raises(StartError, match="^--event: found 'nope'; expected an event of this exhibit: "):
        start_moment(timeline, None, "nope")
    with pytest.raises(ExportError, match="give --at DATE or --event ID"):
        start_moment(timeline, None, None)
    assert batch_file_name(3, 15, "x", ".png") == "03-x.png"
    assert batch_file_name(3, 150, "x", ".png") == "003-x.png"


def test_animation_holds_every_event_and_starts_at_the_first(timeline):
    frames = animation_frames(timeline, fps=10, hold_seconds=2)
    holds = [f for f in frames if f.repeat > 1]
    assert [f.moment.focus.id for f in holds] == [e.id for e in timeline.events]
    assert frames[0].moment.focus.id == timeline.events[0].id and frames[0].repeat == 20
    days = [f.moment.day for f in frames]
    assert days == sorted(days)
    with pytest.raises(ExportError, match="fps"):
        animation_frames(timeline, fps=0)
