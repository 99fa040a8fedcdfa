"""The story as an animation: GIF through Pillow, MP4 through imageio-ffmpeg's own encoder.

Each distinct picture is rendered once; a held event is one GIF frame with a
long duration, or the same MP4 frame repeated.  Both are written to a
temporary file beside the target, decoded again to check that every frame is
there (a full disk truncates an MP4 without the encoder noticing), and only
then renamed over the target.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage

from chronomap.atomic import replaced_on_success
from chronomap.errors import WriteError
from chronomap.export.moments import AnimationFrame
from chronomap.export.options import ExportError

if TYPE_CHECKING:
    from chronomap.export.snapshotter import Snapshotter

Progress = Callable[[int], object]


def _rgb_bytes(image: QImage) -> bytes:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    if stride == width * 3:
        return data[: width * height * 3]
    return b"".join(data[y * stride: y * stride + width * 3] for y in range(height))


def write_animation(snapshotter: Snapshotter, frames: list[AnimationFrame], target: Path, fmt: str, fps: int,
                    progress: Progress = lambda n: None) -> Path:
    target = Path(target)
    if fmt == "gif":
        with replaced_on_success(target, verify=lambda tmp: verify_gif(tmp, target, len(frames))) as tmp:
            _write_gif(snapshotter, frames, tmp, fps, progress)
    elif fmt == "mp4":
        total = sum(frame.repeat for frame in frames)
        with replaced_on_success(target, verify=lambda tmp: verify_mp4(tmp, target, total)) as tmp:
            _write_mp4(snapshotter, frames, tmp, fps, progress, target)
    else:
        raise ExportError(f"{target}: unknown animation format {fmt!r}; expected gif or mp4")
    return target


def verify_gif(path: Path, target: Path, expected: int) -> None:
    """Decode the GIF just written: every frame must be there."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            found = getattr(image, "n_frames", 1)
            image.seek(found - 1)
            image.load()
    except (OSError, UnidentifiedImageError, EOFError, ValueError, SyntaxError) as exc:
        raise WriteError(f"{target}: cannot be written (the GIF written does not decode: {exc}); nothing was changed there") from None
    if found != expected:
        raise WriteError(f"{target}: cannot be written (the GIF written has {found} of {expected} frames); nothing was changed there")


def verify_mp4(path: Path, target: Path, expected: int) -> None:
    """Decode the MP4 just written: every frame must be there."""
    import imageio_ffmpeg

    try:
        found, _seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    except (OSError, RuntimeError, ValueError) as exc:
        raise WriteError(f"{target}: cannot be written (the MP4 written does not decode: {str(exc).splitlines()[0][:120]}); "
                         "nothing was changed there") from None
    if found != expected:
        raise WriteError(f"{target}: cannot be written (the MP4 written has {found} of {expected} frames; a full disk?); "
                         "nothing was changed there")


def _write_gif(snapshotter: Snapshotter, frames: list[AnimationFrame], path: Path, fps: int, progress: Progress) -> None:
    from PIL import Image

    pictures = []
    durations = []
    for frame in frames:
        image = snapshotter.render(frame.moment)
        rgb = Image.frombytes("RGB", (image.width(), image.height()), _rgb_bytes(image))
        pictures.append(rgb.quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
        durations.append(round(1000 * frame.repeat / fps))
        progress(1)
    pictures[0].save(path, format="GIF", save_all=True, append_images=pictures[1:], duration=durations, loop=0,
                     optimize=False, disposal=1)


def _write_mp4(snapshotter: Snapshotter, frames: list[AnimationFrame], path: Path, fps: int, progress: Progress,
               target: Path) -> None:
    import imageio_ffmpeg

    size = (snapshotter.options.width, snapshotter.options.height)
    if size[0] % 2 or size[1] % 2:
        raise ExportError(f"size {size[0]}x{size[1]}: MP4 needs an even width and height")
    writer: Any = imageio_ffmpeg.write_frames(str(path), size, fps=fps, codec="libx264", pix_fmt_in="rgb24",
                                              pix_fmt_out="yuv420p", quality=8, macro_block_size=2,
                                              output_params=["-movflags", "+faststart"])
    try:
        writer.send(None)  # start the encoder
        for frame in frames:
            data = _rgb_bytes(snapshotter.render(frame.moment))
            try:
                for _ in range(frame.repeat):
                    writer.send(data)
            except (OSError, RuntimeError) as exc:  # the encoder died (a full disk): "Broken pipe" says nothing
                said = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
                raise WriteError(f"{target}: cannot be written (the video encoder stopped: {said}); "
                                 "nothing was changed there") from None
            progress(1)
    finally:
        try:
            writer.close()
        except (OSError, RuntimeError):
            pass  # already said above, or caught by verify_mp4
