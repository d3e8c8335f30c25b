"""`zi-auditor explain PATH`: the story of one file's verdict, for a mapped, a guessed and an
unplaced file, with real documents; and a scan with the map in the config."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import lxml.html
from foreign_trees import Tree, daftar_hadir, sk, undangan
from office_kit import cli_env

from auditor.cli import main

SEED = Path(__file__).resolve().parents[2] / "rules" / "kpu-karanganyar-2022.yaml"
MAPPED = "Bukti Dukung/Rapat Evaluasi/05 Mei/Undangan rapat.pdf"
GUESSED = "AREA I MANNAJEMEN PERUBAHAN/1. TIM KERJA/d. SK Tim Kerja ZI/SK Tim.pdf"
UNPLACED = "AREA I MANAJEMEN PERUBAHAN/Tim Kerja/Daftar Hadir/DH.docx"
IGNORED = "Keuangan/SK Tim Kerja ZI 2022.pdf"


def drive(tmp_path: Path) -> Path:
    tree = Tree()
    tree.lands(MAPPED, undangan("9 Mei 2022"), "I.3.1")
    tree.lands(GUESSED, sk("11 April 2022"), "I.1.4")
    tree.stays(UNPLACED, daftar_hadir("Jumat, 13 Mei 2022"), "I.1.1", "I.1.3")
    tree.stays(IGNORED, sk("11 April 2022"))
    tree.write(tmp_path / "drive")
    (tmp_path / "folders.yaml").write_text(
        'folders:\n  - folder: "Bukti Dukung/Rapat Evaluasi"\n    aturan: I.3.1\n'
        '  - folder: Keuangan\n    aturan: bukan bukti\n', encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"evidence_root: drive\nrules: [{SEED}]\nyear: 2022\nreports_dir: out/r\n"
                      "state_dir: out/s\noffice: KPU Uji\nfolder_map: folders.yaml\n"
                      "inspect: {workers: 1, ocr: false}\n", encoding="utf-8")
    return config


def explain(config: Path, path: str, capsys) -> str:
    assert main(["explain", "--config", str(config), path]) == 0
    return capsys.readouterr().out


def test_explain_tells_the_story_of_a_mapped_a_guessed_and_an_unplaced_file(
        tmp_path: Path, capsys) -> None:
    config = drive(tmp_path)
    story = explain(config, MAPPED, capsys)
    assert "Bukti fisik: I.3.1 — Undangan, Daftar hadir dan Dokumentasi Rapat Evaluasi" in story
    assert 'Langkah: peta folder (' in story and 'folders.yaml baris 2: "Bukti Dukung/Rapat Evaluasi")' in story
    assert "Bagian: undangan (dari nama berkas atau foldernya)" in story
    assert 'Bulan: 5 (dari folder "05 Mei")' in story
    assert 'tanggal 2022-05-09' in story and "Karanganyar, 9 Mei 2022" in story

    story = explain(config, str(tmp_path / "drive" / GUESSED), capsys)  # a path as typed
    assert "Bukti fisik: I.1.4 — SK Tim Kerja ZI Tahun 2022" in story
    assert "Langkah: tebakan dari nama folder dan berkas" in story
    assert "salah ketik dibaca sebagai: mannajemen→manajemen" in story
    assert "area I; butir 1" in story
    assert "Bulan: dari tanggal dokumen (2022-04-11)" in story
    assert "tanda tangan: ya" in story
    assert '- {folder: "AREA I MANNAJEMEN PERUBAHAN/1. TIM KERJA/d. SK Tim Kerja ZI", aturan: "I.1.4"}' in story

    story = explain(config, UNPLACED, capsys)
    assert "Bukti fisik: tidak ada — bisa untuk I.1.1, I.1.3" in story
    assert "beberapa bukti fisik sama cocoknya — pilih di peta" in story
    assert '- {folder: "AREA I MANAJEMEN PERUBAHAN/Tim Kerja/Daftar Hadir", aturan: null}' in story
    assert "tanggal 2022-05-13" in story

    story = explain(config, IGNORED, capsys)
    assert 'folder Keuangan ditandai "bukan bukti"' in story


def test_a_scan_with_the_map_credits_mapped_files_and_lists_no_bukan_bukti(
        tmp_path: Path, capsys) -> None:
    config = drive(tmp_path)
    assert main(["scan", "--config", str(config), "--month", "12", "--quiet"]) == 0
    data = json.loads(next((tmp_path / "out" / "r").rglob("gap-report.json")).read_text())
    files = {f["path"]: (v["rule_id"], f["matched_by"]) for v in data["verdicts"]
             for f in v["files"]}
    assert files[MAPPED] == ("I.3.1", "map")
    assert files[GUESSED] == ("I.1.4", "guess")
    assert [u["path"] for u in data["unmatched"]] == [UNPLACED]
    assert data["new_folders"] == [
        {"folder": "AREA I MANAJEMEN PERUBAHAN/Tim Kerja/Daftar Hadir",
         "line": '- {folder: "AREA I MANAJEMEN PERUBAHAN/Tim Kerja/Daftar Hadir", aturan: null}'},
        {"folder": "AREA I MANNAJEMEN PERUBAHAN/1. TIM KERJA/d. SK Tim Kerja ZI",
         "line": '- {folder: "AREA I MANNAJEMEN PERUBAHAN/1. TIM KERJA/d. SK Tim Kerja ZI", '
                 'aturan: "I.1.4"}'}]
    assert main(["scan", "--config", str(config), "--month", "12"]) == 0
    assert "Folder baru — tambahkan ke peta (2)" in capsys.readouterr().out
    report = next((tmp_path / "out" / "r").rglob("gap-report.json")).parent
    markdown = (report / "gap-report.md").read_text(encoding="utf-8")
    assert "## Folder baru — tambahkan ke peta (2)" in markdown
    assert data["new_folders"][1]["line"] in markdown
    page = lxml.html.fromstring((report / "gap-report.html").read_bytes())
    (lines,) = page.xpath("//section[@id='new-folders']/pre")
    assert lines.text_content().splitlines() == [f["line"] for f in data["new_folders"]]


def test_explain_refuses_a_file_outside_the_evidence_root(tmp_path: Path, capsys) -> None:
    config = drive(tmp_path)
    assert main(["explain", "--config", str(config), str(config)]) == 2
    assert "tidak berada di folder bukti" in capsys.readouterr().err


def test_explaining_an_unplaced_file_needs_only_the_scan_stage(tmp_path: Path) -> None:
    """The scan stage tells why a file has no bukti fisik without reaching into the audit
    stage that comes after it: explaining one unplaced file loads no `auditor.audit` module."""
    script = (
        "import sys\n"
        "from auditor.rules.load import load_rules\n"
        "from auditor.scan.explain import explain_file\n"
        "from auditor.scan.match import RuleIndex\n"
        f"index = RuleIndex(load_rules({str(SEED)!r}).rules, year=2022)\n"
        f"print('\\n'.join(explain_file({UNPLACED!r}, index, None, 2022, 'id')))\n"
        "print(sorted(m for m in sys.modules if m.startswith('auditor.audit')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=cli_env(), cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    *story, loaded = done.stdout.splitlines()
    assert story[1].startswith("Bukti fisik: tidak ada — bisa untuk I.1.1, I.1.3")
    assert loaded == "[]"


def test_files_at_the_top_of_the_drive_are_listed_not_a_crash(tmp_path: Path, capsys) -> None:
    """People drop files at the top of a shared drive: the night's scan lists them with
    what to do (a Google shortcut: export it) instead of stopping with an internal error."""
    config = drive(tmp_path)
    top = tmp_path / "drive"
    (top / "Rapat Juli.gdoc").write_text('{"url": "https://docs.google.com/x"}', encoding="utf-8")
    sk("11 April 2022")(top / "SK Tim Kerja ZI.pdf")
    (top / "Lain lain").mkdir()
    (top / "Lain lain" / "Rekap.gsheet").write_text("{}", encoding="utf-8")
    for with_map in (True, False):
        if not with_map:
            config.write_text(config.read_text(encoding="utf-8").replace(
                "folder_map: folders.yaml\n", ""), encoding="utf-8")
        assert main(["scan", "--config", str(config), "--month", "5", "--quiet"]) == 0
        report = json.loads((tmp_path / "out" / "r" / "2022-05" / "gap-report.json")
                            .read_text(encoding="utf-8"))
        unmatched = {u["path"]: u["reason"] for u in report["unmatched"]}
        assert unmatched["Rapat Juli.gdoc"].startswith("dokumen Google (.gdoc)"), unmatched
        assert "ekspor ke PDF/DOCX" in unmatched["Rapat Juli.gdoc"]
        assert "ekspor ke PDF/XLSX" in unmatched["Lain lain/Rekap.gsheet"]
        story = explain(config, "Rapat Juli.gdoc", capsys)
        assert "dokumen Google" in story and "tambahkan ke peta folder" not in story
