"""Each message's own fate, driven by a faulty in-process SMTP server (aiosmtpd): a refused
address fails alone, 4xx is retried within a capped time, a message whose answer never came
is not sent twice in a run, an oversized message holds back no other, a damaged ledger
sends nothing twice."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from deliver_kit import MailServer, Recorder, free_port, sample_report, write_sample_report

from auditor.audit.model import Verdict
from auditor.deliver import send as send_module
from auditor.deliver.channels import email as email_channel
from auditor.deliver.outbox import Outbox
from auditor.deliver.send import deliver_month, deliver_report
from auditor.errors import ExitCode

pytestmark = pytest.mark.slow  # a real SMTP server, killed runs

LEADS = ("pengawasan@kpu.example", "mp@kpu.example", "pelayanan@kpu.example")
COORDINATOR = "koordinator@kpu.example"


def counts(server: MailServer) -> dict[str, int]:
    out: dict[str, int] = {}
    for received in server.recorder.messages:
        for rcpt in received.rcpt_tos:
            out[rcpt] = out.get(rcpt, 0) + 1
    return out


def wait_for(predicate, seconds: float = 10.0) -> None:  # noqa: ANN001
    """Wait (bounded) for the server side to finish what it was doing; no timing assert."""
    end = time.monotonic() + seconds
    while not predicate() and time.monotonic() < end:
        time.sleep(0.05)


def test_a_refused_address_fails_alone_and_the_coordinator_is_told(
        make_config, smtp_server, capsys) -> None:
    smtp_server.recorder.rcpt_replies["mp@kpu.example"] = ["550 5.1.1 mailbox unavailable"]
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    result = deliver_month(config, 2022, 5)
    got = counts(smtp_server)
    assert got["pengawasan@kpu.example"] == 1 and got["pelayanan@kpu.example"] == 1
    assert "mp@kpu.example" not in got
    assert result.failed == ["Tim Manajemen Perubahan <mp@kpu.example>"]
    assert result.exit_code == ExitCode.DELIVERY_FAILED
    # the coordinator has the month's report and a notice naming the refused address
    subjects = [m.message["Subject"] for m in smtp_server.recorder.to(COORDINATOR)]
    assert len(subjects) == 2 and any("tidak dapat dikirim" in s for s in subjects)
    [notice] = [m for m in smtp_server.recorder.to(COORDINATOR) if "PERINGATAN" in m.message["Subject"]]
    text = notice.message.get_body(("plain",)).get_content()
    assert "mp@kpu.example" in text and "550" in text
    # it left the queue: next month's mail is not led and failed by it
    outbox = Outbox(config.state_dir)
    assert outbox.pending() == [] and len(list(outbox.failed_dir.glob("*.eml"))) == 1


def test_4xx_then_5xx_is_retried_then_permanent_for_that_address_only(
        make_config, smtp_server, monkeypatch) -> None:
    monkeypatch.setattr(email_channel, "BACKOFF_SECONDS", 0.01)
    smtp_server.recorder.rcpt_replies["mp@kpu.example"] = ["451 4.2.1 try later",
                                                           "550 5.1.1 gone"]
    smtp_server.recorder.rcpt_replies["pengawasan@kpu.example"] = ["452 4.2.2 mailbox full"]
    config = make_config(port=smtp_server.port)
    config = replace(config, email=replace(config.email, max_attempts=4))
    write_sample_report(config)
    result = deliver_month(config, 2022, 5)
    assert smtp_server.recorder.rcpt_seen.count("mp@kpu.example") == 2  # retried, then given up
    assert counts(smtp_server)["pengawasan@kpu.example"] == 1  # retried once, then sent
    assert result.failed == ["Tim Manajemen Perubahan <mp@kpu.example>"]
    assert counts(smtp_server)["pelayanan@kpu.example"] == 1
    assert result.exit_code == ExitCode.DELIVERY_FAILED


def test_the_retry_time_of_a_run_is_capped(make_config, smtp_server, monkeypatch) -> None:
    monkeypatch.setattr(send_module, "BUDGET_SECONDS", 1.0)  # backoff starts at 2 s
    for address in (*LEADS, COORDINATOR):
        smtp_server.recorder.rcpt_replies[address] = ["451 4.3.0 busy"] * 50
    config = make_config(port=smtp_server.port)
    config = replace(config, email=replace(config.email, max_attempts=20))
    write_sample_report(config)
    result = deliver_month(config, 2022, 5)
    # twenty rounds of waits (2 + 4 + ... s: days) are not made; the mail waits for the next run
    assert len(smtp_server.recorder.rcpt_seen) == 4
    assert len(result.queued) == 4 and result.exit_code == ExitCode.DELIVERY_FAILED
    assert len(Outbox(config.state_dir).pending()) == 4


def test_connection_dropped_during_data_is_sent_by_the_next_run_once(
        make_config, smtp_server) -> None:
    smtp_server.recorder.drop_data_for = {"mp@kpu.example"}
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    first = deliver_month(config, 2022, 5)
    assert first.maybe == ["Tim Manajemen Perubahan <mp@kpu.example>"]
    assert first.exit_code == ExitCode.DELIVERY_FAILED
    assert counts(smtp_server) == {"pengawasan@kpu.example": 1, "pelayanan@kpu.example": 1,
                                   COORDINATOR: 1}
    second = deliver_month(config, 2022, 5)
    assert second.sent == ["Tim Manajemen Perubahan <mp@kpu.example>"]
    assert second.exit_code == ExitCode.OK
    assert counts(smtp_server)["mp@kpu.example"] == 1


def test_no_answer_after_data_is_maybe_sent_not_resent_in_the_same_run(
        make_config, smtp_server, monkeypatch) -> None:
    monkeypatch.setattr(email_channel, "BACKOFF_SECONDS", 0.01)
    smtp_server.recorder.slow_seconds = 3.0  # stores the message, answers after the timeout
    smtp_server.recorder.slow_for = {COORDINATOR}
    config = make_config(port=smtp_server.port)
    config = replace(config, smtp=replace(config.smtp, timeout_seconds=1.0),
                     email=replace(config.email, max_attempts=3))
    write_sample_report(config)
    result = deliver_month(config, 2022, 5)
    assert result.maybe == [f"koordinator <{COORDINATOR}>"]
    assert len(result.sent) == 3
    wait_for(lambda: len(smtp_server.recorder.to(COORDINATOR)) >= 1)
    time.sleep(3.5)  # let a (wrong) second copy arrive if one was sent
    assert len(smtp_server.recorder.to(COORDINATOR)) == 1  # not resent in this run
    smtp_server.recorder.slow_seconds = 0.0
    deliver_month(config, 2022, 5)  # the next run sends the very same message again
    copies = smtp_server.recorder.to(COORDINATOR)
    assert len(copies) == 2 and copies[0].message["Message-ID"] == copies[1].message["Message-ID"]


def big_report(gaps: int) -> object:
    """May 2022 with ``gaps`` open items for the Tim Pengawasan, as at 50 000 files."""
    report = sample_report()
    base = report.verdicts[0]
    many = [replace(base, rule_id=f"V.1.{n}", problems=[
        f"Belum ada berkas untuk Mei; diharapkan di folder V/1/V.1.{n} Laporan pengendalian "
        f"gratifikasi triwulan, lengkap dengan tanda tangan Ketua dan tanggal."] * 2)
        for n in range(1, gaps + 1)]
    verdicts: list[Verdict] = many + report.verdicts[1:]
    return replace(report, verdicts=verdicts)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_every_mail_stays_under_a_10_mb_server_limit_at_50000_gaps(make_config) -> None:
    server = MailServer(Recorder(), free_port(),
                        kwargs={"auth_require_tls": False, "data_size_limit": 10_240_000})
    server.start()
    try:
        config = make_config(port=server.port)
        result = deliver_report(config, big_report(50_000))
        assert result.exit_code == ExitCode.OK, result.errors
        assert sorted(counts(server)) == sorted((*LEADS, COORDINATOR))
        for received in server.recorder.messages:
            assert len(received.message.as_bytes()) < 10_240_000
        [coordinator] = server.recorder.to(COORDINATOR)
        text = coordinator.message.get_body(("plain",)).get_content()
        assert "butir lainnya" in text  # the body lists the first gaps, not all 50 000
    finally:
        server.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_one_oversized_message_does_not_hold_back_the_others(make_config) -> None:
    server = MailServer(Recorder(), free_port(),
                        kwargs={"auth_require_tls": False, "data_size_limit": 200_000})
    server.start()
    try:
        config = make_config(port=server.port)
        result = deliver_report(config, big_report(50_000))
        got = counts(server)
        assert got.get("mp@kpu.example") == 1 and got.get("pelayanan@kpu.example") == 1
        assert any("552" in e for e in result.errors)
        assert result.exit_code == ExitCode.DELIVERY_FAILED
        assert Outbox(config.state_dir).pending() == []  # nothing left leading the next batch
    finally:
        server.stop()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_sent_ledger_is_rebuilt_and_nothing_is_sent_twice(
        make_config, smtp_server, damage, capsys) -> None:
    config = make_config(port=smtp_server.port)
    write_sample_report(config)
    assert len(deliver_month(config, 2022, 5).sent) == 4
    ledger = Path(config.state_dir) / "outbox" / "sent.sqlite3"
    data = ledger.read_bytes()
    ledger.write_bytes(b"\x00garbage, not a database\xff" * 100 if damage == "garbage"
                       else data[:700])
    again = deliver_month(config, 2022, 5)
    assert len(again.skipped) == 4 and again.sent == []
    assert len(smtp_server.recorder.messages) == 4
    assert list(ledger.parent.glob("sent.sqlite3.corrupt-*"))
    assert "dibangun ulang dari 4 tanda terima" in capsys.readouterr().err
