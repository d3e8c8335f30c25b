"""OCR of pages without a text layer: Tesseract's Indonesian model via pytesseract.

Pages are rendered with pypdfium2 at 300 dpi. Rotation is found with Tesseract's OSD only
when the upright reading looks like noise (OSD fails on sparse pages, and costs time).
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

from auditor.i18n import t

DPI = 300
MAX_OCR_PAGES = 3  # first pages, then the last: the date and signature live there
_COMMON = re.compile(
    r"\b(yang|dan|di|ke|dari|pada|dengan|untuk|dalam|ini|itu|tanggal|hari|tahun|nomor|bulan|"
    r"rapat|kepada|oleh|atau|telah|sebagai|tentang|ketua|surat|kabupaten|kota|the|and|of)\b",
    re.IGNORECASE)


@cache
def ocr_language() -> tuple[str, list[str]]:
    import pytesseract

    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception:
        langs = set()
    if "ind" in langs:
        return "ind", []
    return "eng", [t("inspect.note_ocr_no_ind")]


def _quality(text: str) -> int:
    """Common Indonesian words read: a page read upside down or sideways has next to none."""
    return len(_COMMON.findall(text))


def ocr_image(image: Any) -> tuple[str, list[str]]:
    """Text of one page image, turned upright first when the reading is poor."""
    import pytesseract

    # One thread: Tesseract's OpenMP threads cost more than they give on 2 cores (4.7 s
    # against 11.7 s for one A4 page here), and the pool already runs two documents at once.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    lang, notes = ocr_language()
    text = pytesseract.image_to_string(image, lang=lang, config="--psm 3")
    if _quality(text) >= 3:
        return text, notes
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0 -c min_characters_to_try=10")
        rotate = int(re.search(r"Rotate:\s*(\d+)", osd).group(1))  # type: ignore[union-attr]
    except Exception:  # too little text for OSD: keep the upright reading
        return text, notes
    if rotate:
        turned = pytesseract.image_to_string(image.rotate(-rotate, expand=True), lang=lang, config="--psm 3")
        if _quality(turned) > _quality(text):
            text = turned
    return text, notes


def pick_pages(indexes: list[int], limit: int = MAX_OCR_PAGES) -> list[int]:
    if len(indexes) <= limit:
        return indexes
    return indexes[: limit - 1] + indexes[-1:]


def ocr_pdf_pages(pdf: Any, indexes: list[int], limit: int = MAX_OCR_PAGES) -> tuple[dict[int, str], list[str]]:
    """{page index: text} for up to ``limit`` pages of an open pypdfium2 document."""
    out: dict[int, str] = {}
    notes: list[str] = []
    chosen = pick_pages(indexes, limit)
    try:
        for i in chosen:
            page = pdf[i]
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            page.close()
            text, extra = ocr_image(image)
            out[i] = text
            notes = notes or extra
    except Exception as exc:  # tesseract missing or failing: the page stays without text
        return out, [t("inspect.note_ocr_failed", reason=f"{type(exc).__name__}: {str(exc)[:80]}")]
    notes.append(t("inspect.note_ocr", pages=len(chosen)))
    return out, notes
