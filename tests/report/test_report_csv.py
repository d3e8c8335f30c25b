"""gap-report.csv opens in Excel with Indonesian text intact and runs no formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from report_sample import HOSTILE_FILE, make_report

from auditor.audit.model import FileEvidence, Verdict
from auditor.report.write import write_reports


def _rows(folder: Path) -> list[dict[str, str]]:
    raw = (folder / "gap-report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to read Indonesian text"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_row_per_verdict_with_localised_status_and_month(report, tmp_path: Path) -> None:
    rows = _rows(write_reports(report, tmp_path, "id"))
    assert len(rows) == len(report.verdicts)
    row = next(r for r in rows if r["ID"] == "I.1.2" and r["Bulan"] == "5")
    assert row["Nama bulan"] == "Mei"
    assert row["Status"] == "Belum lengkap"
    assert row["Tim"] == "Tim Manajemen Perubahan"
    assert row["Masalah"] == "Daftar hadir belum ada. Dokumentasi belum ada."
    assert row["Folder"].endswith("I.1.2 Rapat Pembentukan Tim")
    assert row["Tanggal dokumen"] == "2022-05-09 (blok tanda tangan)"
    assert row["Bukti fisik"] == "Undangan, Daftar hadir dan Dokumentasi Rapat Pembentukan Tim"
    statuses = {r["Status"] for r in rows}
    assert statuses == {"Lengkap", "Terlambat", "Belum ada", "Belum lengkap",
                        "Belum ditandatangani", "Tanpa tanggal", "Perlu diperiksa"}


def test_several_files_share_one_cell_joined_by_a_bar(report, tmp_path: Path) -> None:
    rows = _rows(write_reports(report, tmp_path, "id"))
    row = next(r for r in rows if r["ID"] == "I.1.2" and r["Bulan"] == "1")
    files = row["Berkas"].split(" | ")
    assert len(files) == 3 and files[2].endswith("IMG_20220107_091500.jpg")
    assert row["Tanggal dokumen"].split(" | ")[2] == "2022-01-07 (data kamera (EXIF))"


def test_non_ascii_text_survives(tmp_path: Path) -> None:
    report = make_report()
    report.verdicts[0].problems = ["Rapat “Zona Integritas” – Ruang Sidang Utama, Jum’at √"]
    report.verdicts[0].team = "Tim Pelayanan Publik (Pelayanan Prima) – KPU Kab. Karanganyar"
    rows = _rows(write_reports(report, tmp_path, "id"))
    assert rows[0]["Masalah"] == "Rapat “Zona Integritas” – Ruang Sidang Utama, Jum’at √"
    assert rows[0]["Tim"].endswith("– KPU Kab. Karanganyar")


def test_formula_like_cells_are_neutralised(tmp_path: Path) -> None:
    report = make_report()
    report.verdicts.append(Verdict(
        rule_id="V.1.1", month=5, team="=cmd|' /C calc'!A0", status="needs_review",
        files=[FileEvidence(path="=HYPERLINK(\"http://evil.example\",\"klik\").xlsx", part=None,
                            date=None, date_source=None, signed=None)],
        problems=["@SUM(1+1)*cmd|' /C calc'!A0", "lainnya"], folder="+V Pengawasan",
        evidence="-2+3 Screenshot", area="V", item=1))
    rows = _rows(write_reports(report, tmp_path, "id"))
    row = next(r for r in rows if r["Tim"].startswith("'="))
    assert row["Tim"] == "'=cmd|' /C calc'!A0"
    assert row["Berkas"].startswith("'=HYPERLINK(")
    assert row["Masalah"].startswith("'@SUM")
    assert row["Folder"] == "'+V Pengawasan"
    assert row["Bukti fisik"] == "'-2+3 Screenshot"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_hostile_file_names_stay_plain_text(report, tmp_path: Path) -> None:
    rows = _rows(write_reports(report, tmp_path, "id"))
    assert any(r["Berkas"].endswith(HOSTILE_FILE) for r in rows)


def test_english_headers_and_statuses(report, tmp_path: Path) -> None:
    rows = _rows(write_reports(report, tmp_path, "en"))
    assert list(rows[0])[:4] == ["ID", "Area", "Item", "Evidence"]
    assert {r["Status"] for r in rows} >= {"Complete", "Late", "Missing", "Needs review"}
    assert next(r for r in rows if r["Month"] == "5")["Month name"] == "May"
