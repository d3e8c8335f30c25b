"""indeks-bukti.xlsx: one row per (rule, file), hyperlinks to the files, status per month."""

from __future__ import annotations

import io

from auditor.i18n import t
from auditor.report.evidence_index import EvidenceIndex, IndexFile, IndexRule

# Light fills matching the HTML report's status colours.
FILLS = {"ok": "C8E6C9", "late": "FFF3C4", "missing": "F8C7C7", "incomplete": "FFD8B0",
         "unsigned": "E3D0F2", "undated": "CFE3F5", "needs_review": "F2E15C",
         "upcoming": "F2F2F2"}
HEAD = ("area", "area_name", "item", "item_name", "indicator", "rule_id", "evidence", "team")
TAIL = ("path", "part", "date", "date_source", "signed", "credited", "folder")


def _text(value: object) -> str:
    """A cell string Excel keeps as text: no control characters (openpyxl refuses them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", "" if value is None else str(value))


def _header(lang: str, months: list[tuple[int, str]]) -> list[str]:
    head = [t(f"report.col.{k}", lang) for k in HEAD]
    tail = [t(f"report.col.{k}", lang) for k in TAIL]
    return [*head, *(name for _, name in months), *tail]


def render_xlsx(index: EvidenceIndex) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = _text(t("report.index.sheet", index.lang))[:31]
    header = _header(index.lang, index.months)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3E6")
    first_month_col = len(HEAD) + 1
    for area in index.areas:
        for item in area.items:
            for indicator in item.indicators:
                for rule in indicator.rules:
                    base = [area.area, area.name, item.item, item.name, indicator.text,
                            rule.rule_id, rule.evidence, rule.team]
                    for f in rule.files or [None]:
                        _row(sheet, base, rule, f, first_month_col)
    widths = [6, 22, 5, 24, 40, 9, 40, 22, *([6] * 12), 50, 12, 11, 18, 14, 16, 40]
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (5, 7))
    sheet.freeze_panes = "H2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(sheet, base: list[object], rule: IndexRule, f: IndexFile | None,
         first_month_col: int) -> None:
    from openpyxl.styles import PatternFill

    tail: list[object] = ([f.path, f.part, f.date, f.date_source, f.signed, ", ".join(f.months)]
                          if f else ["", "", "", "", "", ""]) + [rule.folder]
    values = [*base, *(c.label if c.symbol else "" for c in rule.cells), *tail]
    sheet.append([v if isinstance(v, int) else _text(v) for v in values])
    row = sheet.max_row
    for cell in sheet[row]:
        if cell.data_type == "f":  # a file name like "=HYPERLINK(...)" stays text
            cell.data_type = "s"
    for offset, month_cell in enumerate(rule.cells):
        fill = FILLS.get(month_cell.state)
        if fill:
            sheet.cell(row, first_month_col + offset).fill = PatternFill("solid", fgColor=fill)
    path_col = first_month_col + 12
    if f and f.href:
        sheet.cell(row, path_col).hyperlink = f.href
        sheet.cell(row, path_col).style = "Hyperlink"
    if rule.folder_href:
        sheet.cell(row, path_col + len(TAIL) - 1).hyperlink = rule.folder_href
        sheet.cell(row, path_col + len(TAIL) - 1).style = "Hyperlink"
