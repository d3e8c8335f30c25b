"""A plan as text (a PDF table copied out, or typed): one row per line, cells split by tabs.
A file without any tab is read by position: the header's words mark where each column
starts, and every run of text (words apart by single spaces) goes to the column it starts in."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.rules.importers.columns import header_at
from auditor.rules.importers.table import SourceRow

_CHUNK = re.compile(r"\S+(?: \S+)*")


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    """The table rows and every line (for the plan's title)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    if any("\t" in line for line in lines):
        rows = [SourceRow(n, tuple(line.split("\t"))) for n, line in enumerate(lines, 1) if "\t" in line]
        return rows, lines
    return _by_position(lines), lines


def _by_position(lines: list[str]) -> list[SourceRow]:
    chunks = [[(m.start(), m.group()) for m in _CHUNK.finditer(line)] for line in lines]
    grid = [[c for _, c in found] for found in chunks]
    starts: list[int] = []
    rows: list[SourceRow] = []
    for number, found in enumerate(chunks, 1):
        if not found:
            continue
        header = header_at(grid, number - 1)
        if header:
            starts = sorted({s for s, _ in found})
            if header.header_rows == 2 and number < len(chunks):
                starts = sorted(set(starts) | {s for s, _ in chunks[number]})
        if not starts:
            if len(found) > 1:
                rows.append(SourceRow(number, tuple(c for _, c in found)))
            continue
        cells = [""] * len(starts)
        for start, chunk in found:
            column = max((i for i, s in enumerate(starts) if s <= start + 2), default=0)
            cells[column] = f"{cells[column]} {chunk}".strip()
        rows.append(SourceRow(number, tuple(cells)))
    return rows
