"""Images: EXIF DateTimeOriginal (then DateTime), else a date in the name; a perceptual hash."""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.dates import date_in_name
from auditor.inspect.facts import FileFacts, Limits

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


def looks_like_paper(img: object) -> bool:
    """A scanned or photographed page: mostly white, nearly colourless, with some dark ink.

    Cheap (a 256-pixel thumbnail), so that only such images pay for OCR; photos of events,
    banners and screens fail at least one of the three tests.
    """
    from PIL import ImageStat

    small = img.copy()  # type: ignore[attr-defined]
    small.thumbnail((256, 256))  # smaller averages thin text strokes away
    gray = small.convert("L")
    hist = gray.histogram()
    total = max(1, sum(hist))
    white = sum(hist[215:]) / total
    ink = sum(hist[:200]) / total
    saturation = ImageStat.Stat(small.convert("HSV")).mean[1]
    return white >= 0.6 and 0.001 <= ink <= 0.3 and saturation < 30


def _ocr_page(img: object, facts: FileFacts, year: int | None) -> None:
    """Read a page image with Tesseract: its own date and signature marks beat EXIF/name."""
    from auditor.inspect.ocr import ocr_image
    from auditor.inspect.signatures import analyse, decide
    from auditor.inspect.text import apply_text, clean_lines

    weak = (facts.date, facts.date_source)
    try:
        text, notes = ocr_image(img.convert("L"))  # type: ignore[attr-defined]
    except Exception as exc:  # tesseract missing or failing: keep what EXIF/name said
        facts.notes.append(t("inspect.note_ocr_failed", reason=f"{type(exc).__name__}: {str(exc)[:80]}"))
        return
    facts.notes.extend(notes)
    facts.notes.append(t("inspect.note_ocr", pages=1))
    facts.scanned = True
    lines = clean_lines(text)
    finding = apply_text(facts, lines, year)
    # A date the page merely shows (a web page's "Diunggah 2 Januari 2022") does not beat the
    # camera or the screenshot's name; a letter's signature block, decree date or meeting day does.
    if weak[0] is not None and (facts.date is None or finding.source in (None, "text")):
        facts.date, facts.date_source = weak
    verdict = decide(analyse(lines), scanned=True)
    facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
    facts.notes.extend(t(k) for k in verdict.notes)


def read_image(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    named = date_in_name(path.stem, year)
    if named:  # kept even when the pixels cannot be read
        facts.date, facts.date_source = named.isoformat(), "filename"
    facts.title = path.stem
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
                if taken:
                    facts.date, facts.date_source = taken.date().isoformat(), "exif"
                facts.pages = getattr(img, "n_frames", 1)
                # Before the hash, which decodes a JPEG small and grey (draft mode).
                paper = bool(limits and limits.ocr) and looks_like_paper(img)
                if paper:
                    img.load()
                    page = img.copy()
                facts.phash = _phash(img)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise BadDocument("inspect.image_bomb", pixels="> 90") from exc
        except UnidentifiedImageError as exc:
            raise BadDocument("inspect.image_not_image", reason="format tidak dikenal") from exc
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise BadDocument("inspect.image_not_image", reason=str(exc)[:80]) from exc
    # A photo carries no signature, but a photographed letter might: it cannot be told
    # unless it is a page and OCR shows a "ttd." copy or an electronic-signature footer.
    facts.signed = None
    if paper:
        _ocr_page(page, facts, year)


def _heif_opener(path: Path) -> None:
    """Let Pillow open HEIC/HEIF (iPhone photos) through pillow-heif."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError as exc:
        raise BadDocument("inspect.no_reader", ext=path.suffix.lower(), tool="pillow-heif",
                          target="JPG") from exc
    register_heif_opener()


def _phash(img: object) -> str:
    import imagehash

    if getattr(img, "format", None) == "JPEG":
        img.draft("L", (256, 256))  # type: ignore[attr-defined]  # decode small: 10x faster
    return str(imagehash.phash(img.convert("L")))  # type: ignore[attr-defined]
