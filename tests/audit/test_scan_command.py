"""`zi-auditor scan` as an office runs it: summary per Tim, exit codes, quiet mode."""

from __future__ import annotations

import shutil

import pytest
from audit_documents import Office, daftar_hadir, sk, undangan

from auditor.cli import main


def _fill(office: Office) -> None:
    undangan(office.meeting / "05 Mei" / "Undangan.docx", "9 Mei 2022")
    daftar_hadir(office.meeting / "05 Mei" / "DH_rakor.docx", "Jumat, 13 Mei 2022")
    sk(office.decree / "SK.docx", "11 April 2022", signed=True)


def test_the_summary_names_each_team_and_the_report_to_open(office: Office, capsys) -> None:
    _fill(office)
    code = main(["scan", "--config", str(office.config.path), "--month", "6", "--year", "2022"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Tim Manajemen Perubahan: 1 dari 3 lengkap, 2 kekurangan" in out
    assert "belum lengkap 1" in out and "belum ada 1" in out
    assert str(office.config.reports_dir / "2022-06" / "gap-report.html") in out


def test_fail_on_gaps_exits_1_and_quiet_prints_nothing(office: Office, capsys) -> None:
    _fill(office)
    code = main(["scan", "--config", str(office.config.path), "--as-of", "2022-05-13",
                 "--quiet", "--fail-on-gaps"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == "" and captured.err == ""
    assert (office.config.reports_dir / "2022-05" / "gap-report.md").exists()


def test_english_summary(office: Office, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ZI_LANG", "en")  # restored afterwards; `--lang` sets it for the run
    _fill(office)
    assert main(["--lang", "en", "scan", "--config", str(office.config.path), "--month", "5"]) == 0
    assert "Tim Manajemen Perubahan: 1 of 2 complete, 1 gaps" in capsys.readouterr().out


def test_an_unmounted_share_exits_3_with_a_plain_message(office: Office, capsys) -> None:
    for child in office.root.iterdir():  # the mount point without the share: no folder
        shutil.rmtree(child)
    code = main(["scan", "--config", str(office.config.path), "--month", "6"])
    assert code == 3
    assert "kosong" in capsys.readouterr().err


def test_bad_dates_and_months_are_usage_errors(office: Office, capsys) -> None:
    assert main(["scan", "--config", str(office.config.path), "--as-of", "13-05-2022"]) == 2
    assert "TTTT-BB-HH" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # argparse refuses it before anything runs
        main(["scan", "--config", str(office.config.path), "--month", "13"])
    assert usage.value.code == 2
    assert "bulan '13' tidak dikenal" in capsys.readouterr().err
