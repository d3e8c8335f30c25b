"""Exactly once, as real processes: `zi-auditor email` killed (-9) at ten seeded random
moments, then run again, leaves every lead with the month's mail once; two `email` runs at
the same time mail nobody twice."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from deliver_kit import PASSWORD, MailServer, write_config, write_sample_report
from office_kit import cli_env

pytestmark = pytest.mark.slow  # a real SMTP server, killed runs

ADDRESSES = ("pengawasan@kpu.example", "mp@kpu.example", "pelayanan@kpu.example",
             "koordinator@kpu.example")


def email_process(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "auditor", "email", "--config", str(config),
                             "--month", "5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=cli_env(ZI_TEST_SMTP_PASSWORD=PASSWORD),
                            cwd=config.parent)


def by_address(server: MailServer) -> dict[str, list[str]]:
    """The Message-IDs each address received, in order."""
    out: dict[str, list[str]] = {a: [] for a in ADDRESSES}
    for received in server.recorder.messages:
        for rcpt in received.rcpt_tos:
            out.setdefault(rcpt, []).append(str(received.message["Message-ID"]))
    return out


def settle(server: MailServer) -> None:
    """Let the server finish a message whose sender was killed (bounded wait)."""
    time.sleep(server.recorder.slow_seconds + 0.5)


def test_kill_9_at_ten_random_moments_then_the_next_run_mails_each_lead_once(
        tmp_path: Path, smtp_server: MailServer) -> None:
    smtp_server.recorder.slow_seconds = 0.5  # sending takes a while, so kills land inside it
    killed_while_sending = 0
    for seed in range(10):
        # even seeds: a moment after start (reading the report, queueing); odd seeds: a
        # moment after the first message reached the server (between or inside messages)
        moment = random.Random(seed).uniform(0.0, 1.5 if seed % 2 == 0 else 2.0)
        folder = tmp_path / f"run-{seed}"
        folder.mkdir()
        config = write_config(folder, port=smtp_server.port)
        write_sample_report(config)
        smtp_server.recorder.messages.clear()
        smtp_server.recorder.rcpt_seen.clear()
        first = email_process(config.path)
        if seed % 2:
            end = time.monotonic() + 60
            while not smtp_server.recorder.rcpt_seen and time.monotonic() < end:
                time.sleep(0.01)
        try:
            first.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            first.send_signal(signal.SIGKILL)
            first.wait()
        settle(smtp_server)
        killed_while_sending += 0 < len(smtp_server.recorder.messages) < len(ADDRESSES)
        second = email_process(config.path)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, (seed, err)
        settle(smtp_server)
        received = by_address(smtp_server)
        for address in ADDRESSES:
            # the month's message once: a copy resent after the kill is the same message
            assert len(set(received[address])) == 1, (seed, moment, address, received)
        copies = sum(len(ids) for ids in received.values())
        assert copies <= len(ADDRESSES) + 1, (seed, moment, received)  # at most the one in flight
    assert killed_while_sending >= 3  # the seeded moments do fall between two messages


def test_two_email_runs_at_once_mail_nobody_twice(tmp_path: Path, smtp_server: MailServer) -> None:
    smtp_server.recorder.slow_seconds = 0.3
    config = write_config(tmp_path, port=smtp_server.port)
    write_sample_report(config)
    runs = [email_process(config.path), email_process(config.path)]
    results = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    settle(smtp_server)
    assert {a: len(ids) for a, ids in by_address(smtp_server).items()} == dict.fromkeys(ADDRESSES, 1)
    outputs = "".join(out for out, _ in results)
    assert outputs.count("terkirim:") == 4 and outputs.count("dilewati") == 4
