"""The whole night: real scan of a real tree, real mail to an in-process SMTP server."""

from __future__ import annotations

import logging
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import pytest
from deliver_kit import PASSWORD, parts

from auditor.config import load_config
from auditor.rules.load import dump_rules
from auditor.rules.model import Part, RuleSet

pytestmark = pytest.mark.slow  # a real SMTP server, killed runs

SK = Part("sk", "SK", name_words=("sk",), signed_required=True)


def write_sk(path: Path, day: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for line in ("KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "MEMUTUSKAN",
                 f"Ditetapkan di Karanganyar pada tanggal {day}",
                 "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR,", "ttd.",
                 "TRIASTUTI SURYANDARI"):
        document.add_paragraph(line)
    document.save(path)


@pytest.fixture
def office(tmp_path: Path, make_rule, smtp_server, monkeypatch):
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", PASSWORD)
    done = make_rule("I.1.4", months=(5,), parts=(SK,), evidence="SK Tim Kerja ZI",
                     team="Tim Manajemen Perubahan", folder="I/1/I.1.4 SK Tim Kerja ZI",
                     patterns=("I/1/I.1.4*/**",))
    open_gap = make_rule("V.2.1", months=(5,), parts=(SK,), evidence="SK Satgas SPIP",
                         area="V", area_name="Penguatan Pengawasan", team="Tim Pengawasan",
                         folder="V/2/V.2.1 SK Satgas SPIP", patterns=("V/2/V.2.1*/**",))
    ruleset = RuleSet(office="KPU Kabupaten Karanganyar", year=2022, source="test",
                      rules=(done, open_gap), teams=("Tim Manajemen Perubahan", "Tim Pengawasan"))
    (tmp_path / "rules.yaml").write_text(dump_rules(ruleset), encoding="utf-8")
    root = tmp_path / "bukti"
    (root / open_gap.folder).mkdir(parents=True)
    write_sk(root / done.folder / "SK Tim Kerja ZI.docx", "13 Mei 2022")
    for n in range(5):
        write_sk(root / "I" / "1" / "I.1.4 SK Tim Kerja ZI" / "arsip" / f"SK lama {n}.docx",
                 "2 Mei 2022")
    (tmp_path / "config.yaml").write_text(
        "evidence_root: bukti\nrules: [rules.yaml]\nyear: 2022\nreports_dir: out/reports\n"
        "state_dir: out/state\ninspect: {workers: 1}\n"
        "teams:\n"
        "  - {name: Tim Manajemen Perubahan, lead: Sri Wahyuni, email: mp@kpu.example}\n"
        "  - {name: Tim Pengawasan, lead: Budi Santoso, email: pengawasan@kpu.example}\n"
        "coordinator: {name: Koordinator ZI, email: koordinator@kpu.example}\n"
        f"smtp: {{host: 127.0.0.1, port: {smtp_server.port}, security: none, user: zi-auditor,"
        " password_env: ZI_TEST_SMTP_PASSWORD, sender: zi@kpu.example}\n"
        "email: {max_attempts: 1}\n", encoding="utf-8")
    return load_config(tmp_path / "config.yaml")


def scan_and_mail(config):
    from auditor.deliver.send import deliver_after_scan
    from auditor.pipeline import ScanOptions, run_scan

    outcome = run_scan(config, ScanOptions(month=5, year=2022))
    return outcome, deliver_after_scan(config, outcome)


def test_a_nightly_run_mails_each_lead_their_gaps(office, smtp_server) -> None:
    outcome, result = scan_and_mail(office)
    assert outcome.exit_code == 0 and len(result.sent) == 3
    [mail] = smtp_server.recorder.to("pengawasan@kpu.example")
    assert mail.message["Subject"] == "[ZI] Kekurangan bukti fisik Mei 2022 — Tim Pengawasan: 1 item"
    assert "V.2.1" in parts(mail.message)["text"]
    [mail] = smtp_server.recorder.to("mp@kpu.example")
    assert mail.message["Subject"] == "[ZI] Bukti fisik Mei 2022 lengkap — Tim Manajemen Perubahan"


@pytest.mark.parametrize("unmount", ["missing", "empty", "shrunk"])
def test_unmounted_share_alerts_only_the_coordinator_and_keeps_the_report(
        office, smtp_server, unmount) -> None:
    first, _ = scan_and_mail(office)
    assert first.exit_code == 0
    folder = first.report_dir
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    received = len(smtp_server.recorder.messages)

    root = office.evidence_root
    if unmount == "missing":
        shutil.rmtree(root)
    elif unmount == "empty":
        shutil.rmtree(root)
        root.mkdir()
    else:  # most files gone, as when a sub-share is not mounted
        shutil.rmtree(root / "I" / "1" / "I.1.4 SK Tim Kerja ZI" / "arsip")

    outcome, result = scan_and_mail(office)
    assert outcome.exit_code == 3 and outcome.root_problem
    new = smtp_server.recorder.messages[received:]
    assert [m.rcpt_tos for m in new] == [["koordinator@kpu.example"]]
    assert "PERINGATAN" in new[0].message["Subject"]
    assert outcome.root_problem in parts(new[0].message)["text"]
    assert result.alerts == ["koordinator@kpu.example"] and not result.skipped
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before, "the last good report must stay as it was"


def test_serve_job_scans_and_mails_when_the_scheduler_fires(office, smtp_server, caplog) -> None:
    from auditor.run.job import audit_and_mail
    from auditor.run.schedule import JOB_ID, Service

    caplog.set_level(logging.INFO, logger="auditor")
    finished = []

    def job() -> None:
        finished.append(audit_and_mail(office))

    service = Service(office, job)
    service.start()
    try:
        tz = ZoneInfo(office.timezone)
        service.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(tz) + timedelta(seconds=1))
        deadline = datetime.now(tz) + timedelta(seconds=60)
        while not finished and datetime.now(tz) < deadline:
            service.stopping.wait(0.1)
    finally:
        service.stop()
    assert finished == [0]
    assert {r for m in smtp_server.recorder.messages for r in m.rcpt_tos} == {
        "mp@kpu.example", "pengawasan@kpu.example", "koordinator@kpu.example"}
    assert list((office.reports_dir).glob("*/gap-report.json"))
    # the run's one log line: files read, gaps, duration, mail sent
    assert "audit selesai: 6 berkas, 6 dibaca ulang," in caplog.text
    assert "surel terkirim 3, menunggu di outbox 0" in caplog.text


def test_scan_email_command_on_an_unmounted_share(office, smtp_server, capsys) -> None:
    from auditor.cli import main

    args = ["scan", "--config", str(office.path), "--month", "5", "--year", "2022", "--quiet",
            "--email"]
    assert main(args) == 0
    received = len(smtp_server.recorder.messages)
    assert received == 3
    # the cron run leaves the same one-line log as `serve`, in the state folder
    log = (office.state_dir / "logs" / "zi-auditor.log").read_text(encoding="utf-8")
    assert "surel terkirim 3" in log
    shutil.rmtree(office.evidence_root)
    assert main(args) == 3
    new = smtp_server.recorder.messages[received:]
    assert [m.rcpt_tos for m in new] == [["koordinator@kpu.example"]]


def test_watch_rewrites_the_report_when_evidence_arrives(office, smtp_server) -> None:
    import json
    import time

    from auditor.pipeline import ScanOptions, run_scan
    from auditor.run.watch import Watcher

    runs = []

    def audit(paths) -> None:  # noqa: ANN001
        runs.append(paths)
        run_scan(office, ScanOptions(month=5, year=2022, changed_paths=paths))

    audit(None)
    report = office.reports_dir / "2022-05" / "gap-report.json"

    def status() -> str:
        data = json.loads(report.read_text(encoding="utf-8"))
        return next(v["status"] for v in data["verdicts"] if v["rule_id"] == "V.2.1")

    assert status() == "missing"
    watcher = Watcher(office.evidence_root, audit, polling=True, debounce_seconds=0.3,
                      poll_interval=0.2, ignore=[office.state_dir, office.reports_dir])
    watcher.start()
    try:
        write_sk(office.evidence_root / "V" / "2" / "V.2.1 SK Satgas SPIP" / "SK Satgas SPIP.docx",
                 "20 Mei 2022")
        deadline = time.monotonic() + 30
        while status() == "missing" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status() == "ok"
        assert len(runs) == 2 and runs[1] and all(p.suffix == ".docx" for p in runs[1])
    finally:
        watcher.stop()
    assert smtp_server.recorder.messages == []  # watching never mails


def test_scan_email_with_a_refused_login_exits_delivery_failed(
        office, smtp_server, monkeypatch, capsys) -> None:
    from auditor.cli import main

    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", "kata-sandi-lama")  # changed on the server
    args = ["scan", "--config", str(office.path), "--month", "5", "--year", "2022", "--quiet",
            "--email"]
    assert main(args) == 5  # cron and systemd see that the mail did not go out
    assert "menolak login" in capsys.readouterr().err
    assert smtp_server.recorder.messages == []
    monkeypatch.setenv("ZI_TEST_SMTP_PASSWORD", PASSWORD)
    assert main(args) == 0 and len(smtp_server.recorder.messages) == 3
