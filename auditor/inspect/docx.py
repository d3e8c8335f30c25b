"""DOCX: body, tables, headers and footers in reading order, pictures marked as IMAGE."""

from __future__ import annotations

import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.dates import parse_pdf_date
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.signatures import FLOAT, IMAGE, PICTURES, analyse, decide
from auditor.inspect.text import apply_text, file_date
from auditor.inspect.zipguard import check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PICTURE_TAGS = ("{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
                 "{urn:schemas-microsoft-com:vml}imagedata")


_TXBX = f"{W}txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
_TAGS = (f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}drawing", f"{W}pict", f"{W}object")
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
# The part whose relationships name the pictures being read (the document body), to look
# at a picture's bytes: a QR code is not an ink signature.
_PART: ContextVar[Any] = ContextVar("docx_part", default=None)


def _is_qr_picture(el: Any) -> bool:
    from auditor.inspect.pictures import decode, looks_like_qr

    part = _PART.get()
    if part is None:
        return False
    for pic in el.iter(*_PICTURE_TAGS):
        rid = pic.get(f"{_R}embed") or pic.get(f"{_R}id")
        try:
            blob = part.related_parts[rid].blob
        except (KeyError, AttributeError):
            continue
        return looks_like_qr(decode(blob))
    return False


def _paragraph_lines(p: Any) -> list[str]:
    lines = _flat_lines(p.iter(*_TAGS, _TXBX))
    return lines if lines is not None else _boxed_lines(p, list(p.iter(_TXBX)))


def _flat_lines(elements: Any) -> list[str] | None:
    """Lines of a paragraph's elements; None when a text box turns up (read by _boxed_lines)."""
    lines: list[str] = []
    buf: list[str] = []
    for el in elements:
        tag = el.tag
        if tag == _TXBX:
            return None
        if tag == f"{W}t":
            buf.append(el.text or "")
        elif tag == f"{W}tab":
            buf.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            lines.append("".join(buf))
            buf = []
        elif any(True for _ in el.iter(*_PICTURE_TAGS)):
            if el.tag == f"{W}pict" and any(a.tag == _FALLBACK for a in el.iterancestors()):
                continue  # the VML copy of a DrawingML picture (mc:AlternateContent)
            if _is_qr_picture(el):
                continue  # a QR code beside a name proves nothing (the BSrE footer does)
            lines.append("".join(buf))
            buf = []
            # A floating picture is drawn wherever its offset puts it, not where it is anchored.
            lines.append(FLOAT if any(True for _ in el.iter(_ANCHOR)) else IMAGE)
    lines.append("".join(buf))
    if len(lines) > 1:
        lines = [ln for ln in lines if ln.strip()] or [""]
    return lines


def _boxed_lines(p: Any, boxes: list[Any]) -> list[str]:
    """A paragraph holding text boxes: its own text, then each box's paragraphs as lines.

    Word writes a box twice (DrawingML and a VML fallback): the fallback copy is skipped.
    """
    def fallback(el: Any) -> bool:
        return any(a.tag == _FALLBACK for a in el.iterancestors())

    top = [b for b in boxes if not fallback(b) and not any(a.tag == _TXBX for a in b.iterancestors())]
    inner = {el for box in top for el in box.iter()}
    own = [el for el in p.iter(*_TAGS)
           if el not in inner and not fallback(el) and not any(True for _ in el.iter(_TXBX))]
    lines = _flat_lines(own) or []
    for box in top:
        for child in box:
            lines.extend(_block_lines(child))
    return [ln for ln in lines if ln.strip()] or [""]


def _cell_lines(tc: Any) -> list[str]:
    out: list[str] = []
    for child in tc:
        out.extend(_block_lines(child))
    return out


_NAME_HEAD = re.compile(r"^\s*nama\b", re.IGNORECASE)
_SIGN_HEAD = re.compile(r"^\s*(tanda\s*tangan|ttd|paraf)\b", re.IGNORECASE)


def _grid_header(texts: list[list[str]]) -> bool:
    """The header row of a list of people who sign in a column (Nama ... Tanda Tangan / Paraf)."""
    heads = [ln for c in texts for ln in c]
    return any(_NAME_HEAD.match(h) for h in heads) and any(_SIGN_HEAD.match(h) for h in heads)


def _cell_spans(tbl: Any, tr: Any) -> list[tuple[float, float]]:
    """Left and right edge (EMU, from the table's left) of each cell of a row, by the grid."""
    cols = [int(g.get(f"{W}w") or 0) * 635 for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    spans, k = [], 0
    for tc in tr:
        if tc.tag != f"{W}tc":
            continue
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        n = int(span.get(f"{W}val") or 1) if span is not None else 1
        spans.append((float(sum(cols[:k])), float(sum(cols[:k + n]))))
        k += n
    return spans


def _float_centres(p: Any, text_width: float) -> list[float] | None:
    """Where each floating picture of a paragraph is drawn across the page (EMU from the left
    margin), from its horizontal position; None when one cannot be told (VML, odd anchors)."""
    out = []
    for anchor in p.iter(_ANCHOR):
        if not any(True for _ in anchor.iter(*_PICTURE_TAGS)) or _is_qr_picture(anchor):
            continue
        pos, ext = anchor.find(f"{_WP}positionH"), anchor.find(f"{_WP}extent")
        if pos is None or ext is None:
            return None
        width = float(ext.get("cx") or 0)
        offset, align = pos.find(f"{_WP}posOffset"), pos.find(f"{_WP}align")
        if offset is not None and pos.get("relativeFrom") in ("column", "margin", "character"):
            left = float(offset.text or 0)
        elif align is not None and align.text in ("left", "center", "right"):
            left = {"left": 0.0, "center": (text_width - width) / 2, "right": text_width - width}[align.text]
        else:
            return None
        out.append(left + width / 2)
    return out


def _block_lines(el: Any, carried: list[float] | None = None) -> list[str]:
    """Lines of a paragraph, table or content control. ``carried``: floating pictures of the
    paragraphs right above a table (Word anchors the signature there and draws it over the
    table); each goes to the top of the cell of the first row it is drawn over."""
    tag = el.tag
    if tag == f"{W}p":
        return _paragraph_lines(el)
    if tag == f"{W}tbl":
        out: list[str] = []
        grid = False  # an attendance-style grid: its pictures are attendees' signatures
        for n, tr in enumerate(el.iter(f"{W}tr")):
            if tr.getparent() is not el:
                continue
            cells = [_cell_lines(tc) for tc in tr if tc.tag == f"{W}tc"]
            if carried and any(ln.strip() for c in cells for ln in c):
                spans = _cell_spans(el, tr)
                for x in carried:
                    k = next((k for k, (a, b) in enumerate(spans) if a <= x < b and k < len(cells)), None)
                    if k is None:
                        out.append(FLOAT)
                    else:
                        cells[k].insert(0, FLOAT)
                carried = None
            if grid:
                cells = [[ln for ln in c if ln not in PICTURES] for c in cells]
            texts = [[ln for ln in c if ln.strip()] for c in cells]
            grid = grid or (n < 4 and _grid_header(texts))
            if all(len(c) <= 1 and not PICTURES.intersection(c) for c in texts):
                out.append("  ".join(c[0] for c in texts if c))  # one row, one line
            else:
                for c in cells:
                    out.extend(c)
        return out
    if tag == f"{W}sdt":
        content = el.find(f"{W}sdtContent")
        return [ln for child in (content if content is not None else []) for ln in _block_lines(child)]
    return []


def _body_lines(document: Any) -> list[str]:
    """The body's lines; floating pictures anchored in picture-only paragraphs right above a
    table are carried into the table cell they are drawn over (see _block_lines)."""
    section = document.sections[-1] if document.sections else None
    try:
        text_width = float(section.page_width - section.left_margin - section.right_margin)
    except (AttributeError, TypeError):
        text_width = 5_760_000.0  # A4 less 2.5 cm margins, near enough
    body: list[str] = []
    held: list[str] = []
    held_x: list[float] = []
    for child in document.element.body:
        lines = _block_lines(child, held_x) if child.tag == f"{W}tbl" and held_x else _block_lines(child)
        if child.tag == f"{W}tbl" and held_x:
            body.extend(ln for ln in held if ln not in PICTURES)
            held, held_x = [], []
            body.extend(lines)
            continue
        if child.tag == f"{W}p" and not any(ln.strip() and ln not in PICTURES for ln in lines):
            xs = _float_centres(child, text_width) if FLOAT in lines else []
            if xs is not None and len(xs) == lines.count(FLOAT) and (held_x or xs):
                held.extend(lines)
                held_x.extend(xs)
                continue
        body.extend(held)
        held, held_x = [], []
        body.extend(lines)
    body.extend(held)
    return body


# Word's other main parts: a template (.dotx), with macros (.docm, .dotm). The same XML as a
# DOCX's document part, but python-docx's Document() refuses any content type but its own.
_MAIN_PARTS = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _open(path: Path) -> Any:
    """The python-docx Document of a DOCX, DOCM, DOTX or DOTM."""
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _MAIN_PARTS:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    part = Package.open(str(path)).main_document_part
    if not isinstance(part, DocumentPart):
        raise ValueError(f"not a Word document part: {part.content_type}")
    return part.document


def read_docx(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    check_zip(path, "DOCX")
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = _open(path)
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise BadDocument("inspect.docx_corrupt", reason=type(exc).__name__) from exc
    except Exception as exc:  # lxml syntax errors and the like: a corrupt part
        raise BadDocument("inspect.docx_corrupt", reason=type(exc).__name__) from exc
    head: list[str] = []
    foot: list[str] = []
    seen: set[int] = set()
    for section in document.sections:
        for part, sink in ((section.header, head), (section.footer, foot)):
            if part.is_linked_to_previous:  # no definition of its own (reading it would add one)
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            for child in element:
                sink.extend(_block_lines(child))
    token = _PART.set(document.part)
    try:
        body = _body_lines(document)
    finally:
        _PART.reset(token)
    lines = [ln if ln in PICTURES else ln.strip() for ln in head + body + foot]
    apply_text(facts, lines, year)
    props = document.core_properties
    meta = props.created or props.modified
    file_date(facts, parse_pdf_date(meta.isoformat() if meta else None, year))
    # A picture in the page header (the letterhead logo) is not a signature: body + footer only.
    word_signature(facts, body + foot)


def word_signature(facts: FileFacts, lines: list[str]) -> None:
    """signed/signature/signer of a word-processing file (DOCX, ODT, RTF) from its lines.

    Such a file cannot carry the electronic signature: a BSrE footer is the TTE template's or
    a copy converted back from the signed PDF. Only a picture or "ttd." here is evidence;
    otherwise it cannot be told, and a person checks the signed PDF.
    """
    analysis = analyse(lines)
    verdict = decide(analysis, scanned=False)
    if analysis.bsre:
        analysis.bsre = False
        verdict = decide(analysis, scanned=False)
        if not verdict.signed:
            verdict.signed, verdict.signature, verdict.signer = None, None, None
        verdict.notes.append("inspect.note_bsre_docx")
    facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
    facts.notes.extend(t(k) for k in verdict.notes)
