"""OCR of pages without a text layer: Tesseract's Indonesian model via pytesseract.

One Tesseract call per page gives the words with their boxes (``image_to_data``): the text
for the date finder and, for the signature, where the office line and the name stand, so
that the ink between them can be looked at (``inspect.ink``). PDF pages are rendered with
pypdfium2 at 300 dpi. Rotation is found with Tesseract's OSD only when the upright reading
looks like noise (OSD fails on sparse pages, and costs time).

Which pages: a decree's "Ditetapkan … pada tanggal" and its signature sit at the end, a
letter's date at the top; so the first page, then the last ones, then the rest, while the
time budget lasts.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from auditor.i18n import t

DPI = 300
MIN_OCR_PAGES = 3  # always read (the first, the last, the one before it)
_COMMON = re.compile(
    r"\b(yang|dan|di|ke|dari|pada|dengan|untuk|dalam|ini|itu|tanggal|hari|tahun|nomor|bulan|"
    r"rapat|kepada|oleh|atau|telah|sebagai|tentang|ketua|surat|kabupaten|kota|the|and|of)\b",
    re.IGNORECASE)


@dataclass
class OcrLine:
    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom in the page image's pixels
    words: list[tuple[str, float, tuple[int, int, int, int]]] = field(default_factory=list)


@dataclass
class OcrPage:
    """What Tesseract read on one page image, with the image it read (for the ink check)."""

    text: str
    lines: list[OcrLine]
    image: Any  # numpy uint8 grey page, white paper
    color: Any = None  # numpy RGB of the same page, when there is colour (stamps)


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


def quality(text: str) -> int:
    """Common Indonesian words read: a page read upside down or sideways has next to none."""
    return len(_COMMON.findall(text))


def _read(gray: Any, lang: str) -> OcrPage:
    import pytesseract

    data = pytesseract.image_to_data(gray, lang=lang, config="--psm 3",
                                     output_type=pytesseract.Output.DICT)
    lines: list[OcrLine] = []
    text_parts: list[str] = []
    last_block = None
    current: OcrLine | None = None
    key = None
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        k = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = (data["left"][i], data["top"][i], data["left"][i] + data["width"][i],
               data["top"][i] + data["height"][i])
        conf = float(data["conf"][i])
        if k != key:
            if current is not None:
                lines.append(current)
            if last_block is not None and k[0] != last_block:
                text_parts.append("")
            current = OcrLine(word, box, [(word, conf, box)])
            text_parts.append(word)
            key, last_block = k, k[0]
        else:
            assert current is not None
            current.text += " " + word
            current.words.append((word, conf, box))
            l0, t0, r0, b0 = current.box
            current.box = (min(l0, box[0]), min(t0, box[1]), max(r0, box[2]), max(b0, box[3]))
            text_parts[-1] += " " + word
    if current is not None:
        lines.append(current)
    return OcrPage("\n".join(text_parts), lines, gray)


def ocr_page(gray: Any, color: Any = None) -> tuple[OcrPage, list[str]]:
    """Read one page image (numpy grey or PIL), turned upright first when the reading is poor."""
    import numpy as np

    # One thread: Tesseract's OpenMP threads cost more than they give on 2 cores (4.7 s
    # against 11.7 s for one A4 page here), and the pool already runs two documents at once.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    lang, notes = ocr_language()
    if not isinstance(gray, np.ndarray):
        gray = np.asarray(gray.convert("L"))
    page = _read(gray, lang)
    page.color = color
    if quality(page.text) >= 3:
        return page, notes
    turn = _osd_rotation(gray)
    if turn:
        k = {90: 3, 180: 2, 270: 1}.get(turn, 0)  # Tesseract's "Rotate: 90" is clockwise
        turned = _read(np.ascontiguousarray(np.rot90(gray, k)), lang)
        if quality(turned.text) > quality(page.text):
            turned.color = np.ascontiguousarray(np.rot90(color, k)) if color is not None else None
            page = turned
    return page, notes


def _osd_rotation(gray: Any) -> int:
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(gray, config="--psm 0 -c min_characters_to_try=10")
        return int(re.search(r"Rotate:\s*(\d+)", osd).group(1))  # type: ignore[union-attr]
    except Exception:  # too little text for OSD: keep the upright reading
        return 0


def page_order(indexes: list[int]) -> list[int]:
    """First page, then from the end backwards, then the rest in order."""
    if len(indexes) <= 2:
        return list(indexes)
    rest = indexes[1:]
    return [indexes[0], *rest[::-1][:2], *rest[:-2]]


def ocr_pdf_pages(pdf: Any, indexes: list[int], budget_seconds: float,
                  enough: Any = None) -> tuple[dict[int, OcrPage], list[str]]:
    """{page index: OcrPage} of the pages in ``indexes`` of an open pypdfium2 document.

    At least MIN_OCR_PAGES pages are read; more while ``budget_seconds`` of CPU time last
    and ``enough(pages)`` (if given) does not say that what was read already tells it all.
    """
    import numpy as np

    out: dict[int, OcrPage] = {}
    notes: list[str] = []
    start = time.process_time() + _children_time()
    order = page_order(indexes)
    try:
        for n, i in enumerate(order):
            if n >= MIN_OCR_PAGES and (time.process_time() + _children_time() - start > budget_seconds
                                       or (enough is not None and enough(out))):
                break
            page = pdf[i]
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            page.close()
            result, extra = ocr_page(np.asarray(image.convert("L")))
            out[i] = result
            notes = notes or extra
    except Exception as exc:  # tesseract missing or failing: the page stays without text
        return out, [t("inspect.note_ocr_failed", reason=f"{type(exc).__name__}: {str(exc)[:80]}")]
    notes.append(t("inspect.note_ocr", pages=len(out)))
    if len(out) < len(order):
        notes.append(t("inspect.note_ocr_partial", read=len(out), pages=len(order)))
    return out, notes


def _children_time() -> float:
    """CPU seconds of finished child processes (Tesseract runs as one per page)."""
    times = os.times()
    return times.children_user + times.children_system


def reread_days(page: OcrPage) -> str:
    """The page's text with each handwritten day of a date line read again, alone and as
    digits ("Jombang, 2y September 2019": the "2y" box through Tesseract's one-word mode with
    only digits allowed). A day still unread stays as it was: month and year alone are no date."""
    from auditor.inspect.dates import unread_day_token

    text = page.text
    for line in page.lines:
        token = unread_day_token(line.text)
        if token is None:
            text = _unsure_day(page, line, text)
            continue
        box = next((b for w, _c, b in line.words if w == token), None)
        if box is None:
            continue
        digits = _digits_in(page.image, box)
        # As many digits as marks written, or it is a guess: a wrong day is worse than none.
        if not (digits and len(digits) == len(token)):
            digits = _as_handwritten_digits(token, digits)
        if digits and len(digits) == len(token) and 1 <= int(digits) <= 31:
            fixed = line.text.replace(token, digits, 1)
            text = text.replace(line.text, fixed, 1)
    return text


def _unsure_day(page: OcrPage, line: OcrLine, text: str) -> str:
    """A day written by hand in a typed date line ("Sidoarjo, 2 Oktober 2022" where the hand
    wrote "24"): told from its box, taller than the typed year or wider than its digits allow,
    it is read again alone as digits. It stands when both readings agree, or when the second
    finds the second digit the first missed; else the day is unread (no date)."""
    from auditor.inspect.dates import day_and_year_tokens

    tokens = day_and_year_tokens(line.text)
    if tokens is None:
        return text
    day, year = tokens
    day_box = next((b for w, _c, b in line.words if w == day), None)
    year_box = next((b for w, _c, b in line.words if w.startswith(year)), None)
    if day_box is None or year_box is None:
        return text
    typed_digit = (year_box[2] - year_box[0]) / 4
    wide = day_box[2] - day_box[0] > (len(day) + WIDE_DAY - 1) * typed_digit
    tall = day_box[3] - day_box[1] > TALL_DAY * (year_box[3] - year_box[1])
    if not (wide or tall):
        return text
    digits = _digits_in(page.image, day_box)
    if digits == day:
        return text
    if digits and len(day) == 1 and len(digits) == 2 and day in digits and 1 <= int(digits) <= 31:
        fixed = line.text.replace(f" {day} ", f" {digits} ", 1)
    else:
        fixed = line.text.replace(f" {day} ", " ? ", 1)
    return text.replace(line.text, fixed, 1)


WIDE_DAY = 1.8  # a one-digit day box this many typed digits wide holds more than one written digit
TALL_DAY = 1.5  # a day box this much taller than the typed year was written by hand


# The letters OCR reads for digits written by hand: an open-top 4 as "y", a 2 as "Z", a 9
# as "g"... A day is taken from them only when the digit-only reading of the same box
# agrees with every digit it could see.
_HAND_DIGITS = str.maketrans({"Z": "2", "z": "2", "y": "4", "Y": "4", "q": "9", "g": "9", "O": "0",
                              "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "!": "1", "S": "5",
                              "s": "5", "B": "8", "b": "6", "G": "6", "T": "7"})


def _as_handwritten_digits(token: str, seen: str | None) -> str | None:
    """"Zy" -> "24" when the digit-only reading saw "2" (or "4", or "24"), else None."""
    mapped = token.translate(_HAND_DIGITS)
    if not mapped.isdigit() or not seen or mapped == token:
        return None
    it = iter(mapped)
    return mapped if all(d in it for d in seen) else None  # seen is a subsequence of mapped


def _digits_in(gray: Any, box: tuple[int, int, int, int]) -> str | None:
    import cv2
    import pytesseract

    left, top, right, bottom = box
    pad = max(4, (bottom - top) // 3)
    crop = gray[max(0, top - pad):bottom + pad, max(0, left - pad):right + pad]
    if crop.size == 0:
        return None
    crop = cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    out = pytesseract.image_to_string(crop, config="--psm 8 -c tessedit_char_whitelist=0123456789")
    digits = re.sub(r"\D", "", out)
    return digits if 1 <= len(digits) <= 2 else None
