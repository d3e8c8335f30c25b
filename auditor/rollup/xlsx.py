"""rollup.xlsx: the province page's tables as sheets, in the gap report's workbook style
(XlsxWriter, bold shaded header row, the report's status colours, text never run as a
formula: ``auditor.report.xlsx_format.Sheet``)."""

from __future__ import annotations

import io

from auditor.i18n import t
from auditor.report.xlsx_format import Sheet
from auditor.rollup.page import ProvinceView


def render_xlsx(view: ProvinceView) -> bytes:
    import xlsxwriter

    lang = view.lang
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    formats: dict[tuple, object] = {}

    def col(key: str) -> str:
        return t(f"rollup.col.{key}", lang)

    sheet = Sheet(book, t("rollup.sheet.ranking", lang), formats)
    sheet.header(["#", col("office"), col("period"), col("due"), col("complete"), col("gaps")])
    for o in view.offices:
        sheet.append([o.rank, o.name, f"{o.year:04d}-{o.month:02d}", o.due, o.ok, o.gaps])
    sheet.sheet.set_column(1, 1, 34)

    sheet = Sheet(book, t("rollup.sheet.areas", lang), formats)
    sheet.header([col("office"), *view.areas])
    for o in sorted(view.offices, key=lambda o: o.office):
        row = sheet.append([o.name])
        for i, area in enumerate(view.areas, start=1):
            share = o.shares.get(area)
            if share is not None:
                state = "ok" if share >= 0.9 else ("incomplete" if share >= 0.5 else "missing")
                sheet.sheet.write_number(row, i, share, sheet.status(state, num_format="0%"))
    sheet.sheet.set_column(0, 0, 34)

    sheet = Sheet(book, t("rollup.sheet.trend", lang), formats)
    sheet.header([col("office"), *(f"{y:04d}-{m:02d}" for y, m in view.periods)])
    for o in sorted(view.offices, key=lambda o: o.office):
        sheet.append([o.name, *(o.trend.get(p, "") for p in view.periods)])
    sheet.sheet.set_column(0, 0, 34)

    sheet = Sheet(book, t("rollup.sheet.rules", lang), formats)
    sheet.header([t("report.col.rule_id", lang), t("report.col.evidence", lang),
                  col("offices"), col("gaps")])
    for r in view.rules:
        sheet.append([r.rule_id, r.evidence, r.offices, r.gaps])
    sheet.sheet.set_column(1, 1, 60)

    sheet = Sheet(book, t("rollup.sheet.stale", lang), formats)
    sheet.header([col("office"), col("period"), col("last_report")])
    for o in view.stale:
        sheet.append([o.name, f"{o.year:04d}-{o.month:02d}", f"{o.last_generated} UTC"])
    sheet.sheet.set_column(0, 2, 30)

    sheet = Sheet(book, t("rollup.sheet.skipped", lang), formats)
    for s in view.skipped:
        sheet.append([s.path, s.reason])
    sheet.sheet.set_column(0, 1, 60)
    book.close()
    return buffer.getvalue()
