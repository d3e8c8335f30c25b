"""gap-report.csv: one row per verdict, UTF-8 with BOM so Excel shows Indonesian text intact."""

from __future__ import annotations

import csv
import io

from auditor.audit.model import AuditReport, Verdict
from auditor.i18n import t
from auditor.report import labels
from auditor.report.base import ReportFormat
from auditor.report.links import evidence_link
from auditor.report.view import rule_sort_key

COLUMNS = ("rule_id", "area", "item", "evidence", "month", "month_name", "team", "status",
           "files", "dates", "problems", "folder")
# A spreadsheet runs a cell that starts with these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """The cell text, with a leading quote when a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def header(lang: str) -> list[str]:
    """The column headings of the verdict table, in ``lang``."""
    return [t(f"report.col.{c}", lang) for c in COLUMNS]


def verdict_rows(report: AuditReport, lang: str) -> list[tuple[Verdict, list[object]]]:
    """One row of COLUMNS per verdict, in plan order then month; cells are raw (not
    neutralised): each spreadsheet format keeps formulas out its own way."""
    item_names = {r.get("id"): r for r in report.rules}
    rows = []
    for v in sorted(report.verdicts, key=lambda v: (rule_sort_key(v.rule_id), v.month)):
        rule = item_names.get(v.rule_id, {})
        dates = [labels.review_mark(f, lang) if f.review
                 else f"{f.date} ({labels.date_source_label(f.date_source, lang)})" if f.date
                 else t("report.no_date", lang) for f in v.files]
        rows.append((v, [v.rule_id, v.area or rule.get("area", ""), v.item or rule.get("item", ""),
                         v.evidence or rule.get("evidence", ""), v.month,
                         labels.month_name(v.month, lang), v.team,
                         labels.status_label(v.status, lang),
                         " | ".join(f.path for f in v.files), " | ".join(dates),
                         " ".join(v.problems), v.folder or rule.get("folder", "")]))
    return rows


class CsvFormat(ReportFormat):
    name = "csv"
    filename = "gap-report.csv"

    def render(self, report: AuditReport, lang: str) -> bytes:
        """UTF-8 with a BOM (Excel then reads Indonesian text right), CRLF line ends, every
        field with a separator, quote or line break in quotes; the separator is ``csv.delimiter``
        of the config (';' where Excel's regional settings split on semicolons). No ``sep=``
        line: Excel drops the BOM when one follows it, and other programs read it as data."""
        base = report.output.links_base
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=report.output.csv_delimiter, lineterminator="\r\n")
        writer.writerow(header(lang) + ([t("report.col.folder_link", lang)] if base else []))
        for verdict, row in verdict_rows(report, lang):
            if base:
                link = evidence_link(base, verdict.folder)
                row.append(link.text if link else "")
            writer.writerow([neutralise(cell) for cell in row])
        return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
