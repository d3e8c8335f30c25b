"""A plan as text (a PDF table copied out, or typed): one row per line, cells split by tabs,
or by runs of two or more spaces when the file has no tab at all."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.rules.importers.table import SourceRow


def read(path: Path) -> tuple[list[SourceRow], list[str]]:
    """The table rows and every line (for the plan's title)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    if any("\t" in line for line in lines):
        rows = [SourceRow(n, tuple(line.split("\t"))) for n, line in enumerate(lines, 1) if "\t" in line]
    else:
        rows = [SourceRow(n, tuple(re.split(r" {2,}", line.strip())))
                for n, line in enumerate(lines, 1) if re.search(r"\S {2,}\S", line)]
    return rows, lines
