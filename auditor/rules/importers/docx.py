"""A DOCX plan: every row of every table (the plan's table may be split over several), and
the paragraphs for the title. The "line" of a row is its number counted over all tables.

A cell merged across columns or down rows is kept once, in its first column and row, as
spreadsheets give merged cells."""

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
        above: list[object] = []
        for row in table.rows:
            number += 1
            cells: list[str] = []
            seen: list[object] = []
            previous = None
            for index, cell in enumerate(row.cells):
                merged_left = cell._tc is previous
                merged_up = index < len(above) and above[index] is cell._tc
                cells.append("" if merged_left or merged_up else cell.text)
                previous = cell._tc
                seen.append(cell._tc)
            above = seen
            rows.append(SourceRow(number, tuple(cells)))
    lines = [p.text for p in document.paragraphs]
    return rows, lines
