"""A person edits a rules file by hand; every mistake is named by file, line and key (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.load import load_rules, load_rulesets

GOOD = """\
office: KPU Kabupaten Contoh
year: 2022
source: contoh
teams: [Tim Manajemen Perubahan]
rules:
- id: I.1.1
  area: I
  area_name: Manajemen Perubahan
  item: 1
  item_name: Tim Kerja
  indicator: Menerbitkan SK Tim Kerja
  action: Rapat
  evidence: Undangan, Daftar hadir dan Dokumentasi Rapat Koordinasi
  team: Tim Manajemen Perubahan
  months: [5, 6]
  parts:
  - {kind: undangan, label: Undangan}
  - {kind: daftar_hadir, label: Daftar hadir}
  folder: I Manajemen Perubahan/1 Tim Kerja/I.1.1 Rapat Koordinasi
  patterns: [I Manajemen Perubahan/1 Tim Kerja/I.1.1 Rapat Koordinasi/**]  # PATTERN
- id: I.1.2
  area: I
  area_name: Manajemen Perubahan
  item: 1
  item_name: Tim Kerja
  indicator: Menerbitkan SK Tim Kerja
  action: Rapat
  evidence: SK Tim Kerja
  team: Tim Manajemen Perubahan
  months: [4]
  parts: [{kind: sk, label: SK Tim Kerja, signer: Ketua KPU}]
  folder: I Manajemen Perubahan/1 Tim Kerja/I.1.2 SK Tim Kerja
  patterns: [I Manajemen Perubahan/1 Tim Kerja/I.1.2 SK Tim Kerja/**]
  note: null
"""


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


def write(tmp_path: Path, text: str, name: str = "aturan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_is_valid_and_parts_take_their_kinds_defaults(tmp_path, capsys):
    path = write(tmp_path, GOOD)
    assert main(["rules", "check", str(path)]) == 0
    assert "2 aturan sah" in capsys.readouterr().out
    rules = load_rules(path).by_id()
    undangan = rules["I.1.1"].parts[0]
    assert undangan.signed_required and "und" in undangan.name_words
    assert rules["I.1.2"].parts[0].signer == "Ketua KPU"
    assert rules["I.1.1"].source_line == 6


CASES = {
    "unknown key": ("  months: [5, 6]", "  months: [5, 6]\n  colour: red", "colour",
                    "rules[0].colour", "tidak dikenal"),
    "month 13": ("  months: [5, 6]", "  months: [5, 13]", "months: [5, 13]",
                 "rules[0].months[1]", "tidak boleh lebih dari 12"),
    "duplicate id": ("- id: I.1.2", "- id: I.1.1", "- id: I.1.1", "rules[1].id", "sudah dipakai"),
    "rule without parts": ("  parts: [{kind: sk", "  parts: []\n  x_parts: [{kind: sk", "parts: []",
                           "rules[1].parts", "sedikitnya 1"),
    "absolute pattern": ("  patterns: [I Manajemen Perubahan/1 Tim Kerja/I.1.1 Rapat Koordinasi/**]",
                         "  patterns: [/srv/bukti/**]", "/srv/bukti", "rules[0].patterns[0]",
                         "bukan jalur mutlak"),
    "pattern climbing out": ("  patterns: [I Manajemen Perubahan/1 Tim Kerja/I.1.1 Rapat Koordinasi/**]",
                             "  patterns: [../rahasia/**]", "../rahasia", "rules[0].patterns[0]",
                             "'..'"),
    "undeclared team": ("  team: Tim Manajemen Perubahan\n  months: [4]", "  team: Tim Hantu\n  months: [4]",
                        "Tim Hantu", "rules[1].team", "tidak tercantum"),
    "id not of its item": ("- id: I.1.2", "- id: I.2.2", "I.2.2", "rules[1].id", "tidak sesuai"),
    "no months and no note": ("  months: [4]", "  months: []", "months: []", "rules[1].months",
                              "'note'"),
    "month as a float": ("  months: [5, 6]", "  months: [5.0, 6]", "months: [5.0, 6]",
                         "rules[0].months[0]", "bilangan bulat"),
    "year as a float": ("year: 2022", "year: 2022.0", "year: 2022.0", "year", "bilangan bulat"),
    "month .nan": ("  months: [5, 6]", "  months: [5, .nan]", "months: [5, .nan]",
                   "rules[0].months[1]", "bukan angka"),
    "unknown kind": ("{kind: sk,", "{kind: foto,", "kind: foto", "rules[1].parts[0].kind",
                     "harus salah satu dari"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_mistake_is_located_by_file_line_and_key(case, tmp_path, capsys):
    old, new, marker, key, words = CASES[case]
    text = GOOD.replace(old, new, 1)
    if case == "rule without parts":
        text = text.replace("  x_parts: [{kind: sk, label: SK Tim Kerja, signer: Ketua KPU}]\n", "")
    assert text != GOOD
    path = write(tmp_path, text)
    line = [n for n, t in enumerate(text.splitlines(), 1) if marker.split("\n")[0] in t][-1]
    assert main(["rules", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line}: '{key}': " in err, err
    assert words in err
    assert "Traceback" not in err


def test_a_yaml_syntax_error_names_the_line(tmp_path, capsys):
    text = GOOD.replace("  months: [4]", "  months: [4\n  parts: oops", 1)
    path = write(tmp_path, text)
    assert main(["rules", "list", "--rules", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:" in err and "penulisan YAML salah" in err and "Traceback" not in err


def test_empty_months_are_allowed_when_a_note_says_why(tmp_path):
    text = GOOD.replace("  months: [4]", "  months: []").replace(
        "  note: null", "  note: Tidak ada √ di rencana; tidak pernah jatuh tempo.")
    assert load_rules(write(tmp_path, text)).by_id()["I.1.2"].months == ()


def test_the_same_id_in_two_files_is_refused(tmp_path, capsys):
    first = write(tmp_path, GOOD, "a.yaml")
    second = write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(Exception) as caught:
        load_rulesets([first, second])
    assert f"{second}:6: 'rules[0].id': id 'I.1.1' juga ada di {first}:6" in str(caught.value)
    assert main(["rules", "check", str(first), str(second)]) == 2


def test_several_files_merge(tmp_path):
    first = write(tmp_path, GOOD, "a.yaml")
    second = write(tmp_path, GOOD.replace("I.1.1", "I.1.3").replace("I.1.2", "I.1.4"), "b.yaml")
    merged = load_rulesets([first, second])
    assert [r.id for r in merged.rules] == ["I.1.1", "I.1.2", "I.1.3", "I.1.4"]
