"""A PDF plan with a text layer (most often the signed SK with its annex): its tables read
with pdfplumber, ruled lines first, text alignment when a table has no lines. A merged cell
gives its text in its first cell. A scan without text is refused with what to do."""

from __future__ import annotations

from pathlib import Path

from auditor.errors import UserError
from auditor.i18n import t
from auditor.rules.importers.table import SourceRow

_TEXT_ALIGNED = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    if not path.is_file():
        raise FileNotFoundError(path)
    rows: list[SourceRow] = []
    lines: list[str] = []
    chars = 0
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                chars += len(page.chars)
                lines.extend((page.extract_text() or "").splitlines())
                tables = page.extract_tables() or page.extract_tables(_TEXT_ALIGNED)
                for table in tables:
                    for values in table:
                        rows.append(SourceRow(len(rows) + 1, tuple(v or "" for v in values)))
    except (PDFSyntaxError, PSException) as exc:
        raise ValueError(f"not a readable PDF: {exc}") from None
    except Exception as exc:  # pdfminer's errors for encrypted or damaged files have no common base
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
            raise ValueError(f"{type(exc).__name__}: {exc}") from None
        raise
    if chars == 0:
        raise UserError(t("rules.plan_scanned", path=path))
    return rows, lines
