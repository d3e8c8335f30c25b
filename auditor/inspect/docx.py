"""DOCX: body, tables, headers and footers in reading order, pictures marked as IMAGE."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.dates import parse_pdf_date
from auditor.inspect.facts import FileFacts
from auditor.inspect.signatures import IMAGE, analyse, decide
from auditor.inspect.text import apply_text, weak_date
from auditor.inspect.zipguard import check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PICTURE_TAGS = ("{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
                 "{urn:schemas-microsoft-com:vml}imagedata")


def _paragraph_lines(p: Any) -> list[str]:
    lines: list[str] = []
    buf: list[str] = []
    for el in p.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}drawing", f"{W}pict"):
        tag = el.tag
        if tag == f"{W}t":
            buf.append(el.text or "")
        elif tag == f"{W}tab":
            buf.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            lines.append("".join(buf))
            buf = []
        elif any(True for _ in el.iter(*_PICTURE_TAGS)):
            lines.append("".join(buf))
            buf = []
            lines.append(IMAGE)
    lines.append("".join(buf))
    if len(lines) > 1:
        lines = [ln for ln in lines if ln.strip()] or [""]
    return lines


def _cell_lines(tc: Any) -> list[str]:
    out: list[str] = []
    for child in tc:
        out.extend(_block_lines(child))
    return out


def _block_lines(el: Any) -> list[str]:
    tag = el.tag
    if tag == f"{W}p":
        return _paragraph_lines(el)
    if tag == f"{W}tbl":
        out: list[str] = []
        for tr in el.iter(f"{W}tr"):
            if tr.getparent() is not el:
                continue
            cells = [_cell_lines(tc) for tc in tr if tc.tag == f"{W}tc"]
            texts = [[ln for ln in c if ln.strip()] for c in cells]
            if all(len(c) <= 1 and IMAGE not in c for c in texts):
                out.append("  ".join(c[0] for c in texts if c))  # one row, one line
            else:
                for c in cells:
                    out.extend(c)
        return out
    if tag == f"{W}sdt":
        content = el.find(f"{W}sdtContent")
        return [ln for child in (content if content is not None else []) for ln in _block_lines(child)]
    return []


def read_docx(path: Path, facts: FileFacts, year: int | None) -> None:
    check_zip(path, "DOCX")
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
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
    body = [ln for child in document.element.body for ln in _block_lines(child)]
    lines = [ln.strip() if ln != IMAGE else ln for ln in head + body + foot]
    apply_text(facts, lines, year)
    props = document.core_properties
    meta = props.created or props.modified
    weak_date(facts, parse_pdf_date(meta.isoformat() if meta else None, year), "metadata",
              "inspect.note_metadata_date", year)
    # A picture in the page header (the letterhead logo) is not a signature: body + footer only.
    verdict = decide(analyse(body + foot), scanned=False)
    facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
    facts.notes.extend(t(k) for k in verdict.notes)
