"""An XLSX plan: the rows of the first sheet holding the table; the "line" is the row number."""

from __future__ import annotations

from pathlib import Path

from auditor.rules.importers.table import SourceRow


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except InvalidFileException as exc:
        raise ValueError(f"not an XLSX file: {exc}") from None
    try:
        for sheet in book.worksheets:
            rows: list[SourceRow] = []
            lines: list[str] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = tuple("" if v is None else str(v) for v in values)
                if sum(1 for c in cells if c.strip()) == 1 and not cells[0].strip().isdigit():
                    lines.append(next(c for c in cells if c.strip()))
                rows.append(SourceRow(number, cells))
            if any("BUKTI FISIK" in c.upper() for row in rows for c in row.cells):
                return rows, lines
        return [], []
    finally:
        book.close()
