"""Schedules, teams, --columns and the exit code of an import, on small typed plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main
from auditor.i18n import set_language
from auditor.rules.importers import import_plan
from auditor.rules.load import load_rules


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language(None)


def small_plan(tmp_path: Path, rows: list[str], name: str = "rencana-aksi-2025.txt") -> Path:
    plan = tmp_path / name
    header = "NO\tKOMPONEN\tLANGKAH AKSI\tBUKTI FISIK\tKURUN WAKTU\tPENANGGUNG JAWAB"
    plan.write_text("RENCANA AKSI ZI\nKPU KOTA SOLO TAHUN 2025\n" + "\n".join([header, *rows]) + "\n",
                    encoding="utf-8")
    return plan


@pytest.mark.parametrize(("schedule", "months", "said"), [
    ("B03", [3], None),
    ("Bulan 3", [3], None),
    ("Maret", [3], None),
    ("Mar–Jun", [3, 4, 5, 6], None),
    ("Agt", [8], None),
    ("B03, B06, B09 dan B12", [3, 6, 9, 12], None),
    ("Tiap Bulan", list(range(1, 13)), "dibaca sebagai setiap bulan"),
    ("Setiap bulan", list(range(1, 13)), "dibaca sebagai setiap bulan"),
    ("Bulanan", list(range(1, 13)), "dibaca sebagai setiap bulan"),
    ("Triwulanan", [3, 6, 9, 12], "akhir triwulan"),
    ("TW I–IV", [3, 6, 9, 12], "akhir triwulan"),
    ("TW II", [6], "akhir triwulan"),
    ("Semester I", [6], "akhir semester"),
    ("Semester II", [12], "akhir semester"),
    ("Semester I/II", [6, 12], "akhir semester"),
    ("Tahunan", [12], "tidak menyebut bulan"),
])
def test_each_way_of_writing_a_schedule(schedule, months, said, tmp_path):
    plan = small_plan(tmp_path, ["I\tManajemen Perubahan", f"1\tTim Kerja\tRapat\tLaporan Rapat\t{schedule}\tTim A"])
    result = import_plan(plan)
    assert list(result.ruleset.rules[0].months) == months
    warnings = "\n".join(result.warnings)
    if said:
        assert f"{plan}:5: " in warnings and said in warnings and f"'{schedule}'" in warnings
    else:
        assert warnings == ""


def test_a_schedule_that_names_no_month_is_warned_and_not_guessed_silently(tmp_path):
    plan = small_plan(tmp_path, ["I\tManajemen Perubahan", "1\tTim Kerja\tRapat\tLaporan Rapat\tsegera\tTim A"])
    result = import_plan(plan)
    warning = "\n".join(result.warnings)
    assert "jadwal 'segera' tidak terbaca sebagai bulan" in warning
    assert "dianggap jatuh tempo bulan 1" in warning


def test_continuation_rows_keep_their_items_team_and_an_item_without_one_takes_the_areas(tmp_path):
    plan = small_plan(tmp_path, [
        "I\tManajemen Perubahan",
        "1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTIM MANAJEMEN  PERUBAHAN",
        "\t\t\tNotulen Rapat Tim\tFebruari\t",
        "2\tRencana Aksi\tMenyusun\tDokumen Rencana Aksi\tMaret\tSubbag Program",
        "3\tMonev\tMemantau\tLaporan Monev\tApril\t",
    ])
    result = import_plan(plan)
    assert [(r.id, r.team) for r in result.ruleset.rules] == [
        ("I.1.1", "Tim Manajemen Perubahan"), ("I.1.2", "Tim Manajemen Perubahan"),
        ("I.2.1", "Subbag Program"), ("I.3.1", "Tim Manajemen Perubahan")]
    assert [w.split(": ", 1)[0] for w in result.warnings] == [f"{plan}:8"]
    assert "tidak menyebut penanggung jawab; dipakai tim area 'Tim Manajemen Perubahan'" in result.warnings[0]


def test_no_table_or_too_many_rows_not_understood_is_exit_2(tmp_path, capsys):
    plan = tmp_path / "rencana-aksi-2025.txt"
    plan.write_text("RENCANA AKSI ZI TAHUN 2025\nNO\tKEGIATAN\tWAKTU\n1\tRapat\tMei\n", encoding="utf-8")
    assert main(["rules", "import", str(plan)]) == 2
    assert "tabel Rencana Aksi tidak ditemukan" in capsys.readouterr().err
    rows = ["NO\tKOMPONEN\tLANGKAH AKSI\tBUKTI FISIK\tJADWAL\tPJ"]
    rows += ["1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTim A"] * 3  # before any area
    rows += ["I\tManajemen Perubahan", "1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTim A"]
    plan.write_text("RENCANA AKSI ZI TAHUN 2025\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(plan), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "3 baris tidak dipahami (baris 3, 4, 5)" in err
    assert "3 dari 5 baris tabel tidak dipahami (lebih dari sepertiga)" in err
    assert not out.exists()


def test_columns_given_by_hand_override_the_header_and_are_written_down(tmp_path, capsys):
    plan = tmp_path / "rencana-aksi-2025.txt"
    rows = ["NO\tKOMPONEN\tLANGKAH AKSI\tKETERANGAN\tJADWAL\tPJ", "I\tManajemen Perubahan",
            "1\tTim Kerja\tMembentuk tim\tSK Tim Kerja\tJanuari\tTim A",
            "\t\tRapat tim\tNotulen Rapat Tim\tTriwulanan\tTim B"]
    plan.write_text("RENCANA AKSI ZI\nKPU KOTA SOLO TAHUN 2025\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "aturan.yaml"
    assert main(["rules", "import", str(plan), "--out", str(out), "--columns", "evidence=D,months=E,team=F"]) == 0
    rules = load_rules(out)
    assert [(r.id, r.evidence, list(r.months), r.team) for r in rules.rules] == [
        ("I.1.1", "SK Tim Kerja", [1], "Tim A"), ("I.1.2", "Notulen Rapat Tim", [3, 6, 9, 12], "Tim B")]
    assert rules.office == "KPU Kota Solo"
    mapping = out.read_text(encoding="utf-8").splitlines()[1]
    assert "evidence=D (KETERANGAN, --columns)" in mapping and "ignore" not in mapping
    assert main(["rules", "import", str(plan), "--columns", "bukti"]) == 2
    assert "--columns: 'bukti' tidak dipahami" in capsys.readouterr().err
