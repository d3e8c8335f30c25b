"""The plain-text summary per Tim printed at the end of `zi-auditor scan`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from auditor.audit.model import AuditReport
from auditor.audit.problems import long_date, month_name
from auditor.i18n import t

SHOWN_UNMATCHED = 10  # files not recognised listed on the terminal; the report has them all


def summary_text(report: AuditReport, lang: str, *, files_seen: int, files_inspected: int,
                 report_dir: Path | None) -> str:
    """Per Tim: how many due items are complete and what the gaps are; where the report is."""
    lines = [t("audit.summary_title", lang, office=report.office,
               month=month_name(report.month, lang), year=report.year,
               as_of=long_date(report.as_of, lang)), ""]
    for team, count in sorted(report.by_team.items()):
        lines.append(t("audit.summary_team", lang, team=team, ok=count.ok, due=count.due,
                       gaps=count.gaps))
        statuses = Counter(v.status for v in report.verdicts if v.team == team)
        details = ", ".join(f"{t('audit.status.' + s, lang)} {n}"
                            for s, n in sorted(statuses.items()) if s != "ok")
        if details:
            lines.append(t("audit.summary_statuses", lang, details=details))
    lines += ["", t("audit.summary_total", lang, ok=report.summary.ok, due=report.summary.due,
                    gaps=report.summary.gaps, files=files_seen,
                    inspected=files_inspected)]
    if report.unmatched:
        lines += ["", t("audit.summary_unmatched", lang, count=len(report.unmatched))]
        lines += [f"  {u['path']}: {u['reason']}" for u in report.unmatched[:SHOWN_UNMATCHED]]
        if len(report.unmatched) > SHOWN_UNMATCHED:
            lines.append(t("audit.summary_unmatched_more", lang,
                           count=len(report.unmatched) - SHOWN_UNMATCHED))
    if report.new_folders:
        lines += ["", t("map.summary_new_folders", lang, count=len(report.new_folders))]
        lines += [f"  {f['line']}" for f in report.new_folders[:SHOWN_UNMATCHED]]
    if report.review.get("on_word"):
        lines.append(t("review.on_word", lang, count=report.review["on_word"]))
    retried = report.inspection.get("retried", 0)
    if retried:
        lines.append(t("audit.summary_retried", lang, count=retried))
    if report.errors:
        lines.append(t("audit.summary_errors", lang, count=len(report.errors),
                           section=t("report.heading.errors", lang)))
    if report_dir is not None:
        lines.append(t("audit.summary_open", lang, path=report_dir / "gap-report.html"))
    return "\n".join(lines)
