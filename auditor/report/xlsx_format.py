"""gap-report.xlsx: the CSV's verdict table and a summary sheet, for Excel users whose
regional settings split a CSV on ';' (Indonesian Windows) and see one column."""

from __future__ import annotations

from auditor.audit.model import AuditReport, Count
from auditor.i18n import t
from auditor.report import xlsx_cells
from auditor.report.base import ReportFormat
from auditor.report.csv_format import COLUMNS, header, verdict_rows
from auditor.report.view import build_view

WIDTHS = {"rule_id": 9, "area": 6, "item": 6, "evidence": 40, "month": 7, "month_name": 11,
          "team": 26, "status": 20, "files": 50, "dates": 32, "problems": 50, "folder": 40}
WRAPPED = {"evidence", "files", "dates", "problems"}


class XlsxFormat(ReportFormat):
    name = "xlsx"
    filename = "gap-report.xlsx"

    def render(self, report: AuditReport, lang: str) -> bytes:
        from openpyxl import Workbook

        book = Workbook()
        _gaps_sheet(book.active, report, lang)
        _summary_sheet(book.create_sheet(), report, lang)
        return xlsx_cells.to_bytes(book)


def _gaps_sheet(sheet, report: AuditReport, lang: str) -> None:
    from openpyxl.styles import Alignment

    sheet.title = xlsx_cells.sheet_title(t("report.xlsx.sheet_gaps", lang))
    xlsx_cells.append_row(sheet, header(lang))
    xlsx_cells.style_header(sheet)
    status_col = COLUMNS.index("status") + 1
    wrapped = {COLUMNS.index(c) + 1 for c in WRAPPED}
    for verdict, values in verdict_rows(report, lang):
        row = xlsx_cells.append_row(sheet, values)
        for cell in sheet[row]:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in wrapped)
        xlsx_cells.paint_status(sheet.cell(row, status_col), verdict.status)
    xlsx_cells.set_widths(sheet, [WIDTHS[c] for c in COLUMNS])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _summary_sheet(sheet, report: AuditReport, lang: str) -> None:
    from openpyxl.styles import Font

    view = build_view(report, lang)
    s = view.summary
    sheet.title = xlsx_cells.sheet_title(t("report.heading.summary", lang))
    sheet.cell(xlsx_cells.append_row(sheet, [view.title]), 1).font = Font(bold=True, size=14)
    xlsx_cells.append_row(sheet, [f"{view.office} — {view.period}"])
    xlsx_cells.append_row(sheet, [t("report.as_of", lang, as_of=view.as_of)])
    xlsx_cells.append_row(sheet, [t("report.generated_at", lang, generated_at=view.generated_at)])
    xlsx_cells.append_row(sheet, [t("report.evidence_root", lang, root=view.evidence_root)])
    sheet.append([])
    headline = xlsx_cells.append_row(sheet, [t("report.headline", lang, ok=s.ok, due=s.due)])
    sheet.cell(headline, 1).font = Font(bold=True)
    xlsx_cells.append_row(sheet, [t("report.headline_gaps", lang, gaps=s.gaps)])
    sheet.append([])

    def counts(name: str, count: Count) -> list[object]:
        return [name, count.due, count.ok, count.gaps]

    xlsx_cells.append_row(sheet, [t(f"report.col.{k}", lang) for k in ("team", "due", "ok", "gaps")])
    xlsx_cells.style_header(sheet, sheet.max_row)
    total = xlsx_cells.append_row(sheet, counts(t("report.xlsx.all_teams", lang), s))
    for cell in sheet[total]:
        cell.font = Font(bold=True)
    for team in view.teams:
        xlsx_cells.append_row(sheet, counts(team.name, team.count))
    sheet.append([])

    if view.status_counts:
        xlsx_cells.append_row(sheet, [t("report.col.status", lang), t("report.col.count", lang)])
        xlsx_cells.style_header(sheet, sheet.max_row)
        for status, label, n in view.status_counts:
            row = xlsx_cells.append_row(sheet, [label, n])
            xlsx_cells.paint_status(sheet.cell(row, 1), status)
    xlsx_cells.set_widths(sheet, [40, 13, 13, 13])
