"""XLSX: cell text (read-only), date cells, the period in the title ("Bulan Mei 2022").

``table_facts`` is the one path from a table's rows to its facts: the XLS, ODS and CSV readers
build their lines with ``row_line`` and end here too.
"""

from __future__ import annotations

import calendar
import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import FileFacts, Limits
from auditor.inspect.signatures import analyse, decide
from auditor.inspect.text import apply_text, file_date
from auditor.inspect.zipguard import check_zip

MAX_ROWS = 2000  # per sheet: titles and signature blocks sit at the top and bottom
MAX_SHEETS = 10
CSV_MAX_BYTES = 5 * 1024 * 1024  # a table's title and totals sit in its first rows


def read_xlsx(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    check_zip(path, "XLSX")
    import openpyxl

    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a corrupt part
        raise BadDocument("inspect.xlsx_corrupt", reason=type(exc).__name__) from exc
    lines: list[str] = []
    try:
        for sheet in book.worksheets[:MAX_SHEETS]:
            rows = sheet.iter_rows(values_only=True)
            for n, row in enumerate(rows):
                if n >= MAX_ROWS:
                    break
                line = row_line(row)
                if line:
                    lines.append(line)
            lines.append("")
        created = book.properties.created if book.properties else None
    except Exception as exc:
        raise BadDocument("inspect.xlsx_corrupt", reason=type(exc).__name__) from exc
    finally:
        book.close()
    table_facts(facts, lines, year, created.date() if isinstance(created, datetime) else None)


def row_line(row: Iterable[object]) -> str:
    """One table row as one line: its non-empty cells, two spaces apart."""
    return "  ".join(_cell_text(v) for v in row if v is not None and str(v).strip())


def table_facts(facts: FileFacts, lines: list[str], year: int | None,
                created: date | None) -> None:
    """A table's facts from its lines (one per row): text, period date, metadata, signature."""
    apply_text(facts, lines, year, text_lines=6)
    if facts.period and facts.date_source in (None, "text"):  # a table's own date is its period
        y, m = (int(x) for x in facts.period.split("-"))
        facts.date = date(y, m, calendar.monthrange(y, m)[1]).isoformat()
        facts.date_source = "period"
        facts.notes.append(t("inspect.note_period_date", period=facts.period))
    file_date(facts, created)
    verdict = decide(analyse(lines), scanned=False)
    facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
    facts.notes.extend(t(k) for k in verdict.notes)


def read_csv(path: Path, facts: FileFacts, year: int | None, limits: Limits | None = None) -> None:
    """A CSV export: its rows as a table's (UTF-8, else Windows-1252; comma or semicolon)."""
    with open(path, "rb") as fh:
        raw = fh.read(CSV_MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = text[:4096]
    delimiter = max(",;\t|", key=sample.count) if sample else ","
    lines: list[str] = []
    for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter)):
        if n >= MAX_ROWS * MAX_SHEETS:
            break
        line = row_line(row)
        if line:
            lines.append(line)
    table_facts(facts, lines, year, None)


def _cell_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()
