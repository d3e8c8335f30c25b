"""The words the tolerant matcher reads folder and file names with, each from its one home:
the ways offices write a kind of document come from the kinds registry, the Zona Integritas
abbreviations from the matcher's vocabulary; real trees scanned."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from foreign_trees import Tree, daftar_hadir, laporan, sk
from office_drive import build, placement
from office_kit import SEED_RULES as SEED
from office_kit import cli_env

from auditor.config import load_config
from auditor.pipeline import ScanOptions, run_scan
from auditor.rules.load import load_rules
from auditor.scan.match import RuleIndex

CULTURE = "I. MANAJEMEN PERUBAHAN/4. BUDAYA KERJA"


def _scan_with_registry(base: Path, tree: Tree, variant: tuple[str, str, str] | None) -> dict:
    """``tree`` scanned by the CLI in its own process, after ``variant`` (kind, as an office
    writes it, the kind's word) was added to that kind's entry in the registry only."""
    tree.write(base / "bukti")
    config = base / "config.yaml"
    config.write_text(f"evidence_root: bukti\nrules: [{SEED}]\nyear: 2022\nreports_dir: out\n"
                      "state_dir: state\noffice: KPU Uji\ninspect: {workers: 1, ocr: false}\n",
                      encoding="utf-8")
    patch = ""
    if variant is not None:
        kind, written, word = variant
        patch = ("import dataclasses\nfrom auditor.documents import kinds\n"
                 f"k = kinds.KINDS[{kind!r}]\nkinds.KINDS[{kind!r}] = dataclasses.replace("
                 f"k, variants=k.variants + (({written!r}, {word!r}),))\n")
    script = (patch + "import sys\nfrom auditor.cli import main\n"
              f"sys.exit(main(['scan', '--config', {str(config)!r}, '--month', '5', '--quiet']))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=cli_env(), cwd=base, timeout=300)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return json.loads((base / "out" / "2022-05" / "gap-report.json").read_text(encoding="utf-8"))


def test_a_spelling_added_only_to_the_kinds_registry_is_read_by_the_tolerant_matcher(
        tmp_path: Path) -> None:
    """"Kehadiran" for an attendance list: while nothing knows the word, the work culture
    item's "Kehadiran" folder says nothing and its file is not placed; once the registry alone
    says it is a way to write "daftar hadir", the scan credits the file to the attendance
    rule, guessed, for May."""
    path = f"{CULTURE}/Kehadiran/2022-05/Kehadiran Apel Mei.docx"
    tree = Tree()
    tree.lands(path, daftar_hadir("Senin, 9 Mei 2022"), "I.4.1")
    before = _scan_with_registry(tmp_path / "before", tree, None)
    assert [u["path"] for u in before["unmatched"]] == [path]
    after = _scan_with_registry(tmp_path / "after", tree,
                                ("daftar_hadir", "kehadiran", "daftar hadir"))
    assert after["unmatched"] == []
    credited = {(v["rule_id"], v["month"], v["status"], f["path"], f["matched_by"])
                for v in after["verdicts"] for f in v["files"]}
    assert credited == {("I.4.1", 5, "ok", path, "guess")}


# The Zona Integritas abbreviations offices write in folder and file names (UPG, SPIP, WBS,
# SKM, IKM, SOP, SK, LHKPN/LHKASN, PPID, PMPZI, LKE, Renaksi/RA, Monev, ZI), and their long
# forms, read as the plan's words: (path, the rule it must land on, guessed).
ABBREVIATED = [
    ("05 Pengawasan/Gratifikasi/Laporan UPG Mei.pdf", "V.1.3"),
    ("05 Pengawasan/Pengendalian Gratifikasi/Laporan UPG Mei.pdf", "V.1.3"),
    ("05 Pengawasan/UPG/Laporan UPG Mei.pdf", "V.1.3"),  # was taken for the SK of the unit
    ("05 Pengawasan/UPG/Laporan Unit Pengendalian Gratifikasi Mei.pdf", "V.1.3"),
    ("Area V/UPG/SK UPG.pdf", "V.1.2"),
    ("05 Pengawasan/Gratifikasi/SK Tim UPG.pdf", "V.1.2"),  # an SK, not the UPG's report
    ("05 Pengawasan/UPG/SK Tim.pdf", "V.1.2"),
    ("Pengawasan/Sistem Pengendalian Intern Pemerintah/Rencana Tindak Pengendalian.pdf",
     "V.2.5"),
    ("Pengawasan/Whistle Blower/Tabel Rekap Penanganan.xlsx", "V.4.3"),
    ("Tatalaksana/Pejabat Pengelola Informasi dan Dokumentasi/Risalah Rapat Evaluasi.docx",
     "II.3.3"),  # "Dokumentasi" is PPID's word here, not photos
    ("Tata Laksana/Standar Operasional Prosedur/Dokumen SOP.pdf", "II.1.3"),
    ("Manajemen Perubahan/RA/SK RA.pdf", "I.2.4"),
    ("Manajemen Perubahan/RA/Undangan Sosialisasi RA ZI.pdf", "I.2.5"),
    ("Manajemen Perubahan/Monitoring dan Evaluasi ZI/Lembar Kerja Evaluasi Mei.xlsx", "I.3.4"),
    ("Surat Keputusan Tim Kerja Zona Integritas.pdf", "I.1.4"),  # one SK, not also a letter
    ("06 Pelayanan Publik/Standar Pelayanan/SOP Pelayanan.pdf", "VI.1.3"),
    ("Pengawasan/WBS/Laporan WBS Juni.pdf", "V.4.1"),
    ("Pelayanan Publik/Penilaian Kepuasan/Laporan IKM 2022.pdf", "VI.3.1"),  # the survey's result
    ("Pelayanan Publik/IKM/Screenshot IKM website.png", "VI.3.2"),
    ("Pelayanan Publik/SKM/Analisis SKM dan Tindak Lanjut.pdf", "VI.3.3"),
]

# (path, the rules it may land on: an abbreviation never sends a file anywhere else; none
# of them, it stays unplaced and a person is asked)
NEVER_WRONG = [
    ("1. Manajemen Perubahan/Tim Kerja/SK Tim.pdf", {"I.1.4"}),
    ("06 Pelayanan Publik/SOP/SOP Pelayanan.pdf", {"VI.1.3", "VI.1.4"}),  # not V.2.2's SK SOP
    ("III SDM/LHKPN/LHKPN Ketua.pdf", set()),  # no bukti fisik of the plan is an LHKPN
    ("Pengawasan/LHKASN/Tanda Terima LHKASN 2022.pdf", set()),
    ("Manajemen Perubahan/PMPZI/PMPZI Mei.xlsx", {"I.3.4"}),
    ("Pelayanan Publik/Indeks Kepuasan Masyarakat/Hasil Survei.pdf", {"VI.3.1"}),
    # "RA" alone is as often R.A. Kartini as the Rencana Aksi
    ("Umum/RA Kartini/SK Panitia Hari Kartini.pdf", set()),
    ("Manajemen Perubahan/Hari Kartini/Foto RA Kartini.jpg", set()),
]


@pytest.fixture(scope="module")
def index() -> RuleIndex:
    return RuleIndex(load_rules(SEED).rules, year=2022)


@pytest.mark.parametrize(("path", "rule_id"), ABBREVIATED)
def test_zona_integritas_abbreviations_are_read_as_the_plans_words(
        index: RuleIndex, path: str, rule_id: str) -> None:
    match = index.match(path)
    assert match is not None, index.fuzzy.rank(path)
    assert (match.rule.id, match.matched_by) == (rule_id, "guess"), index.fuzzy.rank(path)


@pytest.mark.parametrize(("path", "rules"), NEVER_WRONG)
def test_no_abbreviation_sends_a_file_to_a_wrong_rule(
        index: RuleIndex, path: str, rules: set[str]) -> None:
    match = index.match(path)
    assert match is None or match.rule.id in rules, index.fuzzy.rank(path)


def test_a_upg_report_on_a_hand_made_drive_counts_for_the_gratification_report(
        tmp_path: Path) -> None:
    """The office's own tree: "Laporan UPG Mei" under "05 Pengawasan/Gratifikasi" is the
    gratification report (guessed, dated 31 May, so late for its January), and "SK Tim UPG"
    beside it stays the unit's decree."""
    report = "05 Pengawasan/Gratifikasi/Laporan UPG Mei.pdf"
    decree = "05 Pengawasan/Gratifikasi/SK Tim UPG.pdf"
    tree = Tree()
    tree.lands(report, laporan("LAPORAN PENGENDALIAN GRATIFIKASI", "31 Mei 2022"), "V.1.3")
    tree.lands(decree, sk("3 Januari 2022"), "V.1.2")
    tree.write(tmp_path / "bukti")
    (tmp_path / "config.yaml").write_text(
        f"evidence_root: bukti\nrules: [{SEED}]\nyear: 2022\nreports_dir: out\n"
        "state_dir: state\noffice: KPU Uji\ninspect: {workers: 1, ocr: false}\n",
        encoding="utf-8")
    outcome = run_scan(load_config(tmp_path / "config.yaml"), ScanOptions(month=5, year=2022))
    data = json.loads((outcome.report_dir / "gap-report.json").read_text(encoding="utf-8"))
    assert data["unmatched"] == []
    files = {f["path"]: (v["rule_id"], v["month"], v["status"], f["matched_by"], f["date"])
             for v in data["verdicts"] for f in v["files"]}
    assert files == {report: ("V.1.3", 1, "late", "guess", "2022-05-31"),
                     decree: ("V.1.2", 1, "ok", "guess", "2022-01-03")}


@pytest.mark.parametrize("seed_number", [1, 2, 3, 4, 5, 6])
def test_on_a_drive_written_with_abbreviations_and_long_forms_no_guess_is_wrong(
        index: RuleIndex, seed_number: int) -> None:
    """The seeded office drives write "UPG", "Monev", "SKM", "Surat Keputusan", "Sistem
    Pengendalian Intern Pemerintah", PPID's long name...: the tolerant matcher alone, with no
    folder map, places nearly every file and none on a bukti fisik it does not serve."""
    files = build(index.rules, seed_number)
    unplaced, wrong = placement(index, files)
    assert wrong == []
    assert len(unplaced) <= 0.02 * len(files), unplaced
