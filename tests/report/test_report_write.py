"""Reports land in <reports>/<YYYY>-<MM>/, atomically, never touching other months."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from auditor.audit.model import AuditReport
from auditor.report.atomic import atomic_write
from auditor.report.base import ReportFormat
from auditor.report.write import default_formats, write_reports

NAMES = {"gap-report.json", "gap-report.md", "gap-report.csv", "gap-report.html",
         "gap-report.xlsx", "ringkasan-pleno.html"}


class BrokenFormat(ReportFormat):
    """A format whose rendering fails, like a template bug on a strange document."""

    name = "html"
    filename = "gap-report.html"

    def render(self, report: AuditReport, lang: str) -> str:
        raise RuntimeError("template exploded")


def test_every_format_is_written_in_the_month_folder(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path / "reports", "id")
    assert folder == tmp_path / "reports" / "2022-05"
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} == NAMES
    assert all((folder / n).stat().st_size > 0 for n in NAMES)


def test_other_months_are_never_touched(report, tmp_path: Path) -> None:
    april = tmp_path / "2022-04"
    april.mkdir()
    for name in NAMES:
        (april / name).write_text(f"April {name}", encoding="utf-8")
    os.utime(april / "gap-report.json", (1_650_000_000, 1_650_000_000))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in april.iterdir()}

    write_reports(report, tmp_path, "id")
    write_reports(report, tmp_path, "en")  # a second run replaces May only

    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in april.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "2022-04", "2022-05"]


def test_a_failing_writer_leaves_the_last_good_report_whole(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "id")
    before = {n: (folder / n).read_bytes() for n in NAMES}

    report.summary.ok = 99  # what the broken run would have said
    formats = [*default_formats()[:3], BrokenFormat(), *default_formats()[4:]]
    with pytest.raises(RuntimeError, match="template exploded"):
        write_reports(report, tmp_path, "id", formats=formats)

    assert {n: (folder / n).read_bytes() for n in NAMES} == before
    assert {p.name for p in folder.iterdir()} == NAMES | {".manifest.json"}  # no temporary file
    assert len(list((tmp_path / ".sets").iterdir())) == 1  # the broken run's folder is gone


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "gap-report.md"
    target.write_text("laporan lama", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, "laporan baru " * 1000)
    monkeypatch.undo()

    assert target.read_text(encoding="utf-8") == "laporan lama"
    assert [p.name for p in tmp_path.iterdir()] == ["gap-report.md"]


def test_written_reports_are_readable_by_others(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "id")
    assert all((folder / n).stat().st_mode & 0o044 == 0o044 for n in NAMES)


def test_an_unknown_language_falls_back_to_indonesian(report, tmp_path: Path) -> None:
    folder = write_reports(report, tmp_path, "fr")
    assert "Yang harus dikerjakan per Tim" in (folder / "gap-report.md").read_text("utf-8")


def test_an_empty_january_report_still_tells_the_reader_something(tmp_path: Path) -> None:
    from report_sample import RULES

    from auditor.audit.model import Count

    report = AuditReport(year=2022, month=1, as_of="2022-01-31",
                         generated_at="2022-01-31T02:00:00+07:00", evidence_root="/srv/zi/bukti",
                         language="id", office="KPU Kabupaten Karanganyar", summary=Count(),
                         by_team={}, verdicts=[], errors=[], rules=[dict(r) for r in RULES])
    folder = write_reports(report, tmp_path, "id")
    html = (folder / "gap-report.html").read_text("utf-8")
    assert "0 dari 0 item yang jatuh tempo sudah lengkap" in html
    assert "Semua berkas dapat dibaca." in html and "Belum ada pemeriksaan sebelumnya." in html
    assert html.count('class="cell s-upcoming') == sum(len(r["months"]) for r in RULES)
    csv_text = (folder / "gap-report.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.count("\r\n") == 1  # the header only
    assert load_workbook(folder / "gap-report.xlsx")["Kekurangan"].max_row == 1


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_report_files_follow_the_umask(report, tmp_path: Path, umask: int, mode: int) -> None:
    """The office decides who reads reports (a web server's group, or nobody else) with its
    umask; zi-auditor never widens it."""
    old = os.umask(umask)
    try:
        folder = write_reports(report, tmp_path, "id")
        write_reports(report, tmp_path, "en")  # a second run replaces the set
    finally:
        os.umask(old)
    assert {n: (folder / n).stat().st_mode & 0o777 for n in NAMES} == dict.fromkeys(NAMES, mode)
    assert (tmp_path / ".sets").stat().st_mode & 0o777 == mode | (mode & 0o444) >> 2
