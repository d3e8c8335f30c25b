"""Ink on a page image: a handwritten signature or a stamp between the office line and the name.

On a scan or a photo of paper the only evidence of signing is the picture. OCR gives the
words and their boxes; the signature block is found from them (the name line, often with
"NIP. …" below it, and the office line "KEPALA …," / "KETUA …," above it), and the space
between is looked at: dark strokes that are not printed words (a signature's long, tall,
connected curves) or a stamp's colour. Printed words, the name's underline and dotted
lines are taken out first. The thresholds were measured on real offices' photographed and
scanned letters and on unsigned drafts: an empty space says unsigned, a block that cannot
be found (the bottom of the page cut off) says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.i18n import t
from auditor.inspect.dates import is_office_line
from auditor.inspect.facts import FileFacts
from auditor.inspect.ocr import OcrLine, OcrPage
from auditor.inspect.signatures import IMAGE, Verdict, _looks_like_name, analyse, decide

_NIP = re.compile(r"^\W{0,3}(NIP|NIK|NRP|N1P|NlP)\b", re.IGNORECASE)
_WORDISH = re.compile(r"[A-Za-z0-9]{3,}")
MIN_CONF = 55  # a word OCR is this sure of is print, not ink


@dataclass
class InkFinding:
    signed: bool | None  # None: no signature block could be found on the page
    signer: str | None = None
    strokes: float = 0.0  # ink that is not print, in text-line-height squares
    stamp: float = 0.0  # stamp-coloured pixels, same unit


def _line_height(lines: list[OcrLine]) -> float:
    import statistics

    heights = [b[3] - b[1] for ln in lines for _w, c, b in ln.words if c >= MIN_CONF and b[3] > b[1]]
    return float(statistics.median(heights)) if heights else 20.0


def _name_lines(lines: list[OcrLine]) -> list[int]:
    """Indexes of the lines that are a signer's name: the line above "NIP …"."""
    found = []
    for k, ln in enumerate(lines):
        if _NIP.match(ln.text) and k > 0:
            j = k - 1
            while j >= 0 and len(re.sub(r"[^A-Za-z]", "", lines[j].text)) < 3:
                j -= 1
            texts = [lines[j].text.strip(), lines[k].text.strip(), IMAGE]
            if j >= 0 and ":" not in texts[0] and len(texts[0].split()) >= 2 and _looks_like_name(texts, 0):
                found.append(j)
    return found


def _office_above(lines: list[OcrLine], name: int, lh: float) -> int | None:
    top = lines[name].box[1]
    for k in range(name - 1, max(-1, name - 9), -1):
        ln = lines[k]
        if top - ln.box[3] > 12 * lh:
            return None
        text = ln.text.strip()
        if is_office_line(text) or text.endswith(","):
            return k
    return None


def _region(page: OcrPage, office: OcrLine | None, name: OcrLine, lh: float) -> tuple[int, int, int, int]:
    h, w = page.image.shape[:2]
    top = office.box[3] + 2 if office else int(name.box[1] - 6 * lh)
    bottom = name.box[1] + int(0.3 * lh)  # a signature often runs into the name
    left = min(name.box[0], office.box[0] if office else name.box[0]) - int(3 * lh)
    right = max(name.box[2], office.box[2] if office else name.box[2]) + int(3 * lh)
    return max(0, left), max(0, top), min(w, right), min(h, bottom)


def _measure(page: OcrPage, region: tuple[int, int, int, int], lh: float) -> tuple[float, float]:
    import cv2
    import numpy as np

    left, top, right, bottom = region
    if right - left < 4 or bottom - top < 4:
        return 0.0, 0.0
    gray = page.image[top:bottom, left:right]
    ink = (gray < 170).astype(np.uint8)
    for ln in page.lines:  # printed words out
        for word, conf, (l0, t0, r0, b0) in ln.words:
            if conf >= MIN_CONF and _WORDISH.search(word):
                ink[max(0, t0 - top - 2):max(0, b0 - top + 2), max(0, l0 - left - 2):max(0, r0 - left + 2)] = 0
    # Underlines and ruled or dotted lines: long and flat, no signature stroke is.
    k = max(3, int(3 * lh))
    flat = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    upright = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)))
    ink = cv2.subtract(cv2.subtract(ink, flat), upright)
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(ink, connectivity=8)
    strokes = 0.0
    for i in range(1, n):
        x, y, cw, ch, area = stats[i]
        # Taller than a printed line, or long and taller than print (printed words that
        # run together stay one line high).
        if ch >= 1.4 * lh or (cw >= 4.0 * lh and ch >= 1.1 * lh):
            strokes += float(area)
    stamp = 0.0
    if page.color is not None:
        hsv = cv2.cvtColor(page.color[top:bottom, left:right], cv2.COLOR_RGB2HSV)
        stamp = float(np.count_nonzero((hsv[..., 1] > 90) & (hsv[..., 2] > 60) & (hsv[..., 2] < 235)))
    unit = lh * lh
    return strokes / unit, stamp / unit


STROKES_SIGNED = 2.5  # non-print ink, in line-height squares, that a person sees as a signature
STAMP_SIGNED = 6.0


_CLOSING = re.compile(r"^\W*(demikian|atas\s+perhatian|ditetapkan|dikeluarkan|pada\s+tanggal)\b|"
                      r"^\W*[A-Z][A-Za-z.\- ]{2,30},\s*.{0,6}\s*[A-Za-z]{3,12}\s+(19|20)\d\d\b", re.IGNORECASE)
_FOOTER = re.compile(r"\b(jl\.|jalan|telp|telepon|fax|faks|e-?mail|website|www\.|kode\s*pos|tembusan)\b",
                     re.IGNORECASE)


def _closing_region(page: OcrPage, lines: list[OcrLine], lh: float) -> tuple[tuple[int, int, int, int], bool] | None:
    """The space under a letter's closing (the "Demikian …" sentence, the place-and-date line
    or "Ditetapkan di …"), down to the footer: where the signature block stands when OCR
    could not read it. Also whether OCR read an office line or a NIP there."""
    h, w = page.image.shape[:2]
    anchor = None
    for k, ln in enumerate(lines):
        if _CLOSING.search(ln.text) and ln.box[1] > 0.25 * h:
            anchor = k
    if anchor is None:
        return None
    top = lines[anchor].box[3] + 2
    bottom = h
    for ln in lines[anchor + 1:]:
        if _FOOTER.search(ln.text) and ln.box[1] > top + 4 * lh:
            bottom = ln.box[1] - 2
            break
    if bottom - top < 4 * lh:
        return None  # the page ends under the closing: the block is cut off
    # The block is whole only when its name (or NIP) line is there: a page cut under the
    # office line shows an empty space that may have held a signature.
    seen = any(_NIP.match(ln.text) and top <= ln.box[1] < bottom for ln in lines[anchor + 1:])
    margin = int(0.03 * w)
    return (margin, top, w - margin, bottom), seen


def find_ink(page: OcrPage) -> InkFinding:
    """Whether the signature block of an OCR'd page carries ink (see the module docstring)."""
    lines = [ln for ln in page.lines if ln.text.strip()]
    if not lines:
        return InkFinding(None)
    lh = _line_height(lines)
    best: InkFinding | None = None
    for name in _name_lines(lines):
        office = _office_above(lines, name, lh)
        strokes, stamp = _measure(page, _region(page, lines[office] if office is not None else None,
                                                lines[name], lh), lh)
        signed = strokes >= STROKES_SIGNED or stamp >= STAMP_SIGNED
        finding = InkFinding(signed if (signed or office is not None) else None,
                             _clean_name(lines[name].text), strokes, stamp)
        if best is None or (finding.signed and not best.signed) or (best.signed is None and finding.signed is False):
            best = finding
    if best is None or not best.signed:
        closing = _closing_region(page, lines, lh)
        if closing is not None:
            region, seen = closing
            strokes, stamp = _measure(page, region, lh)
            signed = strokes >= STROKES_SIGNED or stamp >= STAMP_SIGNED
            if signed or (best is None and seen):
                best = InkFinding(signed, best.signer if best else None, strokes, stamp)
    return best or InkFinding(None)


def _clean_name(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^[^A-Za-z(]+|[^A-Za-z.)]+$", "", text)).strip()


def scanned_signature(facts: FileFacts, lines: list[str], pages: list[OcrPage]) -> None:
    """signed/signature/signer of a scanned or photographed document: the marks its text shows
    ("ttd.", an electronic-signature footer), else the ink in its signature block."""
    analysis = analyse(lines)
    verdict = decide(analysis, scanned=True)
    if verdict.signed is not True:
        found = [find_ink(page) for page in pages]
        inked = next((f for f in found if f.signed), None)
        if inked is not None:
            signer = inked.signer  # the line above "NIP": OCR's other guesses are often noise
            verdict = Verdict(True, "image", signer, ["inspect.note_ink_signature"])
        elif verdict.signed is None and any(f.signed is False for f in found):
            verdict = Verdict(False, None, None, ["inspect.note_unsigned_block"])
    facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
    facts.notes.extend(t(k) for k in verdict.notes)
