"""Importers: a Rencana Aksi (text export, DOCX or XLSX table) -> a RuleSet and warnings."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from auditor.errors import UserError
from auditor.i18n import t
from auditor.rules.importers.build import ImportResult, build, identity

__all__ = ["ImportResult", "import_plan"]


def import_plan(path: str | Path, office: str | None = None, year: int | None = None,
                source: str | None = None) -> ImportResult:
    """Read the plan at ``path`` (.txt, .docx, .xlsx) into rules; bad input is a UserError."""
    plan = Path(path)
    suffix = plan.suffix.lower()
    if suffix in (".txt", ".text", ".md", ".tsv"):
        from auditor.rules.importers import text as reader
    elif suffix == ".docx":
        from auditor.rules.importers import docx as reader  # type: ignore[no-redef]
    elif suffix in (".xlsx", ".xlsm"):
        from auditor.rules.importers import xlsx as reader  # type: ignore[no-redef]
    else:
        raise UserError(t("rules.plan_unknown_format", path=plan))
    try:
        rows, lines = reader.read(plan)
    except FileNotFoundError:
        raise UserError(t("yaml.not_found", path=plan)) from None
    except SyntaxError as exc:  # lxml's and ElementTree's parse errors: a truncated part
        raise UserError(t("rules.plan_broken_xml", path=plan, reason=exc.msg or exc)) from None
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError, KeyError,
            ValueError) as exc:
        raise UserError(t("rules.plan_unreadable", path=plan, reason=exc)) from None
    if not any("BUKTI FISIK" in c.upper() for row in rows for c in row.cells):
        raise UserError(t("rules.plan_no_table", path=plan))
    found_office, found_year = identity(lines, plan)
    year = year or found_year
    if year is None:
        raise UserError(t("rules.plan_no_year", path=plan))
    return build(rows, plan, office or found_office or "?", year, source or plan.name)
