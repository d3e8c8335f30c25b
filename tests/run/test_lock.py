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

from auditor.run.lock import LockBusy, audit_lock

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from auditor.run.lock import audit_lock
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
