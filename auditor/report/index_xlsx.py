"""indeks-bukti.xlsx: one row per (rule, file), hyperlinks to the files, status per month."""

from __future__ import annotations

from auditor.i18n import t
from auditor.report import xlsx_cells
from auditor.report.evidence_index import EvidenceIndex, IndexFile, IndexRule

HEAD = ("area", "area_name", "item", "item_name", "indicator", "rule_id", "evidence", "team")
TAIL = ("path", "part", "date", "date_source", "signed", "credited", "folder")


def _header(lang: str, months: list[tuple[int, str]]) -> list[str]:
    head = [t(f"report.col.{k}", lang) for k in HEAD]
    tail = [t(f"report.col.{k}", lang) for k in TAIL]
    return [*head, *(name for _, name in months), *tail]


def render_xlsx(index: EvidenceIndex) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = xlsx_cells.sheet_title(t("report.index.sheet", index.lang))
    xlsx_cells.append_row(sheet, _header(index.lang, index.months))
    xlsx_cells.style_header(sheet)
    first_month_col = len(HEAD) + 1
    for area in index.areas:
        for item in area.items:
            for indicator in item.indicators:
                for rule in indicator.rules:
                    base = [area.area, area.name, item.item, item.name, indicator.text,
                            rule.rule_id, rule.evidence, rule.team]
                    for f in rule.files or [None]:
                        _row(sheet, base, rule, f, first_month_col)
    xlsx_cells.set_widths(sheet, [6, 22, 5, 24, 40, 9, 40, 22, *([6] * 12),
                                  50, 12, 11, 18, 14, 16, 40])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (5, 7))
    sheet.freeze_panes = "H2"
    sheet.auto_filter.ref = sheet.dimensions
    return xlsx_cells.to_bytes(book)


def _row(sheet, base: list[object], rule: IndexRule, f: IndexFile | None,
         first_month_col: int) -> None:
    tail: list[object] = ([f.path, f.part, f.date, f.date_source, f.signed, ", ".join(f.months)]
                          if f else ["", "", "", "", "", ""]) + [rule.folder]
    values = [*base, *(c.label if c.symbol else "" for c in rule.cells), *tail]
    row = xlsx_cells.append_row(sheet, values)
    for offset, month_cell in enumerate(rule.cells):
        if month_cell.symbol:  # a blank (not due) month stays unpainted, as before
            xlsx_cells.paint_status(sheet.cell(row, first_month_col + offset), month_cell.state)
    path_col = first_month_col + 12
    if f and f.target:
        sheet.cell(row, path_col).hyperlink = f.target
        sheet.cell(row, path_col).style = "Hyperlink"
    if rule.folder_target:
        sheet.cell(row, path_col + len(TAIL) - 1).hyperlink = rule.folder_target
        sheet.cell(row, path_col + len(TAIL) - 1).style = "Hyperlink"
