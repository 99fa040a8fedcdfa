"""What a snapshot is asked to be: size, scale, furniture, format. Pure Python.

Every refusal is an :class:`ExportError` with one line a person can act on.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from chronomap.errors import ChronomapError
from chronomap.story.quoting import quote

#: The largest picture we render: Chromium's compositor and a 2-core machine
#: both struggle past this, and it already covers A3 at 300 dpi (4961 × 3508).
MAX_SIDE = 8192
MAX_PIXELS = 36_000_000

IMAGE_FORMATS = {".png": "png", ".pdf": "pdf"}
ANIMATION_FORMATS = {".gif": "gif", ".mp4": "mp4"}


class ExportError(ChronomapError):
    """A snapshot that cannot be made; the message is one clear line."""


#: CSS pixels per inch: what a web page is laid out in, on screen and on paper.
CSS_DPI = 96.0
PRINT_DPI = 300.0


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    width: int
    height: int
    scale: float
    #: The print resolution the picture is meant for (None: a screen, 96 dots per CSS pixel times the scale).
    dpi: float | None = None


PRESETS: tuple[Preset, ...] = (
    Preset("hd", "1920 × 1080 (slides, screens)", 1920, 1080, 1.0),
    Preset("4k", "3840 × 2160 (large screens)", 3840, 2160, 2.0),
    # Paper: the scale is the print resolution over the CSS one, so the page is laid out on exactly
    # the paper's CSS size (297 × 210 mm = 1122.5 × 793.7 CSS px) and the PDF is a real A4 or A3 sheet.
    Preset("a4", "A4 landscape, 300 dpi (3508 × 2480)", 3508, 2480, PRINT_DPI / CSS_DPI, PRINT_DPI),
    Preset("a3", "A3 landscape, 300 dpi (4961 × 3508)", 4961, 3508, PRINT_DPI / CSS_DPI, PRINT_DPI),
)


#: A with-media panel's picture column is this share of the height wide (a 1.5 : 1 map gets a near-square column).
SIDE_SHARE = 0.75


def side_width(height: int) -> int:
    """The picture column's width beside a map *height* pixels high."""
    return round(height * SIDE_SHARE)


def map_width_for(total_width: int, height: int) -> int:
    """The map snapshot's width so that the panel is *total_width* wide (the export's requested size)."""
    return max(1, total_width - side_width(height))


@dataclass(frozen=True)
class SnapshotOptions:
    """A picture of ``width`` × ``height`` device pixels; ``scale`` device pixels per CSS pixel.

    Scale makes print sizes legible: at A4 300 dpi and scale 3 the map is laid
    out on 1169 × 827 CSS pixels and drawn three times finer.
    """

    width: int = 1920
    height: int = 1080
    scale: float = 1.0
    caption: bool = True
    legend: bool = True
    scale_bar: bool = True
    attribution: bool = True
    #: Dots per inch on paper (PNG pHYs, PDF page size); None: the screen's, 96 per CSS pixel times the scale.
    dpi: float | None = None
    #: Lay the map beside the event's first picture, its caption and credit (a moment without one: the map alone).
    media: bool = False

    @property
    def css_size(self) -> tuple[int, int]:
        return round(self.width / self.scale), round(self.height / self.scale)

    @property
    def map_size(self) -> tuple[int, int]:
        """The map's own part of the picture, in device pixels, when a picture stands beside it."""
        return map_width_for(self.width, self.height), self.height

    @property
    def print_dpi(self) -> float:
        """The resolution the picture is tagged with and printed at."""
        return self.dpi if self.dpi is not None else CSS_DPI * self.scale

    @property
    def page_points(self) -> tuple[float, float]:
        """The PDF page in points (1/72 inch): the picture's size at its print resolution."""
        return self.width / self.print_dpi * 72, self.height / self.print_dpi * 72

    def validate(self) -> SnapshotOptions:
        if self.width < 200 or self.height < 150:
            raise ExportError(f"size: found {self.width}x{self.height}, too small; expected at least 200x150 pixels")
        if max(self.width, self.height) > MAX_SIDE or self.width * self.height > MAX_PIXELS:
            raise ExportError(f"size: found {self.width}x{self.height}, too large to render; expected at most {MAX_SIDE} "
                              f"pixels a side and {MAX_PIXELS // 1_000_000} million pixels in all (A3 at 300 dpi fits)")
        if self.dpi is not None and not 36 <= self.dpi <= 2400:
            raise ExportError(f"dpi: found {self.dpi:g}, out of range; expected a print resolution from 36 to 2400")
        if not 0.5 <= self.scale <= 8:
            raise ExportError(f"scale: found {self.scale:g}, out of range; expected a number from 0.5 to 8")
        css_w, css_h = self.css_size
        if css_w < 320 or css_h < 240:
            raise ExportError(f"scale: found {self.scale:g}, which leaves a {css_w}x{css_h} layout, too small for the map; "
                              "expected a smaller scale for this size")
        if self.media and round(self.map_size[0] / self.scale) < 320:
            raise ExportError(f"--with-media: a {self.width}x{self.height} picture leaves the map "
                              f"{round(self.map_size[0] / self.scale)} px wide beside the picture's column; expected a "
                              "wider size (the column takes three quarters of the height), or leave out --with-media")
        return self


def parse_size(text: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` in pixels; a size that is understood but unusable (``0x0``) is left to :meth:`SnapshotOptions.validate`."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text or "")
    if not match:
        raise ExportError(f"--size: found {quote(text)}, which is not understood; expected WIDTHxHEIGHT in pixels, e.g. 1920x1080")
    width, height = match.group(1), match.group(2)
    if max(len(width), len(height)) > len(str(MAX_SIDE)) + 1:  # no point turning a 5,000-digit number into an int
        raise ExportError(f"--size: found {quote(text)}, too large to render; expected at most {MAX_SIDE} pixels a side")
    return int(width), int(height)


def default_scale(width: int, height: int) -> float:
    """A legible scale for a size: 1 up to full HD, then larger for larger pictures."""
    return max(1.0, round(min(width / 1920, height / 1080) * 2) / 2)


def output_format(path: Path, allowed: dict[str, str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise ExportError(f"{path}: unknown file type {suffix or '(none)'!r}; expected one of {', '.join(allowed)}")
    return allowed[suffix]


def check_output_file(path: Path) -> None:
    """Refuse early, before any rendering, an ``--out`` that could not be written: a folder,
    a file in a folder that does not exist, or in one we may not write to."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"--out: {path} is a folder; expected a file name to write (such as {path / 'map.png'})")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"--out: cannot write into {folder}: it is a file, not a folder")
    if not folder.exists():
        raise ExportError(f"--out: cannot write {path}: the folder {folder} does not exist; expected an existing folder")
    _probe(folder, "--out")


def check_writable_folder(folder: Path) -> None:
    """Refuse early, before any rendering, a place we could not write to."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"--out-dir: cannot write into {folder}: it is a file, not a folder")
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise ExportError(f"--out-dir: cannot write into {folder}: {probe} is a file, not a folder")
    _probe(probe, "--out-dir", folder)


def _probe(folder: Path, option: str, asked: Path | None = None) -> None:
    """Create and remove a file in *folder*: the only test that holds for root and for read-only mounts too."""
    try:
        fd, name = tempfile.mkstemp(prefix=".chronomap-probe.", dir=folder)
    except OSError as exc:
        raise ExportError(f"{option}: cannot write into {asked or folder}: {(exc.strerror or str(exc)).lower()}") from None
    os.close(fd)
    os.unlink(name)
