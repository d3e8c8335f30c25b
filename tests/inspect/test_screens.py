"""Which pictures are captures of a screen (their dates come only from the name, EXIF or the
captured clock): named by the screenshot kind's words of the documents registry."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from auditor.inspect.image import _looks_like_screen


def _picture(fmt: str, make: str | None = None) -> Image.Image:
    img = Image.new("RGB", (64, 48), (200, 200, 200))
    exif = Image.Exif()
    if make:
        exif[0x010F] = make
    buf = io.BytesIO()
    img.save(buf, fmt, exif=exif.tobytes())
    return Image.open(io.BytesIO(buf.getvalue()))


def test_a_jpeg_is_a_screen_capture_only_when_its_name_says_so_and_no_camera_took_it() -> None:
    jpeg = _picture("JPEG")
    assert _looks_like_screen(Path("Screenshot_20220514-093012_Chrome.jpg"), jpeg)
    assert _looks_like_screen(Path("Tangkapan layar 2022-05-14.jpg"), jpeg)
    assert _looks_like_screen(Path("ss website kpu.jpg"), jpeg)
    assert not _looks_like_screen(Path("Foto kelas 14 Mei.jpg"), jpeg)  # "ss" inside a word
    assert not _looks_like_screen(Path("Screenshot rapat.jpg"), _picture("JPEG", make="samsung"))


def test_a_png_without_a_camera_is_a_screen_capture() -> None:
    assert _looks_like_screen(Path("website.png"), _picture("PNG"))
