"""`serve`: a real APScheduler runs the audit on the crontab schedule; SIGTERM stops it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from auditor.config import load_config
from auditor.run.schedule import JOB_ID, Service

pytestmark = pytest.mark.slow  # real sleeps: watchers and schedulers

TZ = ZoneInfo("Asia/Jakarta")


def config_at(tmp_path: Path, schedule: str = "0 2 * * *"):
    (tmp_path / "bukti").mkdir(exist_ok=True)
    path = tmp_path / "config.yaml"
    path.write_text(f"evidence_root: bukti\nyear: 2022\nstate_dir: state\nreports_dir: reports\n"
                    f"schedule: '{schedule}'\n", encoding="utf-8")
    return load_config(path)


class FileJob:
    """A real job: appends a line to a file per run, so runs can be counted."""

    def __init__(self, path: Path, seconds: float = 0.0) -> None:
        self.path = path
        self.seconds = seconds
        self.done = threading.Event()

    def __call__(self) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(datetime.now(TZ).isoformat() + "\n")
        time.sleep(self.seconds)
        self.done.set()

    def count(self) -> int:
        return len(self.path.read_text().splitlines()) if self.path.exists() else 0


def far_hour() -> int:
    """An hour of the day twelve hours from now in WIB. Within the grace hour after the
    scheduled time, a service started with no run recorded catches the missed run up at
    once, and its next run is "now": a test that expects the schedule's hour must not
    depend on when the suite runs."""
    return (datetime.now(TZ).hour + 12) % 24


def test_the_next_run_is_what_crontab_says(tmp_path: Path) -> None:
    hour = far_hour()
    service = Service(config_at(tmp_path, f"0 {hour} * * 1-5"), lambda: None)  # weekdays
    service.start()
    try:
        next_time = service.next_run_time()
        assert next_time is not None and (next_time.hour, next_time.minute) == (hour, 0)
        assert next_time.weekday() <= 4, "crontab 1-5 is Monday to Friday"
        assert next_time.utcoffset() == timedelta(hours=7)
    finally:
        service.stop()


def test_a_real_scheduler_runs_the_job_at_its_fire_time(tmp_path: Path) -> None:
    job = FileJob(tmp_path / "runs.txt")
    service = Service(config_at(tmp_path), job)
    service.start()
    try:
        # the trigger's next fire time, brought two seconds ahead: the scheduler fires it
        service.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(TZ) + timedelta(seconds=2))
        assert job.done.wait(15)
        assert job.count() == 1
        assert service.next_run_time().hour == 2  # back on the crontab schedule
    finally:
        service.stop()
    fired = json.loads((tmp_path / "state" / "serve-last-run.json").read_text())["fired"]
    assert datetime.fromisoformat(fired).tzinfo is not None


def test_missed_runs_while_asleep_become_one_run(tmp_path: Path) -> None:
    job = FileJob(tmp_path / "runs.txt")
    service = Service(config_at(tmp_path), job, grace_seconds=4 * 86400)
    service.start()
    try:
        # as after a long suspend: three nightly runs were due while the machine slept
        service.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(TZ) - timedelta(days=3))
        service.scheduler.wakeup()
        assert job.done.wait(15)
        time.sleep(1.0)
        assert job.count() == 1
    finally:
        service.stop()


def test_a_run_missed_by_more_than_the_grace_time_is_skipped(tmp_path: Path) -> None:
    job = FileJob(tmp_path / "runs.txt")
    service = Service(config_at(tmp_path), job, grace_seconds=60)
    service.start()
    try:
        service.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(TZ) - timedelta(hours=2))
        service.scheduler.wakeup()
        time.sleep(1.5)
        assert job.count() == 0
        assert service.next_run_time() > datetime.now(TZ)
    finally:
        service.stop()


def test_never_two_runs_at_once(tmp_path: Path) -> None:
    job = FileJob(tmp_path / "runs.txt", seconds=2.0)
    service = Service(config_at(tmp_path, "* * * * *"), job)
    service.start()
    try:
        service.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(TZ))
        deadline = time.monotonic() + 10
        while job.count() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        service.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(TZ))  # fires mid-run
        service.scheduler.wakeup()
        assert job.done.wait(10)
        assert job.count() == 1
    finally:
        service.stop()


def test_a_service_that_was_off_at_the_scheduled_time_catches_up_at_start(tmp_path: Path) -> None:
    now = datetime.now(TZ)
    due = now - timedelta(minutes=10)
    config = config_at(tmp_path, f"{due.minute} {due.hour} * * *")
    job = FileJob(tmp_path / "runs.txt")
    service = Service(config, job, grace_seconds=3600)
    state = tmp_path / "state" / "serve-last-run.json"
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"fired": (due - timedelta(days=1)).isoformat()}))
    assert service.missed_fire_time(now) is not None
    service.start()
    try:
        assert job.done.wait(15) and job.count() == 1
    finally:
        service.stop()
    # the same missed time is not run again at the next start
    assert Service(config, job, grace_seconds=3600).missed_fire_time() is None


def test_sigterm_stops_serve_cleanly(tmp_path: Path) -> None:
    hour = far_hour()
    config = config_at(tmp_path, f"0 {hour} * * *")
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "serve", "--config",
                             str(config.path)], stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        while line and "zi-auditor serve" not in line:
            line = proc.stderr.readline()
        assert "audit berikutnya" in line and f"{hour:02d}:00+07:00" in line
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
        rest = proc.stderr.read()
        assert "SIGTERM" in rest and "berhenti" in rest and "Traceback" not in rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    log_file = tmp_path / "state" / "logs" / "zi-auditor.log"
    assert "zi-auditor serve" in log_file.read_text(encoding="utf-8")
