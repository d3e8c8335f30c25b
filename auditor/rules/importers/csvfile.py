"""A CSV plan (saved from Excel): comma or semicolon separated, UTF-8 or Windows-1252."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from auditor.rules.importers.table import SourceRow


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows: list[SourceRow] = []
    lines: list[str] = []
    for number, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        rows.append(SourceRow(number, tuple(values)))
        filled = [v for v in values if v.strip()]
        if len(filled) == 1:
            lines.append(filled[0])
    return rows, lines
