"""OpenDocument (ODT, ODS, ODP) and PowerPoint (PPTX) files: the text of their XML.

Each is a ZIP (checked by ``zipguard`` first, as a DOCX is): ODF keeps the body in
``content.xml``, PPTX one ``ppt/slides/slideN.xml`` per slide. Text goes line by line to the
same paths as the DOCX and XLSX readers: ``apply_text`` and ``analyse``/``decide`` for a
text document, ``table_facts`` for a spreadsheet.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.dates import parse_pdf_date
from auditor.inspect.docx import word_signature
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.signatures import FLOAT, IMAGE, PICTURES
from auditor.inspect.text import apply_text, file_date
from auditor.inspect.zipguard import check_zip

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MAX_PART = 50 * 1024 * 1024  # bytes of one XML part parsed (zipguard bounds the ratio too)
MAX_ROWS = 2000
MAX_SHEETS = 10
MAX_REPEAT = 50  # a repeated cell or row is written once per repetition up to this


def _parse(archive: zipfile.ZipFile, name: str, kind: str) -> Any:
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise BadDocument("inspect.format_corrupt", kind=kind, reason=f"{name} tidak ada",
                          target="PDF") from exc
    if info.file_size > MAX_PART:
        raise BadDocument("inspect.zip_bomb", kind=kind, detail=f"{name}: {info.file_size // 2**20} MB")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        return etree.fromstring(archive.read(name), parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BadDocument("inspect.format_corrupt", kind=kind, reason=type(exc).__name__,
                          target="PDF") from exc


def _meta_date(archive: zipfile.ZipFile, year: int | None) -> date | None:
    if "meta.xml" not in archive.namelist():
        return None
    try:
        root = _parse(archive, "meta.xml", "ODF")
    except BadDocument:
        return None
    for tag in (f"{META}creation-date", "{http://purl.org/dc/elements/1.1/}date"):
        el = root.find(f".//{tag}")
        if el is not None and el.text:
            return parse_pdf_date(el.text.strip(), year)
    return None


# ----- text documents (ODT) ---------------------------------------------------------------

def _inline(el: Any, buf: list[str], lines: list[str]) -> None:
    """The text of a paragraph's children into ``buf``; breaks and pictures end a line."""
    if el.text:
        buf.append(el.text)
    for child in el:
        tag = child.tag
        if tag == f"{TEXT}line-break":
            lines.append("".join(buf))
            buf.clear()
        elif tag == f"{TEXT}tab":
            buf.append(" ")
        elif tag == f"{TEXT}s":
            buf.append(" " * int(child.get(f"{TEXT}c", "1") or 1))
        elif tag == f"{DRAW}frame":
            lines.append("".join(buf))
            buf.clear()
            if child.find(f"{DRAW}image") is not None:
                anchor = child.get(f"{TEXT}anchor-type", "paragraph")
                lines.append(IMAGE if anchor == "as-char" else FLOAT)
            box = child.find(f"{DRAW}text-box")
            if box is not None:
                lines.extend(_block_lines(box))
        elif tag in (f"{TEXT}note", f"{OFFICE}annotation"):
            pass  # footnotes and comments are not the page's text
        else:
            _inline(child, buf, lines)
        if child.tail:
            buf.append(child.tail)


def _block_lines(el: Any) -> list[str]:
    """Lines of a block's children: paragraphs, headings, lists, sections and tables."""
    out: list[str] = []
    for child in el:
        tag = child.tag
        if tag in (f"{TEXT}p", f"{TEXT}h"):
            lines: list[str] = []
            buf: list[str] = []
            _inline(child, buf, lines)
            lines.append("".join(buf))
            kept = [ln if ln in PICTURES else ln.strip() for ln in lines]
            out.extend([ln for ln in kept if ln] or [""])
        elif tag == f"{TABLE}table":
            for row in child.iter(f"{TABLE}table-row"):
                cells = [_block_lines(c) for c in row if c.tag == f"{TABLE}table-cell"]
                texts = [[ln for ln in c if ln] for c in cells]
                if all(len(c) <= 1 and not PICTURES.intersection(c) for c in texts):
                    out.append("  ".join(c[0] for c in texts if c))
                else:
                    for c in cells:
                        out.extend(c)
        elif tag in (f"{TEXT}list", f"{TEXT}list-item", f"{TEXT}section", f"{TEXT}list-header",
                     f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{DRAW}frame",
                     f"{DRAW}text-box", f"{OFFICE}text"):
            out.extend(_block_lines(child))
    return out


def _footer_lines(archive: zipfile.ZipFile) -> list[str]:
    """The text of the page footers (in styles.xml): where an e-signature footer stands."""
    if "styles.xml" not in archive.namelist():
        return []
    root = _parse(archive, "styles.xml", "ODT")
    out: list[str] = []
    for footer in root.iter(f"{STYLE}footer"):
        out.extend(ln for ln in _block_lines(footer) if ln not in PICTURES)
    return out


def read_odt(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    check_zip(path, "ODT")
    with zipfile.ZipFile(path) as archive:
        root = _parse(archive, "content.xml", "ODT")
        foot = _footer_lines(archive)
        created = _meta_date(archive, year)
    body_el = root.find(f"{OFFICE}body/{OFFICE}text")
    body = _block_lines(body_el) if body_el is not None else []
    apply_text(facts, body + foot, year)
    file_date(facts, created)
    word_signature(facts, body + foot)


# ----- spreadsheets (ODS) -----------------------------------------------------------------

def _cell_value(cell: Any) -> str:
    kind = cell.get(f"{OFFICE}value-type")
    if kind == "date":
        raw = (cell.get(f"{OFFICE}date-value") or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return f"{raw[8:10]}-{raw[5:7]}-{raw[:4]}"
    texts = []
    for p in cell.iter(f"{TEXT}p"):
        lines: list[str] = []
        buf: list[str] = []
        _inline(p, buf, lines)
        lines.append("".join(buf))
        texts.append(" ".join(ln for ln in lines if ln not in PICTURES).strip())
    return " ".join(x for x in texts if x)


def read_ods(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    from auditor.inspect.xlsx import row_line, table_facts

    check_zip(path, "ODS")
    with zipfile.ZipFile(path) as archive:
        root = _parse(archive, "content.xml", "ODS")
        created = _meta_date(archive, year)
    lines: list[str] = []
    sheets = root.iter(f"{TABLE}table")
    for n, sheet in enumerate(sheets):
        if n >= MAX_SHEETS:
            break
        rows = 0
        for row in sheet.iter(f"{TABLE}table-row"):
            cells: list[str] = []
            for cell in row:
                if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    continue
                value = _cell_value(cell)
                repeat = int(cell.get(f"{TABLE}number-columns-repeated", "1") or 1)
                cells.extend([value] * min(repeat, MAX_REPEAT) if value else [])
            line = row_line(cells)
            repeat = int(row.get(f"{TABLE}number-rows-repeated", "1") or 1)
            for _ in range(min(repeat, MAX_REPEAT) if line else 0):
                lines.append(line)
            rows += 1
            if rows >= MAX_ROWS:
                break
        lines.append("")
    table_facts(facts, lines, year, created)


# ----- presentations (PPTX, ODP) ----------------------------------------------------------

def _slide_number(name: str) -> int:
    found = re.search(r"(\d+)\.xml$", name)
    return int(found.group(1)) if found else 0


def read_slides(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    """A presentation's text, slide by slide: its date and title; signatures are not read."""
    kind = "ODP" if path.suffix.lower() == ".odp" else "PPTX"
    check_zip(path, kind)
    lines: list[str] = []
    created = None
    with zipfile.ZipFile(path) as archive:
        if "content.xml" in archive.namelist():  # OpenDocument
            root = _parse(archive, "content.xml", kind)
            for page in root.iter(f"{DRAW}page"):
                for frame in page.iter(f"{DRAW}text-box"):
                    lines.extend(ln for ln in _block_lines(frame) if ln not in PICTURES)
                lines.append("")
            created = _meta_date(archive, year)
        else:
            slides = sorted((n for n in archive.namelist()
                             if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)), key=_slide_number)
            if not slides:
                raise BadDocument("inspect.format_corrupt", kind=kind, reason="tanpa slide",
                                  target="PDF")
            for name in slides:
                root = _parse(archive, name, kind)
                for para in root.iter(f"{A}p"):
                    text = "".join(r.text or "" for r in para.iter(f"{A}t")).strip()
                    if text:
                        lines.append(text)
                lines.append("")
    apply_text(facts, lines, year)
    file_date(facts, created)
    facts.signed = facts.signature = facts.signer = None
    facts.notes.append(t("inspect.note_slides_signature"))
