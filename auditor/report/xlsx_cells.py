"""What every XLSX the report stage writes shares: text cells Excel never runs as a formula,
a bold header row, the status colours of the HTML report, and the workbook as bytes."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.report.labels import STATUS_COLOURS

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "DDE3E6"


# control characters an XLSX cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE, without its import)
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def text(value: object) -> str:
    """A cell string Excel keeps as text: no control characters (XLSX cannot hold them)."""
    return ILLEGAL_CHARACTERS.sub("\ufffd", "" if value is None else str(value))


def sheet_title(value: str) -> str:
    """Excel's limits on a sheet name: 31 characters, none of []:*?/\\."""
    return "".join(" " if c in "[]:*?/\\" else c for c in text(value))[:31]


def append_row(sheet: Worksheet, values: Sequence[object]) -> int:
    """Append ``values`` (ints stay numbers, the rest text) and return the row number.

    openpyxl stores a string that starts with '=' as a formula; such a cell is made a string
    again, so a file named '=HYPERLINK(...)' is shown, never run."""
    sheet.append([v if isinstance(v, int) and not isinstance(v, bool) else text(v)
                  for v in values])
    row = sheet.max_row
    for cell in sheet[row]:
        if cell.data_type == "f":
            cell.data_type = "s"
    return row


def style_header(sheet: Worksheet, row: int = 1) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell in sheet[row]:
        if cell.value not in (None, ""):
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)


def paint_status(cell: Cell, state: str) -> None:
    """The HTML report's colours for ``state`` on one cell; unknown states stay plain."""
    from openpyxl.styles import Font, PatternFill

    colours = STATUS_COLOURS.get(state)
    if colours:
        background, foreground = colours
        cell.fill = PatternFill("solid", fgColor=background.upper())
        cell.font = Font(color=foreground.upper())


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
