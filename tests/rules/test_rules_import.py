"""Importing the plan: the same rules as the shipped file, from text, DOCX or XLSX, with a
warning for every doubtful row."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.importers import import_plan
from auditor.rules.load import load_rules

from .conftest import PLAN, SEED

# Decisions taken by hand in the shipped file (each written in the rule's note).
HAND_DECISIONS = {
    "I.4.2": {"evidence", "subject", "parts", "folder", "patterns"},  # typo 'Bccik' -> 'Becik'
    "VI.2.1": {"parts"},  # 'dokumen terkait' not required
}


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


def comparable(rule, skip=()) -> dict:
    data = rule.to_json()
    for key in ("note", *skip):
        data.pop(key)
    return data


def test_importing_the_seed_text_gives_the_shipped_rules_apart_from_hand_decisions():
    imported = import_plan(PLAN).ruleset.by_id()
    shipped = load_rules(SEED).by_id()
    assert list(imported) == list(shipped)
    for rule_id, rule in shipped.items():
        skip = HAND_DECISIONS.get(rule_id, set())
        assert comparable(imported[rule_id], skip) == comparable(rule, skip), rule_id
    assert "Bccik" in imported["I.4.2"].evidence and "Becik" in shipped["I.4.2"].evidence
    assert "Bccik" in shipped["I.4.2"].note
    assert [p.kind for p in imported["VI.2.1"].parts] == ["daftar_hadir", "risalah", "dokumen"]
    assert [p.kind for p in shipped["VI.2.1"].parts] == ["daftar_hadir", "risalah"]
    assert "dokumen terkait" in shipped["VI.2.1"].note


def test_every_rule_from_a_doubtful_row_carries_a_note_in_the_shipped_file():
    result = import_plan(PLAN)
    warned_lines = {int(w.split(":")[1]) for w in result.warnings}
    shipped = load_rules(SEED).rules
    doubtful = [r for r in shipped if r.plan_line in warned_lines]
    assert len(doubtful) >= 25
    assert all(r.note for r in doubtful)


def warning_at(warnings: tuple[str, ...], line: int) -> str:
    found = [w for w in warnings if w.startswith(f"{PLAN}:{line}: ")]
    assert len(found) == 1, (line, warnings)
    return found[0]


def test_one_warning_per_doubtful_row_with_its_line_and_what_was_assumed():
    warnings = import_plan(PLAN).warnings
    assert len({w.split(":")[1] for w in warnings}) == len(warnings)
    assert "tidak ada √ sama sekali; dianggap jatuh tempo bulan 1" in warning_at(warnings, 145)
    assert "dianggap jatuh tempo bulan 2" in warning_at(warnings, 252)
    assert "dianggap awal butir 4" in warning_at(warnings, 176)
    assert "Penetapan Kinerja Individu" in warning_at(warnings, 176)
    assert "Whistle-Blowing System" in warning_at(warnings, 222)
    assert "kolom PENANGGUNG JAWAB" in warning_at(warnings, 223)
    assert "kolom bulan 12" in warning_at(warnings, 239)
    assert "'Karanganyar'" in warning_at(warnings, 151)
    assert "4 butir berhuruf" in warning_at(warnings, 123)
    assert "angka '1'" in warning_at(warnings, 229)
    assert "√ itu diabaikan" in warning_at(warnings, 179)
    assert not [w for w in warnings if w.startswith(f"{PLAN}:92: ")]  # a clean row is quiet


def test_import_command_writes_a_valid_rules_file_and_warns_in_english(tmp_path, capsys):
    out = tmp_path / "rules.yaml"
    assert main(["--lang", "en", "rules", "import", str(PLAN), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{PLAN}:145: no √ at all; taken as due in month 1" in err
    assert "96 rules derived" in err
    assert main(["rules", "check", str(out)]) == 0
    assert len(load_rules(out).rules) == 96


@pytest.mark.parametrize("fixture", ["plan_docx", "plan_xlsx"])
def test_docx_and_xlsx_plans_give_the_same_rules_as_the_text(fixture, request):
    path: Path = request.getfixturevalue(fixture)
    from_text = import_plan(PLAN)
    other = import_plan(path)
    assert other.ruleset.year == 2022
    assert [comparable(r, ("plan_line",)) for r in other.ruleset.rules] == [
        comparable(r, ("plan_line",)) for r in from_text.ruleset.rules]
    assert [r.note for r in other.ruleset.rules] == [r.note for r in from_text.ruleset.rules]
    assert len(other.warnings) == len(from_text.warnings)
    assert all(w.startswith(f"{path}:") for w in other.warnings)


def test_a_file_that_is_not_a_plan_is_refused_plainly(tmp_path, capsys):
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan rencana aksi\n", encoding="utf-8")
    assert main(["rules", "import", str(notes)]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"not a zip")
    assert main(["rules", "import", str(broken)]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err
    assert main(["rules", "import", str(tmp_path / "rencana.pdf")]) == 2


def test_a_broken_spreadsheet_is_refused_plainly(tmp_path, capsys):
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["rules", "import", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "tidak dapat dibaca" in err and "Traceback" not in err


def truncate_member(plan: Path, out: Path, member: str) -> Path:
    """A copy of ``plan`` whose ``member`` XML stops halfway, as a broken save or copy leaves it."""
    import zipfile

    with zipfile.ZipFile(plan) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[: len(data) // 2] if info.filename == member else data)
    return out


@pytest.mark.parametrize(("fixture", "member"), [
    ("plan_docx", "word/document.xml"),
    ("plan_docx", "word/styles.xml"),
    ("plan_xlsx", "xl/worksheets/sheet1.xml"),
    ("plan_xlsx", "xl/workbook.xml"),
    ("plan_xlsx", "xl/styles.xml"),
    ("plan_xlsx", "[Content_Types].xml"),
    ("plan_docx", "word/_rels/document.xml.rels"),
])
def test_a_plan_whose_inner_xml_is_truncated_is_refused_naming_the_file(
        fixture, member, request, tmp_path, capsys):
    plan: Path = request.getfixturevalue(fixture)
    broken = truncate_member(plan, tmp_path / f"rencana-aksi-2022-rusak{plan.suffix}", member)
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(broken), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "tidak dapat dibaca" in err
    assert "Traceback" not in err and "kesalahan tak terduga" not in err
    assert not out.exists()
