"""The whole scan: a real tree, real documents, the state between nights, the root guard."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile
from datetime import date

from audit_documents import MTIME, Office, daftar_hadir, sk, undangan

from auditor.audit.state import STATE_NAME
from auditor.config import load_config
from auditor.pipeline import ScanOptions, resolve_period, run_scan

JUNE = ScanOptions(month=6, year=2022)


def _statuses(outcome) -> dict[tuple[str, int], str]:
    return {(v.rule_id, v.month): v.status for v in outcome.report.verdicts}


def _fill(office: Office) -> None:
    undangan(office.meeting / "05 Mei" / "01. Undangan Rakor ZI.docx", "9 Mei 2022")
    daftar_hadir(office.meeting / "05 Mei" / "scan01.docx", "Jumat, 13 Mei 2022")
    sk(office.decree / "SK Tim Kerja ZI.docx", "11 April 2022", signed=False)


def test_a_scan_judges_each_due_month_and_writes_the_reports(office: Office) -> None:
    _fill(office)
    before = sorted(p for p in office.root.rglob("*"))
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 0 and outcome.root_problem is None
    assert _statuses(outcome) == {("I.1.4", 4): "unsigned", ("I.3.1", 5): "incomplete",
                                  ("I.3.1", 6): "missing"}
    may = next(v for v in outcome.report.verdicts if v.month == 5)
    dh = next(f for f in may.files if f.part == "daftar_hadir")  # told by its heading
    assert dh.date == "2022-05-13" and dh.mtime == "2022-06-23T23:00:00+07:00"
    assert any(p.startswith("Dokumentasi Rapat Evaluasi ZI bulan Mei belum ada") for p in may.problems)
    data = json.loads((outcome.report_dir / "gap-report.json").read_text(encoding="utf-8"))
    assert data["summary"]["gaps"] == 3 and data["month"] == 6
    assert outcome.report_dir == office.config.reports_dir / "2022-06"
    assert sorted(p for p in office.root.rglob("*")) == before  # nothing written in the tree


def test_the_next_night_reads_only_new_or_changed_files(office: Office) -> None:
    _fill(office)
    assert run_scan(office.config, JUNE).files_inspected == 3
    second = run_scan(office.config, JUNE)
    assert second.files_inspected == 0 and second.files_seen == 3
    sk(office.decree / "SK Tim Kerja ZI.docx", "11 April 2022", signed=True)
    os.utime(office.decree / "SK Tim Kerja ZI.docx", (MTIME + 60, MTIME + 60))
    third = run_scan(office.config, JUNE)
    assert third.files_inspected == 1
    assert _statuses(third)[("I.1.4", 4)] == "ok"
    assert [h.gaps for h in third.report.history] == [3, 3, 2]  # progress through the year


def test_a_pre_pleno_scan_mid_month_says_what_is_due_by_the_month_end(office: Office) -> None:
    _fill(office)
    outcome = run_scan(office.config, ScanOptions(as_of=date(2022, 5, 13)))
    assert outcome.report.as_of == "2022-05-13" and outcome.report_dir.name == "2022-05"
    may = next(v for v in outcome.report.verdicts if v.month == 5)
    assert may.open and "batasnya akhir bulan ini (31 Mei 2022)" in may.problems[0]
    assert [u.rule_id for u in outcome.report.upcoming] == ["I.3.1"]  # due again in June


def test_day_one_folders_without_files_is_a_report_with_everything_missing(office: Office) -> None:
    outcome = run_scan(office.config, JUNE)  # init-tree's folders, not one file yet
    assert outcome.exit_code == 0 and outcome.root_problem is None
    assert set(_statuses(outcome).values()) == {"missing"}
    assert (office.config.reports_dir / "2022-06" / "gap-report.json").exists()
    assert run_scan(office.config, JUNE).exit_code == 0  # and the second night too


def test_a_root_without_folders_or_missing_writes_no_report(office: Office) -> None:
    for child in office.root.iterdir():  # an unmounted share: the mount point, empty
        shutil.rmtree(child)
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 3 and outcome.report_dir is None
    assert "kosong" in outcome.root_problem
    shutil.rmtree(office.root)
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 3 and "tidak ditemukan" in outcome.root_problem
    assert not (office.config.reports_dir / "2022-06").exists()


def test_a_tree_whose_files_all_went_since_the_last_good_run_is_not_day_one(office: Office) -> None:
    _fill(office)
    first = run_scan(office.config, JUNE)
    report = (first.report_dir / "gap-report.json").read_text(encoding="utf-8")
    for path in office.root.rglob("*.docx"):
        path.unlink()
    outcome = run_scan(office.config, JUNE)  # the folders stay, every file gone
    assert outcome.exit_code == 3 and "0 berkas" in outcome.root_problem
    assert (first.report_dir / "gap-report.json").read_text(encoding="utf-8") == report


def test_a_tree_that_lost_most_of_its_files_keeps_the_last_report(office: Office) -> None:
    _fill(office)
    first = run_scan(office.config, JUNE)
    report = (first.report_dir / "gap-report.json").read_text(encoding="utf-8")
    (office.meeting / "05 Mei" / "scan01.docx").unlink()
    (office.decree / "SK Tim Kerja ZI.docx").unlink()
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 3 and "1 berkas" in outcome.root_problem
    assert "3 berkas" in outcome.root_problem
    assert (first.report_dir / "gap-report.json").read_text(encoding="utf-8") == report


def test_a_damaged_state_file_is_rebuilt_and_the_scan_goes_on(office: Office, capsys) -> None:
    _fill(office)
    run_scan(office.config, JUNE)
    (office.config.state_dir / STATE_NAME).write_bytes(b"\0garbage" * 4096)
    for side in ("-wal", "-shm"):
        (office.config.state_dir / (STATE_NAME + side)).unlink(missing_ok=True)
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 0 and outcome.files_inspected == 3
    assert "dibuat baru" in capsys.readouterr().err


def test_the_default_report_month() -> None:
    options = ScanOptions()
    assert resolve_period(2022, options, date(2022, 5, 13)).month == 5
    past = resolve_period(2022, options, date(2026, 11, 25))
    assert (past.month, past.as_of, past.open) == (12, date(2022, 12, 31), False)
    closed = resolve_period(2022, ScanOptions(month=6), date(2026, 11, 25))
    assert closed.as_of == date(2022, 6, 30) and not closed.open


def test_the_watcher_can_ask_for_a_file_to_be_read_again(office: Office) -> None:
    _fill(office)
    run_scan(office.config, JUNE)
    again = run_scan(office.config, ScanOptions(month=6, year=2022,
                                                changed_paths=[office.decree / "SK Tim Kerja ZI.docx"]))
    assert again.files_inspected == 1


def test_a_document_saved_in_place_is_read_again_even_at_the_same_size(office: Office) -> None:
    _fill(office)
    run_scan(office.config, JUNE)
    path = office.decree / "SK Tim Kerja ZI.docx"
    sk(path, "11 April 2022", signed=True)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, MTIME * 10**9 + 1))  # 1 ns after the first version
    again = run_scan(office.config, JUNE)
    assert again.files_inspected == 1 and _statuses(again)[("I.1.4", 4)] == "ok"


def test_facts_of_another_version_of_a_file_are_never_used(office: Office) -> None:
    # Even when the saved folder listings say "nothing changed", a file whose cached size
    # or mtime is not its own is read again (a listing saved by a run that then lost facts).
    _fill(office)
    run_scan(office.config, JUNE)
    db = sqlite3.connect(office.config.state_dir / STATE_NAME)
    with db:
        db.execute("UPDATE files SET size = size + 1 WHERE path LIKE '%SK Tim Kerja ZI.docx'")
    db.close()
    again = run_scan(office.config, JUNE)
    assert again.files_inspected == 1 and _statuses(again)[("I.1.4", 4)] == "unsigned"


def test_a_state_damaged_deep_inside_is_set_aside_midway_and_the_scan_goes_on(
        office: Office, capsys) -> None:
    _fill(office)
    run_scan(office.config, JUNE)
    path = office.config.state_dir / STATE_NAME
    db = sqlite3.connect(path)
    with db:  # enough cached files for the table to span many pages
        db.executemany("INSERT INTO files VALUES (?, 1, 1.0, ?, 0)",
                       [(f"lama/{n}.pdf", "{}" + " " * 900) for n in range(400)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with path.open("r+b") as handle:  # a bad sector in the middle of the file
        handle.seek(path.stat().st_size // 2)
        handle.write(b"\xff" * 8192)
    outcome = run_scan(office.config, JUNE)
    assert outcome.exit_code == 0 and outcome.files_inspected == 3
    assert _statuses(outcome)[("I.1.4", 4)] == "unsigned"
    assert "dibuat baru" in capsys.readouterr().err
    assert len(list(office.config.state_dir.glob(f"{STATE_NAME}.corrupt-*"))) == 1
    assert run_scan(office.config, JUNE).files_inspected == 0  # the new state works


def _with_config(office: Office, old: str, new: str) -> Office:
    path = office.config.path
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return Office(office.root, load_config(path), office.meeting, office.decree)


def test_a_file_refused_by_the_size_limit_is_read_once_the_limit_is_raised(office: Office) -> None:
    path = sk(office.decree / "SK Tim Kerja ZI.docx", "11 April 2022", signed=True)
    with zipfile.ZipFile(path, "a") as archive:  # a scan pasted in: 1.5 MB that do not shrink
        archive.writestr("word/media/image1.bin", os.urandom(1536 * 1024))
    os.utime(path, (MTIME, MTIME))
    small = _with_config(office, "inspect: {workers: 1}",
                         "inspect: {workers: 1, max_file_mb: 1}")
    first = run_scan(small.config, JUNE)
    assert _statuses(first)[("I.1.4", 4)] == "needs_review"
    assert run_scan(small.config, JUNE).files_inspected == 0  # a fact while the limit stays
    raised = _with_config(small, "max_file_mb: 1", "max_file_mb: 5")
    again = run_scan(raised.config, JUNE)
    assert again.files_inspected == 1 and _statuses(again)[("I.1.4", 4)] == "ok"
    assert again.report.errors == []
