"""A DOCX plan: every row of every table (the plan's table may be split over several), and
the paragraphs for the title. The "line" of a row is its number counted over all tables."""

from __future__ import annotations

from pathlib import Path

from auditor.rules.importers.table import SourceRow


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise FileNotFoundError(path)
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise ValueError(f"not a DOCX file: {exc}") from None
    rows: list[SourceRow] = []
    number = 0
    for table in document.tables:
        for row in table.rows:
            number += 1
            cells: list[str] = []
            previous = None
            for cell in row.cells:
                # a cell merged across columns comes back once per column: keep it once
                cells.append("" if cell._tc is previous else cell.text)
                previous = cell._tc
            rows.append(SourceRow(number, tuple(cells)))
    lines = [p.text for p in document.paragraphs]
    return rows, lines
