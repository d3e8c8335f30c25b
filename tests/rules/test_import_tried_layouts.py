"""Layouts tried as other offices write them (not the ones the importer was built on):
a Kantor Pertanahan, a BPS, a Lapas, and Excel month headers typed as dates."""

from __future__ import annotations

import pytest

from auditor.i18n import set_language
from auditor.rules.importers import import_plan

from .layouts import MONTHS


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


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


def test_a_word_plan_whose_second_table_has_another_column_reads_each_by_its_own_header(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("RENCANA AKSI ZONA INTEGRITAS RSUD KABUPATEN WONOGIRI TAHUN 2025")
    pages = [
        (["NO", "KOMPONEN", "BUKTI FISIK", "KURUN WAKTU", "PJ"],
         [["I", "Manajemen Perubahan", "", "", ""], ["1", "Tim Kerja", "SK Tim Kerja", "Januari", "Bagian Umum"]]),
        (["NO", "KOMPONEN", "BUKTI FISIK", "KET", "KURUN WAKTU", "PJ"],
         [["II", "Penataan Tatalaksana", "", "", "", ""],
          ["1", "SOP", "SK SOP Pelayanan", "revisi", "Mei", "Bidang Pelayanan"]]),
    ]
    for head, rows in pages:
        table = document.add_table(rows=1 + len(rows), cols=len(head))
        for row, values in zip(table.rows, [head, *rows], strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    plan = tmp_path / "ra-rsud.docx"
    document.save(str(plan))
    rules = import_plan(plan).ruleset.rules
    assert [(r.id, r.evidence, list(r.months), r.team) for r in rules] == [
        ("I.1.1", "SK Tim Kerja", [1], "Bagian Umum"), ("II.1.1", "SK SOP Pelayanan", [5], "Bidang Pelayanan")]
