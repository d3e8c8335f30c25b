"""Nothing is lost: a scan killed with SIGKILL (mid-inspection or mid-write), a report disk
that is full or may not be written, a mail server that is down. The real CLI runs in a
subprocess; the kill comes at an exact moment through fault_driver.py."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import lxml.html
import pytest
from office_kit import (
    AS_NOBODY,
    REPORT_FILES,
    Office,
    build_office,
    docx_bytes,
    give_to_nobody,
    mail_config,
    shared_tmp,
    sk_docx,
    write_bytes,
)
from openpyxl import load_workbook
from smtp_kit import PASSWORD, USER, MailServer, Recorder, free_port

from auditor.i18n import t
from auditor.pipeline import BATCH

pytestmark = pytest.mark.slow  # whole-tool runs: kills, full disks, other users

DRIVER = str(Path(__file__).with_name("fault_driver.py"))
ATTENDANCE = 120  # lists of the daily roll-call, I.4.1 (due April to December)


@pytest.fixture
def office(tmp_path: Path) -> Office:
    office = build_office(tmp_path, workers=1)
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    return office


def killed_scan(office: Office, path_has: str, *args: str) -> subprocess.CompletedProcess[str]:
    office.env["FAULT_PLAN"] = json.dumps({"event": "open", "path_has": path_has,
                                           "action": "kill"})
    try:
        return office.zi("scan", "--config", str(office.config), "--quiet", *args,
                         driver=[DRIVER], timeout=120)
    finally:
        del office.env["FAULT_PLAN"]


def month_files(office: Office, month: str) -> dict[str, bytes]:
    folder = office.reports / month
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def add_attendance(office: Office) -> None:
    data = docx_bytes(["DAFTAR HADIR", "Apel Pagi Pegawai KPU Kabupaten Karanganyar",
                       "Hari/Tanggal : Senin, 6 Juni 2022", "No Nama Jabatan Tanda Tangan"])
    for n in range(ATTENDANCE):
        write_bytes(office.folder("I.4.1") / f"Daftar hadir apel {n:03d}.docx", data)


def state_db(office: Office) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{office.state / 'zi-auditor.sqlite'}?mode=ro", uri=True)


def verdicts(report: dict) -> list[tuple]:
    return [(v["rule_id"], v["month"], v["status"], [f["path"] for f in v["files"]])
            for v in report["verdicts"]]


def test_a_scan_killed_midway_loses_nothing(office: Office, tmp_path: Path) -> None:
    assert office.scan("--month", "5", "--year", "2022").returncode == 0
    may = month_files(office, "2022-05")
    add_attendance(office)
    # SIGKILL when the worker opens the 61st list: 60 read, the first BATCH committed.
    run = killed_scan(office, "Daftar hadir apel 060.docx", "--month", "6", "--year", "2022")
    assert run.returncode == -signal.SIGKILL
    with open(office.state / "zi-auditor.lock", "rb") as lock:  # no orphan worker holds it
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    assert month_files(office, "2022-06") == {}
    assert month_files(office, "2022-05") == may, "an earlier report changed"
    with state_db(office) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        committed = db.execute(
            "SELECT count(*) FROM files WHERE path LIKE '%Daftar hadir apel%'").fetchone()[0]
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (1,)
    assert committed == BATCH

    again = office.scan("--month", "6", "--year", "2022")
    assert again.returncode == 0, again.stderr
    with state_db(office) as db:
        files, inspected = db.execute(
            "SELECT files, inspected FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    assert (files, inspected) == (ATTENDANCE + 1, ATTENDANCE - committed)
    resumed = office.report("2022-06")
    assert month_files(office, "2022-05") == may

    # The same tree audited from scratch (no state) says exactly the same.
    fresh = tmp_path / "fresh.yaml"
    fresh.write_text(office.config.read_text(encoding="utf-8").replace("out/", "fresh/"),
                     encoding="utf-8")
    run = office.zi("scan", "--config", str(fresh), "--quiet", "--month", "6", "--year", "2022")
    assert run.returncode == 0, run.stderr
    scratch = json.loads((tmp_path / "fresh" / "reports" / "2022-06" / "gap-report.json")
                         .read_text(encoding="utf-8"))
    assert verdicts(resumed) == verdicts(scratch)
    assert resumed["errors"] == scratch["errors"] == []


def _whole(folder: Path) -> dict[str, object]:
    """Each report file parses completely (no half-written file)."""
    return {
        "json": json.loads((folder / "gap-report.json").read_text(encoding="utf-8")),
        "html": lxml.html.fromstring((folder / "gap-report.html").read_bytes()).findtext(".//title"),
        "csv": list(csv.reader(io.StringIO((folder / "gap-report.csv").read_text("utf-8-sig")))),
        "md": (folder / "gap-report.md").read_text(encoding="utf-8"),
        "xlsx": [list(r) for r in load_workbook(folder / "gap-report.xlsx").active.values],
    }


def test_a_scan_killed_while_writing_its_reports(office: Office) -> None:
    assert office.scan("--month", "5", "--year", "2022").returncode == 0
    folder = office.reports / "2022-05"
    sk_docx(office.folder("I.4.6") / "SK Role Model 2022.docx", "14 April 2022")
    run = killed_scan(office, "gap-report.csv", "--month", "5", "--year", "2022")
    assert run.returncode == -signal.SIGKILL
    old = _whole(folder)  # JSON and Markdown of the new set written, not switched in: all old
    assert [v["status"] for v in old["json"]["verdicts"] if v["rule_id"] == "I.4.6"] != ["ok"]
    assert "SK Role Model 2022.docx" not in old["md"]

    again = office.scan("--month", "5", "--year", "2022")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        REPORT_FILES)
    report = _whole(folder)
    rows = {(r[0], r[4]): r for r in report["csv"][1:]}
    i46 = [v for v in report["json"]["verdicts"] if v["rule_id"] == "I.4.6"][0]
    assert i46["status"] == "ok" and rows[("I.4.6", "4")][7].lower() == t("audit.status.ok")
    assert "SK Role Model 2022.docx" in report["md"]


@contextmanager
def tmpfs(folder: Path) -> Iterator[Path]:
    """``folder`` on its own 4 MB tmpfs, unmounted afterwards whatever happens."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=755", "tmpfs", str(folder)],
                   check=True, capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def small_disk(office: Office) -> Iterator[Path]:
    """The reports folder on its own small disk."""
    with tmpfs(office.reports) as disk:
        yield disk


@pytest.fixture
def small_state_disk(office: Office) -> Iterator[Path]:
    """The state folder (database, lock, outbox) on its own small disk."""
    with tmpfs(office.state) as disk:
        yield disk


def fill(disk: Path) -> None:
    with open(disk / "isi-penuh.bin", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


def test_a_full_report_disk_keeps_the_last_report_and_says_so(office: Office,
                                                              small_disk: Path) -> None:
    assert office.scan("--month", "5", "--year", "2022").returncode == 0
    before = month_files(office, "2022-05")
    fill(small_disk)
    sk_docx(office.folder("I.4.6") / "SK Role Model 2022.docx", "14 April 2022")
    run = office.scan("--month", "5", "--year", "2022")
    assert run.returncode == 6  # ExitCode.WRITE_FAILED
    folder = office.reports / "2022-05"
    assert run.stderr.strip() == t("audit.report_unwritable", path=folder,
                                   reason=t("audit.disk_full"))
    assert month_files(office, "2022-05") == before


def test_a_full_state_disk_is_no_corruption(office: Office, small_state_disk: Path) -> None:
    """The state database is healthy, only its disk is full: it is kept as it is, the run
    says so plainly (exit 6), and once there is room the cache is still there."""
    assert office.scan("--month", "5", "--year", "2022").returncode == 0
    before = month_files(office, "2022-05")
    add_attendance(office)  # facts to store: the database must grow
    fill(small_state_disk)
    run = office.scan("--month", "5", "--year", "2022")
    assert run.returncode == 6  # ExitCode.WRITE_FAILED
    assert run.stderr.strip() == t("audit.state_write_failed",
                                   path=small_state_disk / "zi-auditor.sqlite",
                                   reason=t("audit.disk_full"))
    assert list(small_state_disk.glob("*.corrupt-*")) == []
    assert month_files(office, "2022-05") == before

    (small_state_disk / "isi-penuh.bin").unlink()  # room again
    again = office.scan("--month", "5", "--year", "2022")
    assert again.returncode == 0, again.stderr
    with closing(state_db(office)) as db:  # the SK read on the first night was not read again
        assert db.execute("SELECT inspected FROM runs ORDER BY id DESC LIMIT 1").fetchone() == (
            ATTENDANCE,)


def test_a_report_folder_it_may_not_write_keeps_the_last_report() -> None:
    with shared_tmp() as base:
        office = build_office(base / "kantor", workers=1)
        sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
        assert office.scan("--month", "5", "--year", "2022").returncode == 0  # as root
        give_to_nobody(office.state)  # the service user owns its state, not the reports
        sk_docx(office.folder("V.1.2") / "SK UPG.docx", "10 Januari 2022")  # a finding changed
        before = month_files(office, "2022-05")
        run = office.scan("--month", "5", "--year", "2022", wrap=AS_NOBODY)
        assert run.returncode == 6  # ExitCode.WRITE_FAILED
        folder = office.reports / "2022-05"
        assert run.stderr.strip() == t("audit.report_unwritable", path=folder,
                                       reason=t("audit.no_write_permission"))
        assert month_files(office, "2022-05") == before


def test_a_state_folder_it_may_not_write_is_a_plain_message() -> None:
    with shared_tmp() as base:
        office = build_office(base / "kantor", workers=1)
        sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
        assert office.scan("--month", "5", "--year", "2022").returncode == 0  # as root
        before = month_files(office, "2022-05")
        give_to_nobody(office.reports)  # the reports are the service user's, the state is not
        run = office.scan("--month", "5", "--year", "2022", wrap=AS_NOBODY)
        assert run.returncode == 6  # ExitCode.WRITE_FAILED
        assert str(office.state) in run.stderr and "state_dir" in run.stderr
        assert "Traceback" not in run.stderr and "kesalahan tak terduga" not in run.stderr
        assert month_files(office, "2022-05") == before


def test_mail_waits_in_the_outbox_while_the_server_is_down(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there yet
    office = build_office(tmp_path, workers=1, extra_config=mail_config(port, USER, teams=1, timeout=3))
    office.env["ZI_SMTP_PASSWORD"] = PASSWORD
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    run = office.scan("--month", "5", "--year", "2022", "--email")
    assert run.returncode == 5, run.stderr  # DELIVERY_FAILED: the mail is late, not lost
    pending = sorted((office.state / "outbox" / "pending").glob("*.eml"))
    assert len(pending) == 2
    assert "Traceback" not in run.stderr and "outbox" in run.stderr

    server = MailServer(Recorder(), port, kwargs={"auth_require_tls": False})
    server.start()
    try:
        sent = office.zi("email", "--config", str(office.config), "--month", "5", "--year",
                         "2022")
        assert sent.returncode == 0, sent.stderr
    finally:
        server.stop()
    assert sorted(r for m in server.recorder.messages for r in m.rcpt_tos) == [
        "koordinator@kpu.example", "mp@kpu.example"]
    assert list((office.state / "outbox" / "pending").iterdir()) == []
