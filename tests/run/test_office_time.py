"""An office in Makassar or Jayapura reads its own hours: the nightly timer fires at 02:00
of the office's zone (from `timezone:`), and log lines and "running since" messages are
stamped WIB, WITA or WIT, not in the server's UTC."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from office_kit import REPO

from auditor.cli import main
from auditor.config import load_config
from auditor.lock import LockBusy, audit_lock
from auditor.run.job import setup_logging


def _config(tmp_path: Path, timezone: str, schedule: str = "0 2 * * *") -> Path:
    (tmp_path / "bukti").mkdir(exist_ok=True)
    path = tmp_path / "config.yaml"
    path.write_text(f"evidence_root: bukti\ntimezone: {timezone}\nschedule: '{schedule}'\n"
                    "reports_dir: out/reports\nstate_dir: out/state\n", encoding="utf-8")
    return path


def test_the_timer_fires_at_the_office_s_hour(tmp_path: Path, capsys) -> None:
    assert main(["config", "timer", "-c", str(_config(tmp_path, "Asia/Makassar", "30 1 * * *"))]) == 0
    out = capsys.readouterr().out
    assert "OnCalendar=*-*-* 01:30:00 Asia/Makassar" in out
    assert "Description=zi-auditor: nightly audit at 01:30 WITA" in out


def test_the_shipped_timer_is_the_one_the_default_config_gives(tmp_path: Path, capsys) -> None:
    assert main(["config", "timer", "-c", str(_config(tmp_path, "Asia/Jakarta"))]) == 0
    shipped = (REPO / "deploy" / "zi-auditor-scan.timer").read_text(encoding="utf-8")
    assert capsys.readouterr().out == shipped
    assert "02:00 WIB" in shipped


def test_a_schedule_a_timer_cannot_express_is_refused_plainly(tmp_path: Path, capsys) -> None:
    assert main(["config", "timer", "-c", str(_config(tmp_path, "Asia/Jakarta", "0 2 1 * *"))]) == 2
    assert "bukan sekali sehari" in capsys.readouterr().err


def test_log_lines_carry_the_office_s_time(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "Asia/Jayapura"))
    log_file = setup_logging(config)
    before = datetime.now(ZoneInfo("Asia/Jayapura")).replace(microsecond=0, tzinfo=None)
    logging.getLogger("auditor.test").info("audit selesai")
    after = datetime.now(ZoneInfo("Asia/Jayapura")).replace(tzinfo=None)
    for handler in logging.getLogger("auditor").handlers:
        handler.flush()
    assert log_file is not None
    line = log_file.read_text(encoding="utf-8").splitlines()[-1]
    day, clock, zone = line.split()[:3]
    assert zone == "WIT" and line.endswith("audit selesai")
    assert before <= datetime.fromisoformat(f"{day} {clock}") <= after


def test_the_busy_message_says_since_when_in_the_office_s_time(tmp_path: Path) -> None:
    held, release = threading.Event(), threading.Event()

    def first_run() -> None:
        with audit_lock(tmp_path, purpose="jadwal malam"):
            held.set()
            release.wait(30)

    thread = threading.Thread(target=first_run)
    thread.start()
    try:
        assert held.wait(30)
        with pytest.raises(LockBusy) as caught, audit_lock(tmp_path, timezone="Asia/Makassar"):
            pass
    finally:
        release.set()
        thread.join()
    assert " WITA)" in caught.value.message and "jadwal malam" in caught.value.message


def test_the_timer_is_written_whole_or_not_at_all(tmp_path: Path, capsys) -> None:
    """`config timer --out` straight into systemd's folder: a config it cannot read leaves
    no empty file behind (systemd reads an empty unit file as "masked")."""
    units = tmp_path / "systemd"
    units.mkdir()
    timer = units / "zi-auditor-scan.timer"
    config = _config(tmp_path, "Asia/Jayapura")
    assert main(["config", "timer", "-c", str(config), "--out", str(timer)]) == 0
    assert "OnCalendar=*-*-* 02:00:00 Asia/Jayapura" in timer.read_text(encoding="utf-8")
    assert "systemctl enable --now zi-auditor-scan.timer" in capsys.readouterr().out
    timer.unlink()
    missing = tmp_path / "tidak-ada.yaml"
    assert main(["config", "timer", "-c", str(missing), "--out", str(timer)]) == 2
    assert not timer.exists()
