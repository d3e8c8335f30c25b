"""`rules template`: the empty plan the importer reads best, and its round trip."""

from __future__ import annotations

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.load import load_rules


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


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
