"""The story as an animation: GIF through Pillow, MP4 through imageio-ffmpeg's own encoder.

Each distinct picture is rendered once; a held event is one GIF frame with a
long duration, or the same MP4 frame repeated.  Both are written to a
temporary file beside the target and renamed at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from chronomap.atomic import replaced_on_success
from chronomap.export.moments import AnimationFrame
from chronomap.export.options import ExportError


def _rgb_bytes(image: QImage) -> bytes:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    if stride == width * 3:
        return data[: width * height * 3]
    return b"".join(data[y * stride: y * stride + width * 3] for y in range(height))


def write_animation(snapshotter, frames: list[AnimationFrame], target: Path, fmt: str, fps: int,
                    progress: Callable[[int], object] = lambda n: None) -> Path:
    target = Path(target)
    writers = {"gif": _write_gif, "mp4": _write_mp4}
    if fmt not in writers:
        raise ExportError(f"{target}: unknown animation format {fmt!r}; expected gif or mp4")
    with replaced_on_success(target) as tmp:
        writers[fmt](snapshotter, frames, tmp, fps, progress)
    return target


def _write_gif(snapshotter, frames, path: Path, fps: int, progress) -> None:
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


def _write_mp4(snapshotter, frames, path: Path, fps: int, progress) -> None:
    import imageio_ffmpeg

    size = (snapshotter.options.width, snapshotter.options.height)
    if size[0] % 2 or size[1] % 2:
        raise ExportError(f"size {size[0]}x{size[1]}: MP4 needs an even width and height")
    writer = imageio_ffmpeg.write_frames(str(path), size, fps=fps, codec="libx264", pix_fmt_in="rgb24",
                                         pix_fmt_out="yuv420p", quality=8, macro_block_size=2,
                                         output_params=["-movflags", "+faststart"])
    writer.send(None)  # start the encoder
    try:
        for frame in frames:
            data = _rgb_bytes(snapshotter.render(frame.moment))
            for _ in range(frame.repeat):
                writer.send(data)
            progress(1)
    finally:
        writer.close()
