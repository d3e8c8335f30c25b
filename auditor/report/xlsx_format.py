"""gap-report.xlsx: the CSV's verdict table ("Semua bukti"), the gaps alone grouped per Tim
("Kekurangan", a printed page per Tim) and a summary sheet, for Excel users whose regional
settings split a CSV on ';' (Indonesian Windows) and see one column. Every sheet prints on
A4 landscape, fitted to the page width, with the header row on every page.

Written with XlsxWriter, which streams a workbook about twice as fast as openpyxl builds one
(the gap report is rewritten whenever a finding changes); openpyxl stays for reading plans and
evidence and for the evidence index. Every text goes in with ``write_string``: a file named
"=HYPERLINK(…)" is shown, never run.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from auditor.audit.model import AuditReport, Count, Verdict
from auditor.i18n import t
from auditor.report import xlsx_cells
from auditor.report.base import ReportFormat
from auditor.report.csv_format import COLUMNS, header, verdict_rows
from auditor.report.labels import STATUS_COLOURS
from auditor.report.links import spreadsheet_target
from auditor.report.view import build_view, rule_sort_key

WIDTHS = {"rule_id": 9, "area": 6, "item": 6, "evidence": 40, "month": 7, "month_name": 11,
          "team": 26, "status": 20, "files": 50, "dates": 32, "problems": 50, "folder": 40}
WRAPPED = {"evidence", "files", "dates", "problems"}


class Sheet:
    """One worksheet written row by row, with the workbook's formats made once each."""

    def __init__(self, book: Any, title: str, formats: dict[tuple, Any]) -> None:
        self.book, self.sheet, self.row, self._formats = book, book.add_worksheet(
            xlsx_cells.sheet_title(title)), 0, formats

    def fmt(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(props) if props else None
        return self._formats[key]

    def append(self, values: Sequence[object], formats: Sequence[Any] | Any = None) -> int:
        """Write ``values`` (ints stay numbers, the rest text) on the next row; its index."""
        row = self.row
        for col, value in enumerate(values):
            cell_format = formats[col] if isinstance(formats, list) else formats
            if isinstance(value, int) and not isinstance(value, bool):
                self.sheet.write_number(row, col, value, cell_format)
            else:
                self.sheet.write_string(row, col, xlsx_cells.text(value), cell_format)
        self.row += 1
        return row

    def header(self, values: Sequence[object]) -> int:
        head = self.fmt(bold=True, bg_color=f"#{xlsx_cells.HEADER_FILL}")
        return self.append(values, [head if v not in (None, "") else None for v in values])

    def status(self, state: str, **props: Any) -> Any:
        colours = STATUS_COLOURS.get(state)
        if colours:
            props.update(bg_color=f"#{colours[0].upper()}", pattern=1,
                         font_color=f"#{colours[1].upper()}")
        return self.fmt(**props)


class XlsxFormat(ReportFormat):
    name = "xlsx"
    filename = "gap-report.xlsx"

    def render(self, report: AuditReport, lang: str) -> bytes:
        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False,
                                            "strings_to_numbers": False})
        formats: dict[tuple, Any] = {}
        rows = verdict_rows(report, lang)
        _verdict_sheet(Sheet(book, t("report.xlsx.sheet_all", lang), formats), report, lang,
                       rows)
        gaps = sorted((r for r in rows if r[0].is_gap),  # per Tim, a page each when printed
                      key=lambda r: (r[0].team, r[0].month, rule_sort_key(r[0].rule_id)))
        _verdict_sheet(Sheet(book, t("report.xlsx.sheet_gaps", lang), formats), report, lang,
                       gaps, break_per_team=True)
        summary = Sheet(book, t("report.heading.summary", lang), formats)
        _summary_sheet(summary, report, lang)
        _print_setup(summary.sheet, header_row=False)
        book.close()
        return buffer.getvalue()


def _print_setup(sheet: Any, *, header_row: bool = True) -> None:
    """A4 landscape, every column on the page width (as many pages down as needed), the
    header row repeated on every printed page."""
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.set_footer("&L&A&R&P / &N")  # sheet name, page n of N
    if header_row:
        sheet.repeat_rows(0)


def _verdict_sheet(out: Sheet, report: AuditReport, lang: str,
                   rows: list[tuple[Verdict, list[object]]], *,
                   break_per_team: bool = False) -> None:
    out.header(header(lang))
    status_col = COLUMNS.index("status")
    plain = out.fmt(valign="top")
    wrapped = out.fmt(valign="top", text_wrap=True)
    cell_formats = [wrapped if c in WRAPPED else plain for c in COLUMNS]
    folder_col = COLUMNS.index("folder")
    link_format = out.fmt(valign="top", font_color="#0563C1", underline=1)
    breaks, team = [], None
    for verdict, values in rows:
        if break_per_team and team is not None and verdict.team != team:
            breaks.append(out.row)  # this Tim starts a new printed page
        team = verdict.team
        cell_formats[status_col] = out.status(verdict.status, valign="top")
        row = out.append(values, cell_formats)
        target = spreadsheet_target(report.output.links_base, verdict.folder)
        if target and verdict.folder:  # the folder opens from Excel through links.base
            if "://" not in target:
                target = "external:" + target  # XlsxWriter's spelling of a Windows path
            out.sheet.write_url(row, folder_col, target, link_format, string=verdict.folder)
    for col, name in enumerate(COLUMNS):
        out.sheet.set_column(col, col, WIDTHS[name])
    out.sheet.freeze_panes(1, 0)
    out.sheet.autofilter(0, 0, max(out.row - 1, 0), len(COLUMNS) - 1)
    _print_setup(out.sheet)
    if breaks:
        out.sheet.set_h_pagebreaks(breaks)


def _summary_sheet(out: Sheet, report: AuditReport, lang: str) -> None:
    view = build_view(report, lang)
    s = view.summary
    out.append([view.title], out.fmt(bold=True, font_size=14))
    out.append([f"{view.office} — {view.period}"])
    out.append([t("report.as_of", lang, as_of=view.as_of)])
    out.append([t("report.generated_at", lang, generated_at=view.generated_at)])
    out.append([t("report.evidence_root", lang, root=view.evidence_root)])
    out.row += 1
    out.append([t("report.headline", lang, ok=s.ok, due=s.due)], out.fmt(bold=True))
    out.append([t("report.headline_gaps", lang, gaps=s.gaps)])
    out.row += 1

    def counts(name: str, count: Count) -> list[object]:
        return [name, count.due, count.ok, count.gaps]

    out.header([t(f"report.col.{k}", lang) for k in ("team", "due", "ok", "gaps")])
    out.append(counts(t("report.xlsx.all_teams", lang), s), out.fmt(bold=True))
    for team in view.teams:
        out.append(counts(team.name, team.count))
    out.row += 1
    if view.status_counts:
        out.header([t("report.col.status", lang), t("report.col.count", lang)])
        for status, label, n in view.status_counts:
            out.append([label, n], [out.status(status), None])
    for col, width in enumerate([40, 13, 13, 13]):
        out.sheet.set_column(col, col, width)
