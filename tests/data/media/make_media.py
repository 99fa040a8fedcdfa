"""Make the sample media of tests/data/media/steppe-with-media (run it again to redraw them).

Everything here is drawn or synthesised by this script — no photograph, scan or recording of anyone
else's — so the files are the Chronomap project's own work, dedicated to the public domain (CC0 1.0),
and every caption says they are made up. The built-in Perestroika exhibit carries none of them: it
shows only what the museum supplies.

    python tests/data/media/make_media.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent / "steppe-with-media" / "media"

#: The flat colours at the centre of each picture, so a test can find a picture on screen by its pixels.
STEPPE = (217, 190, 112)
PAPER = (244, 236, 214)
SKY = (64, 112, 176)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def map_panel(path: Path) -> None:
    """An illustrated map panel: a railway line between two towns on a plain steppe."""
    image = Image.new("RGB", (800, 500), STEPPE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 799, 60), fill=(120, 90, 50))
    draw.text((20, 14), "Illustration made for Chronomap's tests", font=_font(28), fill=(255, 250, 235))
    line = [(90, 420), (260, 330), (420, 300), (700, 110)]
    draw.line(line, fill=(60, 40, 30), width=9)
    for x, y in line[1:-1]:
        draw.line((x - 14, y - 14, x + 14, y + 14), fill=(60, 40, 30), width=4)
    for (x, y), name, dx in ((line[0], "Town A", 24), (line[-1], "Town B", -110)):
        draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill=(200, 60, 30), outline=(40, 20, 10), width=4)
        draw.text((x + dx, y - 12), name, font=_font(26), fill=(40, 20, 10))
    image.save(path, "PNG", optimize=True)


def document(path: Path) -> None:
    """A typeset 'document' facsimile, plainly marked as made up."""
    image = Image.new("RGB", (600, 800), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 30, 569, 769), outline=(90, 80, 60), width=3)
    draw.text((60, 70), "NOT A REAL DOCUMENT", font=_font(34), fill=(150, 30, 30))
    draw.text((60, 120), "Typeset by the Chronomap project for its tests", font=_font(20), fill=(60, 50, 40))
    for row in range(14):
        y = 200 + row * 36
        if 330 < y < 470:
            continue  # the plain centre a test looks for
        draw.line((60, y, 540 - (row % 3) * 60, y), fill=(110, 100, 80), width=6)
    image.save(path, "JPEG", quality=88)


def engine(path: Path) -> None:
    """A locomotive drawn in flat shapes under a blue sky."""
    image = Image.new("RGB", (640, 400), SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 639, 399), fill=(150, 130, 80))
    draw.rectangle((60, 300, 580, 310), fill=(70, 60, 50))
    draw.rectangle((240, 230, 500, 292), fill=(40, 40, 45))  # the centre (320, 200) stays sky
    draw.rectangle((420, 170, 500, 232), fill=(40, 40, 45))
    draw.rectangle((270, 190, 300, 232), fill=(40, 40, 45))
    for x in (280, 360, 460):
        draw.ellipse((x - 26, 270, x + 26, 322), fill=(25, 25, 30), outline=(200, 200, 200), width=3)
    draw.text((20, 20), "Drawn for Chronomap's tests", font=_font(24), fill=(255, 255, 255))
    image.save(path, "WEBP", quality=90)


def chime(path: Path, seconds: float = 2.0, rate: int = 8000) -> None:
    """Two soft notes, mono 16-bit WAV: a recording with no words, synthesised here."""
    frames = bytearray()
    for i in range(int(seconds * rate)):
        t = i / rate
        pitch = 523.25 if t < seconds / 2 else 659.25
        envelope = math.exp(-3 * (t % (seconds / 2)))
        frames += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * pitch * t)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


#: The files this script makes, and how.
MAKERS = {"map-panel.png": map_panel, "document.jpg": document, "engine.webp": engine, "chime.wav": chime}


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        make(out / name)
    print(f"wrote {', '.join(MAKERS)} to {out}")


if __name__ == "__main__":
    main()
