"""A plan whose title says "Rencana Kerja" (not "Rencana Aksi") with the office and year on
the line below, months as quarters, a PIC per row: the office, the year and every row are
read, and an LKjIP is a report."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from auditor.rules.importers import import_plan


def test_a_rencana_kerja_title_with_the_year_below_and_quarter_columns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in (["RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK"],
                ["PENGADILAN AGAMA SUKOHARJO TAHUN 2025"], [],
                ["NO", "AREA PERUBAHAN / KEGIATAN", "BUKTI DUKUNG", "TW I", "TW II", "TW III", "TW IV",
                 "PIC", "KETERANGAN"],
                ["I", "MANAJEMEN PERUBAHAN"],
                [1, "Pembentukan Tim Kerja ZI", "SK Tim Kerja ZI", "✓", "", "", "", "Ketua Tim ZI"],
                ["IV", "PENGUATAN AKUNTABILITAS"],
                [1, "Penyusunan LKjIP", "LKjIP 2024", "✓", "", "", "", "Kasubag PTIP"],
                ["V", "PENGUATAN PENGAWASAN"],
                [1, "Pengendalian gratifikasi", "Laporan UPG per triwulan", "✓", "✓", "✓", "✓", "Tim UPG"],
                [], ["", "", "", "", "", "", "", "Sukoharjo, 2 Januari 2025"], ["", "", "", "", "", "", "", "Ketua,"]):
        sheet.append(row)
    path = tmp_path / "rencana.xlsx"
    book.save(path)
    ruleset = import_plan(path).ruleset
    assert (ruleset.office, ruleset.year) == ("Pengadilan Agama Sukoharjo", 2025)
    got = [(r.id, r.months, r.team, [p.kind for p in r.parts]) for r in ruleset.rules]
    assert got == [("I.1.1", (3,), "Ketua Tim ZI", ["sk"]), ("IV.1.1", (3,), "Kasubag PTIP", ["laporan"]),
                   ("V.1.1", (3, 6, 9, 12), "Tim UPG", ["laporan"])]
