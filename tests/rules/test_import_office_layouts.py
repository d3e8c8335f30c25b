"""Other offices' plans, laid out their own way, import with every area, month, team and
bukti fisik as a person reads them from the table; every assumption is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.importers import import_plan
from auditor.rules.load import load_rules

from .layouts import IMIGRASI, MONTHS, read_back


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


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
