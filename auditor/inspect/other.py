"""Formats whose content is not read (DOC, ODT, shortcuts, text): what the name tells."""

from __future__ import annotations

from pathlib import Path

from auditor.i18n import t
from auditor.inspect.facts import FileFacts
from auditor.inspect.text import date_from_name


def read_other(path: Path, facts: FileFacts, year: int | None) -> None:
    date_from_name(facts, path, year)
    facts.title = path.stem
    facts.notes.append(t("inspect.note_name_only"))
