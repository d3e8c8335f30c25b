"""A PDF plan: read when it has a text layer, refused plainly when it is a scan or damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.importers import import_plan


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


def kanwil_pdf(path: Path) -> Path:
    """A Kanwil's signed plan as PDF with a text layer: a ruled table with quarter columns
    under one TRIWULAN heading, a PJ on each row, the header repeated on the next page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    head = [["NO", "KOMPONEN", "INDIKATOR", "RENCANA AKSI", "OUTPUT", "TRIWULAN", "", "", "", "PJ"],
            ["", "", "", "", "", "I", "II", "III", "IV", ""]]
    body: list[list[str]] = []
    spans = []
    for roman, name, items in KANWIL_PLAN:
        spans.append(len(head) + len(body))
        body.append([roman, name] + [""] * 8)
        for number, komponen, output, quarters, pj in items:
            marks = ["v" if q in quarters else "" for q in (1, 2, 3, 4)]
            body.append([number, komponen, f"Indikator {komponen}", f"Melaksanakan {komponen.lower()}",
                         output, *marks, pj])
    data = [[Paragraph(c, style) if len(c) > 12 else c for c in row] for row in head + body]
    table = Table(data, repeatRows=2, colWidths=[30, 110, 110, 110, 170, 35, 35, 35, 35, 110],
                  rowHeights=[22, 18] + [44] * len(body))
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (5, 0), (8, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]
    commands += [("SPAN", (1, r), (-1, r)) for r in spans]
    table.setStyle(TableStyle(commands))
    story = [Paragraph("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", style),
             Paragraph("KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM JAWA TENGAH TAHUN 2024", style),
             Spacer(1, 12), table, Spacer(1, 24), Paragraph("Semarang, 5 Januari 2024", style),
             Paragraph("KEPALA KANTOR WILAYAH,", style), Spacer(1, 30), Paragraph("NAMA KEPALA", style)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    return path


KANWIL_PLAN = [
    ("I", "Manajemen Perubahan", [("1", "Tim Kerja", "SK Tim Kerja Pembangunan ZI", {1}, "Bagian Umum"),
                                  ("", "", "Laporan Rapat Tim Kerja", {1, 2, 3, 4}, "Tim ZI"),
                                  ("2", "Rencana Aksi", "Dokumen Rencana Aksi", {1}, "Bagian Program")]),
    ("II", "Penataan Tatalaksana", [("1", "Keterbukaan Informasi", "Laporan Layanan Informasi", {2, 4},
                                     "Bagian Humas")]),
    ("III", "Penataan Sistem Manajemen SDM", [("1", "Pengembangan Pegawai", "Rekapitulasi Diklat Pegawai",
                                               {3}, "Bagian Kepegawaian")]),
    ("IV", "Penguatan Akuntabilitas Kinerja", [("1", "Perjanjian Kinerja", "Dokumen Perjanjian Kinerja", {1},
                                                "Bagian Program")]),
    ("V", "Penguatan Pengawasan", [("1", "Benturan Kepentingan", "Surat Pernyataan Benturan Kepentingan",
                                    {1}, "Bagian Umum"),
                                   ("2", "Whistle-Blowing System", "Laporan WBS", {2, 4}, "Bagian Umum")]),
    ("VI", "Peningkatan Kualitas Pelayanan Publik", [("1", "Survei Kepuasan", "Laporan Survei Kepuasan",
                                                      {4}, "Divisi Pelayanan Hukum")]),
]


def test_a_kanwil_pdf_plan_with_a_text_layer_and_quarter_columns(tmp_path):
    result = import_plan(kanwil_pdf(tmp_path / "sk-rencana-aksi.pdf"))
    expected = []
    for roman, _, items in KANWIL_PLAN:
        item, n, last_pj = 0, 0, ""
        for number, _, output, quarters, pj in items:
            item, n = (int(number), 1) if number else (item, n + 1)
            expected.append((f"{roman}.{item}.{n}", sorted(3 * q for q in quarters), pj or last_pj, output))
            last_pj = pj or last_pj
    assert [(r.id, list(r.months), r.team, r.evidence) for r in result.ruleset.rules] == expected
    assert result.ruleset.office == "Kantor Wilayah Kementerian Hukum dan HAM Jawa Tengah"
    assert result.ruleset.year == 2024
    assert result.not_understood == ()
    assert "months=F–I (3,6,9,12)" in result.columns
    assert any("kolom F–I dibaca sebagai triwulan I–IV" in a for a in result.assumptions)


def test_a_scanned_pdf_plan_says_it_needs_a_text_layer(tmp_path, capsys):
    from PIL import Image

    scan = tmp_path / "rencana-aksi-scan.pdf"
    Image.new("RGB", (800, 600), "white").save(scan, "PDF")
    assert main(["rules", "import", str(scan)]) == 2
    err = capsys.readouterr().err
    assert "tanpa lapisan teks" in err and "ocrmypdf" in err and "Traceback" not in err


def test_a_damaged_pdf_plan_is_refused_naming_the_file(tmp_path, capsys):
    whole = kanwil_pdf(tmp_path / "sk.pdf").read_bytes()
    cut = tmp_path / "sk-terpotong.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    assert main(["rules", "import", str(cut)]) == 2
    err = capsys.readouterr().err
    assert f"{cut}: Rencana Aksi tidak dapat dibaca" in err and "Traceback" not in err
