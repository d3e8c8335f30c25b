"""Read a written gap-report.json back into an AuditReport (the index and the mail need no
rescan); ``load_report_set`` also makes sure the month's set is whole before anyone uses it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from auditor.audit.model import AuditReport, Count, FileEvidence, RunSummary, Verdict
from auditor.config.model import OutputSettings
from auditor.errors import UserError
from auditor.i18n import t


def _count(data: dict[str, Any]) -> Count:
    return Count(due=int(data.get("due", 0)), ok=int(data.get("ok", 0)),
                 gaps=int(data.get("gaps", 0)))


def _file(data: dict[str, Any]) -> FileEvidence:
    known = FileEvidence.__dataclass_fields__
    values = {k: v for k, v in data.items() if k in known}
    values.setdefault("part", None)
    values.setdefault("date", None)
    values.setdefault("date_source", None)
    values.setdefault("signed", None)
    return FileEvidence(**values)


def _verdict(data: dict[str, Any]) -> Verdict:
    return Verdict(
        rule_id=str(data["rule_id"]), month=int(data["month"]), team=str(data.get("team", "")),
        status=str(data["status"]), files=[_file(f) for f in data.get("files", [])],
        problems=[str(p) for p in data.get("problems", [])], folder=str(data.get("folder", "")),
        evidence=str(data.get("evidence", "")), area=str(data.get("area", "")),
        item=int(data.get("item", 0) or 0),
    )


def _run(data: dict[str, Any]) -> RunSummary:
    return RunSummary(run_at=str(data["run_at"]), month=int(data["month"]), due=int(data["due"]),
                      ok=int(data["ok"]), gaps=int(data["gaps"]), files=int(data.get("files", 0)))


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
