"""Patterns forgive how people type folder names; init-tree builds the folders and nothing else."""

from __future__ import annotations

import re

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.derive import derive, safe_name
from auditor.rules.load import load_rules
from auditor.rules.patterns import match_pattern, pattern_problem

from .conftest import SEED


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


FOLDER = "I Manajemen Perubahan/1 Tim Kerja/I.1.4 SK Tim Kerja ZI Tahun 2022"


@pytest.mark.parametrize("path", [
    f"{FOLDER}/SK.pdf",
    f"{FOLDER}/scan/2022/SK.pdf",
    "i_manajemen-perubahan/1  tim kerja/i.1.4_sk_tim_kerja_zi_tahun_2022/sk.PDF",
    "I Manajemen Perubahan\\1 Tim Kerja\\I.1.4 SK Tim Kerja ZI Tahun 2022\\SK.pdf",
])
def test_a_file_in_the_rules_folder_matches_however_the_names_are_typed(path):
    assert match_pattern(f"{FOLDER}/**", path)


@pytest.mark.parametrize("path", [
    "I Manajemen Perubahan/1 Tim Kerja/I.1.3 Rapat Pleno/SK.pdf",
    "I Manajemen Perubahan/1 Tim Kerja/SK.pdf",
    f"Arsip/{FOLDER}/SK.pdf",
])
def test_files_elsewhere_do_not_match(path):
    assert not match_pattern(f"{FOLDER}/**", path)


def test_star_stays_in_one_name_and_double_star_crosses_folders():
    assert match_pattern("**/I.1.4*/*.pdf", "a/b/I.1.4 SK/x.pdf")
    assert not match_pattern("**/I.1.4*/*.pdf", "a/b/I.1.4 SK/sub/x.pdf")
    assert match_pattern("**/undangan*", "undangan rapat.pdf")


def test_absolute_and_climbing_patterns_are_refused():
    assert pattern_problem("/srv/bukti/**") == "rules.pattern_absolute"
    assert pattern_problem("C:\\bukti\\**") == "rules.pattern_absolute"
    assert pattern_problem("a/../../etc/**") == "rules.pattern_parent"
    assert pattern_problem("I Manajemen Perubahan/**") is None


def test_compound_evidence_becomes_parts_of_one_meeting():
    derived = derive("Undangan, daftar hadir, risalah/ laporan dan dokumentasi rapat sosialisasi "
                     "penanganan Benturan Kepentingan")
    assert [p.kind for p in derived.parts] == ["undangan", "daftar_hadir", "risalah", "dokumentasi"]
    assert derived.subject == "Rapat sosialisasi penanganan Benturan Kepentingan"
    risalah = derived.parts[2]
    assert risalah.signed_required and "laporan" in risalah.name_words  # either document counts
    assert not derived.parts[1].signed_required  # signed by the attendees, not checked


def test_a_screenshot_needs_a_date_but_no_signature():
    part = derive("Screenshoot dari website").parts[0]
    assert part.kind == "screenshot" and part.date_required and not part.signed_required
    assert "image" in part.formats


def test_folder_names_are_legal_on_windows_and_short():
    assert safe_name('Rapat: "Evaluasi" ZI? a<b|c*/d.') == "Rapat Evaluasi ZI a b c -d"
    for rule in load_rules(SEED).rules:
        for name in rule.folder.split("/"):
            assert not re.search(r'[\\:*?"<>|]', name) and name == name.rstrip(". ")
            assert len(name) <= 100


def test_init_tree_creates_every_rules_folder_once(tmp_path, capsys):
    root = tmp_path / "bukti"
    assert main(["init-tree", str(root), "--rules", str(SEED)]) == 0
    out = capsys.readouterr().out
    rules = load_rules(SEED).rules
    for rule in rules:
        assert (root / rule.folder).is_dir()
        assert f"dibuat: {root / rule.folder}" in out
    assert "folder dibuat, 0 sudah ada" in out

    assert main(["init-tree", str(root), "--rules", str(SEED)]) == 0
    again = capsys.readouterr().out
    assert "dibuat:" not in again and again.startswith("0 folder dibuat")


def test_init_tree_never_touches_files_and_reuses_folders_named_a_little_differently(tmp_path, capsys):
    root = tmp_path / "bukti"
    renamed = root / "i_manajemen-perubahan" / "1 TIM KERJA"
    renamed.mkdir(parents=True)
    kept = renamed / "catatan.txt"
    kept.write_text("jangan diubah", encoding="utf-8")
    blocker = root / "II Penataan Tata Laksana"
    blocker.write_text("sebuah berkas, bukan folder", encoding="utf-8")

    assert main(["init-tree", str(root), "--rules", str(SEED)]) == 2
    captured = capsys.readouterr()
    assert kept.read_text(encoding="utf-8") == "jangan diubah"
    assert blocker.read_text(encoding="utf-8") == "sebuah berkas, bukan folder"
    assert "bukan folder" in captured.err
    assert not (root / "I Manajemen Perubahan").exists()
    assert (renamed / "I.1.4 SK Tim Kerja ZI Tahun 2022").is_dir()
    assert (root / "III Penataan Sistem Manajemen SDM").is_dir()


def test_every_command_explains_itself(capsys):
    for argv in (["rules", "--help"], ["rules", "list", "--help"], ["rules", "check", "--help"],
                 ["rules", "import", "--help"], ["init-tree", "--help"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        assert "aturan" in capsys.readouterr().out.lower()
