"""The text export of the plan (a PDF table as text): one row per line, cells split by tabs."""

from __future__ import annotations

from pathlib import Path

from auditor.rules.importers.table import SourceRow


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    """The table rows (lines holding a tab) and every line (for the plan's title)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    rows = [SourceRow(n, tuple(line.split("\t"))) for n, line in enumerate(lines, 1) if "\t" in line]
    return rows, lines
