"""gap-report.xlsx opens in Excel in columns whatever the regional settings, with Indonesian
text intact, status colours as in the HTML report, and no cell that runs as a formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from report_sample import HOSTILE_FILE, TEAM_AWAS, TEAM_MP, TEAM_SDM, make_report

from auditor.audit.model import AuditReport, FileEvidence, Verdict
from auditor.report.labels import STATUS_COLOURS
from auditor.report.write import write_reports


def _book(report: AuditReport, out: Path, lang: str = "id"):
    return load_workbook(write_reports(report, out, lang) / "gap-report.xlsx")


def _records(sheet: Worksheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_one_row_per_verdict_like_the_csv(report, tmp_path: Path) -> None:
    book = _book(report, tmp_path)
    assert book.sheetnames == ["Semua bukti", "Kekurangan", "Ringkasan"]
    rows = _records(book["Semua bukti"])
    assert len(rows) == len(report.verdicts)
    row = next(r for r in rows if r["ID"] == "I.1.2" and r["Bulan"] == 5)
    assert row["Nama bulan"] == "Mei"
    assert row["Status"] == "Belum lengkap"
    assert row["Tim"] == TEAM_MP
    assert row["Masalah"] == "Daftar hadir belum ada. Dokumentasi belum ada."
    assert row["Tanggal dokumen"] == "2022-05-09 (blok tanda tangan)"  # text, not an Excel date
    assert {r["Status"] for r in rows} == {"Lengkap", "Terlambat", "Belum ada", "Belum lengkap",
                                           "Belum ditandatangani", "Tanpa tanggal",
                                           "Perlu diperiksa"}


def test_header_is_bold_frozen_and_filterable_and_problems_wrap(report, tmp_path: Path) -> None:
    sheet = _book(report, tmp_path)["Semua bukti"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    assert all(cell.font.bold for cell in sheet[1])
    problems = [c.value for c in sheet[1]].index("Masalah") + 1
    assert sheet.cell(2, problems).alignment.wrap_text
    assert sheet.column_dimensions["K"].width >= 40


def test_status_cells_carry_the_html_report_colours(report, tmp_path: Path) -> None:
    sheet = _book(report, tmp_path)["Semua bukti"]
    status = [c.value for c in sheet[1]].index("Status") + 1
    fills = {sheet.cell(r, status).value: sheet.cell(r, status).fill.fgColor.rgb
             for r in range(2, sheet.max_row + 1)}
    assert fills["Belum ada"].endswith(STATUS_COLOURS["missing"][0].upper())
    assert fills["Lengkap"].endswith(STATUS_COLOURS["ok"][0].upper())
    assert fills["Perlu diperiksa"].endswith(STATUS_COLOURS["needs_review"][0].upper())


def test_indonesian_text_survives(tmp_path: Path) -> None:
    report = make_report()
    report.verdicts[0].problems = ["Rapat “Zona Integritas” – Ruang Sidang Utama, Jum’at √"]
    rows = _records(_book(report, tmp_path)["Semua bukti"])
    assert rows[0]["Masalah"] == "Rapat “Zona Integritas” – Ruang Sidang Utama, Jum’at √"


def test_hostile_and_formula_like_names_stay_plain_text(tmp_path: Path) -> None:
    report = make_report()
    report.verdicts.append(Verdict(
        rule_id="V.1.1", month=5, team="=cmd|' /C calc'!A0", status="needs_review",
        files=[FileEvidence(path="=HYPERLINK(\"http://evil.example\",\"klik\").xlsx", part=None,
                            date=None, date_source=None, signed=None)],
        problems=["@SUM(1+1)*cmd|' /C calc'!A0", "lainnya\x07"], folder="+V Pengawasan",
        evidence="-2+3 Screenshot", area="V", item=1))
    sheet = _book(report, tmp_path)["Semua bukti"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert "=cmd|' /C calc'!A0" in texts  # shown as typed, no quote added
    assert "=HYPERLINK(\"http://evil.example\",\"klik\").xlsx" in texts
    assert "+V Pengawasan" in texts and "-2+3 Screenshot" in texts
    assert "@SUM(1+1)*cmd|' /C calc'!A0 lainnya\ufffd" in texts  # a bell cannot break the file
    assert any(t.endswith(HOSTILE_FILE) for t in texts)
    assert any(t.startswith("III Penataan SDM/") and "=HYPERLINK" in t for t in texts)


def test_summary_sheet_gives_the_headline_overall_and_per_team(report, tmp_path: Path) -> None:
    sheet = _book(report, tmp_path)["Ringkasan"]
    values = [row for row in sheet.iter_rows(values_only=True)]
    texts = [v for row in values for v in row if isinstance(v, str)]
    s = report.summary
    assert f"{s.ok} dari {s.due} item yang jatuh tempo sudah lengkap" in texts
    assert "KPU Kabupaten Karanganyar — Mei 2022" in texts
    table = {row[0]: row[1:4] for row in values if row and len(row) >= 4 and row[0]}
    assert table["Semua Tim"] == (s.due, s.ok, s.gaps)
    for team in (TEAM_MP, TEAM_SDM, TEAM_AWAS):
        c = report.by_team[team]
        assert table[team] == (c.due, c.ok, c.gaps)
    assert table["Tim"] == ("Jatuh tempo", "Lengkap", "Kurang")


def test_english_headings_with_lang_en(report, tmp_path: Path) -> None:
    book = _book(report, tmp_path, "en")
    assert book.sheetnames == ["All evidence", "Gaps", "Summary"]
    rows = _records(book["All evidence"])
    assert list(rows[0])[:4] == ["ID", "Area", "Item", "Evidence"]
    assert {r["Status"] for r in rows} >= {"Complete", "Late", "Missing", "Needs review"}
    summary = [v for row in book["Summary"].iter_rows(values_only=True) for v in row]
    assert "All teams" in summary and "Team" in summary
