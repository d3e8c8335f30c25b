"""XLSX: cell text (read-only), date cells, the period in the title ("Bulan Mei 2022")."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from pathlib import Path

from auditor.i18n import t
from auditor.inspect.bad import BadDocument
from auditor.inspect.facts import FileFacts
from auditor.inspect.signatures import analyse, decide
from auditor.inspect.text import apply_text, file_date
from auditor.inspect.zipguard import check_zip

MAX_ROWS = 2000  # per sheet: titles and signature blocks sit at the top and bottom
MAX_SHEETS = 10


def read_xlsx(path: Path, facts: FileFacts, year: int | None) -> None:
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
                cells = [_cell_text(v) for v in row if v is not None and str(v).strip()]
                if cells:
                    lines.append("  ".join(cells))
            lines.append("")
        created = book.properties.created if book.properties else None
    except Exception as exc:
        raise BadDocument("inspect.xlsx_corrupt", reason=type(exc).__name__) from exc
    finally:
        book.close()
    apply_text(facts, lines, year, text_lines=6)
    if facts.period and facts.date_source in (None, "text"):  # a table's own date is its period
        y, m = (int(x) for x in facts.period.split("-"))
        facts.date = date(y, m, calendar.monthrange(y, m)[1]).isoformat()
        facts.date_source = "period"
        facts.notes.append(t("inspect.note_period_date", period=facts.period))
    file_date(facts, created.date() if isinstance(created, datetime) else None)
    verdict = decide(analyse(lines), scanned=False)
    facts.signed, facts.signature, facts.signer = verdict.signed, verdict.signature, verdict.signer
    facts.notes.extend(t(k) for k in verdict.notes)


def _cell_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()
