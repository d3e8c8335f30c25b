"""Long scans show a progress bar on a terminal, and stay quiet in cron logs and pipes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from office_kit import build_office, sk_docx

pytestmark = pytest.mark.slow  # whole-tool runs: kills, full disks, other users


def run_on_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run a command with a real pseudo-terminal as stdin, stdout and stderr."""
    master, slave = pty.openpty()
    # a terminal window of 24 rows x 100 columns (a bare pty reports 0 x 0)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                            close_fds=True)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_a_scan_on_a_terminal_shows_progress_and_a_piped_one_does_not(tmp_path: Path) -> None:
    office = build_office(tmp_path / "kantor", workers=1)
    for day in range(1, 9):
        sk_docx(office.folder("I.4.1") / f"Daftar hadir {day} Mei 2022.docx", f"{day} Mei 2022")
    scan = [sys.executable, "-m", "auditor", "scan", "--config", str(office.config),
            "--month", "5", "--year", "2022"]

    code, screen = run_on_terminal(scan, office.env, office.base)
    assert code == 0, screen
    assert "Membaca dokumen" in screen and "/8 " in screen  # a bar over the 8 documents to read
    assert "Tim Manajemen Perubahan" in screen  # then the summary per Tim

    (office.state / "zi-auditor.sqlite").unlink()  # read them all again, now into a pipe
    piped = subprocess.run(scan, capture_output=True, text=True, env=office.env, cwd=office.base)
    assert piped.returncode == 0
    assert "%|" not in piped.stderr + piped.stdout
    assert "Tim Manajemen Perubahan" in piped.stdout

    (office.state / "zi-auditor.sqlite").unlink()
    code, screen = run_on_terminal([*scan, "--quiet"], office.env, office.base)
    assert code == 0
    assert screen.strip() == ""  # --quiet: nothing at all on success
