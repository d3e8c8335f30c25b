"""Importers: a Rencana Aksi (text, CSV, DOCX, XLSX or PDF table) -> a RuleSet and warnings.

Each reader hands over the table's rows (``SourceRow``) and the lines around it (for the
title); ``columns`` maps the header, ``table`` and ``items`` read the rows, ``build`` makes
the rules.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from auditor.errors import UserError
from auditor.i18n import t
from auditor.rules.importers.build import ImportResult, build
from auditor.rules.importers.columns import parse_override
from auditor.rules.importers.table import read_table
from auditor.rules.importers.title import identity

__all__ = ["FORMATS", "ImportResult", "import_plan"]

FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".tsv": "text", ".csv": "csvfile",
           ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf"}


def _reader(plan: Path):
    import importlib

    name = FORMATS.get(plan.suffix.lower())
    if name is None:
        raise UserError(t("rules.plan_unknown_format", path=plan))
    return importlib.import_module(f"auditor.rules.importers.{name}")


def import_plan(path: str | Path, office: str | None = None, year: int | None = None,
                source: str | None = None, columns: str | None = None,
                teams: dict[str, str] | None = None) -> ImportResult:
    """Read the plan at ``path`` into rules; bad input is a UserError (exit 2)."""
    plan = Path(path)
    reader = _reader(plan)
    override = parse_override(columns) if columns else None
    try:
        rows, lines = reader.read(plan)
    except FileNotFoundError:
        raise UserError(t("yaml.not_found", path=plan)) from None
    except UserError:
        raise
    except SyntaxError as exc:  # lxml's and ElementTree's parse errors: a truncated part
        raise UserError(t("rules.plan_broken_xml", path=plan, reason=exc.msg or exc)) from None
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError, KeyError,
            ValueError) as exc:
        raise UserError(t("rules.plan_unreadable", path=plan, reason=exc)) from None
    table = read_table(rows, override)
    if table is None or not table.areas:
        raise UserError(t("rules.plan_no_table", path=plan))
    found_office, found_year, from_name = identity(lines, plan)
    notes: list[str] = []
    if year and found_year and year != found_year and not from_name:
        notes.append(t("rules.import.year_given", given=year, found=found_year))
    if year is None and from_name and found_year:
        notes.append(t("rules.import.year_from_name", year=found_year))
    year = year or found_year
    if year is None:
        raise UserError(t("rules.plan_no_year", path=plan))
    if office is None and found_office is None:
        notes.append(t("rules.import.no_office"))
    return build(table, plan, office or found_office or "?", year, source or plan.name,
                 teams, notes)
