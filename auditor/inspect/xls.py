"""XLS (Excel 97-2003, BIFF): cell text and date cells with xlrd, then the XLSX path.

An ".xls" is often something else under that name: an XLSX renamed, or a web application's
HTML or CSV export. Those are read as what they are.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.xlsx import MAX_ROWS, MAX_SHEETS, read_csv, read_xlsx, row_line, table_facts
from auditor.inspect.zipguard import OLE_MAGIC

_KIND = "XLS"
_TARGET = "PDF/XLSX"


def read_xls(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    with open(path, "rb") as fh:
        head = fh.read(512)
    if head.startswith(b"PK"):  # an XLSX saved under the old name
        read_xlsx(path, facts, year, limits)
        return
    if not head.startswith(OLE_MAGIC):
        if b"<" in head[:64] or b"\x00" in head:  # an HTML table or binary junk
            raise BadDocument("inspect.format_corrupt", kind=_KIND, reason="bukan berkas Excel",
                              target=_TARGET)
        read_csv(path, facts, year, limits)  # a text export named .xls
        return
    try:
        import xlrd
    except ImportError as exc:
        raise BadDocument("inspect.no_reader", ext=".xls", tool="xlrd", target=_TARGET) from exc
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, struct.error, AssertionError... for junk
        if "encrypted" in str(exc).lower():
            raise BadDocument("inspect.zip_encrypted", kind=_KIND) from exc
        raise BadDocument("inspect.format_corrupt", kind=_KIND, reason=type(exc).__name__,
                          target=_TARGET) from exc
    lines: list[str] = []
    try:
        for index in range(min(book.nsheets, MAX_SHEETS)):
            sheet = book.sheet_by_index(index)
            for r in range(min(sheet.nrows, MAX_ROWS)):
                line = row_line(_value(book, cell) for cell in sheet.row(r))
                if line:
                    lines.append(line)
            lines.append("")
            book.unload_sheet(index)
    except Exception as exc:
        raise BadDocument("inspect.format_corrupt", kind=_KIND, reason=type(exc).__name__,
                          target=_TARGET) from exc
    finally:
        book.release_resources()
    table_facts(facts, lines, year, None)  # xlrd reads no document properties


def _value(book: object, cell: object) -> object:
    import xlrd

    kind, value = cell.ctype, cell.value  # type: ignore[attr-defined]
    if kind == xlrd.XL_CELL_DATE:
        try:
            when = xlrd.xldate_as_datetime(value, book.datemode)  # type: ignore[attr-defined]
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
        return when.date() if when.time() == datetime.min.time() else when
    if kind == xlrd.XL_CELL_NUMBER and float(value).is_integer():
        return int(value)  # 2022, not 2022.0
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    return value
