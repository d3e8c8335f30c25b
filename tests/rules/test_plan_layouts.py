"""Other offices' plans, laid out their own way, import with every area, month, team and
bukti fisik as a person reads them from the table; every assumption is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.importers import import_plan
from auditor.rules.load import load_rules


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


def read_back(ruleset) -> list[tuple[str, str, list[int], str, str]]:
    return [(r.id, r.area_name, list(r.months), r.team, r.evidence) for r in ruleset.rules]


MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]


def kpu_xlsx(path: Path) -> Path:
    """A KPU plan made the usual way in Excel: two-line merged header, marks of every kind,
    a team on each row, a KET column, a signature block under the table."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"
    sheet.merge_cells("A1:R1")
    sheet["A2"] = "KPU KABUPATEN BOYOLALI TAHUN 2026"
    sheet.merge_cells("A2:R2")
    heads = ["NO", "KOMPONEN", "KEGIATAN / LANGKAH AKSI", "BUKTI FISIK /\nOUTPUT"]
    for column, title in enumerate(heads, 1):
        sheet.cell(4, column, title)
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    sheet.cell(4, 5, "JADWAL PELAKSANAAN (BULAN)")
    sheet.merge_cells("E4:P4")
    for offset, name in enumerate(MONTHS):
        sheet.cell(5, 5 + offset, name)
    sheet.cell(4, 17, "PENANGGUNG\nJAWAB")
    sheet.merge_cells("Q4:Q5")
    sheet.cell(4, 18, "KET")
    sheet.merge_cells("R4:R5")

    def row(no, komponen, aksi, bukti, marks, team=None, ket=None):
        values = [no, komponen, aksi, bukti] + [None] * 12 + [team, ket]
        for month, mark in marks.items():
            values[3 + month] = mark
        sheet.append(values)

    sheet.append([])  # rows 4-5 header: append continues after the last used row
    row("I", "Manajemen Perubahan", None, None, {})
    sheet.merge_cells(start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=4)
    row(1, "Tim Kerja", "Membentuk Tim Kerja ZI", "a. SK Tim Kerja ZI", {1: "√"},
        "Tim Manajemen\nPerubahan")
    row(None, None, None, "b. Undangan, Daftar hadir dan Dokumentasi Rapat Pembentukan Tim", {2: "✓"})
    row(2, "Rencana Aksi", "Menyusun Rencana Aksi", "Dokumen Rencana Aksi ZI", {2: "✔"}, "Sekretaris")
    row("II", "Penataan Tatalaksana", None, None, {})
    row(1, "SOP", "Menyusun SOP", "SOP Kegiatan Utama", {3: "v", 6: "V"}, "Subbag Umum", "sudah")
    row("III", "Penataan Sistem Manajemen SDM", None, None, {})
    row(1, "Perencanaan Kebutuhan Pegawai", "Menyusun analisis", "Laporan Analisis Kebutuhan Pegawai",
        {4: "x"}, "Subbag SDM")
    row("IV", "Penguatan Akuntabilitas Kinerja", None, None, {})
    row(1, "Keterlibatan Pimpinan", "Menyusun laporan kinerja", "Laporan Kinerja", {1: "X"},
        "TIM\nAKUNTABILITAS")
    row("V", "Penguatan Pengawasan", None, None, {})
    row(1, "Pengendalian Gratifikasi", "Membentuk UPG", "SK Unit Pengendalian Gratifikasi", {5: "●"},
        "Tim ZI")
    row(2, "Penerapan SPIP", "Menyusun laporan SPIP", "Laporan SPIP", {6: 1, 12: 1}, "Tim ZI")
    row("VI", "Peningkatan Kualitas Pelayanan Publik", None, None, {})
    row(1, "Standar Pelayanan", "Menyusun maklumat", "Maklumat Pelayanan", {7: "√"}, "Tim Pelayanan Publik")
    sheet.append([])
    for text in ("Boyolali, 2 Januari 2026", "KETUA KPU KABUPATEN BOYOLALI,", None, "SRI WAHYUNI",
                 "NIP. 197001012000032001"):
        sheet.append([None] * 16 + [text])
    book.save(str(path))
    return path


KPU_RULES = [
    ("I.1.1", "Manajemen Perubahan", [1], "Tim Manajemen Perubahan", "SK Tim Kerja ZI"),
    ("I.1.2", "Manajemen Perubahan", [2], "Tim Manajemen Perubahan",
     "Undangan, Daftar hadir dan Dokumentasi Rapat Pembentukan Tim"),
    ("I.2.1", "Manajemen Perubahan", [2], "Sekretaris", "Dokumen Rencana Aksi ZI"),
    ("II.1.1", "Penataan Tata Laksana", [3, 6], "Subbag Umum", "SOP Kegiatan Utama"),
    ("III.1.1", "Penataan Sistem Manajemen SDM", [4], "Subbag SDM", "Laporan Analisis Kebutuhan Pegawai"),
    ("IV.1.1", "Penguatan Akuntabilitas Kinerja", [1], "Tim Akuntabilitas", "Laporan Kinerja"),
    ("V.1.1", "Penguatan Pengawasan", [5], "Tim ZI", "SK Unit Pengendalian Gratifikasi"),
    ("V.2.1", "Penguatan Pengawasan", [6, 12], "Tim ZI", "Laporan SPIP"),
    ("VI.1.1", "Peningkatan Kualitas Pelayanan Publik", [7], "Tim Pelayanan Publik", "Maklumat Pelayanan"),
]


def test_a_kpu_excel_plan_with_a_merged_two_line_header_and_a_team_per_row(tmp_path):
    result = import_plan(kpu_xlsx(tmp_path / "rencana-aksi.xlsx"))
    assert read_back(result.ruleset) == KPU_RULES
    assert result.ruleset.office == "KPU Kabupaten Boyolali"
    assert result.ruleset.year == 2026
    assert result.not_understood == ()
    assert "evidence=D (BUKTI FISIK / OUTPUT)" in result.columns
    assert "team=Q" in result.columns and "ignore=R" in result.columns


def test_area_v_in_the_number_column_is_an_area_not_a_tick(tmp_path):
    ruleset = import_plan(kpu_xlsx(tmp_path / "rencana-aksi.xlsx")).ruleset
    assert [r.id for r in ruleset.rules if r.area == "V"] == ["V.1.1", "V.2.1"]
    assert [r.id for r in ruleset.rules if r.area == "IV"] == ["IV.1.1"]


IMIGRASI = """\
KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA
RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK
KANTOR IMIGRASI KELAS I KHUSUS TPI SURABAYA TAHUN 2019

No.   Proses                                              Target Prioritas                      Kurun Waktu
A.    MANAJEMEN PERUBAHAN
1.    Penyusunan Tim Kerja
      SK Tim Kerja Pembangunan ZI                         Terbentuknya Tim Kerja ZI             B01
      Laporan Rapat Koordinasi Tim Kerja                  Rapat berkala tim kerja               B03, B06, B09 dan B12
2.    Rencana Pembangunan Zona Integritas
      Dokumen Rencana Aksi Pembangunan ZI                 Rencana kerja tersusun                B02
      Laporan Monitoring Rencana Aksi                     Pemantauan rencana kerja              Tiap Bulan
B.    PENATAAN TATALAKSANA
1.    Prosedur Operasional Tetap (SOP)
      SK Penetapan SOP Layanan Keimigrasian               SOP layanan ditetapkan                B04
C.    PENATAAN SISTEM MANAJEMEN SDM
1.    Pola Mutasi Internal
      SK Mutasi Pegawai                                   Rotasi pegawai terlaksana             Semester I dan II
D.    PENGUATAN AKUNTABILITAS KINERJA
1.    Keterlibatan Pimpinan
      Laporan Kinerja Triwulan                            Capaian kinerja terpantau             Triwulanan
E.    PENGUATAN PENGAWASAN
1.    Pengendalian Gratifikasi
      Laporan Pengendalian Gratifikasi                    Gratifikasi terkendali                Mar - Jun
F.    PENINGKATAN KUALITAS PELAYANAN PUBLIK
1.    Standar Pelayanan
      Maklumat Pelayanan                                  Maklumat dipasang                     Bulan 5
      Laporan Survei Kepuasan Masyarakat                  Survei dilaksanakan                   Tahunan

                                                          Surabaya, 2 Januari 2019
                                                          KEPALA KANTOR,
                                                          BAMBANG SANTOSO
                                                          NIP. 196501011990031001
"""

IMIGRASI_RULES = [
    ("I.1.1", "Manajemen Perubahan", [1], "Tim Area I", "SK Tim Kerja Pembangunan ZI"),
    ("I.1.2", "Manajemen Perubahan", [3, 6, 9, 12], "Tim Area I", "Laporan Rapat Koordinasi Tim Kerja"),
    ("I.2.1", "Manajemen Perubahan", [2], "Tim Area I", "Dokumen Rencana Aksi Pembangunan ZI"),
    ("I.2.2", "Manajemen Perubahan", list(range(1, 13)), "Tim Area I", "Laporan Monitoring Rencana Aksi"),
    ("II.1.1", "Penataan Tata Laksana", [4], "Tim Area II", "SK Penetapan SOP Layanan Keimigrasian"),
    ("III.1.1", "Penataan Sistem Manajemen SDM", [6, 12], "Tim Area III", "SK Mutasi Pegawai"),
    ("IV.1.1", "Penguatan Akuntabilitas Kinerja", [3, 6, 9, 12], "Tim Area IV", "Laporan Kinerja Triwulan"),
    ("V.1.1", "Penguatan Pengawasan", [3, 4, 5, 6], "Tim Area V", "Laporan Pengendalian Gratifikasi"),
    ("VI.1.1", "Peningkatan Kualitas Pelayanan Publik", [5], "Tim Area VI", "Maklumat Pelayanan"),
    ("VI.1.2", "Peningkatan Kualitas Pelayanan Publik", [12], "Tim Area VI",
     "Laporan Survei Kepuasan Masyarakat"),
]


def test_a_kantor_imigrasi_plan_with_a_schedule_column_and_no_team_column(tmp_path):
    plan = tmp_path / "rencana-aksi-imigrasi.txt"
    plan.write_text(IMIGRASI, encoding="utf-8")
    result = import_plan(plan)
    assert read_back(result.ruleset) == IMIGRASI_RULES
    assert result.ruleset.office == "Kantor Imigrasi Kelas I Khusus TPI Surabaya"
    assert result.ruleset.year == 2019
    assert [r.item_name for r in result.ruleset.rules][:3] == [
        "Penyusunan Tim Kerja", "Penyusunan Tim Kerja", "Rencana Pembangunan Zona Integritas"]
    assert result.ruleset.rules[0].indicator == "Terbentuknya Tim Kerja ZI"
    said = "\n".join(result.assumptions)
    assert "kolom B ('Proses')" in said  # the evidence column decided from its contents
    assert "Tim Area I" in said and "--team" in said  # no team column: one warning
    warnings = "\n".join(result.warnings)
    assert "'B03, B06, B09 dan B12' dibaca sebagai akhir triwulan" not in warnings  # literal codes
    assert "'Tiap Bulan' dibaca sebagai setiap bulan" in warnings
    assert "'Triwulanan' dibaca sebagai akhir triwulan: bulan 3, 6, 9, 12" in warnings
    assert "'Semester I dan II' dibaca sebagai akhir semester: bulan 6, 12" in warnings
    assert "'Tahunan' tidak menyebut bulan; dianggap bulan 12" in warnings
    assert "BAMBANG" not in str(read_back(result.ruleset))


def test_teams_of_a_plan_without_a_team_column_are_given_with_team(tmp_path, capsys):
    plan = tmp_path / "rencana-aksi-imigrasi.txt"
    plan.write_text(IMIGRASI, encoding="utf-8")
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(plan), "--out", str(out),
                 "--team", "I=Tim Manajemen Perubahan", "--team", "v=Tim Pengawasan"]) == 0
    rules = load_rules(out).by_id()
    assert rules["I.2.2"].team == "Tim Manajemen Perubahan"
    assert rules["V.1.1"].team == "Tim Pengawasan"
    assert rules["II.1.1"].team == "Tim Area II"
    err = capsys.readouterr().err
    assert "Ringkasan: 10 aturan dibuat" in err and "0 baris tidak dipahami" in err
    assert "Anggapan: tidak ada kolom penanggung jawab" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Diimpor dari / imported from: rencana-aksi-imigrasi.txt\n"
                           "# Kolom / columns: no=A (No.), area=B (Proses), indicator=C (Target Prioritas), "
                           "evidence=B (Proses), months=D (Kurun Waktu)\n")
    assert main(["rules", "import", str(plan), "--team", "VII=Tim Lain"]) == 2
    assert "--team: 'VII=Tim Lain' tidak dipahami" in capsys.readouterr().err


def pengadilan_docx(path: Path) -> Path:
    """A Pengadilan Agama's plan in Word: its own column names and order, the item number,
    area and PIC cells merged down the item's rows, schedules written as month names."""
    import docx

    document = docx.Document()
    document.add_paragraph("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK/WBBM")
    document.add_paragraph("PENGADILAN AGAMA SLEMAN TAHUN 2025")
    head = ["NO", "AREA PERUBAHAN", "INDIKATOR", "RENCANA KEGIATAN", "OUTPUT", "TARGET WAKTU", "PIC",
            "KETERANGAN"]
    body = [
        ("I", "MANAJEMEN PERUBAHAN"),
        ("1", "Tim Kerja", "Tim kerja dibentuk", "Membentuk tim", "SK Tim Kerja ZI", "Januari",
         "Tim Manajemen Perubahan", ""),
        ("", "", "Tim kerja rapat", "Rapat tim", "Notulen Rapat Tim Kerja", "TW I–IV", "", ""),
        ("2", "Rencana Aksi", "Rencana disusun", "Menyusun rencana", "Dokumen Rencana Aksi", "Maret", "Panitera",
         "sudah"),
        ("II", "PENATAAN TATALAKSANA"),
        ("1", "SOP", "SOP ditetapkan", "Menyusun SOP", "SK Penetapan SOP", "Mar–Jun", "Panitera", ""),
        ("III", "PENATAAN SISTEM MANAJEMEN SDM"),
        ("1", "Disiplin Pegawai", "Disiplin ditegakkan", "Rekap kehadiran", "Rekapitulasi Daftar Hadir Pegawai",
         "Setiap bulan", "Kasubbag Kepegawaian", ""),
        ("IV", "PENGUATAN AKUNTABILITAS KINERJA"),
        ("1", "Laporan Kinerja", "LKjIP disusun", "Menyusun LKjIP", "Laporan Kinerja Instansi", "Februari",
         "Sekretaris", ""),
        ("V", "PENGUATAN PENGAWASAN"),
        ("1", "Pengaduan Masyarakat", "Pengaduan ditangani", "Merekap pengaduan", "Laporan Pengaduan",
         "Semester II", "Hakim Pengawas", ""),
        ("VI", "PENINGKATAN KUALITAS PELAYANAN PUBLIK"),
        ("1", "Survei Kepuasan", "Survei dilakukan", "Melaksanakan survei", "Laporan Survei Kepuasan",
         "Juli s.d. September", "Panitera", ""),
    ]
    table = document.add_table(rows=1 + len(body), cols=len(head))
    for cell, title in zip(table.rows[0].cells, head, strict=True):
        cell.text = title
    for index, values in enumerate(body, 1):
        cells = table.rows[index].cells
        if len(values) == 2:
            cells[0].text = values[0]
            merged = cells[1].merge(cells[len(head) - 1])
            merged.text = values[1]
            continue
        for cell, value in zip(cells, values, strict=True):
            if value:
                cell.text = value
    for column in (0, 1, 6):  # item I.1 spans two rows: number, area and PIC merged down
        top = table.cell(2, column)
        top.merge(table.cell(3, column))
        top.text = {0: "1", 1: "Tim Kerja", 6: "Tim Manajemen Perubahan"}[column]
    document.add_paragraph("Sleman, 3 Januari 2025")
    document.add_paragraph("KETUA PENGADILAN AGAMA SLEMAN")
    document.save(str(path))
    return path


PENGADILAN_RULES = [
    ("I.1.1", "Manajemen Perubahan", [1], "Tim Manajemen Perubahan", "SK Tim Kerja ZI"),
    ("I.1.2", "Manajemen Perubahan", [3, 6, 9, 12], "Tim Manajemen Perubahan", "Notulen Rapat Tim Kerja"),
    ("I.2.1", "Manajemen Perubahan", [3], "Panitera", "Dokumen Rencana Aksi"),
    ("II.1.1", "Penataan Tata Laksana", [3, 4, 5, 6], "Panitera", "SK Penetapan SOP"),
    ("III.1.1", "Penataan Sistem Manajemen SDM", list(range(1, 13)), "Kasubbag Kepegawaian",
     "Rekapitulasi Daftar Hadir Pegawai"),
    ("IV.1.1", "Penguatan Akuntabilitas Kinerja", [2], "Sekretaris", "Laporan Kinerja Instansi"),
    ("V.1.1", "Penguatan Pengawasan", [12], "Hakim Pengawas", "Laporan Pengaduan"),
    ("VI.1.1", "Peningkatan Kualitas Pelayanan Publik", [7, 8, 9], "Panitera", "Laporan Survei Kepuasan"),
]


def test_a_pengadilan_word_plan_with_merged_cells_and_month_names(tmp_path):
    result = import_plan(pengadilan_docx(tmp_path / "rencana-aksi.docx"))
    assert read_back(result.ruleset) == PENGADILAN_RULES
    assert result.ruleset.office == "Pengadilan Agama Sleman" and result.ruleset.year == 2025
    assert result.ruleset.rules[1].item_name == "Tim Kerja"
    assert result.columns == ("no=A (NO), area=B (AREA PERUBAHAN), indicator=C (INDIKATOR), "
                              "action=D (RENCANA KEGIATAN), evidence=E (OUTPUT), months=F (TARGET WAKTU), "
                              "team=G (PIC), ignore=H (KETERANGAN)")
    warnings = "\n".join(result.warnings)
    assert "'TW I–IV' dibaca sebagai akhir triwulan: bulan 3, 6, 9, 12" in warnings
    assert "'Semester II' dibaca sebagai akhir semester: bulan 12" in warnings
    assert "Januari" not in warnings and "Mar–Jun" not in warnings  # literal months: quiet


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


DINAS = """\
RENCANA AKSI ZONA INTEGRITAS;;;;;;
DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KLATEN TAHUN 2025;;;;;;
;;;;;;
NO;PENANGGUNG JAWAB;URAIAN KEGIATAN;DATA DUKUNG;WAKTU PELAKSANAAN;ANGGARAN;REALISASI
AREA I : MANAJEMEN PERUBAHAN;;;;;;
1;Sekretariat;Pembentukan tim ZI;SK Tim Pembangunan ZI;Januari;5.000.000;
2;Bidang Dafduk;Sosialisasi ZI;Undangan, Daftar hadir dan Dokumentasi Sosialisasi ZI;Feb, Mei, Agu;;
AREA II : PENATAAN TATALAKSANA;;;;;;
1;Sekretariat;Penyusunan SOP;SK SOP Pelayanan;B03;;
AREA III : PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA;;;;;;
1;Subbag Umum dan Kepegawaian;Rekap kehadiran;Rekapitulasi Presensi Pegawai;Bulanan;;
AREA IV : PENGUATAN AKUNTABILITAS KINERJA;;;;;;
1;Subbag Program;Penyusunan LKjIP;Laporan Kinerja;Februari;;
AREA V : PENGUATAN PENGAWASAN;;;;;;
1;Sekretariat;Pengendalian gratifikasi;Laporan Gratifikasi;TW I - TW IV;;
AREA VI : PENINGKATAN KUALITAS PELAYANAN PUBLIK;;;;;;
1;Bidang Pelayanan;Survei kepuasan;Laporan Survei Kepuasan Masyarakat;Semester I;;
;;;;;;
;;;;Klaten, 6 Januari 2025;;
;;;;KEPALA DINAS,;;
"""


def test_a_dinas_csv_plan_without_a_component_column_and_budget_columns(tmp_path):
    plan = tmp_path / "rencana-aksi-disdukcapil.csv"
    plan.write_text(DINAS, encoding="cp1252")
    result = import_plan(plan)
    assert read_back(result.ruleset) == [
        ("I.1.1", "Manajemen Perubahan", [1], "Sekretariat", "SK Tim Pembangunan ZI"),
        ("I.2.1", "Manajemen Perubahan", [2, 5, 8], "Bidang Dafduk",
         "Undangan, Daftar hadir dan Dokumentasi Sosialisasi ZI"),
        ("II.1.1", "Penataan Tata Laksana", [3], "Sekretariat", "SK SOP Pelayanan"),
        ("III.1.1", "Penataan Sistem Manajemen SDM", list(range(1, 13)), "Subbag Umum dan Kepegawaian",
         "Rekapitulasi Presensi Pegawai"),
        ("IV.1.1", "Penguatan Akuntabilitas Kinerja", [2], "Subbag Program", "Laporan Kinerja"),
        ("V.1.1", "Penguatan Pengawasan", [3, 6, 9, 12], "Sekretariat", "Laporan Gratifikasi"),
        ("VI.1.1", "Peningkatan Kualitas Pelayanan Publik", [6], "Bidang Pelayanan",
         "Laporan Survei Kepuasan Masyarakat"),
    ]
    assert result.ruleset.rules[0].item_name == "Pembentukan tim ZI"
    assert result.ruleset.office == "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Klaten"
    assert "ignore=F (ANGGARAN),G (REALISASI)" in result.columns
    assert not [w for w in result.warnings if "KOMPONEN" in w]


def test_the_template_round_trips(tmp_path, capsys):
    import openpyxl

    template = tmp_path / "rencana-aksi.xlsx"
    assert main(["rules", "template", "--out", str(template), "--office", "Pengadilan Negeri Sleman",
                 "--year", "2025"]) == 0
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Rencana Aksi", "Petunjuk"]
    guide = "\n".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "BUKTI FISIK" in guide and "Pilih √" in guide and "PENANGGUNG JAWAB" in guide
    sheet = book["Rencana Aksi"]
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"√"' and "F6:Q505" in str(validation.sqref)
    # an office fills one row per area over the examples
    filled = {"I": ("Laporan Evaluasi Tim Kerja", [3, 9], "Tim Manajemen Perubahan"),
              "II": ("SK Penetapan SOP Persidangan", [2], "Tim Tata Laksana"),
              "III": ("Rekapitulasi Diklat Pegawai", [4], "Tim SDM"),
              "IV": ("Laporan Kinerja Instansi", [1], "Tim Akuntabilitas"),
              "V": ("Laporan Pengaduan Masyarakat", [6, 12], "Tim Pengawasan"),
              "VI": ("Laporan Survei Kepuasan Masyarakat", [11], "Tim Pelayanan Publik")}
    area = None
    for row in range(6, sheet.max_row + 1):
        number = sheet.cell(row, 1).value
        if number in filled:
            area = number
            continue
        if number == "1":
            evidence, months, team = filled[area]
            sheet.cell(row, 5, evidence)
            for month in range(1, 13):
                sheet.cell(row, 5 + month).value = "√" if month in months else None
            sheet.cell(row, 18, team)
    book.save(template)
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(template), "--out", str(out)]) == 0
    rules = load_rules(out)
    assert [(r.id, r.evidence, list(r.months), r.team) for r in rules.rules] == [
        (f"{roman}.1.1", evidence, months, team) for roman, (evidence, months, team) in filled.items()]
    assert rules.office == "Pengadilan Negeri Sleman" and rules.year == 2025
    assert "0 baris tidak dipahami" in capsys.readouterr().err


def test_no_table_or_too_many_rows_not_understood_is_exit_2(tmp_path, capsys):
    plan = tmp_path / "rencana-aksi-2025.txt"
    plan.write_text("RENCANA AKSI ZI TAHUN 2025\nNO\tKEGIATAN\tWAKTU\n1\tRapat\tMei\n", encoding="utf-8")
    assert main(["rules", "import", str(plan)]) == 2
    assert "tabel Rencana Aksi tidak ditemukan" in capsys.readouterr().err
    rows = ["NO\tKOMPONEN\tLANGKAH AKSI\tBUKTI FISIK\tJADWAL\tPJ"]
    rows += ["1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTim A"] * 3  # before any area
    rows += ["I\tManajemen Perubahan", "1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTim A"]
    plan.write_text("RENCANA AKSI ZI TAHUN 2025\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(plan), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "3 baris tidak dipahami (baris 3, 4, 5)" in err
    assert "3 dari 5 baris tabel tidak dipahami (lebih dari sepertiga)" in err
    assert not out.exists()


def test_columns_given_by_hand_override_the_header_and_are_written_down(tmp_path, capsys):
    plan = tmp_path / "rencana-aksi-2025.txt"
    rows = ["NO\tKOMPONEN\tLANGKAH AKSI\tKETERANGAN\tJADWAL\tPJ", "I\tManajemen Perubahan",
            "1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTim A",
            "\t\tRapat tim\tNotulen Rapat Tim\tTriwulanan\tTim B"]
    plan.write_text("RENCANA AKSI ZI\nKPU KOTA SOLO TAHUN 2025\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(plan), "--out", str(out), "--columns", "evidence=D,months=E,team=F"]) == 0
    rules = load_rules(out)
    assert [(r.id, r.evidence, list(r.months), r.team) for r in rules.rules] == [
        ("I.1.1", "SK Tim Kerja", [1], "Tim A"), ("I.1.2", "Notulen Rapat Tim", [3, 6, 9, 12], "Tim B")]
    assert rules.office == "KPU Kota Solo"
    mapping = out.read_text(encoding="utf-8").splitlines()[1]
    assert "evidence=D (KETERANGAN, --columns)" in mapping and "ignore" not in mapping
    assert main(["rules", "import", str(plan), "--columns", "bukti"]) == 2
    assert "--columns: 'bukti' tidak dipahami" in capsys.readouterr().err


def small_plan(tmp_path: Path, rows: list[str], name: str = "rencana-aksi-2025.txt") -> Path:
    plan = tmp_path / name
    header = "NO\tKOMPONEN\tLANGKAH AKSI\tBUKTI FISIK\tKURUN WAKTU\tPENANGGUNG JAWAB"
    plan.write_text("RENCANA AKSI ZI\nKPU KOTA SOLO TAHUN 2025\n" + "\n".join([header, *rows]) + "\n",
                    encoding="utf-8")
    return plan


@pytest.mark.parametrize(("schedule", "months", "said"), [
    ("B03", [3], None),
    ("Bulan 3", [3], None),
    ("Maret", [3], None),
    ("Mar–Jun", [3, 4, 5, 6], None),
    ("Agt", [8], None),
    ("B03, B06, B09 dan B12", [3, 6, 9, 12], None),
    ("Tiap Bulan", list(range(1, 13)), "dibaca sebagai setiap bulan"),
    ("Setiap bulan", list(range(1, 13)), "dibaca sebagai setiap bulan"),
    ("Bulanan", list(range(1, 13)), "dibaca sebagai setiap bulan"),
    ("Triwulanan", [3, 6, 9, 12], "akhir triwulan"),
    ("TW I–IV", [3, 6, 9, 12], "akhir triwulan"),
    ("TW II", [6], "akhir triwulan"),
    ("Semester I", [6], "akhir semester"),
    ("Semester II", [12], "akhir semester"),
    ("Semester I/II", [6, 12], "akhir semester"),
    ("Tahunan", [12], "tidak menyebut bulan"),
])
def test_each_way_of_writing_a_schedule(schedule, months, said, tmp_path):
    plan = small_plan(tmp_path, ["I\tManajemen Perubahan", f"1\tTim Kerja\tRapat\tLaporan Rapat\t{schedule}\tTim A"])
    result = import_plan(plan)
    assert list(result.ruleset.rules[0].months) == months
    warnings = "\n".join(result.warnings)
    if said:
        assert f"{plan}:5: " in warnings and said in warnings and f"'{schedule}'" in warnings
    else:
        assert warnings == ""


def test_a_schedule_that_names_no_month_is_warned_and_not_guessed_silently(tmp_path):
    plan = small_plan(tmp_path, ["I\tManajemen Perubahan", "1\tTim Kerja\tRapat\tLaporan Rapat\tsegera\tTim A"])
    result = import_plan(plan)
    warning = "\n".join(result.warnings)
    assert "jadwal 'segera' tidak terbaca sebagai bulan" in warning
    assert "dianggap jatuh tempo bulan 1" in warning


def test_continuation_rows_keep_their_items_team_and_an_item_without_one_takes_the_areas(tmp_path):
    plan = small_plan(tmp_path, [
        "I\tManajemen Perubahan",
        "1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTIM MANAJEMEN  PERUBAHAN",
        "\t\t\tNotulen Rapat Tim\tFebruari\t",
        "2\tRencana Aksi\tMenyusun\tDokumen Rencana Aksi\tMaret\tSubbag Program",
        "3\tMonev\tMemantau\tLaporan Monev\tApril\t",
    ])
    result = import_plan(plan)
    assert [(r.id, r.team) for r in result.ruleset.rules] == [
        ("I.1.1", "Tim Manajemen Perubahan"), ("I.1.2", "Tim Manajemen Perubahan"),
        ("I.2.1", "Subbag Program"), ("I.3.1", "Tim Manajemen Perubahan")]
    assert [w.split(": ", 1)[0] for w in result.warnings] == [f"{plan}:8"]
    assert "tidak menyebut penanggung jawab; dipakai tim area 'Tim Manajemen Perubahan'" in result.warnings[0]


def test_a_kantor_pertanahan_plan_with_month_numbers_in_a_one_line_header(tmp_path):
    """Tried as another office lays it out: title over three lines, action before component,
    months 1-12 in the header's own line, lettered continuation rows, 'I.' area numbers."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in ("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK", "KANTOR PERTANAHAN KOTA MALANG",
                 "TAHUN 2024", None):
        sheet.append([line])
    sheet.append(["No.", "Uraian Kegiatan", "Komponen", "Output / Data Dukung", *map(str, range(1, 13)),
                  "Unit Penanggung Jawab", "Keterangan"])

    def row(no, action, komponen, output, months, team=None):
        values = [no, action, komponen, output] + [None] * 12 + [team]
        for month in months:
            values[3 + month] = "√"
        sheet.append(values)

    sheet.append(["I.", "MANAJEMEN PERUBAHAN"])
    row("1.", "Pembentukan Tim", "Tim Kerja", "SK Tim Kerja", [1], "Subbag TU")
    row("a.", "Rapat tim", None, "Notulen rapat tim kerja", [2, 5, 8, 11])
    row("2.", "Penyusunan rencana aksi", "Rencana Aksi", "Dokumen Rencana Aksi", [2], "Subbag TU")
    for roman, name, komponen, output, months, team in (
            ("II.", "PENATAAN TATALAKSANA", "E-Office", "Screenshot aplikasi e-office", [3], "Seksi Survei"),
            ("III.", "PENATAAN SISTEM MANAJEMEN SDM", "Pola Mutasi", "SK Mutasi", [4], "Subbag TU"),
            ("IV.", "PENGUATAN AKUNTABILITAS KINERJA", "Keterlibatan Pimpinan", "Dokumen Perjanjian Kinerja",
             [1], "Subbag TU"),
            ("V.", "PENGUATAN PENGAWASAN", "Pengendalian Gratifikasi", "Laporan UPG", [6, 12], "Subbag TU"),
            ("VI.", "PENINGKATAN KUALITAS PELAYANAN PUBLIK", "Penilaian Kepuasan", "Laporan IKM", [12],
             "Seksi Penataan")):
        sheet.append([roman, name])
        row("1.", "Kegiatan", komponen, output, months, team)
    for text in (None, "Malang, 3 Januari 2024", "KEPALA KANTOR PERTANAHAN", "NIP. 19700101 199003 1 001"):
        sheet.append([None] * 16 + [text])
    plan = tmp_path / "ra.xlsx"
    book.save(str(plan))
    result = import_plan(plan)
    assert [(r.id, list(r.months), r.team, r.evidence, r.item_name) for r in result.ruleset.rules] == [
        ("I.1.1", [1], "Subbag TU", "SK Tim Kerja", "Tim Kerja"),
        ("I.1.2", [2, 5, 8, 11], "Subbag TU", "Notulen rapat tim kerja", "Tim Kerja"),
        ("I.2.1", [2], "Subbag TU", "Dokumen Rencana Aksi", "Rencana Aksi"),
        ("II.1.1", [3], "Seksi Survei", "Screenshot aplikasi e-office", "E-Office"),
        ("III.1.1", [4], "Subbag TU", "SK Mutasi", "Pola Mutasi"),
        ("IV.1.1", [1], "Subbag TU", "Dokumen Perjanjian Kinerja", "Keterlibatan Pimpinan"),
        ("V.1.1", [6, 12], "Subbag TU", "Laporan UPG", "Pengendalian Gratifikasi"),
        ("VI.1.1", [12], "Seksi Penataan", "Laporan IKM", "Penilaian Kepuasan"),
    ]
    assert (result.ruleset.office, result.ruleset.year) == ("Kantor Pertanahan Kota Malang", 2024)
    assert result.warnings == () and result.not_understood == ()


def test_a_bps_plan_that_names_the_area_on_every_row_instead_of_area_rows(tmp_path):
    """Tried as another office lays it out: no area rows, the area in a column, a SUB AREA
    column for the component, items numbered through the whole plan."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["RENCANA AKSI ZONA INTEGRITAS BADAN PUSAT STATISTIK KABUPATEN SRAGEN TAHUN 2025"])
    sheet.append([])
    sheet.append(["No", "Area", "Sub Area", "Rencana Aksi", "Target Output", "Waktu Pelaksanaan",
                  "Penanggung Jawab"])
    for values in (
            (1, "Manajemen Perubahan", "Tim Kerja", "Membentuk tim ZI", "SK Tim ZI", "Januari", "Kepala BPS"),
            (2, "Manajemen Perubahan", "Rencana Aksi", "Menyusun RA", "Dokumen Rencana Aksi", "Februari",
             "Subbag Umum"),
            (None, None, None, "Sosialisasi RA", "Undangan, Daftar hadir dan Dokumentasi Sosialisasi", "Maret",
             None),
            (3, "Penataan Tatalaksana", "SOP", "Menyusun SOP", "SK SOP", "April", "Subbag Umum"),
            (4, "Penataan Sistem Manajemen SDM", "Kinerja Individu", "Penilaian SKP", "Laporan SKP Pegawai",
             "Semester I dan II", "Subbag Umum"),
            (5, "Penguatan Akuntabilitas Kinerja", "Perencanaan", "Menyusun PK", "Perjanjian Kinerja",
             "Januari", "Kepala BPS"),
            (6, "Penguatan Pengawasan", "SPIP", "Penilaian risiko", "Laporan Manajemen Risiko", "TW I - TW IV",
             "Tim SPIP"),
            (7, "Penguatan Pengawasan", "Gratifikasi", "Sosialisasi", "Foto Sosialisasi Gratifikasi", "Mei",
             "Subbag Umum"),
            (8, "Peningkatan Kualitas Pelayanan Publik", "Standar Pelayanan", "Maklumat", "Maklumat Pelayanan",
             "Juni", "Tim PST")):
        sheet.append(list(values))
    plan = tmp_path / "ra-bps.xlsx"
    book.save(str(plan))
    result = import_plan(plan)
    assert [(r.id, r.area_name, list(r.months), r.team, r.evidence, r.item_name)
            for r in result.ruleset.rules] == [
        ("I.1.1", "Manajemen Perubahan", [1], "Kepala BPS", "SK Tim ZI", "Tim Kerja"),
        ("I.2.1", "Manajemen Perubahan", [2], "Subbag Umum", "Dokumen Rencana Aksi", "Rencana Aksi"),
        ("I.2.2", "Manajemen Perubahan", [3], "Subbag Umum", "Undangan, Daftar hadir dan Dokumentasi Sosialisasi",
         "Rencana Aksi"),
        ("II.1.1", "Penataan Tata Laksana", [4], "Subbag Umum", "SK SOP", "SOP"),
        ("III.1.1", "Penataan Sistem Manajemen SDM", [6, 12], "Subbag Umum", "Laporan SKP Pegawai",
         "Kinerja Individu"),
        ("IV.1.1", "Penguatan Akuntabilitas Kinerja", [1], "Kepala BPS", "Perjanjian Kinerja", "Perencanaan"),
        ("V.1.1", "Penguatan Pengawasan", [3, 6, 9, 12], "Tim SPIP", "Laporan Manajemen Risiko", "SPIP"),
        ("V.2.1", "Penguatan Pengawasan", [5], "Subbag Umum", "Foto Sosialisasi Gratifikasi", "Gratifikasi"),
        ("VI.1.1", "Peningkatan Kualitas Pelayanan Publik", [6], "Tim PST", "Maklumat Pelayanan",
         "Standar Pelayanan"),
    ]
    assert result.ruleset.office == "Badan Pusat Statistik Kabupaten Sragen"
    assert "evidence=E (Target Output)" in result.columns


def test_a_damaged_pdf_plan_is_refused_naming_the_file(tmp_path, capsys):
    whole = kanwil_pdf(tmp_path / "sk.pdf").read_bytes()
    cut = tmp_path / "sk-terpotong.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    assert main(["rules", "import", str(cut)]) == 2
    err = capsys.readouterr().err
    assert f"{cut}: Rencana Aksi tidak dapat dibaca" in err and "Traceback" not in err


def test_a_lapas_word_plan_with_numbered_headings_over_lettered_evidence_rows(tmp_path):
    """Tried as another office lays it out: a two-line header merged in Word (JADWAL over
    Jan…Des), area rows 'A.'…'F.', a numbered row naming the component and lettered rows
    under it holding the evidence, the PIC on the first lettered row only."""
    import docx

    document = docx.Document()
    for line in ("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", "LEMBAGA PEMASYARAKATAN KELAS IIA YOGYAKARTA",
                 "TAHUN 2023"):
        document.add_paragraph(line)
    body = [("A.", "MANAJEMEN PERUBAHAN"), ("1", "Penyusunan Tim Kerja", [], None),
            ("a", "SK Tim Kerja ZI", [1], "KPLP"), ("b", "Notulen Rapat Tim Kerja", [1, 4, 7, 10], None),
            ("2", "Monitoring Rencana Aksi", [], None),
            ("B.", "PENATAAN TATALAKSANA"), ("1", "SOP", [], None), ("a", "SK SOP Layanan", [3], "Kasi Binadik")]
    table = document.add_table(rows=2 + len(body), cols=16)
    head = table.rows[0].cells
    head[0].text, head[1].text, head[2].text, head[15].text = "NO", "KEGIATAN / BUKTI DUKUNG", "URAIAN", "PIC"
    head[3].merge(head[14]).text = "JADWAL PELAKSANAAN"
    for offset, name in enumerate(MONTHS):
        table.rows[1].cells[3 + offset].text = name
    for column in (0, 1, 2, 15):
        table.cell(0, column).merge(table.cell(1, column))
    for index, values in enumerate(body, 2):
        cells = table.rows[index].cells
        cells[0].text = values[0]
        if len(values) == 2:
            cells[1].merge(cells[15]).text = values[1]
            continue
        cells[1].text = values[1]
        for month in values[2]:
            cells[2 + month].text = "√"
        if values[3]:
            cells[15].text = values[3]
    plan = tmp_path / "ra-lapas.docx"
    document.save(str(plan))
    result = import_plan(plan)
    assert [(r.id, list(r.months), r.team, r.evidence, r.item_name) for r in result.ruleset.rules] == [
        ("I.1.1", [1], "KPLP", "SK Tim Kerja ZI", "Penyusunan Tim Kerja"),
        ("I.1.2", [1, 4, 7, 10], "KPLP", "Notulen Rapat Tim Kerja", "Penyusunan Tim Kerja"),
        ("II.1.1", [3], "Kasi Binadik", "SK SOP Layanan", "SOP"),
    ]
    assert result.ruleset.office == "Lembaga Pemasyarakatan Kelas IIA Yogyakarta"
    assert [w.split(": ", 1)[1] for w in result.warnings] == [
        "butir I.2 'Monitoring Rencana Aksi' tidak punya bukti fisik (sel bukti kosong di semua barisnya); "
        "tidak ada aturan untuknya — isi bukti fisiknya bila butir ini harus diaudit"]


def test_rules_check_names_what_an_import_left_doubtful(tmp_path, capsys):
    plan = tmp_path / "rencana-aksi-imigrasi.txt"
    plan.write_text(IMIGRASI, encoding="utf-8")
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(plan), "--out", str(out), "--team", "I=Tim Manajemen Perubahan"]) == 0
    capsys.readouterr()
    (tmp_path / "bukti").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text(f"evidence_root: bukti\nrules: [{out.name}]\nyear: 2019\n"
                      "teams:\n- {name: Tim MP, aliases: [Tim Manajemen Perubahan], email: mp@example.org}\n",
                      encoding="utf-8")
    assert main(["rules", "check", str(out), "--config", str(config)]) == 0
    said = capsys.readouterr().out
    assert "tim 'Tim Area II' (1 aturan, mis. II.1.1) masih nama sementara dari impor" in said
    assert "'Tim Manajemen Perubahan'" not in said  # received through the alias
    quiet = tmp_path / "aturan-lengkap.yaml"
    teams = [f"--team={roman}=Tim {roman}" for roman in ("I", "II", "III", "IV", "V", "VI")]
    assert main(["rules", "import", str(plan), "--out", str(quiet), *teams]) == 0
    capsys.readouterr()
    assert main(["rules", "check", str(quiet), "--config", str(config)]) == 0
    said = capsys.readouterr().out
    assert "tim 'Tim III' (1 aturan, mis. III.1.1) tidak disebut di teams: konfigurasi" in said
    assert "sementara" not in said


def test_month_headers_typed_as_dates_in_excel_are_months(tmp_path):
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["RENCANA AKSI ZONA INTEGRITAS KPU KOTA SOLO TAHUN 2026"])
    sheet.append(["NO", "KOMPONEN", "BUKTI FISIK", *[datetime.datetime(2026, m, 1) for m in range(1, 13)], "PJ"])
    sheet.append(["I", "Manajemen Perubahan"])
    sheet.append([1, "Tim Kerja", "SK Tim Kerja", None, None, "√", None, None, None, None, None, "√", None,
                  None, None, "Tim A"])
    plan = tmp_path / "ra.xlsx"
    book.save(str(plan))
    rules = import_plan(plan).ruleset.rules
    assert [(r.id, list(r.months), r.team) for r in rules] == [("I.1.1", [3, 9], "Tim A")]
