"""Read a written gap-report.json back into an AuditReport (the index and the mail need no
rescan); ``load_report_set`` also makes sure the month's set is whole before anyone uses it."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from auditor.audit.model import AuditReport, Count, FileEvidence, RunSummary, Verdict
from auditor.config.model import OutputSettings
from auditor.errors import UserError
from auditor.i18n import t


def _count(data: dict[str, Any]) -> Count:
    return Count(due=int(data.get("due", 0)), ok=int(data.get("ok", 0)),
                 gaps=int(data.get("gaps", 0)))


def _known(cls: type, data: dict[str, Any], **required: Any) -> dict[str, Any]:
    """The keys of ``data`` that are fields of the dataclass ``cls`` (a key a newer version
    added is left out; one an older version did not write takes the field's default, or the
    value given in ``required`` for a field without one)."""
    names = {f.name for f in fields(cls)}
    return {**required, **{k: v for k, v in data.items() if k in names}}


def _file(data: dict[str, Any]) -> FileEvidence:
    return FileEvidence(**_known(FileEvidence, data, part=None, date=None, date_source=None,
                                 signed=None))


def _verdict(data: dict[str, Any]) -> Verdict:
    values = _known(Verdict, data, team="")
    values["month"], values["item"] = int(values["month"]), int(values.get("item") or 0)
    values["files"] = [_file(f) for f in data.get("files", [])]
    values["problems"] = [str(p) for p in data.get("problems", [])]
    return Verdict(**values)


def _run(data: dict[str, Any]) -> RunSummary:
    return RunSummary(**_known(RunSummary, data, files=0))


def report_from_json(data: dict[str, Any]) -> AuditReport:
    """The inverse of AuditReport.to_json(); raises KeyError/TypeError/ValueError on bad data."""
    summary = data["summary"]
    return AuditReport(
        year=int(data["year"]), month=int(data["month"]), as_of=str(data["as_of"]),
        generated_at=str(data["generated_at"]), evidence_root=str(data["evidence_root"]),
        language=str(data.get("language", "id")), office=str(data.get("office", "")),
        summary=_count(summary),
        by_team={str(k): _count(v) for k, v in summary.get("by_team", {}).items()},
        verdicts=[_verdict(v) for v in data.get("verdicts", [])],
        errors=[{"path": str(e.get("path", "")), "error": str(e.get("error", ""))}
                for e in data.get("errors", [])],
        upcoming=[_verdict(v) for v in data.get("upcoming", [])],
        history=[_run(h) for h in data.get("history", [])],
        rules=list(data.get("rules", [])),
        unmatched=[{"path": str(u.get("path", "")), "reason": str(u.get("reason", ""))}
                   for u in data.get("unmatched", [])],
        new_folders=[{"folder": str(f.get("folder", "")), "line": str(f.get("line", ""))}
                     for f in data.get("new_folders", [])],
        inspection={"read": int(data.get("inspection", {}).get("read", 0)),
                    "retried": int(data.get("inspection", {}).get("retried", 0))},
        review=dict(data.get("review") or {}),
        output=_output(data.get("output") or {}),
    )


def _output(data: dict[str, Any]) -> OutputSettings:
    base = data.get("links_base")
    return OutputSettings(links_base=str(base) if base else None,
                          csv_delimiter=";" if data.get("csv_delimiter") == ";" else ",")


def load_report(path: Path) -> AuditReport:
    """Load ``path`` (a gap-report.json); a missing or damaged file is a plain UserError."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(t("report.load.missing", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(t("report.load.unreadable", path=path, reason=exc)) from None
    except json.JSONDecodeError as exc:
        raise UserError(t("report.load.bad", path=path, reason=f"JSON: {exc.msg}, {exc.lineno}:{exc.colno}")) from None
    try:
        if not isinstance(data, dict):
            raise TypeError("not an object")
        return report_from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserError(t("report.load.bad", path=path, reason=f"{type(exc).__name__}: {exc}")) from None


def load_report_set(folder: Path) -> AuditReport:
    """Load the report set of one month (``reports_dir/<YYYY>-<MM>``) from its gap-report.json,
    only when the set is whole: every file its manifest names is there, unchanged. A set cut
    short by a killed run, edited by hand or written by a version without manifests is a
    plain UserError that says to scan again, never a half-true mail."""
    from auditor.report.sets import check_set

    folder = Path(folder)
    path = folder / "gap-report.json"
    if not folder.is_dir():
        raise UserError(t("report.load.missing", path=path))
    wrong = check_set(folder)
    if wrong is not None:
        raise UserError(t("report.load.incomplete", path=folder, name=wrong))
    return load_report(path)


def report_months(reports_dir: Path, year: int | None = None) -> list[tuple[int, int]]:
    """The (year, month) of every ``<YYYY>-<MM>/gap-report.json`` under ``reports_dir`` (of
    ``year`` when given), oldest first: the one way every command finds the written months."""
    found = []
    if Path(reports_dir).is_dir():
        for folder in Path(reports_dir).iterdir():
            name = folder.name
            if (len(name) == 7 and name[4] == "-" and name[:4].isdigit() and name[5:].isdigit()
                    and (folder / "gap-report.json").is_file()
                    and (year is None or int(name[:4]) == year)):
                found.append((int(name[:4]), int(name[5:])))
    return sorted(found)


def latest_report(reports_dir: Path, year: int | None = None) -> Path | None:
    """The newest ``<YYYY>-<MM>/gap-report.json`` under ``reports_dir`` (of ``year``), or None."""
    months = report_months(reports_dir, year)
    if not months:
        return None
    y, m = months[-1]
    return Path(reports_dir) / f"{y:04d}-{m:02d}" / "gap-report.json"
