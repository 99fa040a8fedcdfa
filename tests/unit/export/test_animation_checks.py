"""An animation is decoded again before it replaces the target: a truncated GIF or MP4 (a full disk) is refused."""

from __future__ import annotations

import pytest
from PIL import Image

from chronomap.errors import WriteError
from chronomap.export.animation import verify_gif, verify_mp4


def _gif(path, frames: int) -> None:
    pictures = [Image.new("RGB", (64, 48), (i * 40, 80, 160)).quantize(colors=16) for i in range(frames)]
    pictures[0].save(path, format="GIF", save_all=True, append_images=pictures[1:], duration=100, loop=0, disposal=1)


def _mp4(path, frames: int) -> None:
    import imageio_ffmpeg

    writer = imageio_ffmpeg.write_frames(str(path), (64, 48), fps=10, codec="libx264", pix_fmt_in="rgb24",
                                         pix_fmt_out="yuv420p", macro_block_size=2)
    writer.send(None)
    for i in range(frames):
        writer.send(bytes([i * 20 % 256, 90, 200]) * (64 * 48))
    writer.close()


def _truncate(path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def test_a_whole_gif_passes_and_a_truncated_one_is_refused(tmp_path):
    path, target = tmp_path / ".story.gif.tmp", tmp_path / "story.gif"
    _gif(path, 5)
    verify_gif(path, target, 5)
    with pytest.raises(WriteError, match=f"^{target}: cannot be written \\(the GIF written has 5 of 6 frames\\)"):
        verify_gif(path, target, 6)
    _truncate(path, 0.5)
    with pytest.raises(WriteError, match=f"^{target}: cannot be written"):
        verify_gif(path, target, 5)


def test_a_whole_mp4_passes_and_a_truncated_one_is_refused(tmp_path):
    path, target = tmp_path / ".story.mp4.tmp.mp4", tmp_path / "story.mp4"
    _mp4(path, 20)
    verify_mp4(path, target, 20)
    _truncate(path, 0.4)
    with pytest.raises(WriteError) as info:
        verify_mp4(path, target, 20)
    assert str(info.value).startswith(f"{target}: cannot be written (the MP4 written ")
    assert "\n" not in str(info.value) and str(path) not in str(info.value)
