"""Images: EXIF DateTimeOriginal (then DateTime), else a date in the name; a perceptual hash;
and a photo or scan of a page read like any scanned letter (``inspect.page``, OCR, ink)."""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from pathlib import Path

from auditor.fsnames import shown
from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.text import EVIDENCE_CHARS, date_from_name

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
        # A camera whose clock was never set says 2015 or 2000: outside plan year +- 1 it is ignored.
        if (year - 1 if year else 2000) <= value.year <= (year or datetime.now().year) + 1:
            return value
    return None


def _ocr_page(img: object, facts: FileFacts, year: int | None) -> None:
    """A photo or scan of a page: find the page, OCR it, read it like any scanned letter.

    Its own date (signature block, decree, meeting day) beats the camera's and the name's;
    a date the picture merely shows (a web page's "Diunggah 2 Januari 2022") does not. A
    picture that is no page (a meeting, a banner) is not OCR'd, or its reading is dropped
    when Tesseract finds no sentence in it.
    """
    from auditor.inspect.dates import ocr_fixes
    from auditor.inspect.ink import scanned_signature
    from auditor.inspect.ocr import ocr_page, quality, reread_days
    from auditor.inspect.page import find_page
    from auditor.inspect.text import apply_text, clean_lines

    page = find_page(img)
    if page is None:
        return
    try:
        read, notes = ocr_page(page.gray, page.color)
    except Exception as exc:  # tesseract missing or failing: keep what EXIF/name said
        facts.notes.append(t("inspect.note_ocr_failed", reason=f"{type(exc).__name__}: {str(exc)[:80]}"))
        return
    if quality(read.text) < 3:
        return  # letters, but no sentence: a poster, a chart, a screen of numbers
    facts.notes.extend(notes)
    facts.notes.append(t("inspect.note_ocr", pages=1))
    facts.scanned = True
    weak = (facts.date, facts.date_source, facts.date_evidence)
    lines = clean_lines(ocr_fixes(reread_days(read)))
    finding = apply_text(facts, lines, year)
    if weak[0] is not None and (facts.date is None or finding.source in (None, "text")):
        facts.date, facts.date_source, facts.date_evidence = weak
    scanned_signature(facts, lines, [read])


def _screen_clock(img: object, facts: FileFacts, year: int | None) -> None:
    """The day a screen was captured, from the clock of a Windows taskbar in the picture.

    A web page or an app shows many dates (posts, footers); only the taskbar clock at the
    bottom right says when the picture was taken ("09:30" over "14/05/2022"). It is read
    alone, large and dark-on-light, and only a full day with its year counts.
    """
    import numpy as np
    import pytesseract
    from PIL import Image, ImageOps

    from auditor.inspect.dates import dates_in_line, latest_year

    width, height = img.size  # type: ignore[attr-defined]
    bar = img.crop((int(width * 0.72), int(height * 0.92), width, height)).convert("L")  # type: ignore[attr-defined]
    if float(np.asarray(bar).mean()) < 128:  # a dark taskbar: light letters
        bar = ImageOps.invert(bar)
    bar = bar.resize((bar.width * 3, bar.height * 3), Image.Resampling.LANCZOS)
    try:
        text = pytesseract.image_to_string(bar, config="--psm 6")
    except Exception:  # tesseract missing: the screenshot stays undated, said by the audit
        return
    for line in text.splitlines():
        found = dates_in_line(line, latest_year(year))
        if found:
            day = found[-1][2]
            facts.date, facts.date_source = day.isoformat(), "screen_clock"
            facts.date_evidence = line.strip()[:EVIDENCE_CHARS]
            return


def _looks_like_screen(path: Path, img: object) -> bool:
    """A capture of a screen: no camera in its EXIF, and a PNG or a name with one of the
    screenshot kind's words (the documents registry)."""
    from auditor.documents.kinds import KINDS

    if _camera(img):
        return False
    if getattr(img, "format", None) == "PNG":
        return True
    name = " " + " ".join(re.split(r"[\W_]+", path.stem.lower())) + " "
    return any(f" {w} " in name for w in KINDS["screenshot"].name_words)


def read_image(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    date_from_name(facts, path, year)  # kept even when the pixels cannot be read
    facts.title = shown(path.stem)
    from PIL import Image, UnidentifiedImageError

    if path.suffix.lower() in (".heic", ".heif"):
        _heif_opener(path)

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as img:
                w, h = img.size
                if w * h > MAX_PIXELS:
                    raise BadDocument("inspect.image_bomb", pixels=round(w * h / 1e6))
                taken = _exif_date(img, year)
                screen = _looks_like_screen(path, img)
                if taken:
                    facts.date, facts.date_source = taken.date().isoformat(), "exif"
                    facts.date_evidence = f"EXIF {taken:%Y:%m:%d %H:%M:%S}"
                facts.pages = getattr(img, "n_frames", 1)
                reading = bool(limits and limits.ocr)
                if reading:  # before the hash, which decodes a JPEG small and grey (draft mode)
                    img.load()
                    page = img.copy()
                facts.phash = _phash(img)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise BadDocument("inspect.image_bomb", pixels="> 90") from exc
        except UnidentifiedImageError as exc:
            raise BadDocument("inspect.image_not_image", reason="format tidak dikenal") from exc
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise BadDocument("inspect.image_not_image", reason=str(exc)[:80]) from exc
    # A photo carries no signature, but a photographed letter might: told from the ink
    # between its office line and the name, a "ttd." copy or an electronic-signature footer.
    facts.signed = None
    if reading:
        _ocr_page(page, facts, year)
        if screen and facts.date_source == "text":  # a date a web page or an app merely shows
            facts.date = facts.date_source = facts.date_evidence = None
        if screen and facts.date is None and page.width > page.height:
            _screen_clock(page, facts, year)


def _camera(img: object) -> bool:
    """True when EXIF names a camera or phone maker (a photo, not a screen capture)."""
    try:
        exif = img.getexif()  # type: ignore[attr-defined]
    except Exception:
        return False
    return bool(exif and (exif.get(0x010F) or exif.get(0x0110)))  # Make, Model


def _heif_opener(path: Path) -> None:
    """Let Pillow open HEIC/HEIF (iPhone photos) through pillow-heif."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError as exc:
        raise BadDocument("inspect.no_reader", ext=path.suffix.lower(), tool="pillow-heif",
                          target="JPG") from exc
    register_heif_opener()


# A picture whose grey levels vary less than this (standard deviation, 0-255) is blank or
# one colour: all such pictures hash alike, so they get no hash and are never "the same photo".
UNIFORM_STDDEV = 6.0


def _phash(img: object) -> str | None:
    import imagehash
    from PIL import ImageStat

    if getattr(img, "format", None) == "JPEG":
        img.draft("L", (256, 256))  # type: ignore[attr-defined]  # decode small: 10x faster
    grey = img.convert("L")  # type: ignore[attr-defined]
    if ImageStat.Stat(grey).stddev[0] < UNIFORM_STDDEV:
        return None
    return str(imagehash.phash(grey))
