"""Images: EXIF DateTimeOriginal (then DateTime), else a date in the name; a perceptual hash."""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path

from auditor.inspect.bad import BadDocument
from auditor.inspect.dates import date_in_name
from auditor.inspect.facts import FileFacts

MAX_PIXELS = 90_000_000  # Pillow's own bomb limit; beyond it a plain error
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 36867
_DATETIME_DIGITIZED = 36868
_DATETIME = 306


def _exif_date(img: object, year: int | None) -> datetime | None:
    try:
        exif = img.getexif()  # type: ignore[attr-defined]
    except Exception:
        return None
    sub = exif.get_ifd(_EXIF_IFD) if exif else {}
    for raw in (sub.get(_DATETIME_ORIGINAL), sub.get(_DATETIME_DIGITIZED), exif.get(_DATETIME) if exif else None):
        if not raw:
            continue
        try:
            value = datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
        if 2000 <= value.year <= (year or datetime.now().year) + 1:
            return value
    return None


def read_image(path: Path, facts: FileFacts, year: int | None) -> None:
    named = date_in_name(path.stem, year)
    if named:  # kept even when the pixels cannot be read
        facts.date, facts.date_source = named.isoformat(), "filename"
    facts.title = path.stem
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as img:
                w, h = img.size
                if w * h > MAX_PIXELS:
                    raise BadDocument("inspect.image_bomb", pixels=round(w * h / 1e6))
                taken = _exif_date(img, year)
                if taken:
                    facts.date, facts.date_source = taken.date().isoformat(), "exif"
                facts.pages = getattr(img, "n_frames", 1)
                facts.phash = _phash(img)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise BadDocument("inspect.image_bomb", pixels="> 90") from exc
        except UnidentifiedImageError as exc:
            raise BadDocument("inspect.image_not_image", reason="format tidak dikenal") from exc
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise BadDocument("inspect.image_not_image", reason=str(exc)[:80]) from exc
    # A photo carries no signature, but a photographed letter might: it cannot be told.
    facts.signed = None


def _phash(img: object) -> str:
    import imagehash

    if getattr(img, "format", None) == "JPEG":
        img.draft("L", (256, 256))  # type: ignore[attr-defined]  # decode small: 10x faster
    return str(imagehash.phash(img.convert("L")))  # type: ignore[attr-defined]
