"""What a picture near a signature block is: a QR code (not an ink signature) or anything else.

A QR code beside a name is the visible part of an electronic signature (TTE) or just a link
to the document; without the BSrE footer or a PAdES signature it proves nothing, so it must not
count as a signature picture. A QR code is square, black and white, with about half of its
area dark and many sharp edges; an ink signature is thin strokes on white (a few percent dark).
Pictures that cannot be decoded are "not a QR code": the caller's position rules decide.
"""

from __future__ import annotations

import io
import struct
from typing import Any

_EMR_STRETCHDIBITS = 81
_EMR_SETDIBITSTODEVICE = 80
_META_STRETCHDIB = 0x0F43
_META_DIBSTRETCHBLT = 0x0B41


def _dib_image(dib: bytes) -> Any:
    from PIL import Image

    if len(dib) < 40:
        return None
    header = struct.unpack_from("<I", dib, 0)[0]
    bits, colours = struct.unpack_from("<H", dib, 14)[0], struct.unpack_from("<I", dib, 32)[0]
    palette = (colours or (1 << bits if bits <= 8 else 0)) * 4
    bmp = b"BM" + struct.pack("<IHHI", 14 + len(dib), 0, 0, 14 + header + palette) + dib
    im = Image.open(io.BytesIO(bmp))
    im.load()
    return im


def metafile_bitmap(data: bytes) -> Any:
    """The bitmap an EMF or WMF picture draws (scanned signatures pasted from Word are one
    STRETCHDIBITS record), as a PIL image; None when it draws none or cannot be read."""
    try:
        if data[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
            off = 0
            while off + 8 <= len(data):
                kind, size = struct.unpack_from("<II", data, off)
                if kind in (_EMR_STRETCHDIBITS, _EMR_SETDIBITSTODEVICE):
                    base = 48 if kind == _EMR_STRETCHDIBITS else 44
                    bmi, cbmi, bits, cbits = struct.unpack_from("<IIII", data, off + base)
                    return _dib_image(data[off + bmi:off + bmi + cbmi] + data[off + bits:off + bits + cbits])
                if size < 8:
                    return None
                off += size
            return None
        off = 22 if data[:4] == b"\xd7\xcd\xc6\x9a" else 0  # placeable WMF header
        off += struct.unpack_from("<H", data, off + 2)[0] * 2  # WMF header size in words
        while off + 6 <= len(data):
            size, func = struct.unpack_from("<IH", data, off)
            if func in (_META_STRETCHDIB, _META_DIBSTRETCHBLT):
                skip = 6 + (22 if func == _META_STRETCHDIB else 20)
                return _dib_image(data[off + skip:off + size * 2])
            if size < 3:
                return None
            off += size * 2
    except (struct.error, OSError, ValueError, SyntaxError):
        return None
    return None


def decode(data: bytes) -> Any:
    """A PIL image of picture bytes (PNG, JPEG, GIF, BMP, EMF/WMF with a bitmap), else None."""
    from PIL import Image

    if data[:4] == b"\x01\x00\x00\x00" or data[:4] == b"\xd7\xcd\xc6\x9a" or data[:2] in (b"\x01\x00", b"\x02\x00"):
        return metafile_bitmap(data)
    try:
        im = Image.open(io.BytesIO(data))
        im.draft("L", (256, 256))
        im.load()
        return im
    except Exception:  # noqa: BLE001 - any undecodable picture is just "unknown"
        return None


def looks_like_qr(im: Any) -> bool:
    """A square black-and-white picture, about half dark, with many edges on each row."""
    if im is None:
        return False
    w, h = im.size
    if not w or not h or not 0.8 <= w / h <= 1.25:
        return False
    if im.mode in ("RGBA", "LA", "P"):
        from PIL import Image

        back = Image.new("RGBA", im.size, "white")
        im = Image.alpha_composite(back, im.convert("RGBA"))
    g = im.convert("L").resize((96, 96))
    px = list(g.tobytes())
    dark = sum(v < 96 for v in px) / len(px)
    mid = sum(96 <= v < 176 for v in px) / len(px)
    if not (0.25 <= dark <= 0.7 and mid < 0.2):
        return False
    edges = 0
    for y in range(0, 96, 4):
        row = px[y * 96:(y + 1) * 96]
        edges += sum((a < 128) != (b < 128) for a, b in zip(row, row[1:], strict=False))
    return edges / 24 >= 8  # black/white changes per row: QR modules, not a stamp's ring
