"""A nightly run and an on-demand scan never overlap; a crashed run's lock is recovered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from office_kit import REPO, build_office, sk_docx

from auditor.lock import LockBusy, audit_lock

pytestmark = pytest.mark.slow  # real waits for a held lock

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from auditor.lock import audit_lock
    with audit_lock(Path(sys.argv[1]), purpose="jadwal malam"):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
        (Path(sys.argv[1]) / "first-run-finished").write_text("yes")
""")


def start_holder(state_dir: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(state_dir), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_second_run_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    holder = start_holder(tmp_path, 30)
    try:
        with pytest.raises(LockBusy) as caught, audit_lock(tmp_path, wait_seconds=0):
            pass
        message = caught.value.message
        assert f"proses {holder.pid}" in message and "jadwal malam" in message
    finally:
        holder.kill()
        holder.wait()


def test_second_run_waits_for_the_first_to_finish(tmp_path: Path) -> None:
    holder = start_holder(tmp_path, 1.0)
    with audit_lock(tmp_path, wait_seconds=30, purpose="scan"):
        assert (tmp_path / "first-run-finished").exists(), "both runs held the lock at once"
    holder.wait()


def test_lock_of_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    holder = start_holder(tmp_path, 60)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with audit_lock(tmp_path, wait_seconds=0, purpose="scan"):
        assert (tmp_path / "zi-auditor.lock").read_text().count(str(os.getpid())) == 1


def test_threads_of_one_process_do_not_overlap(tmp_path: Path) -> None:
    inside = []
    overlap = []

    def work() -> None:
        with audit_lock(tmp_path, wait_seconds=30):
            inside.append(1)
            if len(inside) > 1:
                overlap.append(True)
            threading.Event().wait(0.2)
            inside.pop()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not overlap


def test_the_lock_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o007)  # a group of operators may see who holds the lock; others not
    try:
        with audit_lock(tmp_path / "state", purpose="scan"):
            pass
    finally:
        os.umask(old)
    assert (tmp_path / "state" / "zi-auditor.lock").stat().st_mode & 0o777 == 0o660
    assert (tmp_path / "state").stat().st_mode & 0o777 == 0o770


def test_a_scheduled_scan_waits_for_a_running_audit_and_an_interactive_one_says_busy(
        tmp_path: Path) -> None:
    """The nightly `scan --email` from cron starts while `watch` audits: it waits (bounded) and
    the leads get their mail; a person at the console is told at once who holds the lock."""
    office = build_office(tmp_path / "kantor", workers=1)
    sk_docx(office.folder("I.1.4") / "SK Tim Kerja ZI 2022.docx", "13 April 2022")
    holder = start_holder(office.state, 60)
    try:
        busy = office.scan("--month", "12", "--year", "2022")
        assert busy.returncode == 4, busy.stderr
        assert f"proses {holder.pid}" in busy.stderr and "jadwal malam" in busy.stderr
        short = office.scan("--month", "12", "--year", "2022", "--wait", "1")
        assert short.returncode == 4, short.stderr
        assert "sudah menunggu 1 dtk" in short.stderr
        assert not (office.reports / "2022-12").exists()
    finally:
        holder.kill()
        holder.wait()
    holder = start_holder(office.state, 5)
    nightly = office.scan("--month", "12", "--year", "2022", "--wait", "600")
    holder.wait()
    assert nightly.returncode == 0, nightly.stderr
    assert (office.state / "first-run-finished").exists(), "the scan did not wait"
    assert (office.reports / "2022-12" / "gap-report.json").is_file()


@pytest.mark.parametrize("value", ["-1", "nan", "100000"])
def test_a_wait_must_be_bounded(tmp_path: Path, value: str) -> None:
    office = build_office(tmp_path / "kantor", workers=1)
    for command in ("scan", "serve"):
        run = office.zi(command, "--config", str(office.config), "--wait", value)
        assert run.returncode == 2 and "--wait" in run.stderr, (command, run.stderr)


def test_the_shipped_nightly_runs_wait_for_the_lock() -> None:
    for name in ("zi-auditor.crontab", "zi-auditor-scan.service"):
        lines = [line for line in (REPO / "deploy" / name).read_text(encoding="utf-8").splitlines()
                 if " scan " in line and not line.startswith("#")]
        assert lines and all("--wait" in line for line in lines), name
