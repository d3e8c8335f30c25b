"""Printed for the Pleno: a one- or two-page summary per Tim, the full report with each Tim
on its own page, and an XLSX that prints on A4 landscape with its header on every page."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from browser import Chromium
from openpyxl import load_workbook
from report_sample import TEAM_AWAS, TEAM_MP, TEAM_SDM, make_report

from auditor.audit.model import Count, Verdict
from auditor.report.write import write_reports


def _pages(chromium: Chromium, page: Path, tmp_path: Path) -> list[str]:
    pdf = chromium.print_pdf(page, tmp_path / f"{page.stem}.pdf")
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages]


def _big_report():
    """Six Tim with forty gaps each: the Pleno summary must still fit two pages."""
    report = make_report()
    teams = [f"Tim Kerja {n}" for n in range(1, 7)]
    report.verdicts = [
        Verdict(rule_id=f"II.{i}.{n}", month=1 + n % 5, team=team, status="missing",
                problems=["Belum ada berkas."], evidence=f"Laporan kegiatan nomor {n} {team}",
                folder=f"II Penataan Tatalaksana/{i} Kegiatan/II.{i}.{n} Laporan kegiatan {n}",
                area="II", item=i)
        for i, team in enumerate(teams, 1) for n in range(1, 41)]
    report.by_team = {team: Count(due=40, ok=0, gaps=40) for team in teams}
    report.summary = Count(due=240, ok=0, gaps=240)
    report.upcoming = []
    return report, teams


def test_the_pleno_summary_prints_on_at_most_two_pages(chromium: Chromium, tmp_path: Path) -> None:
    report, teams = _big_report()
    folder = write_reports(report, tmp_path / "out", "id")
    pages = _pages(chromium, folder / "ringkasan-pleno.html", tmp_path)
    assert len(pages) <= 2
    text = " ".join(" ".join(pages).split())
    assert "Ringkasan untuk Pleno" in text
    for team in teams:
        assert team in text and "0 dari 40 item yang jatuh tempo sudah lengkap" in text
    # the most urgent (the oldest due month first) with the folder to fill, then a count
    assert "II.1.5 Laporan kegiatan nomor 5 Tim Kerja 1 — Januari" in text
    assert "II Penataan Tatalaksana/1 Kegiatan/II.1.5 Laporan kegiatan 5" in text
    assert "… dan 35 kekurangan lain" in text


def test_the_full_report_gives_each_team_its_own_page(chromium: Chromium, tmp_path: Path) -> None:
    folder = write_reports(make_report(), tmp_path / "out", "id")
    pages = _pages(chromium, folder / "gap-report.html", tmp_path)
    for team in (TEAM_MP, TEAM_SDM, TEAM_AWAS):
        starting = [n for n, page in enumerate(pages)  # the first under the section's title
                    if page.strip().removeprefix("Yang harus dikerjakan per Tim").strip()
                    .startswith(team)]
        assert starting, f"{team} does not start a printed page"


def test_the_workbook_prints_landscape_fitted_with_its_header_on_every_page(
        tmp_path: Path) -> None:
    book = load_workbook(write_reports(make_report(), tmp_path, "id") / "gap-report.xlsx")
    assert book.sheetnames == ["Semua bukti", "Kekurangan", "Ringkasan"]
    for name in ("Semua bukti", "Kekurangan"):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert int(sheet.page_setup.paperSize) == 9, name  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        # 1 page wide (1 is the file format's default, left out), as many pages down as needed
        assert (sheet.page_setup.fitToWidth or 1, sheet.page_setup.fitToHeight) == (1, 0), name
        assert sheet.print_title_rows == "$1:$1", name
        assert sheet.freeze_panes == "A2", name
    gaps = book["Kekurangan"]
    teams = [row[6] for row in gaps.iter_rows(min_row=2, values_only=True)]
    assert teams == sorted(teams) and set(teams) == {TEAM_MP, TEAM_SDM, TEAM_AWAS}
    assert {row[7] for row in gaps.iter_rows(min_row=2, values_only=True)}.isdisjoint(
        {"Lengkap", "Terlambat"})  # only gaps: the complete rows are on "Semua bukti"
    breaks = [b.id for b in gaps.row_breaks.brk]
    starts = [n for n in range(3, gaps.max_row + 1)
              if gaps.cell(n, 7).value != gaps.cell(n - 1, 7).value]
    assert breaks == [n - 1 for n in starts]  # a page break before each Tim's first row


def test_the_printed_pleno_summary_looks_right_on_paper(chromium: Chromium, tmp_path: Path) -> None:
    """A look at the paper itself: each printed page rendered to pixels (pypdfium2, already
    the PDF reader's engine) has ink, keeps a white margin on every side (nothing runs off
    the sheet) and is A4."""
    import numpy as np
    import pypdfium2

    report, _ = _big_report()
    folder = write_reports(report, tmp_path / "out", "id")
    pdf = chromium.print_pdf(folder / "ringkasan-pleno.html", tmp_path / "pleno.pdf")
    document = pypdfium2.PdfDocument(str(pdf))
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 in points
        gray = np.asarray(page.render(scale=1).to_pil().convert("L"))
        ink = gray < 200
        assert ink.mean() > 0.01, f"page {number + 1} is blank"
        margin = 12  # points at scale 1: a sliver of paper no printer reaches
        for edge in (ink[:margin], ink[-margin:], ink[:, :margin], ink[:, -margin:]):
            assert not edge.any(), f"page {number + 1}: something is printed off the sheet"
