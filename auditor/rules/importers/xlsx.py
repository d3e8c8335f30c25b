"""An XLSX plan: the rows of the first sheet holding a plan's header; the "line" is the row
number. A merged cell gives its value in its first cell only."""

from __future__ import annotations

import datetime
from pathlib import Path

from auditor.rules.importers.columns import header_at
from auditor.rules.importers.table import SourceRow

_MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                "Oktober", "November", "Desember")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):  # a month header typed as a date (1-Jan-2026 shown "Jan")
        month = _MONTH_NAMES[value.month - 1]
        return month if value.day == 1 else f"{value.day} {month} {value.year}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except InvalidFileException as exc:
        raise ValueError(f"not an XLSX file: {exc}") from None
    try:
        first: tuple[list[SourceRow], list[str]] | None = None
        for sheet in book.worksheets:
            rows: list[SourceRow] = []
            lines: list[str] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = tuple(_text(v) for v in values)
                filled = [c for c in cells if c.strip()]
                if len(filled) == 1 and not filled[0].strip().isdigit():
                    lines.append(filled[0])
                rows.append(SourceRow(number, cells))
            first = first or (rows, lines)
            grid = [[c.strip() for c in r.cells] for r in rows]
            if any(header_at(grid, i) for i in range(min(len(grid), 60))):
                return rows, lines
        return first or ([], [])
    finally:
        book.close()
