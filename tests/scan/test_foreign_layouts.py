"""Whole scans of trees laid out in other offices' own words, with real documents: every
file lands on its bukti fisik (and counts there), the report says it was guessed, and what
cannot be told is listed under "Berkas yang tidak dikenali" instead of vanishing."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from foreign_trees import Tree, daftar_hadir, photo, raw, risalah, sk, tabel, undangan

from auditor.audit.summary import summary_text
from auditor.config import load_config
from auditor.pipeline import ScanOptions, ScanOutcome, run_scan

SEED = Path(__file__).resolve().parents[2] / "rules" / "kpu-karanganyar-2022.yaml"
DECEMBER = ScanOptions(month=12, year=2022)
PLENO = ("I.1.3", "I.2.3", "I.3.3", "I.4.5")


def the_five_layouts() -> Tree:
    tree = Tree()
    rakor = "AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/a. Undangan, DH, Dok Rakor Pembentukan Tim"
    tree.lands(f"{rakor}/Undangan Rakor.pdf", undangan("9 Mei 2022"), "I.1.1")
    tree.lands(f"{rakor}/DH Rakor.docx", daftar_hadir("Jumat, 13 Mei 2022"), "I.1.1")
    tree.lands(f"{rakor}/IMG_20220513_093512.jpg", photo("2022:05:13 09:35:12"), "I.1.1")
    tree.lands("AREA I MANAJEMEN PERUBAHAN/1. TIM KERJA/b. Risalah Rakor Pembentukan Tim/"
               "Notulen Rakor.docx", risalah("13 Mei 2022"), "I.1.2")
    tree.lands("1. Manajemen Perubahan/1.1 Tim Kerja/SK Tim ZI 2022.pdf", sk("11 April 2022"),
               "I.1.4")
    tree.lands("Area 2 Tatalaksana/SOP/Evaluasi SOP/Juni/Risalah evaluasi SOP.docx",
               risalah("20 Juni 2022"), "II.1.5")
    tree.lands("Pengungkit/Area III SDM/III.6 Data Nominatif/2022-03 Data Nominatif Maret.xlsx",
               tabel("DATA NOMINATIF PEGAWAI", "31 Maret 2022"), "III.6.1")
    tree.lands("V. Penguatan Pengawasan/2. SPIP/c. Kartu Kendali SPIP/Kartu Kendali April.xlsx",
               tabel("KARTU KENDALI SPIP", "29 April 2022"), "V.2.3")
    return tree


def other_words() -> Tree:
    tree = Tree()
    team = "Area 1 - Change Management/1 - Work Team"
    tree.lands(f"{team}/Team Formation Coordination Meeting/Invitation.pdf",
               undangan("9 Mei 2022"), "I.1.1")
    tree.lands(f"{team}/Decree/Team Decree 2022.docx", sk("11 April 2022"), "I.1.4")
    tree.lands("Area 5 - Supervision/2 - Internal Control/Control Card/2022/04 April/"
               "Control Card April.xlsx", tabel("KARTU KENDALI SPIP", "29 April 2022"), "V.2.3")
    tree.lands("01_MANAJEMEN_PERUBAHAN/02_RENCANA_AKSI/04_SK_RENCANA_AKSI/SK_RENCANA_AKSI_ZI.pdf",
               sk("4 Juli 2022", signed=False), "I.2.4")
    culture = "I. MANAJEMEN PERUBAHAN/4. BUDAYA KERJA/Daftar Hadir"
    tree.lands(f"{culture}/2022-05/ABSENSI APEL MEI.docx", daftar_hadir("Senin, 9 Mei 2022"),
               "I.4.1")
    tree.lands(f"{culture}/2022-06/ABSENSI APEL JUNI.docx", daftar_hadir("Senin, 6 Juni 2022"),
               "I.4.1")
    tree.lands("Manajemen Perubahan/3. Monev/Rapat Pleno/Mei/DH Pleno.docx",
               daftar_hadir("Selasa, 24 Mei 2022"), "I.3.3")
    tree.lands("Manajemen Perubahan/2. Rencana Aksi/c. Rapat Pleno/Foto pleno.jpg",
               photo("2022:06:14 10:00:00", 2), "I.2.3")
    return tree


def unclear_and_decoys() -> Tree:
    tree = Tree()
    tree.lands("I Manajemen Perubahan/1 Tim Kerja/I.1.4 SK Tim Kerja ZI Tahun 2022/SK.docx",
               sk("11 April 2022"), "I.1.4")
    tree.stays("Bukti Rapat/Rapat Pleno/Undangan Pleno.pdf", undangan("24 Mei 2022"), *PLENO)
    tree.stays("AREA I MANAJEMEN PERUBAHAN/Rapat Pleno/DH.docx",
               daftar_hadir("Selasa, 24 Mei 2022"), *PLENO)
    tree.stays("Arsip lama/2021/SK Tim Kerja ZI 2021.docx", sk("10 April 2021"), "arsip")
    tree.stays("ZI 2021/Tim Kerja/SK Tim Kerja.docx", sk("12 April 2021"), "2021", "2022")
    tree.stays("Keuangan/Laporan Realisasi Anggaran.xlsx", tabel("REALISASI", "30 Juni 2022"),
               "tidak cocok")
    tree.stays("1. Manajemen Perubahan/1.1 Tim Kerja/scan001.pdf", sk("11 April 2022"),
               "tidak cocok")
    tree.stays("Keuangan/arsip.zip", raw(b"PK\x05\x06" + bytes(18)))  # not a document
    tree.stays("Keuangan/Thumbs.db", raw(b"\x00" * 64))  # noise
    return tree


def scan(tmp_path: Path, tree: Tree) -> tuple[ScanOutcome, dict]:
    tree.write(tmp_path / "bukti")
    (tmp_path / "config.yaml").write_text(
        f"evidence_root: bukti\nrules: [{SEED}]\nyear: 2022\nreports_dir: out/reports\n"
        "state_dir: out/state\ninspect: {workers: 1}\n", encoding="utf-8")
    outcome = run_scan(load_config(tmp_path / "config.yaml"), DECEMBER)
    assert outcome.exit_code == 0
    data = json.loads((outcome.report_dir / "gap-report.json").read_text(encoding="utf-8"))
    return outcome, data


def credited(data: dict) -> dict[str, set[tuple[str, str]]]:
    """Each credited file: the (rule, how it was found) of every verdict that lists it."""
    out: dict[str, set[tuple[str, str]]] = {}
    for verdict in data["verdicts"]:
        for f in verdict["files"]:
            out.setdefault(f["path"], set()).add((verdict["rule_id"], f["matched_by"]))
    return out


@pytest.mark.parametrize("make", [the_five_layouts, other_words])
def test_every_file_of_a_foreign_layout_counts_for_its_bukti_fisik(tmp_path: Path, make) -> None:
    tree = make()
    _, data = scan(tmp_path, tree)
    assert credited(data) == {p: {(r, "guess")} for p, r in tree.expected.items()}
    assert data["unmatched"] == []


def test_guessed_files_decide_statuses_and_the_report_says_they_were_guessed(
        tmp_path: Path) -> None:
    outcome, data = scan(tmp_path, other_words())
    status = {(v["rule_id"], v["month"]): v["status"] for v in data["verdicts"]}
    assert status[("I.1.4", 4)] == "ok"  # "Decree/Team Decree 2022.docx", signed 11 April
    assert status[("I.2.4", 7)] == "unsigned"  # "04_SK_RENCANA_AKSI/...pdf" without ttd.
    assert status[("I.4.1", 5)] == status[("I.4.1", 6)] == "ok"
    assert status[("I.4.1", 7)] == "missing"
    page = lxml.html.fromstring((outcome.report_dir / "gap-report.html").read_bytes())
    (item,) = page.xpath("//li[code[contains(., 'SK_RENCANA_AKSI_ZI.pdf')]]")
    assert "ditebak dari nama folder dan berkas" in item.text_content()
    markdown = (outcome.report_dir / "gap-report.md").read_text(encoding="utf-8")
    assert "SK\\_RENCANA\\_AKSI\\_ZI.pdf (ditebak dari nama folder dan berkas; periksa)" in markdown


def test_unclear_files_stay_unmatched_and_are_listed_with_the_reason(tmp_path: Path) -> None:
    tree = unclear_and_decoys()
    outcome, data = scan(tmp_path, tree)
    assert credited(data) == {p: {(r, "folder")} for p, r in tree.expected.items()}
    listed = {u["path"]: u["reason"] for u in data["unmatched"]}
    assert set(listed) == set(tree.unmatched)  # no zip, no Thumbs.db
    for path, words in tree.unmatched.items():
        assert all(w in listed[path] for w in words), (path, listed[path])
    assert "pindahkan ke folder bukti fisiknya" in listed["Keuangan/Laporan Realisasi Anggaran.xlsx"]
    status = {(v["rule_id"], v["month"]): v["status"] for v in data["verdicts"]}
    assert status[("I.1.4", 4)] == "ok"  # the 2021 decrees in the archive take no part
    assert all(status[(rule, month)] == "missing" for rule in PLENO for month in (4, 5, 6)
               if (rule, month) in status)

    page = lxml.html.fromstring((outcome.report_dir / "gap-report.html").read_bytes())
    (heading,) = page.xpath("//section[@id='unmatched']/h2")
    assert heading.text_content() == f"Berkas yang tidak dikenali ({len(tree.unmatched)})"
    rows = page.xpath("//section[@id='unmatched']//tbody/tr")
    assert {r.xpath("td[1]")[0].text_content() for r in rows} == set(tree.unmatched)
    markdown = (outcome.report_dir / "gap-report.md").read_text(encoding="utf-8")
    assert f"## Berkas yang tidak dikenali ({len(tree.unmatched)})" in markdown

    text = summary_text(outcome.report, "id", files_seen=outcome.files_seen,
                        files_inspected=outcome.files_inspected, report_dir=outcome.report_dir)
    assert f"Berkas yang tidak dikenali: {len(tree.unmatched)}" in text
    assert "Arsip lama/2021/SK Tim Kerja ZI 2021.docx: ada di folder arsip" in text


def test_the_english_report_gives_the_reasons_in_english(tmp_path: Path) -> None:
    tree = unclear_and_decoys()
    tree.write(tmp_path / "bukti")
    (tmp_path / "config.yaml").write_text(
        f"evidence_root: bukti\nrules: [{SEED}]\nyear: 2022\nreports_dir: out/reports\n"
        "state_dir: out/state\nlanguage: en\ninspect: {workers: 1}\n", encoding="utf-8")
    outcome = run_scan(load_config(tmp_path / "config.yaml"), DECEMBER)
    listed = {u["path"]: u["reason"] for u in outcome.report.unmatched}
    assert listed["Keuangan/Laporan Realisasi Anggaran.xlsx"].startswith("matches no bukti fisik")
    assert listed["Bukti Rapat/Rapat Pleno/Undangan Pleno.pdf"].startswith(
        "could be I.1.3, I.2.3, I.3.3, I.4.5")
