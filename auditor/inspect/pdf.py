"""PDF: structure check, text layer (pypdfium2), digital signatures (pyHanko), pictures in
the signature block, OCR of pages without text, info/XMP dates as weak evidence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.dates import parse_pdf_date
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.signatures import analyse, decide
from auditor.inspect.text import apply_text, clean_lines, file_date, signing_date

OCR_SHARE = 0.6  # of the per-document time limit, for OCR beyond the first and last pages
MAX_PAGES = 40  # beyond this, the first and last 20 pages are read
MIN_TEXT = 20  # characters on a page below which it has no text layer
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_XREF_AT = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
_XMP_DATE = re.compile(rb"<xmp:(?:CreateDate|ModifyDate)>([^<]{8,40})<|xmp:CreateDate=\"([^\"]{8,40})\"")


def check_structure(data: bytes) -> None:
    """A cut-off or broken PDF is an error: a truncated signed PDF can look unsigned."""
    base = data.find(b"%PDF-", 0, 1024)
    if base < 0:
        raise BadDocument("inspect.pdf_not_pdf")
    if b"%%EOF" not in data[-2048:]:
        raise BadDocument("inspect.pdf_truncated")
    found = list(_STARTXREF.finditer(data[-4096:]))
    if not found:
        raise BadDocument("inspect.pdf_xref")
    offset = int(found[-1].group(1))
    for start in (offset + base, offset):
        if 0 <= start < len(data) and _XREF_AT.match(data, start):
            return
    lo = max(0, offset + base - 16)  # writers that are a few bytes off still open everywhere
    if _XREF_AT.search(data[lo:offset + base + 48]) is None:
        raise BadDocument("inspect.pdf_xref")


def _open(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise BadDocument("inspect.pdf_encrypted") from exc
        raise BadDocument("inspect.pdf_corrupt", reason=str(exc)[:80]) from exc


def _page_indexes(n: int) -> list[int]:
    return list(range(n)) if n <= MAX_PAGES else list(range(20)) + list(range(n - 20, n))


Box = tuple[float, float, float, float]  # left, bottom, right, top in page coordinates


def _page_pictures(page: Any, pdfium_c: Any) -> list[tuple[Box, Any]]:
    """Every picture on the page with its bounds on the page, also those drawn inside form
    XObjects (whose own bounds are in the form's space: the forms' matrices map them)."""
    out = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        pts = [(left, bottom), (right, bottom), (left, top), (right, top)]
        form = obj.container
        while form is not None:
            m = form.get_matrix()
            pts = [m.on_point(x, y) for x, y in pts]
            form = form.container
        xs, ys = [x for x, _ in pts], [y for _, y in pts]
        out.append(((min(xs), min(ys), max(xs), max(ys)), obj))
    return out


def _merge_tiles(pictures: list[tuple[Box, Any]]) -> list[tuple[Box, list[Any]]]:
    """Pictures that touch side by side on one band (a signature cut into tiles) as one."""
    groups = [(box, [obj]) for box, obj in sorted(pictures, key=lambda p: p[0][0])]
    merged = True
    while merged:
        merged = False
        for i, (a, objs_a) in enumerate(groups):
            for j in range(i + 1, len(groups)):
                b, objs_b = groups[j]
                overlap = min(a[3], b[3]) - max(a[1], b[1])
                small = min(a[3] - a[1], b[3] - b[1])
                gap = max(a[0], b[0]) - min(a[2], b[2])
                if small > 0 and overlap >= 0.6 * small and gap <= 3 + 0.05 * small:
                    box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    groups[i] = (box, objs_a + objs_b)
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    return groups


def _outside_columns(images: list[Box]) -> list[Box]:
    """Pictures that are not part of a column of three or more alike (the TTD column of an
    attendance list: attendees' signatures, not a signature block)."""
    def alike(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return abs(a[0] - b[0]) < 40 and abs((a[2] - a[0]) - (b[2] - b[0])) < 60

    return [im for im in images if sum(alike(im, other) for other in images) < 3]


def _is_qr(objs: list[Any]) -> bool:
    """One picture that is a QR code (see pictures.looks_like_qr)."""
    from auditor.inspect.pictures import looks_like_qr

    if len(objs) != 1:
        return False
    try:
        return looks_like_qr(objs[0].get_bitmap(render=False).to_pil())
    except Exception:  # noqa: BLE001 - a picture pdfium cannot hand out: position rules decide
        return False


_REPEATED = re.compile(r"^(.+?)(?:\s*\1)+$")


def _bounded_lines(textpage: Any, box: Box) -> list[str]:
    """Lines of text in ``box``, once: writers that fake bold print each line two or three
    times at a small offset, and the bounded text then holds "NameNameName" or repeats lines."""
    out: list[str] = []
    for ln in clean_lines(textpage.get_text_bounded(*box)):
        m = _REPEATED.match(ln)
        ln = m.group(1) if m and len(m.group(1)) >= 3 else ln
        if ln and ln not in out:
            out.append(ln)
    return out


def _picture_signer(page: Any, textpage: Any, pictures: list[tuple[Box, Any]]) -> str | None:
    """The name under a picture that stands between a block's head (an office line, the place
    and date line, "Salinan sesuai dengan aslinya") and a name, by position.

    "" when the picture is the certification of a copy drawn as one picture (its name is in
    the picture). Any size, format or nesting counts; tiles side by side are one picture; a
    column of alike pictures (attendance list) and QR codes do not count.
    """
    from auditor.inspect.signatures import (
        IMAGE,
        clean_name,
        is_block_head,
        is_copy_line,
        looks_like_signer,
    )

    width, height = page.get_size()
    groups = _merge_tiles(pictures)
    boxes = _outside_columns([box for box, _ in groups])
    for box, objs in groups:
        if box not in boxes:
            continue
        left, bottom, right, top = box
        h = top - bottom
        if not (4 <= h <= 260 and (right - left) * h < 0.2 * width * height):
            continue
        # Wide first (a name longer than the picture), then narrower: a signer's column
        # beside another (two signers side by side) must not run into its neighbour's name.
        for margin in (160, 60, 15):
            lo, hi = max(0.0, left - margin), min(width, right + margin)
            above = _bounded_lines(textpage, (lo, top - 0.3 * h, hi, min(height, top + 50)))
            below = _bounded_lines(textpage, (lo, max(0.0, bottom - 50), hi, bottom + 0.4 * h))
            if above and any(is_copy_line(ln) for ln in above[-2:]) and h >= 20 and not _is_qr(objs):
                names = below + [IMAGE]
                return next((clean_name(below[j]) for j in range(min(3, len(below)))
                             if looks_like_signer(names, j, True)), "")
            if not above or not below:
                continue
            if not any(is_block_head(ln) for ln in above[-3:]):
                continue
            names = below + [IMAGE]
            name = next((below[j] for j in range(min(3, len(below))) if looks_like_signer(names, j, j == 0)), None)
            if name is not None:
                if not _is_qr(objs):
                    return clean_name(name)
                break  # a QR code beside the name is no ink signature: the next picture
    return None


def read_pdf(path: Path, facts: FileFacts, year: int | None, limits: Limits) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with open(path, "rb") as fh:
        data = fh.read()
    check_structure(data)
    pdf = _open(data)
    try:
        n = len(pdf)
        facts.pages = n
        indexes = _page_indexes(n)
        if len(indexes) < n:
            facts.notes.append(t("inspect.note_pages_cut", read=len(indexes), pages=n))
        texts: dict[int, str] = {}
        textless: list[int] = []
        covered = 0  # pages whose text lies over one full-page picture (an OCR'd scan)
        picture_signer: str | None = None
        for i in indexes:
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            texts[i] = text
            pictures = _page_pictures(page, pdfium_c)
            w, h = page.get_size()
            full = any((r - lft) * (tp - b) > 0.6 * w * h for (lft, b, r, tp), _ in pictures)
            if len(text.strip()) < MIN_TEXT:
                textless.append(i)
            elif full:
                covered += 1
            elif pictures and picture_signer is None:
                picture_signer = _picture_signer(page, textpage, pictures)
            textpage.close()
            page.close()
        scanned = bool(indexes) and (indexes[0] in textless or len(textless) * 2 > len(indexes)
                                     or covered * 2 > len(indexes))
        ocr_pages: list[Any] = []
        if textless and limits.ocr:
            from auditor.inspect.dates import ocr_fixes
            from auditor.inspect.ocr import ocr_pdf_pages

            read, notes = ocr_pdf_pages(pdf, textless, OCR_SHARE * limits.timeout_seconds,
                                        enough=_tells_enough(year))
            facts.notes.extend(notes)
            for i, page in read.items():
                texts[i] = ocr_fixes(page.text)
            ocr_pages = [read[i] for i in sorted(read)]
        elif textless:
            facts.notes.append(t("inspect.note_ocr_off"))
        digital = _digital(data, pdf, pdfium_c, year)
        meta = pdf.get_metadata_dict()
    except pdfium.PdfiumError as exc:  # a page that will not load: a broken page tree
        raise BadDocument("inspect.pdf_corrupt", reason=str(exc)[:80]) from exc
    finally:
        pdf.close()
    facts.scanned = scanned
    lines = [ln for i in indexes for ln in clean_lines(texts.get(i, "")) + [""]]
    apply_text(facts, lines, year)
    if digital:
        facts.notes.extend(digital["notes"])
        if digital["date"]:
            signing_date(facts, digital["date"], "digital_signature", year,
                         t("inspect.evidence_signing_time", when=digital["date"].isoformat()))
        if digital["signed"] is not None:
            facts.signed, facts.signature = digital["signed"], "digital" if digital["signed"] else None
            facts.signer = digital["signer"] if digital["signed"] else None
    if (not digital or digital["signed"] is None) and scanned and ocr_pages and picture_signer is None:
        from auditor.inspect.ink import scanned_signature

        scanned_signature(facts, lines, ocr_pages)
    elif not digital or digital["signed"] is None:
        verdict = decide(analyse(lines), scanned=scanned, picture_in_block=picture_signer)
        facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
        facts.notes.extend(t(k) for k in verdict.notes)
    info = meta.get("CreationDate") or meta.get("ModDate")
    if not info:
        xmp = _XMP_DATE.search(data)
        info = (xmp.group(1) or xmp.group(2)).decode("ascii", "replace") if xmp else None
    file_date(facts, parse_pdf_date(info, year))


def _tells_enough(year: int | None) -> Any:
    """Whether the pages OCR'd so far already show the document's own date as a decree or a
    signature block states it: then the other pages need not be read."""
    def enough(read: dict[int, Any]) -> bool:
        from auditor.inspect.dates import find_date, ocr_fixes

        text = "\n\n".join(ocr_fixes(read[i].text) for i in sorted(read))
        return find_date(text, year).source in ("ditetapkan", "signature_block")

    return enough


def _digital(data: bytes, pdf: Any, pdfium_c: Any, year: int | None) -> dict[str, Any] | None:
    """Signed fields checked for integrity with pyHanko; imported only when a PDF has one."""
    if pdfium_c.FPDF_GetSignatureCount(pdf.raw) <= 0:
        return None
    from auditor.inspect.pades import validate

    return validate(data, year)
