"""The shipped crontab does not hide a failed night: its job line, run by a real shell with
a zi-auditor that fails, prints a line (which cron mails to MAILTO) naming the exit code."""

from __future__ import annotations

import subprocess
from pathlib import Path

CRONTAB = Path(__file__).resolve().parents[2] / "deploy" / "zi-auditor.crontab"


def job_line() -> str:
    lines = [ln for ln in CRONTAB.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#") and "=" not in ln.split()[0]]
    [line] = lines
    return line.split(None, 6)[6]  # after m h dom mon dow user


def run_job(tmp_path: Path, exit_code: int) -> subprocess.CompletedProcess[str]:
    fake = tmp_path / "zi-auditor"
    fake.write_text(f"#!/bin/sh\necho 'masalah pengiriman'\nexit {exit_code}\n", encoding="utf-8")
    fake.chmod(0o755)
    env_file = tmp_path / "env"
    env_file.write_text("ZI_SMTP_PASSWORD=x\n", encoding="utf-8")
    (tmp_path / "logs").mkdir()
    command = (job_line().replace("/opt/zi-auditor/.venv/bin/zi-auditor", str(fake))
               .replace("/etc/zi-auditor/env", str(env_file))
               .replace("/var/lib/zi-auditor/logs", str(tmp_path / "logs")))
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=30)


def test_the_crontab_does_not_silence_cron_mail() -> None:
    settings = CRONTAB.read_text(encoding="utf-8").splitlines()
    assert 'MAILTO=""' not in settings and any(s.startswith("MAILTO=") for s in settings)


def test_a_failed_night_prints_a_line_for_cron_to_mail(tmp_path: Path) -> None:
    failed = run_job(tmp_path, 5)
    assert "exit 5" in failed.stdout and "cron.log" in failed.stdout
    assert "masalah pengiriman" in (tmp_path / "logs" / "cron.log").read_text(encoding="utf-8")
    quiet = tmp_path / "ok"
    quiet.mkdir()
    assert run_job(quiet, 0).stdout == ""  # a good night mails nobody
