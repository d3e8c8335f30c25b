"""Formats whose content is not read (DOC, ODT, shortcuts, text): what the name tells."""

from __future__ import annotations

from pathlib import Path

from auditor.i18n import t
from auditor.inspect.dates import date_in_name
from auditor.inspect.facts import FileFacts


def read_other(path: Path, facts: FileFacts, year: int | None) -> None:
    value = date_in_name(path.stem, year)
    if value:
        facts.date, facts.date_source = value.isoformat(), "filename"
    facts.title = path.stem
    facts.notes.append(t("inspect.note_name_only"))
